package importer

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

var update = flag.Bool("update", false, "rewrite testdata/import/*.golden")

const fixtures = "../../testdata/import"

// dump renders a plan for golden files: notes, then each file as txtar.
func dump(p *Plan) string {
	var b strings.Builder
	for _, c := range p.Mapping.Columns {
		switch {
		case c.Field == nil:
			fmt.Fprintf(&b, "# colonne %s ignorée\n", letters(c.Index))
		case c.Approx:
			fmt.Fprintf(&b, "# colonne %s lue comme %s (approximatif)\n", letters(c.Index), c.Field.Key)
		}
	}
	for _, f := range p.Mapping.Missing {
		fmt.Fprintf(&b, "# colonne absente : %s\n", f.Key)
	}
	for _, n := range p.Notes {
		fmt.Fprintf(&b, "# %s\n", n)
	}
	fmt.Fprintf(&b, "# lignes vides : %d\n", p.Empty)
	for _, e := range p.Entries {
		fmt.Fprintf(&b, "-- %s (ligne %d) --\n%s", e.Path, e.Line, e.Data)
	}
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(fixtures, "golden", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./pkg/importer -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (go test ./pkg/importer -update rewrites it):\n%s", name, path, got)
	}
}

// TestFixtures imports each fixture, shaped like a real published register
// (header variants of the seeds, multi-line cells, Windows-1252, XLSX), and
// compares every written file with a golden file. Each file must also read
// back, through the loader, as exactly the values the importer meant.
func TestFixtures(t *testing.T) {
	cases := []struct {
		file string
		kind *model.Kind
		data []byte
	}{
		{"communications-ministere.csv", model.Communications, nil},
		{"communications-cp1252.csv", model.Communications, nil},
		{"utilisations-ministere.csv", model.Utilisations, nil},
		{"inventaire-ministere.tsv", model.Inventaire, nil},
		{"incidents.xlsx", model.Incidents, makeXLSX(t)},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			data := tc.data
			if data == nil {
				var err error
				if data, err = os.ReadFile(filepath.Join(fixtures, tc.file)); err != nil {
					t.Fatal(err)
				}
			}
			s, err := Read(tc.file, data, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			p, err := Build(tc.kind, s, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(s.Notes, "\n")
			if got != "" {
				got = "# " + got + "\n"
			}
			checkGolden(t, tc.file, got+dump(p))
			for _, e := range p.Entries {
				checkReadsBack(t, e)
			}
		})
	}
}

// checkReadsBack decodes an entry file and compares it with the values it was made from.
func checkReadsBack(t testing.TB, e Entry) {
	t.Helper()
	doc, probs := source.Decode(e.Data)
	if doc == nil || len(probs) > 0 {
		t.Fatalf("%s does not read back: %v\n%s", e.Path, probs, e.Data)
	}
	if !reflect.DeepEqual(doc.Values, e.Values) {
		t.Fatalf("%s reads back as\n%#v\nwant\n%#v\nfile:\n%s", e.Path, doc.Values, e.Values, e.Data)
	}
}

func TestXLSXValues(t *testing.T) {
	s, err := ReadXLSX(makeXLSX(t), "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Build(model.Incidents, s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"id": "INC-0007", "renseignements": "Nom, adresse", "circonstances": "Courriel envoyé\nau mauvais destinataire",
			"survenance": map[string]any{"debut": "2025-02-01", "fin": "2025-02-03"}, "connaissance": "2025-02-04",
			"nombre_personnes": int64(12290), "risque_serieux": true, "mesures": []any{"Rappel", "- Formation"}},
		{"id": "INC-0008", "renseignements": "Relevés", "circonstances": "Vol d'un portable", "survenance": "2025-03-04",
			"connaissance": "2025-03-07", "nombre_personnes": "environ 300", "risque_serieux": false, "mesures": []any{"Effacement à distance"}},
	}
	for i, e := range p.Entries {
		if !reflect.DeepEqual(e.Values, want[i]) {
			t.Errorf("row %d:\n got %#v\nwant %#v", i, e.Values, want[i])
		}
	}
}

func sheet(header []string, rows ...[]string) *Sheet {
	s := &Sheet{Header: header}
	for i, r := range rows {
		s.Rows = append(s.Rows, Row{Line: i + 2, Cells: r})
	}
	return s
}

func TestIDs(t *testing.T) {
	k := model.Communications
	h := []string{"Identifiant", "Appui légal"}
	for _, tc := range []struct {
		name     string
		existing map[string]string
		ids      []string // id column, one per row ("" = none)
		want     []string
		paths    map[string]string // id → path when not the default
		notes    int
		err      string
	}{
		{name: "fresh repository", ids: []string{"", ""}, want: []string{"COM-0001", "COM-0002"}},
		{name: "after the existing ones", existing: map[string]string{"COM-0009": "communications/2025/COM-0009.yaml", "COM-0002": "communications/COM-0002.yaml", "COM-bis": "communications/COM-bis.yaml"},
			ids: []string{"", ""}, want: []string{"COM-0010", "COM-0011"}},
		{name: "existing width kept", existing: map[string]string{"COM-00042": "communications/COM-00042.yaml", "COM-7": "communications/COM-7.yaml"},
			ids: []string{""}, want: []string{"COM-00043"}},
		{name: "id column wins, others follow the highest", ids: []string{"", "COM-0100", "COM-2025-a"}, want: []string{"COM-0101", "COM-0100", "COM-2025-a"}},
		{name: "invalid ids replaced with a note", ids: []string{"INV-0001", "com-0003", "COM 4"}, want: []string{"COM-0001", "COM-0002", "COM-0003"}, notes: 3},
		{name: "existing id keeps its path", existing: map[string]string{"COM-0003": "communications/2024/COM-0003.yaml"},
			ids: []string{"COM-0003"}, want: []string{"COM-0003"}, paths: map[string]string{"COM-0003": "communications/2024/COM-0003.yaml"}},
		{name: "duplicate ids", ids: []string{"COM-0001", "", "COM-0001"}, err: "ligne 4 : identifiant COM-0001 déjà utilisé à la ligne 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rows [][]string
			for _, id := range tc.ids {
				rows = append(rows, []string{id, "Article 67"})
			}
			p, err := Build(k, sheet(h, rows...), Options{Existing: tc.existing})
			if tc.err != "" {
				var re *RowError
				if !errors.As(err, &re) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range p.Entries {
				got = append(got, e.ID)
				want := "communications/" + e.ID + ".yaml"
				if w, ok := tc.paths[e.ID]; ok {
					want = w
				}
				if e.Path != want || e.Exists != (tc.existing[e.ID] != "") {
					t.Errorf("%s: path %s exists %v", e.ID, e.Path, e.Exists)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ids = %v, want %v", got, tc.want)
			}
			if len(p.Notes) != tc.notes {
				t.Errorf("notes = %q", p.Notes)
			}
		})
	}
}

func TestBuildKeepsEveryRow(t *testing.T) {
	s := sheet([]string{"Personne ou organisme receveur", "Communication à l'extérieur du Québec"},
		[]string{"", "peut-être"},
		[]string{"Retraite Québec"},
	)
	p, err := Build(model.Communications, s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"id": "COM-0001", "hors_quebec": "peut-être"},
		{"id": "COM-0002", "destinataire": "Retraite Québec"},
	}
	if len(p.Entries) != 2 {
		t.Fatalf("entries = %d", len(p.Entries))
	}
	for i, e := range p.Entries {
		if !reflect.DeepEqual(e.Values, want[i]) {
			t.Errorf("row %d = %#v", i, e.Values)
		}
		checkReadsBack(t, e)
	}
}

func TestExisting(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"communications/COM-0001.yaml", "communications/2025/COM-0002.yml", "communications/.cache/COM-0009.yaml", "communications/README.md", "inventaire/INV-0001.yaml"} {
		writeFile(t, filepath.Join(dir, p), "id: x\n")
	}
	got, err := Existing(dir, model.Communications)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"COM-0001": "communications/COM-0001.yaml", "COM-0002": "communications/2025/COM-0002.yml"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Existing = %v", got)
	}
	if got, err := Existing(dir, model.Incidents); err != nil || len(got) != 0 {
		t.Errorf("missing folder: %v %v", got, err)
	}
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tree lists the files under dir (path → content).
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func plan(t *testing.T, dir string, rows ...[]string) *Plan {
	t.Helper()
	existing, err := Existing(dir, model.Communications)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Build(model.Communications, sheet([]string{"Identifiant", "Personne ou organisme receveur"}, rows...), Options{Existing: existing})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "communications/2024/COM-0002.yaml"), "id: COM-0002\nancien: oui\n")
	before := tree(t, dir)

	// Without --force, an existing file stops everything.
	p := plan(t, dir, []string{"", "A"}, []string{"COM-0002", "B"})
	var ee *ExistsError
	if err := p.Write(dir, false); !errors.As(err, &ee) || !reflect.DeepEqual(ee.Paths, []string{"communications/2024/COM-0002.yaml"}) {
		t.Fatalf("err = %v", err)
	}
	if got := tree(t, dir); !reflect.DeepEqual(got, before) {
		t.Fatalf("files changed: %v", keys(got))
	}

	// With --force: created and replaced in place.
	if err := p.Write(dir, true); err != nil {
		t.Fatal(err)
	}
	got := tree(t, dir)
	if want := []string{"communications/2024/COM-0002.yaml", "communications/COM-0003.yaml"}; !reflect.DeepEqual(keys(got), want) {
		t.Fatalf("files = %v, want %v", keys(got), want)
	}
	if got["communications/2024/COM-0002.yaml"] != "id: COM-0002\ndestinataire: B\n" {
		t.Errorf("replaced file = %q", got["communications/2024/COM-0002.yaml"])
	}
	if c, r := p.Counts(); c != 1 || r != 1 {
		t.Errorf("counts = %d, %d", c, r)
	}
}

func TestWriteAllOrNothing(t *testing.T) {
	t.Run("a folder cannot be created", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "communications/COM-0001.yaml"), "id: COM-0001\n")
		writeFile(t, filepath.Join(dir, "bloque"), "un fichier, pas un dossier\n")
		before := tree(t, dir)
		p := plan(t, dir, []string{"COM-0001", "A"}, []string{"", "B"}, []string{"", "C"})
		p.Entries[2].Path = "bloque/sous/COM-0009.yaml"
		if err := p.Write(dir, true); err == nil || !strings.Contains(err.Error(), "impossible de créer le dossier") {
			t.Fatalf("err = %v", err)
		}
		if got := tree(t, dir); !reflect.DeepEqual(got, before) {
			t.Errorf("files left behind: %v", keys(got))
		}
	})
	t.Run("a rename fails", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "communications/COM-0001.yaml"), "id: COM-0001\nancien: oui\n")
		before := tree(t, dir)
		p := plan(t, dir, []string{"COM-0001", "A"}, []string{"", "B"}, []string{"", "C"}, []string{"", "D"})
		fail := filepath.Join(dir, "communications", "COM-0004.yaml")
		rename = func(old, new string) error {
			if new == fail {
				return errors.New("disque plein")
			}
			return os.Rename(old, new)
		}
		defer func() { rename = os.Rename }()
		if err := p.Write(dir, true); err == nil || !strings.Contains(err.Error(), "disque plein") {
			t.Fatalf("err = %v", err)
		}
		if got := tree(t, dir); !reflect.DeepEqual(got, before) {
			t.Errorf("after rollback: %v\n%q", keys(got), got)
		}
	})
	t.Run("new folders are removed", func(t *testing.T) {
		dir := t.TempDir()
		p := plan(t, dir, []string{"", "A"})
		p.Entries = append(p.Entries, p.Entries[0])
		p.Entries[1].Path = "communications/x/COM-0002.yaml"
		rename = func(old, new string) error {
			if strings.HasSuffix(new, "COM-0002.yaml") {
				return errors.New("refusé")
			}
			return os.Rename(old, new)
		}
		defer func() { rename = os.Rename }()
		if err := p.Write(dir, false); err == nil {
			t.Fatal("no error")
		}
		if got := tree(t, dir); len(got) != 0 {
			t.Errorf("left: %v", keys(got))
		}
		if _, err := os.Stat(filepath.Join(dir, "communications")); !os.IsNotExist(err) {
			t.Errorf("communications/ left behind: %v", err)
		}
	})
}
