package rule

import (
	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	uti := []*model.Kind{model.Utilisations}
	register(&Rule{ID: "UTI-002", Kinds: uti, Sector: PublicOnly, Entry: uti002, Doc: Doc{
		Title: "Utilisation nécessaire à l'application d'une loi sans la disposition de cette loi", Law: "A-2.1, art. 65.1, al. 2, par. 3° ; art. 67.3, dernier alinéa (non vérifié)", Severity: W, Confidence: "M",
		Text: "Pour une utilisation nécessaire à l'application d'une loi au Québec (65.1, al. 2, par. 3°), le registre indique la disposition de la loi qui rend l'utilisation nécessaire. Ajoutez-la à l'appui légal, sur sa propre ligne, en nommant la loi (toute autre citation législative que l'article 65.1 est acceptée). Point non vérifié : l'analyse juridique reconstitue la liste des éléments du registre d'une utilisation (dernier alinéa de l'article 67.3) sans en avoir lu le texte officiel [U] ; la règle est donc un avertissement.",
		Bad:  utiExample + "appui_legal: [Article 65.1 (3) de la Loi sur l'accès]\n",
		Good: utiExample + "appui_legal:\n  - Article 65.1 (3) de la Loi sur l'accès\n  - Article 7, alinéa 1, paragraphe 6° de la Loi sur le ministère de l'Immigration, de la Francisation et de l'Intégration\n"}})
}

func uti002(p *Pass, e *model.Entry) {
	b := utiBasisOf(p, e)
	if !b.pars[3] || utiOtherStatute(p.Citations(e)) {
		return
	}
	p.Report(e, b.at(), "utilisation nécessaire à l'application d'une loi (art. 65.1, al. 2, par. 3°) sans la disposition de cette loi qui la rend nécessaire : ajoutez-la à l'appui légal, sur sa propre ligne, en nommant la loi")
}

// utiOtherStatute reports whether the cell cites a statutory provision other than 65.1.
func utiOtherStatute(c citation.Cell) bool {
	for _, l := range c.Lines {
		if l.Kind != citation.Citation && l.Kind != citation.InstrumentOnly {
			continue
		}
		for _, r := range l.Refs {
			switch {
			case r.Jur == citation.Accord:
			case r.Instrument == utiLAI && (r.Article == "65.1" || r.Article == ""):
			case l.Kind == citation.InstrumentOnly && r.Instrument == "":
			default:
				return true
			}
		}
	}
	return false
}
