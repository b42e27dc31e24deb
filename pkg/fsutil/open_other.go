//go:build !unix

package fsutil

import "os"

// openNoBlock opens name for reading (no named pipes in the file tree
// elsewhere; the caller's fstat refuses anything that is not a regular file).
func openNoBlock(name string) (*os.File, error) { return os.Open(name) }
