package importer

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
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
	// serial number); nil for CSV, and when they are the cells as shown.
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
		for i, c := range rec {
			rec[i] = readerCell(c, unneutralise)
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

// readerCell is the one cleaning both readers apply to a cell as read:
// with neutralised set (a « ; » CSV, the excel-fr profile, or an XLSX
// workbook, which Excel saves from that profile), the apostrophe the
// exporter puts before a would-be formula is removed (stripNeutraliser).
func readerCell(c string, neutralised bool) string {
	if neutralised {
		return stripNeutraliser(c)
	}
	return c
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

// Bounds of an XLSX workbook. A published register has a few columns and at
// most some thousands of rows; a workbook beyond these bounds is refused
// before it can take the memory of the machine (a cell in column XFD on every
// row, a zip bomb).
const (
	// MaxXLSXColumns is the last column a cell with a value may be in.
	MaxXLSXColumns = 256
	// MaxXLSXRows is the number of data rows read at most.
	MaxXLSXRows = 200_000
	// MaxXLSXUnzipped is the total uncompressed size of the workbook's parts.
	MaxXLSXUnzipped = 64 << 20
	// MaxXLSXCells is the number of cells (empty ones before a value
	// included) kept at most for the whole sheet.
	MaxXLSXCells = 4_000_000
	// maxXLSXPart is the largest part kept in memory by excelize (the larger
	// ones are streamed from a temporary file).
	maxXLSXPart = 16 << 20
)

// ReadXLSX reads the first worksheet (or the one named sheet) of an XLSX
// workbook; the first non-empty row is the header. The sheet is streamed row
// by row (excelize's Rows iterator), in memory bounded by MaxXLSXColumns,
// MaxXLSXRows and MaxXLSXUnzipped, which are checked before anything is
// decompressed (the sizes a zip declares are enforced by archive/zip).
func ReadXLSX(data []byte, sheet string) (*Sheet, error) {
	if err := checkZipSizes(data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxXLSXUnzipped, UnzipXMLSizeLimit: maxXLSXPart})
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
	// Two iterators in step: the cells as shown, and their raw values (an
	// Excel date as its serial number).
	shown, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("feuille « %s » illisible : %v", sheet, err)
	}
	defer shown.Close()
	raw, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("feuille « %s » illisible : %v", sheet, err)
	}
	defer raw.Close()

	s := &Sheet{Format: fmt.Sprintf("XLSX (feuille « %s »)", sheet)}
	header := true
	pendingEmpty := 0 // empty rows counted only when a row follows them
	kept := 0         // cells kept so far
	for line := 1; shown.Next(); line++ {
		raw.Next()
		cells, err := shown.Columns()
		if err != nil {
			return nil, fmt.Errorf("feuille « %s », ligne %d illisible : %v", sheet, line, err)
		}
		rc, err := raw.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("feuille « %s », ligne %d illisible : %v", sheet, line, err)
		}
		if n := max(len(cells), len(rc)); n > MaxXLSXColumns {
			col, _ := excelize.ColumnNumberToName(n)
			return nil, fmt.Errorf("feuille « %s », ligne %d : une valeur en colonne %s (n° %d) ; un registre a au plus %d colonnes. Supprimez les cellules au-delà du tableau, puis réessayez", sheet, line, col, n, MaxXLSXColumns)
		}
		for i := range cells {
			cells[i] = readerCell(cells[i], true)
		}
		for i := range rc {
			rc[i] = readerCell(rc[i], true)
		}
		if header {
			if !allEmpty(cells) {
				s.Header, header = cells, false
			}
			continue
		}
		if allEmpty(cells) {
			pendingEmpty++
			continue
		}
		if len(s.Rows) >= MaxXLSXRows {
			return nil, fmt.Errorf("feuille « %s » : plus de %d lignes ; découpez le tableau en plusieurs classeurs", sheet, MaxXLSXRows)
		}
		if slices.Equal(cells, rc) {
			rc = nil // no raw value differs from what is shown: nothing to keep twice
		}
		if kept += len(cells) + len(rc); kept > MaxXLSXCells {
			return nil, fmt.Errorf("feuille « %s » : plus de %d cellules à la ligne %d ; découpez le tableau en plusieurs classeurs", sheet, MaxXLSXCells, line)
		}
		s.Empty += pendingEmpty
		pendingEmpty = 0
		s.Rows = append(s.Rows, Row{Line: line, Cells: cells, Raw: rc})
	}
	if err := shown.Error(); err != nil {
		return nil, fmt.Errorf("feuille « %s » illisible : %v", sheet, err)
	}
	if header {
		return nil, fmt.Errorf("feuille « %s » vide : aucune ligne de titres de colonnes", sheet)
	}
	return s, nil
}

// checkZipSizes refuses a workbook whose parts would decompress to more than
// MaxXLSXUnzipped, from the sizes its zip directory declares (archive/zip,
// which excelize uses, fails on a part longer than it declares).
func checkZipSizes(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("classeur XLSX illisible : %v", err)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > MaxXLSXUnzipped || total > MaxXLSXUnzipped {
			return fmt.Errorf("classeur XLSX refusé : une fois décompressé, il dépasserait %d Mio (partie « %s ») ; ce n'est pas un tableau de registre", MaxXLSXUnzipped>>20, f.Name)
		}
	}
	return nil
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "« " + n + " »"
	}
	return strings.Join(q, ", ")
}
