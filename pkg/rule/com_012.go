package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-012", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com012, Doc: Doc{
		Title: "Entente de recherche non transmise à la Commission avant la communication", Law: "A-2.1, art. 67.2.3", Severity: E, Confidence: "M",
		Text: "L'entente de recherche doit être transmise à la Commission d'accès à l'information avant toute communication. L'entente liée doit indiquer transmission_cai, à une date qui ne suit pas la première communication (debut).",
		Bad:  "# ENT-0004.yaml, sans transmission_cai\n", Good: "# ENT-0004.yaml\ntransmission_cai: 2024-02-01\n"}})
}

func com012(p *Pass, e *model.Entry) {
	if !cites(p.Citations(e), lai, "67.2.1") {
		return
	}
	ent := ref(p, e, "entente", model.Ententes)
	if ent == nil {
		return
	}
	t := ent.Date("transmission_cai")
	switch debut := e.Date("debut"); {
	case t == "":
		p.Report(e, "entente", "l'entente %s n'indique pas sa transmission à la Commission (transmission_cai) : elle doit lui être transmise avant toute communication", ent.ID)
	case debut != "" && t > debut:
		p.Report(e, "debut", "l'entente %s a été transmise à la Commission le %s, après la première communication (%s)", ent.ID, t, debut)
	}
}
