// Package finding defines the result every stage of registre reports: a rule id,
// a severity, a French message and the exact position in a register file.
// It imports nothing else of registre, so every stage may use it.
package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
)

// Severity orders findings; a higher value is more serious.
type Severity int

const (
	Off Severity = iota
	Info
	Warning
	Error
)

// String returns the stable machine name used in configuration and JSON.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// MarshalText writes the machine name, so JSON carries "error", "warning"…
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText accepts what ParseSeverity accepts.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		return fmt.Errorf("sévérité inconnue : %q (attendu : error, warning, info ou off)", b)
	}
	*s = v
	return nil
}

// French returns the label shown to people.
func (s Severity) French() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "avertissement"
	case Error:
		return "erreur"
	}
	return "désactivée"
}

// ParseSeverity accepts the English machine names and their French equivalents.
func ParseSeverity(s string) (Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "desactivee", "désactivée", "aucune", "none":
		return Off, true
	case "info", "information":
		return Info, true
	case "warning", "warn", "avertissement":
		return Warning, true
	case "error", "erreur":
		return Error, true
	}
	return Off, false
}

// Position is a 1-based line and column in a file. Zero means unknown.
type Position struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Finding is one problem found in a register repository.
type Finding struct {
	Path     string   `json:"path"` // slash-separated, relative to the repository root
	Pos      Position `json:"position"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Law is the article the finding rests on, e.g. «, art. 70.1 », when there is one.
	Law string `json:"law,omitempty"`
	// EntryID is the id of the entry the finding is about, when known.
	EntryID string `json:"entry,omitempty"`
	// KeyPath locates the value inside the entry ("appui_legal/1"), stable across edits above it.
	KeyPath string `json:"key,omitempty"`
	// Suppressed is true when an `ignorer` item silenced the finding; Justification is its reason.
	Suppressed    bool   `json:"suppressed,omitempty"`
	Justification string `json:"justification,omitempty"`
}

// Fingerprint identifies a finding independently of line numbers, so that it
// survives edits elsewhere in the file (used by SARIF and GitLab outputs).
func (f Finding) Fingerprint() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", f.Rule, f.Path, f.KeyPath, f.Message)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Less orders findings by path, position, rule and message.
func Less(a, b Finding) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line < b.Pos.Line
	}
	if a.Pos.Col != b.Pos.Col {
		return a.Pos.Col < b.Pos.Col
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// Sort sorts findings in place in the canonical order.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return Less(fs[i], fs[j]) })
}

// Location renders path:line:col (or less when the position is unknown).
func (f Finding) Location() string {
	switch {
	case f.Pos.Line == 0:
		return f.Path
	case f.Pos.Col == 0:
		return fmt.Sprintf("%s:%d", f.Path, f.Pos.Line)
	}
	return fmt.Sprintf("%s:%d:%d", f.Path, f.Pos.Line, f.Pos.Col)
}

// Counts tallies unsuppressed findings by severity.
type Counts struct{ Errors, Warnings, Infos, Suppressed int }

// Count returns the tallies of fs.
func Count(fs []Finding) Counts {
	var c Counts
	for _, f := range fs {
		if f.Suppressed {
			c.Suppressed++
			continue
		}
		switch f.Severity {
		case Error:
			c.Errors++
		case Warning:
			c.Warnings++
		case Info:
			c.Infos++
		}
	}
	return c
}

// Fails reports whether any unsuppressed finding is at or above level.
func Fails(fs []Finding, level Severity) bool {
	for _, f := range fs {
		if !f.Suppressed && f.Severity != Off && f.Severity >= level {
			return true
		}
	}
	return false
}
