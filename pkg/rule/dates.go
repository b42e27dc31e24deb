package rule

import (
	"time"

	"github.com/registre-qc/registre/pkg/model"
)

// Key dates of Loi 25 (legal.md §0).
const (
	loi25Phase2 = "2022-09-22" // incidents, research EFVP; 67.2.1 replaces 125, 68.1 leaves 67.3
	loi25Phase3 = "2023-09-22" // 63.5, 70.1 EFVP and the EFVP of 68
)

// addDays returns date + n days, or "" for an invalid date.
func addDays(date string, n int) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// daysBetween returns b - a in days (0 when either is invalid).
func daysBetween(a, b string) int {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// firstDate returns the first non-empty date among keys.
func firstDate(e *model.Entry, keys ...string) string {
	for _, k := range keys {
		if d := e.Date(k); d != "" {
			return d
		}
	}
	return ""
}

// preLoi25 reports whether the agreement predates the 2023-09-22 regime.
func preLoi25(ent *model.Entry) bool {
	d := ent.Date("date_signature")
	return d != "" && d < loi25Phase3
}
