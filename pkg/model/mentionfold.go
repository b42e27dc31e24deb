package model

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The text that Mentions reads is a folded view of the published text, so
// that an id still counts when written with invisible or look-alike
// characters (« IN\u00adV-0012 », « ＩＮＶ－００１２ », « I\u0301NV-0012 »).
// Each rune folds on its own (foldRune), which keeps the view a function of
// the runes and lets Mentions read it lazily, without a copy:
//
//   - ASCII is itself (its control characters are read as spaces by Mentions);
//   - format characters (soft hyphen, zero-width space, joiner and
//     non-joiner, word joiner, BOM, bidi marks…), combining marks and a few
//     invisible fillers are dropped;
//   - any Unicode space, line or paragraph separator, NEL or C1 control is a
//     space;
//   - any dash (Unicode Pd: ‐ ‑ ‒ – — ― ⸺ ﹘ －…) and the minus signs are « - »;
//   - middle dots (· ‧ ∙ ⋅ • ・) are « . », other slashes « / », ratio « : »,
//     the ring operator « ° » (the degree sign stays itself);
//   - Cyrillic and Greek letters that look like Latin ones are those;
//   - every other rune is its NFKD compatibility decomposition, folded in
//     turn: full-width and mathematical letters and digits, circled and
//     superscript digits, « º » (« o »), « № » (« No »), « … » (« ... »),
//     accented letters (their accent, a combining mark, is dropped: « é » is
//     « e »).
//
// This is NFKD rather than NFKC because the marks are dropped: « I\u0301 »
// and « Í » both fold to « I ». Folding is idempotent: the folded view of
// the folded view is itself (FuzzMentions checks it).

// foldSpecial are the runes whose fold is not their decomposition.
var foldSpecial = map[rune]string{
	// minus signs and dash-like symbols outside Pd
	'\u2212': "-", '\u2796': "-", '\u2043': "-", '\u02D7': "-", '\u2E3B': "-",
	// middle dots
	'\u00B7': ".", '\u2027': ".", '\u2219': ".", '\u22C5': ".", '\u30FB': ".", '\u2022': ".", '\u2E31': ".", '\u16EB': ".",
	// slashes, colons, degree
	'\u2215': "/", '\u2044': "/", '\u29F8': "/", '\u2571': "/",
	'\u2236': ":", '\uA789': ":",
	'\u00B0': "°", '\u2218': "°",
	// invisible fillers that are letters or symbols, not format characters
	'\u115F': "", '\u1160': "", '\u3164': "", '\uFFA0': "", '\u2800': "",
	// Cyrillic look-alikes
	'А': "A", 'В': "B", 'С': "C", 'Е': "E", 'Н': "H", 'І': "I", 'Ј': "J", 'К': "K", 'М': "M", 'О': "O",
	'Р': "P", 'Ѕ': "S", 'Т': "T", 'Х': "X", 'У': "Y", 'Ӏ': "I",
	'а': "a", 'с': "c", 'е': "e", 'і': "i", 'ј': "j", 'о': "o", 'р': "p", 'ѕ': "s", 'х': "x", 'у': "y", 'ԁ': "d", 'ӏ': "l",
	// Greek look-alikes
	'Α': "A", 'Β': "B", 'Ε': "E", 'Ζ': "Z", 'Η': "H", 'Ι': "I", 'Κ': "K", 'Μ': "M", 'Ν': "N", 'Ο': "O",
	'Ρ': "P", 'Τ': "T", 'Υ': "Y", 'Χ': "X", 'Ϲ': "C", 'ο': "o", 'ν': "v", 'ϲ': "c",
}

// foldRune returns the fold of r (see above), and whether it is r itself.
func foldRune(r rune) (string, bool) {
	if s, ok := foldSpecial[r]; ok {
		return s, s == string(r)
	}
	switch {
	case r < utf8.RuneSelf:
		return string(r), true
	case r < 0xA0: // C1 controls, NEL among them
		return " ", false
	case unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me, unicode.Mc):
		return "", false
	case unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp):
		return " ", false
	case unicode.Is(unicode.Pd, r):
		return "-", false
	}
	d := norm.NFKD.String(string(r))
	if d == string(r) {
		return d, true
	}
	var b strings.Builder
	for _, q := range d {
		s, _ := foldRune(q) // q is its own decomposition: no further recursion
		b.WriteString(s)
	}
	return b.String(), false
}

// foldLow holds the folds of U+0080…U+024F (Latin-1 and Latin Extended) and
// foldPunct those of U+2000…U+206F (General Punctuation): the runes of
// French texts, read without a lookup in foldCache.
var foldLow, foldPunct = func() (low, punct []string) {
	low = make([]string, 0x250-0x80)
	for i := range low {
		low[i], _ = foldRune(rune(0x80 + i))
	}
	punct = make([]string, 0x70)
	for i := range punct {
		punct[i], _ = foldRune(rune(0x2000 + i))
	}
	return low, punct
}()

// foldCache memoizes the folds of the other runes: rune → string, or
// foldSame for a rune that is itself.
var foldCache sync.Map

type foldSame struct{}

// foldAt returns the fold of the rune at s[i:] (s[i] >= utf8.RuneSelf) and
// its size in s. A rune that folds to itself returns its own bytes of s;
// an invalid byte is itself.
func foldAt(s string, i int) (string, int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		return s[i : i+1], 1
	case r < 0x250:
		return foldLow[r-0x80], size
	case r >= 0x2000 && r < 0x2070:
		return foldPunct[r-0x2000], size
	}
	if f, ok := foldCache.Load(r); ok {
		if f, ok := f.(string); ok {
			return f, size
		}
		return s[i : i+size], size // foldSame
	}
	f, same := foldRune(r)
	if same {
		foldCache.Store(r, foldSame{})
		return s[i : i+size], size
	}
	foldCache.Store(r, f)
	return f, size
}

// npos is a position in the folded view of a text s: byte k of the fold of
// the rune at s[i:] (k is 0 for an ASCII byte).
type npos struct{ i, k int }

// mentionReader reads the folded view of a text, counting its reads (the
// work of Mentions, bounded by a test).
type mentionReader struct {
	s     string
	reads int
}

// get returns the folded byte at p, the position after it and the offset in
// s of the rune it comes from; ok is false at the end of the text.
func (t *mentionReader) get(p npos) (c byte, next npos, from int, ok bool) {
	t.reads++
	s := t.s
	for p.i < len(s) {
		b := s[p.i]
		if b < utf8.RuneSelf {
			return b, npos{p.i + 1, 0}, p.i, true
		}
		f, size := foldAt(s, p.i)
		if p.k < len(f) {
			if p.k+1 < len(f) {
				return f[p.k], npos{p.i, p.k + 1}, p.i, true
			}
			return f[p.k], npos{p.i + size, 0}, p.i, true
		}
		p = npos{p.i + size, 0}
	}
	return 0, p, len(s), false
}

// prev returns the rune of the folded view just before p, or false at the
// start of the text. Dropped runes are skipped.
func (t *mentionReader) prev(p npos) (rune, bool) {
	s := t.s
	if p.k > 0 {
		f, _ := foldAt(s, p.i)
		r, _ := utf8.DecodeLastRuneInString(f[:p.k])
		return r, true
	}
	for j := p.i; j > 0; {
		t.reads++
		if b := s[j-1]; b < utf8.RuneSelf {
			return rune(b), true
		}
		_, size := utf8.DecodeLastRuneInString(s[:j])
		j -= size
		if f, _ := foldAt(s, j); f != "" {
			r, _ := utf8.DecodeLastRuneInString(f)
			return r, true
		}
	}
	return 0, false
}

// foldMentionText returns the folded view of text, the text Mentions reads.
func foldMentionText(text string) string {
	t := mentionReader{s: text}
	var b strings.Builder
	for p := (npos{}); ; {
		c, next, _, ok := t.get(p)
		if !ok {
			return b.String()
		}
		b.WriteByte(c)
		p = next
	}
}
