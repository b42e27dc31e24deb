package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	base := "id: COL-0001\norganisme: Ministère de l'Exemple\nprogramme: Programme d'aide financière\nservice: Guichet unique\nrenseignements: Nom, adresse\nfins: Traitement des demandes\npersonnes_acces: [Agents de l'organisme receveur]\n"
	register(&Rule{ID: "COL-002", Cross: true, Kinds: []*model.Kind{model.Collectes}, Sector: PublicOnly, Entry: col002, Doc: Doc{
		Title: "Collecte pour un autre organisme sans EFVP, sans entente transmise à la Commission ou avant son entrée en vigueur", Law: "A-2.1, art. 64, al. 2 et 3", Severity: E, Confidence: "H",
		Text: "La collecte de renseignements personnels pour le compte d'un autre organisme public doit être précédée d'une EFVP et s'effectuer dans le cadre d'une entente écrite transmise à la Commission d'accès à l'information ; l'entente entre en vigueur 30 jours après sa réception. Liez l'EFVP (clé efvp) et l'entente (clé entente), indiquez dans l'entente sa date de transmission (transmission_cai) et ne commencez la collecte (debut) qu'une fois le délai écoulé. Une collecte commencée avant le 2023-09-22 (clé debut, ou date de signature de l'entente liée) donne un avertissement : l'obligation date de la Loi 25, dont les dispositions transitoires n'ont pas été vérifiées [U] (legal.md §4.8) ; l'EFVP reste exigée pour la suite.",
		Bad:  base + "efvp: EFVP-0001\nentente: ENT-0001   # transmission_cai: 2025-02-01\ndebut: 2025-02-15\n",
		Good: base + "efvp: EFVP-0001\nentente: ENT-0001   # transmission_cai: 2025-02-01\ndebut: 2025-03-15\n"}})
}

func col002(p *Pass, e *model.Entry) {
	// A collection has no legal basis to name its agreement in: the key
	// entente is the only place it can be.
	miss := missingAssessment(e)
	before := startBeforeLoi25(p, e)
	if e.Str("efvp") == "" && before != "" {
		miss = miss[1:] // before Loi 25: the warning below
	}
	if len(miss) > 0 {
		p.Report(e, "", "collecte pour le compte d'un autre organisme sans %s (art. 64, al. 2)", strings.Join(miss, " ni "))
	}
	if e.Str("efvp") == "" && before != "" {
		p.ReportSev(finding.Warning, e, "", "collecte pour le compte d'un autre organisme sans EFVP (clé efvp) ; elle date du %s, d'avant le 2023-09-22 (ancien régime, dispositions transitoires non vérifiées) : une EFVP est exigée au renouvellement de l'entente (art. 64, al. 2)", before)
	}
	ent := ref(p, e, "entente", model.Ententes)
	if ent == nil {
		return
	}
	t := ent.Date("transmission_cai")
	debut := e.Date("debut")
	switch {
	case t == "":
		p.Report(e, "entente", "l'entente %s n'indique pas sa transmission à la Commission (transmission_cai) : l'entente de collecte lui est transmise et entre en vigueur 30 jours après sa réception (art. 64, al. 3)", ent.ID)
	case debut != "" && debut < addDays(t, 30):
		p.Report(e, "debut", "collecte commencée le %s, avant l'entrée en vigueur de l'entente %s (30 jours après sa transmission à la Commission du %s, soit le %s ; art. 64, al. 3)", debut, ent.ID, t, addDays(t, 30))
	}
}
