package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	efvp := []*model.Kind{model.EFVP}
	register(&Rule{ID: "EFVP-002", Kinds: efvp, Entry: efvp002, Doc: Doc{
		Title: "EFVP hors Québec sans les quatre facteurs ou sans destination", Law: "A-2.1, art. 70.1, al. 1, par. 1° à 4°", LawPrivate: "P-39.1, art. 17", Severity: E, Confidence: "H",
		Text: "L'EFVP d'une communication à l'extérieur du Québec tient compte notamment de la sensibilité des renseignements (1°), des finalités de leur utilisation (2°), des mesures de protection, y compris contractuelles (3°), et du régime juridique applicable dans l'État de destination, dont ses principes de protection des renseignements personnels (4°). Documentez les quatre facteurs (clé facteurs) et les États de destination (clé destinations). Une EFVP en cours (conclusion: en_cours) reçoit un avertissement.",
		Bad:  efvpExample + "declencheurs: [70.1]\nfacteurs:\n  sensibilite: Renseignements peu sensibles\n",
		Good: efvpExample + "declencheurs: [70.1]\nfacteurs:\n  sensibilite: Renseignements peu sensibles\n  finalites: Hébergement du service de courriel\n  mesures_protection: Chiffrement ; clauses contractuelles\n  regime_juridique: Loi ontarienne comparable\ndestinations: [Ontario]\n"}})
}

func efvp002(p *Pass, e *model.Entry) {
	decl := e.Strings("declencheurs")
	if !efvpHas(decl, "70.1") && !efvpHas(decl, "P-17") {
		return
	}
	law := "art. 70.1, al. 1"
	if !efvpHas(decl, "70.1") {
		law = "Loi sur le privé, art. 17"
	}
	f := e.Map("facteurs")
	var miss []string
	for _, x := range efvpFactors {
		if model.AsString(f[x.key]) == "" {
			miss = append(miss, x.french)
		}
	}
	if len(miss) > 0 {
		efvpReport(p, e, efvpKey(e, "facteurs"), "EFVP d'une communication à l'extérieur du Québec sans %s (clé facteurs ; %s)", strings.Join(miss, ", ni "), law)
	}
	if len(e.Strings("destinations")) == 0 {
		efvpReport(p, e, efvpKey(e, "destinations"), "EFVP d'une communication à l'extérieur du Québec sans État ou province de destination (clé destinations ; %s, par. 4°)", law)
	}
}
