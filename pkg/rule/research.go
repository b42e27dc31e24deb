package rule

import "strings"

// Research vocabulary for COM-019 (legal.md §4.15): « recherche »,
// « chercheur », « statistique » and « étude » in the singular signal a
// study, research or statistics communication (67.2.1); schooling and
// labour-market vocabulary does not: « permis d'études », « études » in the
// plural (schooling), « étude d'impact sur le marché du travail », « étude
// de la demande » (examination of a file), « recherche d'emploi ».

// researchNotResearch are plain phrases blanked out before the search.
var researchNotResearch = []string{
	"etude d'impact sur le marche du travail", "etude de l'impact sur le marche du travail", "etude d'impact", "etude de l'impact",
	"permis d'etude", "etude de la demande", "etude de sa demande", "etude des demandes", "etude d'une demande", "etude du dossier",
	"etude de dossier", "etude de son dossier", "etude des dossiers", "etude de la candidature", "etude des candidatures",
	"etude d'admissibilite", "etude de l'admissibilite", "a l'etude", "en cours d'etude", "etude de la plainte", "etude du projet de loi",
	"frais d'etude", "bourse d'etude", "niveau d'etude", "programme d'etude", "diplome d'etude", "attestation d'etude", "certificat d'etude",
	"recherche d'emploi", "recherche d'un emploi", "recherche de travail", "recherche de logement", "recherche d'un logement",
	"avis de recherche", "a la recherche d", "en recherche d", "recherche de personnes disparues", "recherche et sauvetage",
	"moteur de recherche",
}

// researchWord returns the research word found in texts (« recherche »,
// « chercheu », « statisti », « etude »), or "".
func researchWord(texts ...string) string {
	t := []byte(plain(strings.Join(texts, "\n")))
	s := string(t)
	for _, neg := range researchNotResearch {
		for i := 0; ; {
			j := strings.Index(s[i:], neg)
			if j < 0 {
				break
			}
			j += i
			for k := j; k < j+len(neg); k++ {
				t[k] = ' '
			}
			i = j + len(neg)
		}
	}
	s = string(t)
	for _, stem := range []string{"recherche", "chercheu", "statisti", "etude"} {
		for i := 0; ; {
			j := strings.Index(s[i:], stem)
			if j < 0 {
				break
			}
			j += i
			i = j + 1
			if j > 0 && isLetter(rune(s[j-1])) {
				continue
			}
			// « étude » only in the singular: « études » is schooling
			// (« permis d'études », « études collégiales »).
			if end := j + len(stem); stem == "etude" && end < len(s) && isLetter(rune(s[end])) {
				continue
			}
			return stem
		}
	}
	return ""
}
