package rule

import "github.com/registre-qc/registre/pkg/finding"

func init() {
	E := finding.Error
	register(
		&Rule{ID: "COM-002", Sector: PublicOnly, Doc: Doc{Title: "Nature des renseignements communiqués manquante", Law: "A-2.1, art. 67.3, al. 3, par. 1°", Severity: E, Confidence: "H",
			Text: "Le registre indique la nature ou le type de renseignements communiqués (clé renseignements).",
			Bad:  "renseignements: \"\"\n", Good: "renseignements: Nom, prénom et numéro de dossier\n"}},
		&Rule{ID: "COM-003", Sector: PublicOnly, Doc: Doc{Title: "Destinataire manquant", Law: "A-2.1, art. 67.3, al. 3, par. 2°", Severity: E, Confidence: "H",
			Text: "Le registre indique la personne ou l'organisme qui reçoit la communication (clé destinataire). Le nom d'une personne physique destinataire, p. ex. un chercheur, est exigé par la loi et n'est pas signalé comme renseignement personnel.",
			Bad:  "destinataire: \"\"\n", Good: "destinataire: Retraite Québec\n"}},
		&Rule{ID: "COM-004", Sector: PublicOnly, Doc: Doc{Title: "Fins de la communication manquantes", Law: "A-2.1, art. 67.3, al. 3, par. 3°", Severity: E, Confidence: "H",
			Text: "Le registre indique la fin pour laquelle les renseignements sont communiqués (clé fins).",
			Bad:  "fins: \"\"\n", Good: "fins: Administration du régime de retraite\n"}},
		&Rule{ID: "COM-005", Sector: PublicOnly, Doc: Doc{Title: "Raisons de la communication manquantes", Law: "A-2.1, art. 67.3, al. 3, par. 4°", Severity: E, Confidence: "H",
			Text: "Le registre indique la raison justifiant la communication (clé raisons).",
			Bad:  "raisons: \"\"\n", Good: "raisons: La loi oblige le Ministère à transmettre ces données.\n"}},
	)
}
