package format

import (
	"strings"
	"testing"
	"unicode"

	"github.com/registre-qc/registre/pkg/finding"
)

func TestTextColor(t *testing.T) {
	plain := render(t, "text", fixtureReport(), Options{ShowSuppressed: true})
	if strings.Contains(plain, "\x1b") {
		t.Errorf("text without Color contains an escape sequence:\n%q", plain)
	}
	colored := render(t, "text", fixtureReport(), Options{Color: true})
	for _, want := range []string{
		"\x1b[31merreur\x1b[0m \x1b[1mCOM-020\x1b[0m ",
		"\x1b[33mavertissement\x1b[0m \x1b[1mINV-001\x1b[0m ",
		"\x1b[34minfo\x1b[0m \x1b[1mPUB-003\x1b[0m ",
	} {
		if !strings.Contains(colored, want) {
			t.Errorf("coloured text lacks %q:\n%s", want, colored)
		}
	}
	// Colour touches the severity and the rule id only.
	if stripANSI(colored) != render(t, "text", fixtureReport(), Options{}) {
		t.Error("coloured text differs from plain text once escape sequences are removed")
	}
}

func stripANSI(s string) string {
	for _, seq := range []string{ansiReset, ansiBold, ansiRed, ansiYellow, ansiBlue} {
		s = strings.ReplaceAll(s, seq, "")
	}
	return s
}

func TestTextSuppressed(t *testing.T) {
	hidden := render(t, "text", fixtureReport(), Options{})
	if strings.Contains(hidden, "ignorée :") || strings.Contains(hidden, "inventaire/RP-01.yaml:2:1") {
		t.Errorf("suppressed finding shown without ShowSuppressed:\n%s", hidden)
	}
	if !strings.HasSuffix(hidden, "(1 ignorée).\n") {
		t.Errorf("summary does not count the suppressed finding:\n%s", hidden)
	}
	shown := render(t, "text", fixtureReport(), Options{ShowSuppressed: true})
	want := "inventaire/RP-01.yaml:2:1: erreur COM-020 Aucun appui légal pour la communication à l’extérieur du Québec. [A-2.1, art. 70.1] (ignorée : Transfert approuvé par la DPO, 2025-01-10)\n"
	if !strings.Contains(shown, want) {
		t.Errorf("ShowSuppressed output lacks\n%s\ngot:\n%s", want, shown)
	}
	r := Report{Files: 1, Findings: []finding.Finding{{Path: "a.yaml", Rule: "X-1", Severity: finding.Info, Suppressed: true}}}
	if got := render(t, "text", r, Options{ShowSuppressed: true}); !strings.HasPrefix(got, "a.yaml: info X-1 (ignorée)\n") {
		t.Errorf("suppressed finding without reason: got %q", got)
	}
}

func TestTextOneLinePerFinding(t *testing.T) {
	r := Report{Files: 3, Findings: []finding.Finding{
		{Path: "a.yaml", Pos: finding.Position{Line: 1, Col: 2}, Rule: "X-1", Severity: finding.Error, Message: "a\nb\r\nc\x1b[2Jd\u202eé\tf"},
		{Pos: finding.Position{Line: 2}, Rule: "X-2", Severity: finding.Warning, Message: "sans fichier"},
		{Path: "registres/b.yaml", Pos: finding.Position{Line: 7}, Rule: "X-3", Severity: finding.Info, Message: "ligne seule"},
	}}
	got := render(t, "text", r, Options{})
	want := "a.yaml:1:2: erreur X-1 a\\nb\\r\\nc\\x1b[2Jd\\u202eé\tf\n" +
		"avertissement X-2 sans fichier\n" +
		"registres/b.yaml:7: info X-3 ligne seule\n" +
		"1 erreur, 1 avertissement, 1 info dans 3 fichiers.\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestTextRoot(t *testing.T) {
	r := fixtureReport()
	r.Root = "registres"
	got := render(t, "text", r, Options{})
	if !strings.HasPrefix(got, "registres/communications/COM-1.yaml:4:3: erreur COM-020 ") {
		t.Errorf("paths are not shown from the working directory:\n%s", got)
	}
}

// FuzzLineStart: whatever the file name, root, rule id and message, no line
// of the text or github output starts (after white space, as the Actions
// runner trims it) with "::" unless it is one of the tool's own workflow
// commands, and no raw control character other than the line break and tab
// reaches the output.
func FuzzLineStart(f *testing.F) {
	for _, s := range [][3]string{
		{"::error title=X::a.yaml", ".", "message"},
		{"communications/::stop-commands::t.yaml", "", "a\n::error::b"},
		{" ::warning::x.yaml", "::add-mask::", "\x1b[31mrouge\r\n%0A::notice::x"},
		{"a\u2028::error::b.yaml", "\u3000::x", "\u0085::error::m"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, path, root, msg string) {
		r := Report{Tool: "registre", Root: root, Files: 1, Findings: []finding.Finding{
			{Path: path, Pos: finding.Position{Line: 1, Col: 1}, Rule: "REF-005", Severity: finding.Error, Message: msg},
			{Path: path, Rule: msg, Severity: finding.Warning, Message: msg},
		}}
		for _, name := range []string{"text", "github"} {
			out := render(t, name, r, Options{})
			for _, line := range strings.Split(out, "\n") {
				trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
				if strings.HasPrefix(trimmed, "::") && !ownCommand(trimmed) {
					t.Fatalf("%s: line starts with a workflow command: %q", name, line)
				}
				if i := strings.IndexFunc(line, func(c rune) bool { return c != '\t' && unicode.IsControl(c) }); i >= 0 {
					t.Fatalf("%s: raw control character in %q", name, line)
				}
			}
		}
	})
}

// ownCommand reports whether a line is one the github format writes itself:
// an annotation whose properties and message are escaped, or a log group.
func ownCommand(line string) bool {
	for _, p := range []string{"::error file=", "::error title=", "::warning file=", "::warning title=", "::notice file=", "::notice title="} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return strings.HasPrefix(line, "::group::Liste complète") || line == "::endgroup::"
}
