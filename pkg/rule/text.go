package rule

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/registre-qc/registre/pkg/model"
)

func orNone(s string) string {
	if s == "" {
		return "aucune"
	}
	return s
}

func hasValue(l []string, v string) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

// utiNegations are words that, just before a term, deny it (« non anonymisés », « ne sont pas identifiables »).
var utiNegations = map[string]bool{"non": true, "pas": true, "plus": true, "ni": true, "jamais": true, "aucun": true, "aucune": true, "sans": true}

// utiAffirms reports whether text uses a word starting with stem (plain) at least once without a negation just before it.
func utiAffirms(text, stem string) bool {
	t := plain(text)
	for i := 0; ; {
		j := strings.Index(t[i:], stem)
		if j < 0 {
			return false
		}
		j += i
		i = j + 1
		if j > 0 && isLetter(rune(t[j-1])) {
			continue
		}
		before := strings.FieldsFunc(t[:j], func(r rune) bool { return !isLetter(r) })
		negated := false
		for k := len(before) - 1; k >= 0 && k >= len(before)-2; k-- {
			negated = negated || utiNegations[before[k]]
		}
		if !negated {
			return true
		}
	}
}

// plain lowercases and strips French accents, for keyword matching. It is
// stateless (rules run on several goroutines) and works byte by byte on the
// ASCII majority of the text.
func plain(s string) string { return string(appendPlain(make([]byte, 0, len(s)), s)) }

// appendPlain appends the plain form of s to b.
func appendPlain(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r = unicode.ToLower(r); r {
		case 'à', 'â', 'ä', 'á', 'ã', 'å':
			b = append(b, 'a')
		case 'ç':
			b = append(b, 'c')
		case 'é', 'è', 'ê', 'ë':
			b = append(b, 'e')
		case 'î', 'ï', 'í', 'ì':
			b = append(b, 'i')
		case 'ô', 'ö', 'ó', 'ò', 'õ':
			b = append(b, 'o')
		case 'ù', 'û', 'ü', 'ú':
			b = append(b, 'u')
		case 'ÿ':
			b = append(b, 'y')
		case '’', 'ʼ', '‘':
			b = append(b, '\'')
		case '\u00a0', '\u202f':
			b = append(b, ' ')
		default:
			if !unicode.Is(unicode.Mn, r) {
				b = utf8.AppendRune(b, r)
			}
		}
	}
	return b
}

// hasWord reports whether text contains one of the (plain, lowercase) word
// stems at the start of a word, and returns the stem found.
func hasWord(text string, stems ...string) string { return hasWordIn(stems, text) }

// plainBufs recycles the folding buffers: these rules read long texts of
// every entry, and a copy per call was a measurable share of lint time.
var plainBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

// hasWordIn is hasWord over several texts (as if joined by line breaks),
// without allocating.
func hasWordIn(stems []string, texts ...string) string {
	bp := plainBufs.Get().(*[]byte)
	t := (*bp)[:0]
	for _, x := range texts {
		t = appendPlain(t, x)
		t = append(t, '\n')
	}
	defer func() { *bp = t; plainBufs.Put(bp) }()
	view := unsafe.String(unsafe.SliceData(t), len(t)) // read-only view of the buffer, not kept
	for _, s := range stems {
		i := 0
		for {
			j := strings.Index(view[i:], s)
			if j < 0 {
				break
			}
			j += i
			if j == 0 || !isLetter(rune(view[j-1])) {
				return s
			}
			i = j + 1
		}
	}
	return ""
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// textOf joins the text fields of an entry.
func textOf(e *model.Entry, keys ...string) string {
	var b strings.Builder
	for _, k := range keys {
		for _, s := range e.Strings(k) {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
