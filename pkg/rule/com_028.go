package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-028", Kinds: com, Entry: com028, Doc: Doc{
		Title: "Exception de l'art. 70.1 d'un autre secteur", Law: "A-2.1, art. 70.1", LawPrivate: "P-39.1, art. 17 ; art. 18, al. 1, par. 7°", Severity: W, Confidence: "H",
		Text: "Chaque code d'exception appartient à un secteur : urgence-18-7 (Loi sur le privé, art. 18, al. 1, par. 7°) aux entreprises, les quatre autres (urgence-59-4, benefice-68-1.1, engagement-international, sante-publique-133 : Loi sur l'accès) aux organismes publics. Le code de l'autre secteur n'est pas une exception : les règles de l'EFVP et de l'entente (COM-007, COM-008, PRV-001…) s'appliquent, et cette règle le signale. (Ajoutée en 0.2.0 ; COM-023 garde son sens : une exception déclarée pour une communication au Québec.)",
		Bad:  "hors_quebec: true\nexception_70_1: urgence-18-7   # organisme public\n", Good: "hors_quebec: true\nexception_70_1: urgence-59-4\n"}})
}

// com028: an exception code of the other sector is no exception.
func com028(p *Pass, e *model.Entry) {
	ex := e.Str("exception_70_1")
	if ex == "urgence-18-7" && !p.Private() {
		p.Report(e, "exception_70_1", "l'exception urgence-18-7 (Loi sur le privé, art. 18, al. 1, par. 7°) ne vaut que pour une entreprise : pour un organisme public, elle ne dispense ni de l'EFVP ni de l'entente de l'article 70.1")
	}
	if ex != "" && ex != "urgence-18-7" && p.Private() {
		p.Report(e, "exception_70_1", "l'exception %s est une exception de la Loi sur l'accès (art. 70.1) : elle ne vaut pas pour une entreprise, qui ne peut invoquer que l'urgence de l'article 18, al. 1, par. 7° de la Loi sur le privé ; l'EFVP et l'entente de l'article 17 restent exigées", ex)
	}
}
