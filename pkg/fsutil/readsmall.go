package fsutil

import (
	"errors"
	"io"
	"io/fs"
	"os"
)

// readSmall reads name, a file registre itself writes (an edition's marker
// or manifest) in a folder it inspects: only a regular file, never through
// a symbolic link, never waiting on a named pipe, at most max bytes. It
// reports present=false when nothing is there, and ok=false when something
// is there that is not such a file (a link to /dev/zero, a FIFO, a device,
// an oversized file): the caller must then assume the worst, never hang or
// read without end.
func readSmall(name string, max int64) (data []byte, present, ok bool) {
	st, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, true
	}
	if err != nil || !st.Mode().IsRegular() || st.Size() > max {
		return nil, true, false
	}
	f, err := openNoBlock(name)
	if err != nil {
		return nil, true, false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, true, false
	}
	data, err = io.ReadAll(io.LimitReader(f, max+1))
	if err != nil || int64(len(data)) > max {
		return nil, true, false
	}
	return data, true, true
}
