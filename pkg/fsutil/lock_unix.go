//go:build unix

package fsutil

import (
	"errors"
	"github.com/registre-qc/registre/pkg/oserr"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// lockDir takes the lock of the output folder base in parent: an flock(2)
// on parent/.registre-verrou-BASE, which the system releases when its
// process ends, even killed: a lock left by a dead build is taken over
// without anyone's help. The file holds the pid of its owner, for the
// message. It waits up to wait for a live holder, then fails in French.
func lockDir(parent, base, shown string, wait time.Duration) (func(), error) {
	name := filepath.Join(parent, lockPrefix+base)
	deadline := time.Now().Add(wait)
	for {
		// Never through a link, never a FIFO or a device, never a file with
		// other names: the lock file is truncated and written, and a
		// repository can commit a link named like it (to ~/.bashrc…).
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0o644)
		if errors.Is(err, syscall.ELOOP) {
			return nil, refuseLockFile(name)
		}
		if err != nil {
			return nil, oserr.Explain(err)
		}
		if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || linkCount(st) > 1 {
			f.Close()
			return nil, refuseLockFile(name)
		}
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			// The file may have been removed by its previous owner between our
			// open and our lock: then the lock is on a file nobody else sees.
			st1, err1 := f.Stat()
			st2, err2 := os.Stat(name)
			if err1 == nil && err2 == nil && os.SameFile(st1, st2) {
				_ = f.Truncate(0)
				_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
				return func() {
					_ = os.Remove(name)
					_ = f.Close() // releases the lock
				}, nil
			}
			f.Close()
			continue
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EAGAIN) {
			f.Close()
			return nil, oserr.Explain(&os.PathError{Op: "flock", Path: name, Err: err})
		}
		data := make([]byte, 32)
		n, _ := f.ReadAt(data, 0)
		f.Close()
		if time.Now().After(deadline) {
			pid, _ := strconv.Atoi(strings.TrimSpace(string(data[:n])))
			return nil, lockHeld(shown, name, pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// linkCount is the number of names of the file st describes.
func linkCount(st os.FileInfo) uint64 {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(sys.Nlink)
	}
	return 1
}
