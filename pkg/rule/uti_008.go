package rule

import "github.com/registre-qc/registre/pkg/finding"

func init() {
	E := finding.Error
	register(&Rule{ID: "UTI-008", Sector: PublicOnly, Retired: "retirée : l'article 67.3 n'énumère pas l'unité, la nature des renseignements, les fins initiales ni l'utilisation prévue parmi les éléments du registre d'une utilisation (analyse juridique, §4.14) ; ces colonnes sont de bonne pratique et relèvent désormais de UTI-010 (avertissement, sans article)", Doc: Doc{
		Title: "Élément du registre des utilisations manquant (règle retirée, voir UTI-010)", Law: "A-2.1, art. 67.3, al. 2", Severity: E, Confidence: "M",
		Text: "Règle retirée. Elle exigeait comme des éléments du registre de l'article 67.3 l'unité qui utilise les renseignements (unite), leur nature (renseignements), les fins pour lesquelles ils ont été recueillis (fins_initiales) et l'utilisation prévue (utilisation). L'article 67.3 énumère, pour une utilisation, le paragraphe de l'article 65.1 qui la permet, pour le paragraphe 3° la disposition de la loi qui la rend nécessaire, et la catégorie de personnes qui ont accès aux renseignements : ces quatre colonnes sont une bonne pratique (UTI-010), pas une obligation.",
		Bad:  "utilisation: \"\"\n", Good: "utilisation: Sondage de satisfaction de la clientèle\n"}})
}
