package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-021", Kinds: com, Sector: PublicOnly, Entry: com021, Doc: Doc{
		Title: "Appui légal abrogé depuis la Loi 25 (125, 68.1)", Law: "A-2.1, art. 67.3, al. 1 (depuis le 2022-09-22)", Severity: W, Confidence: "M",
		Text: "Depuis le 2022-09-22, l'autorisation de la Commission de l'ancien article 125 est remplacée par l'article 67.2.1, et l'article 68.1 ne figure plus dans la liste de l'article 67.3. Ces appuis restent acceptés pour les inscriptions antérieures ; pour une communication inscrite ou commencée depuis, citez l'article en vigueur.",
		Bad:  "appui_legal: [Article 125 de la Loi sur l'accès]\ndebut: 2024-01-01\n", Good: "appui_legal: [Article 67.2.1 de la Loi sur l'accès]\ndebut: 2024-01-01\n"}})
}

func com021(p *Pass, e *model.Entry) {
	c := p.Citations(e)
	var legacy []string
	for _, a := range []string{"125", "68.1"} {
		if cites(c, lai, a) {
			legacy = append(legacy, a)
		}
	}
	if len(legacy) == 0 {
		return
	}
	if d := firstDate(e, "debut", "date_inscription"); d >= loi25Phase2 {
		p.Report(e, "appui_legal", "l'article %s n'est plus un appui du registre depuis le 2022-09-22 (Loi 25) ; l'inscription date du %s : citez l'article en vigueur (67.2.1 pour la recherche)", strings.Join(legacy, " et "), d)
	}
}
