package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	efvp := []*model.Kind{model.EFVP}
	register(&Rule{ID: "EFVP-007", Kinds: efvp, Entry: efvp007, Doc: Doc{
		Title: "Élément de l'EFVP manquant", Law: "A-2.1, art. 63.5, 64, 67.2.1, 68 et 70.1", LawPrivate: "P-39.1, art. 3.3, 17 et 21", Severity: E, Confidence: "H",
		Text: "Une EFVP inscrite indique son titre (titre), la date à laquelle elle a été complétée (date), les dispositions qui l'exigent (declencheurs : 63.5, 64, 67.2.1, 68, 70.1, P-3.3, P-17, P-21) et sa conclusion (conclusion : protection_adequate, protection_insuffisante ou en_cours). Sans ces éléments, les autres règles ne peuvent pas vérifier que l'évaluation précède la communication et qu'elle conclut à une protection adéquate. Une évaluation encore en cours (conclusion: en_cours) n'a pas encore de date ; « registre echeances » la suit.",
		Bad:  "declencheurs: []\n", Good: "declencheurs: [70.1]\n"}})
}

// efvp007 asks for the completion date once the assessment has concluded
// (the other items are required by the schema).
func efvp007(p *Pass, e *model.Entry) {
	if e.Str("conclusion") != "en_cours" && e.Str("date") == "" {
		p.Report(e, "date", "champ obligatoire manquant : date (date à laquelle l'évaluation a été complétée, AAAA-MM-JJ ; une évaluation qui n'est pas terminée a la conclusion en_cours)")
	}
}
