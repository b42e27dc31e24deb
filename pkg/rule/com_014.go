package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-014", Kinds: com, Sector: PublicOnly, Entry: com014, Doc: Doc{
		Title: "Communication en vertu de l'art. 68 sans entente écrite", Law: "A-2.1, art. 68, al. 3", Severity: E, Confidence: "H",
		Text: "La communication prévue à l'article 68 s'effectue dans le cadre d'une entente écrite (parties, fins, nature des renseignements, modalités, mesures de sécurité, périodicité, durée). Une entente était déjà exigée avant la Loi 25. Liez-la avec la clé entente. Si l'appui légal nomme l'entente (« Entente administrative … (2006) », « Lettre d'entente … »), elle n'est pas manquante : ENT-007 demande alors de la lier pour que ses dates puissent être vérifiées.",
		Bad:  "appui_legal: [Article 68 de la Loi sur l'accès]\n", Good: "appui_legal: [Article 68 de la Loi sur l'accès]\nentente: ENT-0001\n"}})
}

func com014(p *Pass, e *model.Entry) {
	if cites68(p, e) && agreementOf(p, e).missing() {
		p.Report(e, "appui_legal", "communication en vertu de l'article 68 sans entente écrite (clé entente)")
	}
}
