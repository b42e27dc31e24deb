package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	ent := []*model.Kind{model.Ententes}
	register(&Rule{ID: "ENT-006", Kinds: ent, Entry: ent006, Doc: Doc{
		Title: "Entente transmise à la Commission avant sa signature", Law: "A-2.1, art. 64, al. 3 ; art. 67.2.3 ; art. 68", LawPrivate: "P-39.1, art. 21 et suiv.", Severity: W, Confidence: "H",
		Text: "La date de transmission à la Commission (transmission_cai) précède la date de signature (date_signature) : l'entente transmise est l'entente conclue. L'une des deux dates est probablement erronée ; corrigez-la, car elle fixe l'entrée en vigueur de l'entente.",
		Bad:  "date_signature: 2024-06-01\ntransmission_cai: 2024-05-15\n", Good: "date_signature: 2024-06-01\ntransmission_cai: 2024-06-10\n"}})
}

func ent006(p *Pass, e *model.Entry) {
	t, s := e.Date("transmission_cai"), e.Date("date_signature")
	if t != "" && s != "" && t < s {
		p.Report(e, "transmission_cai", "entente transmise à la Commission le %s, avant sa signature le %s : l'une des deux dates est probablement erronée ; la date de transmission fixe l'entrée en vigueur de l'entente", t, s)
	}
}
