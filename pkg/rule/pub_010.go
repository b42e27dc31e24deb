package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/schema"
)

func init() {
	E := finding.Error
	register(&Rule{ID: "PUB-010", Repo: pub010, Doc: Doc{
		Title: "Valeur à remplacer de registre init laissée dans registre.yaml",
		Law:   "A-2.1, art. 8 et 67.3 ; A-2.1, r. 2, art. 4", LawPrivate: "P-39.1, art. 3.2", Severity: E, Confidence: "H",
		Text: "« registre init » écrit dans registre.yaml des valeurs à remplacer, comme le nom de l'organisme (« Nom de l'organisme »). " +
			"Publiée telle quelle, une telle valeur ne désigne pas l'organisme qui tient les registres : la vérification échoue et « registre build » refuse de publier tant qu'elle reste.",
		Bad:  "organisme:\n  nom: Nom de l'organisme\n",
		Good: "organisme:\n  nom: Ministère des Transports et de la Mobilité durable\n"}})
}

func pub010(p *Pass) {
	seen := map[string]bool{}
	for _, ph := range schema.Placeholders() {
		v := configString(&p.Repo.Config, ph.Path)
		if seen[ph.Path] || !schema.IsPlaceholder(ph.Path, v) {
			continue
		}
		seen[ph.Path] = true
		p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(ph.Path), ph.Path,
			"%s garde la valeur à remplacer de « registre init » (« %s ») : écrivez celle de votre organisme avant de publier",
			strings.ReplaceAll(ph.Path, "/", "."), strings.TrimSpace(v))
	}
}

// configString returns a text setting of registre.yaml by key path ("" when unknown).
func configString(c *model.Config, path string) string {
	switch path {
	case "organisme/nom":
		return c.Organisme.Nom
	case "organisme/sigle":
		return c.Organisme.Sigle
	case "responsable/titre":
		return c.Responsable.Titre
	case "responsable/nom":
		return c.Responsable.Nom
	case "responsable/courriel":
		return c.Responsable.Courriel
	case "responsable/telephone":
		return c.Responsable.Telephone
	case "responsable/adresse":
		return c.Responsable.Adresse
	case "publication/titre":
		return c.Publication.Titre
	case "publication/url":
		return c.Publication.URL
	}
	return ""
}
