package rule

import (
	"regexp"
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// A communication (or a collection for another body) that the law makes
// « l'objet d'une entente écrite » cannot outlive its agreement: once the
// agreement has ended, what is still communicated has no written agreement.
// ENT-010 compares the linked agreement's end (model.AgreementEnd, the term
// `registre echeances` lists) with lint's today and with the entry's own end
// (date_fin). The duties come from agreementDuties, like ENT-008: no duty, an
// exception (exception_70_1), or an agreement only named in the basis (ENT-007)
// means silence.
func init() {
	com := "# communications/COM-0001.yaml\nappui_legal: [Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès]\ndebut: 2023-02-01\nentente: ENT-0001\n"
	register(&Rule{ID: "ENT-010", Cross: true, Keep: []string{"frequence"}, Kinds: []*model.Kind{model.Communications, model.Collectes}, Entry: ent010, Doc: Doc{
		Title:      "Communication ou collecte qui se poursuit après la fin de son entente écrite",
		Law:        "A-2.1, art. 64, al. 3 ; art. 67.2, al. 2, par. 1° ; art. 67.2.3 ; art. 68, al. 3 ; art. 70.1, al. 2",
		LawPrivate: "P-39.1, art. 17, 18.3, 18.4 et 21",
		Severity:   finding.Error, Confidence: "M",
		Text: "Quand la loi exige une entente écrite, un mandat ou un contrat (Loi sur l'accès : art. 64, al. 3, 67.2, al. 2, par. 1°, 67.2.3, 68, al. 3 et 70.1, al. 2 ; Loi sur le privé : art. 17, 18.3, 18.4 et 21), la communication ou la collecte « fait l'objet » de cette entente, dont la durée est l'un des éléments (art. 68, al. 3 ; art. 64, al. 4) : une fois l'entente terminée, ce qui est encore communiqué ne repose plus sur aucun écrit. " +
			"La règle compare la fin de l'entente liée (clé entente) — sa date_fin, ou à défaut sa date_signature augmentée d'une durée lisible (« 3 ans », « 24 mois »), la même échéance que « registre echeances » — à la date du jour et à la fin de la communication ou de la collecte (sa clé date_fin) : sans date_fin, ou avec une date_fin postérieure à celle de l'entente, la communication se poursuit sans entente. Le constat cite l'article qui exige l'entente dans le secteur de l'organisme. " +
			"C'est une erreur quand la fin de l'entente est une date écrite (date_fin) ; un avertissement quand elle est déduite de la durée, quand la communication a commencé avant l'entrée en vigueur de l'obligation (Loi 25 : 2022-09-22 pour la recherche, 2023-09-22 pour les articles 64, 70.1, 17, 18.3 et 18.4 ; début inconnu compris), les dispositions transitoires n'ayant pas été vérifiées [U], ou quand l'article n'est pas reproduit dans l'analyse juridique [U] (Loi sur le privé, art. 18.3 et 21). " +
			"Avertissement seulement, jamais erreur, quand la fin est incertaine : l'entente se dit « renouvelable » ou mentionne une prolongation, un avenant (heuristique ; précision mesurée : 1,00 sur 76 phrases ; une possibilité, pas un renouvellement : un renouvellement exprès est un nouvel écrit ; inscrivez sa nouvelle date_fin), une autre entente la nomme (elle la remplace peut-être : liez-la), ou l'appui légal nomme aussi une entente. " +
			"Silence : l'entente se reconduit d'elle-même (« reconduite tacitement », « renouvellement automatique », « reconduite d'année en année », « renouvelée annuellement »…) ; elle n'a pas de fin connue (une durée qui dit plus d'une quantité ou son propre point de départ, « 2 ans et 6 mois », « 3 ans à compter du 1er avril 2023 », n'est pas devinée) ou sa fin n'est pas passée ; la communication a cessé (date_fin) au plus tard à la fin de l'entente, ou n'a été faite qu'une fois (frequence « une fois », « ponctuelle ») pendant l'entente ; une exception dispense de l'entente (exception_70_1) ; la communication n'exige pas d'entente ; l'entente n'est que nommée dans l'appui légal, sans dates connues (ENT-007)",
		Bad:  com + "# ententes/ENT-0001.yaml\ndate_signature: 2023-01-10\ndate_fin: 2025-06-30\n",
		Good: com + "date_fin: 2025-06-15   # dernière communication\n# ententes/ENT-0001.yaml\ndate_signature: 2023-01-10\ndate_fin: 2025-06-30\n"}})
}

func ent010(p *Pass, e *model.Entry) {
	ent := ref(p, e, "entente", model.Ententes)
	if ent == nil {
		return // no link: nothing to date (an agreement only named in the basis is ENT-007's)
	}
	needs, unsure := agreementDuties(p, e)
	if len(needs) == 0 {
		return
	}
	term, ok := model.AgreementEnd(ent)
	if !ok || p.Today == "" || term.End >= p.Today {
		return
	}
	if tacitRenewal(ent.Str("duree")) || tacitRenewal(ent.Str("remarques")) {
		return // renewed without a new writing, year after year: nothing ended
	}
	own := e.Date("date_fin")
	if own != "" && own <= term.End {
		return
	}
	start := e.Date("debut")
	if own == "" && oneOff(e.Str("frequence")) && start != "" && start <= term.End {
		return // made once, while the agreement was in force
	}
	// Doubts that make the end uncertain: a renewal or amendment the
	// agreement mentions, a newer agreement that may replace it. Then a
	// warning at most: the record may simply lack the new date.
	var doubts []string
	if renewable(ent.Str("duree")) || renewable(ent.Str("remarques")) || amended(ent.Str("duree")) || amended(ent.Str("remarques")) {
		doubts = append(doubts, "l'entente mentionne un renouvellement, une prolongation ou un avenant : s'il a eu lieu, inscrivez sa nouvelle date_fin")
	}
	for _, other := range p.Repo.OfKind(model.Ententes) {
		if other != ent && (model.MentionsIn(other.Str("remarques"), ent.ID) || model.MentionsIn(other.Str("titre"), ent.ID) || model.MentionsIn(other.Str("duree"), ent.ID)) {
			doubts = append(doubts, "l'entente "+other.ID+" la nomme : si elle la remplace, liez-la (clé entente)")
			break
		}
	}
	if l, ok := namedLine(p.Citations(e), agreementKinds); ok {
		doubts = append(doubts, "l'appui légal nomme aussi « "+agreementShort(l)+" » : si c'est l'entente qui suit, liez-la")
	}
	var inForce, all []string
	early, unverified := false, false
	for _, n := range needs {
		if hasValue(all, n.law) {
			continue
		}
		all = append(all, n.law)
		switch {
		case unsure[n.law]:
			unverified = true
		case start < n.since:
			early = true // begun before the duty came into force, or start unknown
		default:
			inForce = append(inForce, n.law)
		}
	}
	what := map[bool]string{true: "la collecte", false: "la communication"}[e.Kind == model.Collectes]
	goesOn := what + " se poursuit (aucune date_fin)"
	if start > p.Today {
		goesOn = what + " commencera le " + start + " (debut)"
	}
	switch {
	case own != "" && own < p.Today:
		goesOn = what + " s'est poursuivie jusqu'au " + own + " (date_fin)"
	case own != "":
		goesOn = what + " se poursuit jusqu'au " + own + " (date_fin)"
	}
	advice := "renouvelez l'entente (nouvelle date_fin ou nouvelle entente liée) ou indiquez la date à laquelle " + what + " a cessé (date_fin)"
	if own != "" {
		advice = "liez l'entente qui couvre la période après le " + term.End + " (renouvellement, nouvelle date_fin) ou corrigez la date_fin de " + what
	}
	ended := "a pris fin le " + term.End
	if term.Deduced {
		ended += " (fin déduite : " + term.How() + ")"
	}
	if !term.Deduced && len(inForce) > 0 && len(doubts) == 0 {
		law := strings.Join(inForce, " ; ")
		p.ReportLaw(law, e, "entente",
			"l'entente %s %s, mais %s : %s fait l'objet d'une entente écrite (%s), qui doit être en vigueur ; %s",
			ent.ID, ended, goesOn, what, law, advice)
		return
	}
	why := doubts
	if term.Deduced {
		why = append(why, "fin déduite de la durée, à confirmer")
	}
	if early {
		why = append(why, "début antérieur à l'entrée en vigueur de l'obligation ou inconnu, dispositions transitoires non vérifiées")
	}
	if unverified {
		why = append(why, "article non vérifié")
	}
	law := strings.Join(all, " ; ")
	n := len(*p.out)
	p.ReportLaw(law, e, "entente",
		"l'entente %s %s, mais %s : %s doit faire l'objet d'une entente écrite (%s) en vigueur ; %s (avertissement : %s)",
		ent.ID, ended, goesOn, what, law, advice, strings.Join(why, " ; "))
	if len(*p.out) > n {
		(*p.out)[n].Severity = finding.Warning
	}
}

// renewalRe finds, in plain text (see plain), a renewable agreement or one
// renewed or extended tacitly, automatically or on a given date.
var renewalRe = regexp.MustCompile(`\b(?:` +
	`renouvelables?|reconductibles?|` +
	`se (?:renouvelle|reconduit|prolonge)|` +
	`(?:renouvel|recondu|reconduction|prolong)[a-z]*(?: [a-z']+){0,2} (?:tacite|automatique)[a-z]*|` +
	`(?:tacite|automatique)[a-z]* (?:renouvel|reconduction|reconduit|prolong)[a-z]*|` +
	`(?:a|ont|ete) (?:ete )?(?:renouvel|reconduit|prolong)(?:e|ee|es|ees)|` +
	`(?:renouvel|reconduit|prolong)(?:e|ee|es|ees) (?:le|en|jusqu|pour|au)` +
	`)\b`)

// renewalNegations are the words that, in the same clause just before a
// renewal phrase, deny it (« non renouvelable », « n'a pas été reconduite »,
// « aucun renouvellement automatique ») or
// say it is still to be done (« doit être renouvelée le … »).
var renewalNegations = regexp.MustCompile(`(?:^|[^a-z])(?:non|pas|ne|n'|aucun|aucune|sans|jamais|ni|plus|doit|devra|devrait|faut|faudra)(?:[^a-z]|$)`)

// renewable reports whether an agreement's duree or remarques say it is
// renewable or was renewed (heuristic: testdata/heuristics/ENT-010.tsv).
// tacitRe finds a renewal that needs no new writing: tacit or automatic,
// year after year.
var tacitRe = regexp.MustCompile(`\b(?:` +
	`(?:renouvel|recondu|reconduction|prolong)[a-z]*(?: [a-z']+){0,2} (?:tacite|automatique)[a-z]*|` +
	`(?:tacite|automatique)[a-z]* (?:renouvel|reconduction|reconduit|prolong)[a-z]*|` +
	`(?:renouvel|recondu|reconduction)[a-z]*(?: [a-z']+){0,2} (?:d'annee en annee|d annee en annee|annuellement|chaque annee|annuelle)|` +
	`se (?:renouvelle|reconduit)|automatically renew[a-z]*|renews? automatically|auto-renew[a-z]*` +
	`)\b`)

// tacitRenewal reports whether s says the agreement renews itself (not
// negated: « sans reconduction tacite » is no renewal).
func tacitRenewal(s string) bool { return affirmed(tacitRe, s) }

var amendedRe = regexp.MustCompile(`\b(?:avenants?|prolongee?s?|prolongation|modifiee? par|remplacee? par)\b`)

// amended reports whether s mentions an amendment or an extension.
func amended(s string) bool { return s != "" && amendedRe.MatchString(plain(s)) }

var oneOffRe = regexp.MustCompile(`\b(?:une (?:seule )?fois|ponctuel(?:le)?|unique)\b`)

// oneOff reports whether a frequency says the communication was made once.
func oneOff(s string) bool { return s != "" && oneOffRe.MatchString(plain(s)) }

func renewable(s string) bool { return affirmed(renewalRe, s) }

// affirmed reports whether re matches the plain form of s at least once
// without a negation in the few words before it, in the same clause
// (« non renouvelable », « sans reconduction tacite » are no renewal).
func affirmed(re *regexp.Regexp, s string) bool {
	if s == "" {
		return false
	}
	t := plain(s)
	for _, m := range re.FindAllStringIndex(t, -1) {
		before := t[:m[0]]
		if strings.HasSuffix(before, "energie ") || strings.HasSuffix(before, "energies ") {
			continue // « énergie renouvelable » says nothing of the agreement
		}
		if i := strings.LastIndexAny(before, ",;.:()\n"); i >= 0 {
			before = before[i+1:]
		}
		if f := strings.Fields(before); len(f) > 4 {
			before = strings.Join(f[len(f)-4:], " ")
		}
		if !renewalNegations.MatchString(before) {
			return true
		}
	}
	return false
}
