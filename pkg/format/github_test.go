package format

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/finding"
)

func TestGitHubAnnotationLimit(t *testing.T) {
	var fs []finding.Finding
	add := func(dir string, n int, s finding.Severity) {
		for i := range n {
			fs = append(fs, finding.Finding{
				Path: fmt.Sprintf("%s/E-%02d.yaml", dir, i), Pos: finding.Position{Line: 1, Col: 1},
				Rule: "X-1", Severity: s, Message: "m",
			})
		}
	}
	add("a", 25, finding.Error)
	add("b", 13, finding.Warning)
	add("c", 12, finding.Info)
	add("d", 3, finding.Error)
	fs[len(fs)-1].Suppressed = true
	finding.Sort(fs)
	r := Report{Tool: "registre", Files: 60, Findings: fs}

	var summary bytes.Buffer
	out := render(t, "github", r, Options{StepSummary: &summary})
	count := func(prefix string) int {
		n := 0
		for l := range strings.Lines(out) {
			if strings.HasPrefix(l, prefix) {
				n++
			}
		}
		return n
	}
	if n := count("::error "); n != 10 {
		t.Errorf("%d error annotations, want 10", n)
	}
	if n := count("::warning "); n != 10 {
		t.Errorf("%d warning annotations, want 10", n)
	}
	if n := count("::notice "); n != 10 {
		t.Errorf("%d notice annotations, want 10", n)
	}
	// 27 errors + 13 warnings + 12 infos unsuppressed, 30 annotated.
	if !strings.Contains(out, "\n… 22 constats supplémentaires non annotés (limite de GitHub)\n") {
		t.Errorf("missing overflow line:\n%s", out)
	}
	// Each unannotated finding appears twice: after the overflow line and in
	// the full list; each annotated one once, in the full list.
	for _, f := range unsuppressed(fs) {
		line := textLine(r, f, nil, false) + "\n"
		want := 1
		if !strings.Contains(out, "file="+f.Path+",") {
			want = 2
		}
		if got := strings.Count(out, line); got != want {
			t.Errorf("%q printed %d times, want %d", line, got, want)
		}
	}
	if !strings.Contains(out, "::group::Liste complète (52 constats)\n") || !strings.HasSuffix(out, "::endgroup::\n27 erreurs, 13 avertissements, 12 infos dans 60 fichiers (1 ignorée).\n") {
		t.Errorf("missing full list or summary:\n%s", out)
	}
	if strings.Contains(out, "d/E-02.yaml") {
		t.Error("suppressed finding printed")
	}

	// The overflow line in the singular.
	fs = nil
	add("a", 11, finding.Error)
	r.Findings = fs
	if out := render(t, "github", r, Options{}); !strings.Contains(out, "\n… 1 constat supplémentaire non annoté (limite de GitHub)\n") {
		t.Errorf("singular overflow line missing:\n%s", out)
	}
}

func TestGitHubEscaping(t *testing.T) {
	r := Report{Root: "mes registres", Files: 1, Findings: []finding.Finding{{
		Path: "a,b:c%.yaml", Pos: finding.Position{Line: 3, Col: 4}, Rule: "X:1,2",
		Severity: finding.Warning, Message: "100 % : a, b\r\nc", Law: "A-2.1, art. 4",
	}}}
	got := strings.SplitN(render(t, "github", r, Options{}), "\n", 2)[0]
	want := "::warning file=mes registres/a%2Cb%3Ac%25.yaml,line=3,col=4,title=X%3A1%2C2::100 %25 : a, b%0D%0Ac [A-2.1, art. 4]"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	r.Findings[0].Pos = finding.Position{}
	if got := strings.SplitN(render(t, "github", r, Options{}), "\n", 2)[0]; !strings.HasPrefix(got, "::warning file=mes registres/a%2Cb%3Ac%25.yaml,title=") {
		t.Errorf("no position: got %s", got)
	}
	r.Findings[0].Path = ""
	if got := strings.SplitN(render(t, "github", r, Options{}), "\n", 2)[0]; !strings.HasPrefix(got, "::warning title=") {
		t.Errorf("no file: got %s", got)
	}
}

func TestGitHubStepSummary(t *testing.T) {
	// Without a StepSummary writer nothing else is written; with one, the
	// standard output is unchanged.
	plain := render(t, "github", fixtureReport(), Options{})
	var summary bytes.Buffer
	if with := render(t, "github", fixtureReport(), Options{StepSummary: &summary}); with != plain {
		t.Error("StepSummary changed the standard output")
	}
	s := summary.String()
	if !strings.Contains(s, `\| voir &lt;note&gt; &amp; l’article<br>seconde ligne |`) {
		t.Errorf("message not escaped for a Markdown table:\n%s", s)
	}
	for l := range strings.Lines(s) {
		if strings.HasPrefix(l, "| ") && strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") != 5 && strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") != 3 {
			t.Errorf("table row with a wrong number of cells: %q", l)
		}
	}

	// Capped rows.
	var fs []finding.Finding
	for i := range githubSummaryRows + 7 {
		fs = append(fs, finding.Finding{Path: fmt.Sprintf("f%03d.yaml", i), Pos: finding.Position{Line: 1}, Rule: "X-1", Severity: finding.Info, Message: "m"})
	}
	summary.Reset()
	render(t, "github", Report{Files: len(fs), Findings: fs}, Options{StepSummary: &summary})
	if n := strings.Count(summary.String(), "| info |"); n != githubSummaryRows {
		t.Errorf("%d rows, want %d", n, githubSummaryRows)
	}
	if !strings.Contains(summary.String(), "… et 7 autres constats : voir le journal de l’étape.") {
		t.Errorf("missing cap note:\n%s", summary.String())
	}

	// Clean run: counts, no findings table.
	summary.Reset()
	render(t, "github", Report{Files: 3}, Options{StepSummary: &summary})
	if s := summary.String(); !strings.Contains(s, "Aucun problème trouvé dans 3 fichiers.") || strings.Contains(s, "| Emplacement |") {
		t.Errorf("clean summary:\n%s", s)
	}
}

func TestMarkdownEscape(t *testing.T) {
	for in, want := range map[string]string{
		"a|b":          `a\|b`,
		"<b>x</b> & y": "&lt;b&gt;x&lt;/b&gt; &amp; y",
		"*gras* _it_":  `\*gras\* \_it\_`,
		"l1\r\nl2\nl3": "l1<br>l2<br>l3",
		"esc\x1b[0m":   `esc\\x1b\[0m`,
		"été 50 $":     `été 50 \$`,
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}
