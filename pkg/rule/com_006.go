package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-006", Kinds: com, Sector: PublicOnly, Entry: com006, Doc: Doc{
		Title: "Communication à l'extérieur du Québec non précisée", Law: "A-2.1, art. 67.3, al. 3, par. 3° ; art. 70.1", Severity: W, Confidence: "M",
		Text: "Le registre indique, le cas échéant, qu'il s'agit d'une communication visée à l'article 70.1 (à l'extérieur du Québec). Écrire hors_quebec: true ou false explicitement évite toute ambiguïté et affiche « Oui » ou « Non » dans le registre publié.",
		Bad:  comExample + "appui_legal: [Article 67 de la Loi sur l'accès]\n", Good: comExample + "appui_legal: [Article 67 de la Loi sur l'accès]\nhors_quebec: false\n"}})
}

func com006(p *Pass, e *model.Entry) {
	if _, set := e.Bool("hors_quebec"); !set && !e.Has("hors_quebec") {
		p.Report(e, "", "hors_quebec n'est pas précisé : indiquez true ou false (communication à l'extérieur du Québec, art. 70.1)")
	}
}
