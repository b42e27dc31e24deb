package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	efvp := []*model.Kind{model.EFVP}
	register(&Rule{ID: "EFVP-003", Kinds: efvp, Sector: PublicOnly, Entry: efvp003, Doc: Doc{
		Title: "EFVP de l'art. 68 sans les quatre conclusions", Law: "A-2.1, art. 68, al. 2", Severity: E, Confidence: "H",
		Text: "La communication de l'article 68 ne peut avoir lieu que si l'EFVP conclut que l'objectif ne peut être atteint que si les renseignements permettent d'identifier les personnes, qu'il est déraisonnable d'exiger leur consentement, que l'objectif l'emporte, eu égard à l'intérêt public, sur l'impact sur la vie privée, et que les renseignements sont utilisés de manière à en assurer la confidentialité. Inscrivez ces conclusions à true sous criteres. Une EFVP en cours reçoit un avertissement.",
		Bad:  efvpExample + "declencheurs: [68]\ncriteres:\n  identification_necessaire: true\n",
		Good: efvpExample + "declencheurs: [68]\ncriteres:\n  identification_necessaire: true\n  consentement_deraisonnable: true\n  interet_public: true\n  confidentialite: true\n"}})
}

func efvp003(p *Pass, e *model.Entry) {
	if !efvpHas(e.Strings("declencheurs"), "68") {
		return
	}
	var miss []string
	for _, c := range efvpCriteria {
		if !efvpCriterion(e, c.key) {
			miss = append(miss, "« "+c.french+" » ("+c.key+")")
		}
	}
	if len(miss) > 0 {
		efvpReport(p, e, efvpKey(e, "criteres"), "EFVP d'une communication de l'article 68 qui ne conclut pas que %s (art. 68, al. 2) : inscrivez ces conclusions à true sous criteres", strings.Join(miss, ", ni que "))
	}
}

var efvpCriteria = []struct{ key, french string }{
	{"identification_necessaire", "l'identification des personnes est nécessaire"},
	{"consentement_deraisonnable", "il est déraisonnable d'exiger le consentement"},
	{"interet_public", "l'objectif l'emporte, eu égard à l'intérêt public, sur l'impact sur la vie privée"},
	{"confidentialite", "la confidentialité est assurée"},
}
