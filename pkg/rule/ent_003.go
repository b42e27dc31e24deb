package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	ent := []*model.Kind{model.Ententes}
	register(&Rule{ID: "ENT-003", Kinds: ent, Sector: PublicOnly, Entry: ent003, Doc: Doc{
		Title: "Entente de recherche (67.2.1) sans toutes les clauses exigées", Law: "A-2.1, art. 67.2.3", Severity: E, Confidence: "M",
		Text: "Selon la Commission d'accès à l'information, l'entente de communication à des fins de recherche prévoit que les renseignements ne sont accessibles qu'aux personnes qui en ont besoin et ont signé un engagement de confidentialité, ne servent à aucune autre fin, ne sont pas appariés à d'autres fichiers sans que ce soit prévu et ne sont ni communiqués ni publiés sous une forme nominative ; elle couvre aussi l'information des personnes jointes, les mesures de protection, la durée de conservation, l'avis de destruction et l'avis à l'organisme et à la Commission de tout manquement. Cochez chaque clause présente dans la clé clauses.",
		Bad:  entExample + "articles: [Article 67.2.1 de la Loi sur l'accès]\nclauses: [fins_exclusives]\n",
		Good: entExample + "articles: [Article 67.2.1 de la Loi sur l'accès]\nclauses: [" + strings.Join(model.ClausesRecherche, ", ") + "]\n"}})
}

func ent003(p *Pass, e *model.Entry) {
	at, ok := entCiteLine(e, p.Citations(e), "A-2.1", "67.2.1")
	if !ok {
		return
	}
	have := map[string]bool{}
	for _, c := range e.Strings("clauses") {
		have[c] = true
	}
	var miss []string
	for _, c := range model.ClausesRecherche {
		if !have[c] {
			fr := entClauseFrench[c]
			if fr == "" {
				fr = c
			}
			miss = append(miss, fr+" ("+c+")")
		}
	}
	if len(miss) > 0 {
		key := "clauses"
		if !e.Has("clauses") {
			key = at
		}
		p.Report(e, key, "entente de recherche (art. 67.2.1) sans les clauses exigées par la Commission (art. 67.2.3) : %s", strings.Join(miss, " ; "))
	}
}

// entClauseFrench describes the research-agreement clauses (model.ClausesRecherche).
var entClauseFrench = map[string]string{
	"acces_restreint_engagement":       "accès réservé aux personnes qui en ont besoin et ont signé un engagement de confidentialité",
	"fins_exclusives":                  "aucune utilisation à d'autres fins",
	"aucun_appariement":                "aucun appariement avec d'autres fichiers qui ne soit prévu",
	"aucune_publication_nominative":    "aucune communication ni publication sous une forme permettant d'identifier les personnes",
	"information_personnes_contactees": "information donnée aux personnes jointes pour la recherche",
	"mesures_protection":               "mesures de protection, y compris celles de l'EFVP",
	"duree_conservation":               "durée de conservation",
	"avis_destruction":                 "avis de destruction des renseignements",
	"avis_manquement_cai":              "avis à l'organisme et à la Commission de tout manquement ou incident",
}
