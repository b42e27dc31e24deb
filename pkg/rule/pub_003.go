package rule

import (
	"fmt"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/pii"
)

func init() {
	E := finding.Error
	register(&Rule{ID: "PUB-003", Kinds: publicKinds(), Entry: pub003, Doc: Doc{
		Title: "Renseignement personnel d'une personne concernée dans un registre publié",
		Law:   "A-2.1, art. 53 et 54", LawPrivate: "P-39.1, art. 13", Severity: E, Confidence: "M",
		Text: "Un registre publié décrit des catégories de renseignements et de personnes, jamais les renseignements d'une personne concernée. Les règles de confidentialité (Loi sur l'accès, art. 53 et 54 ; Loi sur le privé, art. 13 : publier le renseignement d'une personne est une communication sans consentement) interdisent de diffuser, dans une colonne publiée, un numéro d'assurance sociale (vérifié par la clé de Luhn), un numéro d'assurance maladie, une date de naissance complète, une adresse courriel personnelle (Gmail, Hotmail, Outlook.com, Vidéotron…), un numéro de cellulaire ou de domicile, ou une adresse civique avec code postal. " +
			"Le constat nomme la colonne et le type de renseignement, et masque la valeur. Ne sont jamais signalés : le destinataire d'une communication, même une personne physique (la loi exige de le nommer, art. 67.3, al. 3, par. 2°), les coordonnées de fonction (art. 57 ; p. ex. acces@organisme.gouv.qc.ca, celles du responsable de registre.yaml) et une date seule, qui n'est pas une date de naissance. Heuristique : précision mesurée : 1,00 sur 50 phrases (rappel 0,95 ; corpus testdata/heuristics/PUB-003.tsv).",
		Bad:  "renseignements: |\n  Nom et NAS de la personne (p. ex. 046 454 286), cellulaire : 514 555-0123\n",
		Good: "renseignements: |\n  Nom, numéro d'assurance sociale et numéro de téléphone de la personne\n"}})
}

func pub003(p *Pass, e *model.Entry) {
	c := &p.Repo.Config
	allow := pii.NewAllow(c.Responsable.Courriel, c.Responsable.Adresse, c.Responsable.Telephone)
	law := "Loi sur l'accès, art. 53 et 54"
	if p.Private() {
		law = "Loi sur le privé, art. 13"
	}
	for _, f := range e.Kind.Columns() {
		if piiSkip[f.Key] || f.Type == model.Bool {
			continue
		}
		switch v := e.Value(f.Key).(type) {
		case string:
			pub003Text(p, e, f, f.Key, v, law, allow)
		case []any:
			for i, x := range v {
				if s, ok := x.(string); ok {
					pub003Text(p, e, f, model.PathOf(f.Key, i), s, law, allow)
				}
			}
		}
	}
}

// piiSkip lists published columns never checked by PUB-003: the recipient must
// be named, even a natural person (A-2.1, art. 67.3, al. 3, par. 2°).
var piiSkip = map[string]bool{"destinataire": true}

// pub003Text reports each kind of personal information found in one value, once.
func pub003Text(p *Pass, e *model.Entry, f *model.Field, path, s, law string, allow *pii.Allow) {
	hits := pii.Detect(s, allow)
	if len(hits) == 0 {
		return
	}
	var count [pii.NumKinds]int
	var first [pii.NumKinds]pii.Hit
	for _, h := range hits {
		if count[h.Kind] == 0 {
			first[h.Kind] = h
		}
		count[h.Kind]++
	}
	for k := pii.Kind(0); k < pii.NumKinds; k++ {
		if count[k] == 0 {
			continue
		}
		more := ""
		if count[k] > 1 {
			more = fmt.Sprintf(" et %d autre(s)", count[k]-1)
		}
		p.Report(e, path, "colonne publiée « %s » (%s) : %s (« %s »%s) ; un registre publié décrit des catégories, jamais les renseignements d'une personne concernée : retirez-le (%s)",
			f.Title, displayKey(path), k.French(), first[k].Masked, more, law)
	}
}
