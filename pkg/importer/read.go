package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Sheet is a table read from a CSV or XLSX file: the header row (the first
// non-empty row) and the data rows after it, cells as the user sees them.
type Sheet struct {
	Header []string
	Rows   []Row
	// Empty counts the completely empty rows met after the header (skipped).
	Empty int
	// Notes are French remarks for standard error (e.g. the file was read as Windows-1252).
	Notes []string
	// Format describes the file for messages: « CSV (séparateur « ; ») », « XLSX (feuille « Registre ») ».
	Format string
}

// Row is one data row.
type Row struct {
	// Line is the line (CSV) or row (XLSX) number where the row starts, 1-based.
	Line  int
	Cells []string
	// Raw holds the unformatted cell values of an XLSX row (an Excel date as its
	// serial number); nil for CSV.
	Raw []string
}

// ReadOptions tune Read.
type ReadOptions struct {
	// Sheet names the XLSX worksheet to read; empty means the first one.
	Sheet string
}

var (
	bomUTF8  = []byte{0xEF, 0xBB, 0xBF}
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Read reads a CSV or XLSX file, told apart by content (an XLSX file is a
// zip archive), not by name. name is only used in messages.
func Read(name string, data []byte, o ReadOptions) (*Sheet, error) {
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return ReadXLSX(data, o.Sheet)
	case bytes.HasPrefix(data, oleMagic):
		return nil, fmt.Errorf("%s est un classeur Excel 97-2003 (.xls), format non pris en charge : enregistrez-le en .xlsx ou en CSV", name)
	}
	if o.Sheet != "" {
		return nil, fmt.Errorf("--feuille ne s'applique qu'à un classeur XLSX ; %s est lu comme un fichier CSV", name)
	}
	s, err := ReadCSV(data)
	if err != nil {
		return nil, fmt.Errorf("%s : %w", name, err)
	}
	for i, n := range s.Notes {
		s.Notes[i] = name + " : " + n
	}
	return s, nil
}

// ReadCSV reads CSV bytes: UTF-8 (with or without BOM), UTF-16 with a BOM
// (Excel's « Texte Unicode »), or else Windows-1252, which is noted. The
// separator is detected from the header row: « ; », « , » or a tab.
//
// In a « ; » file (the excel-fr profile of registre export), a leading
// apostrophe is removed when the rest of the cell starts with = + - @, a tab,
// a carriage return or a line feed: that is the apostrophe the exporter adds
// to neutralise formulas. Any other apostrophe is kept.
func ReadCSV(data []byte) (*Sheet, error) {
	s := &Sheet{}
	text, note, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	if note != "" {
		s.Notes = append(s.Notes, note)
	}
	comma := detectComma(text)
	s.Format = fmt.Sprintf("CSV (séparateur %s)", commaName(comma))
	unneutralise := comma == ';'

	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = false

	// lines counts the line feeds of text up to off, incrementally, to find
	// the blank lines encoding/csv skips between records.
	nl, nlOff := 0, int64(0)
	lineAt := func(off int64) int {
		if off > int64(len(text)) {
			off = int64(len(text))
		}
		nl += strings.Count(text[nlOff:off], "\n")
		nlOff = off
		return nl + 1
	}
	nextLine := 1 // line where the next record may start
	header := true
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := r.FieldPos(0)
		blank := line - nextLine
		nextLine = lineAt(r.InputOffset())
		if unneutralise {
			for i, c := range rec {
				rec[i] = stripNeutraliser(c)
			}
		}
		if header {
			if allEmpty(rec) {
				continue
			}
			s.Header, header = rec, false
			continue
		}
		s.Empty += blank
		if allEmpty(rec) {
			s.Empty++
			continue
		}
		s.Rows = append(s.Rows, Row{Line: line, Cells: rec})
	}
	if header {
		return nil, errors.New("fichier vide : aucune ligne de titres de colonnes")
	}
	return s, nil
}

// decodeText returns data as UTF-8 text without BOM and a note when it was converted.
func decodeText(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("texte UTF-16 illisible : %v", err)
		}
		return string(out), "encodé en UTF-16 : converti en UTF-8", nil
	}
	if utf8.Valid(data) {
		return string(data), "", nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("encodage illisible : %v", err)
	}
	return string(out), "n'est pas encodé en UTF-8 : lu comme Windows-1252 (vérifiez les accents)", nil
}

// detectComma picks the separator that occurs most often, outside quotes, in
// the first non-empty line; ties go to « ; », then tab, then « , ».
func detectComma(text string) rune {
	counts := map[rune]int{}
	inQuotes, seen := false, false
	for _, c := range text {
		if c == '"' {
			inQuotes = !inQuotes
			continue
		}
		if inQuotes {
			continue
		}
		if c == '\n' || c == '\r' {
			if seen {
				break
			}
			continue
		}
		seen = true
		if c == ';' || c == ',' || c == '\t' {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{'\t', ';'} {
		if counts[c] >= counts[best] && counts[c] > 0 {
			best = c
		}
	}
	return best
}

func commaName(c rune) string {
	switch c {
	case ';':
		return "« ; »"
	case '\t':
		return "tabulation"
	}
	return "« , »"
}

// stripNeutraliser removes the apostrophe the excel-fr exporter puts before a
// cell that a spreadsheet would read as a formula (render/csv.Neutralise).
func stripNeutraliser(c string) string {
	if len(c) >= 2 && c[0] == '\'' {
		switch c[1] {
		case '=', '+', '-', '@', '\t', '\r', '\n':
			return c[1:]
		}
	}
	return c
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// csvError explains an encoding/csv error in French.
func csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("CSV illisible : %v", err)
	}
	why := pe.Err.Error()
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		why = "guillemet « \" » dans une cellule qui ne commence pas par un guillemet (doublez-le ou mettez la cellule entre guillemets)"
	case errors.Is(pe.Err, csv.ErrQuote):
		why = "guillemet « \" » mal placé ou jamais refermé"
	}
	if pe.StartLine != 0 && pe.StartLine != pe.Line {
		return fmt.Errorf("CSV invalide à la ligne %d, colonne %d (cellule commencée à la ligne %d) : %s", pe.Line, pe.Column, pe.StartLine, why)
	}
	return fmt.Errorf("CSV invalide à la ligne %d, colonne %d : %s", pe.Line, pe.Column, why)
}

// ReadXLSX reads the first worksheet (or the one named sheet) of an XLSX
// workbook; the first non-empty row is the header.
func ReadXLSX(data []byte, sheet string) (*Sheet, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("classeur XLSX illisible : %v", err)
	}
	defer f.Close()
	names := f.GetSheetList()
	if len(names) == 0 {
		return nil, errors.New("le classeur XLSX ne contient aucune feuille")
	}
	if sheet == "" {
		sheet = names[0]
	} else if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		return nil, fmt.Errorf("feuille « %s » introuvable dans le classeur (feuilles : %s)", sheet, quoteList(names))
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, fmt.Errorf("feuille « %s » illisible : %v", sheet, err)
	}
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("feuille « %s » illisible : %v", sheet, err)
	}
	s := &Sheet{Format: fmt.Sprintf("XLSX (feuille « %s »)", sheet)}
	header := true
	for i, cells := range rows {
		if header {
			if !allEmpty(cells) {
				s.Header, header = cells, false
			}
			continue
		}
		if allEmpty(cells) {
			s.Empty++
			continue
		}
		var rc []string
		if i < len(raw) {
			rc = raw[i]
		}
		s.Rows = append(s.Rows, Row{Line: i + 1, Cells: cells, Raw: rc})
	}
	if header {
		return nil, fmt.Errorf("feuille « %s » vide : aucune ligne de titres de colonnes", sheet)
	}
	return s, nil
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "« " + n + " »"
	}
	return strings.Join(q, ", ")
}
