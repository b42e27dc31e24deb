package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func cellsOf(s *Sheet) [][]string {
	out := [][]string{s.Header}
	for _, r := range s.Rows {
		out = append(out, r.Cells)
	}
	return out
}

func TestReadCSV(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     string
		want   [][]string
		lines  []int
		empty  int
		format string
		note   string
	}{
		{name: "semicolon, BOM, CRLF", in: "\ufeffA;B\r\n1;2\r\n", want: [][]string{{"A", "B"}, {"1", "2"}}, lines: []int{2}, format: "« ; »"},
		{name: "comma", in: "A,B\n1,2\n", want: [][]string{{"A", "B"}, {"1", "2"}}, format: "« , »"},
		{name: "tab", in: "A\tB, b\n1\t2\n", want: [][]string{{"A", "B, b"}, {"1", "2"}}, format: "tabulation"},
		{name: "separator inside quotes does not count", in: "\"A;x;y\",B\n1,2\n", want: [][]string{{"A;x;y", "B"}, {"1", "2"}}, format: "« , »"},
		{name: "one column", in: "Appui légal\nArt. 67\n", want: [][]string{{"Appui légal"}, {"Art. 67"}}},
		{name: "multi-line cell and line numbers", in: "A;B\n\"x\ny\";2\n3;4\n", want: [][]string{{"A", "B"}, {"x\ny", "2"}, {"3", "4"}}, lines: []int{2, 4}},
		{name: "empty rows are counted, before the header they are not", in: "\n;;\nA;B\n\n1;2\n;\n\n3;4\n\n", want: [][]string{{"A", "B"}, {"1", "2"}, {"3", "4"}}, lines: []int{5, 8}, empty: 3},
		{name: "neutralising apostrophe removed in a ; file", in: "A;B;C;D;E\n'=SOMME(A1);'-x;'+1;'@a;'abc\n",
			want: [][]string{{"A", "B", "C", "D", "E"}, {"=SOMME(A1)", "-x", "+1", "@a", "'abc"}}},
		{name: "apostrophe before a line feed", in: "A;B\n\"'\nx\";''=\n", want: [][]string{{"A", "B"}, {"\nx", "''="}}},
		{name: "apostrophe kept in a , file", in: "A,B\n'=x,'-y\n", want: [][]string{{"A", "B"}, {"'=x", "'-y"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ReadCSV([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := cellsOf(s); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("cells = %q, want %q", got, tc.want)
			}
			if tc.lines != nil {
				var got []int
				for _, r := range s.Rows {
					got = append(got, r.Line)
				}
				if !reflect.DeepEqual(got, tc.lines) {
					t.Errorf("lines = %v, want %v", got, tc.lines)
				}
			}
			if s.Empty != tc.empty {
				t.Errorf("empty = %d, want %d", s.Empty, tc.empty)
			}
			if !strings.Contains(s.Format, tc.format) {
				t.Errorf("format = %q, want %q in it", s.Format, tc.format)
			}
		})
	}
}

func TestReadCSVEncodings(t *testing.T) {
	text := "Appui légal;Remarques\r\n« Art. 67 » — l’accès;Œuvre\r\n"
	want := [][]string{{"Appui légal", "Remarques"}, {"« Art. 67 » — l’accès", "Œuvre"}}
	cp, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, in, note string }{
		{"utf-8", text, ""},
		{"windows-1252", cp, "lu comme Windows-1252"},
		{"utf-16", u16, "UTF-16"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ReadCSV([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := cellsOf(s); !reflect.DeepEqual(got, want) {
				t.Errorf("cells = %q", got)
			}
			if note := strings.Join(s.Notes, "|"); tc.note == "" && note != "" || !strings.Contains(note, tc.note) {
				t.Errorf("notes = %q, want %q", note, tc.note)
			}
		})
	}
}

func TestReadCSVErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "fichier vide"},
		{"\n;;\n", "fichier vide"},
		{"A;B\n1;x\"y\n", "CSV invalide à la ligne 2, colonne 4 : guillemet « \" » dans une cellule qui ne commence pas par un guillemet"},
		{"A;B\n1;\"xy\n", "guillemet « \" » mal placé ou jamais refermé"},
	} {
		_, err := ReadCSV([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadCSV(%q) = %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestRead(t *testing.T) {
	if _, err := Read("vieux.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, 0, 0), ReadOptions{}); err == nil || !strings.Contains(err.Error(), "Excel 97-2003") {
		t.Errorf("xls: %v", err)
	}
	if _, err := Read("a.csv", []byte("A\n1\n"), ReadOptions{Sheet: "X"}); err == nil || !strings.Contains(err.Error(), "--feuille") {
		t.Errorf("--feuille on a CSV: %v", err)
	}
	s, err := Read("a.csv", []byte("A;B\n\xe9t\xe9;2\n"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Notes) != 1 || !strings.HasPrefix(s.Notes[0], "a.csv : ") {
		t.Errorf("notes = %q", s.Notes)
	}
}

// makeXLSX builds a small workbook: a title-less first sheet with a blank
// first row, dates, numbers and multi-line cells, and a second sheet.
func makeXLSX(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s1 = "Registre"
	if err := f.SetSheetName("Sheet1", s1); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{},
		{"Identifiant", "Renseignements visés", "Circonstances", "Date ou période de l'incident", "Date ou période de la prise de connaissance", "Nombre de personnes concernées", "Risque de préjudice sérieux", "Mesures prises"},
		{"INC-0007", "Nom, adresse", "Courriel envoyé\nau mauvais destinataire", "du 2025-02-01 au 2025-02-03", nil, 12290, "Oui", "Rappel\n\n- Formation"},
		{},
		{"", "Relevés", "Vol d'un portable", "2025-03-04", nil, "environ 300", "non", "Effacement à distance"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(s1, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	// Dates as Excel dates (serial numbers with a date format) and a thousands format.
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	thousands, err := f.NewStyle(&excelize.Style{NumFmt: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		cell   string
		serial float64
	}{{"E3", 45692}, {"E5", 45723}} { // 2025-02-04, 2025-03-07
		if err := f.SetCellValue(s1, c.cell, c.serial); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(s1, c.cell, c.cell, style); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellStyle(s1, "F3", "F3", thousands); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Autre"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetRow("Autre", "A1", &[]any{"Appui légal"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetRow("Autre", "A2", &[]any{"Article 67"}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSX(t *testing.T) {
	data := makeXLSX(t)
	s, err := Read("incidents.xlsx", data, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Format != "XLSX (feuille « Registre »)" {
		t.Errorf("format = %q", s.Format)
	}
	if len(s.Header) != 8 || s.Header[0] != "Identifiant" {
		t.Errorf("header = %q", s.Header)
	}
	if len(s.Rows) != 2 || s.Rows[0].Line != 3 || s.Rows[1].Line != 5 || s.Empty != 1 {
		t.Fatalf("rows = %+v, empty = %d", s.Rows, s.Empty)
	}
	if got := s.Rows[0].Cells[2]; got != "Courriel envoyé\nau mauvais destinataire" {
		t.Errorf("multi-line cell = %q", got)
	}

	other, err := Read("incidents.xlsx", data, ReadOptions{Sheet: "Autre"})
	if err != nil {
		t.Fatal(err)
	}
	if got := cellsOf(other); !reflect.DeepEqual(got, [][]string{{"Appui légal"}, {"Article 67"}}) {
		t.Errorf("sheet Autre = %q", got)
	}
	if _, err := Read("incidents.xlsx", data, ReadOptions{Sheet: "Nulle"}); err == nil || !strings.Contains(err.Error(), "feuille « Nulle » introuvable dans le classeur (feuilles : « Registre », « Autre »)") {
		t.Errorf("missing sheet: %v", err)
	}
	if _, err := Read("x.xlsx", []byte("PK\x03\x04garbage"), ReadOptions{}); err == nil || !strings.Contains(err.Error(), "classeur XLSX illisible") {
		t.Errorf("broken xlsx: %v", err)
	}
}

func TestFixturesRead(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "import", "*"))
	if err != nil || len(files) < 4 {
		t.Fatalf("fixtures: %v %v", files, err)
	}
	for _, f := range files {
		if st, err := os.Stat(f); err != nil || st.IsDir() {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Read(filepath.Base(f), data, ReadOptions{}); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
