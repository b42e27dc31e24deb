package gitutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Essai", "-c", "user.email=essai@exemple.org"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("id: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHistoryIDs(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git absent")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "communications", "COM-0001.yaml"))

	// Outside git: the working tree only.
	if ids, err := HistoryIDs(dir, "communications"); err != nil || ids != nil {
		t.Fatalf("outside git: %v %v", ids, err)
	}
	// A repository without commits: no history, no error.
	git(t, dir, "init", "-q")
	if ids, err := HistoryIDs(dir, "communications"); err != nil || ids != nil {
		t.Fatalf("no commit: %v %v", ids, err)
	}
	write(t, filepath.Join(dir, "communications", "2024", "COM-0002.yaml"))
	write(t, filepath.Join(dir, "communications", "notes.txt"))
	write(t, filepath.Join(dir, "efvp", "EFVP-0009.yaml"))
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "un")
	git(t, dir, "rm", "-q", "communications/2024/COM-0002.yaml")
	git(t, dir, "commit", "-q", "-m", "deux")

	ids, err := HistoryIDs(dir, "communications")
	sort.Strings(ids)
	if err != nil || !reflect.DeepEqual(ids, []string{"COM-0001", "COM-0002"}) {
		t.Fatalf("history = %v, %v", ids, err)
	}
}
