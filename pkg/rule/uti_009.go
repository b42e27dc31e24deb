package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	I := finding.Info
	uti := "id: UTI-0001\nunite: Direction des communications\nrenseignements: Adresse courriel\nfins_initiales: Inscription aux cours de français\nutilisation: Infolettre\npersonnes_acces: [Agents de communication]\n"
	register(&Rule{ID: "UTI-009", Kinds: []*model.Kind{model.Utilisations}, Sector: PublicOnly, Entry: uti009, Doc: Doc{
		Title: "Utilisation avec consentement : hors du registre de l'art. 67.3", Law: "A-2.1, art. 65.1, al. 1", Severity: I, Confidence: "H",
		Text: "Un renseignement personnel peut être utilisé à une autre fin que celle de sa collecte avec le consentement de la personne concernée (art. 65.1, al. 1 ; exprès s'il s'agit d'un renseignement sensible). " +
			"Seules les utilisations faites sans consentement dans les cas des paragraphes 1° à 3° du deuxième alinéa de l'article 65.1 sont inscrites au registre de l'article 67.3 : l'utilisation consentie n'a pas à l'être, et son inscription est acceptée à titre volontaire (UTI-001 ne s'applique pas). " +
			"Déclarez-la avec exemption: consentement, ou écrivez-le dans l'appui légal (« Consentement de la personne concernée »).",
		Bad:  uti + "appui_legal:\n  - Consentement de la personne concernée\n",
		Good: "(aucune inscription : l'utilisation consentie n'a pas à être inscrite ; ou l'inscription conservée volontairement, avec exemption: consentement)"}})
}

func uti009(p *Pass, e *model.Entry) {
	if at, ok := consentOnly(p, e, "65.1"); ok {
		p.Report(e, at, "utilisation faite avec le consentement de la personne concernée (art. 65.1, al. 1) : elle n'a pas à être inscrite au registre de l'article 67.3, qui ne vise que les utilisations sans consentement des paragraphes 1° à 3° du deuxième alinéa de l'article 65.1 ; inscription acceptée à titre volontaire")
	}
}
