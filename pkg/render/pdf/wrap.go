package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/registre-qc/registre/pkg/render/internal/textutil"
)

// The line breaker of the table cells. fpdf's SplitText breaks at every
// Unicode space, no-break spaces included, and cuts an address that does
// not fit anywhere, character by character. Here:
//   - a line breaks only at an ordinary space: never at a no-break space
//     (U+00A0, U+202F, U+2007) nor at a thin space (U+2009), and never at
//     the space that groups the digits of a French number (« 12 290 »);
//   - an address written out (http:// or https://) is a link, and may break
//     after a « / », « - », « _ » or « . », or before « ? », « & », « # » or
//     « = »; a citation linked to its article breaks between words;
//   - a word wider than the line is cut, as a last resort.

// run is a stretch of a line, a link when url is set.
type run struct {
	text, url string
}

// piece is a part of a segment's text, s.Text[a:b]: a word, a space, or a
// part of an address. Pieces point into the text rather than copy it, and a
// line's run is one slice of the text, so that wrapping allocates little.
type piece struct {
	seg   int
	a, b  int
	w     float64
	space bool // a breakable space: dropped at the end or start of a line
	glue  bool // no line break before this piece (same word as the previous)
}

// pieces cuts segments into pieces, measured in the current font. The
// slice is reused by the next call.
func (r *renderer) pieces(segs []textutil.Segment) []piece {
	out := r.pieceBuf[:0]
	defer func() { r.pieceBuf = out[:0] }()
	prevWord := false // the previous piece is a word, or part of one
	add := func(seg, a, b int, glue bool) {
		if a == b {
			return
		}
		out = append(out, piece{seg: seg, a: a, b: b, w: r.f.GetStringWidth(segs[seg].Text[a:b]), glue: glue})
		prevWord = true
	}
	space := r.f.GetStringWidth(" ")
	for k, sg := range segs {
		s := sg.Text
		if sg.URL != "" && sg.Text == sg.URL {
			start := 0
			for i, end := range urlBreaks(s) {
				add(k, start, end, i == 0 && prevWord)
				start = end
			}
			continue
		}
		start := 0
		for i := 0; i < len(s); i++ {
			if s[i] != ' ' || !breakableSpace(s, i) {
				continue
			}
			add(k, start, i, prevWord)
			out = append(out, piece{seg: k, a: i, b: i + 1, w: space, space: true})
			prevWord = false
			start = i + 1
		}
		add(k, start, len(s), prevWord)
	}
	return out
}

// breakableSpace tells whether the ASCII space at s[i] is a line break
// opportunity: not when it groups digits by three (« 12 290 », « 1 080 »).
func breakableSpace(s string, i int) bool {
	if i == 0 || s[i-1] < '0' || s[i-1] > '9' {
		return true
	}
	j := i + 1
	for j < len(s) && j-i <= 4 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j-(i+1) != 3 || (j < len(s) && s[j] >= '0' && s[j] <= '9')
}

// urlBreaks returns the ends of the parts of an address between which a
// line may break; the last is len(u).
func urlBreaks(u string) []int {
	var ends []int
	skip := 0 // never inside the scheme and its « // »
	if k := strings.Index(u, "://"); k >= 0 {
		skip = k + 3
	}
	start := 0
	for i := skip; i < len(u); i++ {
		switch u[i] {
		case '/', '-', '_', '.':
			if i+1 < len(u) {
				ends = append(ends, i+1)
				start = i + 1
			}
		case '?', '&', '#', '=':
			if i > start && i > skip {
				ends = append(ends, i)
				start = i
			}
		}
	}
	return append(ends, len(u))
}

// breakLines breaks text segments into lines: the first line at most first
// wide, the others at most rest wide. It returns at least one line.
func (r *renderer) breakLines(segs []textutil.Segment, first, rest float64) [][]run {
	ps := r.pieces(segs)
	var lines [][]run
	from, to := -1, -1 // the current line: pieces [from, to)
	curW := 0.0
	var cut []run // the start of the current line, when a word was cut
	width := func() float64 {
		if len(lines) == 0 {
			return max(1, first)
		}
		return max(1, rest)
	}
	push := func() {
		lines = append(lines, appendRuns(cut, segs, ps, from, to))
		from, to, curW, cut = -1, -1, 0, nil
	}
	for i := 0; i < len(ps); {
		if ps[i].space {
			i++
			continue
		}
		// A word: this piece and the ones glued to it.
		j, w := i+1, ps[i].w
		for j < len(ps) && ps[j].glue {
			w += ps[j].w
			j++
		}
		gap := 0.0 // the spaces before the word, on the same line
		if from >= 0 || cut != nil {
			for k := to; k >= 0 && k < i; k++ {
				gap += ps[k].w
			}
		}
		if (from >= 0 || cut != nil) && curW+gap+w > width()+0.001 {
			push()
			gap = 0
		}
		if from < 0 && cut == nil && w > width()+0.001 {
			// Wider than a whole line: hyphenated, or cut.
			var rs []run
			rs = appendRuns(rs, segs, ps, i, j)
			curW = r.cut(rs, &lines, &cut, width)
			from, to = j, j
			i = j
			continue
		}
		if from < 0 {
			from = i
		}
		to = j
		curW += gap + w
		i = j
	}
	if from >= 0 || cut != nil || len(lines) == 0 {
		push()
	}
	return lines
}

// appendRuns appends the text of pieces [from, to) to rs, one run per
// stretch of one segment (a slice of its text, not a copy), merged with the
// last run of rs when it has the same link.
func appendRuns(rs []run, segs []textutil.Segment, ps []piece, from, to int) []run {
	for k := from; k >= 0 && k < to; {
		seg, a := ps[k].seg, ps[k].a
		m := k + 1
		for m < to && ps[m].seg == seg {
			m++
		}
		text, url := segs[seg].Text[a:ps[m-1].b], segs[seg].URL
		if n := len(rs); n > 0 && rs[n-1].url == url {
			rs[n-1].text += text // after a cut word only: rare
		} else {
			rs = append(rs, run{text: text, url: url})
		}
		k = m
	}
	return rs
}

// cut lays out runs wider than a line, starting on an empty line: full lines
// go to lines, the rest stays in cur. It returns the width of cur. A word is
// hyphenated between syllables where it can be; an address, or a word
// without a place to hyphenate, is cut between two characters.
func (r *renderer) cut(rs []run, lines *[][]run, cur *[]run, width func() float64) float64 {
	if len(rs) == 1 && rs[0].url == "" {
		word := rs[0].text
		for r.f.GetStringWidth(word) > width()+0.001 {
			best := 0
			for _, p := range hyphenPoints(word) {
				if r.f.GetStringWidth(word[:p]+"-") <= width()+0.001 {
					best = p
				}
			}
			if best == 0 {
				break
			}
			piece := word[:best]
			if !strings.HasSuffix(piece, "'") && !strings.HasSuffix(piece, "’") {
				piece += "-"
			}
			*lines = append(*lines, []run{{text: piece}})
			word = word[best:]
		}
		rs = []run{{text: word}}
	}
	w := 0.0
	for _, ru := range rs {
		s := ru.text
		for s != "" {
			_, n := utf8.DecodeRuneInString(s)
			cw := r.f.GetStringWidth(s[:n])
			if w > 0 && w+cw > width()+0.001 {
				*lines = append(*lines, *cur)
				*cur, w = nil, 0
			}
			if k := len(*cur); k > 0 && (*cur)[k-1].url == ru.url {
				(*cur)[k-1].text += s[:n]
			} else {
				*cur = append(*cur, run{text: s[:n], url: ru.url})
			}
			w += cw
			s = s[n:]
		}
	}
	return w
}

// hyphenPoints are the byte offsets where a French word may be hyphenated,
// by the plain rules of syllables: before a consonant between two vowels
// (« sé-cu-ri-té »), between two consonants (« per-son-nel ») unless they go
// together (« gn », « ch », « pr », « bl »…), and after an apostrophe. Each
// piece keeps at least two letters before and three after.
func hyphenPoints(word string) []int {
	rs := []rune(word)
	off := make([]int, len(rs)+1)
	for i, o := 0, 0; i < len(rs); i++ {
		off[i] = o
		o += utf8.RuneLen(rs[i])
		off[i+1] = o
	}
	var pts []int
	for i := 2; i+3 <= len(rs); i++ {
		a, b, c := unicode.ToLower(rs[i-1]), unicode.ToLower(rs[i]), unicode.ToLower(rs[i+1])
		switch {
		case a == '\'' || a == '’':
			pts = append(pts, off[i])
		case !unicode.IsLetter(a) || !unicode.IsLetter(b) || !unicode.IsLetter(c):
		case !sounded(rs[i:]):
		case vowel(a) && !vowel(b) && vowel(c):
			pts = append(pts, off[i])
		case !vowel(a) && !vowel(b) && vowel(c) && vowel(unicode.ToLower(rs[i-2])) && !together(a, b):
			pts = append(pts, off[i])
		}
	}
	return pts
}

// sounded tells whether the end of a word is a syllable one may carry to
// the next line: not a mute one (« -que », « -nes », « -tre »).
func sounded(end []rune) bool {
	s := strings.ToLower(string(end))
	s = strings.TrimSuffix(s, "s")
	s = strings.TrimSuffix(s, "e")
	s = strings.ReplaceAll(s, "qu", "q")
	return strings.ContainsFunc(s, vowel)
}

func vowel(c rune) bool { return strings.ContainsRune("aeiouyàâäéèêëîïôöùûüÿœæ", c) }

// together are consonant pairs that start a syllable in French.
func together(a, b rune) bool {
	switch string([]rune{a, b}) {
	case "gn", "ch", "ph", "th", "bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr", "vr":
		return true
	}
	return false
}

// wrapText breaks plain text (no links) into lines no wider than w.
func (r *renderer) wrapText(text string, w float64) []string {
	lines := r.breakLines([]textutil.Segment{{Text: text}}, w, w)
	out := make([]string, len(lines))
	for i, l := range lines {
		for _, ru := range l {
			out[i] += ru.text
		}
	}
	return out
}
