package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Articles of whose communications are entered in the 67.3 register
// (plus the legacy 68.1 and 125, accepted and dated by COM-021).
var art673 = []string{"66", "67", "67.1", "67.2", "67.2.1", "68"}

const lai = "A-2.1"

func init() {
	E, W, I := finding.Error, finding.Warning, finding.Info
	com := []*model.Kind{model.Communications}
	base := "id: COM-0001\ndestinataire: Retraite Québec\nrenseignements: Nom, prénom, date d'embauche\nfins: Administration du régime de retraite\nraisons: Obligation prévue par la loi\n"
	register(
		&Rule{ID: "COM-001", Kinds: com, Sector: PublicOnly, Entry: com001, Doc: Doc{
			Title: "Communication sans appui légal du registre de l'art. 67.3",
			Law:   "A-2.1, art. 67.3, al. 1", Severity: E, Confidence: "H",
			Text: "Le registre de l'article 67.3 reçoit les communications faites sans le consentement de la personne en vertu des articles 66, 67, 67.1, 67.2, 67.2.1 et 68 de la Loi sur l'accès. L'appui légal doit citer au moins l'un de ces articles ; un contrat, une entente ou une convention collective ne suffit pas à lui seul (règle CIT-008 de l'analyse juridique). Une communication dont le seul appui est l'article 59, deuxième alinéa, relève du registre de l'article 60 et non de celui-ci : elle donne un avertissement. Les appuis d'avant la Loi 25 (68.1, 125) sont acceptés ; voir COM-021.",
			Bad:  base + "appui_legal:\n  - Contrat de service\nhors_quebec: false\n",
			Good: base + "appui_legal:\n  - Article 67 de la Loi sur l'accès\n  - Contrat de service\nhors_quebec: false\n"}},
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
		&Rule{ID: "COM-006", Kinds: com, Sector: PublicOnly, Entry: com006, Doc: Doc{
			Title: "Communication à l'extérieur du Québec non précisée", Law: "A-2.1, art. 67.3, al. 3, par. 3° ; art. 70.1", Severity: W, Confidence: "M",
			Text: "Le registre indique, le cas échéant, qu'il s'agit d'une communication visée à l'article 70.1 (à l'extérieur du Québec). Écrire hors_quebec: true ou false explicitement évite toute ambiguïté et affiche « Oui » ou « Non » dans le registre publié.",
			Bad:  base + "appui_legal: [Article 67 de la Loi sur l'accès]\n", Good: base + "appui_legal: [Article 67 de la Loi sur l'accès]\nhors_quebec: false\n"}},
		&Rule{ID: "COM-007", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com007, Doc: Doc{
			Title: "Communication hors Québec sans EFVP", Law: "A-2.1, art. 70.1, al. 1", Severity: E, Confidence: "H",
			Text: "Avant de communiquer un renseignement personnel à l'extérieur du Québec, l'organisme doit procéder à une évaluation des facteurs relatifs à la vie privée (sensibilité, finalité, mesures de protection, régime juridique de l'État de destination). Liez l'EFVP (clé efvp) ou déclarez l'exception de l'article 70.1 qui s'applique (clé exception_70_1 : urgence-59-4, benefice-68-1.1, engagement-international, sante-publique-133 ; un appui sur l'article 68, premier alinéa, paragraphe 1.1° vaut déclaration de benefice-68-1.1). " +
				"Une EFVP liée qui ne porte pas sur la communication hors Québec (ni le déclencheur « 70.1 » ni aucun des quatre facteurs de l'al. 1) ne satisfait pas l'obligation : la règle donne la même erreur, car l'évaluation exigée n'a pas été faite (avec des facteurs documentés mais sans le déclencheur, EFVP-001 demande seulement de compléter les déclencheurs). " +
				"Une communication commencée (clé debut) ou une entente signée avant le 2023-09-22, date d'entrée en vigueur de l'EFVP de l'article 70.1, donne un avertissement : les dispositions transitoires de la Loi 25 n'ont pas été vérifiées [U] (legal.md §4.8), et l'EFVP reste exigée pour la suite.",
			Bad: "hors_quebec: true\nentente: ENT-0002\n", Good: "hors_quebec: true\nefvp: EFVP-0002\nentente: ENT-0002\n"}},
		&Rule{ID: "COM-008", Kinds: com, Sector: PublicOnly, Entry: com008, Doc: Doc{
			Title: "Communication hors Québec sans entente écrite", Law: "A-2.1, art. 70.1, al. 2", Severity: E, Confidence: "H",
			Text: "Une communication à l'extérieur du Québec doit faire l'objet d'une entente écrite qui tient compte des résultats de l'EFVP et des modalités convenues pour atténuer les risques. Liez l'entente (clé entente) ou déclarez l'exception de l'article 70.1 qui s'applique. Si l'appui légal nomme l'entente (« Lettre d'entente … »), elle n'est pas manquante : ENT-007 demande alors de la lier pour que ses dates puissent être vérifiées. L'accord intergouvernemental cité dans l'appui légal (« Accord Canada-Québec … ») existe, mais il n'est pas l'entente qui tient compte des résultats de l'EFVP : l'erreur demeure et le message le nomme (legal.md §4.5, §4.13). Une communication commencée avant le 2023-09-22 (clé debut, ou date de signature de l'entente liée) donne un avertissement : l'entente écrite date de la Loi 25, dont les dispositions transitoires n'ont pas été vérifiées [U] (legal.md §4.8).",
			Bad:  "hors_quebec: true\nefvp: EFVP-0002\n", Good: "hors_quebec: true\nefvp: EFVP-0002\nentente: ENT-0002\n"}},
		&Rule{ID: "COM-009", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com009, Doc: Doc{
			Title: "EFVP d'une communication hors Québec sans conclusion de protection adéquate", Law: "A-2.1, art. 70.1, al. 2", Severity: E, Confidence: "H",
			Text: "La communication à l'extérieur du Québec ne peut s'effectuer que si l'évaluation démontre que les renseignements bénéficieraient d'une protection adéquate. L'EFVP liée doit avoir conclusion: protection_adequate.",
			Bad:  "# EFVP-0002.yaml\nconclusion: en_cours\n", Good: "# EFVP-0002.yaml\nconclusion: protection_adequate\n"}},
		&Rule{ID: "COM-010", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com010, Doc: Doc{
			Title: "EFVP postérieure à la première communication hors Québec", Law: "A-2.1, art. 70.1, al. 1 (« Avant de communiquer »)", Severity: E, Confidence: "H",
			Text: "L'évaluation doit précéder la communication : la date de l'EFVP liée ne peut pas être postérieure à la date de la première communication (clé debut). Une communication commencée avant le 2023-09-22, date d'entrée en vigueur de l'EFVP de l'article 70.1, n'est pas visée.",
			Bad:  "debut: 2024-01-15   # EFVP datée du 2024-03-01\n", Good: "debut: 2024-04-01   # EFVP datée du 2024-03-01\n"}},
		&Rule{ID: "COM-011", Kinds: com, Sector: PublicOnly, Entry: com011, Doc: Doc{
			Title: "Communication à des fins de recherche (67.2.1) sans EFVP ou sans entente", Law: "A-2.1, art. 67.2.1 à 67.2.3", Severity: E, Confidence: "M",
			Text: "Une communication sans consentement à des fins d'étude, de recherche ou de production de statistiques exige une EFVP (qui conclut notamment que l'objectif ne peut être atteint que si les renseignements permettent d'identifier les personnes) et une entente écrite conclue avant la communication. Si l'appui légal nomme l'entente (« Entente administrative … (2006) », « Lettre d'entente … »), elle n'est pas manquante : ENT-007 demande alors de la lier pour que ses dates puissent être vérifiées.",
			Bad:  "appui_legal: [Article 67.2.1 de la Loi sur l'accès]\nefvp: EFVP-0003\n", Good: "appui_legal: [Article 67.2.1 de la Loi sur l'accès]\nefvp: EFVP-0003\nentente: ENT-0004\n"}},
		&Rule{ID: "COM-012", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com012, Doc: Doc{
			Title: "Entente de recherche non transmise à la Commission avant la communication", Law: "A-2.1, art. 67.2.3", Severity: E, Confidence: "M",
			Text: "L'entente de recherche doit être transmise à la Commission d'accès à l'information avant toute communication. L'entente liée doit indiquer transmission_cai, à une date qui ne suit pas la première communication (debut).",
			Bad:  "# ENT-0004.yaml, sans transmission_cai\n", Good: "# ENT-0004.yaml\ntransmission_cai: 2024-02-01\n"}},
		&Rule{ID: "COM-013", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com013, Doc: Doc{
			Title: "Communication de recherche moins de 30 jours après la transmission de l'entente", Law: "A-2.1, art. 67.2.3 (délai de 30 jours, à vérifier)", Severity: W, Confidence: "L",
			Text: "Selon l'analyse juridique (point non vérifié [U]), l'entente de recherche entre en vigueur 30 jours après sa réception par la Commission. Une première communication plus tôt mérite vérification. Pourquoi un avertissement alors que COM-015 est une erreur pour le même délai de l'article 68 : le délai de 30 jours de l'article 68 est vérifié dans le texte (dernier alinéa), celui de l'entente de recherche (art. 67.2.3) ne l'a pas été ; la transmission avant toute communication, elle, est vérifiée et reste une erreur (COM-012).",
			Bad:  "debut: 2024-02-10   # entente transmise le 2024-02-01\n", Good: "debut: 2024-03-15   # entente transmise le 2024-02-01\n"}},
		&Rule{ID: "COM-014", Kinds: com, Sector: PublicOnly, Entry: com014, Doc: Doc{
			Title: "Communication en vertu de l'art. 68 sans entente écrite", Law: "A-2.1, art. 68, al. 3", Severity: E, Confidence: "H",
			Text: "La communication prévue à l'article 68 s'effectue dans le cadre d'une entente écrite (parties, fins, nature des renseignements, modalités, mesures de sécurité, périodicité, durée). Une entente était déjà exigée avant la Loi 25. Liez-la avec la clé entente. Si l'appui légal nomme l'entente (« Entente administrative … (2006) », « Lettre d'entente … »), elle n'est pas manquante : ENT-007 demande alors de la lier pour que ses dates puissent être vérifiées.",
			Bad:  "appui_legal: [Article 68 de la Loi sur l'accès]\n", Good: "appui_legal: [Article 68 de la Loi sur l'accès]\nentente: ENT-0001\n"}},
		&Rule{ID: "COM-015", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com015, Doc: Doc{
			Title: "Entente de l'art. 68 non transmise à la Commission ou pas encore en vigueur", Law: "A-2.1, art. 68, dernier alinéa", Severity: E, Confidence: "H",
			Text: "L'entente de l'article 68 est transmise à la Commission et entre en vigueur 30 jours après sa réception. L'entente liée doit indiquer transmission_cai, et la première communication (debut) ne peut précéder la fin de ce délai. Pour une entente conclue avant le 2023-09-22 sous l'ancien régime (avis de la Commission, art. 70 abrogé), le constat est un avertissement. Le délai de 30 jours de l'article 68 est vérifié dans le texte : c'est une erreur, alors que le même délai pour l'entente de recherche (COM-013) n'est qu'un avertissement, faute d'avoir été vérifié dans l'article 67.2.3.",
			Bad:  "debut: 2024-02-10   # entente transmise le 2024-02-01\n", Good: "debut: 2024-03-15   # entente transmise le 2024-02-01\n"}},
		&Rule{ID: "COM-016", Kinds: com, Sector: PublicOnly, Entry: com016, Doc: Doc{
			Title: "Article 68 cité sans son paragraphe", Law: "A-2.1, art. 68, al. 1", Severity: W, Confidence: "M",
			Text: "L'article 68 permet la communication dans quatre cas (paragraphes 1°, 1.1°, 2° et 3° du premier alinéa). Préciser le paragraphe montre le cas retenu ; il est nécessaire pour l'exception de l'article 70.1 (paragraphe 1.1°).",
			Bad:  "appui_legal: [Article 68 de la Loi sur l'accès]\n", Good: "appui_legal: [Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès]\n"}},
		&Rule{ID: "COM-017", Kinds: com, Sector: PublicOnly, Entry: com017, Doc: Doc{
			Title: "Mandat ou contrat de service (67.2) sans écrit", Law: "A-2.1, art. 67.2, al. 2, par. 1°", Severity: E, Confidence: "H",
			Text: "Le mandat ou le contrat de service de l'article 67.2 est confié par écrit (al. 2, par. 1°) et précise les dispositions applicables et les mesures de confidentialité (par. 2°). Depuis la modification de 2021 (LQ 2021, c. 25, a. 22), seul le paragraphe 2° ne s'applique pas lorsque le mandataire est un autre organisme public ou un membre d'un ordre professionnel (membre_ordre_professionnel: true) : l'écrit reste exigé. " +
				"Liez le contrat (clé entente) ou nommez-le dans l'appui légal (« Contrat de service », « Contrat signé entre le Ministère et l'enquêteur mandaté ») ; un contrat seulement nommé donne l'avertissement ENT-007, qui demande de le lier.",
			Bad: "appui_legal: [Article 67.2 de la Loi sur l'accès]\n", Good: "appui_legal: [Article 67.2 de la Loi sur l'accès]\nentente: ENT-0005\n"}},
		&Rule{ID: "COM-018", Kinds: com, Sector: PublicOnly, Entry: com018, Doc: Doc{
			Title: "Communication de l'art. 66 sans avis préalable à la Commission", Law: "A-2.1, art. 66, al. 2", Severity: W, Confidence: "M",
			Text: "Lorsqu'il communique des renseignements d'identification pour recueillir des renseignements détenus par une entreprise, l'organisme en informe la Commission au préalable. Indiquez la date de cet avis (clé avis_cai).",
			Bad:  "appui_legal: [Article 66 de la Loi sur l'accès]\n", Good: "appui_legal: [Article 66 de la Loi sur l'accès]\navis_cai: 2024-05-01\n"}},
		&Rule{ID: "COM-019", Kinds: com, Sector: PublicOnly, Entry: com019, Doc: Doc{
			Title: "Communication qui semble viser la recherche sans l'art. 67.2.1", Law: "A-2.1, art. 67.2.1", Severity: W, Confidence: "L",
			Text: "Les fins ou les raisons évoquent la recherche, une étude ou des statistiques, mais l'appui légal ne cite pas l'article 67.2.1, qui encadre ces communications (EFVP, entente, transmission à la Commission). Le nom du destinataire n'est pas lu : « Centre de recherche industrielle du Québec » ou « Institut de la statistique du Québec » nomme un organisme, pas une fin de recherche (revue juridique). Un appui sur l'article 67 accompagné de la loi du Québec qui exige la communication (« Loi sur l'Institut de la statistique du Québec ») est un appui juste : la règle est muette. Le vocabulaire de la scolarité et du marché du travail n'est pas de la recherche : « permis d'études », « études » au pluriel (études collégiales, CAQ pour études), « étude d'impact sur le marché du travail », « étude de la demande » ou « du dossier », « recherche d'emploi » ne déclenchent pas la règle. L'article 67.2.1 vise la communication sans consentement : une communication faite avec le consentement de la personne (exemption: consentement, ou consentement écrit dans l'appui légal) ne la déclenche pas non plus (COM-025). Vérifiez l'appui légal ; si la communication relève bien d'un autre article, ignorez la règle pour cette inscription en donnant la raison. Heuristique : précision mesurée : 0,94 sur 64 phrases (rappel 0,94 ; corpus testdata/heuristics/COM-019.tsv). Pour une entreprise : PRV-013.",
			Bad:  "destinataire: Pre Jeanne Tremblay, chercheuse\nappui_legal: [Article 67.2 de la Loi sur l'accès]\n", Good: "destinataire: Pre Jeanne Tremblay, chercheuse\nappui_legal: [Article 67.2.1 de la Loi sur l'accès]\n"}},
		&Rule{ID: "COM-020", Kinds: com, Sector: PublicOnly, Entry: com020, Doc: Doc{
			Title: "Destinataire hors Québec connu, mais hors_quebec: false", Law: "A-2.1, art. 70.1", Severity: W, Confidence: "L",
			Text: "Le destinataire est un organisme fédéral ou étranger connu (p. ex. Statistique Canada, IRCC, ASFC, EDSC, ARC, GRC) ou est situé hors du Québec, mais la communication est inscrite comme faite au Québec. Vérifiez hors_quebec ; si la communication se fait réellement au Québec, ignorez la règle en donnant la raison, ou désactivez-la dans registre.yaml. Heuristique : précision mesurée : 1,00 sur 63 phrases (rappel 0,91 ; corpus testdata/heuristics/COM-020.tsv). Pour une entreprise : PRV-014.",
			Bad:  "destinataire: Statistique Canada\nhors_quebec: false\n", Good: "destinataire: Statistique Canada\nhors_quebec: true\nefvp: EFVP-0002\nentente: ENT-0003\n"}},
		&Rule{ID: "COM-021", Kinds: com, Sector: PublicOnly, Entry: com021, Doc: Doc{
			Title: "Appui légal abrogé depuis la Loi 25 (125, 68.1)", Law: "A-2.1, art. 67.3, al. 1 (depuis le 2022-09-22)", Severity: W, Confidence: "M",
			Text: "Depuis le 2022-09-22, l'autorisation de la Commission de l'ancien article 125 est remplacée par l'article 67.2.1, et l'article 68.1 ne figure plus dans la liste de l'article 67.3. Ces appuis restent acceptés pour les inscriptions antérieures ; pour une communication inscrite ou commencée depuis, citez l'article en vigueur.",
			Bad:  "appui_legal: [Article 125 de la Loi sur l'accès]\ndebut: 2024-01-01\n", Good: "appui_legal: [Article 67.2.1 de la Loi sur l'accès]\ndebut: 2024-01-01\n"}},
		&Rule{ID: "COM-022", Kinds: com, Sector: PublicOnly, Entry: com022, Doc: Doc{
			Title: "Communication exclue du registre (imputation d'une retenue)", Law: "A-2.1, art. 67.3, al. 1", Severity: I, Confidence: "H",
			Text: "La communication requise pour imputer au compte d'un membre du personnel un montant dont la loi oblige la retenue ou le versement est exclue du registre. Son inscription est acceptée, mais elle n'est pas requise.",
			Bad:  "exemption: imputation_retenue\n", Good: "(aucune inscription, ou l'inscription conservée volontairement)"}},
		&Rule{ID: "COM-023", Kinds: com, Entry: com023, Doc: Doc{
			Title: "Exception de l'art. 70.1 déclarée pour une communication au Québec", Law: "A-2.1, art. 70.1", LawPrivate: "P-39.1, art. 17 ; art. 18, al. 1, par. 7°", Severity: W, Confidence: "M",
			Text: "Une exception à l'article 70.1 ne se comprend que pour une communication à l'extérieur du Québec. Corrigez hors_quebec ou retirez exception_70_1. L'exception benefice-68-1.1 suppose aussi que l'appui légal cite l'article 68, premier alinéa, paragraphe 1.1°. (Un code de l'autre secteur : COM-028.)",
			Bad:  "hors_quebec: false\nexception_70_1: sante-publique-133\n", Good: "hors_quebec: true\nexception_70_1: sante-publique-133\n"}},
		&Rule{ID: "COM-028", Kinds: com, Entry: com028, Doc: Doc{
			Title: "Exception de l'art. 70.1 d'un autre secteur", Law: "A-2.1, art. 70.1", LawPrivate: "P-39.1, art. 17 ; art. 18, al. 1, par. 7°", Severity: W, Confidence: "H",
			Text: "Chaque code d'exception appartient à un secteur : urgence-18-7 (Loi sur le privé, art. 18, al. 1, par. 7°) aux entreprises, les quatre autres (urgence-59-4, benefice-68-1.1, engagement-international, sante-publique-133 : Loi sur l'accès) aux organismes publics. Le code de l'autre secteur n'est pas une exception : les règles de l'EFVP et de l'entente (COM-007, COM-008, PRV-001…) s'appliquent, et cette règle le signale. (Ajoutée en 0.2.0 ; COM-023 garde son sens : une exception déclarée pour une communication au Québec.)",
			Bad:  "hors_quebec: true\nexception_70_1: urgence-18-7   # organisme public\n", Good: "hors_quebec: true\nexception_70_1: urgence-59-4\n"}},
		&Rule{ID: "PRV-013", Kinds: com, Sector: PrivateOnly, Entry: com019, Doc: Doc{
			Title: "Entreprise : communication qui semble viser la recherche sans l'art. 21", Law: "P-39.1, art. 21", Severity: W, Confidence: "L",
			Text: "La contrepartie de COM-019 pour une entreprise (ajoutée en 0.2.0) : les fins ou les raisons évoquent la recherche, une étude ou des statistiques, mais l'appui légal ne cite pas l'article 21 de la Loi sur le privé, qui encadre la communication sans consentement à ces fins (EFVP, entente). Mêmes exclusions que COM-019 : le nom du destinataire n'est pas lu, le vocabulaire de la scolarité et du marché du travail n'est pas de la recherche, une communication faite avec le consentement ne la déclenche pas. Le texte de l'article 21 n'est pas vérifié dans l'analyse juridique [U] : avertissement. Heuristique : même détecteur que COM-019 (précision mesurée : 0,94 sur 64 phrases ; corpus testdata/heuristics/COM-019.tsv).",
			Bad:  "fins: Projet de recherche sur les habitudes d'achat\nappui_legal: [Article 18 de la Loi sur le privé]\n", Good: "fins: Projet de recherche sur les habitudes d'achat\nappui_legal: [Article 21 de la Loi sur le privé]\n"}},
		&Rule{ID: "PRV-014", Kinds: com, Sector: PrivateOnly, Entry: com020, Doc: Doc{
			Title: "Entreprise : destinataire hors Québec connu, mais hors_quebec: false", Law: "P-39.1, art. 17", Severity: W, Confidence: "L",
			Text: "La contrepartie de COM-020 pour une entreprise (ajoutée en 0.2.0) : le destinataire est un organisme fédéral ou étranger connu (p. ex. Statistique Canada, IRCC, ASFC) ou est situé hors du Québec, mais la communication est inscrite comme faite au Québec ; une communication hors Québec exige une EFVP et une entente écrite (art. 17). Vérifiez hors_quebec ; si la communication se fait réellement au Québec, ignorez la règle en donnant la raison. Heuristique : même détecteur que COM-020 (précision mesurée : 1,00 sur 63 phrases ; corpus testdata/heuristics/COM-020.tsv).",
			Bad:  "destinataire: Statistique Canada\nhors_quebec: false\n", Good: "destinataire: Statistique Canada\nhors_quebec: true\nefvp: EFVP-0002\nentente: ENT-0003\n"}},
		&Rule{ID: "COM-024", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com024, Doc: Doc{
			Title: "Communication en vertu de l'art. 68 sans EFVP", Law: "A-2.1, art. 68, al. 2", Severity: E, Confidence: "H",
			Text: "Depuis le 2023-09-22, la communication de l'article 68 est précédée d'une EFVP qui conclut que l'identification est nécessaire, qu'il est déraisonnable d'exiger le consentement, que l'objectif l'emporte sur l'impact sur la vie privée et que la confidentialité est assurée. Pour une entente conclue avant cette date (ancien régime), le constat est un avertissement ; de même lorsque l'entente n'est que nommée dans l'appui légal : une année antérieure à 2023 dans son titre (« … (2006) ») la place sous l'ancien régime, et sans année (ou en 2023) sa date ne peut être vérifiée (ENT-007). Une année postérieure à 2023 (« Lettre d'entente … (2025) ») prouve au contraire que l'entente relève de la Loi 25 : l'EFVP manquante est alors une erreur. (Règle COM-014b de l'analyse juridique.)",
			Bad:  "appui_legal: [Article 68 de la Loi sur l'accès]\nentente: ENT-0001\n", Good: "appui_legal: [Article 68 de la Loi sur l'accès]\nentente: ENT-0001\nefvp: EFVP-0001\n"}},
	)
}

func com001(p *Pass, e *model.Entry) {
	if len(e.Strings("appui_legal")) == 0 || e.Str("exemption") != "" {
		return // missing: reported by the schema under the same id
	}
	if _, ok := consentOnly(p, e, art673...); ok {
		return // COM-025
	}
	c := p.Citations(e)
	if cites(c, lai, art673...) || cites(c, lai, "68.1", "125") {
		return
	}
	if cites(c, lai, "59") {
		// The duty this warning points to is the log of art. 60 (legal.md §4.4).
		n := len(*p.out)
		p.ReportLaw("A-2.1, art. 60", e, "appui_legal", "le seul appui légal est l'article 59 : une communication faite en vertu du deuxième alinéa de l'article 59 s'inscrit au registre de l'article 60, pas à celui de l'article 67.3")
		if len(*p.out) > n {
			(*p.out)[n].Severity = finding.Warning
		}
		return
	}
	p.Report(e, "appui_legal", "l'appui légal ne cite aucun des articles 66, 67, 67.1, 67.2, 67.2.1 ou 68 de la Loi sur l'accès, qui définissent les communications inscrites au registre")
}

func com006(p *Pass, e *model.Entry) {
	if _, set := e.Bool("hors_quebec"); !set && !e.Has("hors_quebec") {
		p.Report(e, "", "hors_quebec n'est pas précisé : indiquez true ou false (communication à l'extérieur du Québec, art. 70.1)")
	}
}

// outside reports whether e is a communication outside Québec without a
// declared 70.1 exception of the organisation's sector.
func outside(p *Pass, e *model.Entry) bool { return e.True("hors_quebec") && !exceptionOf(p, e) }

// exceptionOf reports whether e declares an exception to 70.1 (P-39.1 art.
// 17) that belongs to the organisation's sector: urgence-18-7 (P-39.1, 18
// al. 1 7°) for an enterprise, the four exceptions for a public body
// (legal.md §4.5). The other sector's code is no exception: the EFVP and
// agreement duties stand, and COM-023 says the code belongs elsewhere.
//
// A public body's basis « Article 68, premier alinéa, paragraphe 1.1° » is
// itself one of the exceptions (legal.md §4.5): it counts as the
// declared benefice-68-1.1.
func exceptionOf(p *Pass, e *model.Entry) bool {
	ex := e.Str("exception_70_1")
	if ex == "" {
		return !p.Private() && cites681_1(p, e)
	}
	return (ex == "urgence-18-7") == p.Private()
}

// cites681_1 reports whether the basis cites 68, al. 1, par. 1.1°.
func cites681_1(p *Pass, e *model.Entry) bool {
	for _, r := range refsOf(p.Citations(e), lai, "68") {
		if r.Par != nil && (r.Par.From == "1.1" || r.Par.To == "1.1") {
			return true
		}
	}
	return false
}

func com007(p *Pass, e *model.Entry) {
	if !outside(p, e) {
		return
	}
	if e.Str("efvp") == "" {
		if before := startBeforeLoi25(p, e); before != "" {
			p.ReportSev(finding.Warning, e, "hors_quebec", "communication à l'extérieur du Québec sans EFVP (clé efvp) ni exception déclarée (clé exception_70_1) ; elle date du %s, d'avant le 2023-09-22 (ancien régime, dispositions transitoires non vérifiées) : l'EFVP est exigée pour la suite et au renouvellement de l'entente", before)
			return
		}
		p.Report(e, "hors_quebec", "communication à l'extérieur du Québec sans EFVP (clé efvp) ni exception déclarée (clé exception_70_1)")
		return
	}
	if ev := ref(p, e, "efvp", model.EFVP); ev != nil && !efvpAssesses701(ev) {
		p.Report(e, "efvp", "communication à l'extérieur du Québec : l'EFVP liée %s ne porte pas sur 70.1 (ni le déclencheur « 70.1 » ni aucun des quatre facteurs de l'al. 1, par. 1° à 4° : sensibilité, finalités, mesures de protection, régime juridique de l'État de destination) ; l'évaluation exigée avant de communiquer hors Québec n'a pas été faite", ev.ID)
	}
}

// efvpAssesses701 reports whether an EFVP assesses a communication outside
// Québec: it names the 70.1 (P-17) trigger or documents at least one of the
// four factors of 70.1 al. 1 (EFVP-002 then asks for the others, EFVP-001
// for the trigger).
func efvpAssesses701(ev *model.Entry) bool {
	decl := ev.Strings("declencheurs")
	if efvpHas(decl, "70.1") || efvpHas(decl, "P-17") {
		return true
	}
	f := ev.Map("facteurs")
	for _, x := range efvpFactors {
		if model.AsString(f[x.key]) != "" {
			return true
		}
	}
	return false
}

func com008(p *Pass, e *model.Entry) {
	if !outside(p, e) || !agreementOf(p, e).missing() {
		return
	}
	// An intergovernmental accord named in the basis (« Article 22 a) de
	// l'Accord Canada-Québec … ») is a writing that exists, but not the
	// agreement of 70.1 al. 2, which takes account of the EFVP's results
	// (legal.md §4.5 note, §4.13): say so, never « sans entente écrite ».
	if title, ok := accordOf(p.Citations(e)); ok {
		p.Report(e, "hors_quebec", "communication à l'extérieur du Québec sans l'entente écrite de l'article 70.1, al. 2 (clé entente) ni exception déclarée (clé exception_70_1) : l'accord intergouvernemental cité (« %s ») existe, mais il n'est pas l'entente qui tient compte des résultats de l'EFVP", agreementShort(title))
		return
	}
	if before := startBeforeLoi25(p, e); before != "" {
		p.ReportSev(finding.Warning, e, "hors_quebec", "communication à l'extérieur du Québec sans entente écrite (clé entente) ni exception déclarée (clé exception_70_1) ; elle date du %s, d'avant le 2023-09-22 (ancien régime, dispositions transitoires non vérifiées) : l'entente est exigée pour la suite", before)
		return
	}
	p.Report(e, "hors_quebec", "communication à l'extérieur du Québec sans entente écrite (clé entente) ni exception déclarée (clé exception_70_1)")
}

func com009(p *Pass, e *model.Entry) {
	if !outside(p, e) {
		return
	}
	if ev := ref(p, e, "efvp", model.EFVP); ev != nil && ev.Str("conclusion") != "protection_adequate" {
		p.Report(e, "efvp", "l'EFVP %s ne conclut pas à une protection adéquate (conclusion : %s) : la communication à l'extérieur du Québec n'est pas permise", ev.ID, orNone(ev.Str("conclusion")))
	}
}

func com010(p *Pass, e *model.Entry) {
	if !outside(p, e) {
		return
	}
	if ev, d, debut := efvpAfter(p, e, "debut"); ev != nil && debut >= loi25Phase3 {
		p.Report(e, "debut", "l'EFVP %s est datée du %s, après la première communication (%s) : l'évaluation doit précéder la communication", ev.ID, d, debut)
	}
}

func com011(p *Pass, e *model.Entry) {
	if !cites(p.Citations(e), lai, "67.2.1") {
		return
	}
	var miss []string
	if e.Str("efvp") == "" {
		miss = append(miss, "une EFVP (clé efvp)")
	}
	if agreementOf(p, e).missing() {
		miss = append(miss, "une entente écrite (clé entente)")
	}
	if len(miss) > 0 {
		p.Report(e, "appui_legal", "communication à des fins de recherche (art. 67.2.1) sans %s", strings.Join(miss, " ni "))
	}
}

func com012(p *Pass, e *model.Entry) {
	if !cites(p.Citations(e), lai, "67.2.1") {
		return
	}
	ent := ref(p, e, "entente", model.Ententes)
	if ent == nil {
		return
	}
	t := ent.Date("transmission_cai")
	switch debut := e.Date("debut"); {
	case t == "":
		p.Report(e, "entente", "l'entente %s n'indique pas sa transmission à la Commission (transmission_cai) : elle doit lui être transmise avant toute communication", ent.ID)
	case debut != "" && t > debut:
		p.Report(e, "debut", "l'entente %s a été transmise à la Commission le %s, après la première communication (%s)", ent.ID, t, debut)
	}
}

func com013(p *Pass, e *model.Entry) {
	if !cites(p.Citations(e), lai, "67.2.1") {
		return
	}
	ent := ref(p, e, "entente", model.Ententes)
	debut := e.Date("debut")
	if ent == nil || debut == "" {
		return
	}
	if t := ent.Date("transmission_cai"); t != "" && t <= debut && debut < addDays(t, 30) {
		p.Report(e, "debut", "première communication le %s, moins de 30 jours après la transmission de l'entente %s à la Commission (%s)", debut, ent.ID, t)
	}
}

func cites68(p *Pass, e *model.Entry) bool { return cites(p.Citations(e), lai, "68") }

func com014(p *Pass, e *model.Entry) {
	if cites68(p, e) && agreementOf(p, e).missing() {
		p.Report(e, "appui_legal", "communication en vertu de l'article 68 sans entente écrite (clé entente)")
	}
}

// preLoi25 reports whether the agreement predates the 2023-09-22 regime.
func preLoi25(ent *model.Entry) bool {
	d := ent.Date("date_signature")
	return d != "" && d < loi25Phase3
}

func com024(p *Pass, e *model.Entry) {
	if !cites68(p, e) || e.Str("efvp") != "" {
		return
	}
	if ent := ref(p, e, "entente", model.Ententes); ent != nil && preLoi25(ent) {
		p.ReportSev(finding.Warning, e, "appui_legal", "communication en vertu de l'article 68 sans EFVP ; l'entente %s date d'avant le 2023-09-22 (ancien régime) : une EFVP est exigée à son renouvellement", ent.ID)
		return
	}
	if a := agreementOf(p, e); a.state == agreementNamed {
		com024Named(p, e, a.named)
		return
	}
	p.Report(e, "appui_legal", "communication en vertu de l'article 68 sans EFVP (clé efvp), exigée depuis le 2023-09-22")
}

func com015(p *Pass, e *model.Entry) {
	if !cites68(p, e) {
		return
	}
	ent := ref(p, e, "entente", model.Ententes)
	if ent == nil {
		return
	}
	report := p.Report
	if preLoi25(ent) {
		report = func(e *model.Entry, k, f string, a ...any) { p.ReportSev(finding.Warning, e, k, f, a...) }
	}
	t := ent.Date("transmission_cai")
	debut := e.Date("debut")
	switch {
	case t == "":
		report(e, "entente", "l'entente %s n'indique pas sa transmission à la Commission (transmission_cai) : elle entre en vigueur 30 jours après sa réception", ent.ID)
	case debut != "" && debut < addDays(t, 30):
		report(e, "debut", "première communication le %s, avant l'entrée en vigueur de l'entente %s (30 jours après sa transmission du %s, soit le %s)", debut, ent.ID, t, addDays(t, 30))
	}
}

func com016(p *Pass, e *model.Entry) {
	refs := refsOf(p.Citations(e), lai, "68")
	if len(refs) == 0 {
		return
	}
	for _, r := range refs {
		if r.Par != nil {
			return
		}
	}
	p.Report(e, "appui_legal", "l'article 68 est cité sans son paragraphe (1°, 1.1°, 2° ou 3° du premier alinéa)")
}

func com017(p *Pass, e *model.Entry) {
	// The writing (al. 2, par. 1°) is never waived: a member of a professional
	// order or another public body is exempt only from the clauses of par. 2°
	// (legal.md §4.10, corrected).
	if cites(p.Citations(e), lai, "67.2") && agreementOf(p, e).missing() {
		p.Report(e, "appui_legal", "mandat ou contrat de service (art. 67.2) sans écrit : ni contrat lié (clé entente) ni contrat nommé dans l'appui légal ; le mandat ou le contrat doit être confié par écrit (art. 67.2, al. 2, par. 1°), même à un membre d'un ordre professionnel ou à un autre organisme public")
	}
}

func com018(p *Pass, e *model.Entry) {
	if cites(p.Citations(e), lai, "66") && e.Date("avis_cai") == "" {
		p.Report(e, "appui_legal", "communication en vertu de l'article 66 sans date de l'avis préalable à la Commission (clé avis_cai)")
	}
}

// researchAnchors are parts of those words that French never accents, in
// lower and upper case: a text without any of them cannot contain the words,
// so most texts are rejected without folding their accents.
var researchAnchors = []string{"tud", "TUD", "echerch", "ECHERCH", "hercheu", "HERCHEU", "tatisti", "TATISTI"}

func containsAny(texts []string, subs []string) bool {
	for _, t := range texts {
		for _, s := range subs {
			if strings.Contains(t, s) {
				return true
			}
		}
	}
	return false
}

func com019(p *Pass, e *model.Entry) {
	// 67.2.1 governs communications for research made without consent: a
	// research communication made with the person's consent (exemption:
	// consentement, or consent in the basis) is lawful under art. 59, al. 1
	// and outside the register (legal.md §4.3, COM-025).
	if _, ok := consentOf(p, e); ok {
		return
	}
	c := p.Citations(e)
	art := "l'article 67.2.1"
	if p.Private() {
		if cites(c, lprp, "21", "21.0.1", "21.0.2") {
			return
		}
		art = "l'article 21 de la Loi sur le privé"
	} else if cites(c, lai, "67.2.1", "125") || citesLawWith67(c) {
		return
	}
	// The purposes and reasons say what the communication is for; a
	// recipient's name (« Centre de recherche industrielle du Québec »,
	// « Institut de la statistique du Québec ») is not a research purpose.
	texts := []string{e.Str("fins"), e.Str("raisons")}
	if !containsAny(texts, researchAnchors) {
		return
	}
	if w := researchWord(texts...); w != "" {
		p.Report(e, "fins", "les fins ou les raisons évoquent la recherche ou la statistique (« %s… ») mais l'appui légal ne cite pas %s", w, art)
	}
}

// citesLawWith67 reports whether the basis is art. 67 (information necessary
// to apply a law in Québec) together with that Québec law (« Loi sur
// l'Institut de la statistique du Québec »): statistics that this law
// requires are then communicated under 67, not 67.2.1 (revue juridique d13).
func citesLawWith67(c citation.Cell) bool {
	if !cites(c, lai, "67") {
		return false
	}
	for _, l := range c.Lines {
		for _, r := range l.Refs {
			if r.Jur == citation.QC && r.Instrument != "" && r.Instrument != lai {
				return true
			}
		}
	}
	return false
}

// Known recipients outside Québec (plain text stems).
var outsideStems = []string{"statistique canada", "immigration, refugies et citoyennete canada", "ircc", "asfc", "agence des services frontaliers",
	"emploi et developpement social canada", "edsc", "service canada", "agence du revenu du canada", "arc ", "gendarmerie royale", "grc",
	"gouvernement du canada", "gouvernement federal", "ministere federal", "sante canada", "anciens combattants canada", "affaires mondiales canada",
	"ontario", "nouveau-brunswick", "alberta", "colombie-britannique", "etats-unis", "france", "union europeenne"}

func com020(p *Pass, e *model.Entry) {
	if v, set := e.Bool("hors_quebec"); !set || v {
		return
	}
	for _, d := range e.Strings("destinataire") {
		if outsideRecipient(d) != "" {
			p.Report(e, "hors_quebec", "le destinataire (« %s ») semble situé à l'extérieur du Québec, mais hors_quebec est false", d)
			return
		}
	}
}

func com021(p *Pass, e *model.Entry) {
	c := p.Citations(e)
	var legacy []string
	for _, a := range []string{"125", "68.1"} {
		if cites(c, lai, a) {
			legacy = append(legacy, a)
		}
	}
	if len(legacy) == 0 {
		return
	}
	if d := firstDate(e, "debut", "date_inscription"); d >= loi25Phase2 {
		p.Report(e, "appui_legal", "l'article %s n'est plus un appui du registre depuis le 2022-09-22 (Loi 25) ; l'inscription date du %s : citez l'article en vigueur (67.2.1 pour la recherche)", strings.Join(legacy, " et "), d)
	}
}

func com022(p *Pass, e *model.Entry) {
	if e.Str("exemption") == "imputation_retenue" {
		p.Report(e, "exemption", "communication exclue du registre (imputation d'une retenue prévue par la loi) : son inscription est acceptée, mais pas requise")
	}
}

func com023(p *Pass, e *model.Entry) {
	ex := e.Str("exception_70_1")
	if ex == "" {
		return
	}
	if v, set := e.Bool("hors_quebec"); set && !v {
		p.Report(e, "exception_70_1", "exception %s (clé exception_70_1) déclarée pour une communication inscrite au Québec (hors_quebec: false) : elle ne vaut que pour une communication à l'extérieur du Québec", ex)
		return
	}
	if ex == "benefice-68-1.1" && !p.Private() {
		for _, r := range refsOf(p.Citations(e), lai, "68") {
			if r.Par != nil && (r.Par.From == "1.1" || r.Par.To == "1.1") {
				return
			}
		}
		p.Report(e, "exception_70_1", "l'exception benefice-68-1.1 suppose un appui sur l'article 68, premier alinéa, paragraphe 1.1°, que l'appui légal ne cite pas")
	}
}

// com028: an exception code of the other sector is no exception.
func com028(p *Pass, e *model.Entry) {
	ex := e.Str("exception_70_1")
	if ex == "urgence-18-7" && !p.Private() {
		p.Report(e, "exception_70_1", "l'exception urgence-18-7 (Loi sur le privé, art. 18, al. 1, par. 7°) ne vaut que pour une entreprise : pour un organisme public, elle ne dispense ni de l'EFVP ni de l'entente de l'article 70.1")
	}
	if ex != "" && ex != "urgence-18-7" && p.Private() {
		p.Report(e, "exception_70_1", "l'exception %s est une exception de la Loi sur l'accès (art. 70.1) : elle ne vaut pas pour une entreprise, qui ne peut invoquer que l'urgence de l'article 18, al. 1, par. 7° de la Loi sur le privé ; l'EFVP et l'entente de l'article 17 restent exigées", ex)
	}
}

func orNone(s string) string {
	if s == "" {
		return "aucune"
	}
	return s
}

// accordOf returns the title of the intergovernmental accord the basis cites
// (« Article 22 a) de l'Accord Canada-Québec … », or an accord named without
// an article), if any.
func accordOf(c citation.Cell) (string, bool) {
	for _, l := range c.Lines {
		for _, r := range l.Refs {
			if r.Jur == citation.Accord {
				if r.Title != "" {
					return r.Title, true
				}
				return strings.TrimSpace(l.Raw), true
			}
		}
		if l.Kind == citation.NonStatutory && l.NonStatutory == "accord" {
			return strings.TrimSpace(l.Raw), true
		}
	}
	return "", false
}
