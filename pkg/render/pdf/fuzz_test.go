package pdf

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/registre-qc/registre/pkg/render/internal/textutil"

	"github.com/registre-qc/registre/pkg/table"
)

// FuzzRender checks that any text gives a PDF, never a panic, and that no
// row band runs past the bottom of its page.
func FuzzRender(f *testing.F) {
	f.Add("Registre", "COM-1", "Une ligne\nDeux lignes « ’ œ É — ° »", "https://exemple.qc.ca/a", uint8(3), uint8(2), true)
	f.Add("", "", "", "javascript:alert(1)", uint8(0), uint8(0), false)
	f.Add("😀\x00", "\t", strings.Repeat("mot ", 290), "", uint8(11), uint8(11), true)
	f.Fuzz(func(t *testing.T, title, id, text, url string, ncols, nrows uint8, list bool) {
		if len(text) > 1200 || len(title) > 200 || len(id) > 200 {
			return // keep each run short; size is covered by the benchmarks
		}
		tb := table.Table{Kind: "x", Title: title, Preamble: text, Empty: text, Updated: id}
		for i := range int(ncols % 12) {
			tb.Columns = append(tb.Columns, table.Column{Title: title + text[:min(len(text), i)], List: list && i%2 == 0})
		}
		for i := range int(nrows % 12) {
			row := table.Row{ID: id}
			for j := range int(ncols%12) + i%3 { // some rows short, some long
				var lines []table.Line
				for k, l := range strings.Split(text, "\n") {
					lines = append(lines, table.Line{Text: strings.Repeat(l, 1+(i+j+k)%4), URL: url})
				}
				row.Cells = append(row.Cells, table.Cell{Lines: lines})
			}
			tb.Rows = append(tb.Rows, row)
		}
		site := table.Site{Org: title, Internal: list, Updated: id}
		var b bytes.Buffer
		if err := Render(&b, site, tb); err != nil {
			t.Fatalf("Render: %v", err)
		}
		r := newRenderer(site, tb)
		r.layout()
		for p, page := range r.pages {
			for _, it := range page.items {
				if it.kind == itemSegment && it.y+r.segmentH(it.n) > bodyBottom+0.01 {
					t.Fatalf("page %d: row %d overflows", p+1, it.row)
				}
			}
		}
	})
}

// FuzzWrap: the line breaker loses no text (but spaces at line ends and the
// hyphens it adds), never makes a line wider than asked unless the line is
// one character, and never panics.
func FuzzWrap(f *testing.F) {
	f.Add("Les coordonnées de 12 290 personnes : https://exemple.qc.ca/a/b?c=d&e=f#g.", 20.0, true)
	f.Add("Renseignementspersonnelsconfidentiels l'utilisateur (https://a.b/c-d_e.f)", 8.0, false)
	f.Add("  \u00a0 1\u202f080\u2009$ ", 1.0, true)
	f.Fuzz(func(t *testing.T, text string, w float64, link bool) {
		if !utf8.ValidString(text) || w != w || w < 0.5 || w > 300 {
			return
		}
		text = clean(text)
		r := newRenderer(table.Site{}, table.Table{})
		r.font("", 8)
		segs := []textutil.Segment{{Text: text}}
		if link {
			segs = textutil.Linkify(text)
		}
		lines := r.breakLines(segs, w, w)
		if len(lines) == 0 {
			t.Fatal("no line")
		}
		var got strings.Builder
		for _, l := range lines {
			lw, s := 0.0, ""
			for _, ru := range l {
				lw += r.width(ru.text)
				s += ru.text
			}
			if lw > w+0.01 && utf8.RuneCountInString(strings.TrimSuffix(s, "-")) > 1 {
				t.Errorf("line %q is %.2f mm wide, more than %.2f", s, lw, w)
			}
			got.WriteString(s)
		}
		strip := func(s string) string {
			return strings.Map(func(c rune) rune {
				if c == ' ' || c == '-' {
					return -1
				}
				return c
			}, s)
		}
		if strip(got.String()) != strip(text) {
			t.Errorf("text changed:\n got %q\nwant %q", got.String(), text)
		}
	})
}
