package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	I := finding.Info
	register(&Rule{ID: "PUB-007", Sector: PrivateOnly, Repo: pub007, Doc: Doc{
		Title: "Entreprise : aucune obligation de publier des registres",
		Law:   "P-39.1, art. 3.2", Severity: I, Confidence: "M",
		Text: "La Loi sur le privé n'oblige pas une entreprise à publier ses registres : elle doit plutôt publier sur son site Internet, en termes simples et clairs, de l'information détaillée sur ses politiques et pratiques de gouvernance des renseignements personnels (art. 3.2). La section publication de registre.yaml reste permise si l'entreprise publie ses registres volontairement.",
		Bad:  "organisme: {nom: Entreprise Exemple inc., secteur: prive}\npublication:\n  registres: [communications]\n",
		Good: "organisme: {nom: Entreprise Exemple inc., secteur: prive}\n"}})
}

func pub007(p *Pass) {
	pub := &p.Repo.Config.Publication
	if pub.Titre == "" && pub.URL == "" && len(pub.Registres) == 0 && len(pub.Preambules) == 0 {
		return
	}
	kp := "publication"
	at := (&model.Entry{Positions: p.Repo.ConfigPositions}).KeyAt(kp)
	p.ReportFile(model.ConfigFile, at, kp,
		"une entreprise n'a pas l'obligation de publier ses registres : elle publie plutôt l'information sur ses politiques et pratiques de gouvernance des renseignements personnels (P-39.1, art. 3.2) ; la publication volontaire reste permise")
}
