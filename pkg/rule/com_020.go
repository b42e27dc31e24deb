package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-020", Kinds: com, Sector: PublicOnly, Entry: com020, Doc: Doc{
		Title: "Destinataire hors Québec connu, mais hors_quebec: false", Law: "A-2.1, art. 70.1", Severity: W, Confidence: "L",
		Text: "Le destinataire est un organisme fédéral ou étranger connu (p. ex. Statistique Canada, IRCC, ASFC, EDSC, ARC, GRC) ou est situé hors du Québec, mais la communication est inscrite comme faite au Québec. Vérifiez hors_quebec ; si la communication se fait réellement au Québec, ignorez la règle en donnant la raison, ou désactivez-la dans registre.yaml. Heuristique : précision mesurée : 1,00 sur 63 phrases (rappel 0,91 ; corpus testdata/heuristics/COM-020.tsv). Pour une entreprise : PRV-014.",
		Bad:  "destinataire: Statistique Canada\nhors_quebec: false\n", Good: "destinataire: Statistique Canada\nhors_quebec: true\nefvp: EFVP-0002\nentente: ENT-0003\n"}})
}

func com020(p *Pass, e *model.Entry) {
	if v, set := e.Bool("hors_quebec"); !set || v {
		return
	}
	for _, d := range e.Strings("destinataire") {
		if outsideRecipient(d) != "" {
			p.Report(e, "hors_quebec", "le destinataire (« %s ») semble situé à l'extérieur du Québec, mais hors_quebec est false", d)
			return
		}
	}
}

// Known recipients outside Québec (plain text stems).
var outsideStems = []string{"statistique canada", "immigration, refugies et citoyennete canada", "ircc", "asfc", "agence des services frontaliers",
	"emploi et developpement social canada", "edsc", "service canada", "agence du revenu du canada", "arc ", "gendarmerie royale", "grc",
	"gouvernement du canada", "gouvernement federal", "ministere federal", "sante canada", "anciens combattants canada", "affaires mondiales canada",
	"ontario", "nouveau-brunswick", "alberta", "colombie-britannique", "etats-unis", "france", "union europeenne"}

// outsideRecipient returns the stem of a known recipient outside Québec
// named in d (COM-020), or "".
func outsideRecipient(d string) string { return hasWord(d+" ", outsideStems...) }
