package fsutil

import "golang.org/x/sys/unix"

// exchange swaps the folders a and b in one atomic step (renameat2
// RENAME_EXCHANGE): at every instant each name holds a whole folder.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
