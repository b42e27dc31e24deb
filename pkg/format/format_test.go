package format

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/finding"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// trickyMessage holds every character some format must escape.
const trickyMessage = "Valeur « 50 % : a, b » invalide | voir <note> & l’article\nseconde ligne"

// fixtureReport is the report every format is fed: several files, all three
// severities, a suppressed finding, findings without position or column, a
// rule missing from Rules, two findings sharing a fingerprint and a message
// with characters that need escaping.
func fixtureReport() Report {
	fs := []finding.Finding{
		{
			Path: "communications/COM-1.yaml", Pos: finding.Position{Line: 4, Col: 3},
			Rule: "COM-020", Severity: finding.Error,
			Message: "La communication « Infolettre » n’indique aucun appui légal.",
			EntryID: "COM-1", KeyPath: "appui_legal",
		},
		{
			Path: "communications/COM-1.yaml", Pos: finding.Position{Line: 9},
			Rule: "INV-001", Severity: finding.Warning,
			Message: trickyMessage,
			EntryID: "COM-1", KeyPath: "categories/0",
		},
		{
			Path: "communications/COM-2.yaml", Rule: "PUB-003", Severity: finding.Info,
			Message: "Entrée non publiée : vérifiez qu’elle est bien confidentielle.",
			EntryID: "COM-2",
		},
		{
			Path: "communications/COM-2.yaml", Pos: finding.Position{Line: 3, Col: 1},
			Rule: "INV-001", Severity: finding.Warning,
			Message: "Catégorie « santé » répétée.", EntryID: "COM-2",
		},
		{
			Path: "communications/COM-2.yaml", Pos: finding.Position{Line: 7, Col: 1},
			Rule: "INV-001", Severity: finding.Warning,
			Message: "Catégorie « santé » répétée.", EntryID: "COM-2",
		},
		{
			Path: "inventaire/RP-01.yaml", Pos: finding.Position{Line: 2, Col: 1},
			Rule: "COM-020", Severity: finding.Error,
			Message: "Aucun appui légal pour la communication à l’extérieur du Québec.",
			EntryID: "RP-01", KeyPath: "transferts/0",
			Suppressed: true, Justification: "Transfert approuvé par la DPO, 2025-01-10",
		},
		{
			Path: "inventaire/RP-01.yaml", Pos: finding.Position{Line: 12, Col: 5},
			Rule: "YAML-001", Severity: finding.Error,
			Message: "Clé « finalite » inconnue ; vouliez-vous dire « finalites » ?",
		},
		{
			Path: "registre.yaml", Pos: finding.Position{Line: 1, Col: 1},
			Rule: "SUP-001", Severity: finding.Warning,
			Message: "L’élément « ignorer » de INV-001 n’a rien ignoré.",
			Law:     "A-2.1, art. 3.2",
		},
	}
	finding.Sort(fs)
	return Report{
		Tool:    "registre",
		Version: "0.4.0",
		Root:    ".",
		Rules: []RuleInfo{
			{
				ID: "COM-020", Title: "Communication sans appui légal",
				Text: "Toute communication de renseignements personnels sans consentement doit reposer sur une disposition de la loi.",
				Law:  "A-2.1, art. 70.1", Severity: finding.Error,
				HelpURI: "https://registre-qc.github.io/regles/COM-020",
			},
			{
				ID: "INV-001", Title: "Catégorie de renseignements invalide",
				Text: "Chaque catégorie doit être nommée une seule fois et exister dans la liste des catégories.",
				Law:  "A-2.1, art. 76", Severity: finding.Warning,
			},
			{
				ID: "PUB-003", Title: "Entrée non publiée",
				Text:     "Signale les entrées exclues de la publication, pour relecture.",
				Severity: finding.Info,
			},
			{
				ID: "SUP-001", Title: "Exception inutile",
				Severity: finding.Warning,
			},
		},
		Findings:  fs,
		FailLevel: finding.Error,
		Files:     42,
	}
}

// render writes r in the named format.
func render(t *testing.T, name string, r Report, o Options) string {
	t.Helper()
	f, ok := Get(name)
	if !ok {
		t.Fatalf("Get(%q): format inconnu", name)
	}
	var b bytes.Buffer
	if err := f.Write(&b, r, o); err != nil {
		t.Fatalf("%s: Write: %v", name, err)
	}
	return b.String()
}

// golden compares got with testdata/file, or rewrites it with -update.
func golden(t *testing.T, file, got string) {
	t.Helper()
	path := filepath.Join("testdata", file)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/format -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output (run go test ./pkg/format -update and review the diff)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		file, format string
		opts         Options
	}{
		{"text.golden", "text", Options{}},
		{"text-color.golden", "text", Options{Color: true}},
		{"text-suppressed.golden", "text", Options{ShowSuppressed: true}},
		{"json.golden", "json", Options{}},
		{"sarif.golden", "sarif", Options{}},
		{"github.golden", "github", Options{}},
		{"gitlab.golden", "gitlab", Options{}},
		{"junit.golden", "junit", Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			golden(t, tt.file, render(t, tt.format, fixtureReport(), tt.opts))
		})
	}
	t.Run("github-summary.golden", func(t *testing.T) {
		var summary bytes.Buffer
		render(t, "github", fixtureReport(), Options{StepSummary: &summary})
		golden(t, "github-summary.golden", summary.String())
	})
}

// TestDeterministic writes every format twice, from two separately built
// reports, and wants the same bytes.
func TestDeterministic(t *testing.T) {
	for _, name := range Names() {
		a := render(t, name, fixtureReport(), Options{ShowSuppressed: true})
		b := render(t, name, fixtureReport(), Options{ShowSuppressed: true})
		if a != b {
			t.Errorf("%s: two writes of the same report differ", name)
		}
	}
}

func TestNamesAndGet(t *testing.T) {
	want := []string{"text", "json", "sarif", "github", "gitlab", "junit"}
	if got := Names(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("Names() = %v, want %v", got, want)
	}
	for _, n := range want {
		f, ok := Get(n)
		if !ok || f.Name() != n {
			t.Errorf("Get(%q) = %v, %v", n, f, ok)
		}
	}
	if _, ok := Get("xml"); ok {
		t.Error(`Get("xml") found a format`)
	}
	if Names()[0] != Default {
		t.Errorf("the default format %q should come first", Default)
	}
}

func TestParseSpec(t *testing.T) {
	tests := []struct {
		in      string
		want    Spec
		wantErr string
	}{
		{in: "sarif", want: Spec{Name: "sarif"}},
		{in: "sarif=lint.sarif", want: Spec{Name: "sarif", Path: "lint.sarif"}},
		{in: "SARIF=out/lint.sarif", want: Spec{Name: "sarif", Path: "out/lint.sarif"}},
		{in: "junit=rapport=1.xml", want: Spec{Name: "junit", Path: "rapport=1.xml"}},
		{in: "json=-", want: Spec{Name: "json"}},
		{in: " text ", want: Spec{Name: "text"}},
		{in: "xml", wantErr: `format inconnu : "xml" (formats valides : text, json, sarif, github, gitlab, junit)`},
		{in: "sarf=a.sarif", wantErr: `format inconnu : "sarf" ; vouliez-vous dire sarif ? (formats valides : text, json, sarif, github, gitlab, junit)`},
		{in: "xml=a.xml", wantErr: `format inconnu : "xml"`},
		{in: "", wantErr: "format manquant"},
		{in: "=a.json", wantErr: "format manquant"},
		{in: "json=", wantErr: "chemin de fichier manquant"},
	}
	for _, tt := range tests {
		got, err := ParseSpec(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseSpec(%q) error = %v, want it to contain %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseSpec(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	f := func(s finding.Severity, suppressed bool) finding.Finding {
		return finding.Finding{Path: "a.yaml", Rule: "X-1", Severity: s, Suppressed: suppressed}
	}
	rep := func(files int, fs ...finding.Finding) Report { return Report{Files: files, Findings: fs} }
	e, w, i, s := f(finding.Error, false), f(finding.Warning, false), f(finding.Info, false), f(finding.Error, true)
	tests := []struct {
		r    Report
		want string
	}{
		{rep(42), "Aucun problème trouvé dans 42 fichiers."},
		{rep(1), "Aucun problème trouvé dans 1 fichier."},
		{rep(0), "Aucun problème trouvé dans 0 fichier."},
		{rep(42, s), "Aucun problème trouvé dans 42 fichiers (1 ignorée)."},
		{rep(42, s, s), "Aucun problème trouvé dans 42 fichiers (2 ignorées)."},
		{rep(1, e), "1 erreur dans 1 fichier."},
		{rep(2, e, e, e, w, i, i), "3 erreurs, 1 avertissement, 2 infos dans 2 fichiers."},
		{rep(42, w, w, i, s, s, s), "2 avertissements, 1 info dans 42 fichiers (3 ignorées)."},
	}
	for _, tt := range tests {
		if got := Summary(tt.r); got != tt.want {
			t.Errorf("Summary = %q, want %q", got, tt.want)
		}
	}
}

func TestDisplayPath(t *testing.T) {
	tests := []struct{ root, p, want string }{
		{".", "a/b.yaml", "a/b.yaml"},
		{"", "a/b.yaml", "a/b.yaml"},
		{"registres", "a/b.yaml", "registres/a/b.yaml"},
		{"./registres/", "a/b.yaml", "registres/a/b.yaml"},
		{`..\registres`, "a/b.yaml", "../registres/a/b.yaml"},
		{"/srv/registres", "a/b.yaml", "a/b.yaml"},
		{"C:/registres", "a/b.yaml", "a/b.yaml"},
		{"registres", "", ""},
	}
	for _, tt := range tests {
		if got := displayPath(tt.root, tt.p); got != tt.want {
			t.Errorf("displayPath(%q, %q) = %q, want %q", tt.root, tt.p, got, tt.want)
		}
	}
}

// TestEmptyReport checks every format on a report without findings or
// rules, with zero values everywhere.
func TestEmptyReport(t *testing.T) {
	for _, name := range Names() {
		var summary bytes.Buffer
		out := render(t, name, Report{}, Options{StepSummary: &summary})
		if out == "" {
			t.Errorf("%s: no output for an empty report", name)
		}
		if !strings.HasSuffix(out, "\n") {
			t.Errorf("%s: output does not end with a line break", name)
		}
	}
}

type failingWriter struct{ n int }

var errDiskFull = errors.New("disque plein")

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n <= 0 {
		return 0, errDiskFull
	}
	w.n--
	return len(p), nil
}

// TestWriteErrors checks that every format reports a failing writer,
// whether it fails on the first write or a later one.
func TestWriteErrors(t *testing.T) {
	// Formats that write one document fail on their first write; the others
	// are also made to fail half-way.
	later := map[string][]int{"text": {1, 3}, "github": {1, 3, 12}, "junit": {1, 2}}
	for _, name := range Names() {
		f, _ := Get(name)
		for _, n := range append([]int{0}, later[name]...) {
			if err := f.Write(&failingWriter{n: n}, fixtureReport(), Options{}); !errors.Is(err, errDiskFull) {
				t.Errorf("%s, failing after %d writes: error = %v, want %v", name, n, err, errDiskFull)
			}
		}
	}
	if err := (githubFormat{}).Write(&bytes.Buffer{}, fixtureReport(), Options{StepSummary: &failingWriter{}}); !errors.Is(err, errDiskFull) {
		t.Errorf("github step summary: error = %v, want %v", err, errDiskFull)
	}
}
