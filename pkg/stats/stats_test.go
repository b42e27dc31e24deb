package stats

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// The keys read here must be declared with the expected type.
func TestKeysDeclared(t *testing.T) {
	for _, tc := range []struct {
		kind *model.Kind
		key  string
		typ  model.Type
	}{
		{model.Communications, keyLegal, model.List},
		{model.Utilisations, keyLegal, model.List},
		{model.Communications, keyOutside, model.Bool},
		{model.Inventaire, keyOutside, model.Bool},
		{model.Incidents, keyRisk, model.Bool},
		{model.Incidents, keyPeople, model.Int},
		{model.Communications, "debut", model.Date},
		{model.Incidents, "connaissance", model.DateOrPeriod},
	} {
		f := tc.kind.Field(tc.key)
		if f == nil || f.Type != tc.typ {
			t.Errorf("%s.%s: %+v", tc.kind.Name, tc.key, f)
		}
	}
	for _, k := range model.Kinds {
		if f := k.Field(keyRegistered); f == nil || f.Type != model.Date {
			t.Errorf("%s has no date_inscription", k.Name)
		}
		if (k.Field(keyRisk) != nil) != (k == model.Incidents) {
			t.Errorf("%s: %s is expected on incidents only", k.Name, keyRisk)
		}
	}
}

func entry(k *model.Kind, id string, values map[string]any) *model.Entry {
	values["id"] = id
	return &model.Entry{Kind: k, ID: id, Path: k.Name + "/" + id + ".yaml", Values: values}
}

func repo(entries ...*model.Entry) *model.Repository {
	r := &model.Repository{ByID: map[string]*model.Entry{}}
	for _, e := range entries {
		r.Entries = append(r.Entries, e)
		r.ByID[e.ID] = e
	}
	return r
}

func sample() *model.Repository {
	c, i, u := model.Communications, model.Incidents, model.Utilisations
	return repo(
		entry(c, "COM-0001", map[string]any{"debut": "2024-05-01", "date_inscription": "2025-01-10", "hors_quebec": false,
			"appui_legal": []any{"Article 67 de la Loi sur l'accès", "Articles 67 et 68 de la Loi sur l'accès", "Convention collective des fonctionnaires"}}),
		entry(c, "COM-0002", map[string]any{"date_inscription": "2025-02-01", "hors_quebec": true,
			"appui_legal": []any{"Article 67.2.1 de la Loi sur l'accès", "Convention collective des fonctionnaires"}}),
		entry(c, "COM-0003", map[string]any{"hors_quebec": "peut-être", "appui_legal": "Article 67 de la Loi sur l'accès"}),
		entry(u, "UTI-0001", map[string]any{"date_inscription": "2025-03-01", "appui_legal": []any{"Article 65.1 (1) de la Loi sur l'accès"}}),
		entry(i, "INC-0001", map[string]any{"connaissance": map[string]any{"debut": "2025-10-07", "fin": "2025-10-09"}, "date_inscription": "2026-01-02",
			"risque_serieux": true, "nombre_personnes": int64(340)}),
		entry(i, "INC-0002", map[string]any{"connaissance": "2025-03-11", "risque_serieux": false, "nombre_personnes": int64(1)}),
		entry(i, "INC-0003", map[string]any{"date_inscription": "2026-01-05", "nombre_personnes": "environ 300"}),
		entry(model.Inventaire, "INV-0001", map[string]any{"date_inscription": "2024-01-01", "hors_quebec": true}),
	)
}

func TestYear(t *testing.T) {
	r := sample()
	want := map[string]string{"COM-0001": "2024", "COM-0002": "2025", "COM-0003": NoDate, "UTI-0001": "2025",
		"INC-0001": "2025", "INC-0002": "2025", "INC-0003": "2026", "INV-0001": "2024"}
	for _, e := range r.Entries {
		if got := Year(e); got != want[e.ID] {
			t.Errorf("Year(%s) = %s, want %s", e.ID, got, want[e.ID])
		}
	}
}

func TestCompute(t *testing.T) {
	rep := Compute(sample(), Options{})
	com := rep.LegalBases[0]
	if com.Kind != "communications" {
		t.Fatalf("legal bases: %+v", rep.LegalBases)
	}
	want := []BasisCount{{"A-2.1 art. 67", 2}, {"Convention collective des fonctionnaires", 2}, {"A-2.1 art. 67.2.1", 1}, {"A-2.1 art. 68", 1}}
	if !reflect.DeepEqual(com.Bases, want) {
		t.Errorf("communications bases = %+v", com.Bases)
	}
	if got := rep.Outside; !reflect.DeepEqual(got, []Tally{{Kind: "inventaire", Yes: 1}, {Kind: "communications", Yes: 1, No: 1, Unset: 1}}) {
		t.Errorf("outside = %+v", got)
	}
	if got := rep.Incidents; !reflect.DeepEqual(got, IncidentStats{Count: 3, SeriousRisk: Tally{Yes: 1, No: 1, Unset: 1}, People: 341, PeopleUnset: 1}) {
		t.Errorf("incidents = %+v", got)
	}

	y := Compute(sample(), Options{Year: "2025"})
	counts := map[string]int{}
	for _, k := range y.Kinds {
		counts[k.Kind] = k.Count
	}
	if want := map[string]int{"inventaire": 0, "communications": 1, "utilisations": 1, "collectes": 0, "efvp": 0, "ententes": 0, "incidents": 2}; !reflect.DeepEqual(counts, want) {
		t.Errorf("2025 counts = %v", counts)
	}
	if y.Incidents.People != 341 || y.Incidents.SeriousRisk.Unset != 0 {
		t.Errorf("2025 incidents = %+v", y.Incidents)
	}
}

func TestPrivateSectorDefault(t *testing.T) {
	r := repo(entry(model.Communications, "COM-0001", map[string]any{"appui_legal": []any{"Article 18"}}))
	r.Config.Organisme.Secteur = "prive"
	if got := Compute(r, Options{}).LegalBases[0].Bases; len(got) != 1 || got[0].Basis != "P-39.1 art. 18" {
		t.Errorf("private sector: %+v", got)
	}
}

func TestFormatsGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
	}{{"tout", Options{}}, {"2025", Options{Year: "2025"}}} {
		rep := Compute(sample(), tc.opts)
		for _, f := range Formats {
			var b bytes.Buffer
			if err := rep.Write(&b, f); err != nil {
				t.Fatal(err)
			}
			if f == "json" && !json.Valid(b.Bytes()) {
				t.Error("invalid JSON")
			}
			golden(t, tc.name+"."+f, b.String())
		}
	}
	if err := Compute(sample(), Options{}).Write(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

// The example repository: stable output, byte for byte.
func TestExamples(t *testing.T) {
	res, err := source.Load(filepath.Join("..", "..", "examples"), source.Options{})
	if err != nil {
		t.Skip(err)
	}
	var a, b bytes.Buffer
	if err := Compute(res.Repo, Options{}).WriteTable(&a); err != nil {
		t.Fatal(err)
	}
	if err := Compute(res.Repo, Options{}).WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() || a.Len() == 0 {
		t.Error("not deterministic")
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./pkg/stats -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./pkg/stats -update rewrites it):\n%s", path, got)
	}
}

// TestPublicRedactsWithheld: a legal basis counted as written that names an
// entry withheld from publication (PUB-012) is masked in a public report,
// kept in an internal one.
func TestPublicRedactsWithheld(t *testing.T) {
	e := func(k *model.Kind, id string, v map[string]any) *model.Entry {
		v["id"] = id
		return &model.Entry{Kind: k, ID: id, Path: k.Name + "/" + id + ".yaml", Values: v}
	}
	repo := &model.Repository{Entries: []*model.Entry{
		e(model.Communications, "COM-1", map[string]any{"appui_legal": []any{"Article 67 de la Loi sur l'accès", "Entente ENT-0042 avec la Sûreté", "Directive du fichier INV-0012"}}),
		e(model.Ententes, "ENT-0042", map[string]any{"titre": "Entente"}),
		e(model.Inventaire, "INV-0012", map[string]any{"designation": "Enquêtes", "existence_confidentielle": true}),
	}}
	find := func(r *Report) []string {
		var out []string
		for _, lb := range r.LegalBases {
			for _, b := range lb.Bases {
				out = append(out, b.Basis)
			}
		}
		return out
	}
	pub := find(Compute(repo, Options{Public: true}))
	// The agreement is internal, not secret: shown; the withheld file is not.
	if !reflect.DeepEqual(pub, []string{"A-2.1 art. 67", "Entente ENT-0042 avec la Sûreté", model.RedactedText}) {
		t.Errorf("public : %q", pub)
	}
	in := find(Compute(repo, Options{}))
	if !reflect.DeepEqual(in, []string{"A-2.1 art. 67", "Directive du fichier INV-0012", "Entente ENT-0042 avec la Sûreté"}) {
		t.Errorf("interne : %q", in)
	}
}
