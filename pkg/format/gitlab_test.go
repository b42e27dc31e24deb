package format

import (
	"encoding/json"
	"testing"

	"github.com/registre-qc/registre/pkg/finding"
)

func TestGitLabFingerprintsUnique(t *testing.T) {
	r := fixtureReport()
	var issues []gitlabIssue
	if err := json.Unmarshal([]byte(render(t, "gitlab", r, Options{})), &issues); err != nil {
		t.Fatal(err)
	}
	if want := len(unsuppressed(r.Findings)); len(issues) != want {
		t.Fatalf("%d issues, want %d (suppressed findings excluded)", len(issues), want)
	}
	seen := map[string]bool{}
	collided := false
	for i, is := range issues {
		if seen[is.Fingerprint] {
			t.Errorf("issue %d: fingerprint %s used twice", i, is.Fingerprint)
		}
		seen[is.Fingerprint] = true
		if len(is.Fingerprint) != 32 {
			t.Errorf("issue %d: fingerprint %q is not 32 hex digits", i, is.Fingerprint)
		}
		if is.Location.Lines.Begin < 1 || is.Location.Path == "" || is.CheckName == "" || is.Description == "" {
			t.Errorf("issue %d lacks a required field: %+v", i, is)
		}
		switch is.Severity {
		case "major", "minor", "info":
		default:
			t.Errorf("issue %d: severity %q", i, is.Severity)
		}
	}
	// The fixture holds two findings with the same Fingerprint: the first
	// keeps it, the second gets a new one.
	fps := map[string]int{}
	for _, f := range unsuppressed(r.Findings) {
		fps[f.Fingerprint()]++
		if fps[f.Fingerprint()] > 1 {
			collided = true
		}
	}
	if !collided {
		t.Fatal("the fixture should contain two findings with the same fingerprint")
	}

	// Many collisions, including with a value a rehash could produce.
	seen = map[string]bool{}
	f := finding.Finding{Path: "a.yaml", Rule: "X-1", Message: "m"}
	for range 50 {
		fp := uniqueFingerprint(f.Fingerprint(), seen)
		if len(fp) != 32 {
			t.Fatalf("fingerprint %q", fp)
		}
	}
	if len(seen) != 50 {
		t.Errorf("%d distinct fingerprints for 50 findings", len(seen))
	}
}

func TestGitLabSeverityAndRoot(t *testing.T) {
	r := Report{Root: "registres", Findings: []finding.Finding{
		{Path: "a.yaml", Rule: "E-1", Severity: finding.Error, Message: "e"},
		{Path: "a.yaml", Pos: finding.Position{Line: 5}, Rule: "W-1", Severity: finding.Warning, Message: "w"},
		{Path: "a.yaml", Pos: finding.Position{Line: 6}, Rule: "I-1", Severity: finding.Info, Message: "i"},
	}}
	issues := buildGitLab(r)
	for i, want := range []struct {
		sev  string
		line int
	}{{"major", 1}, {"minor", 5}, {"info", 6}} {
		if issues[i].Severity != want.sev || issues[i].Location.Lines.Begin != want.line || issues[i].Location.Path != "registres/a.yaml" {
			t.Errorf("issue %d = %+v", i, issues[i])
		}
	}
	if got := render(t, "gitlab", Report{}, Options{}); got != "[]\n" {
		t.Errorf("empty report: %q, want []", got)
	}
}
