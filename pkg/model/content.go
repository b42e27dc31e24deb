package model

import (
	"sort"
	"strconv"
	"strings"
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
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k)
		b.WriteByte('\x1f')
		writeNormal(&b, values[k])
		b.WriteByte('\x1e')
	}
	return b.String()
}

// HasContent reports whether any of keys holds a non-empty value.
func HasContent(values map[string]any, keys []string) bool {
	var b strings.Builder
	for _, k := range keys {
		writeNormal(&b, values[k])
		if b.Len() > 0 {
			return true
		}
	}
	return false
}

func writeNormal(b *strings.Builder, v any) {
	var lines []string
	var collect func(v any)
	collect = func(v any) {
		switch x := v.(type) {
		case nil:
		case string:
			for _, l := range strings.Split(x, "\n") {
				if l = strings.Join(strings.FieldsFunc(l, isContentSpace), " "); l != "" {
					lines = append(lines, l)
				}
			}
		case bool:
			if x {
				lines = append(lines, "Oui")
			} else {
				lines = append(lines, "Non")
			}
		case int64:
			lines = append(lines, strconv.FormatInt(x, 10))
		case int:
			lines = append(lines, strconv.Itoa(x))
		case float64:
			lines = append(lines, strconv.FormatFloat(x, 'g', -1, 64))
		case []any:
			for _, e := range x {
				collect(e)
			}
		case []string:
			for _, e := range x {
				collect(e)
			}
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				n := len(lines)
				collect(x[k])
				if len(lines) > n {
					lines[n] = k + ": " + lines[n]
				}
			}
		default:
			lines = append(lines, strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(sprint(x), "\n", " "), "\r", " ")))
		}
	}
	collect(v)
	b.WriteString(strings.Join(lines, "\n"))
}

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
