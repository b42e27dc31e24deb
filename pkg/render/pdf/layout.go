package pdf

import (
	"math"
	"strings"

	"github.com/registre-qc/registre/pkg/render/internal/textutil"
	"github.com/registre-qc/registre/pkg/table"
)

// The layout pass paginates the whole document without drawing anything:
// it measures text with the fonts, decides where every line and every row
// band goes, and records it in a plan. The drawing pass then renders the
// plan a few hundred pages at a time, so that memory does not grow with the
// length of the register, and « Page X de Y » is known from the start.

type itemKind int

const (
	itemLine    itemKind = iota // one line of text (title block, preamble)
	itemRule                    // the rule under the title block
	itemEmpty                   // the « aucune inscription » box
	itemSegment                 // a band of a table row
)

// item is one thing drawn on a page, at height y (mm from the top).
type item struct {
	kind itemKind
	y    float64

	// itemLine
	text  string
	style string
	size  float64
	color [3]int

	// itemEmpty
	lines []string
	h     float64

	// itemSegment: lines [start, start+n) of every cell of row `row`.
	row   int
	start int
	n     int
	cont  bool // continuation of a row begun on an earlier page
}

// pagePlan is one page of the plan.
type pagePlan struct {
	header  bool    // the table's header row, at headerY
	headerY float64 // the top of the page, but on the first page
	items   []item
}

// column is one laid-out column; the id column is cols[0].
type column struct {
	title string
	list  bool
	x, w  float64
}

// wline is one wrapped line of a cell: runs of text, some of them links.
type wline struct {
	runs   []run
	bullet bool    // first line of a list item: draw a bullet before it
	indent float64 // where the text starts, after a bullet or a list's own marker
}

// layout builds r.pages.
func (r *renderer) layout() {
	r.pages = []pagePlan{{}}
	r.y = r.contentTop()
	r.titleBlock()
	r.prepareTable()
	if len(r.t.Rows) == 0 {
		r.emptyMessage()
		return
	}
	// Start the table on this page if its header and a few lines fit.
	r.inTable = true
	if r.y+r.headH+float64(minSplitLines)*r.lh+2*padY > bodyBottom {
		r.newPage()
	} else {
		p := r.page()
		p.header, p.headerY = true, r.y
		r.y += r.headH
	}
	for i := range r.t.Rows {
		r.layoutRow(i)
	}
}

func (r *renderer) page() *pagePlan { return &r.pages[len(r.pages)-1] }

func (r *renderer) add(it item) { p := r.page(); p.items = append(p.items, it) }

// newPage starts a page in the plan.
func (r *renderer) newPage() {
	r.pages = append(r.pages, pagePlan{header: r.inTable, headerY: r.contentTop()})
	r.y = r.contentTop()
	if r.inTable {
		r.y += r.headH
	}
}

// titleBlock lays out the title, organisation, dates and preamble.
func (r *renderer) titleBlock() {
	r.y += 2
	r.paragraph(textutil.Or(r.t.Title, "Registre"), "B", 17, 0, colDark)
	r.y++
	org := r.site.Org
	if org != "" && r.site.OrgAcronym != "" {
		org += " (" + r.site.OrgAcronym + ")"
	}
	if org != "" {
		r.paragraph(org, "B", 11, 0, colText)
	}
	meta := "Mise à jour : " + textutil.Or(r.updated, "non précisée") + " · " + textutil.Count(len(r.t.Rows))
	r.paragraph(meta, "", 9.5, 0, colGrey)
	r.y += 2
	r.add(item{kind: itemRule, y: r.y})
	r.y += 3
	for _, p := range strings.Split(r.t.Preamble, "\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		r.paragraph(p, "", 9.5, 180, colText)
		r.y += 1.5
	}
	r.y += 3
}

// paragraph lays out wrapped text, breaking pages as needed. maxW limits the
// measure (0: full width).
func (r *renderer) paragraph(text, style string, pt, maxW float64, color [3]int) {
	r.font(style, pt)
	w := usableW
	if maxW > 0 && maxW < w {
		w = maxW
	}
	lh := lineHeight(pt)
	for _, l := range r.wrap(clean(text), w) {
		if r.y+lh > bodyBottom {
			r.newPage()
		}
		r.add(item{kind: itemLine, y: r.y, text: l, style: style, size: pt, color: color})
		r.y += lh
	}
}

func (r *renderer) emptyMessage() {
	msg := textutil.Or(r.t.Empty, "Aucune inscription")
	r.font("B", 11)
	lines := r.wrap(clean(msg), usableW-12)
	limit := max(1, int((bodyBottom-r.contentTop()-8)/lineHeight(11)))
	if len(lines) > limit {
		lines = lines[:limit]
	}
	h := float64(len(lines))*lineHeight(11) + 8
	if r.y+h > bodyBottom {
		r.newPage()
	}
	r.add(item{kind: itemEmpty, y: r.y, lines: lines, h: h})
	r.y += h
}

// layoutRow places row i. A row that does not fit in the space left is cut
// between lines and goes on under the header repeated on the next page, its
// id marked « (suite) », when at least minSplitLines of its lines fit here
// and minCarry go over; otherwise it starts on the next page.
func (r *renderer) layoutRow(i int) {
	cells, ids, contIDs := r.wrapRow(i)
	top := r.tableTop()
	start := 0
	cont := false
	for {
		idLines := ids
		if cont {
			idLines = contIDs
		}
		rem := 0 // lines of the cells still to place
		for _, c := range cells[1:] {
			rem = max(rem, len(c)-start)
		}
		lines := max(1, rem, len(idLines))
		need := float64(lines)*r.lh + 2*padY
		space := bodyBottom - r.y
		atTop := r.y <= top+0.001
		if need <= space+0.001 {
			r.segment(i, start, lines, cont)
			return
		}
		// The row does not fit in the space left: it is cut there, so that
		// pages are filled, if enough of it fits and enough is carried over.
		fit := int((space - 2*padY) / r.lh)
		// Carry at least two lines over, rather than one lonely line.
		if short := minCarry - (rem - fit); short > 0 && (atTop || fit-short >= minSplitLines) {
			fit -= short
		}
		if !atTop && fit < minSplitLines {
			r.newPage()
			continue
		}
		fit = max(1, fit)
		r.segment(i, start, fit, cont)
		if rem <= fit {
			return // only an overlong id was left: it is cut
		}
		start += fit
		cont = true
		r.newPage()
	}
}

func (r *renderer) segment(row, start, n int, cont bool) {
	r.add(item{kind: itemSegment, y: r.y, row: row, start: start, n: n, cont: cont})
	r.y += r.segmentH(n)
}

func (r *renderer) segmentH(n int) float64 { return float64(max(1, n))*r.lh + 2*padY }

// tableTop is where rows start on a page that has only the header so far.
func (r *renderer) tableTop() float64 { return r.contentTop() + r.headH }

// wrapRow wraps every cell of row i for its column; cells[0] is unused. ids
// and contIDs are the id lines, plain and marked « (suite) ».
func (r *renderer) wrapRow(i int) (cells [][]wline, ids, contIDs []string) {
	if r.cacheRow == i && r.cacheCells != nil {
		return r.cacheCells, r.cacheIDs, r.cacheCont
	}
	row := r.t.Rows[i]
	r.font("", r.fs)
	cells = make([][]wline, len(r.cols))
	for j := 1; j < len(r.cols); j++ {
		var cell table.Cell
		if j-1 < len(row.Cells) {
			cell = row.Cells[j-1]
		}
		cells[j] = r.layoutCell(cell, r.cols[j])
	}
	r.font("B", r.fs)
	idText := clean(textutil.Or(r.t.RowLabel(row), "—"))
	ids = r.wrap(idText, r.cols[0].w-2*padX)
	contIDs = r.wrap(idText+" "+continued, r.cols[0].w-2*padX)
	r.cacheRow, r.cacheCells, r.cacheIDs, r.cacheCont = i, cells, ids, contIDs
	return cells, ids, contIDs
}

// layoutCell wraps a cell into lines for column c. Addresses written in the
// text become links, as in the HTML page. In a list of two items or more,
// an item gets a bullet unless it starts with its own marker (« 1. »,
// « a) », « - »…): then its following lines are indented past the marker.
func (r *renderer) layoutCell(cell table.Cell, c column) []wline {
	inner := c.w - 2*padX
	bulleted := c.list && len(cell.Lines) > 1
	var out []wline
	for _, l := range cell.Lines {
		var segs []textutil.Segment
		text := clean(l.Text)
		if l.URL != "" && textutil.SafeURL(l.URL) {
			segs = []textutil.Segment{{Text: textutil.Or(text, l.URL), URL: l.URL}}
		} else {
			segs = textutil.Linkify(text)
		}
		first, rest := 0.0, 0.0 // indents of the first and following lines
		bullet := false
		if bulleted {
			if m := textutil.ListMarker(text); m > 0 {
				rest = min(r.f.GetStringWidth(text[:m]), inner/3)
			} else {
				bullet, first, rest = true, bulletIndent, bulletIndent
			}
		}
		for k, runs := range r.breakLines(segs, inner-first, inner-rest) {
			ind := rest
			if k == 0 {
				ind = first
			}
			out = append(out, wline{runs: runs, bullet: bullet && k == 0, indent: ind})
		}
	}
	return out
}

// ---- Column widths ----

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
	headWord    float64 // widest word of the title (bold)
	longest     float64 // widest line
	longestWord float64 // widest word
	perRow      float64 // mean text width per row
	// items are the widths of the words of each line of a sample of rows
	// (at most sampleRows): the estimate of the table's height that tunes
	// the column widths is made on them.
	items [][][]float64 // [row][line][word]
	space float64       // width of a space
}

// sampleRows is how many rows, evenly spread, the column widths are tuned on.
const sampleRows = 200

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
	idW = r.width(r.t.HeaderTitle())
	idCap := idMaxW * measureSize / minFontSize
	for _, row := range r.t.Rows {
		idW = max(idW, r.width(r.t.RowLabel(row)))
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
				// Only a line wider than the widest word so far can hold a
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
	// Every column has the same sampled rows, an empty cell included.
	every := max(1, len(r.t.Rows)/sampleRows)
	r.font("", measureSize)
	space := r.width(" ")
	for i := range stats {
		stats[i].items = make([][][]float64, 0, min(sampleRows, len(r.t.Rows)))
		stats[i].space = space
	}
	for k, row := range r.t.Rows {
		if k%every != 0 || len(stats) == 0 || len(stats[0].items) >= sampleRows {
			continue
		}
		for i := range stats {
			var items [][]float64
			if i < len(row.Cells) {
				for _, l := range row.Cells[i].Lines {
					var words []float64
					for _, w := range strings.Fields(l.Text) {
						words = append(words, r.width(w))
					}
					items = append(items, words)
				}
			}
			stats[i].items = append(stats[i].items, items)
		}
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
	cols[0] = column{title: r.t.HeaderTitle(), x: marginX}
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
		head := min(st.headWord*hscale+2*padX, headCapW)
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
		r.share(w, natW, minW, avail-sumMin, scale, stats)
	}
	x := marginX + cols[0].w
	for i := range w {
		cols[1+i].x = x
		cols[1+i].w = w[i]
		x += w[i]
	}
	return cols, fits
}

// share gives the width left over, rest, to the columns, a small step at a
// time, each step to the column that most lowers the estimated height of the
// sampled rows (a row is as tall as its tallest cell). Then what no column
// can use (all at their natural width) is shared in proportion to the text.
func (r *renderer) share(w, natW, minW []float64, rest, scale float64, stats []colStats) {
	n := len(w)
	if n == 0 || rest <= 0 {
		return
	}
	rows := len(stats[0].items)
	// lines estimates the lines of sampled row k in column i at width cw:
	// its words are filled into lines as the line breaker would, and the
	// last line of each item counts for the part of it that is filled, so
	// that the estimate moves smoothly with the width (counting whole lines,
	// most small steps would gain nothing).
	lines := func(i, k int, cw float64) float64 {
		inner := (cw - 2*padX - 0.3) / scale // at measureSize
		if r.t.Columns[i].List {
			inner -= bulletIndent / scale
		}
		inner = max(inner, 1)
		sp := stats[i].space
		total := 0.0
		for _, words := range stats[i].items[k] {
			n, x := 0.0, 0.0
			for _, ww := range words {
				switch {
				case x > 0 && x+sp+ww <= inner:
					x += sp + ww
				default:
					if x > 0 {
						n++
					}
					n += math.Floor(ww / inner) // a word wider than a line is cut
					x = math.Mod(ww, inner)
				}
			}
			total += max(1, n+x/inner)
		}
		return max(total, 1)
	}
	// cur[k][i] is the estimate at the current widths.
	cur := make([][]float64, rows)
	for k := range cur {
		cur[k] = make([]float64, n)
		for i := range w {
			cur[k][i] = lines(i, k, w[i])
		}
	}
	// top1[k] and top2[k] are row k's tallest and second tallest cells,
	// and at1[k] the column of the tallest.
	top1, top2 := make([]float64, rows), make([]float64, rows)
	at1 := make([]int, rows)
	tops := func(k int) {
		top1[k], top2[k], at1[k] = 0, 0, -1
		for i, x := range cur[k] {
			switch {
			case x > top1[k]:
				top2[k], top1[k], at1[k] = top1[k], x, i
			case x > top2[k]:
				top2[k] = x
			}
		}
	}
	for k := range cur {
		tops(k)
	}
	step := max(0.5, rest/60)
	for rest > 0.01 && rows > 0 {
		s := min(step, rest)
		best, gain := -1, 0.001
		for i := range w {
			if w[i] >= natW[i] {
				continue
			}
			g := 0.0
			for k := 0; k < rows; k++ {
				other := top1[k]
				if at1[k] == i {
					other = top2[k]
				}
				g += top1[k] - max(other, lines(i, k, w[i]+s))
			}
			if g > gain {
				best, gain = i, g
			}
		}
		if best < 0 {
			break
		}
		w[best] += s
		rest -= s
		for k := 0; k < rows; k++ {
			cur[k][best] = lines(best, k, w[best])
			tops(k)
		}
	}
	if rest <= 0.01 {
		return
	}
	// Nothing gains from more width: share the rest in proportion to the
	// text, never past a column's natural width, then among all columns.
	for iter := 0; iter < 2*n && rest > 0.01; iter++ {
		totalWeight := 0.0
		for i := range w {
			if w[i] < natW[i] {
				totalWeight += stats[i].perRow*scale + 1
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
			add := math.Min(rest*(stats[i].perRow*scale+1)/totalWeight, natW[i]-w[i])
			w[i] += add
			given += add
		}
		rest -= given
	}
	if rest > 0.01 {
		totalWeight := 0.0
		for i := range w {
			totalWeight += stats[i].perRow*scale + 1
		}
		for i := range w {
			w[i] += rest * (stats[i].perRow*scale + 1) / totalWeight
		}
	}
	_ = minW
}
