package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-017", Kinds: com, Sector: PublicOnly, Entry: com017, Doc: Doc{
		Title: "Mandat ou contrat de service (67.2) sans écrit", Law: "A-2.1, art. 67.2, al. 2, par. 1°", Severity: E, Confidence: "H",
		Text: "Le mandat ou le contrat de service de l'article 67.2 est confié par écrit (al. 2, par. 1°) et précise les dispositions applicables et les mesures de confidentialité (par. 2°). Depuis la modification de 2021 (LQ 2021, c. 25, a. 22), seul le paragraphe 2° ne s'applique pas lorsque le mandataire est un autre organisme public ou un membre d'un ordre professionnel (membre_ordre_professionnel: true) : l'écrit reste exigé. " +
			"Liez le contrat (clé entente) ou nommez-le dans l'appui légal (« Contrat de service », « Contrat signé entre le Ministère et l'enquêteur mandaté ») ; un contrat seulement nommé donne l'avertissement ENT-007, qui demande de le lier.",
		Bad: "appui_legal: [Article 67.2 de la Loi sur l'accès]\n", Good: "appui_legal: [Article 67.2 de la Loi sur l'accès]\nentente: ENT-0005\n"}})
}

func com017(p *Pass, e *model.Entry) {
	// The writing (al. 2, par. 1°) is never waived: a member of a professional
	// order or another public body is exempt only from the clauses of par. 2°
	// (legal.md §4.10, corrected).
	if cites(p.Citations(e), lai, "67.2") && agreementOf(p, e).missing() {
		p.Report(e, "appui_legal", "mandat ou contrat de service (art. 67.2) sans écrit : ni contrat lié (clé entente) ni contrat nommé dans l'appui légal ; le mandat ou le contrat doit être confié par écrit (art. 67.2, al. 2, par. 1°), même à un membre d'un ordre professionnel ou à un autre organisme public")
	}
}
