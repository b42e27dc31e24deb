package rule

import "github.com/registre-qc/registre/pkg/finding"

func init() {
	W := finding.Warning
	register(&Rule{ID: "UTI-003", Sector: PublicOnly, Doc: Doc{
		Title: "Catégories de personnes ayant accès manquantes", Law: "A-2.1, art. 67.3, dernier alinéa (non vérifié)", Severity: W, Confidence: "M",
		Text: "Le registre indique les catégories de personnes qui ont accès aux renseignements pour cette utilisation (clé personnes_acces) : des fonctions, jamais des noms. Point non vérifié : l'analyse juridique reconstitue la liste des éléments du registre d'une utilisation (dernier alinéa de l'article 67.3) sans en avoir lu le texte officiel [U] ; la règle est donc un avertissement.",
		Bad:  "personnes_acces: []\n", Good: "personnes_acces:\n  - Analyste en mesure de la satisfaction\n"}})
}
