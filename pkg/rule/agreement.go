package rule

import (
	"regexp"
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
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

// reYear finds a year in parentheses: « Entente administrative … (2006) ».
var reYear = regexp.MustCompile(`\((?:[^()]*\D)?((?:19|20)\d\d)\)`)

// namedYear returns the year the named agreement's title gives (the first
// one: « (2007) Lettre de modification (2021) » was concluded in 2007), or "".
func namedYear(line string) string {
	if m := reYear.FindStringSubmatch(line); m != nil {
		return m[1]
	}
	return ""
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

func init() {
	W := finding.Warning
	base := "id: COM-0001\ndestinataire: Ministère de l'Emploi et de la Solidarité sociale\nrenseignements: Nom, adresse\nfins: Recouvrement d'une dette\nraisons: Adresse inconnue du créancier\nhors_quebec: false\n"
	register(&Rule{ID: "ENT-007", Kinds: []*model.Kind{model.Communications}, Entry: ent007, Doc: Doc{
		Title:      "Entente citée dans l'appui légal mais non inscrite dans ententes/",
		Law:        "A-2.1, art. 67.2, 67.2.3, 68, al. 3 et 70.1, al. 2",
		LawPrivate: "P-39.1, art. 17, 18.4 et 21",
		Severity:   W, Confidence: "H",
		Text: "La communication exige une entente écrite, un mandat ou un contrat (Loi sur l'accès : art. 67.2, 67.2.3, 68 et 70.1 ; Loi sur le privé : art. 17, 18.4 et 21), et l'appui légal en nomme un (« Entente administrative … (2006) », « Contrat de service », « Lettre d'entente … (2025) »). " +
			"La loi exige que l'écrit existe ; elle n'exige pas qu'il soit inscrit dans le registre interne des ententes : il n'y a donc pas d'erreur. Mais tant que l'entente n'est pas inscrite dans ententes/ et liée par la clé entente, registre ne peut vérifier ni ses dates (signature, transmission à la Commission, entrée en vigueur 30 jours après sa réception, régime d'avant le 2023-09-22) ni son contenu. " +
			"Le constat cite l'article qui exige l'entente dans le secteur de l'organisme et dit ce qui n'a pas pu être vérifié. Les règles qui exigent l'entente (COM-008, COM-011, COM-014, COM-017, PRV-001, PRV-002, PRV-003) ne signalent alors pas d'entente manquante, et COM-024 (EFVP de l'article 68) n'est qu'un avertissement, la date de l'entente ne pouvant être vérifiée — sauf si l'année de son titre est postérieure à 2023 (« (2025) ») : l'entente relève alors de la Loi 25 et l'EFVP manquante est une erreur. Les ententes de collecte (art. 64) et les fichiers conservés hors Québec (inventaire) n'ont pas de colonne d'appui légal : leur entente se lie toujours par la clé entente (COL-002, INV-010).",
		Bad:  base + "appui_legal:\n  - Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès\n  - Entente administrative sur les échanges de renseignements entre le MIFI et le MESS (2006)\n",
		Good: base + "appui_legal:\n  - Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès\n  - Entente administrative sur les échanges de renseignements entre le MIFI et le MESS (2006)\nentente: ENT-0001   # ententes/ENT-0001.yaml : date_signature, transmission_cai…\n"}})
}

func ent007(p *Pass, e *model.Entry) {
	a := agreementOf(p, e)
	if a.state != agreementNamed {
		return
	}
	needs := agreementNeeds(p, e)
	if len(needs) == 0 {
		return
	}
	laws := make([]string, len(needs))
	var verify []string
	what := "ses dates"
	for i, n := range needs {
		if n.cai {
			what = "ses dates et sa transmission à la Commission"
		}
		laws[i] = n.law
		if !hasValue(verify, n.verify) {
			verify = append(verify, n.verify)
		}
	}
	law := strings.Join(laws, " ; ")
	p.ReportLaw(law, e, namedPath(p, e, a.named),
		"l'entente est citée dans l'appui légal (« %s ») mais n'est pas inscrite dans ententes/ : liez-la (clé entente) pour que %s puissent être vérifiées ; registre n'a pas pu vérifier %s",
		agreementShort(a.named), what, strings.Join(verify, ", ni "))
}

// namedPath is the key path of the appui_legal item that names the agreement.
func namedPath(p *Pass, e *model.Entry, line string) string {
	paths := itemPaths(e, "appui_legal")
	for i, s := range e.Strings("appui_legal") {
		if strings.TrimSpace(s) == line && i < len(paths) {
			return paths[i]
		}
	}
	return "appui_legal"
}

// agreementShort shortens a quoted agreement title to one line of 100 characters.
func agreementShort(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 100 {
		s = string(r[:99]) + "…"
	}
	return s
}

// com024Named is COM-024 for a 68 communication whose agreement is only
// named in the basis: a year before 2023 in its title puts it under the old
// regime (legal.md §4.8), and without a year its date cannot be checked;
// either way the missing EFVP is a warning, not an error; a year after 2023
// (« (2025) ») puts it under Loi 25, and the missing EFVP is an error.
func com024Named(p *Pass, e *model.Entry, named string) {
	y := namedYear(named)
	if y != "" && y < loi25Phase3[:4] {
		p.ReportSev(finding.Warning, e, "appui_legal", "communication en vertu de l'article 68 sans EFVP ; l'entente citée (« %s ») date de %s, d'avant le 2023-09-22 (ancien régime) : une EFVP est exigée à son renouvellement", agreementShort(named), y)
		return
	}
	if y > loi25Phase3[:4] {
		// « Lettre d'entente … (2025) »: the year read in the other
		// direction proves the agreement postdates the cut-off.
		p.Report(e, "appui_legal", "communication en vertu de l'article 68 sans EFVP (clé efvp) ; l'entente citée (« %s ») date de %s, après le 2023-09-22 : l'EFVP devait précéder la communication (art. 68, al. 2)", agreementShort(named), y)
		return
	}
	p.ReportSev(finding.Warning, e, "appui_legal", "communication en vertu de l'article 68 sans EFVP (clé efvp) ; l'entente citée (« %s ») n'est pas inscrite dans ententes/ : sa date ne peut être vérifiée, et une EFVP est exigée pour une entente conclue depuis le 2023-09-22", agreementShort(named))
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
