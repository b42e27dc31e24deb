//go:build !unix

package fsutil

import (
	"errors"
	"github.com/registre-qc/registre/pkg/oserr"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// staleLock is the age after which a lock file is taken to be left by a
// killed build (this system offers no lock released at the process's end).
const staleLock = 2 * time.Hour

// lockDir takes the lock of the output folder base in parent: a file
// created exclusively, holding the owner's pid.
func lockDir(parent, base, shown string, wait time.Duration) (func(), error) {
	name := filepath.Join(parent, lockPrefix+base)
	deadline := time.Now().Add(wait)
	for {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, _ = f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
			f.Close()
			return func() { _ = os.Remove(name) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, oserr.Explain(err)
		}
		if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > staleLock {
			_ = os.Remove(name)
			continue
		}
		if time.Now().After(deadline) {
			data, _, _ := readSmall(name, maxMarker)
			pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
			return nil, lockHeld(shown, name, pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
