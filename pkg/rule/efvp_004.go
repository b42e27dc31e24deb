package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	efvp := []*model.Kind{model.EFVP}
	register(&Rule{ID: "EFVP-004", Kinds: efvp, Sector: PublicOnly, Entry: efvp004, Doc: Doc{
		Title: "EFVP de recherche (67.2.1) qui ne conclut pas que l'identification est nécessaire", Law: "A-2.1, art. 67.2.1", Severity: E, Confidence: "M",
		Text: "La communication sans consentement à des fins d'étude, de recherche ou de production de statistiques suppose une EFVP qui conclut notamment que l'objectif ne peut être atteint que si les renseignements sont communiqués sous une forme permettant d'identifier les personnes (criteres.identification_necessaire: true). Si des renseignements dépersonnalisés suffisent, ils doivent être communiqués sous cette forme. Une EFVP en cours reçoit un avertissement.",
		Bad:  efvpExample + "declencheurs: [67.2.1]\n", Good: efvpExample + "declencheurs: [67.2.1]\ncriteres:\n  identification_necessaire: true\n"}})
}

func efvp004(p *Pass, e *model.Entry) {
	if efvpHas(e.Strings("declencheurs"), "67.2.1") && !efvpCriterion(e, "identification_necessaire") {
		efvpReport(p, e, efvpKey(e, "criteres"), "EFVP d'une communication à des fins de recherche (art. 67.2.1) qui ne conclut pas que l'objectif ne peut être atteint qu'avec des renseignements permettant d'identifier les personnes (criteres.identification_necessaire: true)")
	}
}
