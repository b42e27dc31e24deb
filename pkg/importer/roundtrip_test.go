package importer

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/render/csv"
	"github.com/registre-qc/registre/pkg/source"
	"github.com/registre-qc/registre/pkg/table"
)

// Pieces of text the generator assembles: what breaks CSV, YAML or a
// spreadsheet (formula starts, separators, quotes, list markers, « : »,
// numbers, YAML keywords) and French typography.
var pieces = []string{
	"Article 67 de la Loi sur l'accès", "Article 67.2.1 de la Loi sur l’accès", "- item", "* puce", "• point",
	"a : b", "clé: valeur", "12 290", "12\u00a0290", "0123", "1e3", "2025-01-15", "=SOMME(A1:A3)", "+1 418 555-0100",
	"-5", "@compte", "« guillemets »", "\"guillemets droits\"", "l’apostrophe", "'apostrophe", "œuvre", "École",
	"tiret — cadratin", "25 °C", "Oui", "non", "true", "null", "~", "yes", "#dièse", "%pourcent", "&esperluette",
	"!important", "? question", "{accolade}", "[crochet]", "a; b, c", "tab\there", "|barre", ">chevron",
	"Québec", "RAMQ", "Ministère de l'Éducation", "ÉTÉ", "…", "x", "- ", "--- ", "...",
}

// line returns one line of text: 1 to 4 pieces joined by spaces or
// nothing, never starting or ending with white space.
func line(r *rand.Rand) string {
	n := 1 + r.IntN(4)
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString([]string{" ", "", " ", ", "}[r.IntN(4)])
		}
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return strings.TrimSpace(b.String())
}

// genCell returns the text of a cell for column f, as a person might have
// typed it: sometimes with trailing spaces, CRLF, blank lines, or leading
// spaces on continuation lines.
func genCell(r *rand.Rand, f *model.Field) string {
	if r.IntN(6) == 0 {
		return ""
	}
	switch f.Type {
	case model.Bool:
		return []string{"Oui", "Non", "oui", "NON", "x", "o", "n", "Vrai", "faux"}[r.IntN(9)]
	}
	n := 1
	if f.Type != model.String || r.IntN(4) == 0 {
		n += r.IntN(4)
	}
	var lines []string
	for i := 0; i < n; i++ {
		l := line(r)
		switch r.IntN(8) {
		case 0:
			l += "  "
		case 1:
			if i > 0 && f.Type == model.Text {
				l = "  " + l
			}
		case 2:
			lines = append(lines, "")
		}
		lines = append(lines, l)
	}
	sep := "\n"
	if r.IntN(5) == 0 {
		sep = "\r\n"
	}
	return strings.Join(lines, sep)
}

// genTable builds a published table of k with random rows, sometimes with
// the id column filled, sometimes not.
func genTable(r *rand.Rand, k *model.Kind) table.Table {
	t := table.Table{Kind: k.Name}
	cols := k.Columns()
	for _, f := range cols {
		t.Columns = append(t.Columns, table.Column{Key: f.Key, Title: f.Title})
	}
	withIDs := r.IntN(2) == 0
	n := 1 + r.IntN(8)
	for i := 0; i < n; i++ {
		row := table.Row{}
		if withIDs {
			row.ID = fmt.Sprintf("%s-%04d", k.Prefix, 3*i+1+r.IntN(3))
		}
		for _, f := range cols {
			row.Cells = append(row.Cells, table.Cell{Lines: []table.Line{{Text: genCell(r, f)}}})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// importInto imports CSV bytes into a fresh folder and returns the files written.
func importInto(t *testing.T, k *model.Kind, data []byte) (string, map[string]string) {
	t.Helper()
	s, err := ReadCSV(data)
	if err != nil {
		t.Fatalf("read: %v\n%s", err, data)
	}
	p, err := Build(k, s, Options{})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, data)
	}
	dir := t.TempDir()
	if err := p.Write(dir, false); err != nil {
		t.Fatal(err)
	}
	return dir, tree(t, dir)
}

// export writes the table of kind k of the repository in dir, as
// `registre export k --audience interne --format csv --profile p` does: the
// internal edition keeps the entry ids (a public one has none, so that no
// withheld entry shows as a gap; the ids would then be renumbered).
func export(t *testing.T, dir string, k *model.Kind, p csv.Profile) []byte {
	t.Helper()
	res, err := source.Load(dir, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Severity == finding.Error && strings.HasPrefix(f.Rule, "YAML") {
			t.Fatalf("%s: %s %s", f.Path, f.Rule, f.Message)
		}
	}
	var b bytes.Buffer
	if err := csv.Write(&b, table.Of(res.Repo, k, table.Options{Audience: table.InternalAudience}), p); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestRoundTrip is the round-trip property on generated registers: a table
// imported, exported (each CSV profile) and imported again into a fresh
// repository gives the same entry files, byte for byte; exporting again
// gives the same CSV.
//
// Known, accepted exceptions the generator avoids: a cell starting with an
// apostrophe followed by = + - @ loses that apostrophe in the excel-fr
// profile (it is read as the exporter's formula guard), and a value the
// published table does not show (« peut-être » in a Oui/Non column) is not
// exported at all.
func TestRoundTrip(t *testing.T) {
	iterations := 100
	if testing.Short() {
		iterations = 20
	}
	kinds := []*model.Kind{}
	for _, k := range model.Kinds {
		if k.Published() {
			kinds = append(kinds, k)
		}
	}
	for i := 0; i < iterations; i++ {
		seed := uint64(i)
		r := rand.New(rand.NewPCG(seed, 2026))
		k := kinds[r.IntN(len(kinds))]
		src := genTable(r, k)
		in := []csv.Profile{csv.ExcelFR, csv.RFC4180}[r.IntN(2)]
		var first bytes.Buffer
		if err := csv.Write(&first, src, in); err != nil {
			t.Fatal(err)
		}
		dir1, files1 := importInto(t, k, first.Bytes())
		for _, p := range csv.Profiles() {
			exported := export(t, dir1, k, p)
			dir2, files2 := importInto(t, k, exported)
			if !equalTrees(files1, files2) {
				t.Fatalf("seed %d, %s, %s → %s: files differ\nfirst import:\n%s\nsecond import:\n%s\nexported:\n%s",
					seed, k.Name, in, p, dumpTree(files1), dumpTree(files2), exported)
			}
			if again := export(t, dir2, k, p); !bytes.Equal(again, exported) {
				t.Fatalf("seed %d: second export differs:\n%s\n---\n%s", seed, exported, again)
			}
		}
	}
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func dumpTree(m map[string]string) string {
	var b strings.Builder
	for _, k := range keys(m) {
		fmt.Fprintf(&b, "-- %s --\n%s", k, m[k])
	}
	return b.String()
}

// TestRoundTripExamples imports every published register of the bundled
// example repository from its own export: the files must come back with the
// same published values.
func TestRoundTripExamples(t *testing.T) {
	examples := filepath.Join("..", "..", "examples")
	if _, err := os.Stat(examples); err != nil {
		t.Skip("examples/ absent")
	}
	for _, k := range model.Kinds {
		if !k.Published() {
			continue
		}
		for _, p := range csv.Profiles() {
			exported := export(t, examples, k, p)
			dir, _ := importInto(t, k, exported)
			if again := export(t, dir, k, p); !bytes.Equal(again, exported) {
				t.Errorf("%s %s: export → import → export differs:\n%s\n---\n%s", k.Name, p, exported, again)
			}
		}
	}
}
