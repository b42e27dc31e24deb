package rule

// YAML examples shared by the Bad and Good documentation of several rules.
const (
	// comExample: a communication (COM-001, COM-006).
	comExample = "id: COM-0001\ndestinataire: Retraite Québec\nrenseignements: Nom, prénom, date d'embauche\nfins: Administration du régime de retraite\nraisons: Obligation prévue par la loi\n"
	// efvpExample: an EFVP (EFVP-002 to EFVP-005).
	efvpExample = "id: EFVP-0001\ntitre: EFVP — hébergement infonuagique\ndate: 2025-01-10\nconclusion: protection_adequate\n"
	// entExample: an agreement (ENT-001 to ENT-004).
	entExample = "id: ENT-0001\ntitre: Entente de communication\nparties: [Ministère de l'Exemple, Retraite Québec]\ndate_signature: 2024-06-01\ntransmission_cai: 2024-06-10\n"
	// entItemsExample: the items of an agreement (ENT-001, ENT-002).
	entItemsExample = "fins: Administration du régime de retraite\nrenseignements: Nom, prénom, date d'embauche\nmoyens: Transfert de fichier sécurisé\nmesures_securite: Chiffrement et accès restreint\nperiodicite: Mensuelle\nduree: Trois ans, renouvelable\n"
	// incSeriousExample: an incident with a risk of serious injury (INC-007, INC-008).
	incSeriousExample = "id: INC-0001\nrenseignements: Numéros d'assurance sociale de 40 employés\ncirconstances: Vol d'un ordinateur portable non chiffré\nsurvenance: 2025-02-03\nconnaissance: 2025-02-04\nnombre_personnes: 40\nevaluation_risque: Renseignements sensibles ; risque de vol d'identité.\nrisque_serieux: true\nmesures: [Plainte au service de police]\n"
	// invExample: an inventory entry (INV-009, INV-010).
	invExample = "id: INV-0001\nunite: Direction des ressources humaines\ndesignation: Dossiers du personnel\npersonnes_concernees: [Employés]\ncategories_renseignements: [Identité, Emploi]\nprovenance: [Personne concernée]\nfins: [Gestion de la rémunération]\nsupports: [Électronique]\n"
	// invMeasuresExample: the security measures of an inventory entry (INV-009, INV-010).
	invMeasuresExample = "mesures_securite: [Accès restreint selon le profil]\n"
	// utiExample: a use (UTI-001, UTI-002, UTI-004, UTI-005, UTI-007, UTI-010).
	utiExample = "id: UTI-0001\nunite: Direction de la recherche\nrenseignements: Adresse courriel\nfins_initiales: Inscription aux cours de français\nutilisation: Sondage de satisfaction de la clientèle\npersonnes_acces: [Analyste en mesure de la satisfaction]\n"
)
