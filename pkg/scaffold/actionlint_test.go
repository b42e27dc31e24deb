package scaffold

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkflowsActionlint checks the GitHub workflows `registre init` writes
// with actionlint, pinned in go.mod as a Go tool (so CI always has it).
func TestWorkflowsActionlint(t *testing.T) {
	if testing.Short() {
		t.Skip("actionlint: skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("go is not on PATH: actionlint cannot run, and CI must not skip it")
		}
		t.Skip("go is not on PATH: actionlint not run")
	}
	files, err := Repository()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var workflows []string
	for _, f := range files {
		if !strings.HasPrefix(f.Path, ".github/workflows/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		workflows = append(workflows, p)
	}
	if len(workflows) < 2 {
		t.Fatalf("want the CI and the deadlines workflows, got %v", workflows)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goBin, append([]string{"tool", "actionlint", "-no-color", "-shellcheck=", "-pyflakes="}, workflows...)...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("actionlint: %v\n%s", err, out)
	}
}
