package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	register(&Rule{ID: "INC-015", Kinds: []*model.Kind{model.Incidents}, Entry: inc015, Doc: Doc{
		Title: "Avis daté d'avant la prise de connaissance de l'incident", Law: "A-2.1, art. 63.8 et 63.11 ; A-2.1, r. 3.1, art. 7, par. 4° et 7°", LawPrivate: "P-39.1, art. 3.5 et 3.8 ; A-2.1, r. 3.1, art. 7, par. 4° et 7°", Severity: W, Confidence: "M",
		Text: "L'organisme avise la Commission et les personnes concernées d'un incident dont il a pris connaissance : un avis (avis_cai, avis_personnes, avis_public.date) ne peut pas précéder la date de prise de connaissance (connaissance ; le début de la période, s'il s'agit d'une période). L'une des dates est probablement erronée ; le registre transmis à la Commission doit les donner exactement (r. 3.1, art. 7).",
		Bad:  "connaissance: 2025-02-04\navis_cai: 2025-01-06\n", Good: "connaissance: 2025-02-04\navis_cai: 2025-02-06\n"}})
}

func inc015(p *Pass, e *model.Entry) {
	c := e.Date("connaissance")
	if c == "" {
		return
	}
	notices := []struct{ key, date, what string }{
		{"avis_cai", e.Date("avis_cai"), "l'avis à la Commission"},
		{"avis_personnes", e.Date("avis_personnes"), "l'avis aux personnes concernées"},
		{"avis_public/date", model.DateOf(e.Map("avis_public")["date"], true), "l'avis public"},
	}
	for _, n := range notices {
		if n.date != "" && n.date < c {
			p.Report(e, n.key, "%s est daté du %s, avant la prise de connaissance de l'incident (%s) : l'une des deux dates est probablement erronée (%s ; r. 3.1, art. 7, par. 4° et 7°)", n.what, n.date, c, incArt(p))
		}
	}
}
