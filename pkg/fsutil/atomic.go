// Package fsutil is where registre writes: the path guard (Guard: the one
// check every command that writes, replaces or deletes goes through), the
// atomic writers, the replacement of a built edition's folder (ReplaceDir,
// with its lock) and the French wording of operating-system errors
// (Explain).
package fsutil

import (
	"errors"
	"github.com/registre-qc/registre/pkg/oserr"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile replaces name with data through a temporary file in the same
// folder and a rename, so a reader never sees half of it. An existing file
// keeps its mode (new files get 0644); missing parent folders are created.
// A symbolic link is never written through: it is refused. Callers check
// name with a Guard first (Guard.WriteFile, Guard.WriteReport).
func WriteFile(name string, data []byte) error {
	mode := fs.FileMode(0o644)
	if st, err := os.Lstat(name); err == nil {
		if st.Mode()&fs.ModeSymlink != 0 {
			return refuseLink(name)
		}
		if st.IsDir() {
			return refuse("%s est un dossier : impossible d'y écrire un fichier", name)
		}
		mode = st.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return oserr.Explain(err)
	}
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return oserr.Explain(err)
	}
	tmp, err := os.CreateTemp(dir, ".registre-*")
	if err != nil {
		return oserr.Explain(err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return oserr.Explain(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return oserr.Explain(err)
	}
	if err := tmp.Close(); err != nil {
		return oserr.Explain(err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return oserr.Explain(&fs.PathError{Op: "write", Path: name, Err: errors.Unwrap(err)})
	}
	return nil
}
