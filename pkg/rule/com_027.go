package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-027", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com027, Doc: Doc{
		Title: "EFVP postérieure à la première communication de recherche (67.2.1)", Law: "A-2.1, art. 67.2.1", Severity: E, Confidence: "M",
		Text: "La communication sans consentement à des fins d'étude, de recherche ou de production de statistiques n'est permise que si une évaluation des facteurs relatifs à la vie privée conclut notamment que l'objectif ne peut être atteint que sous une forme permettant d'identifier les personnes : l'évaluation précède la communication. " +
			"La date de l'EFVP liée (clé efvp) ne peut pas suivre la première communication (clé debut). Une communication commencée avant le 2022-09-22, sous l'autorisation de l'ancien article 125, n'est pas visée.",
		Bad:  "appui_legal: [Article 67.2.1 de la Loi sur l'accès]\nefvp: EFVP-0003   # date: 2025-05-01\ndebut: 2025-03-01\n",
		Good: "appui_legal: [Article 67.2.1 de la Loi sur l'accès]\nefvp: EFVP-0003   # date: 2025-01-15\ndebut: 2025-03-01\n"}})
}

func com027(p *Pass, e *model.Entry) {
	if cites(p.Citations(e), lai, "67.2.1") {
		reportEFVPAfter(p, e, "debut", loi25Phase2, "la première communication à des fins de recherche", "Loi sur l'accès, art. 67.2.1")
	}
}
