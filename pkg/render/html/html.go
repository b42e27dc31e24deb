// Package html renders the published registers as accessible HTML pages
// (SGQRI 008 3.0, that is WCAG 2.1 AA): one page per register, an index page,
// and the stylesheet and filter script written beside them.
//
// Output is a pure function of the input: no clock, no environment, and the
// same bytes for the same tables. Templates and assets are embedded; every
// piece of text goes through html/template, and nothing in a cell is read as
// HTML or Markdown. Only http:// and https:// addresses become links.
package html

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/registre-qc/registre/pkg/render/internal/textutil"
	"github.com/registre-qc/registre/pkg/table"
)

//go:embed templates/*.html.tmpl
var templateFS embed.FS

//go:embed assets/registre.css assets/filtre.js
var assetFS embed.FS

// Asset paths, relative to the folder holding the pages.
const (
	CSSPath    = "assets/registre.css"
	ScriptPath = "assets/filtre.js"
)

var templates = template.Must(template.New("registre").ParseFS(templateFS, "templates/*.html.tmpl"))

// Assets returns the files the pages refer to, keyed by their path relative
// to the pages' folder ("assets/registre.css", "assets/filtre.js").
func Assets() map[string][]byte {
	out := make(map[string][]byte, 2)
	for _, p := range []string{CSSPath, ScriptPath} {
		b, err := fs.ReadFile(assetFS, p)
		if err != nil {
			panic("html: embedded asset missing: " + p) // cannot happen: checked at build time by go:embed
		}
		out[p] = b
	}
	return out
}

// assetRefs are the asset URLs with a content hash, so a browser never keeps
// a stale stylesheet after an upgrade.
var assetRefs = func() map[string]string {
	refs := map[string]string{}
	for p, b := range Assets() {
		sum := sha256.Sum256(b)
		refs[p] = p + "?v=" + hex.EncodeToString(sum[:4])
	}
	return refs
}()

// Page writes the HTML page of one register.
func Page(w io.Writer, site table.Site, t table.Table) error {
	v := pageView{
		common:   newCommon(site, site.Internal || t.Internal),
		Table:    newTableView(t),
		DocTitle: textutil.Or(t.Title, "Registre") + " — " + textutil.Or(site.Org, "Registres"),
	}
	v.JS = assetRefs[ScriptPath]
	return execute(w, "page", v)
}

// Index writes the index page linking every register of the site in its
// three formats (<kind>.html, <kind>.pdf, <kind>.csv) and registres.json.
func Index(w io.Writer, site table.Site) error {
	internal := site.Internal
	var rows []indexRow
	for _, t := range site.Tables {
		internal = internal || t.Internal
		html, pdf, csv := fileNames(t.Kind)
		rows = append(rows, indexRow{
			Title:    textutil.Or(t.Title, t.Kind),
			HTML:     html,
			PDF:      pdf,
			CSV:      csv,
			Updated:  newDate(t.Updated),
			Count:    textutil.FormatInt(len(t.Rows)),
			Internal: t.Internal && !site.Internal,
		})
	}
	title := textutil.Or(site.Title, "Registres de renseignements personnels")
	v := indexView{
		common:   newCommon(site, internal),
		Title:    title,
		DocTitle: title + " — " + textutil.Or(site.Org, "Registres"),
		Tables:   rows,
	}
	return execute(w, "index", v)
}

func execute(w io.Writer, name string, v any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := templates.ExecuteTemplate(bw, name, v); err != nil {
		return err
	}
	return bw.Flush()
}

// common is what every page shows: frame, banner and footer.
type common struct {
	Site     siteView
	Internal bool
	CSS, JS  string
}

type siteView struct {
	Org, OrgAcronym, Generator string
	URL                        string // empty unless a safe http(s) address
	Updated                    dateView
	Contact                    contactView
}

type contactView struct {
	Title, Name, Email, Phone string
	Mailto                    string
	Address                   [][]textutil.Segment
	None                      bool
}

type dateView struct {
	ISO  string // set only for a valid YYYY-MM-DD date
	Text string
}

type pageView struct {
	common
	DocTitle string
	Table    tableView
}

type indexView struct {
	common
	Title, DocTitle string
	Tables          []indexRow
}

type indexRow struct {
	Title, HTML, PDF, CSV string
	Updated               dateView
	Count                 string
	Internal              bool
}

type tableView struct {
	Title, Empty, CountText string
	IDTitle                 string
	PDF, CSV                string
	// Layout is the class that tells the stylesheet how many columns the
	// table has (id included): below that many times a column's width the
	// entries show as cards, one per entry, each value under its column title.
	Layout   string
	Updated  dateView
	Preamble [][]textutil.Segment
	Columns  []columnView
	Rows     []rowView
}

type columnView struct {
	Title, Class string
}

type rowView struct {
	ID, Anchor string
	Cells      []cellView
}

type cellView struct {
	Label template.HTMLAttr // data-label="column title", shown beside the value on a card
	List  bool
	Lines [][]textutil.Segment
	Items []itemView // the list's items, when List
}

// itemView is an item of a list cell. Own is set when it starts with its own
// marker (« 1. », « a) », « - »): it gets no bullet, so the list keeps its
// numbering.
type itemView struct {
	Own      bool
	Segments []textutil.Segment
}

func newCommon(site table.Site, internal bool) common {
	c := contactView{
		Title: site.Contact.Title,
		Name:  site.Contact.Name,
		Email: site.Contact.Email,
		Phone: site.Contact.Phone,
	}
	if site.Contact.Address != "" {
		for _, l := range strings.Split(site.Contact.Address, "\n") {
			c.Address = append(c.Address, []textutil.Segment{{Text: l}})
		}
	}
	if validEmail(c.Email) {
		c.Mailto = "mailto:" + c.Email
	}
	c.None = c.Title == "" && c.Name == "" && c.Email == "" && c.Phone == "" && len(c.Address) == 0
	s := siteView{
		Org:        textutil.Or(site.Org, "Organisme"),
		OrgAcronym: site.OrgAcronym,
		Generator:  site.Generator,
		Updated:    newDate(site.Updated),
		Contact:    c,
	}
	if textutil.SafeURL(site.URL) {
		s.URL = site.URL
	}
	return common{Site: s, Internal: internal, CSS: assetRefs[CSSPath]}
}

func newTableView(t table.Table) tableView {
	_, pdf, csv := fileNames(t.Kind)
	v := tableView{
		Title:     textutil.Or(t.Title, "Registre"),
		Empty:     textutil.Or(t.Empty, "Aucune inscription"),
		CountText: countText(len(t.Rows)),
		IDTitle:   t.HeaderTitle(),
		Layout:    layoutClass(1 + len(t.Columns)),
		PDF:       pdf,
		CSV:       csv,
		Updated:   newDate(t.Updated),
	}
	for _, p := range strings.Split(t.Preamble, "\n") {
		if strings.TrimSpace(p) != "" {
			v.Preamble = append(v.Preamble, textutil.Linkify(p))
		}
	}
	v.Columns = make([]columnView, len(t.Columns))
	labels := make([]template.HTMLAttr, len(t.Columns))
	for i, c := range t.Columns {
		v.Columns[i] = columnView{Title: c.Title, Class: widthClass(t, i)}
		// Escaped once here rather than once per cell by the template.
		labels[i] = template.HTMLAttr(`data-label="` + template.HTMLEscapeString(c.Title) + `"`)
	}
	seen := make(map[string]bool, len(t.Rows))
	v.Rows = make([]rowView, len(t.Rows))
	for i, r := range t.Rows {
		label := t.RowLabel(r)
		rv := rowView{ID: label, Cells: make([]cellView, len(t.Columns))}
		if a := "inscription-" + label; validAnchor(label) && !seen[a] {
			seen[a] = true
			rv.Anchor = a
		}
		for j, c := range t.Columns {
			var cell table.Cell
			if j < len(r.Cells) {
				cell = r.Cells[j]
			}
			rv.Cells[j] = newCellView(cell, c.List)
			rv.Cells[j].Label = labels[j]
		}
		v.Rows[i] = rv
	}
	return v
}

// newCellView turns a cell into lines of segments. A list column shows a
// bulleted list when it holds two items or more.
func newCellView(c table.Cell, list bool) cellView {
	v := cellView{List: list && len(c.Lines) > 1, Lines: make([][]textutil.Segment, len(c.Lines))}
	for i, l := range c.Lines {
		v.Lines[i] = lineSegments(l)
	}
	if v.List {
		v.Items = make([]itemView, len(c.Lines))
		for i, l := range c.Lines {
			v.Items[i] = itemView{Own: textutil.ListMarker(l.Text) > 0, Segments: v.Lines[i]}
		}
	}
	return v
}

// lineSegments makes a whole citation line one link to its URL, and turns
// the addresses written in other lines into links.
func lineSegments(l table.Line) []textutil.Segment {
	if l.URL != "" && textutil.SafeURL(l.URL) {
		return []textutil.Segment{{Text: textutil.Or(l.Text, l.URL), URL: l.URL}}
	}
	return textutil.Linkify(l.Text)
}

// widthClass gives a column a minimum width from the length of its text, so
// long-text columns do not shrink to a few words per line.
func widthClass(t table.Table, col int) string {
	total, n := 0, 0
	for _, r := range t.Rows {
		if col < len(r.Cells) {
			for _, l := range r.Cells[col].Lines {
				total += len([]rune(l.Text))
			}
		}
		n++
	}
	avg := 0
	if n > 0 {
		avg = total / n
	}
	switch {
	case avg <= 24:
		return "col-narrow"
	case avg <= 140:
		return "col-medium"
	default:
		return "col-wide"
	}
}

// layoutClass names the stylesheet class of a table of n columns (the id
// column included): cols-1 … cols-12, and cols-many beyond, always shown as
// cards.
func layoutClass(n int) string {
	if n > 12 {
		return "cols-many"
	}
	return "cols-" + strconv.Itoa(max(1, n))
}

func fileNames(kind string) (html, pdf, csv string) {
	base := url.PathEscape(path.Base("/" + textutil.Or(kind, "registre")))
	return base + ".html", base + ".pdf", base + ".csv"
}

func newDate(s string) dateView {
	if _, _, _, ok := textutil.ParseDate(s); ok {
		return dateView{ISO: s, Text: textutil.FrenchDate(s)}
	}
	return dateView{Text: s}
}

// countText is « Aucune inscription », « 1 inscription », « 10 000 inscriptions ».
func countText(n int) string {
	if n == 0 {
		return "Aucune inscription"
	}
	return textutil.Count(n)
}

// validAnchor accepts the ids of model.md (letters, digits, . _ -).
func validAnchor(id string) bool {
	if id == "" || len(id) > 200 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// validEmail is a plain check that an address can go in a mailto: link.
func validEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.Count(s, "@") != 1 {
		return false
	}
	for _, r := range s {
		if r <= ' ' || strings.ContainsRune("\"<>()[]\\,;:?&=#%`'", r) {
			return false
		}
	}
	return true
}
