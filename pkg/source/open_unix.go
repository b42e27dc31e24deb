//go:build unix

package source

import (
	"os"
	"syscall"
)

// openNoBlock opens name for reading without following a symbolic link in
// its last element (O_NOFOLLOW) and without waiting for a writer when it is
// a named pipe (O_NONBLOCK): a file swapped for a link or a FIFO after the
// walk looked at it is caught by the caller's fstat, never waited on.
func openNoBlock(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
}
