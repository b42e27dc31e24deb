// Package textutil holds the small text helpers shared by the renderers:
// French dates, safe link targets and URL detection in plain text.
// Every function is pure: no clock, no environment.
package textutil

import (
	"strconv"
	"strings"
)

var months = [...]string{
	"janvier", "février", "mars", "avril", "mai", "juin",
	"juillet", "août", "septembre", "octobre", "novembre", "décembre",
}

// ParseDate splits a YYYY-MM-DD date. ok is false for anything else.
func ParseDate(s string) (year, month, day int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	y, err1 := strconv.Atoi(s[0:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// FrenchDate turns "2025-01-01" into « 1er janvier 2025 ».
// Anything that is not a YYYY-MM-DD date is returned unchanged.
func FrenchDate(s string) string {
	y, m, d, ok := ParseDate(s)
	if !ok {
		return s
	}
	day := strconv.Itoa(d)
	if d == 1 {
		day = "1er"
	}
	return day + "\u00a0" + months[m-1] + "\u00a0" + strconv.Itoa(y)
}

// SafeURL reports whether u may be used as a link target: an absolute
// http:// or https:// address with a host and without spaces or control
// characters. Everything else (javascript:, data:, relative paths…) is refused.
func SafeURL(u string) bool {
	var rest string
	switch {
	case hasPrefixFold(u, "https://"):
		rest = u[len("https://"):]
	case hasPrefixFold(u, "http://"):
		rest = u[len("http://"):]
	default:
		return false
	}
	if rest == "" || rest[0] == '/' || rest[0] == '?' || rest[0] == '#' {
		return false
	}
	for _, r := range u {
		if r <= ' ' || r == 0x7f || r == '"' || r == '<' || r == '>' || r == '\\' || r == '`' {
			return false
		}
	}
	return true
}

// Segment is a piece of a text line: plain text, or a URL found in it.
type Segment struct {
	Text string
	URL  string // set when the segment is a link; then Text == URL
}

// Linkify cuts s into plain segments and http(s) URL segments. Trailing
// punctuation (.,;:!? and closing brackets or quotes that are not part of the
// address) stays outside the link. It never returns an empty plain segment.
func Linkify(s string) []Segment {
	var out []Segment
	for len(s) > 0 {
		i := indexScheme(s)
		if i < 0 {
			break
		}
		end := i
		for end < len(s) && !stopsURL(s[end]) {
			end++
		}
		end = i + trimURL(s[i:end])
		u := s[i:end]
		if !SafeURL(u) {
			// Not a usable address: keep it as text and go on after the scheme.
			skip := i + 7
			if skip > len(s) {
				skip = len(s)
			}
			out = appendText(out, s[:skip])
			s = s[skip:]
			continue
		}
		out = appendText(out, s[:i])
		out = append(out, Segment{Text: u, URL: u})
		s = s[end:]
	}
	return appendText(out, s)
}

func appendText(out []Segment, t string) []Segment {
	if t == "" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].URL == "" {
		out[n-1].Text += t
		return out
	}
	return append(out, Segment{Text: t})
}

// indexScheme finds the first "http://" or "https://" (ASCII, any case) that
// does not sit inside a word.
func indexScheme(s string) int {
	for j := 0; j+7 <= len(s); j++ {
		if hasPrefixFold(s[j:], "http://") || hasPrefixFold(s[j:], "https://") {
			if j == 0 || !isWordByte(s[j-1]) {
				return j
			}
		}
	}
	return -1
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case; prefix is lower case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// stopsURL is true for bytes that never belong to a URL written in text.
func stopsURL(b byte) bool {
	switch b {
	case ' ', '\t', '\n', '\r', '"', '<', '>', '`', '\\', '{', '}', '|', '^':
		return true
	}
	return b < ' ' || b == 0x7f
}

// trimURL drops trailing punctuation and unbalanced closing brackets; it also
// stops at a non-ASCII quote or space (« », ’, no-break space) and returns the
// new length.
func trimURL(u string) int {
	// Stop at the first non-ASCII rune that is punctuation or space in French text.
	if i := strings.IndexFunc(u, func(r rune) bool {
		switch r {
		case '«', '»', '’', '‘', '“', '”', '\u00a0', '\u202f', '\u2009', '…':
			return true
		}
		return false
	}); i >= 0 {
		u = u[:i]
	}
	for len(u) > 0 {
		c := u[len(u)-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'', '*':
			u = u[:len(u)-1]
			continue
		case ')':
			if strings.Count(u, "(") < strings.Count(u, ")") {
				u = u[:len(u)-1]
				continue
			}
		case ']':
			if strings.Count(u, "[") < strings.Count(u, "]") {
				u = u[:len(u)-1]
				continue
			}
		}
		break
	}
	return len(u)
}

// FormatInt groups digits by three with a no-break space, as in French (10 000).
func FormatInt(n int) string {
	s := strconv.Itoa(n)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Count is « aucune inscription », « 1 inscription », « 10 000 inscriptions ».
func Count(n int) string {
	switch n {
	case 0:
		return "aucune inscription"
	case 1:
		return "1 inscription"
	}
	return FormatInt(n) + " inscriptions"
}

// Or returns s, or def when s is blank.
func Or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// ListMarker returns the length in bytes of the list marker that starts s
// (« 1. », « 2) », « (3) », « a) », « b. », « iv) », « 4° », « - », « • »,
// « – »), including the spaces after it, or 0 when s starts with none. An
// item that carries its own marker is not given a bullet: the list keeps its
// numbering.
func ListMarker(s string) int {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	start := i
	for _, b := range []string{"•", "–", "—", "-", "*", "◦", "▪"} {
		if strings.HasPrefix(s[i:], b) {
			return afterMarker(s, i+len(b))
		}
	}
	open := i < len(s) && s[i] == '('
	if open {
		i++
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' && j-i < 3 {
		j++
	}
	if j == i {
		// One letter (a, B), or a short lower-case roman numeral (iv, xii).
		for j < len(s) && strings.IndexByte("ivxlc", s[j]) >= 0 && j-i < 5 {
			j++
		}
		if j == i && j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
			j++
		}
		if j == i {
			return 0
		}
	}
	switch {
	case j < len(s) && s[j] == ')':
		return afterMarker(s, j+1)
	case open:
		return 0
	case j < len(s) && s[j] == '.' && j > start:
		return afterMarker(s, j+1)
	case strings.HasPrefix(s[j:], "°") && s[i] >= '0' && s[i] <= '9':
		return afterMarker(s, j+len("°"))
	}
	return 0
}

// afterMarker checks that a marker ending at i is followed by a space (or
// ends s), and returns the position after the spaces.
func afterMarker(s string, i int) int {
	if i < len(s) && s[i] != ' ' && !strings.HasPrefix(s[i:], "\u00a0") {
		return 0
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if strings.HasPrefix(s[i:], "\u00a0") {
		i += len("\u00a0")
	}
	return i
}
