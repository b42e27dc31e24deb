package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "PRV-010", Cross: true, Kinds: com, Sector: PrivateOnly, Entry: prv010, Doc: Doc{
		Title: "Entreprise : EFVP postérieure à la première communication de recherche", Law: "P-39.1, art. 21", Severity: finding.Warning, Confidence: "M",
		Text: "L'entreprise ne peut communiquer des renseignements personnels sans consentement à des fins d'étude, de recherche ou de production de statistiques que si une évaluation des facteurs relatifs à la vie privée, faite au préalable, conclut notamment que l'objectif ne peut être atteint que sous une forme permettant d'identifier les personnes. " +
			"La date de l'EFVP liée (clé efvp) ne peut pas suivre la première communication (clé debut). Une communication commencée avant le 2022-09-22 n'est pas visée. Point non vérifié : le texte de l'article 21 n'est pas reproduit dans l'analyse juridique du projet [U] ; la Commission décrit la même démarche que dans le secteur public. La règle est donc un avertissement, alors que COM-027, fondée sur l'article 67.2.1 de la Loi sur l'accès confirmé par une source gouvernementale, est une erreur.",
		Bad:  "appui_legal: [Article 21 de la Loi sur le privé]\nefvp: EFVP-0002   # date: 2025-05-01\ndebut: 2025-03-01\n",
		Good: "appui_legal: [Article 21 de la Loi sur le privé]\nefvp: EFVP-0002   # date: 2025-01-15\ndebut: 2025-03-01\n"}})
}

func prv010(p *Pass, e *model.Entry) {
	if cites(p.Citations(e), lprp, "21", "21.0.1", "21.0.2") {
		reportEFVPAfter(p, e, "debut", loi25Phase2, "la première communication à des fins de recherche", "Loi sur le privé, art. 21")
	}
}
