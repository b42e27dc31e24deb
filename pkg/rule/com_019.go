package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-019", Kinds: com, Sector: PublicOnly, Entry: com019, Doc: Doc{
		Title: "Communication qui semble viser la recherche sans l'art. 67.2.1", Law: "A-2.1, art. 67.2.1", Severity: W, Confidence: "L",
		Text: "Les fins ou les raisons évoquent la recherche, une étude ou des statistiques, mais l'appui légal ne cite pas l'article 67.2.1, qui encadre ces communications (EFVP, entente, transmission à la Commission). Le nom du destinataire n'est pas lu : « Centre de recherche industrielle du Québec » ou « Institut de la statistique du Québec » nomme un organisme, pas une fin de recherche (revue juridique). Un appui sur l'article 67 accompagné de la loi du Québec qui exige la communication (« Loi sur l'Institut de la statistique du Québec ») est un appui juste : la règle est muette. Le vocabulaire de la scolarité et du marché du travail n'est pas de la recherche : « permis d'études », « études » au pluriel (études collégiales, CAQ pour études), « étude d'impact sur le marché du travail », « étude de la demande » ou « du dossier », « recherche d'emploi » ne déclenchent pas la règle. L'article 67.2.1 vise la communication sans consentement : une communication faite avec le consentement de la personne (exemption: consentement, ou consentement écrit dans l'appui légal) ne la déclenche pas non plus (COM-025). Vérifiez l'appui légal ; si la communication relève bien d'un autre article, ignorez la règle pour cette inscription en donnant la raison. Heuristique : précision mesurée : 0,94 sur 64 phrases (rappel 0,94 ; corpus testdata/heuristics/COM-019.tsv). Pour une entreprise : PRV-013.",
		Bad:  "destinataire: Pre Jeanne Tremblay, chercheuse\nappui_legal: [Article 67.2 de la Loi sur l'accès]\n", Good: "destinataire: Pre Jeanne Tremblay, chercheuse\nappui_legal: [Article 67.2.1 de la Loi sur l'accès]\n"}})
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
