package format

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/registre-qc/registre/pkg/finding"
)

// junitFormat writes JUnit XML as GitLab and Jenkins read it (valid against
// the Jenkins xUnit plugin's junit-10.xsd): a <testsuites> root holding one
// <testsuite name="registre lint">. Each finding is a <testcase>
// (classname = file, name = rule id and location):
//   - at or above the failure level (lint.niveau_echec), a failing case whose
//     <failure> has type = rule id, message = message, and the text line
//     with the article as content;
//   - below it (warnings, infos by default), a passing case whose
//     <system-out> carries the same text, so a green run shows no failed test;
//   - suppressed, a <skipped> case.
//
// A run without failures has one more passing test case, "lint", so that
// readers which reject empty reports accept it. Nothing depends on the
// clock: there are no time or timestamp attributes. The skipped count is
// on <testsuite> only: the XSD does not allow it on <testsuites>.
type junitFormat struct{}

func (junitFormat) Name() string { return "junit" }

type junitTestSuites struct {
	XMLName  xml.Name         `xml:"testsuites"`
	Name     string           `xml:"name,attr"`
	Tests    int              `xml:"tests,attr"`
	Failures int              `xml:"failures,attr"`
	Errors   int              `xml:"errors,attr"`
	Suites   []junitTestSuite `xml:"testsuite"`
}

type junitTestSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitTestCase `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitTestCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// junitSuiteName names the single test suite.
const junitSuiteName = "registre lint"

func (junitFormat) Write(w io.Writer, r Report, _ Options) error {
	doc := buildJUnit(r)
	ew := &errWriter{w: w}
	ew.print(xml.Header)
	if ew.err != nil {
		return ew.err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	ew.print("\n")
	return ew.err
}

func buildJUnit(r Report) junitTestSuites {
	idx := ruleIndex(r.Rules)
	suite := junitTestSuite{
		Name: junitSuiteName,
		Properties: []junitProperty{
			{Name: "outil", Value: toolName(r)},
			{Name: "version", Value: r.Version},
			{Name: "fichiers", Value: strconv.Itoa(r.Files)},
		},
		Cases: []junitTestCase{},
	}
	for _, f := range r.Findings {
		tc := junitTestCase{
			Name:      f.Rule,
			ClassName: displayPath(r.Root, f.Path),
		}
		if loc := displayLocation(r.Root, f); loc != "" {
			tc.Name += " " + loc
		}
		if tc.ClassName == "" {
			tc.ClassName = toolName(r)
		}
		if f.Suppressed {
			msg := "ignorée"
			if f.Justification != "" {
				msg += " : " + f.Justification
			}
			tc.Skipped = &junitSkipped{Message: msg}
			suite.Skipped++
		} else {
			text := textLine(r, f, idx, false)
			if i, ok := idx[f.Rule]; ok && r.Rules[i].Title != "" {
				text += "\nRègle " + f.Rule + " : " + r.Rules[i].Title
			}
			if f.Severity >= failLevel(r) {
				tc.Failure = &junitFailure{Type: f.Rule, Message: f.Message, Text: text}
				suite.Failures++
			} else {
				tc.SystemOut = text // below the failure level: reported, not failed
			}
		}
		suite.Cases = append(suite.Cases, tc)
	}
	if suite.Failures == 0 {
		suite.Cases = append(suite.Cases, junitTestCase{Name: "lint", ClassName: toolName(r)})
	}
	suite.Tests = len(suite.Cases)
	return junitTestSuites{
		Name:     toolName(r),
		Tests:    suite.Tests,
		Failures: suite.Failures,
		Suites:   []junitTestSuite{suite},
	}
}

// failLevel is the report's failure level (Error when unset).
func failLevel(r Report) finding.Severity {
	if r.FailLevel == finding.Off {
		return finding.Error
	}
	return r.FailLevel
}
