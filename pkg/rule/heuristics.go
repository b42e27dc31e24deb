package rule

import "strings"

// Predicates of the heuristic rules, one per rule, so that the labelled
// corpora of testdata/heuristics measure exactly what the rules run
// (heuristics_test.go).

// outsideRecipient returns the stem of a known recipient outside Québec
// named in d (COM-020), or "".
func outsideRecipient(d string) string { return hasWord(d+" ", outsideStems...) }

// accessName returns the part of an access-category value that looks like a
// person's name (INV-009, PUB-004), or "".
func accessName(s string) string {
	for _, part := range strings.Split(invNameSplit.Replace(" "+s+" "), "\n") {
		part = strings.TrimSpace(part)
		if invLooksLikeName(part) {
			return part
		}
	}
	return ""
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
