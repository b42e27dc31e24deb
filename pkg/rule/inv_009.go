package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	inv := []*model.Kind{model.Inventaire}
	register(&Rule{ID: "INV-009", Kinds: inv, Sector: PublicOnly, Entry: inv009, Doc: Doc{
		Title: "Nom de personne parmi les catégories de personnes ayant accès", Law: "A-2.1, art. 76, al. 1, par. 4°", Severity: W, Confidence: "L",
		Text: "L'inventaire indique des catégories de personnes ayant accès au fichier (des fonctions : « Gestionnaire de l'unité », « Personnel adjoint de la Direction »), pas des individus. Une valeur de deux ou trois mots à majuscule, sans nom de fonction, ressemble à un nom de personne : remplacez-la par la fonction. Si la valeur est bien une catégorie, ignorez la règle pour cette inscription en donnant la raison. Heuristique : précision mesurée : 0,95 sur 58 phrases (rappel 1,00 ; corpus testdata/heuristics/INV-009.tsv).",
		Bad:  invExample + "personnes_acces:\n  - Julie Tremblay\n" + invMeasuresExample, Good: invExample + "personnes_acces:\n  - Conseillère en ressources humaines\n" + invMeasuresExample}})
}

func inv009(p *Pass, e *model.Entry) {
	items := e.List("personnes_acces")
	for i, it := range items {
		s, ok := it.(string)
		if !ok {
			continue
		}
		if part := accessName(s); part != "" {
			p.Report(e, model.PathOf("personnes_acces", i), "« %s » ressemble à un nom de personne : l'inventaire indique des catégories de personnes ayant accès (des fonctions, p. ex. « Conseillère en ressources humaines »), pas des individus (art. 76, al. 1, par. 4°)", part)
		}
	}
}
