package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-001", Kinds: com, Sector: PublicOnly, Entry: com001, Doc: Doc{
		Title: "Communication sans appui légal du registre de l'art. 67.3",
		Law:   "A-2.1, art. 67.3, al. 1", Severity: E, Confidence: "H",
		Text: "Le registre de l'article 67.3 reçoit les communications faites sans le consentement de la personne en vertu des articles 66, 67, 67.1, 67.2, 67.2.1 et 68 de la Loi sur l'accès. L'appui légal doit citer au moins l'un de ces articles ; un contrat, une entente ou une convention collective ne suffit pas à lui seul (règle CIT-008 de l'analyse juridique). Une communication dont le seul appui est l'article 59, deuxième alinéa, relève du registre de l'article 60 et non de celui-ci : elle donne un avertissement. Les appuis d'avant la Loi 25 (68.1, 125) sont acceptés ; voir COM-021.",
		Bad:  comExample + "appui_legal:\n  - Contrat de service\nhors_quebec: false\n",
		Good: comExample + "appui_legal:\n  - Article 67 de la Loi sur l'accès\n  - Contrat de service\nhors_quebec: false\n"}})
}

func com001(p *Pass, e *model.Entry) {
	if len(e.Strings("appui_legal")) == 0 || e.Str("exemption") != "" {
		return // missing: reported by the schema under the same id
	}
	if _, ok := consentOnly(p, e, art673...); ok {
		return // COM-025
	}
	c := p.Citations(e)
	if cites(c, lai, art673...) || cites(c, lai, "68.1", "125") {
		return
	}
	if cites(c, lai, "59") {
		// The duty this warning points to is the log of art. 60 (legal.md §4.4).
		n := len(*p.out)
		p.ReportLaw("A-2.1, art. 60", e, "appui_legal", "le seul appui légal est l'article 59 : une communication faite en vertu du deuxième alinéa de l'article 59 s'inscrit au registre de l'article 60, pas à celui de l'article 67.3")
		if len(*p.out) > n {
			(*p.out)[n].Severity = finding.Warning
		}
		return
	}
	p.Report(e, "appui_legal", "l'appui légal ne cite aucun des articles 66, 67, 67.1, 67.2, 67.2.1 ou 68 de la Loi sur l'accès, qui définissent les communications inscrites au registre")
}
