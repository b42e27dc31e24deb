package pdf

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/registre-qc/registre/pkg/render/internal/sample"
	"github.com/registre-qc/registre/pkg/table"
)

var (
	update    = flag.Bool("update", false, "rewrite golden files")
	sampleDir = flag.String("sample-dir", "", "also write the sample PDFs to this folder (for a look)")
)

// TestGolden pins what the sample PDFs say and how they are laid out: the
// page count and the text of every page as pdftotext -layout reads it
// (testdata/golden/NAME.txt, readable in a review), then, as a last check,
// the SHA-256 of the bytes (testdata/sha256.txt), for a change that moves
// nothing in the text (a colour, a line). Run go test -update and look at
// the PDFs (-sample-dir) after a change of layout, of fpdf or of the font.
func TestGolden(t *testing.T) {
	var sums strings.Builder
	for _, name := range []string{"communications", "inventaire", "hostile", "vide", "longue", "listes"} {
		tb := samples()[name]
		for _, internal := range []bool{false, true} {
			site := sample.Site(tb)
			site.Internal = internal
			file := name + map[bool]string{true: "-interne"}[internal]
			out := renderPDF(t, site, tb)
			pages := pdfText(t, out, "-layout")
			var text strings.Builder
			fmt.Fprintf(&text, "%d page(s)\n", len(pages))
			for i, p := range pages {
				fmt.Fprintf(&text, "\n======== page %d ========\n%s", i+1, strings.TrimRight(p, "\n")+"\n")
			}
			golden(t, filepath.Join("golden", file+".txt"), text.String())
			fmt.Fprintf(&sums, "%x  %s.pdf\n", sha256.Sum256(out), file)
		}
	}
	if t.Failed() {
		return // the text differs: the hashes do too
	}
	golden(t, "sha256.txt", sums.String())
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test -update): %v", err)
	}
	if got != string(want) {
		t.Errorf("%s changed (run go test -update, review the diff and look at the PDFs):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 8; i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n  want %q\n   got %q\n", i+1, a, c)
			shown++
		}
	}
	return b.String()
}

func renderPDF(t testing.TB, site table.Site, tb table.Table) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, site, tb); err != nil {
		t.Fatalf("Render(%s): %v", tb.Kind, err)
	}
	return b.Bytes()
}

// samples are the tables every test renders.
func samples() map[string]table.Table {
	return map[string]table.Table{
		"communications": sample.Communications(),
		"inventaire":     sample.Inventaire(),
		"utilisations":   sample.Utilisations(),
		"hostile":        sample.Hostile(),
		"vide":           sample.Empty(),
		"longue":         sample.Huge(),
		"300":            sample.Large(300, 100, 1500, 300),
		"listes":         lists(),
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	for name, tb := range samples() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			site := sample.Site(tb)
			a := renderPDF(t, site, tb)
			b := renderPDF(t, site, tb)
			if !bytes.Equal(a, b) {
				t.Fatal("two renders of the same input differ")
			}
			if !bytes.HasPrefix(a, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(a), []byte("%%EOF")) {
				t.Error("not a complete PDF")
			}
			if *sampleDir != "" {
				if err := os.MkdirAll(*sampleDir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(*sampleDir, name+".pdf"), a, 0o644); err != nil {
					t.Fatal(err)
				}
				site.Internal = true
				if err := os.WriteFile(filepath.Join(*sampleDir, name+"-interne.pdf"), renderPDF(t, site, tb), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestMetadata(t *testing.T) {
	tb := sample.Communications()
	site := sample.Site(tb)
	out := renderPDF(t, site, tb)
	for _, want := range []string{
		"/Lang (fr-CA)",
		"/CreationDate (D:20250314000000)",
		"/ModDate (D:20250314000000)",
		"/Title " + utf16(tb.Title),
		"/Author " + utf16(site.Org),
		"/Creator " + utf16("registre"),
		"/Producer " + utf16("registre 1.2.3"),
		"/Subject " + utf16(tb.Title+" — "+site.Org),
		"/FontFile2",
		"/Annots", // citation links
		"/URI (https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1#se:67_2_1)",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	// Bad dates: a fixed date anyway, never the clock.
	site.Updated, tb.Updated = "bientôt", "jamais"
	out = renderPDF(t, site, tb)
	if !bytes.Contains(out, []byte("/CreationDate (D:19700101000000)")) {
		t.Error("no fixed creation date for an invalid date")
	}
	if bytes.Contains(out, []byte("javascript:")) {
		t.Error("unexpected javascript")
	}
}

// utf16 is how fpdf writes a UTF-8 metadata string: a PDF string with a
// UTF-16BE byte order mark, escaped.
func utf16(s string) string {
	var b strings.Builder
	b.WriteString("(\xfe\xff")
	for _, r := range s {
		if r >= 0x10000 {
			panic("test helper: astral rune")
		}
		for _, c := range []byte{byte(r >> 8), byte(r)} {
			switch c {
			case '(', ')', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\r':
				b.WriteString("\\r")
			default:
				b.WriteByte(c)
			}
		}
	}
	b.WriteString(")")
	return b.String()
}

func TestHostileLinks(t *testing.T) {
	tb := sample.Hostile()
	out := renderPDF(t, sample.Site(tb), tb)
	// The safe citation, and the address written in a text (cut before
	// the markup that follows it, as in the HTML page); nothing else.
	uris := regexp.MustCompile(`/URI \(([^)]*)\)`).FindAllSubmatch(out, -1)
	got := map[string]bool{}
	for _, u := range uris {
		got[string(u[1])] = true
	}
	want := map[string]bool{"https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1#se:65_1": true, "https://exemple.qc.ca/?q=": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("links: %q", uris)
	}
}

// segment is one band of a row, as drawn.
type segment struct {
	page  int
	id    string
	y, h  float64
	lines int
}

func traceRender(t *testing.T, site table.Site, tb table.Table) ([]segment, *renderer) {
	t.Helper()
	r := newRenderer(site, tb)
	r.layout()
	var segs []segment
	for p, page := range r.pages {
		for _, it := range page.items {
			if it.kind == itemSegment {
				segs = append(segs, segment{p + 1, clean(tb.Rows[it.row].ID), it.y, r.segmentH(it.n), it.n})
			}
		}
	}
	return segs, r
}

// TestLayout checks that no row overflows the page, that rows which fit on
// a page are never cut, and that a row taller than a page goes on over
// several pages.
func TestLayout(t *testing.T) {
	for name, tb := range samples() {
		t.Run(name, func(t *testing.T) {
			for _, internal := range []bool{false, true} {
				site := sample.Site(tb)
				site.Internal = internal
				segs, r := traceRender(t, site, tb)
				perID := map[string][]segment{}
				for _, s := range segs {
					if s.y+s.h > bodyBottom+0.01 {
						t.Errorf("%s: row %s overflows page %d: %.2f > %.2f", name, s.id, s.page, s.y+s.h, bodyBottom)
					}
					if s.y < r.contentTop() {
						t.Errorf("%s: row %s above the content on page %d", name, s.id, s.page)
					}
					perID[s.id] = append(perID[s.id], s)
				}
				for _, row := range tb.Rows {
					ss := perID[clean(row.ID)]
					if len(ss) == 0 {
						t.Errorf("%s: row %s not drawn", name, row.ID)
						continue
					}
					total := 0
					for i, s := range ss {
						total += s.lines
						if i > 0 && s.page != ss[i-1].page+1 {
							t.Errorf("%s: row %s continues on page %d after page %d", name, row.ID, s.page, ss[i-1].page)
						}
						if i > 0 && s.y > r.tableTop()+0.01 {
							t.Errorf("%s: continuation of %s not right under the header", name, row.ID)
						}
					}
					if len(ss) > 1 {
						// A row is cut only when it did not fit in the space
						// left, with enough lines on each side of the cut.
						need := float64(total)*r.lh + 2*padY
						if ss[0].y+need <= bodyBottom+0.01 {
							t.Errorf("%s: row %s (%d lines) fits on page %d but was cut in %d", name, row.ID, total, ss[0].page, len(ss))
						}
						if ss[0].y > r.tableTop()+0.01 && ss[0].lines < minSplitLines {
							t.Errorf("%s: row %s cut after %d line(s) on page %d", name, row.ID, ss[0].lines, ss[0].page)
						}
						if last := ss[len(ss)-1]; last.lines < minCarry && total >= 2*minSplitLines {
							t.Errorf("%s: row %s carries %d line(s) alone to page %d", name, row.ID, last.lines, last.page)
						}
					}
				}
				if name == "longue" && len(perID["UTI-9999"]) < 2 {
					t.Errorf("the overlong row was not continued: %d segment(s)", len(perID["UTI-9999"]))
				}
			}
		})
	}
}

func TestOddInput(t *testing.T) {
	t.Parallel()
	longWord := strings.Repeat("Renseignementspersonnels", 60)
	many := table.Table{Kind: "larges", Title: "Trente colonnes"}
	for i := range 30 {
		many.Columns = append(many.Columns, table.Column{Title: fmt.Sprintf("Colonne numéro %d avec un titre assez long", i)})
	}
	many.Rows = []table.Row{{ID: "X-1", Cells: []table.Cell{{Lines: []table.Line{{Text: "a"}}}}}}
	tallHeader := table.Table{Columns: []table.Column{{Title: strings.Repeat("titre ", 2000)}}, Rows: []table.Row{{ID: "T-1"}}}
	tests := map[string]table.Table{
		"zero":          {},
		"sans colonnes": {Rows: []table.Row{{ID: "A-1", Cells: []table.Cell{{Lines: []table.Line{{Text: "orpheline"}}}}}}},
		"cellules manquantes": {Columns: []table.Column{{Title: "A"}, {Title: "B", List: true}, {Title: "C"}},
			Rows: []table.Row{{ID: "B-1"}, {ID: "B-2", Cells: []table.Cell{{}, {Lines: []table.Line{{Text: "un"}, {Text: "deux"}}}}}}},
		"mot immense":    {Columns: []table.Column{{Title: "A"}}, Rows: []table.Row{{ID: longWord, Cells: []table.Cell{{Lines: []table.Line{{Text: longWord}}}}}}},
		"trente":         many,
		"entête haute":   tallHeader,
		"contrôles":      {Title: "Titre 😀\x00 ㄠ〠删 12 0 R (", Updated: "😀", Preamble: "\U00010000 \U0010ffff", Columns: []table.Column{{Title: "A\tB\r\n"}}, Rows: []table.Row{{ID: "C-\x00", Cells: []table.Cell{{Lines: []table.Line{{Text: "\x01\x02\x7f\u0085 😀 中文 \u202e"}}}}}}},
		"préambule long": {Title: "P", Preamble: strings.Repeat("Un préambule très long. ", 3000), Columns: []table.Column{{Title: "A"}}, Rows: []table.Row{{ID: "P-1"}}},
	}
	for name, tb := range tests {
		t.Run(name, func(t *testing.T) {
			for _, site := range []table.Site{{}, {Internal: true, Org: "O"}} {
				a := renderPDF(t, site, tb)
				if !bytes.Equal(a, renderPDF(t, site, tb)) {
					t.Error("two renders differ")
				}
				checkPDF(t, a)
				segs, _ := traceRender(t, site, tb)
				for _, s := range segs {
					if s.y+s.h > bodyBottom+0.01 {
						t.Errorf("row %q overflows: %.2f", s.id, s.y+s.h)
					}
				}
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disque plein") }

func TestWriteError(t *testing.T) {
	tb := sample.Communications()
	if err := Render(failWriter{}, sample.Site(tb), tb); err == nil {
		t.Error("no error from a failing writer")
	}
}

// needTool finds a poppler tool; without it the test is skipped, except
// under CI (CI=true) where it fails: CI must install poppler-utils.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		msg := name + " not found on PATH (Debian: apt-get install -y poppler-utils)"
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true: " + msg)
		}
		t.Skip(msg)
	}
	return p
}

// pdfText extracts the text of a PDF, one string per page, laid out
// (-layout) or in drawing order (-raw).
func pdfText(t *testing.T, pdf []byte, mode string) []string {
	t.Helper()
	tool := needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "registre.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, mode, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// squeeze drops whitespace, bullets and hyphens, so that text wrapped,
// hyphenated or cut across lines compares equal to the text it came from.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '•' || r == '-' {
			return -1
		}
		return r
	}, s)
}

func TestText(t *testing.T) {
	t.Parallel()
	for name, tb := range samples() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			site := sample.Site(tb)
			out := renderPDF(t, site, tb)
			pages := pdfText(t, out, "-layout")
			all := strings.Join(pages, "\n")
			rawPages := pdfText(t, out, "-raw")
			raw := squeeze(strings.Join(rawPages, "\n"))
			segs, _ := traceRender(t, site, tb)
			bands := map[string]int{}
			for _, s := range segs {
				bands[s.id]++
			}
			// check finds text in drawing order; whole tells whether it must
			// be in one piece (false for a row cut across pages, whose
			// cells are interleaved with the next page's header).
			check := func(what, text string, whole bool) {
				t.Helper()
				text = clean(text)
				if whole {
					if !strings.Contains(raw, squeeze(text)) {
						t.Errorf("%s: text %q missing from the PDF", what, text)
					}
					return
				}
				for _, w := range strings.Fields(text) {
					if !strings.Contains(raw, squeeze(w)) {
						t.Errorf("%s: word %q missing from the PDF", what, w)
						return
					}
				}
			}
			check("title", tb.Title, true)
			check("organisation", site.Org, true)
			for _, p := range strings.Split(tb.Preamble, "\n") {
				check("preamble", p, true)
			}
			if !strings.Contains(pages[0], "Mise à jour :") {
				t.Error("no update date on page 1")
			}
			for i, p := range pages {
				if want := fmt.Sprintf("Page %d de %d", i+1, len(pages)); !strings.Contains(p, want) {
					t.Errorf("page %d lacks %q", i+1, want)
				}
			}
			if len(tb.Rows) == 0 {
				if !strings.Contains(all, tb.Empty) {
					t.Errorf("empty message %q missing", tb.Empty)
				}
				return
			}
			for _, row := range tb.Rows {
				id := clean(row.ID)
				if !strings.Contains(raw, squeeze(id)) {
					t.Errorf("row id %q missing", id)
				}
				for j, c := range row.Cells {
					if j < len(tb.Columns) {
						check(row.ID, c.Text(), bands[id] == 1)
					}
				}
			}
			// The header row on every page that shows rows.
			for i, p := range pages {
				hasRow := false
				for _, row := range tb.Rows {
					if strings.Contains(p, clean(row.ID)) {
						hasRow = true
						break
					}
				}
				if !hasRow {
					continue
				}
				pageWords := map[string]bool{}
				for _, w := range strings.Fields(p) {
					pageWords[w] = true
				}
				for _, c := range append([]table.Column{{Title: "Identifiant"}}, tb.Columns...) {
					for _, w := range strings.Fields(clean(c.Title)) {
						if !pageWords[w] && !strings.Contains(squeeze(rawPages[i]), squeeze(w)) {
							t.Errorf("page %d: header %q lacks %q", i+1, c.Title, w)
							break
						}
					}
				}
			}
			if name == "longue" && strings.Count(all, "(suite)") < 1 {
				t.Error("continued row not marked « (suite) »")
			}
		})
	}
}

func TestAccents(t *testing.T) {
	tb := sample.Hostile()
	pages := pdfText(t, renderPDF(t, sample.Site(tb), tb), "-layout")
	all := strings.Join(pages, "\n")
	for _, w := range []string{"« guillemets »", "’", "œ", "É", "°", "º", "—", "insécable"} {
		if !strings.Contains(all, w) {
			t.Errorf("%q missing from the PDF text", w)
		}
	}
}

func TestInternalBanner(t *testing.T) {
	t.Parallel()
	tb := sample.Large(40, 100, 1500, 9)
	site := sample.Site(tb)
	site.Internal = true
	pages := pdfText(t, renderPDF(t, site, tb), "-layout")
	if len(pages) < 3 {
		t.Fatalf("%d pages, want several", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "Édition interne — ne pas diffuser") {
			t.Errorf("page %d has no internal banner", i+1)
		}
	}
	site.Internal = false
	for i, p := range pdfText(t, renderPDF(t, site, tb), "-layout") {
		if strings.Contains(p, "Édition interne") {
			t.Errorf("public page %d has the internal banner", i+1)
		}
	}
}

func BenchmarkPDF10000(b *testing.B) {
	tb := sample.Large(10000, 100, 1500, 42)
	site := sample.Site(tb)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var cw countWriter
		if err := Render(&cw, site, tb); err != nil {
			b.Fatal(err)
		}
		size = int(cw)
	}
	b.ReportMetric(float64(size)/1e6, "MB/pdf")
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// TestParts renders the same registers in parts of a few pages, and
// checks that the merged PDF is sound (pdftotext reads it without a
// complaint, qpdf --check passes when qpdf is there) and says the same as
// the PDF drawn in one part.
func TestParts(t *testing.T) {
	t.Parallel()
	parts := map[string][]int{"communications": {1}, "longue": {1, 2, 3}, "vide": {1}, "300": {40, 150}}
	for _, name := range []string{"communications", "longue", "300", "vide"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			parts1(t, name, parts[name])
		})
	}
}

// parts1 checks that the sample name rendered in parts of per pages reads
// as the PDF in one part.
func parts1(t *testing.T, name string, pers []int) {
	tb := samples()[name]
	site := sample.Site(tb)
	site.Internal = name == "longue"
	var whole bytes.Buffer
	if err := render(&whole, site, tb, 1<<20); err != nil {
		t.Fatal(err)
	}
	want := strings.Join(pdfText(t, whole.Bytes(), "-layout"), "\f")
	for _, per := range pers {
		var b bytes.Buffer
		if err := render(&b, site, tb, per); err != nil {
			t.Fatalf("%s in parts of %d: %v", name, per, err)
		}
		if got := strings.Join(pdfText(t, b.Bytes(), "-layout"), "\f"); got != want {
			t.Errorf("%s in parts of %d pages: text differs from the PDF in one part", name, per)
		}
		checkPDF(t, b.Bytes())
	}
	checkPDF(t, whole.Bytes())
}

// checkPDF runs pdfinfo (errors on stderr fail the test) and, if installed,
// qpdf --check.
func checkPDF(t *testing.T, pdf []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "verif.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(needTool(t, "pdfinfo"), path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Errorf("pdfinfo: %v %s", err, stderr.String())
	}
	if !bytes.Contains(out, []byte("Page size:       792 x 612 pts (letter)")) {
		t.Errorf("pdfinfo: not landscape Letter:\n%s", out)
	}
	if q, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command(q, "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}

// lists is a register with what the PDF line breaker must get right:
// numbers grouped by spaces, addresses in the text, and lists that carry
// their own numbering.
func lists() table.Table {
	text := func(s ...string) table.Cell {
		var c table.Cell
		for _, l := range s {
			c.Lines = append(c.Lines, table.Line{Text: l})
		}
		return c
	}
	return table.Table{
		Kind: "listes", Title: "Registre des communications — listes, nombres et adresses", Updated: "2025-03-01",
		Columns: []table.Column{
			{Title: "Renseignements"},
			{Title: "Étapes", List: true},
			{Title: "Mesures", List: true},
			{Title: "Remarques"},
			{Title: "Appui légal", List: true},
		},
		Rows: []table.Row{{ID: "COM-0001", Cells: []table.Cell{
			text("Les coordonnées de 12 290 personnes qui ont soumis une demande, et l'adresse courriel de 1 080 personnes inscrites, soit 13\u00a0370 personnes en tout (et 4\u202f512 dossiers)."),
			text("1. Réception de la demande par la direction", "2) Vérification de l'identité de la personne", "a) Transmission sécurisée au partenaire", "(b) Destruction à la fin du mandat"),
			text("Chiffrement des données au repos", "Journalisation des accès"),
			text("Le formulaire est décrit à https://www.exemple.gouv.qc.ca/services/formulaires-de-demande/renseignements-personnels/communication-a-un-tiers.html?lang=fr&section=annexe-2 et la politique à https://exemple.qc.ca/p."),
			{Lines: []table.Line{
				{Text: "Article 67 de la Loi sur l'accès", URL: "https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1#se:67"},
				{Text: "Loi sur les accidents du travail et les maladies professionnelles (RLRQ, chapitre A-3.001)", URL: "https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-3.001"},
			}},
		}}},
	}
}

// TestLineBreaking checks, in the text pdftotext reads, that grouped numbers
// are never split across lines, that an address in a text is a link (the
// whole address, however it is broken across lines) and breaks after its
// slashes, and that a list with its own numbering gets no bullets.
func TestLineBreaking(t *testing.T) {
	tb := lists()
	out := renderPDF(t, sample.Site(tb), tb)
	// pdftotext may read a no-break space as a space.
	text := strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(strings.Join(pdfText(t, out, "-raw"), "\n"))
	for _, n := range []string{"12 290", "1 080", "13 370", "4 512"} {
		if !strings.Contains(text, n) {
			t.Errorf("number %q split across lines:\n%s", n, text)
		}
	}
	for _, u := range []string{
		"https://www.exemple.gouv.qc.ca/services/formulaires-de-demande/renseignements-personnels/communication-a-un-tiers.html?lang=fr&section=annexe-2",
		"https://exemple.qc.ca/p",
	} {
		if !bytes.Contains(out, []byte("/URI ("+u+")")) {
			t.Errorf("no link to %s", u)
		}
	}
	// The long address is broken after a slash (or before ? & =), never
	// inside a word of it.
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if i := strings.Index(l, "https://www.exemple"); i >= 0 && len(l) > i+20 {
			rest := l[i:]
			if !strings.HasSuffix(rest, "/") && !strings.HasSuffix(rest, "-") && !strings.HasSuffix(rest, ".") && strings.Contains(text, rest+"\n") && !strings.Contains(rest, "annexe-2") {
				t.Errorf("address broken inside a word: %q", rest)
			}
		}
	}
	// A citation linked to its article breaks between its words.
	words := map[string]bool{}
	for _, w := range strings.Fields(text) {
		words[w] = true
	}
	for _, w := range []string{"accidents", "travail", "maladies", "l'accès"} {
		if !words[w] {
			t.Errorf("citation word %q broken across lines:\n%s", w, text)
		}
	}
	if !bytes.Contains(out, []byte("/URI (https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-3.001)")) {
		t.Error("the citation is not a link")
	}
	for _, item := range []string{"1. Réception", "2) Vérification", "a) Transmission", "(b) Destruction"} {
		if strings.Contains(text, "• "+item) || strings.Contains(text, "•"+item) {
			t.Errorf("item %q has a bullet as well as its own number", item)
		}
		if !strings.Contains(text, item) {
			t.Errorf("item %q missing", item)
		}
	}
	if !strings.Contains(text, "• Chiffrement") && !strings.Contains(text, "•Chiffrement") {
		t.Errorf("a list without its own markers lost its bullets:\n%s", text)
	}
}

// TestWrapKeepsNumbers wraps at the width where a breaker that cuts at any
// space would split the number: the number must go whole to the next line.
func TestWrapKeepsNumbers(t *testing.T) {
	r := newRenderer(table.Site{}, table.Table{})
	r.font("", 8)
	for _, tt := range []struct{ before, number, after string }{
		{"Les coordonnées de", "12 290", "personnes"},
		{"L'adresse de", "1 080", "personnes"},
		{"Soit en tout", "13\u00a0370", "personnes"},
		{"Et en tout, il y a", "4\u202f512", "dossiers"},
		{"Le total est de", "1\u2009000", "dossiers"},
	} {
		head, _, _ := strings.Cut(tt.number, string([]rune(tt.number)[len([]rune(tt.number))-4]))
		w := r.width(tt.before+" "+head) + 0.01
		lines := r.wrap(tt.before+" "+tt.number+" "+tt.after, w)
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, tt.number) }) {
			t.Errorf("%q split: %q", tt.number, lines)
		}
	}
	// A space that does not group digits still breaks.
	if lines := r.wrap("en 2024 345 personnes", r.width("en 2024")+0.01); len(lines) < 2 {
		t.Errorf("no break at all: %q", lines)
	}
}

// TestHyphenPoints: the breaks are between syllables (not every one is
// found: three consonants in a row are left whole), never before a mute
// final syllable.
func TestHyphenPoints(t *testing.T) {
	split := func(w string) string {
		out, last := "", 0
		for _, p := range hyphenPoints(w) {
			out += w[last:p] + "-"
			last = p
		}
		return out + w[last:]
	}
	for w, want := range map[string]string{
		"renseignements":   "ren-seigne-ments",
		"Électronique":     "Électro-nique", // never « -que »
		"administrative":   "ad-mi-nistra-tive",
		"l'utilisateur":    "l'-u-ti-li-sa-teur",
		"professionnelles": "pro-fes-sion-nelles",
		"un":               "un",
	} {
		if got := split(w); got != want {
			t.Errorf("hyphenPoints(%q) = %q, want %q", w, got, want)
		}
	}
}
