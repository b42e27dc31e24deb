package format

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/finding"
)

// junitRead is an independent reading of JUnit XML, as a CI server would
// parse it.
type junitRead struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			ClassName string `xml:"classname,attr"`
			Failure   *struct {
				Type    string `xml:"type,attr"`
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, out string) junitRead {
	t.Helper()
	if !strings.HasPrefix(out, `<?xml version="1.0" encoding="UTF-8"?>`+"\n<testsuites ") {
		t.Errorf("missing XML header or testsuites root:\n%s", out)
	}
	var doc junitRead
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	if len(doc.Suites) != 1 {
		t.Fatalf("%d test suites, want 1", len(doc.Suites))
	}
	s := doc.Suites[0]
	var failures, skipped int
	for _, c := range s.Cases {
		if c.Failure != nil {
			failures++
		}
		if c.Skipped != nil {
			skipped++
		}
		if c.Name == "" || c.ClassName == "" {
			t.Errorf("test case without name or classname: %+v", c)
		}
	}
	if s.Tests != len(s.Cases) || s.Failures != failures || s.Skipped != skipped || s.Errors != 0 ||
		doc.Tests != s.Tests || doc.Failures != s.Failures {
		t.Errorf("counts do not match the elements: suites %d/%d, suite %d/%d/%d, elements %d/%d/%d",
			doc.Tests, doc.Failures, s.Tests, s.Failures, s.Skipped, len(s.Cases), failures, skipped)
	}
	return doc
}

func TestJUnitParses(t *testing.T) {
	r := fixtureReport()
	doc := parseJUnit(t, render(t, "junit", r, Options{}))
	s := doc.Suites[0]
	if s.Name != "registre lint" || len(s.Cases) != len(r.Findings) {
		t.Fatalf("suite %q with %d cases, want %d", s.Name, len(s.Cases), len(r.Findings))
	}
	for i, f := range r.Findings {
		c := s.Cases[i]
		if f.Suppressed {
			if c.Skipped == nil || c.Skipped.Message != "ignorée : "+f.Justification {
				t.Errorf("case %d: suppressed finding not skipped: %+v", i, c)
			}
			continue
		}
		if f.Severity < r.FailLevel {
			// Below the failure level: a passing case that still says what was found.
			if c.Failure != nil || !strings.HasPrefix(c.SystemOut, f.Location()+": ") || c.ClassName != f.Path {
				t.Errorf("case %d (%s, below the failure level) should pass with the text in system-out: %+v", i, f.Severity, c)
			}
			continue
		}
		if c.Failure == nil || c.Failure.Type != f.Rule || c.Failure.Message != f.Message || c.ClassName != f.Path {
			t.Errorf("case %d does not match %+v: %+v", i, f, c)
			continue
		}
		if !strings.HasPrefix(c.Failure.Text, f.Location()+": ") {
			t.Errorf("case %d: failure text %q lacks the location", i, c.Failure.Text)
		}
	}
	if !strings.Contains(s.Cases[0].Failure.Text, "[A-2.1, art. 70.1]") {
		t.Errorf("failure text lacks the article: %q", s.Cases[0].Failure.Text)
	}
}

func TestJUnitClean(t *testing.T) {
	r := Report{Tool: "registre", Files: 5, Findings: []finding.Finding{
		{Path: "a.yaml", Rule: "X-1", Severity: finding.Error, Message: "m", Suppressed: true},
	}}
	doc := parseJUnit(t, render(t, "junit", r, Options{}))
	if doc.Tests != 2 || doc.Failures != 0 || doc.Suites[0].Skipped != 1 {
		t.Errorf("clean run: tests=%d failures=%d skipped=%d", doc.Tests, doc.Failures, doc.Suites[0].Skipped)
	}
	doc = parseJUnit(t, render(t, "junit", Report{}, Options{}))
	if doc.Tests != 1 || doc.Suites[0].Cases[0].Name != "lint" || doc.Suites[0].Cases[0].ClassName != "registre" {
		t.Errorf("empty report: %+v", doc)
	}
}

func TestJUnitInvalidXMLCharacters(t *testing.T) {
	r := Report{Findings: []finding.Finding{{Path: "a\x01.yaml", Rule: "X-1", Severity: finding.Error, Message: "bip\x07 <&> \"é\"\n"}}}
	doc := parseJUnit(t, render(t, "junit", r, Options{}))
	if got := doc.Suites[0].Cases[0].Failure.Message; got != "bip\uFFFD <&> \"é\"\n" {
		t.Errorf("message = %q", got)
	}
}

// TestJUnitFailLevel: only findings at or above the failure level fail; a
// run with warnings only is green in Jenkins and GitLab.
func TestJUnitFailLevel(t *testing.T) {
	fs := []finding.Finding{
		{Path: "a.yaml", Rule: "W-1", Severity: finding.Warning, Message: "avertissement"},
		{Path: "b.yaml", Rule: "I-1", Severity: finding.Info, Message: "information"},
	}
	doc := parseJUnit(t, render(t, "junit", Report{Tool: "registre", Findings: fs, FailLevel: finding.Error}, Options{}))
	if doc.Failures != 0 || doc.Tests != 3 {
		t.Errorf("warnings only, niveau error: failures=%d tests=%d, want 0 and 3 (2 findings + lint)", doc.Failures, doc.Tests)
	}
	doc = parseJUnit(t, render(t, "junit", Report{Tool: "registre", Findings: fs, FailLevel: finding.Warning}, Options{}))
	if doc.Failures != 1 || doc.Suites[0].Cases[0].Failure == nil || doc.Suites[0].Cases[1].Failure != nil {
		t.Errorf("niveau warning: the warning fails, the info passes: %+v", doc.Suites[0].Cases)
	}
}

// TestJUnitJenkinsSchema validates the output with xmllint against the
// Jenkins xUnit plugin's JUnit schema (testdata/jenkins-junit-10.xsd). It
// skips when xmllint is absent, except under CI=true (.ci/run installs
// libxml2-utils).
func TestJUnitJenkinsSchema(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint absent under CI=true: install libxml2-utils (.ci/run)")
		}
		t.Skip("xmllint absent (paquet libxml2-utils) : validation XSD non faite")
	}
	warnOnly := Report{Tool: "registre", Findings: []finding.Finding{{Path: "a.yaml", Rule: "W-1", Severity: finding.Warning, Message: "m"}}}
	for name, r := range map[string]Report{"fixture": fixtureReport(), "empty": {}, "warnings": warnOnly} {
		file := filepath.Join(t.TempDir(), name+".xml")
		if err := os.WriteFile(file, []byte(render(t, "junit", r, Options{})), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "jenkins-junit-10.xsd"), file).CombinedOutput()
		if err != nil {
			t.Errorf("%s: invalid against the Jenkins JUnit schema: %v\n%s", name, err, out)
		}
	}
}
