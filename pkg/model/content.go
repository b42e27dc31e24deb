package model

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ContentKey is the published content of an entry as one comparable string:
// the values of keys (the kind's published columns, or the columns an
// imported table holds), normalised the way a reader of the published table
// sees them. Two entries with the same key publish the same row. It is what
// `registre import` uses to recognise an entry already in the repository, and
// what lint's REF-008 uses to find duplicate rows.
//
// Normalisation: a list and a text are the same when they show the same lines
// (one item per line); within a line, runs of spaces, tabs and non-breaking
// spaces count as one space and are trimmed; blank lines are dropped; true and
// false read Oui and Non; a missing key and an empty value are the same. Case,
// accents and punctuation count: « Retraite Québec » and « retraite quebec »
// are two different recipients.
func ContentKey(values map[string]any, keys []string) string {
	b, _ := AppendContentKey(nil, values, keys)
	return string(b)
}

// AppendContentKey appends ContentKey(values, keys) to dst and reports
// whether any of keys holds content (HasContent), in one pass over the
// values: REF-008 digests every published entry, so the key is built without
// intermediate strings.
func AppendContentKey(dst []byte, values map[string]any, keys []string) ([]byte, bool) {
	if dst == nil {
		size := 0
		for _, k := range keys {
			size += len(k) + 2 + sizeHint(values[k])
		}
		dst = make([]byte, 0, size)
	}
	has := false
	for _, k := range keys {
		dst = append(dst, k...)
		dst = append(dst, '\x1f')
		n := len(dst)
		dst = appendNormal(dst, values[k])
		has = has || len(dst) > n
		dst = append(dst, '\x1e')
	}
	return dst, has
}

// sizeHint is about the length of v's normal form, to allocate it once.
func sizeHint(v any) int {
	switch x := v.(type) {
	case string:
		return len(x)
	case []any:
		n := 0
		for _, e := range x {
			n += sizeHint(e) + 1
		}
		return n
	}
	return 8
}

// HasContent reports whether any of keys holds a non-empty value.
func HasContent(values map[string]any, keys []string) bool {
	var scratch []byte
	for _, k := range keys {
		if s, ok := values[k].(string); ok {
			if stringHasContent(s) {
				return true
			}
			continue
		}
		if scratch = appendNormal(scratch[:0], values[k]); len(scratch) > 0 {
			return true
		}
	}
	return false
}

// stringHasContent reports whether the normal form of s is not empty: whether
// s holds anything but content spaces and line breaks.
func stringHasContent(s string) bool {
	for _, r := range s {
		if r != '\n' && !isContentSpace(r) {
			return true
		}
	}
	return false
}

// appendNormal appends the normal form of v (see ContentKey): its lines,
// joined by "\n", each with its runs of spaces made one and trimmed, blank
// ones dropped; in a mapping, sorted by key, the first line a key yields
// prefixed by "key: ".
func appendNormal(dst []byte, v any) []byte {
	w := normalWriter{dst: dst}
	w.collect(v)
	return w.dst
}

type normalWriter struct {
	dst     []byte
	wrote   bool     // a line was written: the next one is preceded by "\n"
	pending []string // mapping keys whose first line is still to come, outermost first
}

// line starts a new line, with the pending key prefixes.
func (w *normalWriter) line() {
	if w.wrote {
		w.dst = append(w.dst, '\n')
	}
	w.wrote = true
	for _, k := range w.pending {
		w.dst = append(w.dst, k...)
		w.dst = append(w.dst, ": "...)
	}
	w.pending = w.pending[:0]
}

func (w *normalWriter) collect(v any) {
	switch x := v.(type) {
	case nil:
	case string:
		w.text(x)
	case bool:
		w.line()
		if x {
			w.dst = append(w.dst, "Oui"...)
		} else {
			w.dst = append(w.dst, "Non"...)
		}
	case int64:
		w.line()
		w.dst = strconv.AppendInt(w.dst, x, 10)
	case int:
		w.line()
		w.dst = strconv.AppendInt(w.dst, int64(x), 10)
	case float64:
		w.line()
		w.dst = strconv.AppendFloat(w.dst, x, 'g', -1, 64)
	case []any:
		for _, e := range x {
			w.collect(e)
		}
	case []string:
		for _, e := range x {
			w.text(e)
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n := len(w.pending)
			w.pending = append(w.pending, k)
			w.collect(x[k])
			if len(w.pending) > n {
				w.pending = w.pending[:n] // the key yielded no line
			}
		}
	default:
		w.line()
		w.dst = append(w.dst, strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(sprint(x), "\n", " "), "\r", " "))...)
	}
}

// text writes the non-blank lines of s, each with its runs of content spaces
// made one space and trimmed. The texts are long and most of their lines are
// already in normal form: those are copied whole.
func (w *normalWriter) text(s string) {
	for len(s) > 0 {
		l := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if normalLine(l) {
			w.line()
			w.dst = append(w.dst, l...)
		} else {
			w.words(l)
		}
	}
}

// normalLine reports whether l is a non-empty line already in normal form:
// no leading or trailing space, words separated by one plain space.
func normalLine(l string) bool {
	if l == "" || l[0] == ' ' || l[len(l)-1] == ' ' {
		return false
	}
	space := false
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !lineSpecial[c] { // most bytes: one table look-up
			space = false
			continue
		}
		switch c {
		case ' ':
			if space {
				return false
			}
			space = true
			continue
		case '\t', '\r':
			return false
		case 0xC2: // U+00A0
			if i+1 < len(l) && l[i+1] == 0xA0 {
				return false
			}
		case 0xE2: // U+202F, U+2007
			if i+2 < len(l) && l[i+1] == 0x80 && (l[i+2] == 0xAF || l[i+2] == 0x87) {
				return false
			}
		case 0xE3: // U+3000
			if i+2 < len(l) && l[i+1] == 0x80 && l[i+2] == 0x80 {
				return false
			}
		}
		space = false
	}
	return true
}

// lineSpecial marks the bytes normalLine looks at: ASCII spaces and the lead
// bytes of the non-ASCII content spaces.
var lineSpecial = [256]bool{' ': true, '\t': true, '\r': true, 0xC2: true, 0xE2: true, 0xE3: true}

// words writes the words of one line (no "\n" in l), separated by one space.
func (w *normalWriter) words(l string) {
	started := false
	for i := 0; i < len(l); {
		c := l[i]
		if c < utf8.RuneSelf {
			if asciiBreak[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(l[i:]); isContentSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(l) {
			c := l[j]
			if c < utf8.RuneSelf {
				if asciiBreak[c] {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(l[j:])
			if isContentSpace(r) {
				break
			}
			j += size
		}
		if started {
			w.dst = append(w.dst, ' ')
		} else {
			w.line()
			started = true
		}
		w.dst = append(w.dst, l[i:j]...)
		i = j
	}
}

// asciiBreak marks the ASCII bytes that end a word: content spaces and "\n".
var asciiBreak = [utf8.RuneSelf]bool{' ': true, '\t': true, '\r': true, '\n': true}

func isContentSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\u00a0', '\u202f', '\u2007', '\u3000':
		return true
	}
	return false
}

func sprint(v any) string {
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	return ""
}

// AppendContent is AppendContentKey over all of e's values (those lint's
// lean mode dropped included).
func (e *Entry) AppendContent(dst []byte, keys []string) ([]byte, bool) {
	return AppendContentKey(dst, e.Whole().Values, keys)
}
