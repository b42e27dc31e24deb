package csv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/render/internal/sample"
	"github.com/registre-qc/registre/pkg/table"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff)\n got: %q\nwant: %q", name, got, want)
	}
}

func render(t *testing.T, tb table.Table, p Profile) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, tb, p); err != nil {
		t.Fatalf("Write(%s): %v", p, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	tables := map[string]table.Table{
		"communications": sample.Communications(),
		"inventaire":     sample.Inventaire(),
		"hostile":        sample.Hostile(),
		"vide":           sample.Empty(),
	}
	for name, tb := range tables {
		for _, p := range Profiles() {
			t.Run(name+"-"+string(p), func(t *testing.T) {
				got := render(t, tb, p)
				golden(t, name+"."+string(p)+".csv", got)
				if again := render(t, tb, p); !bytes.Equal(got, again) {
					t.Error("two renders differ")
				}
			})
		}
	}
}

func TestProfiles(t *testing.T) {
	tb := sample.Communications()
	tests := []struct {
		p         Profile
		bom       bool
		separator string
	}{
		{ExcelFR, true, "Identifiant;Personne ou organisme receveur;"},
		{RFC4180, false, "Identifiant,Personne ou organisme receveur,"},
	}
	for _, tt := range tests {
		t.Run(string(tt.p), func(t *testing.T) {
			got := render(t, tb, tt.p)
			if has := bytes.HasPrefix(got, []byte("\xef\xbb\xbf")); has != tt.bom {
				t.Errorf("BOM present = %v, want %v", has, tt.bom)
			}
			if !bytes.Contains(got, []byte(tt.separator)) {
				t.Errorf("header does not start with %q", tt.separator)
			}
			// CRLF between records, a lone LF inside a cell (and no CR there).
			inQuotes, records, inCell := false, 0, 0
			for i, c := range got {
				switch {
				case c == '"':
					inQuotes = !inQuotes
				case inQuotes && c == '\r':
					t.Fatalf("carriage return inside a cell at byte %d", i)
				case inQuotes && c == '\n':
					inCell++
				case c == '\n':
					if i == 0 || got[i-1] != '\r' {
						t.Fatalf("record ends with a bare LF at byte %d", i)
					}
					records++
				}
			}
			if records != 1+len(tb.Rows) {
				t.Errorf("%d records end with CRLF, want %d", records, 1+len(tb.Rows))
			}
			if inCell == 0 {
				t.Error("the sample has no line break inside a cell")
			}
			if !bytes.HasSuffix(got, []byte("\r\n")) {
				t.Error("no CRLF at the end")
			}
		})
	}
}

func TestInjection(t *testing.T) {
	tests := []struct {
		in, excel string
	}{
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"=SOMME(A1:A2)", "'=SOMME(A1:A2)"},
		{"+33 1 23 45", "'+33 1 23 45"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\n=1+1"},
		{"\n=1+1", "'\n=1+1"},
		{"Texte = sûr", "Texte = sûr"},
		{"", ""},
		{"'déjà", "'déjà"},
	}
	for _, tt := range tests {
		tb := table.Table{
			Columns: []table.Column{{Key: "a", Title: "A"}},
			Rows:    []table.Row{{ID: "X-1", Cells: []table.Cell{{Lines: []table.Line{{Text: tt.in}}}}}},
		}
		for _, p := range Profiles() {
			want := tt.excel
			if p == RFC4180 {
				// Untouched, but for the CR that CSV cannot carry.
				want = strings.ReplaceAll(tt.in, "\r", "\n")
			}
			recs := parse(t, render(t, tb, p), p)
			if len(recs) != 2 || len(recs[1]) != 2 {
				t.Fatalf("%s %q: records %q", p, tt.in, recs)
			}
			if got := recs[1][1]; got != want {
				t.Errorf("%s %q: cell = %q, want %q", p, tt.in, got, want)
			}
		}
	}
}

// parse reads a CSV written with profile p back into records.
func parse(t *testing.T, data []byte, p Profile) [][]string {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	if p == ExcelFR {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading back %s: %v", p, err)
	}
	return recs
}

func TestRoundTrip(t *testing.T) {
	for _, tb := range []table.Table{sample.Communications(), sample.Inventaire(), sample.Hostile(), sample.Empty(), sample.Large(50, 100, 1500, 1)} {
		for _, p := range Profiles() {
			recs := parse(t, render(t, tb, p), p)
			if len(recs) != 1+len(tb.Rows) {
				t.Fatalf("%s %s: %d records, want %d", tb.Kind, p, len(recs), 1+len(tb.Rows))
			}
			want := []string{"Identifiant"}
			for _, c := range tb.Columns {
				want = append(want, c.Title)
			}
			check := func(rec, want []string) {
				t.Helper()
				if len(rec) != len(want) {
					t.Fatalf("%s %s: record %q has %d fields, want %d", tb.Kind, p, rec, len(rec), len(want))
				}
				for i := range want {
					w := strings.ReplaceAll(want[i], "\r", "\n")
					if p == ExcelFR {
						w = Neutralise(w)
					}
					if rec[i] != w {
						t.Errorf("%s %s: field %d = %q, want %q", tb.Kind, p, i, rec[i], w)
					}
				}
			}
			check(recs[0], want)
			for i, r := range tb.Rows {
				want := []string{r.ID}
				for j := range tb.Columns {
					s := ""
					if j < len(r.Cells) {
						s = r.Cells[j].Text()
					}
					want = append(want, s)
				}
				check(recs[1+i], want)
			}
		}
	}
}

func TestNoColumns(t *testing.T) {
	tb := table.Table{Rows: []table.Row{{ID: "A-1", Cells: []table.Cell{{Lines: []table.Line{{Text: "orpheline"}}}}}, {ID: "A-2"}}}
	got := string(render(t, tb, RFC4180))
	if want := "Identifiant\r\nA-1\r\nA-2\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseProfile(t *testing.T) {
	for in, want := range map[string]Profile{"excel-fr": ExcelFR, "RFC4180": RFC4180, " rfc4180 ": RFC4180} {
		if got, err := ParseProfile(in); err != nil || got != want {
			t.Errorf("ParseProfile(%q) = %q, %v", in, got, err)
		}
	}
	_, err := ParseProfile("excel")
	if err == nil || !strings.Contains(err.Error(), "profil CSV inconnu") || !strings.Contains(err.Error(), "excel-fr") {
		t.Errorf("ParseProfile(excel) error = %v", err)
	}
	if err := Write(&bytes.Buffer{}, sample.Empty(), "tsv"); err == nil {
		t.Error("Write with an unknown profile: no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disque plein") }

func TestWriteError(t *testing.T) {
	if err := Write(failWriter{}, sample.Large(200, 100, 1500, 2), ExcelFR); err == nil {
		t.Error("no error from a failing writer")
	}
}

func BenchmarkCSV10000(b *testing.B) {
	tb := sample.Large(10000, 100, 1500, 42)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(ioDiscard{}, tb, ExcelFR); err != nil {
			b.Fatal(err)
		}
	}
}

type ioDiscard struct{}

func (ioDiscard) Write(p []byte) (int, error) { return len(p), nil }

// TestNumbered: a public (numbered) table has no id column at all, so that
// no withheld entry shows as a gap in the ids; its rows keep their cells.
func TestNumbered(t *testing.T) {
	tb := sample.Communications()
	tb.Numbered = true
	for i := range tb.Rows {
		tb.Rows[i].Num, tb.Rows[i].ID = i+1, ""
	}
	got := string(render(t, tb, RFC4180))
	if !strings.HasPrefix(got, "Personne ou organisme receveur,") || strings.Contains(got, table.IDTitle) {
		t.Errorf("numbered table: header is not the column titles alone:\n%s", got)
	}
	internal := string(render(t, sample.Communications(), RFC4180))
	if n, m := strings.Count(got, "\r\n"), strings.Count(internal, "\r\n"); n != m {
		t.Errorf("numbered table has %d lines, internal one %d", n, m)
	}
}
