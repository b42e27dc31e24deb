package schema

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// SuggestValue returns the allowed value nearest to got, or "" when none is
// close: first a value equal to got once accents, case, spaces and hyphens
// are ignored (« protection adéquate » → protection_adequate), then the
// value at the smallest edit distance, within about a third of its length.
// Every enumeration (schema values, command options, register names) uses it.
func SuggestValue(got string, allowed []string) string {
	g := foldValue(got)
	if g == "" {
		return ""
	}
	for _, a := range allowed {
		if foldValue(a) == g {
			return a
		}
	}
	limit := min(3, max(1, len([]rune(g))/3))
	best, bestD := "", limit+1
	for _, a := range allowed {
		if d := distance(g, foldValue(a)); d < bestD {
			best, bestD = a, d
		}
	}
	return best
}

var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// foldValue lowers case, removes accents and writes spaces and hyphens as « _ ».
func foldValue(s string) string {
	out, _, err := transform.String(stripMarks, strings.TrimSpace(s))
	if err != nil {
		out = s
	}
	out = strings.ToLower(out)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\u00a0' {
			return '_'
		}
		return r
	}, out)
}
