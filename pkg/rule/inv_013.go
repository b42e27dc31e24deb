package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	I := finding.Info
	inv := []*model.Kind{model.Inventaire}
	register(&Rule{ID: "INV-013", Kinds: inv, Sector: PublicOnly, Entry: inv013, Doc: Doc{
		Title: "Renseignements sensibles protégés par une seule mesure de sécurité", Law: "A-2.1, art. 59, dernier alinéa ; art. 63.5 (proportionnalité) ; art. 76, al. 1, par. 5°", Severity: I, Confidence: "L",
		Text: "Les renseignements de santé, biométriques, génétiques, judiciaires, ou qui révèlent l'orientation sexuelle, la religion ou l'origine ethnique sont sensibles : ils suscitent un haut degré d'attente raisonnable en matière de vie privée. Une seule mesure de sécurité inscrite paraît peu pour un tel fichier ; décrivez les mesures réellement prises (contrôle d'accès, chiffrement, journalisation, formation…). (Une liste vide relève de INV-008.) Les mesures sont comptées dans chaque élément : une cellule importée d'un inventaire publié qui coche plusieurs cases (« Contrôle physique des installations Contrôle préventif de l'accès au fichier ») ou qui les sépare par des virgules, des points-virgules ou « et » compte pour plusieurs mesures. Heuristique : précision mesurée : 1,00 sur 50 phrases (rappel 1,00 ; corpus testdata/heuristics/INV-013.tsv).",
		Bad:  "categories_renseignements: [Identité, Santé]\nmesures_securite: [Accès restreint]\n", Good: "categories_renseignements: [Identité, Santé]\nmesures_securite:\n  - Accès restreint selon le profil\n  - Chiffrement des données\n  - Journalisation des accès\n"}})
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

// measureStarts are the plain first words of security measures, as the
// checkbox answers of published inventories write them (seed 000:
// « Contrôle physique des installations Contrôle préventif de l'accès au
// fichier Règles et pratiques de vérification du fichier Autre(s) »).
var measureStarts = []string{
	"controle", "regles", "procedure", "journaux", "journalisation", "sensibilisation", "formation", "chiffrement",
	"cryptage", "acces", "authentification", "mot de passe", "mots de passe", "pare-feu", "coupe-feu", "sauvegarde",
	"copie de securite", "copies de securite", "verrouill", "classeur", "local", "locaux", "surveillance", "camera",
	"engagement", "entente de confidentialite", "politique", "directive", "destruction", "elimination", "masquage",
	"pseudonym", "anonymis", "segmentation", "antivirus", "detection", "gestion des acces", "gestion des droits",
	"profil", "registre des acces", "audit", "verification", "autre(s)", "autres", "autre ", "securite physique",
	"serveur", "reseau prive", "rpv", "vpn", "double authentification", "carte d'acces", "badge",
}

// measureCount counts the security measures of an inventory entry: the
// list items, each split at « ; », « , », line breaks, at « et » followed by a
// measure word, and at a
// capitalised measure word that starts a new checkbox answer in the middle
// of an imported cell.
func measureCount(items []string) int {
	n := 0
	for _, it := range items {
		n += measuresIn(it)
	}
	return n
}

func measuresIn(s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '\n' || r == '•' })
	n := 0
	for _, part := range parts {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		n += checkboxAnswers(part)
		// « Contrôle d'accès et chiffrement »: a measure after « et ».
		segs := strings.Split(part, " et ")
		for _, seg := range segs[1:] {
			if startsMeasure(plain(seg)) {
				n++
			}
		}
	}
	return n
}

func startsMeasure(plainText string) bool {
	for _, m := range measureStarts {
		if strings.HasPrefix(plainText, m) {
			return true
		}
	}
	return false
}

// checkboxAnswers counts the answers glued in one segment: a new answer
// starts at a capitalised word, after the first, that begins a known
// measure and follows a lower-case word or a closing parenthesis.
func checkboxAnswers(seg string) int {
	words := strings.Fields(seg)
	n := 1
	for i := 1; i < len(words); i++ {
		w := words[i]
		if w == "" || !isUpperStart(w) {
			continue
		}
		prev := words[i-1]
		if last := prev[len(prev)-1]; !(last >= 'a' && last <= 'z' || last == ')' || last >= 0x80) {
			continue
		}
		if startsMeasure(plain(strings.Join(words[i:], " "))) {
			n++
		}
	}
	return n
}

func isUpperStart(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z' || r == 'É' || r == 'À' || r == 'Î' || r == 'Ô' || r == 'Ç'
	}
	return false
}

// Sensitive categories (plain stems): 59 last al. (« notamment médicale, biométrique ou autrement intime »).
var invSensitiveStems = []string{
	"sante", "medical", "medicaux", "biometri", "genetique", "judiciaire", "antecedent", "casier", "penal", "criminel",
	"justice", "orientation sexuelle", "vie sexuelle", "sexualite", "religi", "croyance", "origine ethnique", "ethni",
	"origine raciale", "race", "handicap", "psycholog", "psychiatri", "diagnostic", "opinions politiques", "syndica",
}
