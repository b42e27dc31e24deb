package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	uti := []*model.Kind{model.Utilisations}
	register(&Rule{ID: "UTI-007", Kinds: uti, Sector: PublicOnly, Entry: uti007, Doc: Doc{
		Title: "« Anonymisé » employé avec « dépersonnalisé » ou « identifiable »", Law: "A-2.1, art. 65.1 (dépersonnalisé) et art. 73 (anonymisé)", Severity: W, Confidence: "L",
		Text: "Les deux termes ne sont pas interchangeables. Un renseignement dépersonnalisé ne permet plus d'identifier directement la personne (65.1) ; un renseignement anonymisé ne permet plus, de façon irréversible, de l'identifier directement ou indirectement (73, selon le Règlement sur l'anonymisation). Un texte qui dit les renseignements anonymisés et aussi dépersonnalisés, identifiables ou nominatifs se contredit : employez le terme juste. Heuristique : précision mesurée : 1,00 sur 50 phrases (rappel 1,00 ; corpus testdata/heuristics/UTI-007.tsv).",
		Bad:  utiExample + "appui_legal: [Article 65.1 (1) de la Loi sur l'accès]\nremarques: Les renseignements anonymisés restent identifiables par l'équipe.\n",
		Good: utiExample + "appui_legal: [Article 65.1 (1) de la Loi sur l'accès]\nremarques: Les renseignements dépersonnalisés restent identifiables indirectement par l'équipe.\n"}})
}

func uti007(p *Pass, e *model.Entry) {
	key := ""
	for _, k := range utiTextKeys {
		if utiAffirms(e.Str(k), "anonymis") {
			key = k
			break
		}
	}
	if key == "" {
		return
	}
	also := utiAnonymisedAlso(textOf(e, utiTextKeys...))
	if len(also) == 0 {
		return
	}
	p.Report(e, key, "le texte emploie « anonymisé » et aussi %s : un renseignement anonymisé ne permet plus, de façon irréversible, d'identifier la personne (art. 73), un renseignement dépersonnalisé ne permet plus de l'identifier directement (art. 65.1) ; employez le terme juste", strings.Join(also, " et "))
}

// Text keys of a use entry searched by UTI-006 and UTI-007, in file order.
var utiTextKeys = []string{"renseignements", "fins_initiales", "utilisation", "remarques"}

// utiAnonymisedAlso returns the words that contradict « anonymisé » in text
// (UTI-007), or nil when text does not affirm « anonymisé ».
func utiAnonymisedAlso(text string) []string {
	if !utiAffirms(text, "anonymis") {
		return nil
	}
	var also []string
	for _, w := range []struct{ stem, word string }{{"depersonnalis", "dépersonnalisé"}, {"identifiabl", "identifiable"}, {"nominati", "nominatif"}} {
		if utiAffirms(text, w.stem) {
			also = append(also, "« "+w.word+" »")
		}
	}
	return also
}
