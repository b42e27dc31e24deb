// Package pdf renders a published register as a PDF: landscape Letter, an
// embedded Unicode font (DejaVu Sans), the title, organisation and legal
// preamble on the first page, then the table with its header row repeated on
// every page. Rows are measured before they are drawn: a row that does not
// fit in the space left moves to the next page, and a row taller than a whole
// page continues, line by line, on the following pages.
//
// The output is a pure function of the input: the PDF dates come from
// site.Updated, resources are written in a fixed order, and two renders of
// the same input give the same bytes.
package pdf

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
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
	maxWordW     = 30.0 // a longer word may be cut to keep its column narrow
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

// Render writes the register t of site as a PDF.
func Render(w io.Writer, site table.Site, t table.Table) error {
	r := newRenderer(site, t)
	r.document()
	if err := r.f.Error(); err != nil {
		return fmt.Errorf("pdf : %w", err)
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	if err := r.f.Output(bw); err != nil {
		return fmt.Errorf("pdf : %w", err)
	}
	return bw.Flush()
}

type renderer struct {
	f        *fpdf.Fpdf
	site     table.Site
	t        table.Table
	internal bool
	updated  string // « 1er mars 2025 »

	fs, hfs float64 // table and header font sizes, pt
	lh, hlh float64 // their line heights, mm
	cols    []column

	inTable bool // draw the table header on new pages
	headH   float64
	head    [][]string // wrapped header titles, one per column (id first)
	zebra   bool

	textC, fillC, drawC      [3]int // current colours, to skip repeated changes
	inkSet, fillSet, drawSet bool

	rowID string                                   // id of the row being drawn
	trace func(id string, y, h float64, lines int) // tests: called for each band drawn
}

// column is one laid-out column; the id column is cols[0].
type column struct {
	title string
	list  bool
	x, w  float64
}

// wline is one wrapped line of a cell.
type wline struct {
	text   string
	url    string
	bullet bool // first line of a list item: draw a bullet before it
	indent float64
}

func newRenderer(site table.Site, t table.Table) *renderer {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "L",
		UnitStr:        "mm",
		SizeStr:        "Letter",
	})
	internal := site.Internal || t.Internal
	r := &renderer{f: f, site: site, t: t, internal: internal}

	date := pdfDate(site.Updated, t.Updated)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetCatalogSort(true)
	f.SetCompression(true)
	title := nonEmpty(t.Title, "Registre")
	f.SetTitle(title, true)
	f.SetAuthor(nonEmpty(site.Org, "registre"), true)
	subject := title
	if site.Org != "" {
		subject += " — " + site.Org
	}
	if internal {
		subject += " — Édition interne, ne pas diffuser"
	}
	f.SetSubject(subject, true)
	f.SetCreator("registre", true)
	f.SetProducer(nonEmpty(site.Generator, "registre"), true)
	f.SetLang("fr-CA")
	f.SetDisplayMode("fullwidth", "continuous")

	f.AddUTF8FontFromBytes(family, "", fontRegular)
	f.AddUTF8FontFromBytes(family, "B", fontBold)
	f.SetMargins(marginX, marginTop, marginX)
	f.SetAutoPageBreak(false, marginBottom)
	f.SetCellMargin(0)
	f.AliasNbPages("{nb}")
	f.SetHeaderFunc(r.pageHeader)
	f.SetFooterFunc(r.pageFooter)

	r.updated = textutil.FrenchDate(nonEmpty(t.Updated, site.Updated))
	return r
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
	if f.PageNo() > 1 {
		r.font("", 7.5)
		r.color(colGrey)
		head := nonEmpty(r.t.Title, "Registre")
		if r.site.Org != "" {
			head += " — " + r.site.Org
		}
		r.text(marginX, headY, r.fitText(clean(head), usableW))
	}
	f.SetY(r.contentTop())
	if r.inTable {
		r.tableHeader()
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
	// {nb} is replaced once the page count is known: keep it left-aligned.
	r.text(marginX, y, fmt.Sprintf("Page %d de {nb}", f.PageNo()))
	right := "Mise à jour : " + nonEmpty(r.updated, "non précisée")
	if r.internal {
		right = "Édition interne — ne pas diffuser · " + right
	}
	right = r.fitText(right, usableW/2)
	r.text(pageW-marginX-r.width(right), y, right)
}

// document lays out the whole PDF.
func (r *renderer) document() {
	f := r.f
	f.AddPage()
	r.titleBlock()
	r.prepareTable()
	if len(r.t.Rows) == 0 {
		r.emptyMessage()
		return
	}
	// Start the table on this page if its header and a few lines fit.
	r.inTable = true
	if f.GetY()+r.headH+float64(minSplitLines)*r.lh+2*padY > bodyBottom {
		f.AddPage()
	} else {
		r.tableHeader()
	}
	for i := range r.t.Rows {
		r.zebra = i%2 == 1
		r.row(r.t.Rows[i])
		if f.Err() {
			return
		}
	}
}

// titleBlock writes the title, organisation, dates and preamble.
func (r *renderer) titleBlock() {
	f := r.f
	f.SetY(f.GetY() + 2)
	r.color(colDark)
	r.paragraph(nonEmpty(r.t.Title, "Registre"), "B", 17, 0)
	f.SetY(f.GetY() + 1)
	r.color(colText)
	org := r.site.Org
	if org != "" && r.site.OrgAcronym != "" {
		org += " (" + r.site.OrgAcronym + ")"
	}
	if org != "" {
		r.paragraph(org, "B", 11, 0)
	}
	meta := "Mise à jour : " + nonEmpty(r.updated, "non précisée") + " · " + countText(len(r.t.Rows))
	r.color(colGrey)
	r.paragraph(meta, "", 9.5, 0)
	f.SetY(f.GetY() + 2)
	r.draw(colBlue)
	f.SetLineWidth(0.5)
	f.Line(marginX, f.GetY(), pageW-marginX, f.GetY())
	f.SetY(f.GetY() + 3)
	r.color(colText)
	for _, p := range strings.Split(r.t.Preamble, "\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		r.paragraph(p, "", 9.5, 180)
		f.SetY(f.GetY() + 1.5)
	}
	f.SetY(f.GetY() + 3)
}

// paragraph writes wrapped text at the current position, breaking pages as
// needed. maxW limits the measure (0: full width).
func (r *renderer) paragraph(text, style string, pt, maxW float64) {
	f := r.f
	r.font(style, pt)
	w := usableW
	if maxW > 0 && maxW < w {
		w = maxW
	}
	lh := lineHeight(pt)
	for _, l := range r.wrap(clean(text), w) {
		if f.GetY()+lh > bodyBottom {
			f.AddPage()
		}
		r.text(marginX, f.GetY()+baseline(pt), l)
		f.SetY(f.GetY() + lh)
	}
}

func (r *renderer) emptyMessage() {
	f := r.f
	msg := nonEmpty(r.t.Empty, "Aucune inscription")
	r.font("B", 11)
	lines := r.wrap(clean(msg), usableW-12)
	h := float64(len(lines))*lineHeight(11) + 8
	if f.GetY()+h > bodyBottom {
		f.AddPage()
	}
	y := f.GetY()
	r.fill(colZebra)
	r.draw(colRule)
	f.SetLineWidth(0.2)
	f.Rect(marginX, y, usableW, h, "FD")
	r.fill(colBlue)
	f.Rect(marginX, y, 1.6, h, "F")
	r.color(colDark)
	for i, l := range lines {
		r.text(marginX+6, y+4+float64(i)*lineHeight(11)+baseline(11), l)
	}
	f.SetY(y + h)
}

// wrap splits text into lines no wider than w (mm) in the current font. An
// empty text gives one empty line; a word wider than w is cut.
func (r *renderer) wrap(text string, w float64) []string {
	if text == "" {
		return []string{""}
	}
	if w < 1 {
		w = 1
	}
	lines := r.f.SplitText(text, w)
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
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

func countText(n int) string {
	switch n {
	case 0:
		return "aucune inscription"
	case 1:
		return "1 inscription"
	}
	return formatInt(n) + " inscriptions"
}

func formatInt(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(c)
	}
	return b.String()
}

func nonEmpty(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// ---- Table ----

// fontSize picks the table's starting font size from its number of columns.
func fontSize(ncols int) float64 {
	switch {
	case ncols <= 4:
		return 9
	case ncols <= 7:
		return 8
	default:
		return 7
	}
}

const (
	minFontSize = 6      // the table shrinks to this size before cutting words
	headerSmall = 0.5    // header titles are this much smaller (pt) than the cells
	measureSize = 1000.0 // widths are measured once at this size, then scaled
)

// colStats are a column's text widths at measureSize.
type colStats struct {
	headWord    float64 // widest word of the title (bold, header size)
	longest     float64 // widest line
	longestWord float64 // widest word
	perRow      float64 // mean text width per row
}

// prepareTable chooses the font size and column widths and wraps the header.
func (r *renderer) prepareTable() {
	idW, stats := r.measure()
	fs := fontSize(1 + len(r.t.Columns))
	for {
		cols, fits := r.allocate(fs, idW, stats)
		if fits || fs <= minFontSize {
			r.fs, r.cols = fs, cols
			break
		}
		fs -= 0.5
	}
	r.hfs = r.fs - headerSmall
	r.lh = lineHeight(r.fs)
	r.hlh = lineHeight(r.hfs)
	r.font("B", r.hfs)
	r.head = make([][]string, len(r.cols))
	maxLines := 1
	for i, c := range r.cols {
		r.head[i] = r.wrap(clean(c.title), c.w-2*padX)
		maxLines = max(maxLines, len(r.head[i]))
	}
	// A header never takes more than a third of the page.
	limit := max(1, int((bodyBottom-marginTop)/3/r.hlh))
	if maxLines > limit {
		for i := range r.head {
			if len(r.head[i]) > limit {
				r.head[i] = r.head[i][:limit]
				r.head[i][limit-1] = r.fitText(r.head[i][limit-1]+"…", r.cols[i].w-2*padX)
			}
		}
		maxLines = limit
	}
	r.headH = float64(maxLines)*r.hlh + 2*padY
}

// measure reads every cell once: the widest id (bold) and each column's
// statistics, at measureSize.
func (r *renderer) measure() (idW float64, stats []colStats) {
	r.font("B", measureSize)
	idW = r.width("Identifiant")
	idCap := idMaxW * measureSize / minFontSize
	for _, row := range r.t.Rows {
		idW = max(idW, r.width(row.ID))
		if idW >= idCap {
			break
		}
	}
	stats = make([]colStats, len(r.t.Columns))
	for i, c := range r.t.Columns {
		st := &stats[i]
		r.font("B", measureSize)
		for _, word := range strings.Fields(c.Title) {
			st.headWord = max(st.headWord, r.width(word))
		}
		r.font("", measureSize)
		total := 0.0
		for _, row := range r.t.Rows {
			if i >= len(row.Cells) {
				continue
			}
			for _, l := range row.Cells[i].Lines {
				lw := r.width(l.Text)
				total += lw
				st.longest = max(st.longest, lw)
				// Only lines wider than the widest word so far can hold a
				// wider word.
				if lw > st.longestWord {
					for _, word := range strings.Fields(l.Text) {
						st.longestWord = max(st.longestWord, r.width(word))
					}
				}
			}
		}
		st.perRow = total / float64(max(1, len(r.t.Rows)))
	}
	return idW, stats
}

// allocate gives each column a width at font size fs: at least its header's
// longest word, its content's longest word (within reason) and a minimum, at
// most what its longest line needs; the rest of the page width is shared in
// proportion to the amount of text. fits is false when the minimums do not
// fit on the page, and the columns were squeezed.
func (r *renderer) allocate(fs, idMeasured float64, stats []colStats) (cols []column, fits bool) {
	scale := fs / measureSize
	hscale := (fs - headerSmall) / measureSize
	n := len(r.t.Columns)
	cols = make([]column, 1+n)
	cols[0] = column{title: "Identifiant", x: marginX}
	cols[0].w = min(idMaxW, max(idMinW, idMeasured*scale+2*padX))
	if n == 0 {
		cols[0].w = usableW
		return cols, true
	}
	minW := make([]float64, n)
	natW := make([]float64, n)
	weight := make([]float64, n)
	for i, c := range r.t.Columns {
		cols[1+i] = column{title: c.Title, list: c.List}
		st := stats[i]
		indent := 0.0
		if c.List {
			indent = bulletIndent
		}
		head := min(st.headWord*hscale+2*padX, 40)
		natW[i] = max(head, st.longest*scale+indent+2*padX+0.5)
		word := min(st.longestWord*scale+indent, maxWordW) + 2*padX + 0.5
		minW[i] = max(head, word, min(minColW, natW[i]))
		weight[i] = st.perRow*scale + 1
	}

	avail := usableW - cols[0].w
	w := make([]float64, n)
	sumMin := 0.0
	for i := range w {
		w[i] = minW[i]
		sumMin += minW[i]
	}
	fits = sumMin <= avail+0.001
	if !fits {
		// Too many columns for the page: shrink them all alike.
		for i := range w {
			w[i] = minW[i] * avail / sumMin
		}
	} else {
		// Share what is left in proportion to the text, never past a
		// column's natural width; then share any rest among all columns.
		rest := avail - sumMin
		for iter := 0; iter < 2*n && rest > 0.01; iter++ {
			totalWeight := 0.0
			for i := range w {
				if w[i] < natW[i] {
					totalWeight += weight[i]
				}
			}
			if totalWeight == 0 {
				break
			}
			given := 0.0
			for i := range w {
				if w[i] >= natW[i] {
					continue
				}
				add := math.Min(rest*weight[i]/totalWeight, natW[i]-w[i])
				w[i] += add
				given += add
			}
			rest -= given
		}
		if rest > 0.01 {
			totalWeight := 0.0
			for i := range w {
				totalWeight += weight[i]
			}
			for i := range w {
				w[i] += rest * weight[i] / totalWeight
			}
		}
	}
	x := marginX + cols[0].w
	for i := range w {
		cols[1+i].x = x
		cols[1+i].w = w[i]
		x += w[i]
	}
	return cols, fits
}

// tableHeader draws the header row at the current position.
func (r *renderer) tableHeader() {
	f := r.f
	y := f.GetY()
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
	f.SetY(y + r.headH)
}

// layoutCell wraps a cell into lines for column c.
func (r *renderer) layoutCell(cell table.Cell, c column) []wline {
	inner := c.w - 2*padX
	bulleted := c.list && len(cell.Lines) > 1
	var out []wline
	for _, l := range cell.Lines {
		url := ""
		if l.URL != "" && textutil.SafeURL(l.URL) {
			url = l.URL
		}
		text := clean(l.Text)
		if text == "" && url != "" {
			text = url
		}
		indent := 0.0
		if bulleted {
			indent = bulletIndent
		}
		for k, s := range r.wrap(text, inner-indent) {
			out = append(out, wline{text: s, url: url, bullet: bulleted && k == 0, indent: indent})
		}
	}
	return out
}

// row lays out and draws one entry. A row that does not fit in the space
// left starts a new page; a row taller than a page is cut between lines and
// goes on under the repeated header, its id marked « (suite) ».
func (r *renderer) row(row table.Row) {
	f := r.f
	r.font("", r.fs)
	cells := make([][]wline, len(r.cols))
	for i := 1; i < len(r.cols); i++ {
		var cell table.Cell
		if i-1 < len(row.Cells) {
			cell = row.Cells[i-1]
		}
		cells[i] = r.layoutCell(cell, r.cols[i])
	}
	r.font("B", r.fs)
	r.rowID = clean(row.ID)
	idText := clean(nonEmpty(row.ID, "—"))
	idLines := r.wrap(idText, r.cols[0].w-2*padX)
	contLines := r.wrap(idText+" "+continued, r.cols[0].w-2*padX)

	top := r.tableTop()
	fresh := bodyBottom - top // room for rows on a page that has only the header
	offsets := make([]int, len(r.cols))
	ids := idLines
	for {
		rem := 0 // lines of the cells still to draw
		for i := 1; i < len(cells); i++ {
			rem = max(rem, len(cells[i])-offsets[i])
		}
		lines := max(1, rem, len(ids))
		need := float64(lines)*r.lh + 2*padY
		space := bodyBottom - f.GetY()
		atTop := f.GetY() <= top+0.001
		if need <= space+0.001 {
			r.drawSegment(ids, cells, offsets, lines)
			return
		}
		if !atTop && need <= fresh+0.001 {
			f.AddPage() // fits on a page of its own: never cut it
			continue
		}
		fit := int((space - 2*padY) / r.lh)
		if !atTop && fit < minSplitLines {
			f.AddPage()
			continue
		}
		fit = max(1, fit)
		r.drawSegment(ids, cells, offsets, fit)
		if rem <= fit {
			return // only an overlong id was left: it is cut
		}
		for i := 1; i < len(cells); i++ {
			offsets[i] = min(len(cells[i]), offsets[i]+fit)
		}
		ids = contLines
		f.AddPage()
	}
}

// tableTop is where rows start on a page that has only the header so far.
func (r *renderer) tableTop() float64 { return r.contentTop() + r.headH }

// drawSegment draws n lines of each cell from offsets, with the id lines in
// the first column, as one band of the row.
func (r *renderer) drawSegment(ids []string, cells [][]wline, offsets []int, n int) {
	f := r.f
	y := f.GetY()
	h := float64(max(1, n))*r.lh + 2*padY
	if r.trace != nil {
		r.trace(r.rowID, y, h, n)
	}
	f.SetLineWidth(0.2)
	r.draw(colRule)
	if r.zebra {
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
		if k >= n {
			break
		}
		r.text(r.cols[0].x+padX, y+padY+float64(k)*r.lh+baseline(r.fs), l)
	}
	r.font("", r.fs)
	for i := 1; i < len(cells); i++ {
		c := r.cols[i]
		lines := cells[i]
		for k := 0; k < n && offsets[i]+k < len(lines); k++ {
			l := lines[offsets[i]+k]
			x := c.x + padX
			ty := y + padY + float64(k)*r.lh
			if l.bullet {
				r.color(colText)
				r.text(x, ty+baseline(r.fs), "•")
			}
			x += l.indent
			if l.url != "" {
				r.color(colBlue)
				r.text(x, ty+baseline(r.fs), l.text)
				tw := r.width(l.text)
				r.draw(colBlue)
				f.SetLineWidth(0.15)
				uy := ty + baseline(r.fs) + 0.5
				f.Line(x, uy, x+tw, uy)
				f.LinkString(x, ty, tw, r.lh, l.url)
				r.draw(colRule)
				f.SetLineWidth(0.2)
			} else {
				r.color(colText)
				r.text(x, ty+baseline(r.fs), l.text)
			}
		}
	}
	f.SetY(y + h)
}
