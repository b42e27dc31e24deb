package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "PRV-013", Kinds: com, Sector: PrivateOnly, Entry: com019, Doc: Doc{
		Title: "Entreprise : communication qui semble viser la recherche sans l'art. 21", Law: "P-39.1, art. 21", Severity: W, Confidence: "L",
		Text: "La contrepartie de COM-019 pour une entreprise (ajoutée en 0.2.0) : les fins ou les raisons évoquent la recherche, une étude ou des statistiques, mais l'appui légal ne cite pas l'article 21 de la Loi sur le privé, qui encadre la communication sans consentement à ces fins (EFVP, entente). Mêmes exclusions que COM-019 : le nom du destinataire n'est pas lu, le vocabulaire de la scolarité et du marché du travail n'est pas de la recherche, une communication faite avec le consentement ne la déclenche pas. Le texte de l'article 21 n'est pas vérifié dans l'analyse juridique [U] : avertissement. Heuristique : même détecteur que COM-019 (précision mesurée : 0,94 sur 64 phrases ; corpus testdata/heuristics/COM-019.tsv).",
		Bad:  "fins: Projet de recherche sur les habitudes d'achat\nappui_legal: [Article 18 de la Loi sur le privé]\n", Good: "fins: Projet de recherche sur les habitudes d'achat\nappui_legal: [Article 21 de la Loi sur le privé]\n"}})
}
