package rule

import (
	"time"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	inc := []*model.Kind{model.Incidents}
	register(&Rule{ID: "INC-014", Kinds: inc, Entry: inc014, Doc: Doc{
		Title: "Incident inscrit depuis plus de cinq ans", Law: "A-2.1, r. 3.1 (durée de conservation de 5 ans, non vérifiée)", LawPrivate: "P-39.1, art. 3.8 ; A-2.1, r. 3.1 (durée de conservation de 5 ans, non vérifiée)", Severity: finding.Off, Confidence: "L",
		Text: "Des sources secondaires indiquent que le registre des incidents est conservé au moins cinq ans ; l'article qui fixe cette durée n'a pas été vérifié. Cette règle, désactivée par défaut (lint: regles: {INC-014: info}), signale les incidents dont l'organisme a pris connaissance il y a plus de cinq ans, pour que leur conservation ou leur destruction soit revue selon le calendrier de conservation.",
		Bad:  "connaissance: 2019-05-10\n", Good: "connaissance: 2023-05-10\n"}})
}

func inc014(p *Pass, e *model.Entry) {
	c := e.DateEnd("connaissance")
	t, err := time.Parse("2006-01-02", c)
	if err != nil {
		return
	}
	if limit := t.AddDate(5, 0, 0).Format("2006-01-02"); p.Today > limit {
		p.Report(e, "connaissance", "incident connu le %s, il y a plus de cinq ans : revoyez sa conservation selon le calendrier de conservation (r. 3.1 ; durée de 5 ans non vérifiée)", c)
	}
}
