package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-026", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com026, Doc: Doc{
		Title: "EFVP postérieure à la première communication de l'art. 68", Law: "A-2.1, art. 68, al. 2", Severity: E, Confidence: "H",
		Text: "La communication de l'article 68 ne peut s'effectuer que si une évaluation des facteurs relatifs à la vie privée conclut que l'identification est nécessaire, que le consentement est déraisonnable à exiger, que l'objectif l'emporte sur l'impact sur la vie privée et que la confidentialité est assurée : l'évaluation précède donc la communication. " +
			"La date de l'EFVP liée (clé efvp) ne peut pas suivre la première communication (clé debut). Une communication commencée avant le 2023-09-22, sous l'ancien régime, n'est pas visée : l'EFVP faite au renouvellement de l'entente peut être postérieure.",
		Bad:  "appui_legal: [Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès]\nefvp: EFVP-0001   # date: 2024-06-01\ndebut: 2024-02-01\n",
		Good: "appui_legal: [Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès]\nefvp: EFVP-0001   # date: 2024-01-10\ndebut: 2024-02-01\n"}})
}

func com026(p *Pass, e *model.Entry) {
	if cites68(p, e) {
		reportEFVPAfter(p, e, "debut", loi25Phase3, "la première communication", "Loi sur l'accès, art. 68, al. 2")
	}
}
