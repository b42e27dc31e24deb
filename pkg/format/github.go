package format

import (
	"io"
	"strconv"
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
)

// githubFormat writes GitHub Actions workflow commands:
//
//	::error file=communications/COM-1.yaml,line=4,col=3,title=COM-020::message [A-2.1, art. 70.1]
//
// (::warning for warnings, ::notice for infos). GitHub shows at most 10
// annotations of each kind per step and drops the rest silently, so only the
// first 10 of each kind are annotated; the others follow in plain lines after
// « … N constats supplémentaires non annotés (limite de GitHub) ». Then the
// full list, in the text format, folded in a log group, and the summary.
// Suppressed findings are left out. With Options.StepSummary, a Markdown
// summary is written there too.
type githubFormat struct{}

func (githubFormat) Name() string { return "github" }

// githubAnnotationLimit is how many annotations of each kind (error, warning,
// notice) GitHub shows for one step.
const githubAnnotationLimit = 10

// githubSummaryRows caps the findings table of the step summary, which
// GitHub limits to 1 MiB.
const githubSummaryRows = 100

func (githubFormat) Write(w io.Writer, r Report, o Options) error {
	ew := &errWriter{w: w}
	idx := ruleIndex(r.Rules)
	shown := unsuppressed(r.Findings)

	annotated := map[string]int{}
	var rest []finding.Finding
	for _, f := range shown {
		cmd := githubCommand(f.Severity)
		if annotated[cmd] >= githubAnnotationLimit {
			rest = append(rest, f)
			continue
		}
		annotated[cmd]++
		ew.print(githubAnnotation(r, f, idx), "\n")
	}
	if len(rest) > 0 {
		ew.printf("… %s (limite de GitHub)\n",
			plural(len(rest), "constat supplémentaire non annoté", "constats supplémentaires non annotés"))
		for _, f := range rest {
			ew.print(textLine(r, f, idx, false), "\n")
		}
	}
	if len(shown) > 0 {
		ew.printf("::group::Liste complète (%s)\n", plural(len(shown), "constat", "constats"))
		for _, f := range shown {
			ew.print(textLine(r, f, idx, false), "\n")
		}
		ew.print("::endgroup::\n")
	}
	ew.print(Summary(r), "\n")
	if ew.err != nil {
		return ew.err
	}
	if o.StepSummary != nil {
		return writeStepSummary(o.StepSummary, r, shown)
	}
	return nil
}

func githubCommand(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "notice"
}

// githubAnnotation renders one workflow command, without its line break.
func githubAnnotation(r Report, f finding.Finding, idx map[string]int) string {
	var props []string
	if p := repoPath(r, f.Path); p != "" {
		props = append(props, "file="+escapeProperty(p))
		if f.Pos.Line > 0 {
			props = append(props, "line="+strconv.Itoa(f.Pos.Line))
			if f.Pos.Col > 0 {
				props = append(props, "col="+strconv.Itoa(f.Pos.Col))
			}
		}
	}
	props = append(props, "title="+escapeProperty(f.Rule))
	msg := f.Message
	if law := lawOf(f, r.Rules, idx); law != "" {
		msg += " [" + law + "]"
	}
	return "::" + githubCommand(f.Severity) + " " + strings.Join(props, ",") + "::" + escapeData(msg)
}

// escapeData escapes a workflow command's message as actions/toolkit does
// (%, CR and LF), and shows other control characters as escapes (\x1b…) so
// that nothing in a register can drive the log's terminal colours.
func escapeData(s string) string {
	return dataEscaper.Replace(escapeControls(s))
}

// escapeProperty escapes a workflow command's property value as
// actions/toolkit does, control characters as in escapeData.
func escapeProperty(s string) string {
	return propertyEscaper.Replace(escapeControls(s))
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeControls applies oneLine to each line of s, keeping the line breaks
// (the workflow command escapes them as %0A).
func escapeControls(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		cr := strings.HasSuffix(l, "\r")
		l = oneLine(strings.TrimSuffix(l, "\r"))
		if cr {
			l += "\r"
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// writeStepSummary writes the Markdown shown on the workflow run's page.
func writeStepSummary(w io.Writer, r Report, shown []finding.Finding) error {
	ew := &errWriter{w: w}
	c := finding.Count(r.Findings)
	ew.print("## Registre : résultats de la vérification\n\n")
	ew.print(mdEscape(Summary(r)), "\n\n")
	ew.print("| Constats | Nombre |\n| --- | ---: |\n")
	ew.printf("| Erreurs | %d |\n", c.Errors)
	ew.printf("| Avertissements | %d |\n", c.Warnings)
	ew.printf("| Infos | %d |\n", c.Infos)
	ew.printf("| Ignorées | %d |\n", c.Suppressed)
	ew.printf("| Fichiers vérifiés | %d |\n", r.Files)
	if len(shown) > 0 {
		ew.print("\n| Emplacement | Règle | Sévérité | Message |\n| --- | --- | --- | --- |\n")
		for i, f := range shown {
			if i == githubSummaryRows {
				break
			}
			loc := repoPath(r, f.Path)
			if f.Pos.Line > 0 {
				loc += ":" + strconv.Itoa(f.Pos.Line)
			}
			ew.printf("| %s | %s | %s | %s |\n", mdEscape(loc), mdEscape(f.Rule), f.Severity.French(), mdEscape(f.Message))
		}
		if n := len(shown) - githubSummaryRows; n > 0 {
			ew.printf("\n… et %s : voir le journal de l’étape.\n", plural(n, "autre constat", "autres constats"))
		}
	}
	return ew.err
}

// mdEscape makes s safe in a Markdown table cell: Markdown punctuation is
// backslash-escaped, HTML characters become entities, line breaks become
// <br> and other control characters are shown as escapes.
func mdEscape(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		var b strings.Builder
		for _, c := range oneLine(l) {
			switch c {
			case '&':
				b.WriteString("&amp;")
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '\\', '`', '*', '_', '[', ']', '|', '~', '$', '#', '!':
				b.WriteByte('\\')
				b.WriteRune(c)
			default:
				b.WriteRune(c)
			}
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "<br>")
}
