package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	register(&Rule{ID: "PRV-009", Cross: true, Kinds: []*model.Kind{model.Communications, model.Inventaire}, Sector: PrivateOnly, Entry: prv009, Doc: Doc{
		Title: "Entreprise : EFVP postérieure à la communication ou à l'hébergement hors Québec", Law: "P-39.1, art. 17", Severity: E, Confidence: "H",
		Text: "Avant de communiquer un renseignement personnel à l'extérieur du Québec, ou de confier à une personne ou à un organisme à l'extérieur du Québec la tâche de le recueillir, de l'utiliser, de le communiquer ou de le conserver pour son compte, l'entreprise procède à une évaluation des facteurs relatifs à la vie privée. " +
			"La date de l'EFVP liée (clé efvp) ne peut donc pas suivre la première communication (communication : clé debut) ni le début de l'hébergement ou du traitement hors Québec (inventaire : clé debut_hebergement). " +
			"L'urgence de l'article 18, al. 1, par. 7° (exception_70_1: urgence-18-7) dispense de l'EFVP ; une communication ou un hébergement commencé avant le 2023-09-22 n'est pas visé. L'absence d'EFVP ou d'entente relève de PRV-001 (communications) et de PRV-011 (inventaire).",
		Bad:  "# inventaire/INV-0001.yaml\nhors_quebec: true\ndebut_hebergement: 2024-01-15\nefvp: EFVP-0001   # date: 2024-06-01\nentente: ENT-0001\n",
		Good: "# inventaire/INV-0001.yaml\nhors_quebec: true\ndebut_hebergement: 2024-01-15\nefvp: EFVP-0001   # date: 2023-12-01\nentente: ENT-0001\n"}})
}

func prv009(p *Pass, e *model.Entry) {
	if !e.True("hors_quebec") || exceptionOf(p, e) {
		return
	}
	if e.Kind == model.Inventaire {
		reportEFVPAfter(p, e, "debut_hebergement", loi25Phase3, "le début de la conservation ou du traitement hors Québec", "Loi sur le privé, art. 17")
		return
	}
	reportEFVPAfter(p, e, "debut", loi25Phase3, "la première communication hors Québec", "Loi sur le privé, art. 17")
}
