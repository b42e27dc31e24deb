package format_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"

	"github.com/registre-qc/registre/pkg/cmd/lint"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/format"
)

// TestSARIFRuleNames: every rule of the real catalogue has a short
// PascalCase name, distinct from its id and from every other rule's name.
func TestSARIFRuleNames(t *testing.T) {
	r := format.Report{Tool: "registre", Rules: lint.RuleInfos(false)}
	f, _ := format.Get("sarif")
	var b bytes.Buffer
	if err := f.Write(&b, r, format.Options{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID, Name string }
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	pascal := regexp.MustCompile(`^[A-Z][A-Za-z0-9]{2,59}$`)
	seen := map[string]string{}
	rules := log.Runs[0].Tool.Driver.Rules
	if len(rules) < 50 {
		t.Fatalf("%d rules: catalogue not read", len(rules))
	}
	for _, ru := range rules {
		if !pascal.MatchString(ru.Name) || ru.Name == ru.ID {
			t.Errorf("%s: name %q is not a short PascalCase name distinct from the id", ru.ID, ru.Name)
		}
		if other, dup := seen[ru.Name]; dup {
			t.Errorf("%s and %s share the name %q", other, ru.ID, ru.Name)
		}
		seen[ru.Name] = ru.ID
	}
}

// TestSARIFPathsFromGitRoot: linting registres/ inside a git work tree
// locates results from the git root, as code scanning resolves them.
func TestSARIFPathsFromGitRoot(t *testing.T) {
	fs := []finding.Finding{{Path: "communications/COM-0001.yaml", Pos: finding.Position{Line: 3, Col: 1}, Rule: "COM-001", Severity: finding.Error, Message: "m"}}
	for _, c := range []struct {
		r    format.Report
		want string
	}{
		{format.Report{Root: "registres", InGit: true, GitPrefix: "registres/", Findings: fs}, "registres/communications/COM-0001.yaml"},
		{format.Report{Root: ".", InGit: true, GitPrefix: "", Findings: fs}, "communications/COM-0001.yaml"},
		{format.Report{Root: "registres", Findings: fs}, "communications/COM-0001.yaml"}, // outside git: from the linted folder
	} {
		f, _ := format.Get("sarif")
		var b bytes.Buffer
		if err := f.Write(&b, c.r, format.Options{}); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				OriginalURIBaseIDs map[string]json.RawMessage `json:"originalUriBaseIds"`
				Results            []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI       string `json:"uri"`
								URIBaseID string `json:"uriBaseId"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(b.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		al := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
		if al.URI != c.want || al.URIBaseID != "%SRCROOT%" {
			t.Errorf("%+v: uri %q base %q, want %q from %%SRCROOT%%", c.r.GitPrefix, al.URI, al.URIBaseID, c.want)
		}
		if _, ok := log.Runs[0].OriginalURIBaseIDs["%SRCROOT%"]; !ok {
			t.Errorf("originalUriBaseIds lacks %%SRCROOT%%")
		}
	}
}
