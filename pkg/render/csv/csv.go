// Package csv writes a published table as CSV, in one of two profiles:
// ExcelFR for spreadsheet users of a French-language Excel (UTF-8 BOM, « ; »
// separator, formulas neutralised) and RFC4180 for programs (« , », cells
// untouched). The output is a pure function of the table.
package csv

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/registre-qc/registre/pkg/table"
)

// Profile is a CSV dialect.
type Profile string

const (
	// ExcelFR opens as-is in Excel set to French (Canada): UTF-8 with a BOM,
	// « ; » separator, CRLF line ends, and any cell that a spreadsheet would
	// read as a formula prefixed with an apostrophe (OWASP CSV injection).
	ExcelFR Profile = "excel-fr"
	// RFC4180 is plain RFC 4180 CSV: no BOM, « , » separator, CRLF line ends,
	// cells written as they are.
	RFC4180 Profile = "rfc4180"
)

// Profiles lists the known profiles, default first.
func Profiles() []Profile { return []Profile{ExcelFR, RFC4180} }

// ProfileNames are the names of Profiles, the values of --profile and --csv-profile.
func ProfileNames() []string {
	var out []string
	for _, p := range Profiles() {
		out = append(out, string(p))
	}
	return out
}

const bom = "\ufeff"

// ParseProfile reads a profile name as given on the command line.
func ParseProfile(s string) (Profile, error) {
	switch p := Profile(strings.ToLower(strings.TrimSpace(s))); p {
	case ExcelFR, RFC4180:
		return p, nil
	}
	return "", fmt.Errorf("profil CSV inconnu : « %s » (profils possibles : %s, %s)", s, ExcelFR, RFC4180)
}

// Write writes t as CSV: a header row (« Identifiant » then the column
// titles in order), then one record per row. A public (numbered) table has
// no id column: published registers carry no entry ids (table.Of). A cell is its lines joined with
// "\n"; a row with fewer cells than columns gets empty cells. A lone carriage
// return inside a cell is written as a line feed, because encoding/csv cannot
// carry it through a CRLF file.
//
// Records end with CRLF; a line break inside a cell stays a single LF, as in
// the tables organisations publish (encoding/csv with UseCRLF would turn it
// into CRLF too). encoding/csv reads both back to the same text.
func Write(w io.Writer, t table.Table, p Profile) error {
	var comma rune
	var neutralise bool
	switch p {
	case ExcelFR:
		comma, neutralise = ';', true
	case RFC4180:
		comma = ','
	default:
		_, err := ParseProfile(string(p))
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if p == ExcelFR {
		if _, err := bw.WriteString(bom); err != nil {
			return err
		}
	}
	cw := &writer{w: bw, comma: comma}

	off := 1
	if t.Numbered {
		off = 0
	}
	record := make([]string, off+len(t.Columns))
	fix := func(s string) string {
		s = normaliseNewlines(s)
		if neutralise {
			s = Neutralise(s)
		}
		return s
	}
	if off == 1 {
		record[0] = fix(table.IDTitle)
	}
	for i, c := range t.Columns {
		record[off+i] = fix(c.Title)
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	var sb strings.Builder
	for _, r := range t.Rows {
		if off == 1 {
			record[0] = fix(r.ID)
		}
		for i := range t.Columns {
			record[off+i] = ""
			if i < len(r.Cells) {
				sb.Reset()
				for j, l := range r.Cells[i].Lines {
					if j > 0 {
						sb.WriteByte('\n')
					}
					sb.WriteString(l.Text)
				}
				record[off+i] = fix(sb.String())
			}
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Neutralise prefixes s with an apostrophe when a spreadsheet would read it
// as a formula: when it starts with = + - @, a tab, a carriage return or a
// line feed (OWASP, CSV Injection).
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return "'" + s
	}
	return s
}

// normaliseNewlines turns "\r\n" and lone "\r" into "\n".
func normaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// writer writes CSV records like encoding/csv (same quoting decisions), but
// keeps a line feed inside a cell as it is and ends each record with CRLF.
type writer struct {
	w     *bufio.Writer
	comma rune
}

func (cw *writer) Write(record []string) error {
	for i, field := range record {
		if i > 0 {
			cw.w.WriteRune(cw.comma)
		}
		if !cw.needsQuotes(field) {
			cw.w.WriteString(field)
			continue
		}
		cw.w.WriteByte('"')
		for {
			j := strings.IndexByte(field, '"')
			if j < 0 {
				cw.w.WriteString(field)
				break
			}
			cw.w.WriteString(field[:j+1])
			cw.w.WriteByte('"')
			field = field[j+1:]
		}
		cw.w.WriteByte('"')
	}
	_, err := cw.w.WriteString("\r\n")
	return err
}

// needsQuotes is encoding/csv's rule: the separator, a quote, a line break, a
// leading space, or the field \. (which some readers take for end of data).
func (cw *writer) needsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` || strings.ContainsRune(field, cw.comma) || strings.ContainsAny(field, "\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}
