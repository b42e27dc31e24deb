package format

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/registre-qc/registre/pkg/finding"
)

// textFormat prints one line per finding and a French summary:
//
//	communications/COM-1.yaml:4:3: erreur COM-020 message [A-2.1, art. 70.1]
//	3 erreurs, 1 avertissement dans 42 fichiers.
//
// Suppressed findings appear only with Options.ShowSuppressed, followed by
// « (ignorée : raison) ». Line breaks and other control characters in a
// message are shown as escapes (\n, \x1b…) so that each finding stays on one
// line and nothing in a register can drive the terminal.
type textFormat struct{}

func (textFormat) Name() string { return "text" }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
)

func (textFormat) Write(w io.Writer, r Report, o Options) error {
	ew := &errWriter{w: w}
	idx := ruleIndex(r.Rules)
	for _, f := range r.Findings {
		if f.Suppressed && !o.ShowSuppressed {
			continue
		}
		ew.print(textLine(r, f, idx, o.Color), "\n")
	}
	ew.print(Summary(r), "\n")
	return ew.err
}

// textLine renders one finding without its line break.
func textLine(r Report, f finding.Finding, idx map[string]int, color bool) string {
	var b strings.Builder
	if loc := displayLocation(r.Root, f); loc != "" {
		loc = oneLine(loc)
		if startsCommand(loc) {
			loc = "./" + loc // the same file, and no workflow command
		}
		b.WriteString(loc)
		b.WriteString(": ")
	}
	sev, rule := f.Severity.French(), oneLine(f.Rule)
	if color {
		sev = severityColor(f.Severity) + sev + ansiReset
		rule = ansiBold + rule + ansiReset
	}
	b.WriteString(sev)
	b.WriteString(" ")
	b.WriteString(rule)
	if f.Message != "" {
		b.WriteString(" ")
		b.WriteString(oneLine(f.Message))
	}
	if law := lawOf(f, r.Rules, idx); law != "" {
		b.WriteString(" [" + oneLine(law) + "]")
	}
	if f.Suppressed {
		if f.Justification != "" {
			b.WriteString(" (ignorée : " + oneLine(f.Justification) + ")")
		} else {
			b.WriteString(" (ignorée)")
		}
	}
	return GuardLine(b.String())
}

// GuardLine keeps a line that may start with user data (a file name, a YAML
// key) from being read as a GitHub Actions workflow command: the runner
// executes any log line that starts with "::" once leading white space is
// trimmed (::error, ::add-mask::, ::stop-commands::…). Such a line gets a
// backslash before its "::". Every line-oriented output of registre (text,
// the plain lines of github, diff) goes through it.
func GuardLine(line string) string {
	if !startsCommand(line) {
		return line
	}
	t := strings.TrimLeftFunc(line, unicode.IsSpace)
	i := len(line) - len(t)
	return line[:i] + `\` + t
}

func startsCommand(s string) bool {
	return strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), "::")
}

// OneLine is oneLine for other packages: control characters (terminal escape
// sequences included) and line breaks shown as escapes.
func OneLine(s string) string { return oneLine(s) }

func severityColor(s finding.Severity) string {
	switch s {
	case finding.Error:
		return ansiRed
	case finding.Warning:
		return ansiYellow
	case finding.Info:
		return ansiBlue
	}
	return ""
}

// oneLine escapes line breaks and other control characters (C0, DEL, C1,
// the Unicode line and paragraph separators and the bidirectional
// overrides) so that s prints on one line as written and cannot send
// terminal escape sequences. Tabs are kept.
func oneLine(s string) string {
	if strings.IndexFunc(s, needsEscape) < 0 {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case needsEscape(c) && c < 0x100:
			fmt.Fprintf(&b, `\x%02x`, c)
		case needsEscape(c):
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

func needsEscape(c rune) bool {
	if c == '\t' {
		return false
	}
	switch {
	case unicode.IsControl(c), c == '\u2028', c == '\u2029':
		return true
	case c >= '\u202a' && c <= '\u202e', c >= '\u2066' && c <= '\u2069':
		return true // bidirectional overrides could reorder what is shown
	}
	return false
}
