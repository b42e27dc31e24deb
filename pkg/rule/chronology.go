package rule

import "github.com/registre-qc/registre/pkg/model"

// The EFVP comes first (legal.md §4.16): wherever the law says the
// communication or the collection is « précédée » of an assessment, or may
// take place only once the assessment concludes, an EFVP dated after the
// first communication, collection or hosting is a breach. One helper,
// efvpAfter, holds the date logic for COM-010 (70.1), COM-026 (68),
// COM-027 (67.2.1), COL-003 (64), PRV-009 (P-39.1 art. 17) and PRV-010
// (P-39.1 art. 21). Each rule is silent for a start that predates the
// coming into force of its EFVP duty (Loi 25, legal.md §0 and §4.8).

// efvpAfter returns the EFVP linked to e when it is dated after the date of
// e's key startKey (first communication, start of collection or of hosting),
// with both dates; nil when the order is right or a date is missing (the
// missing EFVP or date is another rule's business).
func efvpAfter(p *Pass, e *model.Entry, startKey string) (ev *model.Entry, efvpDate, start string) {
	start = e.Date(startKey)
	if start == "" {
		return nil, "", ""
	}
	ev = ref(p, e, "efvp", model.EFVP)
	if ev == nil {
		return nil, "", ""
	}
	if d := ev.Date("date"); d != "" && d > start {
		return ev, d, start
	}
	return nil, "", ""
}

// reportEFVPAfter reports a late EFVP at startKey, naming what started and
// the article; since is the coming into force of the EFVP duty: an earlier
// start is not reported.
func reportEFVPAfter(p *Pass, e *model.Entry, startKey, since, what, art string) {
	ev, d, start := efvpAfter(p, e, startKey)
	if ev == nil || start < since {
		return
	}
	p.Report(e, startKey, "l'EFVP %s est datée du %s, après %s (%s) : l'évaluation doit la précéder (%s)", ev.ID, d, what, start, art)
}

// startBeforeLoi25 returns the date that puts e under the regime before the
// EFVP duties of Loi 25 (2023-09-22, legal.md §4.8): its start (debut, or
// debut_hebergement for the inventory), else the signature of its linked
// agreement; "" when neither predates the cut-off. Rules that require an
// EFVP then give a warning (the transitional provisions were not found
// [U]); the EFVP is still required on renewal.
func startBeforeLoi25(p *Pass, e *model.Entry) string {
	key := "debut"
	if e.Kind == model.Inventaire {
		key = "debut_hebergement"
	}
	if d := e.Date(key); d != "" {
		if d < loi25Phase3 {
			return d
		}
		return ""
	}
	if ent := ref(p, e, "entente", model.Ententes); ent != nil {
		if d := ent.Date("date_signature"); d != "" && d < loi25Phase3 {
			return d
		}
	}
	return ""
}
