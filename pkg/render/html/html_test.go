package html

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/render/internal/sample"
	"github.com/registre-qc/registre/pkg/table"
)

var (
	update    = flag.Bool("update", false, "rewrite golden files")
	sampleDir = flag.String("sample-dir", "", "also write the sample site to this folder (for a look in a browser)")
)

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff)", name)
	}
}

func renderPage(t testing.TB, site table.Site, tb table.Table) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Page(&b, site, tb); err != nil {
		t.Fatalf("Page(%s): %v", tb.Kind, err)
	}
	return b.Bytes()
}

func renderIndex(t testing.TB, site table.Site) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Index(&b, site); err != nil {
		t.Fatalf("Index: %v", err)
	}
	return b.Bytes()
}

// sampleSite is the public site of the golden files.
func sampleSite() table.Site {
	return sample.Site(sample.Communications(), sample.Inventaire(), sample.Utilisations(), sample.Empty())
}

// WriteSite writes a site's pages and assets into dir, as a build would.
func writeSite(t testing.TB, dir string, site table.Site) {
	t.Helper()
	for p, b := range Assets() {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), renderIndex(t, site), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tb := range site.Tables {
		if err := os.WriteFile(filepath.Join(dir, tb.Kind+".html"), renderPage(t, site, tb), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestGolden(t *testing.T) {
	site := sampleSite()
	internal := site
	internal.Internal = true
	hostile := sample.Site(sample.Hostile())
	hostile.Org = "Organisme <script>alert('org')</script>"
	hostile.URL = "javascript:alert(1)"
	hostile.Contact.Email = "x@y.z\"><script>alert(1)</script>"
	hostile.Generator = "registre </title><script>alert(1)</script>"
	tests := []struct {
		name string
		site table.Site
		tb   *table.Table // nil: index
	}{
		{"index.html", site, nil},
		{"index-interne.html", internal, nil},
		{"communications.html", site, &site.Tables[0]},
		{"inventaire.html", site, &site.Tables[1]},
		{"collectes-vide.html", site, &site.Tables[3]},
		{"communications-interne.html", internal, &site.Tables[0]},
		{"hostile.html", hostile, &hostile.Tables[0]},
		{"index-hostile.html", hostile, nil},
		{"index-vide.html", table.Site{}, nil},
		{"page-zero.html", table.Site{}, &table.Table{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			render := func() []byte {
				if tt.tb == nil {
					return renderIndex(t, tt.site)
				}
				return renderPage(t, tt.site, *tt.tb)
			}
			got := render()
			golden(t, tt.name, got)
			if again := render(); !bytes.Equal(got, again) {
				t.Error("two renders differ")
			}
		})
	}
	if *sampleDir != "" {
		writeSite(t, *sampleDir, site)
		writeSite(t, filepath.Join(*sampleDir, "interne"), internal)
		writeSite(t, filepath.Join(*sampleDir, "hostile"), hostile)
	}
}

// mustContain checks each string appears in s.
func mustContain(t *testing.T, s string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Errorf("output lacks %q", w)
		}
	}
}

func mustNotContain(t *testing.T, s string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(s, b) {
			t.Errorf("output contains %q", b)
		}
	}
}

func TestPageStructure(t *testing.T) {
	site := sampleSite()
	s := string(renderPage(t, site, site.Tables[0]))
	mustContain(t, s,
		`<html lang="fr-CA">`,
		`<a class="skip-link" href="#contenu">`,
		`<main id="contenu" tabindex="-1">`,
		`<h1>Registre des communications de renseignements personnels</h1>`,
		`<h2 id="about-title">`,
		`<caption id="table-caption">`,
		// Eight columns: the stylesheet shows cards below eight columns' width.
		`<div class="table-region cols-8">`,
		`<table id="register-table" class="register" role="table">`,
		`<th scope="col" class="col-id" role="columnheader">Identifiant</th>`,
		`<th scope="col" class="col-narrow" role="columnheader">Communication à l&#39;extérieur du Québec</th>`,
		`<th scope="row" role="rowheader">COM-2024-001</th>`,
		`<tr id="inscription-COM-2024-001" role="row">`,
		// Each value carries its column title, shown on a card.
		`<td data-label="Communication à l&#39;extérieur du Québec" role="cell">Oui</td>`,
		`<div class="container filter" data-filter="register-table" hidden>`,
		`<label for="filter-input">Filtrer les inscriptions</label>`,
		`aria-live="polite"`,
		`<link rel="stylesheet" href="assets/registre.css?v=`,
		`<script src="assets/filtre.js?v=`,
		`<time datetime="2025-03-01">1er mars 2025</time>`,
		// Lines on their own line; a list column as a list.
		`numéro du formulaire`,
		`Québec et admises au Canada :<br>numéro du formulaire`,
		`<ul><li><a href="https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1#se:67_2_1">Loi sur l’accès, art. 67.2.1</a></li><li>Loi sur la statistique`,
		// A URL in the text becomes a link, without its final full stop.
		`Description de la BDIM : <a href="https://www.statcan.gc.ca/fr/bdim" class="url">https://www.statcan.gc.ca/fr/bdim</a>.`,
		// An empty line stays an empty line.
		`statistiques.<br><br>Voir aussi`,
		// Preamble above the table.
		`<p class="preamble">En vertu de l’article 67.3`,
		`<a href="communications.pdf">Version PDF`, `<a href="communications.csv">Version CSV`,
		`Produit par registre (registre 1.2.3)`,
		`3 inscriptions`,
	)
	if strings.Index(s, "preambule") > strings.Index(s, "<table") {
		t.Error("preamble is not above the table")
	}
	mustNotContain(t, s, "noindex", "Édition interne", "http://", "cdn", "<style", " style=", "onclick", "<script>")
	// A row with fewer cells than columns still has every cell.
	rows := regexp.MustCompile(`(?s)<tr id="inscription-COM-2025-003" role="row">(.*?)</tr>`).FindStringSubmatch(s)
	if rows == nil || strings.Count(rows[1], "<td ") != len(site.Tables[0].Columns) {
		t.Errorf("short row not padded: %q", rows)
	}
}

func TestEmptyTable(t *testing.T) {
	s := string(renderPage(t, sampleSite(), sample.Empty()))
	mustContain(t, s, `<p class="empty">Aucune collecte inscrite</p>`)
	mustNotContain(t, s, "<table", "data-filter")
}

func TestInternal(t *testing.T) {
	site := sampleSite()
	site.Internal = true
	for _, s := range []string{string(renderPage(t, site, site.Tables[0])), string(renderIndex(t, site))} {
		mustContain(t, s, `<meta name="robots" content="noindex">`, "Édition interne — ne pas diffuser")
	}
	// A table marked internal is enough.
	site.Internal = false
	tb := site.Tables[1]
	tb.Internal = true
	mustContain(t, string(renderPage(t, site, tb)), "noindex", "Édition interne — ne pas diffuser")
}

func TestIndex(t *testing.T) {
	s := string(renderIndex(t, sampleSite()))
	mustContain(t, s,
		`<h1>Diffusion de l&#39;information — renseignements personnels</h1>`,
		`<a href="communications.html">Registre des communications de renseignements personnels</a>`,
		`<a href="communications.pdf">PDF`, `<a href="communications.csv">CSV`,
		`<a href="inventaire.html">`, `<a href="collectes.html">`,
		`<a href="registres.json">`,
		`<td class="number" data-label="Nombre d’inscriptions" role="cell">3</td>`,
		`<td class="number" data-label="Nombre d’inscriptions" role="cell">0</td>`,
		`<div class="table-region cols-4">`,
		`<time datetime="2025-01-01">1er janvier 2025</time>`,
		`Responsable de l&#39;accès aux documents et de la protection des renseignements personnels`,
		`<a href="mailto:acces@exemple.gouv.qc.ca">acces@exemple.gouv.qc.ca</a>`,
		`875, Grande Allée Est, 2e étage<br>Québec (Québec)`,
		`Ministère de l&#39;Exemple et de l&#39;Intégration`,
		`<caption id="table-caption">`, `<th scope="col" class="number" role="columnheader">Nombre d’inscriptions</th>`,
	)
	mustNotContain(t, s, "noindex", "<script")
}

// tags finds every tag of the output: escaped text never holds a raw « < »,
// so whatever this matches is markup.
var tags = regexp.MustCompile(`<[!/?a-zA-Z][^>]*>`)

// hostileTag is markup that an attacker's text must never produce.
var hostileTag = regexp.MustCompile(`(?i)^<(img|b|i)[\s/>]|^<!--|^<script>alert|onerror=|onmouseover=|="\s*javascript:|="\s*data:`)

// hostileMarkup returns the tags of s that come from hostile text.
func hostileMarkup(s string) []string {
	var bad []string
	for _, tag := range tags.FindAllString(s, -1) {
		if hostileTag.MatchString(tag) {
			bad = append(bad, tag)
		}
	}
	return bad
}

func TestHostileEscaped(t *testing.T) {
	site := sample.Site(sample.Hostile())
	site.Org = "Organisme <script>alert('org')</script>"
	site.OrgAcronym = `"><img src=x onerror=alert(1)>`
	site.URL = "javascript:alert(1)"
	site.Title = "<script>alert('titre')</script>"
	site.Contact = table.Contact{Title: "<b>Responsable</b>", Email: "a@b.c\"><img src=x onerror=alert(1)>", Address: "<!-- x -->"}
	site.Generator = "registre </title><script>alert(1)</script>"
	site.Updated = "<script>alert(1)</script>"
	for name, out := range map[string][]byte{
		"page":  renderPage(t, site, site.Tables[0]),
		"index": renderIndex(t, site),
	} {
		s := string(out)
		if m := hostileMarkup(s); m != nil {
			t.Errorf("%s: hostile markup survived: %q", name, m)
		}
		if n := strings.Count(s, "<script"); n != map[string]int{"page": 1, "index": 0}[name] {
			t.Errorf("%s: %d <script> elements", name, n)
		}
		mustContain(t, s, "&lt;script&gt;alert(")
	}
	page := string(renderPage(t, site, site.Tables[0]))
	mustContain(t, page,
		// The bad citation URLs are not links, the text stays.
		`<li>javascript:alert(1)</li>`,
		`<li>data</li>`,
		`<a href="https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1#se:65_1">Lien « correct »</a>`,
		// A URL in text stops at the first character that cannot belong to it.
		`<a href="https://exemple.qc.ca/?q=" class="url">https://exemple.qc.ca/?q=</a>&lt;script&gt;`,
		`&lt;!-- commentaire --&gt; ]]&gt; {{.Site}} &amp;lt;`,
		`<th scope="row" role="rowheader">UTI-&lt;b&gt;1&lt;/b&gt;</th>`,
		`ligne un<br><br>ligne trois`,
	)
	// An id that is not a valid anchor gets none.
	mustNotContain(t, page, `id="inscription-UTI-&lt;`, "<a href=\"javascript", "Site de l’organisme")
}

func TestMissingCells(t *testing.T) {
	tb := table.Table{
		Kind:    "x",
		Columns: []table.Column{{Title: "A"}, {Title: "B", List: true}},
		Rows:    []table.Row{{ID: "X-1"}, {ID: "X-1"}, {ID: "X-2", Cells: []table.Cell{{}, {}, {Lines: []table.Line{{Text: "en trop"}}}}}},
	}
	s := string(renderPage(t, table.Site{}, tb))
	if n := strings.Count(s, "<td "); n != 6 {
		t.Errorf("%d cells, want 6", n)
	}
	if n := strings.Count(s, `id="inscription-X-1"`); n != 1 {
		t.Errorf("duplicate anchors: %d", n)
	}
	mustNotContain(t, s, "en trop")
	// No columns at all.
	s = string(renderPage(t, table.Site{}, table.Table{Rows: []table.Row{{ID: "Y-1", Cells: []table.Cell{{Lines: []table.Line{{Text: "z"}}}}}}}))
	mustContain(t, s, `<th scope="row" role="rowheader">Y-1</th></tr>`, `<div class="table-region cols-1">`)
}

func TestAssets(t *testing.T) {
	a := Assets()
	if len(a) != 2 {
		t.Fatalf("%d assets", len(a))
	}
	css, js := string(a[CSSPath]), string(a[ScriptPath])
	mustContain(t, css, "@media print", "#095797", ":focus-visible", "display: table-header-group")
	mustContain(t, js, "box.hidden = false", "inscriptions affichées")
	for name, s := range map[string]string{"css": css, "js": js} {
		mustNotContain(t, s, "http://", "https://", "@import", "url(", "fetch(", "XMLHttpRequest")
		_ = name
	}
	a[CSSPath][0] = 'X'
	if Assets()[CSSPath][0] == 'X' {
		t.Error("Assets shares its bytes with the caller")
	}
}

func TestDeterministicLarge(t *testing.T) {
	tb := sample.Large(500, 100, 1500, 3)
	site := sample.Site(tb)
	a, b := renderPage(t, site, tb), renderPage(t, site, tb)
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same table differ")
	}
	if n := bytes.Count(a, []byte(`<th scope="row" role="rowheader">`)); n != 500 {
		t.Errorf("%d row headers, want 500", n)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disque plein") }

func TestWriteError(t *testing.T) {
	tb := sample.Large(300, 100, 1500, 4)
	if err := Page(failWriter{}, sample.Site(tb), tb); err == nil {
		t.Error("Page: no error from a failing writer")
	}
	if err := Index(failWriter{}, sample.Site(tb)); err == nil {
		t.Error("Index: no error from a failing writer")
	}
}

func BenchmarkHTML10000(b *testing.B) {
	tb := sample.Large(10000, 100, 1500, 42)
	site := sample.Site(tb)
	b.ReportAllocs()
	for b.Loop() {
		if err := Page(io.Discard, site, tb); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLayoutClass pins the classes the stylesheet knows: cols-1 … cols-12
// set the width below which a table shows as cards, cols-many always does.
func TestLayoutClass(t *testing.T) {
	css := string(Assets()[CSSPath])
	for n, want := range map[int]string{0: "cols-1", 1: "cols-1", 4: "cols-4", 8: "cols-8", 12: "cols-12", 13: "cols-many", 40: "cols-many"} {
		got := layoutClass(n)
		if got != want {
			t.Errorf("layoutClass(%d) = %q, want %q", n, got, want)
		}
		if !strings.Contains(css, "."+got+" { --cols:") {
			t.Errorf("the stylesheet has no rule for .%s", got)
		}
	}
	mustContain(t, css, "container-type: inline-size", "@container (width < 16em)", `content: attr(data-label) / "";`)
}

// TestOwnMarkers: a list item that starts with its own number or letter
// gets no bullet; the others keep theirs.
func TestOwnMarkers(t *testing.T) {
	tb := table.Table{Kind: "x", Columns: []table.Column{{Title: "Étapes", List: true}}, Rows: []table.Row{{ID: "X-1", Cells: []table.Cell{{Lines: []table.Line{{Text: "1. Réception"}, {Text: "2) Vérification"}, {Text: "Archivage"}}}}}}}
	s := string(renderPage(t, table.Site{}, tb))
	mustContain(t, s, `<li class="own-marker">1. Réception</li><li class="own-marker">2) Vérification</li><li>Archivage</li>`)
	mustContain(t, string(Assets()[CSSPath]), `.register li.own-marker { list-style: none; }`)
}
