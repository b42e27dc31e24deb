package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-013", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com013, Doc: Doc{
		Title: "Communication de recherche moins de 30 jours après la transmission de l'entente", Law: "A-2.1, art. 67.2.3 (délai de 30 jours, à vérifier)", Severity: W, Confidence: "L",
		Text: "Selon l'analyse juridique (point non vérifié [U]), l'entente de recherche entre en vigueur 30 jours après sa réception par la Commission. Une première communication plus tôt mérite vérification. Pourquoi un avertissement alors que COM-015 est une erreur pour le même délai de l'article 68 : le délai de 30 jours de l'article 68 est vérifié dans le texte (dernier alinéa), celui de l'entente de recherche (art. 67.2.3) ne l'a pas été ; la transmission avant toute communication, elle, est vérifiée et reste une erreur (COM-012).",
		Bad:  "debut: 2024-02-10   # entente transmise le 2024-02-01\n", Good: "debut: 2024-03-15   # entente transmise le 2024-02-01\n"}})
}

func com013(p *Pass, e *model.Entry) {
	if !cites(p.Citations(e), lai, "67.2.1") {
		return
	}
	ent := ref(p, e, "entente", model.Ententes)
	debut := e.Date("debut")
	if ent == nil || debut == "" {
		return
	}
	if t := ent.Date("transmission_cai"); t != "" && t <= debut && debut < addDays(t, 30) {
		p.Report(e, "debut", "première communication le %s, moins de 30 jours après la transmission de l'entente %s à la Commission (%s)", debut, ent.ID, t)
	}
}
