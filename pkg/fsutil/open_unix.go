//go:build unix

package fsutil

import (
	"os"
	"syscall"
)

// openNoBlock opens name for reading without following a symbolic link in
// its last element and without waiting for a writer when it is a named pipe.
func openNoBlock(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
}
