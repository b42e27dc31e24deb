package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// PUB-009: the 67.3 register that r. 2 art. 4 par. 6° requires to publish
// includes the uses (65.1) and the collection agreements (64), 67.3 al. 2.
// PUB-001 checks the inventory and the communications.
func init() {
	register(&Rule{ID: "PUB-009", Sector: PublicOnly, Repo: pub009, Doc: Doc{
		Title: "Utilisations ou ententes de collecte tenues mais absentes de la publication",
		Law:   "A-2.1, art. 16.1 et 67.3, al. 2 ; A-2.1, r. 2, art. 4, par. 6°", Severity: finding.Error, Confidence: "M",
		Text: "Le registre de l'article 67.3, que l'article 4, paragraphe 6°, du Règlement sur la diffusion (chapitre A-2.1, r. 2) oblige un ministère ou un organisme gouvernemental à diffuser dans son site Internet, comprend aussi les utilisations à d'autres fins (art. 65.1, al. 2, par. 1° à 3°) et les ententes de collecte (art. 64, al. 3) : l'article 67.3, al. 2 les y fait inscrire. " +
			"Un organisme qui tient des inscriptions dans utilisations/ ou collectes/ doit donc nommer ces registres dans publication.registres de registre.yaml (sans cette liste, tous les registres publiables sont publiés). " +
			"Un organisme municipal, scolaire ou de santé (organisme.categorie) n'est pas visé par le règlement (règle PUB-002) : la règle ne s'applique pas à lui.",
		Bad:  "organisme: {nom: Ministère de l'Exemple, secteur: public, categorie: ministere}\npublication:\n  registres: [inventaire, communications]   # utilisations/UTI-0001.yaml existe\n",
		Good: "organisme: {nom: Ministère de l'Exemple, secteur: public, categorie: ministere}\npublication:\n  registres: [inventaire, communications, utilisations, collectes]\n"}})
}

func pub009(p *Pass) {
	c := &p.Repo.Config
	if !diffusionBound[c.Organisme.Categorie] {
		return // municipal, school, health: PUB-002
	}
	names := publishedNames(c)
	kp := "publication/registres"
	for _, k := range []struct {
		kind *model.Kind
		what string
	}{{model.Utilisations, "les utilisations à d'autres fins (art. 65.1)"}, {model.Collectes, "les ententes de collecte (art. 64, al. 3)"}} {
		n := len(p.Repo.OfKind(k.kind))
		if n == 0 || hasValue(names, k.kind.Name) {
			continue
		}
		p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(kp), kp,
			"publication.registres ne comprend pas %s alors que le dépôt en compte %d : le registre de l'article 67.3, qu'un %s doit diffuser, comprend %s (A-2.1, art. 67.3, al. 2 ; r. 2, art. 4, par. 6°)",
			k.kind.Name, n, orgFrench(c), k.what)
	}
}
