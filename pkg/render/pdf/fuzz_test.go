package pdf

import (
	"bytes"
	"strings"
	"testing"

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
