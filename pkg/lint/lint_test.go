package lint

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/registre-qc/registre/pkg/finding"
)

// TestExamplesClean: the bundled example repository has no unsuppressed finding.
func TestExamplesClean(t *testing.T) {
	res, err := Run(filepath.Join("..", "..", "examples"), Options{Today: "2026-01-15"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if !f.Suppressed {
			t.Errorf("%s %s %s", f.Location(), f.Rule, f.Message)
		}
	}
	if len(res.Repo.Entries) < 40 {
		t.Errorf("only %d entries in examples/", len(res.Repo.Entries))
	}
}

// TestLeanSameFindings: lean mode (entry rules as files are decoded, compact
// entries for cross-entry rules) reports exactly what the full mode reports,
// on the example and on every rule fixture.
func TestLeanSameFindings(t *testing.T) {
	dirs := []string{filepath.Join("..", "..", "examples")}
	fixtures, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "*", "*.txtar"))
	for _, fx := range fixtures {
		dirs = append(dirs, extract(t, fx))
	}
	for _, d := range dirs {
		full, err := Run(d, Options{Today: "2026-01-15"})
		if err != nil {
			t.Fatal(err)
		}
		lean, err := Run(d, Options{Today: "2026-01-15", Lean: true})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(strip(full.Findings), strip(lean.Findings)) {
			t.Errorf("%s: lean mode differs\nfull: %v\nlean: %v", d, full.Findings, lean.Findings)
		}
	}
}

func strip(fs []finding.Finding) []finding.Finding {
	if len(fs) == 0 {
		return nil
	}
	return fs
}

// TestLeanNoReread: on the bundled example, no rule needs a text that lean
// mode dropped (the findings would be right, but the rule slow).
func TestLeanNoReread(t *testing.T) {
	res, err := Run(filepath.Join("..", "..", "examples"), Options{Today: "2026-01-15", Lean: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reread) > 0 {
		t.Errorf("fichiers relus en mode allégé : %v", res.Reread)
	}
}
