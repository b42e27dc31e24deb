package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "PRV-014", Kinds: com, Sector: PrivateOnly, Entry: com020, Doc: Doc{
		Title: "Entreprise : destinataire hors Québec connu, mais hors_quebec: false", Law: "P-39.1, art. 17", Severity: W, Confidence: "L",
		Text: "La contrepartie de COM-020 pour une entreprise (ajoutée en 0.2.0) : le destinataire est un organisme fédéral ou étranger connu (p. ex. Statistique Canada, IRCC, ASFC) ou est situé hors du Québec, mais la communication est inscrite comme faite au Québec ; une communication hors Québec exige une EFVP et une entente écrite (art. 17). Vérifiez hors_quebec ; si la communication se fait réellement au Québec, ignorez la règle en donnant la raison. Heuristique : même détecteur que COM-020 (précision mesurée : 1,00 sur 63 phrases ; corpus testdata/heuristics/COM-020.tsv).",
		Bad:  "destinataire: Statistique Canada\nhors_quebec: false\n", Good: "destinataire: Statistique Canada\nhors_quebec: true\nefvp: EFVP-0002\nentente: ENT-0003\n"}})
}
