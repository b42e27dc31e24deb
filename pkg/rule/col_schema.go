package rule

import "github.com/registre-qc/registre/pkg/finding"

func init() {
	W := finding.Warning
	register(&Rule{ID: "COL-001", Sector: PublicOnly, Doc: Doc{
		Title: "Élément du registre des ententes de collecte manquant", Law: "A-2.1, art. 67.3 (éléments d'une entente de collecte, non vérifié) ; art. 64, al. 3", Severity: W, Confidence: "M",
		Text: "Une entente de collecte inscrite au registre indique l'organisme pour lequel les renseignements sont recueillis (organisme), le programme ou l'attribution (programme), la nature de la prestation de service ou de la mission (service), la nature ou le type de renseignements recueillis (renseignements), les fins (fins) et les catégories de personnes qui y ont accès (personnes_acces). La liste des éléments vient de l'analyse juridique et reste à vérifier dans le texte de l'article 67.3 [U] : la règle est donc un avertissement.",
		Bad:  "programme: \"\"\n", Good: "programme: Programme d'aide financière\n"}})
}
