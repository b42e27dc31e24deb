package source

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
)

func TestNumbering(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git absent")
	}
	dir := t.TempDir()
	write := func(rel string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("id: x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Essai", "-c", "user.email=essai@exemple.org"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	k := model.Communications
	write("communications/COM-0001.yaml")
	// Outside git: the working tree only.
	if seq, _, err := Numbering(dir, k); err != nil || seq.Next() != "COM-0002" {
		t.Fatalf("outside git: %v", err)
	}
	git("init", "-q")
	write("communications/2024/COM-0002.yaml")
	git("add", "-A")
	git("commit", "-q", "-m", "un")
	git("rm", "-q", "communications/2024/COM-0002.yaml")
	git("commit", "-q", "-m", "deux")

	seq, current, err := Numbering(dir, k)
	if err != nil {
		t.Fatal(err)
	}
	if len(current) != 1 || current["COM-0001"] != "communications/COM-0001.yaml" {
		t.Errorf("current = %v", current)
	}
	if got := seq.Next(); got != "COM-0003" {
		t.Errorf("next = %s, want COM-0003 (COM-0002 was deleted, never reused)", got)
	}
}
