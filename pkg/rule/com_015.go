package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-015", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com015, Doc: Doc{
		Title: "Entente de l'art. 68 non transmise à la Commission ou pas encore en vigueur", Law: "A-2.1, art. 68, dernier alinéa", Severity: E, Confidence: "H",
		Text: "L'entente de l'article 68 est transmise à la Commission et entre en vigueur 30 jours après sa réception. L'entente liée doit indiquer transmission_cai, et la première communication (debut) ne peut précéder la fin de ce délai. Pour une entente conclue avant le 2023-09-22 sous l'ancien régime (avis de la Commission, art. 70 abrogé), le constat est un avertissement. Le délai de 30 jours de l'article 68 est vérifié dans le texte : c'est une erreur, alors que le même délai pour l'entente de recherche (COM-013) n'est qu'un avertissement, faute d'avoir été vérifié dans l'article 67.2.3.",
		Bad:  "debut: 2024-02-10   # entente transmise le 2024-02-01\n", Good: "debut: 2024-03-15   # entente transmise le 2024-02-01\n"}})
}

func com015(p *Pass, e *model.Entry) {
	if !cites68(p, e) {
		return
	}
	ent := ref(p, e, "entente", model.Ententes)
	if ent == nil {
		return
	}
	report := p.Report
	if preLoi25(ent) {
		report = func(e *model.Entry, k, f string, a ...any) { p.ReportSev(finding.Warning, e, k, f, a...) }
	}
	t := ent.Date("transmission_cai")
	debut := e.Date("debut")
	switch {
	case t == "":
		report(e, "entente", "l'entente %s n'indique pas sa transmission à la Commission (transmission_cai) : elle entre en vigueur 30 jours après sa réception", ent.ID)
	case debut != "" && debut < addDays(t, 30):
		report(e, "debut", "première communication le %s, avant l'entrée en vigueur de l'entente %s (30 jours après sa transmission du %s, soit le %s)", debut, ent.ID, t, addDays(t, 30))
	}
}
