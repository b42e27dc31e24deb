package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	ent := []*model.Kind{model.Ententes}
	register(&Rule{ID: "ENT-002", Kinds: ent, Sector: PublicOnly, Entry: ent002, Doc: Doc{
		Title: "Entente de collecte (art. 64) incomplète", Law: "A-2.1, art. 64, al. 4", Severity: E, Confidence: "H",
		Text: "L'entente de collecte de l'article 64 mentionne les organismes en cause (au moins deux parties), les fins, la nature ou le type des renseignements recueillis, les moyens de collecte, les mesures de protection, la périodicité de la collecte et la durée de l'entente. Inscrivez chacun de ces éléments (clés parties, fins, renseignements, moyens, mesures_securite, periodicite, duree).",
		Bad:  entExample + "articles: [Article 64 de la Loi sur l'accès]\n",
		Good: entExample + "articles: [Article 64 de la Loi sur l'accès]\n" + entItemsExample}})
}

func ent002(p *Pass, e *model.Entry) {
	at, ok := entCiteLine(e, p.Citations(e), "A-2.1", "64")
	if !ok {
		return
	}
	if miss := entMissingItems(e, "les moyens de collecte"); len(miss) > 0 {
		p.Report(e, at, "entente de collecte incomplète (art. 64, al. 4) : il manque %s", strings.Join(miss, ", "))
	}
}
