// Package format writes a lint report in the formats registre offers: text
// for people (the default), json for scripts, sarif for code-scanning tools,
// github for GitHub Actions annotations, gitlab for GitLab Code Quality and
// junit for test-report readers (GitLab, Jenkins).
//
// Every format receives the whole report at once, with findings already
// sorted, and writes it to the writer it is given. Output is deterministic:
// no clock, no environment, no map iteration order reaches it. Exit codes are
// not a format's business.
package format

import (
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/suggest"
)

// RuleInfo is what formats need to know about a rule. The rule registry
// fills it from each rule's documentation.
type RuleInfo struct {
	ID    string // "COM-020"
	Title string // short French title
	Text  string // longer French explanation
	Law   string // e.g. "A-2.1, art. 70.1"; may be empty
	// Severity is the rule's default severity.
	Severity finding.Severity
	HelpURI  string // may be empty
}

// Report is everything a format may print.
type Report struct {
	Tool    string // "registre"
	Version string
	// Root is the repository folder as the user gave it. Finding paths are
	// relative to it and slash-separated. Formats read by people (text,
	// junit, github's log) show paths joined to Root when Root is relative,
	// so that they resolve from the working directory; json keeps paths
	// relative to Root and states Root separately; sarif, github annotations
	// and gitlab use GitPrefix when InGit.
	Root string
	// GitPrefix is Root's path inside its git work tree ("registres/"; ""
	// at the top), when InGit. SARIF, GitHub annotations and GitLab Code
	// Quality then locate results from the git root, as the platforms
	// resolve them.
	GitPrefix string
	InGit     bool
	Rules     []RuleInfo        // every rule, sorted by id
	Findings  []finding.Finding // already sorted
	FailLevel finding.Severity
	Files     int // number of files checked
}

// Options tune a format's output. Formats ignore the options that do not
// concern them.
type Options struct {
	// Color lets text use ANSI colours.
	Color bool
	// ShowSuppressed makes text print suppressed findings too.
	ShowSuppressed bool
	// StepSummary, for github, receives a Markdown summary (appended to
	// $GITHUB_STEP_SUMMARY by the caller). Nil writes none.
	StepSummary io.Writer
}

// Format writes a report in one output format.
type Format interface {
	Name() string
	Write(w io.Writer, r Report, o Options) error
}

// formats lists every format in the order Names returns them.
var formats = []Format{
	textFormat{},
	jsonFormat{},
	sarifFormat{},
	githubFormat{},
	gitlabFormat{},
	junitFormat{},
}

// Default is the name of the format used when none is asked for.
const Default = "text"

// Get returns the format called name.
func Get(name string) (Format, bool) {
	for _, f := range formats {
		if f.Name() == name {
			return f, true
		}
	}
	return nil, false
}

// Names returns the names of every format, the default first.
func Names() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name()
	}
	return names
}

// Spec is a parsed --format value: a format name and where to write it.
type Spec struct {
	Name string
	Path string // empty means standard output
}

// ParseSpec parses a --format value: "sarif" writes to standard output,
// "sarif=lint.sarif" to a file, and "sarif=-" to standard output again.
// Format names are case-insensitive.
func ParseSpec(s string) (Spec, error) {
	name, file, hasPath := strings.Cut(s, "=")
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return Spec{}, fmt.Errorf("format manquant dans %q (formats valides : %s)", s, strings.Join(Names(), ", "))
	}
	if _, ok := Get(name); !ok {
		hint := ""
		if sg := suggest.Value(name, Names()); sg != "" {
			hint = " ; vouliez-vous dire " + sg + " ?"
		}
		return Spec{}, fmt.Errorf("format inconnu : %q%s (formats valides : %s)", name, hint, strings.Join(Names(), ", "))
	}
	if hasPath && file == "" {
		return Spec{}, fmt.Errorf("chemin de fichier manquant après « %s= » (ex. : %s=resultats.%s)", name, name, name)
	}
	if file == "-" {
		file = ""
	}
	return Spec{Name: name, Path: file}, nil
}

// toolName returns r.Tool, or "registre" when it is empty.
func toolName(r Report) string {
	if r.Tool == "" {
		return "registre"
	}
	return r.Tool
}

// ruleIndex maps rule ids to their position in r.Rules.
func ruleIndex(rules []RuleInfo) map[string]int {
	m := make(map[string]int, len(rules))
	for i, ri := range rules {
		if _, dup := m[ri.ID]; !dup {
			m[ri.ID] = i
		}
	}
	return m
}

// lawOf returns the article a finding rests on: its own, else its rule's.
func lawOf(f finding.Finding, rules []RuleInfo, idx map[string]int) string {
	if f.Law != "" {
		return f.Law
	}
	if i, ok := idx[f.Rule]; ok {
		return rules[i].Law
	}
	return ""
}

// displayPath returns a finding's path as seen from the working directory:
// joined to root when root is relative, unchanged otherwise.
func displayPath(root, p string) string {
	if p == "" {
		return ""
	}
	root = strings.ReplaceAll(root, `\`, "/")
	if root == "" || root == "." || isAbs(root) {
		return p
	}
	return path.Join(root, p)
}

// repoPath returns a finding's path as a CI platform resolves it: from the
// git work tree's root when the repository is in git (GitHub annotations,
// GitLab Code Quality, like SARIF), else as displayPath. Run from a register
// folder, displayPath would give « ../communications/… », which no platform
// finds.
func repoPath(r Report, p string) string {
	if p == "" || !r.InGit {
		return displayPath(r.Root, p)
	}
	return strings.TrimPrefix(path.Join(path.Clean("/"+r.GitPrefix), p), "/")
}

// isAbs reports whether a slash-separated path is absolute on any platform
// ("/x", "C:/x", "//server/share"), so that output does not depend on the OS.
func isAbs(p string) bool {
	if strings.HasPrefix(p, "/") {
		return true
	}
	return len(p) >= 3 && p[1] == ':' && p[2] == '/' &&
		(p[0] >= 'a' && p[0] <= 'z' || p[0] >= 'A' && p[0] <= 'Z')
}

// displayLocation is Finding.Location with displayPath applied, or "" for a
// finding about no file in particular.
func displayLocation(root string, f finding.Finding) string {
	if f.Path == "" {
		return ""
	}
	f.Path = displayPath(root, f.Path)
	return f.Location()
}

// unsuppressed returns the findings that were not silenced.
func unsuppressed(fs []finding.Finding) []finding.Finding {
	out := make([]finding.Finding, 0, len(fs))
	for _, f := range fs {
		if !f.Suppressed {
			out = append(out, f)
		}
	}
	return out
}

// plural writes n and the noun, singular for 0 and 1 as French does.
func plural(n int, singular, pluralForm string) string {
	if n >= 2 {
		return fmt.Sprintf("%d %s", n, pluralForm)
	}
	return fmt.Sprintf("%d %s", n, singular)
}

// Summary returns the French one-line summary of a report, e.g.
// « 3 erreurs, 1 avertissement, 2 infos dans 42 fichiers (1 ignorée). »
// or « Aucun problème trouvé dans 42 fichiers. ».
func Summary(r Report) string {
	c := finding.Count(r.Findings)
	var parts []string
	if c.Errors > 0 {
		parts = append(parts, plural(c.Errors, "erreur", "erreurs"))
	}
	if c.Warnings > 0 {
		parts = append(parts, plural(c.Warnings, "avertissement", "avertissements"))
	}
	if c.Infos > 0 {
		parts = append(parts, plural(c.Infos, "info", "infos"))
	}
	files := plural(r.Files, "fichier", "fichiers")
	var b strings.Builder
	if len(parts) == 0 {
		b.WriteString("Aucun problème trouvé dans " + files)
	} else {
		b.WriteString(strings.Join(parts, ", ") + " dans " + files)
	}
	if c.Suppressed > 0 {
		b.WriteString(" (" + plural(c.Suppressed, "ignorée", "ignorées") + ")")
	}
	b.WriteString(".")
	return b.String()
}

// errWriter remembers the first write error so that formats can write many
// small pieces and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) print(a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprint(e.w, a...)
	}
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}
