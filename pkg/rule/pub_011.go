package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// PUB-011: the confidentiality doubts of model.Doubts. Like the integrity
// rules (YAML, REF) it is Fixed: registre.yaml cannot lower or turn it off and
// `ignorer` cannot suppress it, because the entry is withheld from every
// public output whatever the setting (model.Publishable fails closed).
func init() {
	register(&Rule{ID: "PUB-011", Fixed: true, Kinds: publicKinds(), Entry: pub011, Doc: Doc{
		Title: "Confidentialité incertaine : l'inscription n'est jamais publiée",
		Law:   "A-2.1, art. 76, al. 2 ; art. 53 et 54", LawPrivate: "P-39.1, art. 13", Severity: finding.Error, Confidence: "H",
		Text: "registre ne publie une inscription que s'il est certain qu'elle peut l'être. La clé existence_confidentielle (art. 76, al. 2) s'écrit true ou false, sans guillemets : toute autre valeur (« oui », \"true\", 1, yes, une valeur vide…) est traitée comme confidentielle. " +
			"Une clé qui ressemble à existence_confidentielle (faute de frappe, autre casse, confidentiel_existence…) l'est aussi, de même que la clé existence_confidentielle placée dans un autre registre que l'inventaire, une inscription rangée dans un sous-dossier qui porte le nom d'un autre registre (communications/incidents/…) et une inscription qui porte une clé propre à un registre jamais publié (p. ex. circonstances ou risque_serieux, propres aux incidents) : son registre est incertain. " +
			"Dans tous ces cas, l'inscription est retenue de toute sortie publique (site, PDF, CSV, registres.json, registre export, registre diff --public), même avec build --force. Cette règle d'erreur ne se désactive pas et ne s'ignore pas : corrigez l'inscription.",
		Bad:  "existence_confidentielle: oui\n",
		Good: "existence_confidentielle: true\n"}})
}

func pub011(p *Pass, e *model.Entry) {
	for _, d := range model.Doubts(e) {
		p.ReportAt(e, d.Key, e.KeyAt(d.Key), "%s", d.Message)
	}
}
