package entryfile

import (
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
)

func TestMerge(t *testing.T) {
	k := model.KindByName("communications")
	src := `# yaml-language-server: $schema=../.registre/schemas/communications.schema.json

# Inscription reprise du registre 2024.
id: COM-0003
unite: Direction des ressources humaines # unité interne
destinataire: Retraite Québec # l'organisme
renseignements: Nom # ancienne valeur
appui_legal:
  # premier appui
  - Article 67 de la Loi sur l'accès
  - Loi R-10 # le régime
hors_quebec: false
# la date réelle
debut: 2024-01-15
remarques: À retirer # remarque
efvp: EFVP-0001
`
	set := map[string]any{
		"destinataire":   "Retraite Québec",
		"renseignements": "Nom, prénom",
		"appui_legal":    []any{"Article 67 de la Loi sur l'accès"},
		"fins":           "Administration du régime",
	}
	out, err := Merge(k, []byte(src), set, []string{"remarques"})
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		"# yaml-language-server: $schema=../.registre/schemas/communications.schema.json\n\n",
		"# Inscription reprise du registre 2024.\nid: COM-0003\n",
		"unite: Direction des ressources humaines # unité interne\n",
		"destinataire: Retraite Québec # l'organisme\n",
		"renseignements: Nom, prénom # ancienne valeur\n",
		"  # premier appui\n  - Article 67 de la Loi sur l'accès\n",
		"# le régime",
		"fins: Administration du régime\n",
		"# la date réelle\ndebut: 2024-01-15\n",
		"# remarque",
		"efvp: EFVP-0001\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "À retirer") || strings.Contains(got, "Loi R-10") {
		t.Errorf("old values kept:\n%s", got)
	}
	// The result is canonical.
	if again, changed, err := Format(k, out); err != nil || changed {
		t.Errorf("not canonical (%v):\n%s\n---\n%s", err, out, again)
	}
}
