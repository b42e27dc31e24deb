package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "PRV-002", Cross: true, Kinds: com, Sector: PrivateOnly, Entry: prv002, Doc: Doc{
		Title: "Entreprise : communication à des fins de recherche sans EFVP, entente ou transmission à la Commission", Law: "P-39.1, art. 21 et suiv.", Severity: W, Confidence: "M",
		Text: "La communication sans consentement à des fins d'étude, de recherche ou de production de statistiques exige, comme dans le secteur public, une EFVP, une entente écrite et sa transmission à la Commission d'accès à l'information. L'obligation est confirmée par la Commission (« les obligations sont semblables dans le secteur public et dans le secteur privé ») ; le texte des articles 21 à 21.0.2 de la Loi sur le privé, lui, n'a pas été vérifié [U] : le fondement cité est « art. 21 et suiv. ». Tant que ce texte n'est pas vérifié, la règle est un avertissement (point non vérifié de l'analyse juridique) ; dans le secteur public, COM-011 et COM-012 restent des erreurs parce que les articles 67.2.1 à 67.2.3 de la Loi sur l'accès sont confirmés par une source gouvernementale. Une entente nommée dans l'appui légal (« Contrat de service … ») n'est pas manquante : ENT-007 demande de la lier.",
		Bad:  "appui_legal: [Article 21 de la Loi sur le privé]\n", Good: "appui_legal: [Article 21 de la Loi sur le privé]\nefvp: EFVP-0002\nentente: ENT-0002   # avec transmission_cai\n"}})
}

func prv002(p *Pass, e *model.Entry) {
	c := p.Citations(e)
	if !cites(c, lprp, "21", "21.0.1", "21.0.2") {
		return
	}
	miss := missingAssessmentOf(p, e)
	if ent := ref(p, e, "entente", model.Ententes); ent != nil && ent.Date("transmission_cai") == "" {
		miss = append(miss, "date de transmission de l'entente à la Commission (transmission_cai de "+ent.ID+")")
	}
	if len(miss) > 0 {
		p.Report(e, "appui_legal", "communication à des fins de recherche sans %s", strings.Join(miss, " ni "))
	}
}
