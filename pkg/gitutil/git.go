// Package gitutil runs the few git commands registre needs: changed files,
// last-commit dates, file contents at a revision.
package gitutil

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Run runs git in dir and returns its standard output.
func Run(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s : %s", strings.Join(args, " "), msg)
	}
	return out.String(), nil
}

// IsRepo reports whether dir is inside a git work tree.
func IsRepo(dir string) bool {
	out, err := Run(dir, "rev-parse", "--is-inside-work-tree")
	return err == nil && strings.TrimSpace(out) == "true"
}

// Ignored reports whether git ignores name (relative to dir) in the work
// tree that holds dir; a path git tracks is not ignored. known is false
// when dir is in no work tree or git cannot tell.
func Ignored(dir, name string) (ignored, known bool) {
	if !IsRepo(dir) {
		return false, false
	}
	err := exec.Command("git", "-C", dir, "check-ignore", "-q", "--", name).Run()
	if err == nil {
		return true, true
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 1 {
		return false, true
	}
	return false, false
}

// Prefix returns the path of dir inside its git work tree, slash-separated,
// with a final slash ("registres/"; "" at the top), and whether dir is in a
// work tree at all.
func Prefix(dir string) (string, bool) {
	out, err := Run(dir, "rev-parse", "--show-prefix")
	if err != nil {
		return "", false
	}
	return filepath.ToSlash(strings.TrimSpace(out)), true
}

// VerifyRev checks that rev names a commit.
func VerifyRev(dir, rev string) error {
	if _, err := Run(dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return fmt.Errorf("révision git inconnue : %s", rev)
	}
	return nil
}

// Changed lists files changed since rev (committed, staged, unstaged and
// untracked), relative to dir, slash-separated.
func Changed(dir, rev string) (map[string]bool, error) {
	if err := VerifyRev(dir, rev); err != nil {
		return nil, err
	}
	diff, err := Run(dir, "diff", "--name-only", "--relative", "--no-renames", rev, "--")
	if err != nil {
		return nil, err
	}
	untracked, err := Run(dir, "ls-files", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, l := range strings.Split(diff+"\n"+untracked, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			m[filepath.ToSlash(l)] = true
		}
	}
	return m, nil
}

// LastCommitDate returns the committer date (YYYY-MM-DD, UTC) of the last
// commit touching path under dir, or "" when there is none.
func LastCommitDate(dir, path string) string {
	out, err := Run(dir, "log", "-1", "--format=%ct", "--", path)
	if err != nil {
		return ""
	}
	sec, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	if err != nil {
		return ""
	}
	return time.Unix(sec, 0).UTC().Format("2006-01-02")
}

// MaxEpoch is the last second of year 9999 (UTC): dates have four digits.
const MaxEpoch = 253402300799

// EpochDate converts a SOURCE_DATE_EPOCH value to YYYY-MM-DD (UTC). The
// value must be a whole number of seconds from 0 (1970-01-01) to MaxEpoch
// (9999-12-31).
func EpochDate(v string) (string, error) {
	sec, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || sec < 0 || sec > MaxEpoch {
		return "", fmt.Errorf("SOURCE_DATE_EPOCH invalide : %q (un nombre entier de secondes depuis le 1970-01-01, de 0 à %d, soit au plus le 9999-12-31)", v, int64(MaxEpoch))
	}
	return time.Unix(sec, 0).UTC().Format("2006-01-02"), nil
}

// LastCommitDateAt is LastCommitDate in the history of rev (not HEAD).
func LastCommitDateAt(dir, rev, path string) string {
	out, err := Run(dir, "log", "-1", "--format=%ct", rev, "--", path)
	if err != nil {
		return ""
	}
	sec, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	if err != nil {
		return ""
	}
	return time.Unix(sec, 0).UTC().Format("2006-01-02")
}
