package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	I := finding.Info
	register(&Rule{ID: "PRV-005", Kinds: []*model.Kind{model.Utilisations}, Sector: PrivateOnly, Entry: prv005, Doc: Doc{
		Title: "Entreprise : registre des utilisations non requis", Law: "P-39.1, art. 12", Severity: I, Confidence: "H",
		Text: "La Loi sur le privé permet certaines utilisations secondaires (art. 12) sans exiger de registre : l'inscription est acceptée, mais les règles du registre public (UTI) ne s'appliquent pas.",
		Bad:  "# utilisations/UTI-0001.yaml dans un dépôt secteur: prive\n", Good: "(inscription conservée volontairement)"}})
}

func prv005(p *Pass, e *model.Entry) {
	p.Report(e, "", "une entreprise n'a pas l'obligation de tenir un registre des utilisations (Loi sur le privé, art. 12) : inscription acceptée à titre volontaire")
}
