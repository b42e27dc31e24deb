package rule

import "github.com/registre-qc/registre/pkg/finding"

func init() {
	E := finding.Error
	docOnly := func(id, title, law, text, bad, good string) *Rule {
		return &Rule{ID: id, Doc: Doc{Title: title, Law: law, LawPrivate: "P-39.1, art. 3.8 ; " + law, Severity: E, Confidence: "H", Text: text, Bad: bad, Good: good}}
	}
	register(
		docOnly("INC-002", "Circonstances de l'incident manquantes", "A-2.1, r. 3.1, art. 7, par. 2°",
			"Le registre contient une brève description des circonstances de l'incident (clé circonstances).",
			"circonstances: \"\"\n", "circonstances: Envoi d'un courriel au mauvais destinataire\n"),
		docOnly("INC-003", "Date ou période de l'incident manquante", "A-2.1, r. 3.1, art. 7, par. 3°",
			"Le registre indique la date ou la période où l'incident a eu lieu (clé survenance), ou une approximation (survenance_approximative: true). Une période s'écrit {debut: DATE, fin: DATE}.",
			"# pas de clé survenance\n", "survenance: {debut: 2025-01-20, fin: 2025-02-03}\nsurvenance_approximative: true\n"),
		docOnly("INC-004", "Date de prise de connaissance manquante", "A-2.1, r. 3.1, art. 7, par. 4°",
			"Le registre indique la date ou la période où l'organisme a pris connaissance de l'incident (clé connaissance).",
			"# pas de clé connaissance\n", "connaissance: 2025-02-04\n"),
		docOnly("INC-005", "Nombre de personnes concernées manquant", "A-2.1, r. 3.1, art. 7, par. 5°",
			"Le registre indique le nombre de personnes concernées par l'incident (clé nombre_personnes) ou, s'il n'est pas connu, une approximation (nombre_approximatif: true).",
			"# pas de clé nombre_personnes\n", "nombre_personnes: 120\nnombre_approximatif: true\n"),
		docOnly("INC-006", "Évaluation du risque de préjudice sérieux manquante", "A-2.1, r. 3.1, art. 7, par. 6°",
			"Le registre décrit les éléments qui amènent à conclure qu'il existe ou non un risque de préjudice sérieux pour les personnes concernées : sensibilité des renseignements, utilisations malveillantes possibles, conséquences appréhendées et leur probabilité (clé evaluation_risque), et la conclusion (risque_serieux: true ou false).",
			"evaluation_risque: \"\"\n", "evaluation_risque: Renseignements peu sensibles ; destinataire de confiance qui a détruit le courriel.\nrisque_serieux: false\n"),
		docOnly("INC-009", "Mesures prises après l'incident manquantes", "A-2.1, r. 3.1, art. 7, par. 8°",
			"Le registre décrit brièvement les mesures prises par l'organisme, à la suite de l'incident, pour diminuer les risques qu'un préjudice soit causé (clé mesures).",
			"mesures: []\n", "mesures:\n  - Demande de destruction du courriel\n  - Rappel de la procédure d'envoi au personnel\n"),
	)
}
