package citation

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// « 1o » (PDF extraction) → « 1° »; « 1 ° » → « 1° ».
	reDegO     = regexp.MustCompile(`(\d)o([^\pL\pN]|$)`)
	reDegSpace = regexp.MustCompile(`(\d) °`)
	// « A-2. 1 » → « » (stray space inside a chapter number).
	reChapSpace = regexp.MustCompile(`\b([A-Z]{1,3}-\d+(?:\.\d+)*)\. (\d)`)
	// « r.4. » → « r. 4 »; « ,r. 3 » → «, r. 3 ».
	reRegNum = regexp.MustCompile(`([,( ])r\. ?(\d+(?:\.\d+)*)\.?`)
	// « socio-\néconomique » → « socio-économique » (hyphenated line wrap).
	reWrapHyphen = regexp.MustCompile(`(\pL)-[ \t]*\r?\n\s*(\pL)`)
)

// Normalize applies legal.md §5.4 to one line: º (U+00BA) and « 1o » become °,
// typographic apostrophes become ', NBSP, tabs, line breaks and repeated spaces
// become one space (a hyphenated line wrap is joined), « A-2. 1 » becomes
// « » and « r.4. » becomes « r. 4 ». The result is trimmed. Normalize is
// idempotent and never fails; invalid UTF-8 becomes U+FFFD.
func Normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.Contains(s, "\n") {
		s = reWrapHyphen.ReplaceAllString(s, "$1-$2")
	}
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		if r < 0x80 {
			switch r {
			case ' ', '\t', '\n', '\r', '\v', '\f':
				space = true
				continue
			case '`':
				r = '\''
			}
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, byte(r))
			continue
		}
		switch r {
		case '\u00BA', '\u02DA': // masculine ordinal, ring above
			r = '°'
		case '\u2019', '\u2018', '\u02BC', '\u2032', '\u00B4':
			r = '\''
		case '\u200B', '\u200C', '\u200D', '\uFEFF', '\u00AD', '\u2060':
			continue
		}
		if unicode.IsSpace(r) || r == '\u00A0' || r == '\u202F' || r == '\u2007' {
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	s = string(b)
	// The regular expressions only run when a cheap scan says they may match.
	if hasDigitThen(s, 'o') {
		s = replaceFix(reDegO, s, "$1°$2")
	}
	if strings.Contains(s, " °") {
		s = reDegSpace.ReplaceAllString(s, "$1°")
	}
	if hasChapSpace(s) {
		s = replaceFix(reChapSpace, s, "$1.$2")
	}
	if hasRegNum(s) {
		s = reRegNum.ReplaceAllString(s, "${1}r. $2")
		s = strings.ReplaceAll(s, ",r. ", ", r. ")
	}
	return s
}

// hasDigitThen reports a digit immediately followed by c.
func hasDigitThen(s string, c byte) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == c && isDigit(s[i-1]) {
			return true
		}
	}
	return false
}

// hasChapSpace reports « 2. 1 »: digit, dot, space, digit.
func hasChapSpace(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' && isDigit(s[i-1]) && isDigit(s[i+2]) {
			return true
		}
	}
	return false
}

// hasRegNum reports « r. » after a space, a comma or a parenthesis.
func hasRegNum(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == 'r' && s[i+1] == '.' && (s[i-1] == ' ' || s[i-1] == ',' || s[i-1] == '(') {
			return true
		}
	}
	return false
}

// replaceFix applies a replacement until the string stops changing (matches
// can overlap: « 1o2o »), with a small bound.
func replaceFix(re *regexp.Regexp, s, repl string) string {
	for i := 0; i < 8; i++ {
		t := re.ReplaceAllString(s, repl)
		if t == s {
			return t
		}
		s = t
	}
	return s
}

// foldRune lower-cases r and removes its accent. It returns 0 for combining
// marks, which are dropped.
func foldRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å':
		return 'a'
	case 'ç', 'Ç':
		return 'c'
	case 'è', 'é', 'ê', 'ë', 'È', 'É', 'Ê', 'Ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï', 'Ì', 'Í', 'Î', 'Ï':
		return 'i'
	case 'ñ', 'Ñ':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö':
		return 'o'
	case 'ù', 'ú', 'û', 'ü', 'Ù', 'Ú', 'Û', 'Ü':
		return 'u'
	case 'ý', 'ÿ', 'Ý', 'Ÿ':
		return 'y'
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	return unicode.ToLower(r)
}

// fold lower-cases s and removes accents (œ → oe, æ → ae).
func fold(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return foldSlow(s)
		}
		if 'A' <= s[i] && s[i] <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}

// foldPrefix folds about the first n bytes of s (cut on a rune boundary).
func foldPrefix(s string, n int) string {
	if len(s) > n {
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
	}
	return fold(s)
}

func foldSlow(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		switch r {
		case 'œ', 'Œ':
			b = append(b, "oe"...)
			continue
		case 'æ', 'Æ':
			b = append(b, "ae"...)
			continue
		}
		if f := foldRune(r); f != 0 {
			b = utf8.AppendRune(b, f)
		}
	}
	return string(b)
}

// keyStop are the words dropped from alias keys: articles, prepositions and
// conjunctions that titles use inconsistently.
var keyStop = map[string]bool{
	"l": true, "la": true, "le": true, "les": true, "d": true, "de": true, "du": true, "des": true,
	"et": true, "sur": true, "a": true, "au": true, "aux": true, "en": true, "un": true, "une": true,
	"the": true, "of": true, "and": true,
}

// key is the matching key of a title: folded, dots removed (« C.c.Q. » → ccq),
// every other non-alphanumeric character a separator, stop words dropped.
func key(s string) string {
	f := fold(s)
	var b strings.Builder
	b.Grow(len(f))
	word := make([]byte, 0, 32)
	flush := func() {
		if len(word) == 0 {
			return
		}
		if !keyStop[string(word)] {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.Write(word)
		}
		word = word[:0]
	}
	for _, r := range f {
		switch {
		case r == '.':
			// « L.R.C. » → lrc
		case r < 0x80 && (('a' <= r && r <= 'z') || ('0' <= r && r <= '9')):
			word = append(word, byte(r))
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			word = utf8.AppendRune(word, r)
		default:
			flush()
		}
	}
	flush()
	return b.String()
}
