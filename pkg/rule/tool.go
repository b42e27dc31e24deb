package rule

import "github.com/registre-qc/registre/pkg/finding"

// The tool's own rules: reported by the loader (YAML, REF), the schema
// validation (SCH) and the suppression engine (SUP). They carry docs
// (yaml_docs.go, ref_docs.go, sch_schema.go, sup_docs.go) so that `registre
// explain`, `registre rules` and SARIF describe them too.

// docRule declares a rule that another package reports, at severity sev.
func docRule(id string, sev finding.Severity, title, text, bad, good string) *Rule {
	return &Rule{ID: id, Doc: Doc{Title: title, Text: text, Severity: sev, Confidence: "H", Bad: bad, Good: good}}
}

// fixedRule declares an integrity rule (YAML, REF) that another package
// reports: an error that cannot be turned off or suppressed.
func fixedRule(id, title, text, bad, good string) *Rule {
	return &Rule{ID: id, Fixed: true, Doc: Doc{Title: title, Text: text, Severity: finding.Error, Confidence: "H", Bad: bad, Good: good}}
}
