// Package suggest finds the allowed value nearest to a misspelt one, for
// every message that says « vouliez-vous dire … ? »: schema enumerations,
// register names, command options.
package suggest

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Value returns the allowed value nearest to got, or "" when none is
// close: first a value equal to got once accents, case, spaces and hyphens
// are ignored (« protection adéquate » → protection_adequate), or the value a
// French word stands for (« avertissement » → warning), then the one allowed
// value that shares with got all its letters but the last, four or more
// (« publique » → public, « comm » → communications), then the value at the smallest edit distance,
// within about a third of its length. Every enumeration (schema values,
// command options, register names) uses it.
func Value(got string, allowed []string) string {
	g := foldValue(got)
	if g == "" {
		return ""
	}
	for _, a := range allowed {
		if foldValue(a) == g {
			return a
		}
	}
	if en, ok := french[g]; ok {
		for _, a := range allowed {
			if foldValue(a) == en {
				return a
			}
		}
	}
	if len([]rune(g)) >= 4 {
		prefixed := ""
		for _, a := range allowed {
			fa := foldValue(a)
			if cp := commonPrefix(g, fa); cp >= 4 && cp >= min(len([]rune(g)), len([]rune(fa)))-1 {
				if prefixed != "" {
					prefixed = "" // two candidates: let the edit distance decide
					break
				}
				prefixed = a
			}
		}
		if prefixed != "" {
			return prefixed
		}
	}
	limit := min(3, max(1, len([]rune(g))/3))
	best, bestD := "", limit+1
	for _, a := range allowed {
		if d := Distance(g, foldValue(a)); d < bestD {
			best, bestD = a, d
		}
	}
	return best
}

// french maps the French words users write for registre's English values
// (severities, formats), folded, to those values.
var french = map[string]string{
	"erreur": "error", "erreurs": "error",
	"avertissement": "warning", "avertissements": "warning", "attention": "warning",
	"information": "info", "informations": "info",
	"desactive": "off", "desactivee": "off", "aucun": "off", "aucune": "off", "non": "off",
	"texte": "text", "tableau": "table",
}

// commonPrefix is the number of leading runes a and b share.
func commonPrefix(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n
}

// stripMarks returns a new transformer removing accents. A chain keeps state
// between calls: sharing one between goroutines (lint explains schema
// findings on several workers) corrupts it and panics, so each call builds
// its own.
func stripMarks() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// foldValue lowers case, removes accents and writes spaces and hyphens as « _ ».
func foldValue(s string) string {
	out, _, err := transform.String(stripMarks(), strings.TrimSpace(s))
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

// Distance is the edit distance between a and b, in runes, counting the
// swap of two neighbours as one edit (zhs → zsh). It is the one edit distance
// of registre: value and key suggestions, misspelt confidentiality markers.
// Its cost is len(a)×len(b): callers bound the lengths of user input.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	pp := make([]int, len(rb)+1) // the row before prev, for swaps
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[len(rb)]
}
