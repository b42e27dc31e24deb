package rule

import "github.com/registre-qc/registre/pkg/finding"

func init() {
	E := finding.Error
	register(&Rule{ID: "ENT-005", Doc: Doc{
		Title: "Élément de l'entente manquant", Law: "A-2.1, art. 64, 67.2, 67.2.1, 68 et 70.1", LawPrivate: "P-39.1, art. 17, 18.4 et 21", Severity: E, Confidence: "H",
		Text: "Une entente inscrite indique son titre (titre), ses parties (parties) et sa date de signature (date_signature) : les règles qui vérifient les délais (entrée en vigueur 30 jours après la transmission à la Commission, régime d'avant le 2023-09-22) en dépendent.",
		Bad:  "date_signature: \"\"\n", Good: "date_signature: 2024-06-01\n"}})
}
