package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	register(&Rule{ID: "INV-016", Cross: true, Kinds: []*model.Kind{model.Inventaire}, Sector: PublicOnly, Entry: inv016, Doc: Doc{
		Title: "EFVP postérieure au début de l'hébergement hors Québec", Law: "A-2.1, art. 70.1, al. 1 (« Avant de communiquer ») et al. 3", Severity: E, Confidence: "H", Since: "0.2.0",
		Text: "Confier à une personne ou à un organisme à l'extérieur du Québec la tâche de recueillir, d'utiliser, de communiquer ou de conserver des renseignements pour le compte de l'organisme (p. ex. un hébergement infonuagique en Ontario) est une communication visée à l'article 70.1 (al. 3) : « Avant de communiquer », l'organisme procède à une évaluation des facteurs relatifs à la vie privée (al. 1). " +
			"La date de l'EFVP liée (clé efvp) ne peut donc pas suivre le début de l'hébergement ou du traitement hors Québec (clé debut_hebergement) ; c'est le pendant, pour l'inventaire, de COM-010 (communications) et de PRV-009 (entreprises). " +
			"L'EFVP de l'article 70.1 est exigée depuis le 2023-09-22 (Loi 25) : un hébergement commencé avant cette date donne un avertissement, car les dispositions transitoires n'ont pas été vérifiées [U] (legal.md §4.8) ; l'EFVP reste exigée au renouvellement du contrat. L'absence d'EFVP ou d'entente relève de INV-010.",
		Bad:  "# inventaire/INV-0001.yaml\nhors_quebec: true\nlieux: [Ontario]\ndebut_hebergement: 2024-05-01\nefvp: EFVP-0001   # date: 2024-09-10\nentente: ENT-0001\n",
		Good: "# inventaire/INV-0001.yaml\nhors_quebec: true\nlieux: [Ontario]\ndebut_hebergement: 2024-05-01\nefvp: EFVP-0001   # date: 2024-03-15\nentente: ENT-0001\n"}})
}

// inv016 is COM-010 for a public body's file kept or processed outside
// Québec: the EFVP of 70.1 precedes the start of hosting (al. 1 and 3).
// Before the 2023-09-22 cut-off the late EFVP is a warning (legal.md §4.8).
func inv016(p *Pass, e *model.Entry) {
	if !e.True("hors_quebec") {
		return
	}
	ev, d, start := efvpAfter(p, e, "debut_hebergement")
	if ev == nil {
		return
	}
	if start < loi25Phase3 {
		p.ReportSev(finding.Warning, e, "debut_hebergement", "l'EFVP %s est datée du %s, après le début de la conservation ou du traitement hors Québec (%s) ; l'hébergement a commencé avant le 2023-09-22, date d'entrée en vigueur de l'EFVP de l'article 70.1 (Loi 25, dispositions transitoires non vérifiées) : vérifiez qu'elle précède au moins le renouvellement du contrat", ev.ID, d, start)
		return
	}
	p.Report(e, "debut_hebergement", "l'EFVP %s est datée du %s, après le début de la conservation ou du traitement hors Québec (%s) : l'évaluation doit précéder la communication (Loi sur l'accès, art. 70.1, al. 1 et 3)", ev.ID, d, start)
}
