package entryfile

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/registre-qc/registre/pkg/model"
)

// fastEncode writes the canonical form of values without comments, byte for
// byte what encodeFields writes, for the common case only: plain keys; plain,
// single-quoted and literal (|, |-) strings; booleans, numbers, empty values;
// lists and mappings nested in the usual ways. It reports false for anything
// else, and the caller uses encodeFields. `registre fmt --check` spends most
// of its time proving files canonical: this spares it the YAML encoder.
func fastEncode(fields []model.Field, values map[string]any, header string) ([]byte, bool) {
	if len(values) == 0 {
		return nil, false
	}
	w := fastWriter{b: make([]byte, 0, 4096)}
	w.b = append(w.b, normalizeHeader(header)...)
	if !w.mapping(values, fields, 0, false) {
		return nil, false
	}
	return w.b, true
}

type fastWriter struct{ b []byte }

func (w *fastWriter) indent(n int) {
	for range n {
		w.b = append(w.b, ' ')
	}
}

// mapping writes the pairs of m with keys at column col; inline means the
// first key follows a « - » already written.
func (w *fastWriter) mapping(m map[string]any, fields []model.Field, col int, inline bool) bool {
	for i, kf := range orderedKeys(m, fields) {
		if !plainFast(kf.key) || len(kf.key) > 128 {
			return false
		}
		if i > 0 || !inline {
			w.indent(col)
		}
		w.b = append(w.b, kf.key...)
		w.b = append(w.b, ':')
		var sub []model.Field
		if kf.field != nil {
			sub = kf.field.Fields
		}
		if !w.value(m[kf.key], sub, col) {
			return false
		}
	}
	return true
}

// value writes what follows « key: » (or « - ») for an item whose block
// content is indented at col+2.
func (w *fastWriter) value(v any, fields []model.Field, col int) bool {
	switch x := v.(type) {
	case nil:
		w.b = append(w.b, '\n')
	case bool:
		w.b = append(w.b, ' ')
		w.b = strconv.AppendBool(w.b, x)
		w.b = append(w.b, '\n')
	case int64:
		w.b = append(w.b, ' ')
		w.b = strconv.AppendInt(w.b, x, 10)
		w.b = append(w.b, '\n')
	case float64:
		w.b = append(w.b, ' ')
		w.b = append(w.b, formatFloat(x)...)
		w.b = append(w.b, '\n')
	case string:
		w.b = append(w.b, ' ')
		return w.str(x, col+2)
	case []any:
		if len(x) == 0 {
			w.b = append(w.b, " []\n"...)
			return true
		}
		w.b = append(w.b, '\n')
		for _, item := range x {
			w.indent(col + 2)
			w.b = append(w.b, '-')
			switch y := item.(type) {
			case map[string]any:
				if len(y) == 0 {
					w.b = append(w.b, " {}\n"...)
					continue
				}
				w.b = append(w.b, ' ')
				if !w.mapping(y, fields, col+4, true) {
					return false
				}
			case []any:
				return false // a list in a list: left to the encoder
			default:
				if !w.value(y, nil, col+2) {
					return false
				}
			}
		}
	case map[string]any:
		if len(x) == 0 {
			w.b = append(w.b, " {}\n"...)
			return true
		}
		w.b = append(w.b, '\n')
		return w.mapping(x, fields, col+2, false)
	default:
		return false
	}
	return true
}

// str writes a string the way stringStyle and the encoder would, or reports false.
func (w *fastWriter) str(s string, content int) bool {
	if !strings.Contains(s, "\n") {
		switch {
		case plainFast(s):
			w.b = append(w.b, s...)
		case s != "" && !hasSpecial(s) && !strings.ContainsRune(s, '\t') && printable(s):
			w.b = append(w.b, '\'')
			w.b = append(w.b, strings.ReplaceAll(s, "'", "''")...)
			w.b = append(w.b, '\'')
		case s == "":
			w.b = append(w.b, "''"...)
		default:
			return false
		}
		w.b = append(w.b, '\n')
		return true
	}
	// A literal block without indentation indicator and without « keep » chomping.
	if s[0] == ' ' || s[0] == '\n' || s[0] == '\t' || hasSpecial(s) || !printable(s) ||
		strings.HasSuffix(s, " ") || strings.Contains(s, " \n") || strings.HasSuffix(s, "\n\n") {
		return false
	}
	w.b = append(w.b, '|')
	if !strings.HasSuffix(s, "\n") {
		w.b = append(w.b, '-')
	}
	w.b = append(w.b, '\n')
	for line := range strings.Lines(s) {
		if line != "\n" {
			w.indent(content)
		}
		w.b = append(w.b, line...)
	}
	if !strings.HasSuffix(s, "\n") {
		w.b = append(w.b, '\n')
	}
	return true
}

// plainFast is plainSafe for text the encoder also writes plain.
func plainFast(s string) bool { return plainSafe(s) && printable(s) }

// printable reports text without the characters the encoder escapes even
// though hasSpecial lets them through (outside the Basic Multilingual Plane,
// U+FFFE, U+FFFF).
func printable(s string) bool {
	for _, r := range s {
		if r >= 0x10000 || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError {
			return false
		}
	}
	return true
}

type keyField struct {
	key   string
	field *model.Field
}

// orderedKeys returns the keys of m in canonical order: declared ones in
// declaration order, then the others sorted.
func orderedKeys(m map[string]any, fields []model.Field) []keyField {
	out := make([]keyField, 0, len(m))
	for i := range fields {
		if _, ok := m[fields[i].Key]; ok {
			out = append(out, keyField{fields[i].Key, &fields[i]})
		}
	}
	if len(out) == len(m) {
		return out
	}
	var rest []string
	for k := range m {
		declared := false
		for i := range fields {
			if fields[i].Key == k {
				declared = true
				break
			}
		}
		if !declared {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		out = append(out, keyField{k, nil})
	}
	return out
}
