package rule

import "github.com/registre-qc/registre/pkg/finding"

func init() {
	E := finding.Error
	register(
		docRule("SCH-001", E, "Champ obligatoire manquant ou vide",
			"Un champ exigé par le schéma du registre est absent ou vide. Les champs exigés par la loi ont leur propre règle (p. ex. COM-002 pour la nature des renseignements) qui cite l'article.",
			"titre: \"\"\n", "titre: EFVP — hébergement infonuagique\n"),
		docRule("SCH-002", E, "Type de valeur incorrect",
			"La valeur n'a pas le type attendu : un booléen s'écrit true ou false (sans guillemets ; « Oui » est du texte), une liste s'écrit avec des tirets, un nombre sans espace.",
			"hors_quebec: Oui\n", "hors_quebec: true\n"),
		docRule("SCH-003", E, "Clé inconnue",
			"La clé n'existe pas dans ce registre : c'est souvent une faute de frappe. Le message propose la clé la plus proche ; « registre schema KIND » affiche toutes les clés.",
			"fin: Statistiques\n", "fins: Statistiques\n"),
		docRule("SCH-004", E, "Valeur hors de la liste permise",
			"Le champ n'accepte qu'une liste fermée de valeurs (p. ex. conclusion : protection_adequate, protection_insuffisante ou en_cours).",
			"conclusion: adéquate\n", "conclusion: protection_adequate\n"),
		docRule("SCH-005", E, "Date invalide",
			"Les dates s'écrivent AAAA-MM-JJ (p. ex. 2025-03-31) et doivent exister ; une période s'écrit {debut: DATE, fin: DATE} avec une fin qui ne précède pas le début.",
			"debut: 31/03/2025\n", "debut: 2025-03-31\n"),
		docRule("SCH-006", E, "Valeur invalide",
			"La valeur ne respecte pas le schéma (nombre négatif, élément en double dans une liste…).",
			"nombre_personnes: -3\n", "nombre_personnes: 3\n"),
		docRule("SCH-007", E, "Réglage invalide dans registre.yaml",
			"lint.regles nomme une règle inconnue ou une sévérité inconnue (error, warning, info, off), ou tente de désactiver une règle d'intégrité (YAML, REF).",
			"lint:\n  regles: {COM-999: off}\n", "lint:\n  regles: {COM-020: off}\n"),
	)
}
