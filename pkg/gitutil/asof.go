package gitutil

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

var dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Resolve turns a revision or a date (AAAA-MM-JJ: the last commit on or
// before the end of that day in loc) into a full commit id.
func Resolve(dir, spec string, loc *time.Location) (commit string, err error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return "", errors.New("révision ou date vide")
	}
	if !IsRepo(dir) {
		return "", fmt.Errorf("%s n'est pas dans un dépôt git : l'historique des registres est introuvable (git init, puis un commit par modification)", dir)
	}
	if dateRe.MatchString(spec) {
		day, err := time.ParseInLocation("2006-01-02", spec, loc)
		if err != nil {
			return "", fmt.Errorf("date invalide : %q (format attendu : AAAA-MM-JJ)", spec)
		}
		end := day.AddDate(0, 0, 1).Unix() - 1 // 23:59:59 that day in Montréal
		none := fmt.Errorf("aucun commit le %s ou avant : le dépôt n'existait pas encore à cette date", spec)
		if end < 0 {
			return "", none // git has no commit before 1970
		}
		// « @SECONDS +0000 » is git's raw date: a bare number is not always
		// read as one (--before=190799 meant « no limit »: the last commit).
		out, err := Run(dir, "rev-list", "-1", fmt.Sprintf("--before=@%d +0000", end), "HEAD")
		if err != nil {
			return "", fmt.Errorf("historique git illisible : %v", err)
		}
		c := strings.TrimSpace(out)
		if c != "" {
			// Never trust the date parser blindly: the commit must be of that day or before.
			ct, err := Run(dir, "log", "-1", "--format=%ct", c)
			if sec, perr := strconv.ParseInt(strings.TrimSpace(ct), 10, 64); err != nil || perr != nil || sec > end {
				return "", none
			}
		}
		if c == "" {
			return "", none
		}
		return c, nil
	}
	if strings.HasPrefix(spec, "-") {
		return "", fmt.Errorf("révision git invalide : %s", spec)
	}
	out, err := Run(dir, "rev-parse", "--verify", "--quiet", spec+"^{commit}")
	if err != nil || strings.TrimSpace(out) == "" {
		return "", fmt.Errorf("révision git inconnue : %s (une date AAAA-MM-JJ, un commit, une étiquette ou une branche)", spec)
	}
	return strings.TrimSpace(out), nil
}

// CommitInfo returns the short id and committer date (YYYY-MM-DD in loc) of commit.
func CommitInfo(dir, commit string, loc *time.Location) (short, date string) {
	out, err := Run(dir, "log", "-1", "--format=%h %ct", commit)
	if err != nil {
		return commit, ""
	}
	f := strings.Fields(out)
	if len(f) != 2 {
		return commit, ""
	}
	var sec int64
	fmt.Sscan(f[1], &sec)
	return f[0], time.Unix(sec, 0).In(loc).Format("2006-01-02")
}

// Export writes the files of dir as they were at commit into dest (an
// empty folder), from git's object store: the working tree and the index are
// never touched, and .gitattributes cannot leave a file out. dir may be a
// sub-folder of the git work tree. Symbolic links are written as links (the
// loader decides what a link may point to); submodules are left out.
//
// A blob larger than maxBlob is written as an empty (sparse) file of its
// size: never read into memory nor onto the disk.
func Export(dir, commit, dest string, maxBlob int64) error {
	prefix, err := Run(dir, "rev-parse", "--show-prefix")
	if err != nil {
		return err
	}
	prefix = strings.TrimSpace(prefix)
	treeish := commit + ":" + prefix
	if prefix != "" {
		if _, err := Run(dir, "cat-file", "-e", treeish); err != nil {
			return fmt.Errorf("le dossier %s n'existait pas encore au commit %s", strings.TrimSuffix(prefix, "/"), commit)
		}
	}
	list, err := Run(dir, "ls-tree", "-r", "-z", "--full-tree", treeish)
	if err != nil {
		return err
	}
	type blob struct{ path, mode, sha string }
	var blobs []blob
	for _, rec := range strings.Split(list, "\x00") {
		tab := strings.IndexByte(rec, '\t')
		if tab < 0 {
			continue
		}
		meta, p := strings.Fields(rec[:tab]), rec[tab+1:]
		if len(meta) != 3 || meta[1] != "blob" {
			continue
		}
		clean := path.Clean(p)
		if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") || path.IsAbs(clean) {
			continue // git never stores such paths; refuse them all the same
		}
		blobs = append(blobs, blob{clean, meta[0], meta[2]})
	}
	// Regular files first, links last: a link written early could send a
	// later file elsewhere where names differ only by case.
	sort.SliceStable(blobs, func(i, j int) bool { return blobs[i].mode != "120000" && blobs[j].mode == "120000" })
	shas := make([]string, len(blobs))
	for i, b := range blobs {
		shas[i] = b.sha
	}
	return eachBlob(dir, shas, func(i int, size int64, r io.Reader) error {
		b := blobs[i]
		target := filepath.Join(dest, filepath.FromSlash(b.path))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if b.mode == "120000" {
			if size > 4096 {
				return fmt.Errorf("lien symbolique %s : cible trop longue", b.path)
			}
			to, err := io.ReadAll(r)
			if err != nil {
				return err
			}
			return os.Symlink(string(to), target)
		}
		f, err := os.OpenFile(target, os.O_CREATE|os.O_EXCL|os.O_WRONLY|oNoFollow, 0o644)
		if err != nil {
			return err
		}
		if size > maxBlob {
			// Never read into memory nor written out: a file of the same
			// size with nothing in it (sparse) is all any reader needs to
			// report it as too big, which every reader does well below.
			_, err = io.Copy(io.Discard, r)
			if err == nil {
				err = f.Truncate(size)
			}
		} else {
			_, err = io.Copy(f, r)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
}

// CatBlobs reads blobs in one `git cat-file --batch` process (one `git show`
// per file would be slow on a large register). A blob larger than max bytes
// is not read into memory: its content is its first max+1 bytes, enough for
// the caller to see that it is too big.
func CatBlobs(dir string, shas []string, max int64) ([][]byte, error) {
	out := make([][]byte, len(shas))
	err := eachBlob(dir, shas, func(i int, size int64, r io.Reader) error {
		n := min(size, max+1)
		buf := make([]byte, n)
		if _, err := io.ReadFull(r, buf); err != nil {
			return err
		}
		out[i] = buf
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachBlob streams blobs from one `git cat-file --batch` process: fn gets
// each blob's index, size and content (to read, or not: what fn leaves is
// skipped); memory stays bounded whatever the blob sizes.
func eachBlob(dir string, shas []string, fn func(i int, size int64, r io.Reader) error) error {
	if len(shas) == 0 {
		return nil
	}
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch")
	cmd.Stdin = strings.NewReader(strings.Join(shas, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git cat-file : %v", err)
	}
	r := bufio.NewReader(stdout)
	var readErr, fnErr error
	for i := range shas {
		header, err := r.ReadString('\n')
		if err != nil {
			readErr = err
			break
		}
		f := strings.Fields(header)
		if len(f) != 3 {
			readErr = fmt.Errorf("réponse inattendue : %q", strings.TrimSpace(header))
			break
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 {
			readErr = fmt.Errorf("taille invalide : %q", f[2])
			break
		}
		body := &io.LimitedReader{R: r, N: size}
		if fnErr = fn(i, size, body); fnErr != nil {
			break
		}
		if _, err := io.Copy(io.Discard, body); err != nil {
			readErr = err
			break
		}
		if body.N > 0 {
			readErr = io.ErrUnexpectedEOF
			break
		}
		if _, err := r.ReadByte(); err != nil { // the line feed after the content
			readErr = err
			break
		}
	}
	if readErr != nil || fnErr != nil {
		_ = cmd.Process.Kill()
	}
	werr := cmd.Wait()
	if fnErr != nil {
		return fnErr
	}
	if readErr == nil && werr != nil {
		readErr = werr
	}
	if readErr != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = readErr.Error()
		}
		return fmt.Errorf("git cat-file --batch : %s", msg)
	}
	return nil
}
