//go:build !unix

package gitutil

// oNoFollow: O_EXCL already refuses an existing link here.
const oNoFollow = 0
