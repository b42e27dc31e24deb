package rule_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
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
	fs = append([]finding.Finding(nil), fs...)
	finding.Sort(fs) // the output never depends on the order lint returns
	var lines []string
	for _, f := range fs {
		s := fmt.Sprintf("%s: %s %s %s", f.Location(), f.Severity, f.Rule, f.Message)
		if f.Suppressed {
			s += " (ignoré : " + f.Justification + ")"
		}
		lines = append(lines, s)
	}
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
		if d.Title == "" || d.Text == "" || d.Bad == "" || d.Good == "" || d.Confidence == "" {
			t.Errorf("%s : documentation incomplète (titre, texte, exemples, confiance)", r.ID)
		}
		// Off is also the zero value: a rule off by default says so here.
		if off := d.Severity == finding.Off; off != offByDefault[r.ID] {
			t.Errorf("%s : sévérité par défaut %v ; les règles désactivées par défaut sont exactement %v", r.ID, d.Severity, offByDefault)
		}
		if want := map[bool]string{true: "0.2.0", false: "0.1.0"}[added02[r.ID]]; d.Since != want {
			t.Errorf("%s : Since = %q, attendu %q (une règle nouvelle s'ajoute à added02 et à aucun catalogue de rule/since.go)", r.ID, d.Since, want)
		}
		legal := !map[string]bool{"YAML": true, "SCH": true, "REF": true, "SUP": true}[r.ID[:i]]
		if legal && d.Law == "" && r.ID[:i] != "CIT" {
			t.Errorf("%s : règle juridique sans article (Law)", r.ID)
		}
	}
}

// offByDefault are the rules whose default severity is off (enabled in
// registre.yaml, lint.regles).
var offByDefault = map[string]bool{"INC-014": true, "INV-011": true}

// added02 are the rules added in 0.2.0 (git diff fa41876~20 -- pkg/rule),
// the release being prepared (rule.Release): a new rule goes here. Every
// other id dates from 0.1.0, retired UTI-008 included.
var added02 = map[string]bool{
	"COM-025": true, "COM-026": true, "COM-027": true, "COL-003": true, "ENT-007": true, "UTI-009": true, "UTI-010": true,
	"PRV-009": true, "PRV-010": true, "PRV-011": true, "PRV-012": true, "PUB-009": true, "PUB-010": true, "PUB-011": true,
	"INV-015": true, "INC-015": true, "CIT-009": true, "REF-008": true, "REF-009": true, "YAML-009": true,
}

