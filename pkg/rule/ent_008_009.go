package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// The written agreement comes before the communication it governs, and the
// agreement of 70.1 (P-39.1 art. 17) after the EFVP whose results it takes
// into account. ENT-008 compares the linked agreement's date_signature with
// the entry's start (communication: debut; inventory: debut_hebergement;
// collection: debut), ENT-009 with the date of the EFVP. Both read the
// duties from agreementNeeds (the one list of agreements the law requires,
// in the entry's sector), so an agreement only named in the basis, whose
// date registre cannot know, is ENT-007's business.
func init() {
	E, W := finding.Error, finding.Warning
	kinds := []*model.Kind{model.Communications, model.Inventaire, model.Collectes}
	com := "# communications/COM-0001.yaml\nappui_legal: [Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès]\nefvp: EFVP-0001\nentente: ENT-0001\n"
	register(
		&Rule{ID: "ENT-008", Cross: true, Kinds: kinds, Entry: ent008, Doc: Doc{
			Title:      "Entente signée après la première communication ou le début de l'hébergement",
			Law:        "A-2.1, art. 64, al. 3 ; art. 67.2, al. 2, par. 1° ; art. 67.2.3 ; art. 68, al. 3 ; art. 70.1, al. 2",
			LawPrivate: "P-39.1, art. 17, 18.3, 18.4 et 21",
			Severity:   E, Confidence: "H", Since: "0.2.0",
			Text: "Quand la loi exige une entente écrite, un mandat ou un contrat pour communiquer (Loi sur l'accès : art. 64, al. 3, 67.2, al. 2, par. 1°, 67.2.3, 68, al. 3 et 70.1, al. 2 ; Loi sur le privé : art. 17, 18.3, 18.4 et 21), la communication « fait l'objet » de cette entente : elle ne peut pas commencer avant sa signature. " +
				"La date de signature de l'entente liée (clé entente, date_signature) ne peut donc pas suivre la première communication (communication ou collecte : clé debut) ni le début de la conservation ou du traitement hors Québec (inventaire : clé debut_hebergement). Le constat cite l'article qui exige l'entente dans le secteur de l'organisme. " +
				"Exceptions : une exception de l'article 70.1 déclarée (exception_70_1) dispense de l'entente de l'article 70.1 ; une communication commencée avant l'entrée en vigueur de l'obligation (Loi 25 : 2022-09-22 pour la recherche, 2023-09-22 pour les articles 64, 70.1, 17, 18.3 et 18.4) ne donne qu'un avertissement, les dispositions transitoires n'ayant pas été vérifiées [U] (legal.md §4.8) ; les articles 18.3 et 21 de la Loi sur le privé, dont le texte n'est pas reproduit dans l'analyse juridique [U], ne donnent qu'un avertissement. " +
				"Une entente seulement nommée dans l'appui légal n'a pas de date connue : ENT-007 demande de la lier.",
			Bad:  com + "debut: 2024-03-01\n# ententes/ENT-0001.yaml\ndate_signature: 2024-05-01\n",
			Good: com + "debut: 2024-03-01\n# ententes/ENT-0001.yaml\ndate_signature: 2023-12-15\ntransmission_cai: 2024-01-05\n"}},
		&Rule{ID: "ENT-009", Cross: true, Kinds: kinds, Entry: ent009, Doc: Doc{
			Title:      "Entente signée avant l'EFVP dont elle doit tenir compte",
			Law:        "A-2.1, art. 70.1, al. 2",
			LawPrivate: "P-39.1, art. 17",
			Severity:   W, Confidence: "M", Since: "0.2.0",
			Text: "La communication à l'extérieur du Québec (et la conservation ou le traitement hors Québec confié à un tiers) fait l'objet d'une entente écrite « qui tient compte notamment des résultats de l'évaluation » (Loi sur l'accès, art. 70.1, al. 2 ; Loi sur le privé, art. 17). " +
				"Une entente signée avant l'EFVP ne peut pas tenir compte de résultats qui n'existaient pas encore : la règle le signale quand la date de signature (date_signature) précède la date de l'EFVP liée à l'inscription ou à l'entente. " +
				"C'est un avertissement : un avenant postérieur à l'EFVP peut avoir intégré ses résultats ; inscrivez-le (nouvelle date de signature ou remarques) puis ignorez la règle pour cette inscription. Exceptions : une exception de l'article 70.1 déclarée (exception_70_1) ; une entente signée avant le 2023-09-22, sous l'ancien régime, n'est pas visée.",
			Bad:  "# communications/COM-0001.yaml\nhors_quebec: true\nefvp: EFVP-0001      # date: 2024-03-01\nentente: ENT-0001   # date_signature: 2024-01-01\n",
			Good: "# communications/COM-0001.yaml\nhors_quebec: true\nefvp: EFVP-0001      # date: 2024-03-01\nentente: ENT-0001   # date_signature: 2024-04-15\n"}},
	)
}

func ent008(p *Pass, e *model.Entry) {
	ent := ref(p, e, "entente", model.Ententes)
	if ent == nil {
		return
	}
	signed := ent.Date("date_signature")
	key, what := "debut", "la première communication"
	switch e.Kind {
	case model.Inventaire:
		key, what = "debut_hebergement", "le début de la conservation ou du traitement hors Québec"
	case model.Collectes:
		what = "le début de la collecte"
	}
	start := e.Date(key)
	if signed == "" || start == "" || signed <= start {
		return
	}
	needs, unsure := agreementDuties(p, e)
	var inForce, before []string
	for _, n := range needs {
		switch {
		case hasValue(inForce, n.law) || hasValue(before, n.law):
		case start >= n.since && !unsure[n.law]:
			inForce = append(inForce, n.law)
		default:
			before = append(before, n.law)
		}
	}
	switch {
	case len(inForce) > 0:
		p.ReportLaw(strings.Join(inForce, " ; "), e, key, "l'entente %s a été signée le %s, après %s (%s) : la communication fait l'objet d'une entente écrite, qui doit donc la précéder", ent.ID, signed, what, start)
	case len(before) > 0:
		n := len(*p.out)
		p.ReportLaw(strings.Join(before, " ; "), e, key, "l'entente %s a été signée le %s, après %s (%s) : l'entente écrite doit précéder la communication (avertissement : début antérieur à l'entrée en vigueur de l'obligation, ou article non vérifié)", ent.ID, signed, what, start)
		if len(*p.out) > n {
			(*p.out)[n].Severity = finding.Warning
		}
	}
}

func ent009(p *Pass, e *model.Entry) {
	ent := ref(p, e, "entente", model.Ententes)
	if ent == nil {
		return
	}
	needs, _ := agreementDuties(p, e)
	law := ""
	for _, n := range needs {
		if n.efvp {
			law = n.law
			break
		}
	}
	if law == "" {
		return
	}
	signed := ent.Date("date_signature")
	if signed == "" || signed < loi25Phase3 {
		return
	}
	ev := ref(p, e, "efvp", model.EFVP)
	if ev == nil {
		ev = ref(p, ent, "efvp", model.EFVP)
	}
	if ev == nil {
		return
	}
	if d := ev.Date("date"); d != "" && signed < d {
		p.ReportLaw(law, e, "entente", "l'entente %s a été signée le %s, avant l'EFVP %s (%s) : elle ne peut pas tenir compte des résultats de l'évaluation ; inscrivez l'avenant qui les intègre, s'il existe", ent.ID, signed, ev.ID, d)
	}
}

// agreementDuties is agreementNeeds for every kind that links an agreement:
// a communication, a file kept outside Québec (inventory) or a collection
// for another body (64). unsure marks an article legal.md does not reproduce
// [U], which gives a warning at most.
func agreementDuties(p *Pass, e *model.Entry) (needs []agreementNeed, unsure map[string]bool) {
	unsure = map[string]bool{}
	switch e.Kind {
	case model.Communications:
		needs = agreementNeeds(p, e)
		if p.Private() {
			unsure["P-39.1, art. 21 et suiv."] = true
		}
	case model.Inventaire:
		if hostedOutside(p, e) {
			if p.Private() {
				needs = append(needs, agreementNeed{law: "P-39.1, art. 17", since: loi25Phase3, efvp: true})
			} else {
				needs = append(needs, agreementNeed{law: "A-2.1, art. 70.1, al. 2 et 3", since: loi25Phase3, efvp: true})
			}
		}
	case model.Collectes:
		if !p.Private() {
			needs = append(needs, agreementNeed{law: "A-2.1, art. 64, al. 3", since: loi25Phase3})
		}
	}
	if p.Private() && mandated(p, e) {
		needs = append(needs, agreementNeed{law: "P-39.1, art. 18.3", since: loi25Phase3})
		unsure["P-39.1, art. 18.3"] = true
	}
	return needs, unsure
}

// hostedOutside reports whether an inventory file is kept or processed
// outside Québec without a declared exception of its sector.
func hostedOutside(p *Pass, e *model.Entry) bool {
	return e.True("hors_quebec") && !exceptionOf(p, e)
}
