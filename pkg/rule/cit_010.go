package rule

import (
	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	register(&Rule{ID: "CIT-010", Kinds: []*model.Kind{model.Communications, model.Utilisations, model.Ententes}, Sector: PrivateOnly, Entry: cit010, Doc: Doc{
		Title: "Article de la Loi sur l'accès cité par une entreprise", Law: "P-39.1, art. 1", Severity: finding.Warning, Confidence: "H", Since: "0.2.0",
		Text: "La Loi sur le privé (P-39.1) s'applique aux renseignements personnels qu'une entreprise recueille, détient, utilise ou communique (art. 1) ; la Loi sur l'accès (A-2.1) régit les organismes publics. " +
			"Une entreprise (secteur: prive) ne peut donc pas s'appuyer sur un article de la Loi sur l'accès (« Article 68 de la Loi sur l'accès ») pour communiquer ou utiliser un renseignement : citez l'article de la Loi sur le privé qui le permet (p. ex. art. 12, 17, 18, 18.3, 18.4 ou 21), ou le consentement. " +
			"C'est un avertissement : l'appui peut être mal recopié, ou l'organisation mal déclarée (vérifiez organisme.secteur dans registre.yaml). Les règles de la Loi sur l'accès ne sont pas appliquées à une entreprise.",
		Bad:  "# registre.yaml : secteur: prive\nappui_legal:\n  - Article 68 de la Loi sur l'accès\n",
		Good: "# registre.yaml : secteur: prive\nappui_legal:\n  - Article 18, premier alinéa, paragraphe 3° de la Loi sur le privé\n"}})
}

// cit010 reports, for an enterprise, each line of the basis that cites the
// Loi sur l'accès.
func cit010(p *Pass, e *model.Entry) {
	key := "appui_legal"
	if e.Kind.Field(key) == nil {
		key = "articles"
	}
	var paths []string
	for i, l := range p.Citations(e).Lines {
		if l.Kind != citation.Citation && l.Kind != citation.InstrumentOnly {
			continue
		}
		for _, r := range l.Refs {
			if r.Instrument != lai {
				continue
			}
			if paths == nil {
				paths = itemPaths(e, key)
			}
			path := key
			if i < len(paths) {
				path = paths[i]
			}
			p.Report(e, path, "%s : « %s » cite la Loi sur l'accès, qui régit les organismes publics ; une entreprise s'appuie sur la Loi sur le privé (art. 1) : citez l'article de la Loi sur le privé qui permet cette communication ou cette utilisation, ou vérifiez organisme.secteur dans registre.yaml", displayKey(path), agreementShort(l.Raw))
			break
		}
	}
}
