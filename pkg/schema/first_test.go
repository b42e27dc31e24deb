package schema

import (
	"bytes"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
	"github.com/registre-qc/registre/pkg/suggest"
)

// TestSchemaDatesAgreeWithLint: editors (the published JSON Schemas, read by
// an independent validator) and lint agree on dates. The one documented
// difference: a regular expression cannot tell leap years, so the schema
// accepts 29 February in every year and lint rejects it outside leap years.
func TestSchemaDatesAgreeWithLint(t *testing.T) {
	raw, _ := Raw(model.Communications.Name)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("communications.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("communications.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	v := New()
	for _, tc := range []struct {
		date         string
		editor, lint bool // accepted by each
	}{
		{"2024-01-31", true, true}, {"2024-04-30", true, true}, {"2024-12-31", true, true},
		{"2024-02-29", true, true}, {"2000-02-29", true, true},
		{"2023-02-29", true, false}, // leap years: lint only (documented)
		{"2024-13-45", false, false}, {"2024-02-30", false, false}, {"2024-04-31", false, false},
		{"2024-00-10", false, false}, {"2024-06-00", false, false}, {"2024-1-05", false, false},
	} {
		inst := map[string]any{"id": "COM-0001", "destinataire": "x", "renseignements": "x", "fins": "x", "raisons": "x",
			"appui_legal": []any{"Article 67 de la Loi sur l'accès"}, "debut": tc.date}
		if got := s.Validate(inst) == nil; got != tc.editor {
			t.Errorf("%s: schema accepts = %v, want %v", tc.date, got, tc.editor)
		}
		src := "id: COM-0001\ndestinataire: x\nrenseignements: x\nfins: x\nraisons: x\nappui_legal: [a]\ndebut: " + tc.date + "\n"
		d, probs := source.Decode([]byte(src))
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		e := &model.Entry{Kind: model.Communications, ID: "COM-0001", Path: "c.yaml", Values: d.Values, Positions: d.Positions}
		n := 0
		for _, f := range v.ValidateEntry(e) {
			if f.Rule == "SCH-005" {
				n++
			}
		}
		if (n == 0) != tc.lint {
			t.Errorf("%s: lint accepts = %v, want %v", tc.date, n == 0, tc.lint)
		}
		if n > 1 {
			t.Errorf("%s: %d SCH-005 findings, want one", tc.date, n)
		}
	}
}

// TestSuggestValue: the nearest allowed value, whatever the accents, case,
// spaces and small typos; nothing when nothing is near.
func TestSuggestValue(t *testing.T) {
	allowed := []string{"protection_adequate", "protection_insuffisante", "en_cours"}
	for got, want := range map[string]string{
		"protection adéquate":    "protection_adequate",
		"Protection-Insufisante": "protection_insuffisante",
		"EN COURS":               "en_cours",
		"en_cour":                "en_cours",
		"zzz":                    "",
		"":                       "",
	} {
		if s := suggest.Value(got, allowed); s != want {
			t.Errorf("suggest.Value(%q) = %q, want %q", got, s, want)
		}
	}
}

// TestEnumSuggestionEverywhere: every enumeration of every schema suggests
// its own value from a human spelling of it.
func TestEnumSuggestionEverywhere(t *testing.T) {
	var walk func(fs []model.Field)
	n := 0
	walk = func(fs []model.Field) {
		for i := range fs {
			f := &fs[i]
			for _, e := range f.Enum {
				human := strings.ToUpper(strings.ReplaceAll(e, "_", " "))
				if s := suggest.Value(human, f.Enum); s != e {
					t.Errorf("%s: « %s » suggests %q, want %q", f.Key, human, s, e)
				}
				n++
			}
			walk(f.Fields)
		}
	}
	for _, k := range model.Kinds {
		walk(k.Fields)
	}
	walk(model.ConfigFields)
	if n == 0 {
		t.Fatal("no enumeration found")
	}
}
