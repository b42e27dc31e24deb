package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	ent := []*model.Kind{model.Ententes}
	register(&Rule{ID: "ENT-001", Kinds: ent, Sector: PublicOnly, Entry: ent001, Doc: Doc{
		Title: "Entente de l'art. 68 incomplète", Law: "A-2.1, art. 68, al. 3", Severity: E, Confidence: "H",
		Text: "L'entente de l'article 68 mentionne l'identification de l'organisme qui communique et de celui qui reçoit (au moins deux parties), les fins de la communication, la nature des renseignements communiqués, le mode de communication utilisé, les mesures de sécurité propres à assurer la protection des renseignements, la périodicité de la communication et la durée de l'entente. Inscrivez chacun de ces éléments (clés parties, fins, renseignements, moyens, mesures_securite, periodicite, duree).",
		Bad:  entExample + "articles: [Article 68 de la Loi sur l'accès]\nfins: Administration du régime de retraite\n",
		Good: entExample + "articles: [Article 68 de la Loi sur l'accès]\n" + entItemsExample}})
}

func ent001(p *Pass, e *model.Entry) {
	at, ok := entCiteLine(e, p.Citations(e), "A-2.1", "68")
	if !ok {
		return
	}
	if miss := entMissingItems(e, "le mode de communication"); len(miss) > 0 {
		p.Report(e, at, "entente de l'article 68 incomplète (art. 68, al. 3) : il manque %s", strings.Join(miss, ", "))
	}
}
