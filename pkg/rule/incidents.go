package rule

import "github.com/registre-qc/registre/pkg/model"

// Helpers of the rules of the register of confidentiality incidents
// (inc_*.go; art. 63.8–63.11; P-39.1 art. 3.5–3.8; regulation,
// r. 3.1, art. 7): both sectors.

// incArt names the article on incident notices for the organisation's sector.
func incArt(p *Pass) string {
	if p.Private() {
		return "Loi sur le privé, art. 3.5"
	}
	return "art. 63.8"
}

// incSerious reports whether e is an incident with a risk of serious injury
// that the notice duties of 63.8 (P-39.1 art. 3.5) reach: they came into
// force on 2022-09-22 (Loi 25, legal.md §0), so an incident the organisation
// became aware of before that day (connaissance, or survenance without it)
// owes no notice and INC-007/INC-008 stay silent.
func incSerious(e *model.Entry) bool {
	if !e.True("risque_serieux") {
		return false
	}
	if d := firstDate(e, "connaissance", "survenance"); d != "" && d < loi25Phase2 {
		return false
	}
	return true
}
