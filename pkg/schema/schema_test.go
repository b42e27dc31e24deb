package schema

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

// TestSchemasCurrent: the committed schemas are exactly what the declarations generate.
func TestSchemasCurrent(t *testing.T) {
	for name, want := range All() {
		got, err := os.ReadFile(filepath.Join("..", "..", "schemas", FileName(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("schemas/%s est périmé : lancez « make schemas »", FileName(name))
		}
		emb, _ := Raw(name)
		if !bytes.Equal(emb, want) {
			t.Errorf("schéma intégré %s périmé", name)
		}
	}
}

// TestEveryPropertyDocumented: editors show a French title and description for every property.
func TestEveryPropertyDocumented(t *testing.T) {
	var walk func(kind string, fs []model.Field)
	walk = func(kind string, fs []model.Field) {
		for i := range fs {
			f := &fs[i]
			if Label(f) == "" || (f.Desc == "" && f.Title == "") {
				t.Errorf("%s.%s : titre ou description manquant", kind, f.Key)
			}
			walk(kind, f.Fields)
		}
	}
	for _, k := range model.Kinds {
		walk(k.Name, k.Fields)
	}
	walk("registre", model.ConfigFields)
}

func TestValidateMessages(t *testing.T) {
	v := New()
	src := "id: COM-1\ndestinataire: Retraite Québec\nrenseignements: ''\nfins: x\nraisons: y\nappui_legal: []\nhors_quebec: 'Oui'\ndebut: 2025-02-30\nfin: z\nconclusion: x\n"
	doc, probs := source.Decode([]byte(src))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	e := &model.Entry{Kind: model.Communications, ID: "COM-1", Path: "communications/COM-1.yaml", Values: doc.Values, Positions: doc.Positions}
	var got []string
	for _, f := range v.ValidateEntry(e) {
		got = append(got, f.Location()+" "+f.Rule+" "+f.Message)
	}
	want := []string{
		"communications/COM-1.yaml:3:17 COM-002 champ obligatoire vide : renseignements (« Nature ou type de renseignements personnels communiqués »)",
		"communications/COM-1.yaml:6:14 COM-001 liste obligatoire vide : appui_legal (« Appui légal »)",
		"communications/COM-1.yaml:7:14 SCH-002 type incorrect pour hors_quebec : attendu un booléen (true ou false), trouvé du texte ; écrivez true (oui) ou false (non), sans guillemets",
		"communications/COM-1.yaml:8:8 SCH-005 date inexistante : « 2025-02-30 » (AAAA-MM-JJ)",
		"communications/COM-1.yaml:9:1 SCH-003 clé inconnue : fin ; vouliez-vous dire « fins » ?",
		"communications/COM-1.yaml:10:1 SCH-003 clé inconnue : conclusion ; clés permises : appui_legal, avis_cai, date_fin, date_inscription, debut, destinataire, efvp, entente, exception_70_1, exemption, fins, frequence, hors_quebec, id, ignorer, mandataire, membre_ordre_professionnel, raisons, remarques, renseignements, unite",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMissingRequiredMapsToLegalRule(t *testing.T) {
	v := New()
	doc, _ := source.Decode([]byte("id: INV-1\n"))
	e := &model.Entry{Kind: model.Inventaire, ID: "INV-1", Path: "inventaire/INV-1.yaml", Values: doc.Values, Positions: doc.Positions}
	rules := map[string]bool{}
	for _, f := range v.ValidateEntry(e) {
		rules[f.Rule] = true
		if f.Law == "" {
			t.Errorf("%s sans article", f.Rule)
		}
	}
	for _, id := range []string{"INV-001", "INV-002", "INV-003", "INV-004", "INV-005", "INV-006", "INV-007", "INV-008"} {
		if !rules[id] {
			t.Errorf("%s non signalé pour une inscription vide", id)
		}
	}
}

// TestEmbeddedSchemasCompile: every embedded schema is a valid draft 2020-12 schema.
func TestEmbeddedSchemasCompile(t *testing.T) {
	if err := CompileAll(); err != nil {
		t.Fatal(err)
	}
}

// TestLightenSameOutcome: validating through lighten's stand-ins gives the
// same errors, at the same places, as validating the real values.
func TestLightenSameOutcome(t *testing.T) {
	long := strings.Repeat("Renseignements personnels communiqués. ", 20)
	cases := []map[string]any{
		{"id": "COM-1", "destinataire": long, "renseignements": long, "fins": "   " + strings.Repeat(" ", 60), "raisons": long,
			"appui_legal": []any{long, "", strings.Repeat(" ", 50) + "x"}, "hors_quebec": long, "debut": long, "efvp": long},
		{"id": "COM-2", "destinataire": []any{long, 3}, "renseignements": 12, "fins": []any{long}, "raisons": nil, "appui_legal": long},
	}
	res, err := source.Load(filepath.Join("..", "..", "examples"), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Repo.Entries {
		cases = append(cases, e.Values)
	}
	for i, values := range cases {
		k := model.Communications
		if i >= 2 {
			k = res.Repo.Entries[i-2].Kind
		}
		s, err := get(k.Name)
		if err != nil {
			t.Fatal(err)
		}
		want := describeErr(s.Validate(values))
		got := describeErr(s.Validate(lighten(values, k.Fields)))
		if got != want {
			t.Errorf("case %d (%s): lighten changes the outcome\nreal:    %s\nlighten: %s", i, k.Name, want, got)
		}
	}
}

func describeErr(err error) string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return "ok"
	}
	var out []string
	for _, l := range leaves(ve) {
		out = append(out, strings.Join(l.InstanceLocation, "/")+":"+strings.Join(l.ErrorKind.KeywordPath(), "/"))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}
