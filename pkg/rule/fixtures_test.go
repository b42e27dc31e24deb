package rule_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/lint"
	"github.com/registre-qc/registre/pkg/rule"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/rules fixtures")

// fixtureToday is the date every fixture is linted on.
const fixtureToday = "2026-01-15"

const defaultConfig = "organisme: {nom: Organisme d'essai, sigle: OE, secteur: public, categorie: ministere}\n"

func fixturesDir() string { return filepath.Join("..", "..", "testdata", "rules") }

// noFixture lists the rules tested elsewhere, because a txtar fixture cannot express their input.
var noFixture = map[string]string{
	"YAML-002": "octets non UTF-8 ou nuls, impossibles dans une fixture txtar : testé dans pkg/source (TestLoadEncoding, TestDecodeProblems)",
	"YAML-008": "liens symboliques et permissions : testé dans pkg/source (TestLoadSymlinks, TestLoadPermission)",
	"YAML-009": "liens symboliques : testé dans pkg/source (TestLoadOutsideLinks) et testdata/script/safety_read_symlink.txtar",
	"REF-007":  "le harnais écrit un registre.yaml par défaut : testé dans pkg/source (TestLoadNoConfig)",
}

// TestEveryRuleHasFixtures: a rule cannot ship without a fixture that makes it fire.
func TestEveryRuleHasFixtures(t *testing.T) {
	for _, r := range rule.All() {
		if r.Retired != "" {
			continue // never runs: its folder may hold ok fixtures showing it stays silent
		}
		if why, ok := noFixture[r.ID]; ok {
			t.Logf("%s sans fixture : %s", r.ID, why)
			continue
		}
		bad, _ := filepath.Glob(filepath.Join(fixturesDir(), r.ID, "bad*.txtar"))
		if len(bad) == 0 {
			t.Errorf("%s: aucune fixture testdata/rules/%s/bad*.txtar", r.ID, r.ID)
		}
	}
}

// TestRuleFixtures runs every fixture: bad*.txtar must report its rule,
// ok*.txtar must not, and the full output must equal the want section.
func TestRuleFixtures(t *testing.T) {
	dirs, err := os.ReadDir(fixturesDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		id := d.Name()
		files, _ := filepath.Glob(filepath.Join(fixturesDir(), id, "*.txtar"))
		for _, file := range files {
			name := id + "/" + filepath.Base(file)
			t.Run(name, func(t *testing.T) { runFixture(t, id, file) })
		}
	}
}

func runFixture(t *testing.T, id, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var want string
	hasConfig := false
	for _, f := range ar.Files {
		if f.Name == "want" {
			want = string(f.Data)
			continue
		}
		if f.Name == "registre.yaml" {
			hasConfig = true
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !hasConfig {
		if err := os.WriteFile(filepath.Join(dir, "registre.yaml"), []byte(defaultConfig), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := lint.Run(dir, lint.Options{Today: fixtureToday})
	if err != nil {
		t.Fatal(err)
	}
	got := render(res.Findings)
	base := filepath.Base(file)
	fired := 0
	for _, f := range res.Findings {
		if f.Rule == id && !f.Suppressed {
			fired++
		}
	}
	switch {
	case strings.HasPrefix(base, "bad") && fired == 0:
		t.Errorf("%s n'a rien signalé dans une fixture bad :\n%s", id, got)
	case strings.HasPrefix(base, "ok") && fired > 0:
		t.Errorf("%s a signalé %d constat(s) dans une fixture ok :\n%s", id, fired, got)
	}
	if *update {
		var kept []txtar.File
		for _, f := range ar.Files {
			if f.Name != "want" {
				kept = append(kept, f)
			}
		}
		ar.Files = append(kept, txtar.File{Name: "want", Data: []byte(got)})
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != want {
		t.Errorf("sortie différente de want (go test ./pkg/rule -update pour réécrire)\n--- obtenu\n%s--- attendu\n%s", got, want)
	}
}

func render(fs []finding.Finding) string {
	var lines []string
	for _, f := range fs {
		s := fmt.Sprintf("%s: %s %s %s", f.Location(), f.Severity, f.Rule, f.Message)
		if f.Suppressed {
			s += " (ignoré : " + f.Justification + ")"
		}
		lines = append(lines, s)
	}
	sort.SliceStable(lines, func(i, j int) bool { return false })
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestDocs: every rule is documented completely, with a well-formed id.
func TestDocs(t *testing.T) {
	prefixes := map[string]bool{"INV": true, "COM": true, "UTI": true, "COL": true, "EFVP": true, "ENT": true, "INC": true,
		"PUB": true, "CIT": true, "PRV": true, "YAML": true, "SCH": true, "REF": true, "SUP": true}
	for _, r := range rule.All() {
		i := strings.LastIndexByte(r.ID, '-')
		if i < 0 || !prefixes[r.ID[:i]] || len(r.ID)-i-1 != 3 {
			t.Errorf("identifiant mal formé : %s", r.ID)
		}
		d := r.Doc
		if d.Title == "" || d.Text == "" || d.Bad == "" || d.Good == "" || d.Severity == finding.Off && !isOffByDefault(r) || d.Confidence == "" {
			t.Errorf("%s : documentation incomplète (titre, texte, exemples, sévérité, confiance)", r.ID)
		}
		legal := !map[string]bool{"YAML": true, "SCH": true, "REF": true, "SUP": true}[r.ID[:i]]
		if legal && d.Law == "" && r.ID[:i] != "CIT" {
			t.Errorf("%s : règle juridique sans article (Law)", r.ID)
		}
	}
}

func isOffByDefault(r *rule.Rule) bool { return r.Doc.Severity == finding.Off }
