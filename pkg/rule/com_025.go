package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	I := finding.Info
	com := "id: COM-0001\ndestinataire: Organisme communautaire d'accueil\nrenseignements: Nom, adresse courriel\nfins: Invitation à une activité d'accueil des personnes immigrantes\nraisons: La personne a demandé à être jointe\nhors_quebec: false\n"
	register(&Rule{ID: "COM-025", Kinds: []*model.Kind{model.Communications}, Sector: PublicOnly, Entry: com025, Doc: Doc{
		Title: "Communication avec consentement : hors du registre de l'art. 67.3", Law: "A-2.1, art. 59, al. 1 ; art. 67.3, al. 1", Severity: I, Confidence: "H",
		Text: "Un organisme public peut communiquer un renseignement personnel avec le consentement de la personne concernée (art. 59, al. 1 ; consentement manifeste, libre, éclairé et donné à des fins spécifiques, exprès s'il s'agit d'un renseignement sensible). " +
			"Le registre de l'article 67.3 ne reçoit que les communications faites sans consentement en vertu des articles 66, 67, 67.1, 67.2, 67.2.1 et 68 : la communication consentie n'a pas à y être inscrite. Son inscription est acceptée à titre volontaire ; registre ne demande pas d'article de ces articles (COM-001 ne s'applique pas). " +
			"Déclarez-la avec exemption: consentement, ou écrivez-le dans l'appui légal (« Consentement de la personne concernée » ; « Autorisation écrite de la personne concernée » et « Avec l'accord de la personne » sont aussi reconnus, jamais « sans consentement »). Conservez la preuve du consentement.",
		Bad:  com + "appui_legal:\n  - Consentement de la personne concernée\n",
		Good: "(aucune inscription : la communication consentie n'a pas à être inscrite ; ou l'inscription conservée volontairement, avec exemption: consentement)"}})
}

func com025(p *Pass, e *model.Entry) {
	if at, ok := consentOnly(p, e, art673...); ok {
		p.Report(e, at, "communication faite avec le consentement de la personne concernée (art. 59, al. 1) : elle n'a pas à être inscrite au registre de l'article 67.3, qui ne vise que les communications sans consentement des articles 66 à 68 ; inscription acceptée à titre volontaire")
	}
}
