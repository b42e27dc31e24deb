package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-009", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com009, Doc: Doc{
		Title: "EFVP d'une communication hors Québec sans conclusion de protection adéquate", Law: "A-2.1, art. 70.1, al. 2", Severity: E, Confidence: "H",
		Text: "La communication à l'extérieur du Québec ne peut s'effectuer que si l'évaluation démontre que les renseignements bénéficieraient d'une protection adéquate. L'EFVP liée doit avoir conclusion: protection_adequate.",
		Bad:  "# EFVP-0002.yaml\nconclusion: en_cours\n", Good: "# EFVP-0002.yaml\nconclusion: protection_adequate\n"}})
}

func com009(p *Pass, e *model.Entry) {
	if !outside(p, e) {
		return
	}
	if ev := ref(p, e, "efvp", model.EFVP); ev != nil && ev.Str("conclusion") != "protection_adequate" {
		p.Report(e, "efvp", "l'EFVP %s ne conclut pas à une protection adéquate (conclusion : %s) : la communication à l'extérieur du Québec n'est pas permise", ev.ID, orNone(ev.Str("conclusion")))
	}
}
