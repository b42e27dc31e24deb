package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// AgreementTerm is when a written agreement (kind ententes) ends: its
// explicit date_fin or, failing it, date_signature plus a readable duree.
// `registre echeances` (pkg/deadline) lists it; rule ENT-010 compares it
// with the communications that still depend on the agreement. Both read it
// here, so they never disagree on an agreement's end.
type AgreementTerm struct {
	End     string // YYYY-MM-DD: the day the agreement ends
	Key     string // the key the end rests on: "date_fin" or "duree"
	Deduced bool   // End is date_signature + duree, not a written date_fin
	Signed  string // date_signature (Deduced only)
	Term    string // duree as written, on one line (Deduced only)
}

// How says in French where the end comes from, e.g. « fin indiquée dans
// l'entente » or « signée le 2022-01-10 pour 3 ans ».
func (t AgreementTerm) How() string {
	if !t.Deduced {
		return "fin indiquée dans l'entente"
	}
	return fmt.Sprintf("signée le %s pour %s", t.Signed, t.Term)
}

// AgreementEnd returns the term of agreement e; ok is false when neither
// date_fin nor date_signature with a readable duree gives one.
func AgreementEnd(e *Entry) (t AgreementTerm, ok bool) {
	if _, plain := e.Value("date_fin").(string); plain {
		if end := e.Date("date_fin"); end != "" {
			return AgreementTerm{End: end, Key: "date_fin"}, true
		}
	} else if e.Has("date_fin") {
		return AgreementTerm{}, false // a period or another shape: the schema says so; no end is guessed
	}
	sig := e.Date("date_signature")
	n, unit, ok := ParseDuration(e.Str("duree"))
	if sig == "" || !ok {
		return AgreementTerm{}, false
	}
	d, err := time.Parse("2006-01-02", sig)
	if err != nil {
		return AgreementTerm{}, false
	}
	if unit == "mois" {
		d = d.AddDate(0, n, 0)
	} else {
		d = d.AddDate(n, 0, 0)
	}
	return AgreementTerm{End: d.Format("2006-01-02"), Key: "duree", Deduced: true, Signed: sig,
		Term: strings.Join(strings.Fields(e.Str("duree")), " ")}, true
}

var (
	durationRe   = regexp.MustCompile(`(?i)^\s*(\d{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(an|ans|année|années|annee|annees|mois)\b`)
	durationMore = regexp.MustCompile(`\bet\s+(?:\d|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|demi)`)
	numberWord   = map[string]int{"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
)

// ParseDuration reads « 3 ans », « Cinq ans », « 24 mois », « 1 an
// renouvelable »; unit is "ans" or "mois". A duration that says more than
// one quantity or its own start (« 2 ans et 6 mois », « 3 ans à compter du
// 1er avril 2023 », « jusqu'au… ») is not read: a guessed end would be
// wrong, and no end is better than a false deadline.
func ParseDuration(s string) (n int, unit string, ok bool) {
	m := durationRe.FindStringSubmatch(s)
	if m == nil {
		return 0, "", false
	}
	clause := strings.ToLower(s[len(m[0]):])
	if i := strings.IndexAny(clause, ",;("); i >= 0 {
		clause = clause[:i] // « 3 ans, renouvelable deux fois pour un an »: the first clause counts
	}
	if durationMore.MatchString(clause) || strings.Contains(clause, "jusqu") ||
		(strings.Contains(clause, "compter") && strings.ContainsAny(clause, "0123456789")) {
		return 0, "", false
	}
	q := strings.ToLower(m[1])
	if v, err := strconv.Atoi(q); err == nil {
		n = v
	} else {
		n = numberWord[q]
	}
	if n <= 0 {
		return 0, "", false
	}
	if strings.EqualFold(m[2], "mois") {
		return n, "mois", true
	}
	return n, "ans", true
}
