package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	uti := []*model.Kind{model.Utilisations}
	register(&Rule{ID: "UTI-001", Kinds: uti, Sector: PublicOnly, Entry: uti001, Doc: Doc{
		Title: "Utilisation sans l'article 65.1 ou sans son paragraphe", Law: "A-2.1, art. 65.1, al. 2 ; art. 67.3, al. 2", Severity: E, Confidence: "H",
		Text: "Une utilisation de renseignements personnels à d'autres fins sans consentement n'est permise que dans les cas des paragraphes 1° à 4° du deuxième alinéa de l'article 65.1 : fins compatibles (1°), bénéfice manifeste de la personne (2°), application d'une loi au Québec (3°), étude, recherche ou statistique avec des renseignements dépersonnalisés (4°). L'appui légal cite l'article 65.1 avec le paragraphe retenu, p. ex. « Article 65.1 (2) de la Loi sur l'accès ». Un appui légal absent est signalé sous le même identifiant.",
		Bad:  utiExample + "appui_legal: [Article 65.1 de la Loi sur l'accès]\n", Good: utiExample + "appui_legal: [Article 65.1 (2) de la Loi sur l'accès]\n"}})
}

func uti001(p *Pass, e *model.Entry) {
	if len(e.Strings("appui_legal")) == 0 {
		return // missing or empty: reported by the schema under the same id
	}
	if _, ok := consentOnly(p, e, "65.1"); ok {
		return // UTI-009
	}
	b := utiBasisOf(p, e)
	switch {
	case !b.cited:
		p.Report(e, "appui_legal", "l'appui légal ne cite pas l'article 65.1 de la Loi sur l'accès, qui seul permet l'utilisation à d'autres fins sans consentement : indiquez-le avec son paragraphe, p. ex. « Article 65.1 (2) de la Loi sur l'accès »")
	case len(b.bad) > 0:
		p.Report(e, b.at(), "paragraphe %s° de l'article 65.1 inexistant : le deuxième alinéa n'en compte que quatre (1° à 4°)", b.bad[0])
	case len(b.pars) == 0:
		p.Report(e, b.at(), "l'article 65.1 est cité sans son paragraphe : indiquez le cas retenu du deuxième alinéa (1°, 2°, 3° ou 4°), p. ex. « Article 65.1 (2) de la Loi sur l'accès »")
	}
}
