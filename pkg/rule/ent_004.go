package rule

import (
	"sort"
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	register(&Rule{ID: "ENT-004", Repo: ent004, Doc: Doc{
		Title: "Entente pour une communication hors Québec sans EFVP liée", Law: "A-2.1, art. 70.1, al. 2", LawPrivate: "P-39.1, art. 17", Severity: W, Confidence: "M",
		Text: "L'entente écrite d'une communication à l'extérieur du Québec tient compte notamment des résultats de l'évaluation des facteurs relatifs à la vie privée et, le cas échéant, des modalités convenues pour atténuer les risques. L'entente cite l'article 70.1, ou une inscription communiquée ou conservée hors Québec (hors_quebec: true) la référence : liez l'EFVP dont elle tient compte (clé efvp).",
		Bad:  entExample + "articles: [Article 70.1 de la Loi sur l'accès]\n", Good: entExample + "articles: [Article 70.1 de la Loi sur l'accès]\nefvp: EFVP-0001\n"}})
}

// ent004 runs once: it indexes the agreements referenced by entries kept or
// communicated outside Québec, then checks every agreement.
func ent004(p *Pass) {
	outside := map[string][]string{} // agreement id → ids of entries outside Québec that reference it
	var ents []*model.Entry
	for _, e := range p.Repo.Entries {
		if e.Kind == model.Ententes {
			ents = append(ents, e)
			continue
		}
		if e.True("hors_quebec") && !exceptionOf(p, e) {
			if id := e.Str("entente"); id != "" {
				outside[id] = append(outside[id], e.ID)
			}
		}
	}
	law := "art. 70.1, al. 2"
	if p.Private() {
		law = "Loi sur le privé, art. 17"
	}
	for _, e := range ents {
		if e.Str("efvp") != "" {
			continue
		}
		c := p.Citations(e)
		at, cited := entCiteLine(e, c, "A-2.1", "70.1")
		if !cited {
			at, cited = entCiteLine(e, c, "P-39.1", "17")
		}
		if by := outside[e.ID]; len(by) > 0 {
			sort.Strings(by)
			if len(by) > 3 {
				by = append(by[:3:3], "…")
			}
			p.Report(e, "efvp", "entente d'une communication à l'extérieur du Québec (référencée par %s, hors_quebec: true) sans EFVP liée (clé efvp) : elle doit tenir compte des résultats de l'évaluation (%s)", strings.Join(by, ", "), law)
			continue
		}
		if cited {
			p.Report(e, at, "entente d'une communication à l'extérieur du Québec sans EFVP liée (clé efvp) : elle doit tenir compte des résultats de l'évaluation (%s)", law)
		}
	}
}
