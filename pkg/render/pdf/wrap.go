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
//   - an address (http:// or https://) is a link, and may break after a
//     « / », « - », « _ » or « . », or before « ? », « & », « # » or « = »;
//   - a word wider than the line is cut, as a last resort.

// run is a piece of a line, a link when url is set.
type run struct {
	text, url string
}

// box is what the line breaker never splits (but a word wider than a whole
// line): a word, an address piece with what is glued to it, or a space.
type box struct {
	runs  []run
	w     float64
	space bool
}

// boxes cuts segments into boxes, measured in the current font.
func (r *renderer) boxes(segs []textutil.Segment) []box {
	var out []box
	var cur box
	closeBox := func() {
		if len(cur.runs) == 0 {
			return
		}
		for _, ru := range cur.runs {
			cur.w += r.f.GetStringWidth(ru.text)
		}
		out = append(out, cur)
		cur = box{}
	}
	add := func(text, url string) {
		if text == "" {
			return
		}
		if n := len(cur.runs); n > 0 && cur.runs[n-1].url == url {
			cur.runs[n-1].text += text
			return
		}
		cur.runs = append(cur.runs, run{text: text, url: url})
	}
	for _, sg := range segs {
		if sg.URL != "" {
			parts := urlParts(sg.Text)
			for i, p := range parts {
				add(p, sg.URL)
				if i < len(parts)-1 {
					closeBox()
				}
			}
			continue
		}
		s := sg.Text
		start := 0
		for i, c := range s {
			if c != ' ' || !breakableSpace(s, i) {
				continue
			}
			add(s[start:i], "")
			closeBox()
			out = append(out, box{runs: []run{{text: " "}}, w: r.f.GetStringWidth(" "), space: true})
			start = i + 1
		}
		add(s[start:], "")
	}
	closeBox()
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

// urlParts cuts an address where a line may break in it.
func urlParts(u string) []string {
	var parts []string
	start := 0
	// Never inside the scheme and its « // ».
	skip := 0
	if k := strings.Index(u, "://"); k >= 0 {
		skip = k + 3
	}
	for i := skip; i < len(u); i++ {
		switch u[i] {
		case '/', '-', '_', '.':
			if i+1 < len(u) && i+1 > start {
				parts = append(parts, u[start:i+1])
				start = i + 1
			}
		case '?', '&', '#', '=':
			if i > start && i > skip {
				parts = append(parts, u[start:i])
				start = i
			}
		}
	}
	return append(parts, u[start:])
}

// breakLines breaks boxes into lines: the first line at most first wide, the
// others at most rest wide. It returns at least one line.
func (r *renderer) breakLines(bs []box, first, rest float64) [][]run {
	var lines [][]run
	var cur []run
	curW := 0.0
	var pending *box // a space waiting for the next word
	width := func() float64 {
		if len(lines) == 0 {
			return max(1, first)
		}
		return max(1, rest)
	}
	push := func() {
		lines = append(lines, cur)
		cur, curW = nil, 0
	}
	appendRuns := func(rs []run) {
		for _, ru := range rs {
			if n := len(cur); n > 0 && cur[n-1].url == ru.url {
				cur[n-1].text += ru.text
			} else {
				cur = append(cur, ru)
			}
		}
	}
	for i := range bs {
		b := &bs[i]
		if b.space {
			if len(cur) > 0 {
				pending = b
			}
			continue
		}
		extra := 0.0
		if pending != nil {
			extra = pending.w
		}
		if len(cur) > 0 && curW+extra+b.w > width()+0.001 {
			push()
			pending = nil
		}
		if len(cur) == 0 && b.w > width()+0.001 {
			// Wider than a whole line: cut it, character by character.
			curW = r.cut(b.runs, &lines, &cur, width)
			pending = nil
			continue
		}
		if pending != nil && len(cur) > 0 {
			appendRuns(pending.runs)
			curW += pending.w
		}
		pending = nil
		appendRuns(b.runs)
		curW += b.w
	}
	if len(cur) > 0 || len(lines) == 0 {
		push()
	}
	return lines
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
		case vowel(a) && !vowel(b) && vowel(c):
			pts = append(pts, off[i])
		case !vowel(a) && !vowel(b) && vowel(c) && vowel(unicode.ToLower(rs[i-2])) && !together(a, b):
			pts = append(pts, off[i])
		}
	}
	return pts
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
	lines := r.breakLines(r.boxes([]textutil.Segment{{Text: text}}), w, w)
	out := make([]string, len(lines))
	for i, l := range lines {
		for _, ru := range l {
			out[i] += ru.text
		}
	}
	return out
}
