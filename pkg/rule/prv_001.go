package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "PRV-001", Cross: true, Kinds: com, Sector: PrivateOnly, Entry: prv001, Doc: Doc{
		Title: "Entreprise : communication hors Québec sans EFVP ou sans entente écrite", Law: "P-39.1, art. 17", Severity: E, Confidence: "H",
		Text: "Avant de communiquer un renseignement personnel à l'extérieur du Québec (y compris confier sa conservation à un fournisseur infonuagique), l'entreprise procède à une EFVP et la communication fait l'objet d'une entente écrite. Exception : la situation d'urgence de l'article 18, al. 1, par. 7° (exception_70_1: urgence-18-7). Une entente nommée dans l'appui légal (« Contrat de service … ») n'est pas manquante : ENT-007 demande de la lier. La date de l'EFVP est vérifiée par PRV-009 ; les fichiers de l'inventaire confiés hors Québec, par PRV-011. Une communication commencée avant le 2023-09-22 (clé debut, ou date de signature de l'entente liée) donne un avertissement : l'obligation date de la Loi 25, dont les dispositions transitoires n'ont pas été vérifiées [U] (legal.md §4.8) ; l'EFVP comme l'entente reste exigée pour la suite.",
		Bad:  "hors_quebec: true\n", Good: "hors_quebec: true\nefvp: EFVP-0001\nentente: ENT-0001\n"}})
}

// outsidePrivate reports an outside-Québec communication without the 18 al. 1 7° urgency exception.
func prv001(p *Pass, e *model.Entry) {
	if !e.True("hors_quebec") || exceptionOf(p, e) {
		return
	}
	miss := missingAssessmentOf(p, e)
	if before := startBeforeLoi25(p, e); before != "" && len(miss) > 0 {
		p.ReportSev(finding.Warning, e, "hors_quebec", "communication à l'extérieur du Québec sans %s ; elle a commencé le %s, avant l'EFVP et l'entente écrite de la Loi 25 (2023-09-22, dispositions transitoires non vérifiées) : elles sont exigées pour la suite (Loi sur le privé, art. 17)", strings.Join(miss, " ni "), before)
		return
	}
	if len(miss) > 0 {
		p.Report(e, "hors_quebec", "communication à l'extérieur du Québec sans %s (Loi sur le privé, art. 17)", strings.Join(miss, " ni "))
		return
	}
	if ev := ref(p, e, "efvp", model.EFVP); ev != nil && ev.Str("conclusion") != "protection_adequate" {
		p.Report(e, "efvp", "l'EFVP %s ne conclut pas à une protection adéquate : la communication à l'extérieur du Québec n'est pas permise (Loi sur le privé, art. 17)", ev.ID)
	}
}
