package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	register(&Rule{ID: "EFVP-001", Cross: true, Kinds: []*model.Kind{model.Communications, model.Collectes, model.Inventaire}, Entry: efvp001, Doc: Doc{
		Title: "EFVP liée qui ne retient pas le déclencheur de l'inscription", Law: "A-2.1, art. 64, 67.2.1, 68 et 70.1", LawPrivate: "P-39.1, art. 17 et 21", Severity: W, Confidence: "M",
		Text: "L'inscription est dans une situation qui exige une EFVP : communication ou conservation à l'extérieur du Québec (70.1 ; P-39.1, art. 17), communication à des fins de recherche (67.2.1 ; P-39.1, art. 21), communication de l'article 68, collecte pour un autre organisme (64). L'EFVP liée doit porter sur cette situation : ses declencheurs doivent la nommer. Sinon, l'évaluation liée n'est peut-être pas la bonne, ou elle n'a pas examiné les facteurs propres à ce cas (p. ex. le régime juridique de l'État de destination pour 70.1).",
		Bad:  "# communication hors_quebec: true, efvp: EFVP-0001\n# EFVP-0001.yaml\ndeclencheurs: [63.5]\n",
		Good: "# communication hors_quebec: true, efvp: EFVP-0001\n# EFVP-0001.yaml\ndeclencheurs: [63.5, 70.1]\n"}})
}

func efvp001(p *Pass, e *model.Entry) {
	ev := ref(p, e, "efvp", model.EFVP)
	if ev == nil {
		return
	}
	decl := ev.Strings("declencheurs")
	if len(decl) == 0 {
		return // EFVP-007
	}
	var miss []string
	for _, t := range efvpTriggers(p, e) {
		if t == "70.1" && e.Kind == model.Communications && !efvpAssesses701(ev) {
			continue // COM-007: the EFVP does not assess 70.1 at all, an error
		}
		if !efvpHas(decl, t) {
			miss = append(miss, "« "+t+" » ("+efvpTriggerFrench[t]+")")
		}
	}
	if len(miss) > 0 {
		p.Report(e, "efvp", "l'EFVP %s ne retient pas le déclencheur %s, que la situation de cette inscription exige : vérifiez que l'évaluation liée porte bien sur elle et complétez ses declencheurs", ev.ID, strings.Join(miss, " ni "))
	}
}

// efvpTriggers names the triggers an entry's situation requires of its EFVP, in order.
func efvpTriggers(p *Pass, e *model.Entry) []string {
	var ts []string
	switch e.Kind {
	case model.Communications:
		if e.True("hors_quebec") && !exceptionOf(p, e) {
			if p.Private() {
				ts = append(ts, "P-17")
			} else {
				ts = append(ts, "70.1")
			}
		}
		c := p.Citations(e)
		if p.Private() {
			if cites(c, "P-39.1", "21", "21.0.1", "21.0.2") {
				ts = append(ts, "P-21")
			}
		} else {
			if cites(c, "A-2.1", "67.2.1") {
				ts = append(ts, "67.2.1")
			}
			if cites(c, "A-2.1", "68") {
				ts = append(ts, "68")
			}
		}
	case model.Collectes:
		if !p.Private() {
			ts = append(ts, "64")
		}
	case model.Inventaire:
		if e.True("hors_quebec") {
			if p.Private() {
				ts = append(ts, "P-17")
			} else {
				ts = append(ts, "70.1")
			}
		}
	}
	return ts
}

var efvpTriggerFrench = map[string]string{
	"70.1":   "communication à l'extérieur du Québec, art. 70.1",
	"67.2.1": "communication à des fins de recherche, art. 67.2.1",
	"68":     "communication de l'art. 68",
	"64":     "collecte pour un autre organisme, art. 64",
	"P-17":   "communication à l'extérieur du Québec, Loi sur le privé, art. 17",
	"P-21":   "communication à des fins de recherche, Loi sur le privé, art. 21",
}
