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
	if err := Export(sub, first, dest, 1<<20); err != nil {
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

// TestExportBigBlob: a blob larger than the bound is never read into memory
// nor written out: Export leaves a sparse file of its size, CatBlobs only its
// first max+1 bytes; the blobs around it are whole.
func TestExportBigBlob(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git absent")
	}
	root := t.TempDir()
	gitRun(t, root, nil, "init", "-q")
	big := strings.Repeat("x", 3<<20)
	for name, c := range map[string]string{"a.yaml": "a: 1\n", "gros.bin": big, "z.yaml": "z: 2\n"} {
		if err := os.WriteFile(filepath.Join(root, name), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitRun(t, root, nil, "add", "-A")
	gitRun(t, root, nil, "commit", "-q", "-m", "1")
	dest := t.TempDir()
	if err := Export(root, "HEAD", dest, 1<<20); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dest, "gros.bin"))
	if err != nil || st.Size() != int64(len(big)) {
		t.Fatalf("gros.bin: %v, %v; want a file of %d bytes", st, err, len(big))
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "gros.bin")); strings.Contains(string(got), "x") {
		t.Error("the big blob's content was written out")
	}
	for name, want := range map[string]string{"a.yaml": "a: 1\n", "z.yaml": "z: 2\n"} {
		if got, _ := os.ReadFile(filepath.Join(dest, name)); string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	out, err := Run(root, "rev-parse", "HEAD:gros.bin", "HEAD:z.yaml")
	if err != nil {
		t.Fatal(err)
	}
	contents, err := CatBlobs(root, strings.Fields(out), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if len(contents[0]) != 1<<20+1 || string(contents[1]) != "z: 2\n" {
		t.Errorf("CatBlobs: %d bytes and %q; want %d bytes and the whole small blob", len(contents[0]), contents[1], 1<<20+1)
	}
}
