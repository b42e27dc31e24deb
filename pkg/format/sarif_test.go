package format

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/registre-qc/registre/pkg/finding"
)

// sarifSchemaFile is the official SARIF 2.1.0 schema; see its NOTICE file.
const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	// A local URL: the schema is never fetched, tests run offline.
	const url = "file:///sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestSARIFSchema(t *testing.T) {
	sch := compileSARIFSchema(t)

	abs := fixtureReport()
	abs.Root = "/srv/registres publics"
	win := fixtureReport()
	win.Root = `C:\registres`
	odd := Report{Tool: "registre", Findings: []finding.Finding{
		{Path: "a:b/c d é.yaml", Pos: finding.Position{Line: 1}, Rule: "X-1", Severity: finding.Off, Message: "sévérité désactivée"},
		{Rule: "X-2", Severity: finding.Info},
	}, Rules: []RuleInfo{{ID: "X-1", Severity: finding.Off}}}

	reports := map[string]Report{"fixture": fixtureReport(), "absolute root": abs, "windows root": win, "empty": {}, "odd": odd}
	for name, r := range reports {
		t.Run(name, func(t *testing.T) {
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(render(t, "sarif", r, Options{})))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("output is not valid SARIF 2.1.0: %v", err)
			}
		})
	}

	// The validator must reject what the schema forbids, or the test proves nothing.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`))
	if sch.Validate(bad) == nil {
		t.Error("schema accepted a driver without a name")
	}
}

func TestSARIFContent(t *testing.T) {
	r := fixtureReport()
	var log sarifLog
	if err := json.Unmarshal([]byte(render(t, "sarif", r, Options{})), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || log.Schema != sarifSchema || len(log.Runs) != 1 {
		t.Fatalf("header: %+v", log)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != len(r.Rules) || len(run.Results) != len(r.Findings) {
		t.Fatalf("%d rules, %d results", len(run.Tool.Driver.Rules), len(run.Results))
	}
	fps := map[string]bool{}
	for i, res := range run.Results {
		f := r.Findings[i]
		if res.RuleIndex != nil && run.Tool.Driver.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleIndex %d points at %s, not %s", i, *res.RuleIndex, run.Tool.Driver.Rules[*res.RuleIndex].ID, res.RuleID)
		}
		if (res.RuleIndex == nil) == (f.Rule != "YAML-001") {
			t.Errorf("result %d (%s): ruleIndex = %v", i, f.Rule, res.RuleIndex)
		}
		fp := res.PartialFingerprints[sarifFingerprint]
		if fp != f.Fingerprint() && (i == 0 || r.Findings[i-1].Fingerprint() != f.Fingerprint()) {
			t.Errorf("result %d: fingerprint %q, want %q", i, fp, f.Fingerprint())
		}
		if fps[fp] {
			t.Errorf("result %d: fingerprint %q used twice", i, fp)
		}
		fps[fp] = true
		if f.Suppressed != (len(res.Suppressions) == 1) {
			t.Errorf("result %d: suppressions %+v for suppressed=%v", i, res.Suppressions, f.Suppressed)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.ArtifactLocation.URI != f.Path {
			t.Errorf("result %d: artifact %+v", i, loc.ArtifactLocation)
		}
		if (loc.Region == nil) != (f.Pos.Line == 0) {
			t.Errorf("result %d: region %+v for position %+v", i, loc.Region, f.Pos)
		}
	}
}

func TestSARIFURIs(t *testing.T) {
	for in, want := range map[string]string{
		"communications/COM-1.yaml": "communications/COM-1.yaml",
		"a b/é#1?.yaml":             "a%20b/%C3%A9%231%3F.yaml",
		"c:d/e:f.yaml":              "c%3Ad/e:f.yaml",
	} {
		if got := relativeURI(in); got != want {
			t.Errorf("relativeURI(%q) = %q, want %q", in, got, want)
		}
	}
	for root, want := range map[string]string{
		"/srv/registres":  "file:///srv/registres/",
		"/srv/registres/": "file:///srv/registres/",
		`C:\registres`:    "file:///C:/registres/",
		"/a b":            "file:///a%20b/",
	} {
		if got := srcRootLocation(root).URI; got != want {
			t.Errorf("srcRootLocation(%q) = %q, want %q", root, got, want)
		}
	}
	if loc := srcRootLocation("registres"); loc.URI != "" || loc.Description == nil {
		t.Errorf("relative root: %+v", loc)
	}
}
