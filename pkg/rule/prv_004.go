package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "PRV-004", Kinds: com, Sector: PrivateOnly, Entry: prv004, Doc: Doc{
		Title: "Entreprise : communication pour protéger une personne inscrite sans sa date", Law: "P-39.1, art. 18.1, al. 4", Severity: W, Confidence: "M",
		Text: "La personne qui communique un renseignement pour prévenir un acte de violence doit inscrire la communication (art. 18.1, al. 4). L'inscription existe ici, mais sans la date de la communication (clé debut), sans laquelle elle ne permet pas de rendre compte de la communication. Le texte vérifié exige l'inscription sans en énumérer le contenu : exiger la date est une déduction de l'analyse juridique, d'où un avertissement et non une erreur.",
		Bad:  "appui_legal: [Article 18.1 de la Loi sur le privé]\n", Good: "appui_legal: [Article 18.1 de la Loi sur le privé]\ndebut: 2025-04-02\n"}})
}

func prv004(p *Pass, e *model.Entry) {
	if cites(p.Citations(e), lprp, "18.1") && e.Date("debut") == "" {
		p.Report(e, "appui_legal", "communication faite pour protéger une personne (art. 18.1) inscrite sans sa date (clé debut)")
	}
}
