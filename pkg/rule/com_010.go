package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-010", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com010, Doc: Doc{
		Title: "EFVP postérieure à la première communication hors Québec", Law: "A-2.1, art. 70.1, al. 1 (« Avant de communiquer »)", Severity: E, Confidence: "H",
		Text: "L'évaluation doit précéder la communication : la date de l'EFVP liée ne peut pas être postérieure à la date de la première communication (clé debut). Une communication commencée avant le 2023-09-22, date d'entrée en vigueur de l'EFVP de l'article 70.1, n'est pas visée.",
		Bad:  "debut: 2024-01-15   # EFVP datée du 2024-03-01\n", Good: "debut: 2024-04-01   # EFVP datée du 2024-03-01\n"}})
}

func com010(p *Pass, e *model.Entry) {
	if !outside(p, e) {
		return
	}
	if ev, d, debut := efvpAfter(p, e, "debut"); ev != nil && debut >= loi25Phase3 {
		p.Report(e, "debut", "l'EFVP %s est datée du %s, après la première communication (%s) : l'évaluation doit précéder la communication", ev.ID, d, debut)
	}
}
