package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	inc := []*model.Kind{model.Incidents}
	register(&Rule{ID: "INC-011", Kinds: inc, Entry: inc011, Doc: Doc{
		Title: "Avis à la Commission tardif", Law: "A-2.1, art. 63.8, al. 2 (« avec diligence »)", LawPrivate: "P-39.1, art. 3.5, al. 2 (« avec diligence »)", Severity: W, Confidence: "L",
		Text: "L'avis à la Commission d'un incident à risque de préjudice sérieux se donne avec diligence. La loi ne fixe pas de délai : la règle signale un avis transmis plus de lint.delai_avis_cai_jours jours (30 par défaut) après la prise de connaissance de l'incident (la fin de la période, s'il s'agit d'une période). Documentez la raison du délai dans remarques et ignorez la règle pour cette inscription, ou ajustez le seuil dans registre.yaml.",
		Bad:  "connaissance: 2025-02-04\navis_cai: 2025-04-15\n", Good: "connaissance: 2025-02-04\navis_cai: 2025-02-06\n"}})
}

func inc011(p *Pass, e *model.Entry) {
	c, a := e.DateEnd("connaissance"), e.Date("avis_cai")
	if c == "" || a == "" {
		return
	}
	limit := p.Repo.Config.NoticeDelayDays()
	if d := daysBetween(c, a); d > limit {
		p.Report(e, "avis_cai", "avis à la Commission transmis %d jours après la prise de connaissance de l'incident (%s) : l'avis se donne avec diligence (%s, al. 2 ; seuil : %d jours)", d, c, incArt(p), limit)
	}
}
