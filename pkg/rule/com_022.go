package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	I := finding.Info
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-022", Kinds: com, Sector: PublicOnly, Entry: com022, Doc: Doc{
		Title: "Communication exclue du registre (imputation d'une retenue)", Law: "A-2.1, art. 67.3, al. 1", Severity: I, Confidence: "H",
		Text: "La communication requise pour imputer au compte d'un membre du personnel un montant dont la loi oblige la retenue ou le versement est exclue du registre. Son inscription est acceptée, mais elle n'est pas requise.",
		Bad:  "exemption: imputation_retenue\n", Good: "(aucune inscription, ou l'inscription conservée volontairement)"}})
}

func com022(p *Pass, e *model.Entry) {
	if e.Str("exemption") == "imputation_retenue" {
		p.Report(e, "exemption", "communication exclue du registre (imputation d'une retenue prévue par la loi) : son inscription est acceptée, mais pas requise")
	}
}
