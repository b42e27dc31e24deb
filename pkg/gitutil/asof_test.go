package gitutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func gitRun(t *testing.T, dir string, env []string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), append([]string{"GIT_AUTHOR_NAME=a", "GIT_AUTHOR_EMAIL=a@b", "GIT_COMMITTER_NAME=a", "GIT_COMMITTER_EMAIL=a@b"}, env...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestResolveExport: a date is the last commit of that day in Montréal; the
// export of a sub-folder holds that commit's files, links included, and the
// working tree is untouched.
func TestResolveExport(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git absent")
	}
	mtl, err := time.LoadLocation("America/Montreal")
	if err != nil {
		t.Skip("no time zone database")
	}
	root := t.TempDir()
	gitRun(t, root, nil, "init", "-q")
	sub := filepath.Join(root, "registres")
	write := func(p, c string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(sub, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("registre.yaml", "v1\n")
	write(".gitattributes", "* export-ignore\n") // must not hide anything
	if err := os.Symlink("registre.yaml", filepath.Join(sub, "lien.yaml")); err != nil {
		t.Fatal(err)
	}
	gitRun(t, root, nil, "add", "-A")
	gitRun(t, root, []string{"GIT_COMMITTER_DATE=2026-03-01T23:30:00-05:00"}, "commit", "-q", "-m", "1")
	write("registre.yaml", "v2\n")
	gitRun(t, root, []string{"GIT_COMMITTER_DATE=2026-03-02T00:30:00-05:00"}, "commit", "-q", "-am", "2")
	write("registre.yaml", "v3 (non validé)\n")

	first, err := Resolve(sub, "2026-03-01", mtl)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Resolve(sub, "2026-03-02", mtl)
	if err != nil || second == first {
		t.Fatalf("2026-03-02 → %s, %v; want the second commit", second, err)
	}
	if head, _ := Resolve(sub, "HEAD", mtl); head != second {
		t.Errorf("HEAD → %s, want %s", head, second)
	}
	if _, err := Resolve(sub, "2026-02-28", mtl); err == nil || !strings.Contains(err.Error(), "aucun commit") {
		t.Errorf("before the first commit: %v", err)
	}
	if _, err := Resolve(sub, "--output=x", mtl); err == nil {
		t.Error("an option-looking revision must be refused")
	}
	if _, date := CommitInfo(sub, first, mtl); date != "2026-03-01" {
		t.Errorf("commit date in Montréal = %s, want 2026-03-01", date)
	}
	dest := t.TempDir()
	if err := Export(sub, first, dest); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "registre.yaml")); string(b) != "v1\n" {
		t.Errorf("exported registre.yaml = %q, want v1", b)
	}
	if l, err := os.Readlink(filepath.Join(dest, "lien.yaml")); err != nil || l != "registre.yaml" {
		t.Errorf("link = %q, %v", l, err)
	}
	if _, err := os.Stat(filepath.Join(dest, ".gitattributes")); err != nil {
		t.Errorf(".gitattributes missing from the export: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(sub, "registre.yaml")); string(b) != "v3 (non validé)\n" {
		t.Errorf("working tree changed: %q", b)
	}
	if _, err := Resolve(t.TempDir(), "HEAD", mtl); err == nil || !strings.Contains(err.Error(), "n'est pas dans un dépôt git") {
		t.Errorf("outside git: %v", err)
	}
}
