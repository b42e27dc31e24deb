package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "PRV-003", Kinds: com, Sector: PrivateOnly, Entry: prv003, Doc: Doc{
		Title: "Entreprise : transaction commerciale sans entente préalable", Law: "P-39.1, art. 18.4", Severity: E, Confidence: "H",
		Text: "La communication de renseignements personnels nécessaire à une transaction commerciale exige une entente conclue au préalable (utilisation aux seules fins de la transaction, aucune autre communication, confidentialité, destruction si la transaction n'a pas lieu). Une entente nommée dans l'appui légal (« Contrat de service … ») n'est pas manquante : ENT-007 demande de la lier.",
		Bad:  "appui_legal: [Article 18.4 de la Loi sur le privé]\n", Good: "appui_legal: [Article 18.4 de la Loi sur le privé]\nentente: ENT-0003\n"}})
}

func prv003(p *Pass, e *model.Entry) {
	if cites(p.Citations(e), lprp, "18.4") && agreementOf(p, e).missing() {
		p.Report(e, "appui_legal", "transaction commerciale (art. 18.4) sans entente préalable liée (clé entente)")
	}
}
