package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	inc := []*model.Kind{model.Incidents}
	base := "id: INC-0001\nrenseignements: Nom et adresse courriel de 120 clients\ncirconstances: Envoi d'un courriel au mauvais destinataire\nsurvenance: 2025-02-03\nconnaissance: 2025-02-04\nnombre_personnes: 120\nevaluation_risque: Renseignements peu sensibles ; destinataire de confiance.\nmesures: [Demande de destruction du courriel]\n"
	register(&Rule{ID: "INC-001", Kinds: inc, Entry: inc001, Doc: Doc{
		Title: "Renseignements visés par l'incident non décrits", Law: "A-2.1, r. 3.1, art. 7, par. 1°", LawPrivate: "P-39.1, art. 3.8 ; A-2.1, r. 3.1, art. 7, par. 1°", Severity: E, Confidence: "H",
		Text: "Le registre des incidents décrit les renseignements personnels visés par l'incident (clé renseignements) ou, si cette information n'est pas connue, les raisons pour lesquelles il est impossible de les décrire (clé description_impossible).",
		Bad:  "circonstances: Intrusion dans le serveur de fichiers\n", Good: base + "# ou : description_impossible: L'analyse judiciaire du serveur est en cours.\n"}})
}

func inc001(p *Pass, e *model.Entry) {
	if e.Str("renseignements") == "" && e.Str("description_impossible") == "" {
		p.Report(e, "renseignements", "l'incident ne décrit pas les renseignements personnels visés (clé renseignements) ni les raisons pour lesquelles il est impossible de les décrire (clé description_impossible ; r. 3.1, art. 7, par. 1°)")
	}
}
