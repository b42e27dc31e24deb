package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	register(&Rule{ID: "COL-003", Cross: true, Kinds: []*model.Kind{model.Collectes}, Sector: PublicOnly, Entry: col003, Doc: Doc{
		Title: "EFVP postérieure au début de la collecte pour un autre organisme", Law: "A-2.1, art. 64, al. 2", Severity: E, Confidence: "H",
		Text: "La collecte de renseignements personnels pour le compte d'un autre organisme public « doit être précédée » d'une évaluation des facteurs relatifs à la vie privée. La date de l'EFVP liée (clé efvp) ne peut pas suivre le début de la collecte (clé debut). Une collecte commencée avant le 2023-09-22 n'est pas visée.",
		Bad:  "efvp: EFVP-0001   # date: 2025-04-01\nentente: ENT-0001\ndebut: 2025-03-15\n",
		Good: "efvp: EFVP-0001   # date: 2025-01-20\nentente: ENT-0001\ndebut: 2025-03-15\n"}})
}

func col003(p *Pass, e *model.Entry) {
	reportEFVPAfter(p, e, "debut", loi25Phase3, "le début de la collecte", "Loi sur l'accès, art. 64, al. 2")
}
