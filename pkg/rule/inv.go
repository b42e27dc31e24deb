package rule

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Inventory rules (A-2.1 art. 76): public bodies only.
func init() {
	E, W, I := finding.Error, finding.Warning, finding.Info
	inv := []*model.Kind{model.Inventaire}
	base := "id: INV-0001\nunite: Direction des ressources humaines\ndesignation: Dossiers du personnel\npersonnes_concernees: [Employés]\ncategories_renseignements: [Identité, Emploi]\nprovenance: [Personne concernée]\nfins: [Gestion de la rémunération]\nsupports: [Électronique]\n"
	acces := "personnes_acces: [Personnel de la Direction des ressources humaines]\n"
	mesures := "mesures_securite: [Accès restreint selon le profil]\n"
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
		&Rule{ID: "INV-009", Kinds: inv, Sector: PublicOnly, Entry: inv009, Doc: Doc{
			Title: "Nom de personne parmi les catégories de personnes ayant accès", Law: "A-2.1, art. 76, al. 1, par. 4°", Severity: W, Confidence: "L",
			Text: "L'inventaire indique des catégories de personnes ayant accès au fichier (des fonctions : « Gestionnaire de l'unité », « Personnel adjoint de la Direction »), pas des individus. Une valeur de deux ou trois mots à majuscule, sans nom de fonction, ressemble à un nom de personne : remplacez-la par la fonction. Si la valeur est bien une catégorie, ignorez la règle pour cette inscription en donnant la raison. Heuristique : précision mesurée : 0,95 sur 58 phrases (rappel 1,00 ; corpus testdata/heuristics/INV-009.tsv).",
			Bad:  base + "personnes_acces:\n  - Julie Tremblay\n" + mesures, Good: base + "personnes_acces:\n  - Conseillère en ressources humaines\n" + mesures}},
		&Rule{ID: "INV-010", Cross: true, Kinds: inv, Sector: PublicOnly, Entry: inv010, Doc: Doc{
			Title: "Fichier conservé hors Québec sans EFVP, sans entente ou sans protection adéquate", Law: "A-2.1, art. 70.1, al. 3", Severity: E, Confidence: "H",
			Text: "Confier à une personne ou à un organisme à l'extérieur du Québec la tâche de conserver, d'utiliser ou de communiquer des renseignements pour le compte de l'organisme (p. ex. un hébergement infonuagique) est une communication visée à l'article 70.1 : elle exige une EFVP qui conclut à une protection adéquate et une entente écrite. Liez l'EFVP (clé efvp) et l'entente (clé entente). Une conservation ou un traitement hors Québec commencée avant le 2023-09-22 (clé debut_hebergement, ou date de signature de l'entente liée) donne un avertissement : l'obligation date de la Loi 25, dont les dispositions transitoires n'ont pas été vérifiées [U] (legal.md §4.8) ; l'EFVP comme l'entente reste exigée pour la suite.",
			Bad:  base + acces + mesures + "hors_quebec: true\n", Good: base + acces + mesures + "hors_quebec: true\nefvp: EFVP-0001   # conclusion: protection_adequate\nentente: ENT-0001\n"}},
		&Rule{ID: "INV-011", Kinds: inv, Sector: PublicOnly, Entry: inv011, Doc: Doc{
			Title: "Inscription de l'inventaire non révisée depuis longtemps", Law: "A-2.1, art. 76, al. 1 (« maintenir à jour »)", Severity: finding.Off, Confidence: "M",
			Text: "L'organisme doit établir et maintenir à jour son inventaire. La loi ne fixe aucune périodicité : cette règle, désactivée par défaut, signale une inscription dont la dernière révision (date_revision, sinon date_inscription) date de plus de lint.revision_mois mois (24 par défaut). Activez-la dans registre.yaml (lint: regles: {INV-011: warning}) ; après révision, mettez date_revision à jour. Une inscription sans aucune de ces dates n'est pas signalée.",
			Bad:  "date_inscription: 2021-03-01\n", Good: "date_inscription: 2021-03-01\ndate_revision: 2025-06-10\n"}},
		&Rule{ID: "INV-013", Kinds: inv, Sector: PublicOnly, Entry: inv013, Doc: Doc{
			Title: "Renseignements sensibles protégés par une seule mesure de sécurité", Law: "A-2.1, art. 59, dernier alinéa ; art. 63.5 (proportionnalité) ; art. 76, al. 1, par. 5°", Severity: I, Confidence: "L",
			Text: "Les renseignements de santé, biométriques, génétiques, judiciaires, ou qui révèlent l'orientation sexuelle, la religion ou l'origine ethnique sont sensibles : ils suscitent un haut degré d'attente raisonnable en matière de vie privée. Une seule mesure de sécurité inscrite paraît peu pour un tel fichier ; décrivez les mesures réellement prises (contrôle d'accès, chiffrement, journalisation, formation…). (Une liste vide relève de INV-008.) Les mesures sont comptées dans chaque élément : une cellule importée d'un inventaire publié qui coche plusieurs cases (« Contrôle physique des installations Contrôle préventif de l'accès au fichier ») ou qui les sépare par des virgules, des points-virgules ou « et » compte pour plusieurs mesures. Heuristique : précision mesurée : 1,00 sur 50 phrases (rappel 1,00 ; corpus testdata/heuristics/INV-013.tsv).",
			Bad:  "categories_renseignements: [Identité, Santé]\nmesures_securite: [Accès restreint]\n", Good: "categories_renseignements: [Identité, Santé]\nmesures_securite:\n  - Accès restreint selon le profil\n  - Chiffrement des données\n  - Journalisation des accès\n"}},
		&Rule{ID: "INV-014", Kinds: inv, Sector: PublicOnly, Entry: inv014, Doc: Doc{
			Title: "Unité administrative responsable manquante", Law: lawPractice, Severity: W, Confidence: "H",
			Text: "Bonne pratique : l'article 76 n'exige pas l'unité responsable (il énumère la désignation, les catégories de renseignements, les fins, le mode de gestion, la provenance, les catégories de personnes concernées et ayant accès, et les mesures de sécurité), mais les inventaires publiés l'indiquent (colonne « Unité administrative responsable ») : elle dit à qui s'adresser pour le fichier et aide à le maintenir à jour. Indiquez-la avec la clé unite.",
			Bad:  "designation: Dossiers du personnel\n", Good: "unite: Direction des ressources humaines\ndesignation: Dossiers du personnel\n"}},
	)
}

// Function nouns (plain, lowercase prefixes) that make an access value a category, not a name.
var invFunctionStems = []string{
	"directeur", "directric", "direction", "gestionnaire", "gestion", "personnel", "agent", "conseill", "technici", "techniq",
	"analyste", "responsable", "equipe", "service", "employe", "membre", "professionn", "adjoint", "secretari", "secretair",
	"commis", "cadre", "chef", "coordonn", "enqueteu", "enquetric", "verificat", "administrat", "medecin", "infirmi",
	"inspect", "juriste", "avocat", "notaire", "comptab", "prepose", "stagiaire", "etudiant", "enseignant", "superviseu",
	"utilisat", "ministre", "sous-ministre", "unite", "bureau", "comite", "conseil", "ressource", "division", "secteur",
	"president", "vice-president", "dirigeant", "representant", "intervenant", "educat", "psycholog", "travailleu",
	"officier", "greffi", "developpeu", "programmeu", "operat", "fournisseu", "prestataire", "mandataire",
	"sous-traitant", "partenaire", "organisme", "ministere", "commission", "centre", "gouvernement", "tous", "toutes",
	"ensemble", "autre", "clientele", "client", "public", "benevole", "policier", "procureu", "juge", "expert",
	"specialiste", "ingenieu", "architecte", "planificat", "evaluat", "paie", "soutien", "reseau", "securite",
	"informati", "donnees", "administration", "registraire", "greffe", "sante", "finance", "juridique", "affaires",
	"communication", "audit", "auditeu", "controle", "dotation", "recrutement", "formation", "pilote",
	"titulaire", "proprietaire", "locataire", "fonctionnaire", "consultant", "mandat", "sous-", "groupe", "pole",
	"cellule", "agence", "societe", "institut", "universit", "ecole", "college", "hopital", "clinique", "cisss", "ciusss",
	"quebec", "canada", "montreal", "ottawa", "revenu", "retraite", "archiv", "cabinet", "tresor", "commissai", "police",
	"national", "general", "haute", "interne", "externe", "regional", "central", "provincial", "federal", "municipal",
	"financ", "humain",
}

// invNameSplit separates the parts of one access value that may each be a name.
var invNameSplit = strings.NewReplacer(",", "\n", ";", "\n", "/", "\n", "(", "\n", ")", "\n", ":", "\n", " et ", "\n", " ou ", "\n", "–", "\n", " - ", "\n")

// invCapitalised reports whether w looks like a capitalised name token:
// an upper-case letter followed by at least one lower-case letter, letters,
// hyphens and apostrophes only (« Jean-Pierre », « O'Neil », « Mme »).
func invCapitalised(w string) bool {
	w = strings.TrimRight(w, ".")
	r, size := utf8.DecodeRuneInString(w)
	if size == 0 || !unicode.IsUpper(r) {
		return false
	}
	lower := false
	for _, c := range w[size:] {
		switch {
		case unicode.IsLower(c):
			lower = true
		case unicode.IsUpper(c), c == '-', c == '\'', c == '’':
		default:
			return false
		}
	}
	return lower
}

// invLooksLikeName reports whether s is two or three capitalised words with no function noun.
func invLooksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !invCapitalised(w) {
			return false
		}
		pw := plain(w)
		for _, stem := range invFunctionStems {
			if strings.HasPrefix(pw, stem) {
				return false
			}
		}
	}
	return true
}

func inv009(p *Pass, e *model.Entry) {
	items, _ := e.Values["personnes_acces"].([]any)
	for i, it := range items {
		s, ok := it.(string)
		if !ok {
			continue
		}
		if part := accessName(s); part != "" {
			p.Report(e, model.PathOf("personnes_acces", i), "« %s » ressemble à un nom de personne : l'inventaire indique des catégories de personnes ayant accès (des fonctions, p. ex. « Conseillère en ressources humaines »), pas des individus (art. 76, al. 1, par. 4°)", part)
		}
	}
}

func inv010(p *Pass, e *model.Entry) {
	if !e.True("hors_quebec") {
		return
	}
	miss := missingAssessment(e)
	if before := startBeforeLoi25(p, e); before != "" && len(miss) > 0 {
		p.ReportSev(finding.Warning, e, "hors_quebec", "fichier confié à l'extérieur du Québec depuis le %s sans %s : l'hébergement précède l'EFVP et l'entente écrite de la Loi 25 (2023-09-22, dispositions transitoires non vérifiées), mais elles sont exigées pour la suite du contrat (art. 70.1, al. 1 à 3)", before, strings.Join(miss, " ni "))
		miss = nil
	}
	if len(miss) > 0 {
		p.Report(e, "hors_quebec", "fichier conservé ou traité à l'extérieur du Québec sans %s : confier la conservation ou le traitement hors Québec est une communication visée à l'article 70.1 (al. 3)", strings.Join(miss, " ni "))
	}
	if ev := ref(p, e, "efvp", model.EFVP); ev != nil && ev.Str("conclusion") != "protection_adequate" {
		concl := ev.Str("conclusion")
		if concl == "" {
			concl = "aucune"
		}
		p.Report(e, "efvp", "l'EFVP %s ne conclut pas à une protection adéquate (conclusion : %s) : le fichier ne peut pas être confié à l'extérieur du Québec (art. 70.1, al. 2 et 3)", ev.ID, concl)
	}
}

func inv011(p *Pass, e *model.Entry) {
	key := "date_revision"
	d := e.Date(key)
	if d == "" {
		key = "date_inscription"
		d = e.Date(key)
	}
	if d == "" {
		return
	}
	months := p.Repo.Config.ReviewMonths()
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return
	}
	limit := t.AddDate(0, months, 0).Format("2006-01-02")
	if p.Today > limit {
		if key == "date_inscription" {
			p.Report(e, key, "inscription faite le %s et jamais révisée depuis, soit plus de %d mois : l'inventaire doit être maintenu à jour (art. 76) ; révisez-la et indiquez date_revision", d, months)
			return
		}
		p.Report(e, key, "dernière révision le %s, il y a plus de %d mois : l'inventaire doit être maintenu à jour (art. 76) ; révisez l'inscription et mettez date_revision à jour", d, months)
	}
}

// Sensitive categories (plain stems): 59 last al. (« notamment médicale, biométrique ou autrement intime »).
var invSensitiveStems = []string{
	"sante", "medical", "medicaux", "biometri", "genetique", "judiciaire", "antecedent", "casier", "penal", "criminel",
	"justice", "orientation sexuelle", "vie sexuelle", "sexualite", "religi", "croyance", "origine ethnique", "ethni",
	"origine raciale", "race", "handicap", "psycholog", "psychiatri", "diagnostic", "opinions politiques", "syndica",
}

func inv013(p *Pass, e *model.Entry) {
	if n := measureCount(e.Strings("mesures_securite")); n != 1 {
		return // none: INV-008; several, even in one imported cell
	}
	for _, c := range e.Strings("categories_renseignements") {
		if w := hasWord(c, invSensitiveStems...); w != "" {
			p.Report(e, "mesures_securite", "le fichier contient des renseignements sensibles (« %s ») mais une seule mesure de sécurité est inscrite : décrivez des mesures proportionnées à leur sensibilité (art. 59, dernier alinéa ; art. 76, al. 1, par. 5°)", c)
			return
		}
	}
}

func inv014(p *Pass, e *model.Entry) {
	v, ok := e.Values["unite"]
	if s, isStr := v.(string); ok && v != nil && (!isStr || strings.TrimSpace(s) != "") {
		return // present (a wrong type is the schema's business)
	}
	p.Report(e, "unite", "unité administrative responsable non indiquée (clé unite) : bonne pratique que l'article 76 n'exige pas, mais que l'inventaire publié indique pour chaque fichier")
}
