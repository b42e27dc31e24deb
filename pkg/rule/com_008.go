package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-008", Kinds: com, Sector: PublicOnly, Entry: com008, Doc: Doc{
		Title: "Communication hors Québec sans entente écrite", Law: "A-2.1, art. 70.1, al. 2", Severity: E, Confidence: "H",
		Text: "Une communication à l'extérieur du Québec doit faire l'objet d'une entente écrite qui tient compte des résultats de l'EFVP et des modalités convenues pour atténuer les risques. Liez l'entente (clé entente) ou déclarez l'exception de l'article 70.1 qui s'applique. Si l'appui légal nomme l'entente (« Lettre d'entente … »), elle n'est pas manquante : ENT-007 demande alors de la lier pour que ses dates puissent être vérifiées. L'accord intergouvernemental cité dans l'appui légal (« Accord Canada-Québec … ») existe, mais il n'est pas l'entente qui tient compte des résultats de l'EFVP : l'erreur demeure et le message le nomme (legal.md §4.5, §4.13). Une communication commencée avant le 2023-09-22 (clé debut, ou date de signature de l'entente liée) donne un avertissement : l'entente écrite date de la Loi 25, dont les dispositions transitoires n'ont pas été vérifiées [U] (legal.md §4.8).",
		Bad:  "hors_quebec: true\nefvp: EFVP-0002\n", Good: "hors_quebec: true\nefvp: EFVP-0002\nentente: ENT-0002\n"}})
}

func com008(p *Pass, e *model.Entry) {
	if !outside(p, e) || !agreementOf(p, e).missing() {
		return
	}
	// An intergovernmental accord named in the basis (« Article 22 a) de
	// l'Accord Canada-Québec … ») is a writing that exists, but not the
	// agreement of 70.1 al. 2, which takes account of the EFVP's results
	// (legal.md §4.5 note, §4.13): say so, never « sans entente écrite ».
	if title, ok := accordOf(p.Citations(e)); ok {
		p.Report(e, "hors_quebec", "communication à l'extérieur du Québec sans l'entente écrite de l'article 70.1, al. 2 (clé entente) ni exception déclarée (clé exception_70_1) : l'accord intergouvernemental cité (« %s ») existe, mais il n'est pas l'entente qui tient compte des résultats de l'EFVP", agreementShort(title))
		return
	}
	if before := startBeforeLoi25(p, e); before != "" {
		p.ReportSev(finding.Warning, e, "hors_quebec", "communication à l'extérieur du Québec sans entente écrite (clé entente) ni exception déclarée (clé exception_70_1) ; elle date du %s, d'avant le 2023-09-22 (ancien régime, dispositions transitoires non vérifiées) : l'entente est exigée pour la suite", before)
		return
	}
	p.Report(e, "hors_quebec", "communication à l'extérieur du Québec sans entente écrite (clé entente) ni exception déclarée (clé exception_70_1)")
}

// accordOf returns the title of the intergovernmental accord the basis cites
// (« Article 22 a) de l'Accord Canada-Québec … », or an accord named without
// an article), if any.
func accordOf(c citation.Cell) (string, bool) {
	for _, l := range c.Lines {
		for _, r := range l.Refs {
			if r.Jur == citation.Accord {
				if r.Title != "" {
					return r.Title, true
				}
				return strings.TrimSpace(l.Raw), true
			}
		}
		if l.Kind == citation.NonStatutory && l.NonStatutory == "accord" {
			return strings.TrimSpace(l.Raw), true
		}
	}
	return "", false
}
