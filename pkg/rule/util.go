package rule

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/model"
)

// Key dates of Loi 25 (legal.md §0).
const (
	loi25Phase2 = "2022-09-22" // incidents, research EFVP; 67.2.1 replaces 125, 68.1 leaves 67.3
	loi25Phase3 = "2023-09-22" // 63.5, 70.1 EFVP and the EFVP of 68
)

// addDays returns date + n days, or "" for an invalid date.
func addDays(date string, n int) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// daysBetween returns b - a in days (0 when either is invalid).
func daysBetween(a, b string) int {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
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

// cites reports whether the cell cites one of the articles of instrument.
func cites(c citation.Cell, instr string, arts ...string) bool {
	for _, a := range arts {
		if len(c.Cites(instr, a)) > 0 {
			return true
		}
	}
	return false
}

// refsOf returns the refs of the cell that cite instr/art.
func refsOf(c citation.Cell, instr, art string) []citation.Ref { return c.Cites(instr, art) }

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

// firstDate returns the first non-empty date among keys.
func firstDate(e *model.Entry, keys ...string) string {
	for _, k := range keys {
		if d := e.Date(k); d != "" {
			return d
		}
	}
	return ""
}

// ref resolves a reference key to an entry of kind k; missing references are REF-001's business.
// A rule that follows a reference to an entry whose values the schema
// rejected concludes nothing from it (its findings are dropped, see Pass.ReportAt).
func ref(p *Pass, e *model.Entry, key string, k *model.Kind) *model.Entry {
	t := p.Repo.Ref(e, key, k)
	if t != nil && p.rej.entry(t.Path) {
		p.unsure = true
	}
	return t
}

// missingAssessment lists what an entry that needs an EFVP and a written
// agreement lacks (outside Québec, research): « EFVP (clé efvp) »,
// « entente écrite (clé entente) ».
func missingAssessment(e *model.Entry) []string {
	var miss []string
	if e.Str("efvp") == "" {
		miss = append(miss, "EFVP (clé efvp)")
	}
	if e.Str("entente") == "" {
		miss = append(miss, "entente écrite (clé entente)")
	}
	return miss
}
