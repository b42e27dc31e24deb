package importer

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/registre-qc/registre/pkg/model"
)

// Cell values. The rule throughout: what the user wrote is never dropped. A
// value that does not fit its field's type (« peut-être » in a Oui/Non
// column, « 12 290 » in a number column) is kept as text, and lint reports it.
//
// Text is normalised the way the published table shows it (pkg/table), so
// that importing what `registre export` wrote gives back the same files:
// line ends become "\n", spaces around the whole cell are dropped, and so are
// spaces at the end of each line. List items are one per line, each trimmed;
// blank lines are dropped. Bullet markers (« - », « * », « • ») at the start
// of a line are kept as text: they are part of what the user wrote, and
// stripping them would break the export → import round trip.

// cellValue converts one cell for field f; ok is false when the cell is empty
// (the key is then left out of the entry). raw is the unformatted XLSX value
// ("" for CSV).
func cellValue(f *model.Field, cell, raw string) (v any, ok bool) {
	text := cleanText(cell)
	if text == "" {
		return nil, false
	}
	switch f.Type {
	case model.List, model.RefList, model.EnumList:
		return listValue(text), true
	case model.StringOrList:
		items := listValue(text)
		if len(items) == 1 {
			return items[0], true
		}
		return items, true
	case model.Bool:
		if b, isBool := parseBool(text); isBool {
			return b, true
		}
	case model.Int:
		if n, isInt := parseInt(text); isInt {
			return n, true
		}
		if n, isInt := parseInt(strings.TrimSpace(raw)); isInt && raw != cell {
			return n, true // a formatted number in a spreadsheet: « 12 290 » shown for 12290
		}
	case model.Date:
		if d, isDate := excelDate(text, raw); isDate {
			return d, true
		}
	case model.DateOrPeriod:
		if m := periodRe.FindStringSubmatch(text); m != nil && model.IsDate(m[1]) && model.IsDate(m[2]) {
			return map[string]any{"debut": m[1], "fin": m[2]}, true
		}
		if d, isDate := excelDate(text, raw); isDate {
			return d, true
		}
	case model.Object:
		if obj, fits := objectValue(f, text); fits {
			return obj, true
		}
	}
	return text, true
}

// cleanText normalises line ends and trims the cell and the end of each line.
func cleanText(s string) string {
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}

// listValue splits a cell into items, one per non-blank line.
func listValue(text string) []any {
	var items []any
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			items = append(items, l)
		}
	}
	return items
}

// parseBool reads Oui / Non and their usual spellings, in any case.
func parseBool(s string) (value, ok bool) {
	switch strings.ToLower(s) {
	case "oui", "o", "vrai", "true", "x":
		return true, true
	case "non", "n", "faux", "false":
		return false, true
	}
	return false, false
}

var intRe = regexp.MustCompile(`^-?[0-9]+$`)

// parseInt reads a plain integer; « 12 290 » or « 12,5 » are not plain integers.
func parseInt(s string) (int64, bool) {
	if !intRe.MatchString(s) {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// periodRe reads a period the way the published table writes it (pkg/table): « du DATE au DATE ».
var periodRe = regexp.MustCompile(`^du (\S+) au (\S+)$`)

// excelDate returns text when it is a date, or the date of an XLSX date cell
// (shown formatted, stored as a serial number), as YYYY-MM-DD.
func excelDate(text, raw string) (string, bool) {
	if model.IsDate(text) {
		return text, true
	}
	raw = strings.TrimSpace(raw)
	if raw == "" || raw == text {
		return "", false // a number typed as such is not a date
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil || serial < 1 || serial > 2958465 {
		return "", false
	}
	t, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// objectValue reads a mapping column back from the lines the published table
// shows (one line per sub-field, in order; a last Text sub-field takes the
// remaining lines). It fits only when every line finds its sub-field and
// dates are dates; otherwise the cell stays text.
func objectValue(f *model.Field, text string) (map[string]any, bool) {
	lines := strings.Split(text, "\n")
	obj := map[string]any{}
	for i, sf := range f.Fields {
		if len(lines) == 0 {
			break
		}
		if i == len(f.Fields)-1 && sf.Type == model.Text {
			obj[sf.Key] = strings.Join(lines, "\n")
			lines = nil
			break
		}
		v, _ := cellValue(&sf, lines[0], "")
		if s, isText := v.(string); isText && (sf.Type == model.Date && !model.IsDate(s) || sf.Type == model.Bool || sf.Type == model.Int) {
			return nil, false
		}
		obj[sf.Key] = v
		lines = lines[1:]
	}
	if len(lines) > 0 || len(obj) == 0 {
		return nil, false
	}
	return obj, true
}
