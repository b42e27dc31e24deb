package rule

import "github.com/registre-qc/registre/pkg/finding"

func init() {
	E := finding.Error
	// docOnly declares a rule reported by the schema when a required field is missing or empty.
	docOnly := func(id, title, law, text, bad, good string) *Rule {
		return &Rule{ID: id, Sector: PublicOnly, Doc: Doc{Title: title, Law: law, Severity: E, Confidence: "H", Text: text, Bad: bad, Good: good}}
	}
	register(
		docOnly("INV-001", "Désignation du fichier manquante", "A-2.1, art. 76, al. 1, par. 1°",
			"L'inventaire indique la désignation de chaque fichier de renseignements personnels (clé designation) : c'est le nom sous lequel le fichier est connu et publié.",
			"designation: \"\"\n", "designation: Dossiers du personnel\n"),
		docOnly("INV-002", "Catégories de renseignements manquantes", "A-2.1, art. 76, al. 1, par. 1°",
			"L'inventaire indique les catégories de renseignements que contient chaque fichier (clé categories_renseignements : identité, emploi, santé…), une par élément de liste.",
			"categories_renseignements: []\n", "categories_renseignements:\n  - Identité\n  - Emploi\n"),
		docOnly("INV-003", "Fins de la conservation manquantes", "A-2.1, art. 76, al. 1, par. 1°",
			"L'inventaire indique les fins pour lesquelles les renseignements de chaque fichier sont conservés (clé fins).",
			"fins: []\n", "fins:\n  - Gestion de la rémunération\n"),
		docOnly("INV-004", "Supports (mode de gestion) manquants", "A-2.1, art. 76, al. 1, par. 1° (mode de gestion)",
			"L'inventaire indique le mode de gestion de chaque fichier ; la pratique l'exprime par les supports utilisés (clé supports : physique, électronique…).",
			"supports: []\n", "supports:\n  - Électronique\n"),
		docOnly("INV-005", "Provenance des renseignements manquante", "A-2.1, art. 76, al. 1, par. 2°",
			"L'inventaire indique la provenance des renseignements versés à chaque fichier (clé provenance : personne concernée, autre organisme…).",
			"provenance: []\n", "provenance:\n  - Personne concernée\n"),
		docOnly("INV-006", "Catégories de personnes concernées manquantes", "A-2.1, art. 76, al. 1, par. 3°",
			"L'inventaire indique les catégories de personnes concernées par les renseignements versés à chaque fichier (clé personnes_concernees) : des catégories (employés, clientèle…), jamais des personnes.",
			"personnes_concernees: []\n", "personnes_concernees:\n  - Employés\n"),
		docOnly("INV-007", "Catégories de personnes ayant accès manquantes", "A-2.1, art. 76, al. 1, par. 4°",
			"L'inventaire indique les catégories de personnes qui ont accès à chaque fichier dans l'exercice de leurs fonctions (clé personnes_acces) : des fonctions, jamais des noms.",
			"personnes_acces: []\n", "personnes_acces:\n  - Gestionnaire de l'unité\n  - Personnel de la Direction des ressources humaines\n"),
		docOnly("INV-008", "Mesures de sécurité manquantes", "A-2.1, art. 76, al. 1, par. 5°",
			"L'inventaire indique les mesures de sécurité prises pour assurer la protection des renseignements personnels de chaque fichier (clé mesures_securite).",
			"mesures_securite: []\n", "mesures_securite:\n  - Accès restreint selon le profil\n  - Journalisation des accès\n"),
	)
}
