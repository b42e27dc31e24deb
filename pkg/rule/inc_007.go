package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	inc := []*model.Kind{model.Incidents}
	register(&Rule{ID: "INC-007", Kinds: inc, Entry: inc007, Doc: Doc{
		Title: "Incident à risque de préjudice sérieux sans avis à la Commission", Law: "A-2.1, art. 63.8, al. 2 ; A-2.1, r. 3.1, art. 7, par. 7°", LawPrivate: "P-39.1, art. 3.5, al. 2 ; A-2.1, r. 3.1, art. 7, par. 7°", Severity: E, Confidence: "H",
		Text: "Lorsque l'incident présente un risque de préjudice sérieux, l'organisme doit, avec diligence, aviser la Commission d'accès à l'information, et le registre indique la date de transmission de cet avis (clé avis_cai). L'obligation d'aviser est en vigueur depuis le 2022-09-22 (Loi 25) : un incident dont l'organisme a pris connaissance avant cette date (clé connaissance, à défaut survenance) n'est pas signalé.",
		Bad:  incSeriousExample, Good: incSeriousExample + "avis_cai: 2025-02-06\navis_personnes: 2025-02-07\n"}})
}

func inc007(p *Pass, e *model.Entry) {
	if incSerious(e) && e.Str("avis_cai") == "" {
		p.Report(e, "risque_serieux", "incident à risque de préjudice sérieux sans date de l'avis à la Commission d'accès à l'information (clé avis_cai ; %s, al. 2 ; r. 3.1, art. 7, par. 7°)", incArt(p))
	}
}
