package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-011", Kinds: com, Sector: PublicOnly, Entry: com011, Doc: Doc{
		Title: "Communication à des fins de recherche (67.2.1) sans EFVP ou sans entente", Law: "A-2.1, art. 67.2.1 à 67.2.3", Severity: E, Confidence: "M",
		Text: "Une communication sans consentement à des fins d'étude, de recherche ou de production de statistiques exige une EFVP (qui conclut notamment que l'objectif ne peut être atteint que si les renseignements permettent d'identifier les personnes) et une entente écrite conclue avant la communication. Si l'appui légal nomme l'entente (« Entente administrative … (2006) », « Lettre d'entente … »), elle n'est pas manquante : ENT-007 demande alors de la lier pour que ses dates puissent être vérifiées.",
		Bad:  "appui_legal: [Article 67.2.1 de la Loi sur l'accès]\nefvp: EFVP-0003\n", Good: "appui_legal: [Article 67.2.1 de la Loi sur l'accès]\nefvp: EFVP-0003\nentente: ENT-0004\n"}})
}

func com011(p *Pass, e *model.Entry) {
	if !cites(p.Citations(e), lai, "67.2.1") {
		return
	}
	if miss := missingAssessmentOf(p, e); len(miss) > 0 {
		p.Report(e, "appui_legal", "communication à des fins de recherche (art. 67.2.1) sans %s", strings.Join(miss, " ni "))
	}
}
