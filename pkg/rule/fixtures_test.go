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

// interactions is the folder of the fixtures that pin the full output of
// every rule, for the cases where rules meet (a suppression, the schema and a
// rule on one value, several rules on one entry). Every other folder is named
// after the rule it documents and pins only that rule's findings.
const interactions = "_interactions"

// examplesGolden is the whole-repository golden: the full output of lint on
// examples/, suppressed findings included.
func examplesGolden() string { return filepath.Join(fixturesDir(), interactions, "examples.golden") }

// TestRuleFixtures runs every fixture. In testdata/rules/<ID>/, a fixture is
// scoped to rule <ID>, as staticcheck's expectations are: its want section
// lists the findings of <ID> only (suppressed ones included) and the findings
// of other rules are ignored, so adding a rule never rewrites the fixtures of
// the others; bad*.txtar must report <ID> at least once, ok*.txtar never.
// In testdata/rules/_interactions/, want is the full output of every rule.
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
		if id != interactions && rule.Get(id) == nil {
			t.Errorf("testdata/rules/%s : aucune règle %s (dossier mal nommé ou règle supprimée ?)", id, id)
			continue
		}
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
	base := filepath.Base(file)
	bad, ok := strings.HasPrefix(base, "bad"), strings.HasPrefix(base, "ok")
	if id != interactions && !bad && !ok {
		t.Fatalf("%s : le nom d'une fixture de règle commence par bad ou ok", base)
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
	// registre lint runs in lean mode: once an entry's own rules have run,
	// the texts of published entries are dropped; a cross-entry rule that
	// reads one gets it from the file, decoded again (model.Entry.Compact).
	// The findings must be those of a full run, and no fixture should need
	// such a second reading: it is right but slow on a large repository.
	lean, err := lint.Run(dir, lint.Options{Today: fixtureToday, Lean: true})
	if err != nil {
		t.Fatal(err)
	}
	if full, l := render(res.Findings), render(lean.Findings); full != l {
		t.Errorf("%s : le mode allégé de « registre lint » ne donne pas les mêmes constats que le mode complet.\n"+
			"--- mode complet\n%s--- mode allégé (CLI)\n%s", id, full, l)
	}
	if len(lean.Reread) > 0 {
		t.Errorf("%s : en mode allégé, une règle croisée (Rule.Cross) a lu un texte retiré, et %s a dû être relu : les constats sont justes, "+
			"mais la règle relit chaque fichier sur un grand dépôt ; lisez ce texte dans une règle d'entrée (sans Cross) ou ne lisez que des clés gardées (voir lint.leanKeys)",
			id, strings.Join(lean.Reread, ", "))
	}
	fs := res.Findings
	if id != interactions {
		fs = nil
		fired := 0
		for _, f := range res.Findings {
			if f.Rule != id {
				continue
			}
			fs = append(fs, f)
			if !f.Suppressed {
				fired++
			}
		}
		switch {
		case bad && fired == 0:
			t.Errorf("%s n'a rien signalé dans une fixture bad ; sortie de toutes les règles :\n%s", id, render(res.Findings))
		case ok && fired > 0:
			t.Errorf("%s a signalé %d constat(s) dans une fixture ok :\n%s", id, fired, render(fs))
		}
	}
	got := render(fs)
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

// TestExamplesGolden pins the full output of lint on the bundled example
// repository: the one whole-repository golden, where a new rule shows up.
func TestExamplesGolden(t *testing.T) {
	res, err := lint.Run(filepath.Join("..", "..", "examples"), lint.Options{Today: fixtureToday})
	if err != nil {
		t.Fatal(err)
	}
	got := render(res.Findings)
	if *update {
		if err := os.WriteFile(examplesGolden(), []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(examplesGolden())
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("lint de examples/ différent de %s (go test ./pkg/rule -update pour réécrire)\n--- obtenu\n%s--- attendu\n%s", examplesGolden(), got, want)
	}
}

// render prints findings one per line, in the canonical order (finding.Sort),
// whatever order the engine produced them in.
func render(fs []finding.Finding) string {
	fs = append([]finding.Finding(nil), fs...)
	finding.Sort(fs)
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s: %s %s %s", f.Location(), f.Severity, f.Rule, f.Message)
		if f.Suppressed {
			b.WriteString(" (ignoré : " + f.Justification + ")")
		}
		b.WriteByte('\n')
	}
	return b.String()
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
		// Off is the zero value: a rule that forgot its severity would be
		// silently off, so only the rules listed in offByDefault may be.
		switch {
		case d.Severity < finding.Off || d.Severity > finding.Error:
			t.Errorf("%s : sévérité %d inconnue", r.ID, d.Severity)
		case d.Severity == finding.Off && !offByDefault[r.ID]:
			t.Errorf("%s : sévérité absente (off) ; une règle désactivée par défaut est listée dans offByDefault", r.ID)
		case d.Severity != finding.Off && offByDefault[r.ID]:
			t.Errorf("%s : listée dans offByDefault mais sa sévérité est %s", r.ID, d.Severity)
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

// offByDefault lists the rules shipped turned off (registre.yaml lint.regles
// turns them on): their checks are too uncertain to speak unasked.
var offByDefault = map[string]bool{
	"INC-014": true, // retention period of 5 years, not verified
	"INV-011": true, // « maintenir à jour »: how long is too long is the organisation's call
}

// added02 are the rules added in 0.2.0, the release being prepared
// (rule.Release): a new rule goes here. Every other id dates from 0.1.0,
// retired UTI-008 included.
var added02 = map[string]bool{
	"COM-025": true, "COM-026": true, "COM-027": true, "COL-003": true, "ENT-007": true, "UTI-009": true, "UTI-010": true,
	"PRV-009": true, "PRV-010": true, "PRV-011": true, "PRV-012": true, "PUB-009": true, "PUB-010": true, "PUB-011": true,
	"INV-015": true, "INC-015": true, "CIT-009": true, "REF-008": true, "REF-009": true, "YAML-009": true,
	"INV-016": true, "ENT-008": true, "ENT-009": true, "CIT-010": true, "COM-028": true, "PRV-013": true, "PRV-014": true,
	"PUB-012": true, "ENT-010": true,
}
