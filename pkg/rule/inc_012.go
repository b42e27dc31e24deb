package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	register(&Rule{ID: "INC-012", Repo: inc012, Doc: Doc{
		Title: "Registre confidentiel ou interne demandé dans la publication", Law: "A-2.1, art. 63.11 ; A-2.1, r. 2, art. 4", LawPrivate: "P-39.1, art. 3.8", Severity: E, Confidence: "M",
		Text: "Le registre des incidents de confidentialité est confidentiel : il est tenu par l'organisme et une copie est transmise à la Commission à sa demande, jamais publiée. Les EFVP et les ententes sont des documents internes que le Règlement sur la diffusion ne demande pas de publier. « registre build » ne les publie jamais ; retirez-les de publication.registres dans registre.yaml.",
		Bad:  "publication:\n  registres: [inventaire, communications, incidents]\n", Good: "publication:\n  registres: [inventaire, communications]\n"}})
}

func inc012(p *Pass) {
	for i, name := range p.Repo.Config.Publication.Registres {
		k := model.KindByName(strings.TrimSpace(name))
		if k == nil || k.Published() {
			continue
		}
		why := "le registre des incidents de confidentialité est confidentiel : une copie est transmise à la Commission à sa demande, il n'est jamais publié (art. 63.11)"
		if p.Private() {
			why = "le registre des incidents de confidentialité est confidentiel : une copie est transmise à la Commission à sa demande, il n'est jamais publié (Loi sur le privé, art. 3.8)"
		}
		switch k {
		case model.EFVP:
			why = "les EFVP sont des documents internes, que le Règlement sur la diffusion ne demande pas de publier (r. 2, art. 4)"
			if p.Private() {
				why = "les EFVP sont des documents internes, qu'aucune disposition de la Loi sur le privé ne demande de publier"
			}
		case model.Ententes:
			why = "les ententes sont des documents internes, que le Règlement sur la diffusion ne demande pas de publier (r. 2, art. 4)"
			if p.Private() {
				why = "les ententes sont des documents internes, qu'aucune disposition de la Loi sur le privé ne demande de publier"
			}
		}
		p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(model.PathOf("publication", "registres", i)), model.PathOf("publication", "registres", i),
			"publication.registres nomme « %s » : %s ; retirez-le de la liste", name, why)
	}
}
