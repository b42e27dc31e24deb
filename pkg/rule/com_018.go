package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-018", Kinds: com, Sector: PublicOnly, Entry: com018, Doc: Doc{
		Title: "Communication de l'art. 66 sans avis préalable à la Commission", Law: "A-2.1, art. 66, al. 2", Severity: W, Confidence: "M",
		Text: "Lorsqu'il communique des renseignements d'identification pour recueillir des renseignements détenus par une entreprise, l'organisme en informe la Commission au préalable. Indiquez la date de cet avis (clé avis_cai).",
		Bad:  "appui_legal: [Article 66 de la Loi sur l'accès]\n", Good: "appui_legal: [Article 66 de la Loi sur l'accès]\navis_cai: 2024-05-01\n"}})
}

func com018(p *Pass, e *model.Entry) {
	if cites(p.Citations(e), lai, "66") && e.Date("avis_cai") == "" {
		p.Report(e, "appui_legal", "communication en vertu de l'article 66 sans date de l'avis préalable à la Commission (clé avis_cai)")
	}
}
