package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	uti := []*model.Kind{model.Utilisations}
	register(&Rule{ID: "UTI-010", Kinds: uti, Sector: PublicOnly, Entry: uti010, Doc: Doc{
		Title: "Colonne de bonne pratique du registre des utilisations manquante", Law: lawPractice, Severity: W, Confidence: "H",
		Text: "Les registres publiés indiquent, pour chaque utilisation, l'unité qui utilise les renseignements (unite), leur nature (renseignements), les fins pour lesquelles ils ont été recueillis (fins_initiales) et l'utilisation prévue à d'autres fins (utilisation). " +
			"L'article 67.3 ne les énumère pas parmi les éléments du registre d'une utilisation (le paragraphe de l'article 65.1, la disposition de la loi pour le paragraphe 3°, la catégorie de personnes qui ont accès : règles UTI-001 à UTI-003) : ce sont des colonnes de bonne pratique, qui rendent le registre compréhensible et montrent que la nouvelle fin diffère de la fin initiale. Aucun article ne les exige ; la règle est un avertissement.",
		Bad:  "id: UTI-0001\nrenseignements: Adresse courriel\nappui_legal: [Article 65.1 (1) de la Loi sur l'accès]\npersonnes_acces: [Analyste en mesure de la satisfaction]\n",
		Good: utiExample + "appui_legal: [Article 65.1 (1) de la Loi sur l'accès]\n"}})
}

func uti010(p *Pass, e *model.Entry) {
	var miss []string
	at := ""
	for _, c := range utiPractice {
		if e.Str(c.key) == "" {
			miss = append(miss, c.french)
			if at == "" && e.Has(c.key) {
				at = c.key
			}
		}
	}
	if len(miss) > 0 {
		p.Report(e, at, "colonne de bonne pratique vide ou absente : %s ; l'article 67.3 ne l'exige pas, mais le registre publié l'indique pour être compris", strings.Join(miss, ", "))
	}
}

// utiPractice are the use-register columns of good practice (UTI-010).
var utiPractice = []struct{ key, french string }{
	{"unite", "l'unité qui utilise les renseignements (unite)"},
	{"renseignements", "la nature des renseignements (renseignements)"},
	{"fins_initiales", "les fins pour lesquelles ils ont été recueillis (fins_initiales)"},
	{"utilisation", "l'utilisation prévue (utilisation)"},
}
