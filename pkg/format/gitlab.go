package format

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/registre-qc/registre/pkg/finding"
)

// gitlabFormat writes a GitLab Code Quality report: a JSON array with one
// issue per unsuppressed finding.
//
//	[
//	  {
//	    "description": "message [A-2.1, art. 70.1]",
//	    "check_name": "COM-020",
//	    "fingerprint": "…",
//	    "severity": "major",
//	    "location": {"path": "communications/COM-1.yaml", "lines": {"begin": 4}}
//	  }
//	]
//
// Severities map error → major, warning → minor, info → info. The fingerprint
// is Finding.Fingerprint, which ignores line numbers so that an issue keeps
// its identity across edits; GitLab needs it unique, so a repeated one is
// rehashed with a counter. A finding without a line is placed on line 1.
type gitlabFormat struct{}

func (gitlabFormat) Name() string { return "gitlab" }

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

func (gitlabFormat) Write(w io.Writer, r Report, _ Options) error {
	return writeJSON(w, buildGitLab(r))
}

func buildGitLab(r Report) []gitlabIssue {
	idx := ruleIndex(r.Rules)
	issues := []gitlabIssue{}
	seen := map[string]bool{}
	for _, f := range unsuppressed(r.Findings) {
		desc := f.Message
		if law := lawOf(f, r.Rules, idx); law != "" {
			desc += " [" + law + "]"
		}
		line := f.Pos.Line
		if line < 1 {
			line = 1
		}
		issues = append(issues, gitlabIssue{
			Description: desc,
			CheckName:   f.Rule,
			Fingerprint: uniqueFingerprint(f.Fingerprint(), seen),
			Severity:    gitlabSeverity(f.Severity),
			Location: gitlabLocation{
				Path:  repoPath(r, f.Path),
				Lines: gitlabLines{Begin: line},
			},
		})
	}
	return issues
}

// uniqueFingerprint returns fp, or when it was already used, a hash of fp and
// the smallest counter giving an unused value. Findings are sorted, so the
// n-th duplicate always gets the same fingerprint.
func uniqueFingerprint(fp string, seen map[string]bool) string {
	out := fp
	for n := 2; seen[out]; n++ {
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", fp, n))
		out = hex.EncodeToString(sum[:16]) // 32 hex digits, like Finding.Fingerprint
	}
	seen[out] = true
	return out
}

func gitlabSeverity(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "major"
	case finding.Warning:
		return "minor"
	}
	return "info"
}
