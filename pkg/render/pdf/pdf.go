// Package pdf renders a published register as a PDF: landscape Letter, an
// embedded Unicode font (DejaVu Sans), the title, organisation and legal
// preamble on the first page, then the table with its header row repeated on
// every page. Rows are measured before they are drawn: a row that does not
// fit in the space left is cut between two lines and goes on under the
// repeated header of the next page, so that pages are filled. Numbers stay
// whole (« 12 290 »), addresses are links and break at their « / ».
//
// The output is a pure function of the input: the PDF dates come from
// site.Updated, resources are written in a fixed order, and two renders of
// the same input give the same bytes.
package pdf

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/registre-qc/registre/pkg/render/internal/textutil"
	"github.com/registre-qc/registre/pkg/table"
)

// DejaVu Sans 2.37 from Debian's fonts-dejavu-core; licence in fonts/.
// fpdf embeds only the glyphs the document uses.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

const (
	family = "DejaVu"

	pageW = 279.4 // Letter, landscape, mm
	pageH = 215.9

	marginX      = 12.0
	marginTop    = 12.0
	marginBottom = 16.0 // the footer sits in it
	bodyBottom   = pageH - marginBottom
	usableW      = pageW - 2*marginX

	padX = 1.4 // cell padding, mm
	padY = 1.2

	bulletIndent = 2.8 // list items: text after the bullet
	minColW      = 16.0
	maxWordW     = 15.0 // a longer word may be hyphenated (or cut) to keep its column narrow
	headCapW     = 16.0 // a longer header word is hyphenated
	minCarry     = 2    // lines at least carried over when a row is cut
	idMinW       = 17.0
	idMaxW       = 34.0
	// A row taller than the space left starts on the current page only if
	// at least this many lines fit there; otherwise it starts on a new page.
	minSplitLines = 4

	continued = "(suite)"
)

// Colours.
var (
	colText    = [3]int{0x1a, 0x1a, 0x1a}
	colBlue    = [3]int{0x09, 0x57, 0x97} // Québec.ca blue: headers, links
	colDark    = [3]int{0x22, 0x36, 0x54}
	colGrey    = [3]int{0x4e, 0x56, 0x62}
	colRule    = [3]int{0x8a, 0x93, 0xa0}
	colZebra   = [3]int{0xf1, 0xf1, 0xf2}
	colBanner  = [3]int{0xff, 0xe8, 0xa3}
	colWhite   = [3]int{0xff, 0xff, 0xff}
	colHeadSep = [3]int{0x4f, 0x86, 0xb6}
)

// pagesPerPart is how many pages are drawn into one fpdf document before
// it is written out and merged: fpdf keeps every page in memory until the
// end, which for a register of 10 000 entries would take a gigabyte.
const pagesPerPart = 400

// Render writes the register t of site as a PDF.
func Render(w io.Writer, site table.Site, t table.Table) error {
	return render(w, site, t, pagesPerPart)
}

func render(w io.Writer, site table.Site, t table.Table, perPart int) error {
	r := newRenderer(site, t)
	r.layout()
	if err := r.f.Error(); err != nil {
		return fmt.Errorf("pdf : %w", err)
	}
	m := newMerger(w)
	var buf bytes.Buffer
	for first := 0; first < len(r.pages); first += perPart {
		buf.Reset()
		if err := r.drawPart(&buf, first, min(len(r.pages), first+perPart)); err != nil {
			return fmt.Errorf("pdf : %w", err)
		}
		if err := m.add(buf.Bytes()); err != nil {
			return fmt.Errorf("pdf : %w", err)
		}
	}
	if err := m.close(); err != nil {
		return fmt.Errorf("pdf : %w", err)
	}
	return nil
}

type renderer struct {
	f        *fpdf.Fpdf // the document being drawn (during layout: one to measure with)
	site     table.Site
	t        table.Table
	internal bool
	updated  string // « 1er mars 2025 »

	fs, hfs float64 // table and header font sizes, pt
	lh, hlh float64 // their line heights, mm
	cols    []column
	headH   float64
	head    [][]string // wrapped header titles, one per column (id first)

	// Layout.
	pages   []pagePlan
	y       float64
	inTable bool

	// Drawing.
	firstPage int // number of the part's first page, from 0

	cacheRow   int // the last row wrapped, and its lines
	cacheCells [][]wline
	cacheIDs   []string
	cacheCont  []string

	pieceBuf []piece // scratch space of the line breaker

	textC, fillC, drawC      [3]int // current colours, to skip repeated changes
	inkSet, fillSet, drawSet bool
}

func newRenderer(site table.Site, t table.Table) *renderer {
	r := &renderer{site: site, t: t, internal: site.Internal || t.Internal, cacheRow: -1}
	r.updated = textutil.FrenchDate(textutil.Or(t.Updated, site.Updated))
	r.f = r.newDoc()
	return r
}

// newDoc starts an fpdf document with the fonts and the metadata.
func (r *renderer) newDoc() *fpdf.Fpdf {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "L",
		UnitStr:        "mm",
		SizeStr:        "Letter",
	})
	date := pdfDate(r.site.Updated, r.t.Updated)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetCatalogSort(true)
	// Page contents are compressed when the parts are merged.
	f.SetCompression(false)
	title := textutil.Or(r.t.Title, "Registre")
	f.SetTitle(title, true)
	f.SetAuthor(textutil.Or(r.site.Org, "registre"), true)
	subject := title
	if r.site.Org != "" {
		subject += " — " + r.site.Org
	}
	if r.internal {
		subject += " — Édition interne, ne pas diffuser"
	}
	f.SetSubject(subject, true)
	f.SetCreator("registre", true)
	f.SetProducer(textutil.Or(r.site.Generator, "registre"), true)
	f.SetLang("fr-CA")
	f.SetDisplayMode("fullwidth", "continuous")

	f.AddUTF8FontFromBytes(family, "", fontRegular)
	f.AddUTF8FontFromBytes(family, "B", fontBold)
	f.SetMargins(marginX, marginTop, marginX)
	f.SetAutoPageBreak(false, marginBottom)
	f.SetCellMargin(0)
	f.SetHeaderFunc(r.pageHeader)
	f.SetFooterFunc(r.pageFooter)
	r.inkSet, r.fillSet, r.drawSet = false, false, false
	return f
}

// drawPart draws pages [first, last) of the plan as one PDF into w.
func (r *renderer) drawPart(w io.Writer, first, last int) error {
	r.f = r.newDoc()
	r.firstPage = first
	for p := first; p < last; p++ {
		r.f.AddPage() // the header function draws the banner and the table header
		for _, it := range r.pages[p].items {
			r.drawItem(it)
		}
	}
	if err := r.f.Error(); err != nil {
		return err
	}
	return r.f.Output(w)
}

// pageNo is the number of the page being drawn, from 1.
func (r *renderer) pageNo() int { return r.firstPage + r.f.PageNo() }

func (r *renderer) drawItem(it item) {
	f := r.f
	switch it.kind {
	case itemLine:
		r.font(it.style, it.size)
		r.color(it.color)
		r.text(marginX, it.y+baseline(it.size), it.text)
	case itemRule:
		r.draw(colBlue)
		f.SetLineWidth(0.5)
		f.Line(marginX, it.y, pageW-marginX, it.y)
	case itemEmpty:
		r.fill(colZebra)
		r.draw(colRule)
		f.SetLineWidth(0.2)
		f.Rect(marginX, it.y, usableW, it.h, "FD")
		r.fill(colBlue)
		f.Rect(marginX, it.y, 1.6, it.h, "F")
		r.font("B", 11)
		r.color(colDark)
		for i, l := range it.lines {
			r.text(marginX+6, it.y+4+float64(i)*lineHeight(11)+baseline(11), l)
		}
	case itemSegment:
		r.drawSegment(it)
	}
}

// pdfDate is midnight UTC of the first valid YYYY-MM-DD date given, or the
// Unix epoch: never the clock.
func pdfDate(dates ...string) time.Time {
	for _, d := range dates {
		if y, m, day, ok := textutil.ParseDate(d); ok {
			return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
		}
	}
	return time.Unix(0, 0).UTC()
}

// color sets the text colour, and the fill colour to the same value: when
// they differ, fpdf wraps every piece of text in its own colour change,
// which makes a large register's pages a quarter bigger.
func (r *renderer) color(c [3]int) {
	if !r.inkSet || r.textC != c {
		r.f.SetTextColor(c[0], c[1], c[2])
		r.textC = c
	}
	r.fill(c)
	r.inkSet = true
}

// fill sets the fill colour of the next rectangles.
func (r *renderer) fill(c [3]int) {
	if !r.fillSet || r.fillC != c {
		r.f.SetFillColor(c[0], c[1], c[2])
		r.fillC, r.fillSet = c, true
	}
}

// draw sets the colour of lines and borders.
func (r *renderer) draw(c [3]int) {
	if !r.drawSet || r.drawC != c {
		r.f.SetDrawColor(c[0], c[1], c[2])
		r.drawC, r.drawSet = c, true
	}
}
func (r *renderer) font(style string, size float64) {
	r.f.SetFont(family, style, size)
}

// lineHeight is the line pitch in mm for a font size in points.
func lineHeight(pt float64) float64 { return pt * 25.4 / 72 * 1.28 }

// baseline is the distance from the top of a line box to its baseline.
func baseline(pt float64) float64 {
	size := pt * 25.4 / 72
	return (lineHeight(pt)-size)/2 + size*0.80
}

// contentTop is where a page's content starts, below the banner.
func (r *renderer) contentTop() float64 {
	if r.internal {
		return marginTop + 4
	}
	return marginTop
}

// pageHeader draws the internal banner and, after the first page, a running
// head; inside the table it then repeats the header row.
func (r *renderer) pageHeader() {
	f := r.f
	headY := 8.0 // baseline of the running head
	if r.internal {
		r.fill(colBanner)
		r.draw(colText)
		f.SetLineWidth(0.5)
		f.Rect(marginX, 3.5, usableW, 6.5, "FD")
		r.font("B", 10.5)
		r.color(colText)
		msg := "Édition interne — ne pas diffuser"
		r.text(marginX+(usableW-r.width(msg))/2, 3.5+4.6, msg)
		headY = 13.5
	}
	n := r.pageNo()
	if n > 1 {
		r.font("", 7.5)
		r.color(colGrey)
		head := textutil.Or(r.t.Title, "Registre")
		if r.site.Org != "" {
			head += " — " + r.site.Org
		}
		r.text(marginX, headY, r.fitText(clean(head), usableW))
	}
	if p := r.pages[n-1]; p.header {
		r.tableHeader(p.headerY)
	}
}

// pageFooter writes « Page X de Y » and the update date.
func (r *renderer) pageFooter() {
	f := r.f
	f.SetLineWidth(0.2)
	r.draw(colRule)
	f.Line(marginX, pageH-12, pageW-marginX, pageH-12)
	r.font("", 8)
	r.color(colGrey)
	y := pageH - 8
	r.text(marginX, y, fmt.Sprintf("Page %d de %d", r.pageNo(), len(r.pages)))
	right := "Mise à jour : " + textutil.Or(r.updated, "non précisée")
	if r.internal {
		right = "Édition interne — ne pas diffuser · " + right
	}
	right = r.fitText(right, usableW/2)
	r.text(pageW-marginX-r.width(right), y, right)
}

// tableHeader draws the header row at y.
func (r *renderer) tableHeader(y float64) {
	f := r.f
	r.fill(colBlue)
	f.Rect(marginX, y, usableW, r.headH, "F")
	r.draw(colHeadSep)
	f.SetLineWidth(0.2)
	r.font("B", r.hfs)
	r.color(colWhite)
	for i, c := range r.cols {
		if i > 0 {
			f.Line(c.x, y, c.x, y+r.headH)
		}
		// Titles sit at the bottom of the header, as in the HTML table.
		lines := r.head[i]
		top := y + r.headH - padY - float64(len(lines))*r.hlh
		for k, l := range lines {
			r.text(c.x+padX, top+float64(k)*r.hlh+baseline(r.hfs), l)
		}
	}
}

// drawSegment draws a band of a row: lines [start, start+n) of each cell,
// with the id in the first column.
func (r *renderer) drawSegment(it item) {
	f := r.f
	cells, ids, contIDs := r.wrapRow(it.row)
	if it.cont {
		ids = contIDs
	}
	y := it.y
	h := r.segmentH(it.n)
	f.SetLineWidth(0.2)
	r.draw(colRule)
	if it.row%2 == 1 {
		r.fill(colZebra)
		f.Rect(marginX, y, usableW, h, "F")
	}
	for _, c := range r.cols {
		f.Rect(c.x, y, c.w, h, "D")
	}
	// Id column, bold.
	r.font("B", r.fs)
	r.color(colDark)
	for k, l := range ids {
		if k >= it.n {
			break
		}
		r.text(r.cols[0].x+padX, y+padY+float64(k)*r.lh+baseline(r.fs), l)
	}
	r.font("", r.fs)
	for i := 1; i < len(cells); i++ {
		c := r.cols[i]
		lines := cells[i]
		for k := 0; k < it.n && it.start+k < len(lines); k++ {
			l := lines[it.start+k]
			x := c.x + padX
			base := y + padY + float64(k)*r.lh + baseline(r.fs)
			if l.bullet {
				r.color(colText)
				r.text(x, base, "•")
			}
			x += l.indent
			for _, ru := range l.runs {
				tw := r.width(ru.text)
				if ru.url != "" {
					r.color(colBlue)
					r.text(x, base, ru.text)
					r.draw(colBlue)
					f.SetLineWidth(0.15)
					f.Line(x, base+0.5, x+tw, base+0.5)
					f.LinkString(x, base-baseline(r.fs), tw, r.lh, ru.url)
					r.draw(colRule)
					f.SetLineWidth(0.2)
				} else {
					r.color(colText)
					r.text(x, base, ru.text)
				}
				x += tw
			}
		}
	}
}

// wrap splits text into lines no wider than w (mm) in the current font. An
// empty text gives one empty line; a word wider than w is cut.
func (r *renderer) wrap(text string, w float64) []string {
	return r.wrapText(text, max(1, w))
}

// fitText cuts s with an ellipsis so it fits in w.
func (r *renderer) fitText(s string, w float64) string {
	if r.width(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && r.width(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

// text draws s at (x, y), y being the baseline.
func (r *renderer) text(x, y float64, s string) { r.f.Text(x, y, clean(s)) }

// width measures s in the current font.
func (r *renderer) width(s string) float64 { return r.f.GetStringWidth(clean(s)) }

// clean makes s safe to draw: control characters (tabs, stray carriage
// returns…) become spaces, and characters beyond the Basic Multilingual
// Plane, which the font lacks and fpdf cannot map, become U+FFFD.
func clean(s string) string {
	if !strings.ContainsFunc(s, needsCleaning) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return ' '
		case r > 0xffff:
			return '\ufffd'
		}
		return r
	}, s)
}

func needsCleaning(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r > 0xffff
}

// ---- Table ----
