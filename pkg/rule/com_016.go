package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-016", Kinds: com, Sector: PublicOnly, Entry: com016, Doc: Doc{
		Title: "Article 68 cité sans son paragraphe", Law: "A-2.1, art. 68, al. 1", Severity: W, Confidence: "M",
		Text: "L'article 68 permet la communication dans quatre cas (paragraphes 1°, 1.1°, 2° et 3° du premier alinéa). Préciser le paragraphe montre le cas retenu ; il est nécessaire pour l'exception de l'article 70.1 (paragraphe 1.1°).",
		Bad:  "appui_legal: [Article 68 de la Loi sur l'accès]\n", Good: "appui_legal: [Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès]\n"}})
}

func com016(p *Pass, e *model.Entry) {
	refs := refsOf(p.Citations(e), lai, "68")
	if len(refs) == 0 {
		return
	}
	for _, r := range refs {
		if r.Par != nil {
			return
		}
	}
	p.Report(e, "appui_legal", "l'article 68 est cité sans son paragraphe (1°, 1.1°, 2° ou 3° du premier alinéa)")
}
