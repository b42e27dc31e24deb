package model

import "sort"

// Common keys, shared by every kind (model.md §2).
var (
	fieldID = Field{Key: "id", Type: String, Req: Required,
		Desc: "Identifiant de l'inscription : le préfixe du registre, un tiret, puis un numéro. Il est identique au nom du fichier (sans .yaml)."}
	fieldUnite = Field{Key: "unite", Type: String,
		Desc: "Unité administrative responsable."}
	fieldDateInscription = Field{Key: "date_inscription", Type: Date,
		Desc: "Date à laquelle l'inscription a été faite au registre (AAAA-MM-JJ)."}
	fieldDateRevision = Field{Key: "date_revision", Type: Date,
		Desc: "Date de la dernière révision de l'inscription (AAAA-MM-JJ) ; sert à la règle INV-011 (inventaire maintenu à jour)."}
	fieldRemarques = Field{Key: "remarques", Type: Text,
		Desc: "Remarques, commentaires et autres indications."}
	fieldIgnorer = Field{Key: "ignorer", Type: ObjectList,
		Desc: "Règles de vérification à ignorer pour cette inscription ; chaque élément exige une raison.",
		Fields: []Field{
			{Key: "regle", Type: String, Req: Required, Desc: "Identifiant de la règle à ignorer, p. ex. COM-019."},
			{Key: "raison", Type: Text, Req: Required, Rule: "SUP-001", Desc: "Pourquoi la règle ne s'applique pas ici (obligatoire)."},
			{Key: "jusqu_au", Type: Date, Desc: "Date après laquelle l'exception expire (AAAA-MM-JJ)."},
		}}
	titleRemarques = "Remarques, commentaires et autres indications"
)

func refField(key, kind, desc string) Field {
	return Field{Key: key, Type: Ref, RefKind: kind, Desc: desc}
}

// Enumerations used by several kinds.
var (
	Exceptions701 = []string{"urgence-59-4", "benefice-68-1.1", "engagement-international", "sante-publique-133", "urgence-18-7"}
	Declencheurs  = []string{"63.5", "64", "67.2.1", "68", "70.1", "P-3.3", "P-17", "P-21"}
	Conclusions   = []string{"protection_adequate", "protection_insuffisante", "en_cours"}
	// ClausesRecherche are the clauses the CAI lists for a 67.2.1 research agreement (legal.md §2).
	ClausesRecherche = []string{"acces_restreint_engagement", "fins_exclusives", "aucun_appariement",
		"aucune_publication_nominative", "information_personnes_contactees", "mesures_protection",
		"duree_conservation", "avis_destruction", "avis_manquement_cai"}
)

// Inventaire — art. 76.
var Inventaire = &Kind{
	Name: "inventaire", Prefix: "INV", Singular: "fichier de renseignements personnels",
	Title: "Inventaire des fichiers de renseignements personnels",
	Empty: "Aucun fichier de renseignements personnels inscrit",
	Law:   "A-2.1, art. 76",
	Preamble: "En vertu de l'article 76 de la Loi sur l'accès aux documents des organismes publics et sur la protection des renseignements personnels (RLRQ, chapitre A-2.1), un organisme public doit établir et maintenir à jour un inventaire de ses fichiers de renseignements personnels. " +
		"L'article 4, paragraphe 5°, du Règlement sur la diffusion de l'information et sur la protection des renseignements personnels (chapitre A-2.1, r. 2) prévoit que cet inventaire est diffusé dans son site Internet.",
	Visibility: Public,
	Fields: []Field{
		fieldID,
		{Key: "unite", Type: String, Title: "Unité administrative responsable", Req: Expected, Rule: "INV-014",
			Desc: "Unité administrative responsable du fichier.", Example: "Direction des ressources humaines"},
		{Key: "designation", Type: String, Title: "Désignation du fichier", Req: Required, Rule: "INV-001", Law: "A-2.1, art. 76, al. 1, par. 1°",
			Desc: "Désignation (nom) du fichier de renseignements personnels.", Example: "Dossiers du personnel"},
		{Key: "description", Type: Text, Title: "Description du fichier",
			Desc: "Description du fichier et de son contenu.", Example: "Dossier administratif de chaque employé."},
		{Key: "personnes_concernees", Type: List, Title: "Catégories de personnes concernées par les renseignements", Req: Required, Rule: "INV-006", Law: "A-2.1, art. 76, al. 1, par. 3°",
			Desc: "Catégories de personnes concernées par les renseignements versés au fichier (des catégories, jamais des personnes).", Example: "Employés"},
		{Key: "categories_renseignements", Type: List, Title: "Catégories des renseignements", Req: Required, Rule: "INV-002", Law: "A-2.1, art. 76, al. 1, par. 1°",
			Desc: "Catégories des renseignements contenus dans le fichier (identité, emploi, santé…).", Example: "Identité"},
		{Key: "provenance", Type: List, Title: "Provenance des renseignements", Req: Required, Rule: "INV-005", Law: "A-2.1, art. 76, al. 1, par. 2°",
			Desc: "Provenance des renseignements versés au fichier.", Example: "Personne concernée"},
		{Key: "fins", Type: List, Title: "Fins de la conservation des renseignements", Req: Required, Rule: "INV-003", Law: "A-2.1, art. 76, al. 1, par. 1°",
			Desc: "Fins pour lesquelles les renseignements sont conservés.", Example: "Gestion de la rémunération"},
		{Key: "personnes_acces", Type: List, Title: "Catégories de personnes ayant accès au fichier dans l'exercice de leurs fonctions", Req: Required, Rule: "INV-007", Law: "A-2.1, art. 76, al. 1, par. 4°",
			Desc: "Catégories de personnes qui ont accès au fichier dans l'exercice de leurs fonctions (des fonctions, jamais des noms).", Example: "Personnel de la Direction des ressources humaines"},
		{Key: "supports", Type: List, Title: "Supports utilisés", Req: Required, Rule: "INV-004", Law: "A-2.1, art. 76, al. 1, par. 1° (mode de gestion)",
			Desc: "Supports utilisés (mode de gestion du fichier) : physique, électronique…", Example: "Électronique"},
		{Key: "mesures_securite", Type: List, Title: "Mesures de sécurité pour assurer la protection des renseignements", Req: Required, Rule: "INV-008", Law: "A-2.1, art. 76, al. 1, par. 5°",
			Desc: "Mesures de sécurité prises pour assurer la protection des renseignements personnels.", Example: "Accès restreint selon le profil"},
		{Key: "conservation", Type: Text,
			Desc: "Règle de conservation ou référence au calendrier de conservation (art. 73) ; non publiée.", Example: "Règle 1234 du calendrier de conservation"},
		{Key: "hors_quebec", Type: Bool,
			Desc: "Le fichier est conservé ou traité à l'extérieur du Québec (p. ex. infonuagique) : une EFVP et une entente écrite sont alors exigées (art. 70.1, al. 3).", Example: "false"},
		{Key: "lieux", Type: List,
			Desc: "Lieux où le fichier est conservé (p. ex. centre de données à Montréal).", Example: "Centre de traitement de Québec"},
		{Key: "transferts_techniques", Type: List,
			Desc: "Transferts à l'extérieur du Québec faits à des fins techniques (soutien, sauvegarde, maintenance) que le contrat permet, p. ex. avec l'autorisation écrite préalable du client ; ils restent des communications hors Québec (art. 70.1, al. 3 ; P-39.1, art. 17) : hors_quebec est alors true (règle INV-015).", Example: "Soutien technique de second niveau depuis l'Ontario, sur autorisation écrite"},
		{Key: "debut_hebergement", Type: Date,
			Desc: "Date à laquelle le fichier a commencé d'être conservé ou traité à l'extérieur du Québec (AAAA-MM-JJ) : l'EFVP doit la précéder (P-39.1, art. 17 : règle PRV-009).", Example: "2025-03-01"},
		{Key: "mandataire", Type: Bool,
			Desc: "Le fichier est confié à un mandataire ou à un prestataire de services (P-39.1, art. 18.3) : le mandat ou le contrat écrit, lié par la clé entente, précise les mesures de confidentialité (règle PRV-012).", Example: "false"},
		refField("efvp", "efvp", "Identifiant de l'EFVP liée (obligatoire si hors_quebec)."),
		refField("entente", "ententes", "Identifiant de l'entente écrite liée (obligatoire si hors_quebec)."),
		{Key: "existence_confidentielle", Type: Bool,
			Desc: "L'existence du fichier peut être refusée (art. 76, al. 2) : il est exclu de l'inventaire publié.", Example: "false"},
		fieldDateInscription, fieldDateRevision, fieldRemarques, fieldIgnorer,
	},
}

// Communications — art. 67.3, al. 1 et 3.
var Communications = &Kind{
	Name: "communications", Prefix: "COM", Singular: "communication",
	Title: "Registre des communications de renseignements personnels",
	Empty: "Aucune communication inscrite",
	Law:   "A-2.1, art. 67.3",
	Preamble: "En vertu de l'article 67.3 de la Loi sur l'accès aux documents des organismes publics et sur la protection des renseignements personnels (RLRQ, chapitre A-2.1), un organisme public doit inscrire dans un registre toute communication de renseignements personnels visée aux articles 66, 67, 67.1, 67.2, 67.2.1 et 68. " +
		"L'article 4, paragraphe 6°, du Règlement sur la diffusion de l'information et sur la protection des renseignements personnels (chapitre A-2.1, r. 2) prévoit que ce registre est diffusé.",
	Visibility: Public,
	Fields: []Field{
		fieldID,
		fieldUnite,
		{Key: "destinataire", Type: StringOrList, Title: "Personne ou organisme receveur", Req: Required, Rule: "COM-003", Law: "A-2.1, art. 67.3, al. 3, par. 2°",
			Desc: "Personne ou organisme qui reçoit la communication (un nom de destinataire n'est pas un renseignement à cacher : art. 67.3).", Example: "Retraite Québec"},
		{Key: "renseignements", Type: Text, Title: "Nature ou type de renseignements personnels communiqués", Req: Required, Rule: "COM-002", Law: "A-2.1, art. 67.3, al. 3, par. 1°",
			Desc: "Nature ou type de renseignements personnels communiqués.", Example: "Nom, prénom, date d'embauche"},
		{Key: "fins", Type: Text, Title: "Fins pour lesquelles les renseignements sont communiqués", Req: Required, Rule: "COM-004", Law: "A-2.1, art. 67.3, al. 3, par. 3°",
			Desc: "Fins pour lesquelles les renseignements sont communiqués.", Example: "Administration du régime de retraite"},
		{Key: "raisons", Type: Text, Title: "Raisons justifiant la communication", Req: Required, Rule: "COM-005", Law: "A-2.1, art. 67.3, al. 3, par. 4°",
			Desc: "Raisons justifiant la communication.", Example: "Obligation prévue par la loi"},
		{Key: "appui_legal", Type: List, Title: "Appui légal", Req: Required, Rule: "COM-001", Law: "A-2.1, art. 67.3, al. 1",
			Desc: "Dispositions qui autorisent la communication, une par ligne (p. ex. « Article 67 de la Loi sur l'accès »).", Example: "Article 67 de la Loi sur l'accès"},
		{Key: "hors_quebec", Type: Bool, Title: "Communication à l'extérieur du Québec", Req: Expected, Rule: "COM-006", Law: "A-2.1, art. 67.3, al. 3, par. 3° ; art. 70.1",
			Desc: "La communication se fait à l'extérieur du Québec (art. 70.1) : true ou false.", Example: "false"},
		{Key: "remarques", Type: Text, Title: titleRemarques, Desc: fieldRemarques.Desc},
		{Key: "exception_70_1", Type: Enum, Enum: Exceptions701,
			Desc: "Exception à l'article 70.1 qui dispense de l'EFVP et de l'entente pour une communication hors Québec."},
		refField("efvp", "efvp", "Identifiant de l'EFVP liée."),
		refField("entente", "ententes", "Identifiant de l'entente écrite, du mandat ou du contrat lié."),
		{Key: "debut", Type: Date, Desc: "Date de la première communication (AAAA-MM-JJ).", Example: "2025-01-15"},
		{Key: "date_fin", Type: Date, Desc: "Date de la dernière communication, si elle a cessé (AAAA-MM-JJ) ; sans cette date, la communication est réputée se poursuivre, et l'entente écrite dont elle relève doit être encore en vigueur (règle ENT-010)."},
		{Key: "frequence", Type: String, Desc: "Fréquence de la communication (ponctuelle, mensuelle, annuelle…).", Example: "Annuelle"},
		{Key: "membre_ordre_professionnel", Type: Bool,
			Desc: "Le mandataire ou prestataire est membre d'un ordre professionnel (art. 67.2, dernier alinéa) : il est dispensé des clauses du paragraphe 2° (dispositions applicables, mesures de confidentialité), jamais de l'écrit du paragraphe 1°."},
		{Key: "mandataire", Type: Bool,
			Desc: "Entreprise : la communication est faite à un mandataire ou à un prestataire de services (P-39.1, art. 18.3) ; le mandat ou le contrat écrit, lié par la clé entente, précise les mesures de confidentialité (règle PRV-012)."},
		{Key: "avis_cai", Type: Date,
			Desc: "Date à laquelle la Commission d'accès à l'information a été informée au préalable (art. 66)."},
		{Key: "exemption", Type: Enum, Enum: []string{"imputation_retenue", "consentement"},
			Desc: "Communication hors du registre de l'art. 67.3, inscrite volontairement : imputation_retenue (al. 1 : imputation d'une retenue prévue par la loi) ou consentement (communication faite avec le consentement de la personne concernée, art. 59, al. 1 : l'art. 67.3 ne vise que les communications des art. 66 à 68)."},
		fieldDateInscription, fieldIgnorer,
	},
}

// Utilisations — art. 65.1, al. 2, par. 1° à 3° (registre de l'art. 67.3, al. 2).
var Utilisations = &Kind{
	Name: "utilisations", Prefix: "UTI", Singular: "utilisation",
	Title:      "Registre des utilisations de renseignements personnels à d'autres fins",
	Empty:      "Aucune utilisation inscrite",
	Law:        "A-2.1, art. 65.1 et 67.3, al. 2",
	Preamble:   "En vertu de l'article 65.1 de la Loi sur l'accès aux documents des organismes publics et sur la protection des renseignements personnels (RLRQ, chapitre A-2.1), l'organisme inscrit dans le registre prévu à l'article 67.3 toute utilisation de renseignements personnels à d'autres fins que celles pour lesquelles ils ont été recueillis, dans les cas visés aux paragraphes 1° à 3° du deuxième alinéa de l'article 65.1.",
	Visibility: Public,
	Fields: []Field{
		fieldID,
		{Key: "unite", Type: String, Title: "Unité qui utilise les renseignements à d'autres fins", Req: Expected, Rule: "UTI-010",
			Desc: "Unité administrative qui utilise les renseignements à d'autres fins.", Example: "Direction de la recherche"},
		{Key: "renseignements", Type: Text, Title: "Nature ou type de renseignements utilisés", Req: Expected, Rule: "UTI-010",
			Desc: "Nature ou type de renseignements personnels utilisés.", Example: "Coordonnées des clients"},
		{Key: "fins_initiales", Type: Text, Title: "Fins pour lesquelles les renseignements ont été recueillis", Req: Expected, Rule: "UTI-010",
			Desc: "Fins pour lesquelles les renseignements ont été recueillis à l'origine.", Example: "Prestation du service"},
		{Key: "utilisation", Type: Text, Title: "Utilisation (à d'autres fins) prévue", Req: Expected, Rule: "UTI-010",
			Desc: "Utilisation prévue, à d'autres fins que celles de la collecte.", Example: "Sondage de satisfaction"},
		{Key: "appui_legal", Type: List, Title: "Appui légal", Req: Required, Rule: "UTI-001", Law: "A-2.1, art. 65.1, al. 2",
			Desc: "Article 65.1 avec son paragraphe (1°, 2° ou 3°) et, pour le 3°, la disposition de la loi qui rend l'utilisation nécessaire ; une par ligne.", Example: "Article 65.1 (1) de la Loi sur l'accès"},
		{Key: "personnes_acces", Type: List, Title: "Catégories de personnes qui ont accès aux renseignements", Req: Required, Rule: "UTI-003", Law: "A-2.1, art. 67.3, dernier alinéa (non vérifié)",
			Desc: "Catégories de personnes qui ont accès aux renseignements pour cette utilisation.", Example: "Professionnels de la Direction de la recherche"},
		{Key: "remarques", Type: Text, Title: titleRemarques, Desc: fieldRemarques.Desc},
		{Key: "justification_compatibilite", Type: Text,
			Desc: "Pour le paragraphe 1° : le lien pertinent et direct avec les fins de la collecte (art. 65.1, al. 3)."},
		{Key: "exemption", Type: Enum, Enum: []string{"consentement"},
			Desc: "Utilisation hors du registre de l'art. 67.3, inscrite volontairement : consentement (utilisation à d'autres fins faite avec le consentement de la personne concernée, art. 65.1, al. 1)."},
		fieldDateInscription, fieldIgnorer,
	},
}

// Collectes — art. 64, al. 3 (registre de l'art. 67.3, al. 2).
var Collectes = &Kind{
	Name: "collectes", Prefix: "COL", Singular: "entente de collecte",
	Title:      "Registre des ententes de collecte de renseignements personnels",
	Empty:      "Aucune entente de collecte inscrite",
	Law:        "A-2.1, art. 64, al. 3 et 67.3, al. 2",
	Preamble:   "En vertu de l'article 67.3 de la Loi sur l'accès aux documents des organismes publics et sur la protection des renseignements personnels (RLRQ, chapitre A-2.1), l'organisme inscrit dans son registre les ententes de collecte de renseignements personnels visées au troisième alinéa de l'article 64.",
	Visibility: Public,
	Fields: []Field{
		fieldID,
		fieldUnite,
		{Key: "organisme", Type: String, Title: "Organisme pour lequel les renseignements sont recueillis", Req: Required, Rule: "COL-001", Law: "A-2.1, art. 67.3 (éléments d'une entente de collecte, non vérifié) ; art. 64, al. 3",
			Desc: "Organisme public pour lequel les renseignements sont recueillis.", Example: "Ministère de l'Exemple"},
		{Key: "programme", Type: Text, Title: "Programme ou attribution", Req: Required, Rule: "COL-001", Law: "A-2.1, art. 67.3 (éléments d'une entente de collecte, non vérifié) ; art. 64, al. 3",
			Desc: "Programme ou attribution pour lequel les renseignements sont nécessaires.", Example: "Programme d'aide financière"},
		{Key: "service", Type: Text, Title: "Nature ou type de la prestation de service ou de la mission", Req: Required, Rule: "COL-001", Law: "A-2.1, art. 67.3 (éléments d'une entente de collecte, non vérifié) ; art. 64, al. 3",
			Desc: "Nature ou type de la prestation de service ou de la mission commune.", Example: "Guichet unique"},
		{Key: "renseignements", Type: Text, Title: "Nature ou type de renseignements recueillis", Req: Required, Rule: "COL-001", Law: "A-2.1, art. 67.3 (éléments d'une entente de collecte, non vérifié) ; art. 64, al. 3",
			Desc: "Nature ou type de renseignements personnels recueillis.", Example: "Nom, adresse"},
		{Key: "fins", Type: Text, Title: "Fins pour lesquelles les renseignements sont recueillis", Req: Required, Rule: "COL-001", Law: "A-2.1, art. 67.3 (éléments d'une entente de collecte, non vérifié) ; art. 64, al. 3",
			Desc: "Fins pour lesquelles les renseignements sont recueillis.", Example: "Traitement des demandes"},
		{Key: "personnes_acces", Type: List, Title: "Catégories de personnes qui ont accès aux renseignements", Req: Required, Rule: "COL-001", Law: "A-2.1, art. 67.3 (éléments d'une entente de collecte, non vérifié) ; art. 64, al. 3",
			Desc: "Catégories de personnes, dans chaque organisme, qui ont accès aux renseignements.", Example: "Agents de l'organisme receveur"},
		refField("efvp", "efvp", "Identifiant de l'EFVP préalable à la collecte (art. 64, al. 2)."),
		refField("entente", "ententes", "Identifiant de l'entente écrite transmise à la Commission (art. 64, al. 3)."),
		{Key: "debut", Type: Date, Desc: "Date du début de la collecte (AAAA-MM-JJ).", Example: "2025-03-01"},
		{Key: "date_fin", Type: Date, Desc: "Date de la fin de la collecte, si elle a cessé (AAAA-MM-JJ) ; sans cette date, la collecte est réputée se poursuivre, et l'entente écrite dont elle relève doit être encore en vigueur (règle ENT-010)."},
		fieldDateInscription, fieldRemarques, fieldIgnorer,
	},
}

// EFVP — évaluations des facteurs relatifs à la vie privée (internal).
var EFVP = &Kind{
	Name: "efvp", Prefix: "EFVP", Singular: "évaluation des facteurs relatifs à la vie privée",
	Title:      "Évaluations des facteurs relatifs à la vie privée",
	Empty:      "Aucune évaluation inscrite",
	Law:        "A-2.1, art. 63.5, 64, 67.2.1, 68 et 70.1",
	Visibility: Internal,
	Fields: []Field{
		fieldID, fieldUnite,
		{Key: "titre", Type: String, Req: Required, Rule: "EFVP-007", Desc: "Titre de l'évaluation.", Example: "EFVP — hébergement infonuagique"},
		{Key: "date", Type: Date, Req: Expected, Rule: "EFVP-007", Law: "A-2.1, art. 63.5, 64, 67.2.1, 68 et 70.1",
			Desc: "Date à laquelle l'évaluation a été complétée (AAAA-MM-JJ) ; exigée dès que la conclusion n'est plus en_cours.", Example: "2025-01-10"},
		{Key: "declencheurs", Type: EnumList, Enum: Declencheurs, Req: Required, Rule: "EFVP-007",
			Desc: "Dispositions qui exigent l'évaluation : 63.5, 64, 67.2.1, 68, 70.1 (Loi sur l'accès) ; P-3.3, P-17, P-21 (Loi sur le privé).", Example: "70.1"},
		{Key: "conclusion", Type: Enum, Enum: Conclusions, Req: Required, Rule: "EFVP-007",
			Desc: "Conclusion : protection_adequate, protection_insuffisante ou en_cours.", Example: "protection_adequate"},
		{Key: "facteurs", Type: Object, Desc: "Facteurs exigés par l'art. 70.1, al. 1 (et P-39.1, art. 17).", Fields: []Field{
			{Key: "sensibilite", Type: Text, Desc: "Sensibilité des renseignements (70.1, par. 1°)."},
			{Key: "finalites", Type: Text, Desc: "Finalités de leur utilisation (70.1, par. 2°)."},
			{Key: "mesures_protection", Type: Text, Desc: "Mesures de protection, y compris contractuelles (70.1, par. 3°)."},
			{Key: "regime_juridique", Type: Text, Desc: "Régime juridique applicable dans l'État de destination (70.1, par. 4°)."},
		}},
		{Key: "destinations", Type: List, Desc: "États ou provinces de destination des renseignements.", Example: "Ontario"},
		{Key: "consultation_comite", Type: Date, Desc: "Date de consultation du comité sur l'accès à l'information et la protection des renseignements personnels (art. 63.5)."},
		{Key: "debut_projet", Type: Date, Desc: "Date du début du projet (art. 63.5 : le comité est consulté dès le début)."},
		{Key: "criteres", Type: Object, Desc: "Conclusions exigées par l'art. 68, al. 2 et l'art. 67.2.1.", Fields: []Field{
			{Key: "identification_necessaire", Type: Bool, Desc: "L'objectif ne peut être atteint que si les renseignements permettent d'identifier les personnes."},
			{Key: "consentement_deraisonnable", Type: Bool, Desc: "Il est déraisonnable d'exiger le consentement (art. 68)."},
			{Key: "interet_public", Type: Bool, Desc: "L'objectif l'emporte, eu égard à l'intérêt public, sur l'impact sur la vie privée (art. 68)."},
			{Key: "confidentialite", Type: Bool, Desc: "Les renseignements sont utilisés de manière à en assurer la confidentialité (art. 68)."},
		}},
		{Key: "document", Type: String, Desc: "Chemin ou adresse du rapport complet."},
		fieldDateInscription, fieldRemarques, fieldIgnorer,
	},
}

// Ententes — written agreements (internal).
var Ententes = &Kind{
	Name: "ententes", Prefix: "ENT", Singular: "entente",
	Title:      "Ententes écrites",
	Empty:      "Aucune entente inscrite",
	Law:        "A-2.1, art. 64, 67.2, 67.2.1, 68 et 70.1",
	Visibility: Internal,
	Fields: []Field{
		fieldID, fieldUnite,
		{Key: "titre", Type: String, Req: Required, Rule: "ENT-005", Desc: "Titre de l'entente, du mandat ou du contrat.", Example: "Entente de communication"},
		{Key: "parties", Type: List, Req: Required, Rule: "ENT-005", Desc: "Parties à l'entente.", Example: "Retraite Québec"},
		{Key: "date_signature", Type: Date, Req: Required, Rule: "ENT-005", Desc: "Date de signature (AAAA-MM-JJ).", Example: "2024-06-01"},
		{Key: "articles", Type: List, Desc: "Dispositions sur lesquelles repose l'entente (p. ex. « Article 68 de la Loi sur l'accès »).", Example: "Article 68 de la Loi sur l'accès"},
		{Key: "transmission_cai", Type: Date, Desc: "Date de transmission à la Commission d'accès à l'information (obligatoire pour 64, 67.2.1 et 68)."},
		refField("efvp", "efvp", "Identifiant de l'EFVP dont l'entente tient compte."),
		{Key: "fins", Type: Text, Desc: "Fins de la communication ou de la collecte (68, al. 3 ; 64, al. 4)."},
		{Key: "renseignements", Type: Text, Desc: "Nature ou type des renseignements (68, al. 3 ; 64, al. 4)."},
		{Key: "moyens", Type: Text, Desc: "Moyens de communication ou de collecte (68, al. 3 ; 64, al. 4)."},
		{Key: "mesures_securite", Type: Text, Desc: "Mesures de sécurité (68, al. 3 ; 64, al. 4)."},
		{Key: "periodicite", Type: String, Desc: "Périodicité (68, al. 3 ; 64, al. 4)."},
		{Key: "duree", Type: String, Desc: "Durée de l'entente (68, al. 3 ; 64, al. 4)."},
		{Key: "date_fin", Type: Date, Desc: "Date à laquelle l'entente prend fin (AAAA-MM-JJ) ; à défaut, « registre echeances » la déduit de date_signature et d'une durée comme « 3 ans » ou « 24 mois »."},
		{Key: "clauses", Type: EnumList, Enum: ClausesRecherche, Desc: "Clauses d'une entente de recherche (art. 67.2.3), selon la liste de la Commission."},
		fieldDateInscription, fieldRemarques, fieldIgnorer,
	},
}

// Incidents — art. 63.11, Règlement, r. 3.1, art. 7 (confidential).
var Incidents = &Kind{
	Name: "incidents", Prefix: "INC", Singular: "incident de confidentialité",
	Title:      "Registre des incidents de confidentialité",
	Empty:      "Aucun incident inscrit",
	Law:        "A-2.1, art. 63.11 ; A-2.1, r. 3.1, art. 7",
	Preamble:   "Registre tenu en vertu de l'article 63.11 de la Loi sur l'accès aux documents des organismes publics et sur la protection des renseignements personnels (RLRQ, chapitre A-2.1) et de l'article 7 du Règlement sur les incidents de confidentialité (chapitre A-2.1, r. 3.1). Document confidentiel : une copie est transmise à la Commission d'accès à l'information à sa demande.",
	Visibility: Confidential,
	Fields: []Field{
		fieldID, fieldUnite,
		{Key: "renseignements", Type: Text, Title: "Renseignements visés", Desc: "Description des renseignements personnels visés (r. 3.1, art. 7, par. 1°).", Example: "Nom et adresse courriel de 120 clients"},
		{Key: "description_impossible", Type: Text, Title: "Raisons pour lesquelles les renseignements ne peuvent être décrits", Desc: "Si les renseignements ne sont pas connus : les raisons pour lesquelles il est impossible de les décrire (par. 1°)."},
		{Key: "circonstances", Type: Text, Title: "Circonstances", Req: Required, Rule: "INC-002", Law: "A-2.1, r. 3.1, art. 7, par. 2°", Desc: "Brève description des circonstances de l'incident.", Example: "Envoi d'un courriel au mauvais destinataire"},
		{Key: "survenance", Type: DateOrPeriod, Title: "Date ou période de l'incident", Req: Required, Rule: "INC-003", Law: "A-2.1, r. 3.1, art. 7, par. 3°", Desc: "Date ou période où l'incident a eu lieu (ou approximation).", Example: "2025-02-03"},
		{Key: "survenance_approximative", Type: Bool, Desc: "La date de survenance est une approximation."},
		{Key: "connaissance", Type: DateOrPeriod, Title: "Date ou période de la prise de connaissance", Req: Required, Rule: "INC-004", Law: "A-2.1, r. 3.1, art. 7, par. 4°", Desc: "Date ou période où l'organisme a pris connaissance de l'incident.", Example: "2025-02-04"},
		{Key: "nombre_personnes", Type: Int, Title: "Nombre de personnes concernées", Req: Required, Rule: "INC-005", Law: "A-2.1, r. 3.1, art. 7, par. 5°", Desc: "Nombre de personnes concernées (ou approximation).", Example: "120"},
		{Key: "nombre_approximatif", Type: Bool, Desc: "Le nombre de personnes est une approximation."},
		{Key: "evaluation_risque", Type: Text, Title: "Évaluation du risque de préjudice", Req: Required, Rule: "INC-006", Law: "A-2.1, r. 3.1, art. 7, par. 6°", Desc: "Éléments qui amènent à conclure qu'il existe ou non un risque de préjudice sérieux (sensibilité, utilisations malveillantes possibles, conséquences appréhendées, probabilité).", Example: "Renseignements peu sensibles ; destinataire de confiance."},
		{Key: "risque_serieux", Type: Bool, Title: "Risque de préjudice sérieux", Req: Required, Rule: "INC-006", Law: "A-2.1, r. 3.1, art. 7, par. 6°", Desc: "L'incident présente un risque de préjudice sérieux : true ou false.", Example: "false"},
		{Key: "avis_cai", Type: Date, Title: "Date de l'avis à la Commission", Desc: "Date de transmission de l'avis à la Commission (par. 7° ; art. 63.8)."},
		{Key: "avis_personnes", Type: Date, Title: "Date de l'avis aux personnes concernées", Desc: "Date de transmission de l'avis aux personnes concernées (par. 7° ; art. 63.8)."},
		{Key: "avis_differe", Type: Text, Desc: "Raison pour laquelle l'avis aux personnes est différé (art. 63.8, al. 3 : entrave à une enquête)."},
		{Key: "avis_public", Type: Object, Title: "Avis public", Desc: "Avis public donné (par. 7°) : date et motif.", Fields: []Field{
			{Key: "date", Type: Date, Req: Required, Desc: "Date de l'avis public."},
			{Key: "motif", Type: Text, Req: Required, Desc: "Motif de l'avis public."},
		}},
		{Key: "mesures", Type: List, Title: "Mesures prises", Req: Required, Rule: "INC-009", Law: "A-2.1, r. 3.1, art. 7, par. 8°", Desc: "Mesures prises pour diminuer les risques de préjudice.", Example: "Demande de destruction du courriel"},
		{Key: "communications_attenuation", Type: ObjectList, Desc: "Communications faites à des personnes pouvant diminuer le risque (art. 63.8, al. 2).", Fields: []Field{
			{Key: "destinataire", Type: String, Desc: "Personne ou organisme qui a reçu la communication."},
			{Key: "renseignements", Type: Text, Desc: "Renseignements communiqués."},
			{Key: "date", Type: Date, Desc: "Date de la communication."},
		}},
		{Key: "fichiers", Type: RefList, RefKind: "inventaire", Desc: "Fichiers de l'inventaire touchés (identifiants INV-…)."},
		// Items of the notices (registre avis), beyond the register's own (r. 3.1, art. 3 and 5).
		{Key: "cause", Type: Text, Desc: "Cause de l'incident, si elle est connue (avis à la Commission : r. 3.1, art. 3, par. 4°)."},
		{Key: "nombre_quebec", Type: Int, Desc: "Nombre de personnes concernées qui résident au Québec, ou son approximation (avis à la Commission : r. 3.1, art. 3, par. 7°)."},
		{Key: "mesures_avis", Type: Text, Desc: "Mesures prises ou envisagées pour aviser les personnes concernées (avis à la Commission : r. 3.1, art. 3, par. 9°)."},
		{Key: "avis_personnes_prevu", Type: Date, Desc: "Date prévue de l'avis aux personnes concernées tant qu'il n'est pas donné (avis à la Commission : r. 3.1, art. 3, par. 9°)."},
		{Key: "mesures_suggerees", Type: List, Desc: "Mesures que la personne concernée peut prendre pour diminuer le risque de préjudice ou l'atténuer (avis aux personnes : r. 3.1, art. 5, par. 5°).", Example: "Surveillez vos relevés bancaires"},
		{Key: "autorites_avisees", Type: List, Desc: "Autres personnes ou organismes avisés de l'incident, p. ex. une autorité de protection des données à l'extérieur du Québec (avis à la Commission : r. 3.1, art. 3, par. 11°)."},
		{Key: "contact", Type: Object, Desc: "Personne à contacter au sujet de l'incident (avis : r. 3.1, art. 3, par. 2° et art. 5, par. 6°) ; à défaut, le responsable de registre.yaml.", Fields: []Field{
			{Key: "nom", Type: String, Desc: "Nom de la personne à contacter."},
			{Key: "titre", Type: String, Desc: "Titre de sa fonction."},
			{Key: "courriel", Type: String, Desc: "Adresse courriel."},
			{Key: "telephone", Type: String, Desc: "Numéro de téléphone."},
		}},
		fieldDateInscription, fieldRemarques, fieldIgnorer,
	},
}

// Kinds lists every kind in the order registers are presented.
var Kinds = []*Kind{Inventaire, Communications, Utilisations, Collectes, EFVP, Ententes, Incidents}

var byName, byPrefix = func() (map[string]*Kind, map[string]*Kind) {
	n, p := map[string]*Kind{}, map[string]*Kind{}
	for _, k := range Kinds {
		n[k.Name] = k
		p[k.Prefix] = k
	}
	return n, p
}()

// KindByName returns the kind whose folder is name, or nil.
func KindByName(name string) *Kind { return byName[name] }

// KindByPrefix returns the kind whose id prefix is prefix, or nil.
func KindByPrefix(prefix string) *Kind { return byPrefix[prefix] }

// KindNames returns the kind names in presentation order.
func KindNames() []string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = k.Name
	}
	return names
}

// DefaultPublished lists the kinds published when registre.yaml says nothing.
var DefaultPublished = []string{"inventaire", "communications", "utilisations", "collectes"}

// SortedKeys returns the keys of m in lexical order.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
