package rule_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/lint"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/rule"
)

// TestCrossRuleReadsText: a cross-entry rule that reads texts — its own
// entry's and another published entry's, in a branch no fixture of the
// rule's needs to exercise — reports in `registre lint` (lean mode) exactly
// what it reports in a full run. Lean mode drops texts for memory, but a
// dropped value asked for is read again from the file (model.Entry.Compact):
// a rule author cannot lose a finding by reading a text.
func TestCrossRuleReadsText(t *testing.T) {
	remove := rule.RegisterForTest(&rule.Rule{ID: "TST-901", Cross: true, Kinds: []*model.Kind{model.Communications},
		Doc: rule.Doc{Title: "essai", Severity: finding.Warning},
		Entry: func(p *rule.Pass, e *model.Entry) {
			other := p.Repo.ByID["COM-0002"]
			if other == nil || e.ID == other.ID {
				return
			}
			if strings.Contains(e.Str("fins"), "secret") && strings.Contains(other.Str("destinataire"), "Ville") {
				p.Report(e, "appui_legal/1", "texte lu par une règle croisée")
			}
		}})
	defer remove()

	dir := t.TempDir()
	files := map[string]string{
		"registre.yaml":                defaultConfig,
		"communications/COM-0001.yaml": communication("COM-0001", "Organisme", "Un motif secret."),
		"communications/COM-0002.yaml": communication("COM-0002", "Ville de Québec", "La gestion."),
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	only := func(fs []finding.Finding) string {
		var b strings.Builder
		for _, f := range fs {
			if f.Rule == "TST-901" {
				fmt.Fprintf(&b, "%s:%d:%d %s\n", f.Path, f.Pos.Line, f.Pos.Col, f.Message)
			}
		}
		return b.String()
	}
	full, err := lint.Run(dir, lint.Options{Today: fixtureToday})
	if err != nil {
		t.Fatal(err)
	}
	lean, err := lint.Run(dir, lint.Options{Today: fixtureToday, Lean: true})
	if err != nil {
		t.Fatal(err)
	}
	want := "communications/COM-0001.yaml:9:5 texte lu par une règle croisée\n"
	if got := only(full.Findings); got != want {
		t.Fatalf("mode complet : %q, attendu %q", got, want)
	}
	if got := only(lean.Findings); got != want {
		t.Errorf("mode allégé (registre lint) : %q, attendu %q", got, want)
	}
	if len(lean.Reread) == 0 {
		t.Error("la lecture d'un texte retiré aurait dû relire le fichier (Result.Reread)")
	}
}

// communication is a valid communication (the schema rejects nothing, so
// the test rule is never silenced).
func communication(id, to, why string) string {
	return "id: " + id + "\nunite: Direction des finances\ndestinataire: " + to + "\nrenseignements: Nom et adresse.\nfins: " + why +
		"\nraisons: Pour payer.\nappui_legal:\n  - Article 67 de la Loi sur l'accès\n  - Loi sur l'administration financière (RLRQ, chapitre A-6.001)\n" +
		"hors_quebec: false\nfrequence: Chaque mois\ndate_inscription: 2024-03-01\n"
}
