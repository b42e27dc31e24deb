package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/registre-qc/registre/pkg/fsutil"
)

// rename is os.Rename; tests replace it to make a rename fail.
var rename = os.Rename

// ExistsError lists files an import would replace without --force.
type ExistsError struct{ Paths []string }

func (e *ExistsError) Error() string {
	const maxShown = 10
	paths := e.Paths
	more := ""
	if len(paths) > maxShown {
		more = fmt.Sprintf("\n  … et %d autres", len(paths)-maxShown)
		paths = paths[:maxShown]
	}
	n := len(e.Paths)
	what := "ce fichier existe déjà"
	if n > 1 {
		what = fmt.Sprintf("ces %d fichiers existent déjà", n)
	}
	return fmt.Sprintf("%s :\n  %s%s\nRien n'a été écrit. --force met à jour leurs colonnes publiées (les autres clés et les commentaires sont gardés) ; sans colonne Identifiant, l'importation attribue de nouveaux identifiants.",
		what, strings.Join(paths, "\n  "), more)
}

// Write writes every entry file under dir, all or none: each file is first
// written beside its target under a temporary name, then renamed into place.
// If anything fails, the files already renamed are removed (a replaced file
// gets its old content back) and the temporary files deleted. Existing files
// are replaced only when force is set.
func (p *Plan) Write(dir string, force bool) (err error) {
	type op struct {
		target, tmp, backup string
		renamed             bool
	}
	ops := make([]op, len(p.Entries)) // one per entry, in order
	var newDirs []string              // folders this run created, outermost first
	var conflicts []string
	defer func() {
		if err == nil {
			for _, o := range ops {
				if o.backup != "" {
					_ = os.Remove(o.backup)
				}
			}
			return
		}
		for i := len(ops) - 1; i >= 0; i-- {
			o := ops[i]
			if o.renamed {
				_ = os.Remove(o.target)
				if o.backup != "" {
					_ = rename(o.backup, o.target)
				}
			} else {
				if o.backup != "" {
					_ = rename(o.backup, o.target)
				}
				if o.tmp != "" {
					_ = os.Remove(o.tmp)
				}
			}
		}
		for i := len(newDirs) - 1; i >= 0; i-- {
			_ = os.Remove(newDirs[i]) // only when empty
		}
	}()

	// Phase 0: the path guard (inside the repository, never through a link).
	guard, gerr := fsutil.NewGuard(dir)
	if gerr != nil {
		return gerr
	}
	targets := make([]string, len(p.Entries))
	for i, e := range p.Entries {
		real, gerr := guard.RepoFile(filepath.Join(dir, filepath.FromSlash(e.Path)))
		if gerr != nil {
			return gerr
		}
		targets[i] = real
	}
	// Phase 1: every file under a temporary name beside its target.
	known := map[string]bool{} // folders known to exist
	for i, e := range p.Entries {
		target := targets[i]
		ops[i].target = target
		if _, serr := os.Lstat(target); serr == nil && !force {
			conflicts = append(conflicts, e.Path)
			continue
		}
		if d := filepath.Dir(target); !known[d] {
			created, merr := mkdirAll(d)
			newDirs = append(newDirs, created...)
			if merr != nil {
				return fmt.Errorf("impossible de créer le dossier %s : %v", d, merr)
			}
			known[d] = true
		}
	}
	if len(conflicts) > 0 {
		return &ExistsError{conflicts}
	}
	for i := range ops {
		tmp, werr := writeTemp(filepath.Dir(ops[i].target), i, p.Entries[i].Data)
		if werr != nil {
			return fmt.Errorf("impossible d'écrire %s : %v", p.Entries[i].Path, werr)
		}
		ops[i].tmp = tmp
	}
	// Phase 2: rename into place, keeping any replaced file until the end.
	for i := range ops {
		o := &ops[i]
		if _, serr := os.Lstat(o.target); serr == nil {
			if !force {
				return &ExistsError{[]string{p.Entries[i].Path}} // appeared since phase 1
			}
			o.backup = o.tmp + ".orig"
			if rerr := rename(o.target, o.backup); rerr != nil {
				o.backup = ""
				return fmt.Errorf("impossible de remplacer %s : %v", o.target, rerr)
			}
		}
		if rerr := rename(o.tmp, o.target); rerr != nil {
			return fmt.Errorf("impossible d'écrire %s : %v", o.target, rerr)
		}
		o.renamed = true
	}
	return nil
}

// mkdirAll creates d and its missing parents and returns the folders it created, outermost first.
func mkdirAll(d string) ([]string, error) {
	var missing []string
	for p := d; ; p = filepath.Dir(p) {
		st, err := os.Stat(p)
		if err == nil {
			if !st.IsDir() {
				return nil, fmt.Errorf("%s n'est pas un dossier", p)
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		missing = append([]string{p}, missing...)
		if filepath.Dir(p) == p {
			break
		}
	}
	for i, p := range missing {
		if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return missing[:i], err
		}
	}
	return missing, nil
}

// writeTemp writes data to a new hidden file in d (the loader skips dot
// files), named after the process and the entry's index.
func writeTemp(d string, i int, data []byte) (string, error) {
	var f *os.File
	var err error
	var name string
	for try := 0; try < 100; try++ {
		name = filepath.Join(d, fmt.Sprintf(".registre-import-%d-%d-%d.tmp", os.Getpid(), i, try))
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(name)
		return "", err
	}
	return name, nil
}
