package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	inc := []*model.Kind{model.Incidents}
	register(&Rule{ID: "INC-010", Kinds: inc, Entry: inc010, Doc: Doc{
		Title: "Incident connu avant d'avoir eu lieu", Law: "A-2.1, r. 3.1, art. 7, par. 3° et 4°", LawPrivate: "P-39.1, art. 3.8 ; A-2.1, r. 3.1, art. 7, par. 3° et 4°", Severity: W, Confidence: "M",
		Text: "La date (ou le début de la période) de prise de connaissance précède celle de l'incident : l'une des deux dates est probablement erronée.",
		Bad:  "survenance: 2025-02-03\nconnaissance: 2025-01-04\n", Good: "survenance: 2025-02-03\nconnaissance: 2025-02-04\n"}})
}

func inc010(p *Pass, e *model.Entry) {
	s, c := e.Date("survenance"), e.Date("connaissance")
	if s != "" && c != "" && c < s {
		p.Report(e, "connaissance", "prise de connaissance le %s, avant la survenance de l'incident (%s) : l'une des deux dates est probablement erronée (r. 3.1, art. 7, par. 3° et 4°)", c, s)
	}
}
