package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/model"
)

// Written agreements named in the legal basis (legal.md §4.13). Real
// registers name the writing in « Appui légal » (« Entente administrative …
// (2006) », « Contrat signé entre le MIFI et l'enquêteur mandaté », « Lettre
// d'entente … (2025) »): the law requires the writing to exist, not to be
// filed in ententes/. Every rule that needs an agreement asks agreementOf,
// and stays silent about « sans entente » when the basis names one; ENT-007
// then says the truth: the agreement is cited but not linked, so its dates
// cannot be checked.

// agreementKinds are the non-statutory instruments (citation.Line.NonStatutory)
// that are a written agreement, mandate or contract between the parties.
// « accord » (an intergovernmental accord such as the Accord Canada-Québec)
// and collective agreements are not the agreement of a communication.
var agreementKinds = map[string]bool{"entente": true, "lettre_entente": true, "contrat": true, "protocole": true, "mandat": true, "convention": true}

// agreementState says whether the agreement an entry needs is on record.
type agreementState int

const (
	agreementAbsent agreementState = iota // no link, none named in the basis
	agreementLinked                       // key entente names a recorded agreement
	agreementNamed                        // not linked, but the basis names one
)

// agreement is what agreementOf found.
type agreement struct {
	state agreementState
	named string // the basis line naming it (agreementNamed), as written
}

// agreementOf decides, for every rule, whether e's agreement is linked
// (key entente), only named in its legal basis, or absent.
func agreementOf(p *Pass, e *model.Entry) agreement {
	if e.Str("entente") != "" {
		return agreement{state: agreementLinked}
	}
	if l, ok := namedLine(p.Citations(e), agreementKinds); ok {
		return agreement{state: agreementNamed, named: l}
	}
	return agreement{}
}

// missing reports whether a rule that needs the agreement must say it lacks one.
func (a agreement) missing() bool { return a.state == agreementAbsent }

// namedLine returns the first non-statutory line of a kind in kinds.
func namedLine(c citation.Cell, kinds map[string]bool) (string, bool) {
	for _, l := range c.Lines {
		if l.Kind == citation.NonStatutory && kinds[l.NonStatutory] {
			return strings.TrimSpace(l.Raw), true
		}
	}
	return "", false
}

// agreementNeed is one duty of a written agreement that applies to an entry.
type agreementNeed struct {
	law    string // article requiring the agreement, in the entry's sector
	verify string // what the linked agreement would let registre check
	cai    bool   // the agreement is transmitted to the Commission
	since  string // coming into force of the duty to have it in writing ("" = before Loi 25)
	efvp   bool   // the agreement takes account of the EFVP's results (70.1 al. 2, P-39.1 art. 17)
}

// agreementNeeds lists the agreements the law requires for e, in its sector.
func agreementNeeds(p *Pass, e *model.Entry) []agreementNeed {
	if e.Kind != model.Communications {
		return nil // collection agreements and inventory files have no legal basis to name one
	}
	c := p.Citations(e)
	var out []agreementNeed
	if p.Private() {
		if e.True("hors_quebec") && !exceptionOf(p, e) {
			out = append(out, agreementNeed{"P-39.1, art. 17", "qu'elle tient compte des résultats de l'EFVP", false, loi25Phase3, true})
		}
		if cites(c, lprp, "21", "21.0.1", "21.0.2") {
			out = append(out, agreementNeed{"P-39.1, art. 21 et suiv.", "sa transmission à la Commission", true, loi25Phase2, false})
		}
		if cites(c, lprp, "18.4") {
			out = append(out, agreementNeed{"P-39.1, art. 18.4", "qu'elle a été conclue avant la communication", false, loi25Phase3, false})
		}
		return out
	}
	if cites(c, lai, "68") {
		out = append(out, agreementNeed{"A-2.1, art. 68, al. 3", "sa transmission à la Commission et son entrée en vigueur 30 jours après (art. 68, dernier alinéa), et si elle date d'avant le 2023-09-22", true, "", false})
	}
	if cites(c, lai, "67.2.1") {
		out = append(out, agreementNeed{"A-2.1, art. 67.2.3", "sa transmission à la Commission avant la communication et le délai de 30 jours", true, loi25Phase2, false})
	}
	if cites(c, lai, "67.2") {
		out = append(out, agreementNeed{"A-2.1, art. 67.2, al. 2, par. 1°", "que l'écrit précède la communication", false, "", false})
	}
	if outside(p, e) {
		out = append(out, agreementNeed{"A-2.1, art. 70.1, al. 2", "qu'elle tient compte des résultats de l'EFVP", false, loi25Phase3, true})
	}
	return out
}

// agreementShort shortens a quoted agreement title to one line of 100 characters.
func agreementShort(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 100 {
		s = string(r[:99]) + "…"
	}
	return s
}

// missingAssessmentOf is missingAssessment for a communication: an agreement
// named in its legal basis is not missing (ENT-007 asks to link it).
func missingAssessmentOf(p *Pass, e *model.Entry) []string {
	miss := missingAssessment(e)
	if e.Str("entente") == "" && !agreementOf(p, e).missing() {
		miss = miss[:len(miss)-1] // the agreement is the last item
	}
	return miss
}

// mandated reports whether e declares a mandatary or service provider (P-39.1 art. 18.3).
func mandated(p *Pass, e *model.Entry) bool {
	return e.True("mandataire") || cites(p.Citations(e), lprp, "18.3")
}

// missingAssessment lists what an entry that needs an EFVP and a written
// agreement lacks (outside Québec, research): « EFVP (clé efvp) »,
// « entente écrite (clé entente) ».
func missingAssessment(e *model.Entry) []string {
	var miss []string
	if e.Str("efvp") == "" {
		miss = append(miss, "EFVP (clé efvp)")
	}
	if e.Str("entente") == "" {
		miss = append(miss, "entente écrite (clé entente)")
	}
	return miss
}
