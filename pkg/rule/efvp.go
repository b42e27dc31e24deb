package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Helpers of the rules of privacy impact assessments (efvp_*.go). Missing
// references are REF-001; an en_cours conclusion on a used EFVP is COM-009.

// efvpHas reports whether list holds v.
func efvpHas(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// efvpReport reports at the rule's severity, or as a warning while the assessment is en_cours.
func efvpReport(p *Pass, e *model.Entry, key, format string, args ...any) {
	if e.Str("conclusion") == "en_cours" {
		p.ReportSev(finding.Warning, e, key, format+" — évaluation en cours, à compléter", args...)
		return
	}
	p.Report(e, key, format, args...)
}

// efvpKey is key when present, else declencheurs (where the obligation comes from).
func efvpKey(e *model.Entry, key string) string {
	if e.Has(key) {
		return key
	}
	return "declencheurs"
}

// efvpFactors are the four factors of 70.1 al. 1 (EFVP-002, and efvpAssesses701).
var efvpFactors = []struct{ key, french string }{
	{"sensibilite", "sensibilité des renseignements (par. 1°)"},
	{"finalites", "finalités de leur utilisation (par. 2°)"},
	{"mesures_protection", "mesures de protection, y compris contractuelles (par. 3°)"},
	{"regime_juridique", "régime juridique de l'État de destination (par. 4°)"},
}

// efvpCriterion reports whether criteres/key is set to true.
func efvpCriterion(e *model.Entry, key string) bool {
	b, _ := e.Map("criteres")[key].(bool)
	return b
}
