package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/site"
	"github.com/registre-qc/registre/pkg/source"
	"github.com/registre-qc/registre/pkg/table"
)

// compileExportSchema compiles schemas/registres-json.schema.json.
func compileExportSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "..", "schemas", "registres-json.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("registres-json.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("registres-json.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, name string, out []byte) map[string]any {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("%s: not JSON: %v", name, err)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("%s does not follow schemas/registres-json.schema.json:\n%v", name, err)
	}
	var m map[string]any
	_ = json.Unmarshal(out, &m)
	return m
}

// TestExportJSONSchema: `registre export KIND --format json` follows the
// documented shape, with the site's title, contact, generator, acronym and URL.
func TestExportJSONSchema(t *testing.T) {
	s := compileExportSchema(t)
	examples := filepath.Join("..", "..", "..", "examples")
	for _, k := range model.KindNames() {
		ios, _, out, _ := iostreams.Test()
		f := &cmdutil.Factory{IO: ios, Now: func() time.Time { return time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC) },
			Getenv: func(k string) string {
				if k == "SOURCE_DATE_EPOCH" {
					return "1768435200"
				}
				return ""
			}, Version: "1.2.3"}
		cmd := NewCmd(f, nil)
		cmd.SetArgs([]string{k, examples, "--format", "json", "--audience", "interne"})
		cmd.SetOut(out)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		m := validate(t, s, "export "+k, out.Bytes())
		for _, key := range []string{"titre", "organisme", "sigle", "url", "generateur"} {
			if v, _ := m[key].(string); v == "" {
				t.Errorf("export %s: %q empty", k, key)
			}
		}
		if r, _ := m["responsable"].(map[string]any); r["titre"] == nil || r["courriel"] == nil {
			t.Errorf("export %s: responsable = %v", k, m["responsable"])
		}
		if m["generateur"] != "registre 1.2.3" {
			t.Errorf("export %s: generateur = %v", k, m["generateur"])
		}
	}
}

// TestSiteJSONSchema: registres.json follows the documented shape; an empty
// cell is {"lignes": []}, never null.
func TestSiteJSONSchema(t *testing.T) {
	s := compileExportSchema(t)
	res, err := source.Load(filepath.Join("..", "..", "..", "examples"), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := table.Build(res.Repo, res.Repo.Config.Published(), table.Options{Generator: "registre 1.2.3", SiteDate: "2026-01-15"})
	var b bytes.Buffer
	if err := site.WriteJSON(&b, st); err != nil {
		t.Fatal(err)
	}
	validate(t, s, "registres.json", b.Bytes())
	if !bytes.Contains(b.Bytes(), []byte(`"lignes": []`)) {
		t.Errorf("the examples have empty cells: want {\"lignes\": []}")
	}
	// Nothing set at all: still the documented shape.
	empty := table.Site{Title: "T", Generator: "registre 1", Updated: "2026-01-15", Tables: []table.Table{{Kind: "inventaire", Title: "I", Empty: "Aucun",
		Rows: []table.Row{{ID: "INV-1", Cells: []table.Cell{{}}}}}}}
	b.Reset()
	if err := site.WriteJSON(&b, empty); err != nil {
		t.Fatal(err)
	}
	validate(t, s, "minimal registres.json", b.Bytes())
	if bytes.Contains(b.Bytes(), []byte("null")) {
		t.Errorf("null in registres.json:\n%s", b.Bytes())
	}
}
