package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	inv := []*model.Kind{model.Inventaire}
	acces := "personnes_acces: [Personnel de la Direction des ressources humaines]\n"
	register(&Rule{ID: "INV-010", Cross: true, Kinds: inv, Sector: PublicOnly, Entry: inv010, Doc: Doc{
		Title: "Fichier conservé hors Québec sans EFVP, sans entente ou sans protection adéquate", Law: "A-2.1, art. 70.1, al. 3", Severity: E, Confidence: "H",
		Text: "Confier à une personne ou à un organisme à l'extérieur du Québec la tâche de conserver, d'utiliser ou de communiquer des renseignements pour le compte de l'organisme (p. ex. un hébergement infonuagique) est une communication visée à l'article 70.1 : elle exige une EFVP qui conclut à une protection adéquate et une entente écrite. Liez l'EFVP (clé efvp) et l'entente (clé entente). Une conservation ou un traitement hors Québec commencée avant le 2023-09-22 (clé debut_hebergement, ou date de signature de l'entente liée) donne un avertissement : l'obligation date de la Loi 25, dont les dispositions transitoires n'ont pas été vérifiées [U] (legal.md §4.8) ; l'EFVP comme l'entente reste exigée pour la suite.",
		Bad:  invExample + acces + invMeasuresExample + "hors_quebec: true\n", Good: invExample + acces + invMeasuresExample + "hors_quebec: true\nefvp: EFVP-0001   # conclusion: protection_adequate\nentente: ENT-0001\n"}})
}

func inv010(p *Pass, e *model.Entry) {
	if !e.True("hors_quebec") {
		return
	}
	miss := missingAssessment(e)
	if before := startBeforeLoi25(p, e); before != "" && len(miss) > 0 {
		p.ReportSev(finding.Warning, e, "hors_quebec", "fichier confié à l'extérieur du Québec depuis le %s sans %s : l'hébergement précède l'EFVP et l'entente écrite de la Loi 25 (2023-09-22, dispositions transitoires non vérifiées), mais elles sont exigées pour la suite du contrat (art. 70.1, al. 1 à 3)", before, strings.Join(miss, " ni "))
		miss = nil
	}
	if len(miss) > 0 {
		p.Report(e, "hors_quebec", "fichier conservé ou traité à l'extérieur du Québec sans %s : confier la conservation ou le traitement hors Québec est une communication visée à l'article 70.1 (al. 3)", strings.Join(miss, " ni "))
	}
	if ev := ref(p, e, "efvp", model.EFVP); ev != nil && ev.Str("conclusion") != "protection_adequate" {
		concl := ev.Str("conclusion")
		if concl == "" {
			concl = "aucune"
		}
		p.Report(e, "efvp", "l'EFVP %s ne conclut pas à une protection adéquate (conclusion : %s) : le fichier ne peut pas être confié à l'extérieur du Québec (art. 70.1, al. 2 et 3)", ev.ID, concl)
	}
}
