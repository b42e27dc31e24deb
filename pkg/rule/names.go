package rule

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
