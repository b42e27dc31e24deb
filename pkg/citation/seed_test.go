package citation

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedFixture is testdata/seed_lines.txt: the appui_legal cells of the seeds
// and the free-text sentences that only look like citations.
type seedFixture struct {
	cells [][]string
	libre []string
}

func loadSeedFixture(t testing.TB) seedFixture {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "seed_lines.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var fx seedFixture
	var cur []string
	libre := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "#"):
			continue
		case l == "%% libre":
			libre = true
			continue
		case strings.TrimSpace(l) == "":
			if len(cur) > 0 {
				fx.cells = append(fx.cells, cur)
				cur = nil
			}
			continue
		}
		if libre {
			fx.libre = append(fx.libre, l)
		} else {
			cur = append(cur, l)
		}
	}
	if len(cur) > 0 {
		fx.cells = append(fx.cells, cur)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return fx
}

// Expected counts over the seed fixture. Update them deliberately.
const (
	seedCells      = 43
	seedLines      = 140
	seedFreeText   = 16 // sentences after « %% libre », all CIT-001
	seedCitations  = 77 // Citation lines
	seedInstrOnly  = 16 // InstrumentOnly lines
	seedNonStat    = 47 // NonStatutory lines
	seedCIT003     = 1  // « Loi sur l’assurance maladie (L.R.Q, c. 89, A-42) »
	seedRefsToA21  = 48 // refs of A-2.1 (all cited articles exist)
	seedCellsNoA21 = 1  // the « Ententes PASI » cell
)

func TestSeedLines(t *testing.T) {
	fx := loadSeedFixture(t)
	if len(fx.cells) != seedCells {
		t.Errorf("fixture has %d cells, want %d", len(fx.cells), seedCells)
	}
	var lines, kinds [4]int
	var a21, noA21, cit003 int
	for _, cell := range fx.cells {
		c := ParseCellDefault(cell, "A-2.1")
		hasA21 := false
		for _, l := range c.Lines {
			lines[0]++
			kinds[l.Kind]++
			for _, is := range l.Issues {
				switch is.Code {
				case "CIT-001", "CIT-002", "CIT-004", "CIT-005", "CIT-007":
					t.Errorf("%s on seed line %q: %s", is.Code, l.Raw, is.Message)
				case "CIT-003":
					cit003++
				}
			}
			for _, r := range l.Refs {
				if r.Instrument == "A-2.1" && r.Article != "" {
					a21++
					hasA21 = true
				}
				if l.Kind == Citation && r.Instrument == "" {
					t.Errorf("unresolved instrument on seed line %q", l.Raw)
				}
			}
		}
		if !hasA21 {
			noA21++
		}
	}
	if lines[0] != seedLines {
		t.Errorf("%d lines, want %d", lines[0], seedLines)
	}
	if kinds[Citation] != seedCitations || kinds[InstrumentOnly] != seedInstrOnly || kinds[NonStatutory] != seedNonStat || kinds[Unparsed] != 0 {
		t.Errorf("kinds: citation %d, instrument %d, non-statutory %d, unparsed %d; want %d, %d, %d, 0",
			kinds[Citation], kinds[InstrumentOnly], kinds[NonStatutory], kinds[Unparsed], seedCitations, seedInstrOnly, seedNonStat)
	}
	if cit003 != seedCIT003 {
		t.Errorf("%d CIT-003, want %d", cit003, seedCIT003)
	}
	if a21 != seedRefsToA21 || noA21 != seedCellsNoA21 {
		t.Errorf("%d A-2.1 refs in %d cells without A-2.1; want %d and %d", a21, noA21, seedRefsToA21, seedCellsNoA21)
	}

	free := 0
	for _, s := range fx.libre {
		l := ParseLine(s)
		if l.Kind == Unparsed && l.HasIssue("CIT-001") {
			free++
		} else {
			t.Errorf("free-text sentence parsed as %v: %q", l.Kind, s)
		}
	}
	if free != seedFreeText || len(fx.libre) != seedFreeText {
		t.Errorf("%d free-text lines reported out of %d, want %d", free, len(fx.libre), seedFreeText)
	}
}

// TestSeedFixtureMatchesSeeds checks, when the shared seeds are next to the
// repository, that every seed line starting a citation is in the fixture.
func TestSeedFixtureMatchesSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	var files []string
	for _, pat := range []string{"001_*.txt", "002_*.txt"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	if len(files) != 2 {
		t.Skip("shared seeds not available")
	}
	fx := loadSeedFixture(t)
	var all []string
	for _, c := range fx.cells {
		for _, l := range c {
			all = append(all, strings.Join(strings.Fields(l), " "))
		}
	}
	for _, fn := range files {
		data, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			l = strings.Join(strings.Fields(l), " ")
			f := fold(l)
			if !(strings.HasPrefix(f, "article") || strings.HasPrefix(f, "l'article") || strings.HasPrefix(f, "l’article") || strings.HasPrefix(f, "alinea")) {
				continue
			}
			found := false
			for _, a := range all {
				if strings.HasPrefix(a, l) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: seed line %q is missing from testdata/seed_lines.txt", filepath.Base(fn), l)
			}
		}
	}
}

// TestWriteFuzzCorpus regenerates testdata/fuzz/FuzzParseCell from the seed
// fixture: one file per distinct line and one per cell. Run it with
// CITATION_WRITE_CORPUS=1.
func TestWriteFuzzCorpus(t *testing.T) {
	if os.Getenv("CITATION_WRITE_CORPUS") == "" {
		t.Skip("set CITATION_WRITE_CORPUS=1 to regenerate the seed corpus")
	}
	fx := loadSeedFixture(t)
	dir := filepath.Join("testdata", "fuzz", "FuzzParseCell")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var inputs []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			inputs = append(inputs, s)
		}
	}
	for _, c := range fx.cells {
		for _, l := range c {
			add(l)
		}
		add(strings.Join(c, "\n"))
	}
	for _, l := range fx.libre {
		add(l)
	}
	for _, s := range inputs {
		sum := sha256.Sum256([]byte(s))
		name := "seed-" + hex.EncodeToString(sum[:8])
		body := "go test fuzz v1\nstring(" + strconv.Quote(s) + ")\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d corpus files written", len(inputs))
}

// FuzzParseCell checks that no input makes the parser panic and that the
// output keeps its invariants. The input is a cell, one line per "\n".
func FuzzParseCell(f *testing.F) {
	f.Add("Article 67 de la Loi sur l'accès")
	f.Add("Alinéa 3a de la Loi sur la statistique (LRC)\nAlinéa 3b de la LRC\nArticle 17.1 de la LRC")
	f.Add("Loi sur le ministère de l’Immigration, francisation et de l’intégration\nArticle 7, alinéa 1 paragraphe 6")
	f.Add("A-2.1 a. 59 al. 2 par. 1°–3°\n68 al. 1 par. 1°\narticles 63.1 à 63.11 de la LAI")
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		for _, def := range []string{"", "A-2.1", "P-39.1"} {
			c := ParseCellDefault(lines, def)
			checkCell(t, lines, c)
			if c2 := ParseCellDefault(lines, def); !cellsEqual(c, c2) {
				t.Fatalf("not deterministic on %q", s)
			}
		}
		for _, l := range lines {
			n := Normalize(l)
			if Normalize(n) != n {
				t.Fatalf("Normalize not idempotent: %q → %q → %q", l, n, Normalize(n))
			}
			if !utf8.ValidString(n) {
				t.Fatalf("Normalize produced invalid UTF-8 from %q", l)
			}
			_ = ParseLine(l)
			LookupAlias(l)
			KnownArticle(l, l)
		}
	})
}

func cellsEqual(a, b Cell) bool {
	if len(a.Lines) != len(b.Lines) {
		return false
	}
	for i := range a.Lines {
		x, y := a.Lines[i], b.Lines[i]
		if x.Raw != y.Raw || x.Kind != y.Kind || x.NonStatutory != y.NonStatutory || len(x.Refs) != len(y.Refs) || len(x.Issues) != len(y.Issues) {
			return false
		}
		for j := range x.Refs {
			if x.Refs[j].String() != y.Refs[j].String() || x.Refs[j].Instrument != y.Refs[j].Instrument {
				return false
			}
		}
		for j := range x.Issues {
			if x.Issues[j] != y.Issues[j] {
				return false
			}
		}
	}
	return true
}

func checkCell(t *testing.T, lines []string, c Cell) {
	t.Helper()
	if len(c.Lines) != len(lines) {
		t.Fatalf("%d lines for %d inputs", len(c.Lines), len(lines))
	}
	for i, l := range c.Lines {
		if l.Raw != lines[i] {
			t.Fatalf("Raw %q != input %q", l.Raw, lines[i])
		}
		switch l.Kind {
		case Citation:
			if len(l.Refs) == 0 {
				t.Fatalf("citation without refs: %q", l.Raw)
			}
			for _, r := range l.Refs {
				if r.Article == "" {
					t.Fatalf("citation ref without article: %q", l.Raw)
				}
			}
		case InstrumentOnly:
			if len(l.Refs) != 1 || l.Refs[0].Article != "" {
				t.Fatalf("instrument line with refs %+v: %q", l.Refs, l.Raw)
			}
		case NonStatutory:
			if l.NonStatutory == "" || l.Refs != nil {
				t.Fatalf("bad non-statutory line %+v", l)
			}
		case Unparsed:
			if l.Refs != nil || !l.HasIssue("CIT-001") {
				t.Fatalf("unparsed line without CIT-001 or with refs: %+v", l)
			}
		default:
			t.Fatalf("kind %d", l.Kind)
		}
		for _, is := range l.Issues {
			if len(is.Code) != 7 || !strings.HasPrefix(is.Code, "CIT-00") || is.Code < "CIT-001" || is.Code > "CIT-007" {
				t.Fatalf("bad issue code %q", is.Code)
			}
			if is.Message == "" || !utf8.ValidString(is.Message) {
				t.Fatalf("bad message for %s", is.Code)
			}
		}
		for _, r := range l.Refs {
			if r.Raw != l.Raw {
				t.Fatalf("ref Raw %q != line Raw %q", r.Raw, l.Raw)
			}
			_ = r.String()
			for _, lang := range []string{"fr", "en"} {
				if u := r.URL(lang); u != "" && !strings.HasPrefix(u, "https://") {
					t.Fatalf("bad URL %q", u)
				} else if strings.ContainsAny(u, " \n\"<>") {
					t.Fatalf("URL with unsafe characters %q", u)
				}
			}
		}
	}
	_ = c.Articles()
	_ = c.Issues()
	_ = c.Instruments()
}

var benchCell = []string{
	"Article 67 de la Loi sur l'accès",
	"L’article 59, deuxième alinéa, paragraphes 1º à 3º de la Loi sur l’accès",
	"Articles 37, 38 et 38.1 de la Loi sur les accidents de travail et maladies professionnelles (L.R.Q. c. A-3.001)",
	"Loi sur le ministère de l’Immigration, francisation et de l’intégration",
	"Article 7, alinéa 1 paragraphe 6",
	"Convention collective des fonctionnaires",
}

// BenchmarkParseCell parses a typical six-line cell.
func BenchmarkParseCell(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParseCellDefault(benchCell, "A-2.1")
	}
}

// BenchmarkParseSeedCells parses every seed cell once per iteration.
func BenchmarkParseSeedCells(b *testing.B) {
	fx := loadSeedFixture(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range fx.cells {
			ParseCellDefault(c, "A-2.1")
		}
	}
}
