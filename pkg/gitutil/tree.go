package gitutil

import (
	"fmt"
	"strings"
)

// Commit returns the full id of the commit rev names.
func Commit(dir, rev string) (string, error) {
	if err := VerifyRev(dir, rev); err != nil {
		return "", err
	}
	out, err := Run(dir, "rev-parse", "--verify", rev+"^{commit}")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// HasCommit reports whether the repository holding dir has a HEAD commit.
func HasCommit(dir string) bool {
	_, err := Run(dir, "rev-parse", "--verify", "--quiet", "HEAD")
	return err == nil
}

// TreeFile is a file of a commit's tree.
type TreeFile struct {
	Path    string // relative to the folder asked for, slash-separated
	SHA     string // the blob's id, for CatBlobs
	Symlink bool
}

// TreeFiles lists the files under dir (a folder of the work tree, not
// necessarily its top) as they are in commit, sub-folders included. ok is
// false when the folder did not exist in that commit.
func TreeFiles(dir, commit string) (files []TreeFile, ok bool, err error) {
	prefix, err := Run(dir, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, false, err
	}
	treeish := commit + ":" + strings.TrimSpace(prefix)
	if strings.TrimSpace(prefix) != "" {
		if _, err := Run(dir, "cat-file", "-e", treeish); err != nil {
			return nil, false, nil
		}
	}
	// --full-tree: paths relative to treeish, not limited to the current folder.
	list, err := Run(dir, "ls-tree", "-r", "-z", "--full-tree", treeish)
	if err != nil {
		return nil, false, err
	}
	for _, rec := range strings.Split(list, "\x00") {
		// <mode> SP <type> SP <object> TAB <path>
		tab := strings.IndexByte(rec, '\t')
		if tab < 0 {
			continue
		}
		meta, p := strings.Fields(rec[:tab]), rec[tab+1:]
		if len(meta) != 3 {
			return nil, false, fmt.Errorf("git ls-tree : ligne inattendue %q", rec)
		}
		if meta[1] != "blob" {
			continue
		}
		files = append(files, TreeFile{Path: p, SHA: meta[2], Symlink: meta[0] == "120000"})
	}
	return files, true, nil
}
