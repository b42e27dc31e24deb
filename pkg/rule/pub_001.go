package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	register(&Rule{ID: "PUB-001", Sector: PublicOnly, Repo: pub001, Doc: Doc{
		Title: "Inventaire ou registre des communications absent de la publication",
		Law:   "A-2.1, art. 16.1 ; A-2.1, r. 2, art. 4, par. 5° et 6°", Severity: E, Confidence: "M",
		Text: "Un ministère ou un organisme gouvernemental est visé par le Règlement sur la diffusion de l'information et sur la protection des renseignements personnels (chapitre A-2.1, r. 2). Son article 4 exige la diffusion dans le site Internet de l'inventaire des fichiers de renseignements personnels (par. 5°) et du registre prévu à l'article 67.3 de la Loi sur l'accès (par. 6°). " +
			"La liste publication.registres de registre.yaml doit donc comprendre inventaire et communications (sans cette liste, les registres inventaire, communications, utilisations et collectes sont publiés). Un organisme municipal, scolaire ou de santé indique sa catégorie (organisme.categorie) : le règlement ne le vise pas (règle PUB-002).",
		Bad:  "organisme: {nom: Ministère de l'Exemple, secteur: public, categorie: ministere}\npublication:\n  registres: [communications, utilisations]\n",
		Good: "organisme: {nom: Ministère de l'Exemple, secteur: public, categorie: ministere}\npublication:\n  registres: [inventaire, communications, utilisations, collectes]\n"}})
}

func pub001(p *Pass) {
	c := &p.Repo.Config
	if !diffusionBound[c.Organisme.Categorie] {
		return
	}
	names := publishedNames(c)
	kp := "publication/registres"
	if !hasValue(names, "inventaire") {
		p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(kp), kp,
			"publication.registres ne comprend pas inventaire : un %s doit diffuser l'inventaire de ses fichiers de renseignements personnels dans son site Internet (A-2.1, r. 2, art. 4, par. 5°)", orgFrench(c))
	}
	if !hasValue(names, "communications") {
		p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(kp), kp,
			"publication.registres ne comprend pas communications : un %s doit diffuser le registre de l'article 67.3 dans son site Internet (A-2.1, r. 2, art. 4, par. 6°)", orgFrench(c))
	}
}
