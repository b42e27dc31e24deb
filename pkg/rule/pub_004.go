package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	uticol := []*model.Kind{model.Utilisations, model.Collectes}
	register(&Rule{ID: "PUB-004", Kinds: uticol, Sector: PublicOnly, Entry: pub004, Doc: Doc{
		Title: "Nom d'une personne dans une catégorie de personnes ayant accès",
		Law:   "A-2.1, art. 67.3, al. 2 ; art. 53 et 56", Severity: W, Confidence: "L",
		Text: "La colonne des personnes qui ont accès aux renseignements énumère des catégories de personnes (des fonctions ou des unités), pas des individus : un nom change avec les affectations et, joint à d'autres renseignements, devient un renseignement personnel (art. 56). Remplacez le nom par la fonction. " +
			"La détection est heuristique (deux ou trois mots à majuscule sans mot de fonction ni d'organisme, comme pour l'inventaire) ; si la valeur est bien une catégorie, ignorez la règle pour l'inscription en donnant la raison. Pour l'inventaire, la même vérification est faite par INV-009. Heuristique : précision mesurée : 0,95 sur 54 phrases (rappel 1,00 ; corpus testdata/heuristics/PUB-004.tsv).",
		Bad:  "personnes_acces:\n  - Jean Tremblay, analyste\n",
		Good: "personnes_acces:\n  - Analystes de la Direction de la recherche\n"}})
}

// pub004 uses the name heuristic of INV-009 (names.go), so that the inventory
// and the 67.3 register judge access categories alike.
func pub004(p *Pass, e *model.Entry) {
	f := e.Kind.Field("personnes_acces")
	if f == nil {
		return
	}
	items := e.List("personnes_acces")
	for i, x := range items {
		s, ok := x.(string)
		if !ok {
			continue
		}
		if part := accessName(s); part != "" {
			path := model.PathOf("personnes_acces", i)
			p.Report(e, path, "%s : « %s » ressemble au nom d'une personne ; la colonne « %s » énumère des catégories de personnes (fonctions, unités), pas des individus (A-2.1, art. 67.3, al. 2 et art. 56)",
				displayKey(path), part, f.Title)
		}
	}
}
