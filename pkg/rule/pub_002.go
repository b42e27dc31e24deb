package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	I := finding.Info
	register(&Rule{ID: "PUB-002", Sector: PublicOnly, Repo: pub002, Doc: Doc{
		Title: "Organisme municipal, scolaire ou de santé : le Règlement sur la diffusion ne s'applique pas",
		Law:   "A-2.1, r. 2, art. 1 ; A-2.1, art. 5 à 7", Severity: I, Confidence: "M",
		Text: "Le Règlement sur la diffusion de l'information (chapitre A-2.1, r. 2) ne vise pas les organismes publics des articles 5 à 7 de la Loi sur l'accès (organismes municipaux, scolaires, de santé et de services sociaux) : la diffusion de l'inventaire et du registre dans le site Internet n'est pas exigée par ce règlement. " +
			"L'organisme doit quand même tenir l'inventaire de ses fichiers (art. 76) et le registre des communications (art. 67.3) ; registre les vérifie de la même façon. Message d'information : désactivez-le au besoin (lint.regles, PUB-002: off).",
		Bad:  "organisme: {nom: Municipalité de l'Exemple, secteur: public, categorie: municipal}\n",
		Good: "organisme: {nom: Ministère de l'Exemple, secteur: public, categorie: ministere}\n"}})
}

func pub002(p *Pass) {
	c := &p.Repo.Config
	what, ok := diffusionExcluded[c.Organisme.Categorie]
	if !ok {
		return
	}
	kp := "organisme/categorie"
	p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(kp), kp,
		"%s : le Règlement sur la diffusion (A-2.1, r. 2, art. 1) ne s'applique pas ; l'inventaire (art. 76) et le registre des communications (art. 67.3) restent obligatoires", what)
}

// Categories of bodies of art. 5 to 7, outside r. 2.
var diffusionExcluded = map[string]string{
	"municipal": "organisme municipal (art. 5)",
	"scolaire":  "organisme scolaire (art. 6)",
	"sante":     "établissement de santé ou de services sociaux (art. 7)",
}
