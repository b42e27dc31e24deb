package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-023", Kinds: com, Entry: com023, Doc: Doc{
		Title: "Exception de l'art. 70.1 déclarée pour une communication au Québec", Law: "A-2.1, art. 70.1", LawPrivate: "P-39.1, art. 17 ; art. 18, al. 1, par. 7°", Severity: W, Confidence: "M",
		Text: "Une exception à l'article 70.1 ne se comprend que pour une communication à l'extérieur du Québec. Corrigez hors_quebec ou retirez exception_70_1. L'exception benefice-68-1.1 suppose aussi que l'appui légal cite l'article 68, premier alinéa, paragraphe 1.1°. (Un code de l'autre secteur : COM-028.)",
		Bad:  "hors_quebec: false\nexception_70_1: sante-publique-133\n", Good: "hors_quebec: true\nexception_70_1: sante-publique-133\n"}})
}

func com023(p *Pass, e *model.Entry) {
	ex := e.Str("exception_70_1")
	if ex == "" {
		return
	}
	if v, set := e.Bool("hors_quebec"); set && !v {
		p.Report(e, "exception_70_1", "exception %s (clé exception_70_1) déclarée pour une communication inscrite au Québec (hors_quebec: false) : elle ne vaut que pour une communication à l'extérieur du Québec", ex)
		return
	}
	if ex == "benefice-68-1.1" && !p.Private() {
		for _, r := range refsOf(p.Citations(e), lai, "68") {
			if r.Par != nil && (r.Par.From == "1.1" || r.Par.To == "1.1") {
				return
			}
		}
		p.Report(e, "exception_70_1", "l'exception benefice-68-1.1 suppose un appui sur l'article 68, premier alinéa, paragraphe 1.1°, que l'appui légal ne cite pas")
	}
}
