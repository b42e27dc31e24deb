package scaffold

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/entryfile"
	"github.com/registre-qc/registre/pkg/lint"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/schema"
	"github.com/registre-qc/registre/pkg/source"
)

// TestEntryTemplates checks, for every kind, that the template holds every
// declared key with its comment, is canonical (registre fmt leaves it alone),
// is flagged by lint while empty and passes the schema once filled.
func TestEntryTemplates(t *testing.T) {
	for _, k := range model.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			id := k.Prefix + "-0001"
			src, err := Entry(k, id, EntryOptions{Today: "2026-01-15", SchemaRef: "../" + SchemaDir + "/" + schema.FileName(k.Name)})
			if err != nil {
				t.Fatal(err)
			}
			text := string(src)
			if !strings.HasPrefix(text, "# yaml-language-server: $schema=../.registre/schemas/"+k.Name+".schema.json\n") {
				t.Errorf("schema line missing:\n%s", text)
			}
			if out, changed, err := entryfile.Format(k, src); err != nil || changed {
				t.Fatalf("template not canonical (err %v):\n%s\n--- fmt\n%s", err, src, out)
			}
			doc, probs := source.Decode(src)
			if len(probs) > 0 {
				t.Fatalf("template does not decode: %v", probs)
			}
			if doc.Values["id"] != id {
				t.Errorf("id = %v", doc.Values["id"])
			}
			for _, f := range k.Fields {
				if _, ok := doc.Values[f.Key]; !ok {
					t.Errorf("key %s missing", f.Key)
				}
				if !strings.Contains(text, "# "+firstWords(f.Desc)) {
					t.Errorf("comment of %s missing (%q)", f.Key, firstWords(f.Desc))
				}
				if f.Key == model.ConfidentialKey {
					// Fails closed: the template states the default (published)
					// explicitly, since an empty value withholds the entry.
					if doc.Values[f.Key] != false {
						t.Errorf("%s = %v in the template, want false", f.Key, doc.Values[f.Key])
					}
					continue
				}
				if f.Key != "id" && f.Key != "date_inscription" && hasValue(doc.Values[f.Key]) {
					t.Errorf("%s has a value in the template: %v (it would pass lint unnoticed)", f.Key, doc.Values[f.Key])
				}
			}
			for _, f := range k.Fields {
				if f.Req == model.Required && !strings.Contains(text, f.Desc) && !strings.Contains(fieldComment(&f), "obligatoire") {
					t.Errorf("%s: not marked (obligatoire)", f.Key)
				}
			}

			// Empty: lint flags it. Filled: no schema finding, no empty field.
			dir := repoWith(t, k, id, src)
			if fs := fileFindings(t, dir, k, id); len(fs) == 0 {
				t.Errorf("lint finds nothing in the empty template")
			}
			filled := fill(k.Fields, doc.Values)
			filled["id"] = id
			out, err := entryfile.Encode(k, filled)
			if err != nil {
				t.Fatal(err)
			}
			dir = repoWith(t, k, id, out)
			for _, f := range fileFindings(t, dir, k, id) {
				if strings.HasPrefix(f, "SCH-") || strings.HasPrefix(f, "YAML-") || strings.Contains(f, "vide") {
					t.Errorf("filled template: %s\n%s", f, out)
				}
			}
		})
	}
}

func firstWords(s string) string {
	w := strings.Fields(s)
	if len(w) > 4 {
		w = w[:4]
	}
	return strings.Join(w, " ")
}

func hasValue(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case map[string]any:
		for _, e := range x {
			if hasValue(e) {
				return true
			}
		}
		return false
	case []any:
		for _, e := range x {
			if hasValue(e) {
				return true
			}
		}
		return false
	}
	return true
}

// fill gives every empty value a valid one of its declared type.
func fill(fields []model.Field, values map[string]any) map[string]any {
	out := map[string]any{}
	for i := range fields {
		f := &fields[i]
		v := values[f.Key]
		switch f.Type {
		case model.Object:
			m, _ := v.(map[string]any)
			out[f.Key] = fill(f.Fields, m)
			if len(f.Fields) == 0 {
				out[f.Key] = map[string]any{}
			}
			continue
		case model.ObjectList:
			l, _ := v.([]any)
			var items []any
			for _, e := range l {
				m, _ := e.(map[string]any)
				items = append(items, fill(f.Fields, m))
			}
			out[f.Key] = items
			continue
		}
		if v != nil {
			out[f.Key] = v
			continue
		}
		ref := ""
		if rk := model.KindByName(f.RefKind); rk != nil {
			ref = rk.Prefix + "-0001"
		}
		switch f.Type {
		case model.String, model.Text, model.StringOrList:
			out[f.Key] = "Texte " + f.Key
			if f.Key == "regle" {
				out[f.Key] = "SCH-001"
			}
		case model.List:
			out[f.Key] = []any{"Élément"}
		case model.Bool:
			out[f.Key] = false
		case model.Date, model.DateOrPeriod:
			out[f.Key] = "2026-01-10"
		case model.Int:
			out[f.Key] = int64(3)
		case model.Ref:
			out[f.Key] = ref
		case model.RefList:
			out[f.Key] = []any{ref}
		case model.Enum:
			out[f.Key] = f.Enum[0]
		case model.EnumList:
			out[f.Key] = []any{f.Enum[0]}
		}
	}
	return out
}

func repoWith(t *testing.T, k *model.Kind, id string, data []byte) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, model.ConfigFile), Config(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, k.Name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, k.Name, id+".yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// fileFindings lints dir and returns "RULE message" for the entry's file.
func fileFindings(t *testing.T, dir string, k *model.Kind, id string) []string {
	res, err := lint.Run(dir, lint.Options{Today: "2026-01-15"})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		if f.Path == k.Name+"/"+id+".yaml" && !f.Suppressed {
			out = append(out, f.Rule+" "+f.Message)
		}
	}
	return out
}

// TestConfig checks registre.yaml: every setting of model.ConfigFields is
// there (set or commented out) with its description, and the file lints clean.
func TestConfig(t *testing.T) {
	cfg := string(Config())
	var walk func(fields []model.Field)
	walk = func(fields []model.Field) {
		for _, f := range fields {
			if !strings.Contains(cfg, " "+f.Key+":") && !strings.HasPrefix(cfg, f.Key+":") && !strings.Contains(cfg, "\n"+f.Key+":") {
				t.Errorf("setting %s missing", f.Key)
			}
			if f.Desc != "" && !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(cfg, "#", "")), " "), strings.Join(strings.Fields(f.Desc), " ")) {
				t.Errorf("description of %s missing", f.Key)
			}
			walk(f.Fields)
		}
	}
	walk(model.ConfigFields)
	doc, probs := source.Decode([]byte(cfg))
	if len(probs) > 0 {
		t.Fatalf("registre.yaml does not decode: %v", probs)
	}
	org, _ := doc.Values["organisme"].(map[string]any)
	if org["nom"] != "Nom de l'organisme" || org["secteur"] != "public" {
		t.Errorf("organisme = %v", org)
	}
	if len(doc.Values) != 1 {
		t.Errorf("only the required settings are active: %v", model.SortedKeys(doc.Values))
	}
	// Uncommenting every line gives a file that still decodes (the commented
	// blocks are real YAML, indented as they should be).
	var b strings.Builder
	for _, l := range strings.Split(cfg, "\n") {
		trim := strings.TrimLeft(l, " ")
		indent := len(l) - len(trim)
		if strings.HasPrefix(trim, "# ") && strings.Contains(trim, ":") && !strings.HasPrefix(trim, "# #") {
			rest := strings.TrimPrefix(trim, "# ")
			if k, _, ok := strings.Cut(strings.TrimLeft(rest, " "), ":"); ok && !strings.Contains(k, " ") && k != "yaml-language-server" {
				l = strings.Repeat(" ", indent) + rest
			}
		}
		b.WriteString(l + "\n")
	}
	if _, probs := source.Decode([]byte(b.String())); len(probs) > 0 {
		t.Errorf("uncommented registre.yaml does not decode: %v\n%s", probs, b.String())
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, model.ConfigFile), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(dir, lint.Options{Today: "2026-01-15"})
	if err != nil {
		t.Fatal(err)
	}
	// The only finding is the placeholder to replace (PUB-010), which blocks a build.
	for _, f := range res.Findings {
		if f.Rule != "PUB-010" || f.KeyPath != "organisme/nom" {
			t.Errorf("lint: %s %s %s", f.Location(), f.Rule, f.Message)
		}
	}
	if len(res.Findings) != 1 {
		t.Errorf("lint: %d findings, want the one PUB-010 on organisme.nom", len(res.Findings))
	}
}

func TestRepository(t *testing.T) {
	files, err := Repository()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string][]byte{}
	for _, f := range files {
		if _, dup := seen[f.Path]; dup {
			t.Errorf("%s twice", f.Path)
		}
		seen[f.Path] = f.Data
	}
	want := []string{model.ConfigFile, "README.md", ".gitignore", ".github/workflows/registre.yml", ".gitlab-ci.yml",
		".pre-commit-config.yaml", ".vscode/settings.json", ".vscode/extensions.json", ".github/workflows/echeances.yml"}
	for _, k := range model.Kinds {
		want = append(want, k.Name+"/.gitkeep", SchemaDir+"/"+k.Name+".schema.json")
	}
	want = append(want, SchemaDir+"/registre.schema.json")
	for _, w := range want {
		if _, ok := seen[w]; !ok {
			t.Errorf("%s missing", w)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("%d files, want %d", len(seen), len(want))
	}
	for _, name := range []string{".github/workflows/registre.yml", ".github/workflows/echeances.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"} {
		if _, probs := source.Decode(seen[name]); len(probs) > 0 {
			t.Errorf("%s is not clean YAML: %v", name, probs)
		}
	}
	var settings map[string]any
	if err := json.Unmarshal(seen[".vscode/settings.json"], &settings); err != nil {
		t.Fatalf("settings.json: %v", err)
	}
	m, _ := settings["yaml.schemas"].(map[string]any)
	if len(m) != len(model.Kinds)+1 {
		t.Errorf("yaml.schemas = %v", m)
	}
	for _, k := range model.Kinds {
		if !bytes.Contains(seen["README.md"], []byte("| `"+k.Name+"/` | "+k.Title)) {
			t.Errorf("README: %s missing", k.Name)
		}
		raw, _ := schema.Raw(k.Name)
		if !bytes.Equal(seen[SchemaDir+"/"+k.Name+".schema.json"], raw) {
			t.Errorf("schema of %s differs from the embedded one", k.Name)
		}
	}
	if bytes.Contains(seen["README.md"], []byte("[[")) {
		t.Error("README: template not executed")
	}
}

func TestWrapComment(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"un deux trois", 7, "un deux\ntrois"},
		{"voir « registre lint » ici", 12, "voir\n« registre\nlint » ici"},
		{"Valeurs permises : a, b", 16, "Valeurs\npermises : a, b"},
		{"motlongtrèslong court", 5, "motlongtrèslong\ncourt"},
	}
	for _, tt := range tests {
		if got := wrapComment(tt.in, tt.width); got != tt.want {
			t.Errorf("wrapComment(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// TestEntryPrivate: an enterprise's template (revue juridique, cas i01) never
// cites the Loi sur l'accès: each article its comments name is one of the
// Loi sur le privé, or of the incidents regulation that binds both sectors.
func TestEntryPrivate(t *testing.T) {
	priv := regexp.MustCompile(`P-39\.1, art\. [0-9.]+(?:, al\. [0-9]+)?(?: (?:et|à) [0-9.]+)*|Loi sur le privé, art\. [0-9.]+|r\. 3\.1, art\. [0-9]+`)
	for _, k := range model.Kinds {
		b, err := Entry(k, k.Prefix+"-0001", EntryOptions{Today: "2025-01-10", Private: true})
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, bad := range []string{"A-2.1", "Loi sur l'accès"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s : le gabarit d'une entreprise cite %q :\n%s", k.Name, bad, text)
			}
		}
		rest := priv.ReplaceAllString(strings.Join(strings.Fields(strings.ReplaceAll(text, "\n#", "\n")), " "), "")
		if m := regexp.MustCompile(`\bart\. [0-9][^ ]*`).FindAllString(rest, -1); len(m) > 0 {
			t.Errorf("%s : article(s) hors de la Loi sur le privé dans le gabarit d'une entreprise : %v", k.Name, m)
		}
		pub, err := Entry(k, k.Prefix+"-0001", EntryOptions{Today: "2025-01-10"})
		if err != nil {
			t.Fatal(err)
		}
		if k.Name == "communications" && !strings.Contains(string(pub), "A-2.1") {
			t.Errorf("%s : le gabarit d'un organisme public devrait citer la Loi sur l'accès", k.Name)
		}
	}
}
