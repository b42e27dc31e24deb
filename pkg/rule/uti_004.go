package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	I := finding.Info
	uti := []*model.Kind{model.Utilisations}
	register(&Rule{ID: "UTI-004", Kinds: uti, Sector: PublicOnly, Entry: uti004, Doc: Doc{
		Title: "Utilisation dépersonnalisée à des fins de recherche : inscription non requise", Law: "A-2.1, art. 65.1, al. 2, par. 4° et al. 4", Severity: I, Confidence: "H",
		Text: "Seules les utilisations des paragraphes 1° à 3° du deuxième alinéa de l'article 65.1 doivent être inscrites au registre. Une utilisation nécessaire à des fins d'étude, de recherche ou de production de statistiques, avec des renseignements dépersonnalisés (4°), n'a pas à l'être : son inscription est acceptée à titre volontaire.",
		Bad:  utiExample + "appui_legal: [Article 65.1 (4) de la Loi sur l'accès]\n", Good: "(aucune inscription, ou l'inscription conservée volontairement)"}})
}

func uti004(p *Pass, e *model.Entry) {
	if b := utiBasisOf(p, e); b.pars[4] {
		p.Report(e, b.at(), "utilisation à des fins d'étude, de recherche ou de statistique avec des renseignements dépersonnalisés (art. 65.1, al. 2, par. 4°) : elle n'a pas à être inscrite (art. 65.1, al. 4) ; inscription acceptée à titre volontaire")
	}
}
