package rule

import (
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/citation"
)

// TestCitationDocExamples: the Bad example of each CIT rule raises its issue
// in the parser, and the Good example does not.
func TestCitationDocExamples(t *testing.T) {
	items := func(yaml string) []string {
		var out []string
		for _, l := range strings.Split(yaml, "\n") {
			if s, ok := strings.CutPrefix(l, "  - "); ok {
				out = append(out, s)
			}
		}
		return out
	}
	has := func(c citation.Cell, code string) bool {
		for _, is := range c.Issues() {
			if is.Code == code {
				return true
			}
		}
		return false
	}
	for _, r := range All() {
		if !strings.HasPrefix(r.ID, "CIT-") || r.ID == "CIT-009" || r.ID == "CIT-010" { // CIT-009 compares lines and CIT-010 reads the sector, not parser issues: testdata/rules/CIT-009, CIT-010
			continue
		}
		bad, good := items(r.Doc.Bad), items(r.Doc.Good)
		if len(bad) == 0 || len(good) == 0 {
			t.Errorf("%s: examples without appui_legal items", r.ID)
			continue
		}
		if c := citation.ParseCellDefault(bad, lai); !has(c, r.ID) {
			t.Errorf("%s: the Bad example %q raises no %s: %+v", r.ID, bad, r.ID, c.Issues())
		}
		if c := citation.ParseCellDefault(good, lai); has(c, r.ID) {
			t.Errorf("%s: the Good example %q raises %s: %+v", r.ID, good, r.ID, c.Issues())
		}
	}
}
