package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	uti := []*model.Kind{model.Utilisations}
	register(&Rule{ID: "UTI-005", Kinds: uti, Sector: PublicOnly, Entry: uti005, Doc: Doc{
		Title: "Fins compatibles sans justification du lien pertinent et direct", Law: "A-2.1, art. 65.1, al. 3", Severity: W, Confidence: "M",
		Text: "Pour qu'une fin soit compatible (65.1, al. 2, par. 1°), il doit y avoir un lien pertinent et direct avec les fins pour lesquelles les renseignements ont été recueillis. Documentez ce lien avec la clé justification_compatibilite (elle n'est pas publiée).",
		Bad:  utiExample + "appui_legal: [Article 65.1 (1) de la Loi sur l'accès]\n",
		Good: utiExample + "appui_legal: [Article 65.1 (1) de la Loi sur l'accès]\njustification_compatibilite: Le sondage porte sur le service pour lequel l'adresse a été recueillie.\n"}})
}

func uti005(p *Pass, e *model.Entry) {
	if b := utiBasisOf(p, e); b.pars[1] && e.Str("justification_compatibilite") == "" {
		p.Report(e, b.at(), "fins compatibles (art. 65.1, al. 2, par. 1°) sans justification du lien pertinent et direct avec les fins de la collecte (clé justification_compatibilite ; art. 65.1, al. 3)")
	}
}
