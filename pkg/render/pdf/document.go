package pdf

import (
	"io"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/registre-qc/registre/pkg/render/internal/textutil"
)

// Document is a short flowing document (a notice, a cover page): a title,
// an optional banner, then sections of paragraphs, on Letter portrait pages
// with the same embedded font as the registers. Nothing in it reads the clock:
// Date (YYYY-MM-DD) stamps the metadata, so the bytes depend only on the input.
type Document struct {
	Title    string
	Subtitle string
	Author   string
	Date     string
	Banner   string // e.g. « Document confidentiel » (printed in a box under the title)
	Sections []Section
	Footer   string // printed on every page with the page number
}

// Section is a heading and its paragraphs; a paragraph keeps its line breaks.
type Section struct {
	Heading string
	Paras   []string
}

const (
	docW      = 215.9 // Letter portrait, mm
	docH      = 279.4
	docMargin = 20.0
)

// RenderDocument writes d as a PDF.
func RenderDocument(w io.Writer, d Document) error {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "Letter"})
	date := pdfDate(d.Date)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetCatalogSort(true)
	f.SetTitle(textutil.Or(d.Title, "Document"), true)
	f.SetAuthor(textutil.Or(d.Author, "registre"), true)
	f.SetSubject(d.Subtitle, true)
	f.SetCreator("registre", true)
	f.SetProducer("registre", true)
	f.SetLang("fr-CA")
	f.AddUTF8FontFromBytes(family, "", fontRegular)
	f.AddUTF8FontFromBytes(family, "B", fontBold)
	f.SetMargins(docMargin, docMargin, docMargin)
	f.SetAutoPageBreak(true, docMargin)
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		// The footer text on its own lines, then the page number: a long
		// organisation name never runs into it.
		f.SetAutoPageBreak(false, 0)
		f.SetY(docH - docMargin + 3)
		f.SetFont(family, "", 8)
		f.SetTextColor(90, 90, 90)
		f.MultiCell(docW-2*docMargin, 3.6, d.Footer, "", "L", false)
		f.CellFormat(docW-2*docMargin, 3.6, "Page "+itoa(f.PageNo())+" de {nb}", "", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
		f.SetAutoPageBreak(true, docMargin)
	})
	f.AddPage()
	width := docW - 2*docMargin
	f.SetTextColor(0, 0, 0)
	f.SetFont(family, "B", 15)
	f.MultiCell(width, 7, d.Title, "", "L", false)
	if d.Subtitle != "" {
		f.SetFont(family, "", 10.5)
		f.SetTextColor(60, 60, 60)
		f.MultiCell(width, 5.5, d.Subtitle, "", "L", false)
		f.SetTextColor(0, 0, 0)
	}
	if d.Banner != "" {
		f.Ln(3)
		f.SetFont(family, "B", 10)
		f.SetDrawColor(150, 0, 0)
		f.SetTextColor(150, 0, 0)
		f.MultiCell(width, 6, d.Banner, "1", "C", false)
		f.SetTextColor(0, 0, 0)
		f.SetDrawColor(0, 0, 0)
	}
	for _, s := range d.Sections {
		f.Ln(4)
		if s.Heading != "" {
			f.SetFont(family, "B", 11)
			f.MultiCell(width, 5.5, s.Heading, "", "L", false)
			f.Ln(1)
		}
		f.SetFont(family, "", 10)
		for _, p := range s.Paras {
			for _, line := range strings.Split(p, "\n") {
				f.MultiCell(width, 5, line, "", "L", false)
			}
			f.Ln(1.5)
		}
	}
	return f.Output(w)
}

func itoa(n int) string { return strconv.Itoa(n) }
