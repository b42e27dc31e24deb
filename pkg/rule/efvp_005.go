package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	efvp := []*model.Kind{model.EFVP}
	register(&Rule{ID: "EFVP-005", Kinds: efvp, Sector: PublicOnly, Entry: efvp005, Doc: Doc{
		Title: "Projet de système d'information sans consultation du comité dès le début", Law: "A-2.1, art. 63.5", Severity: W, Confidence: "H",
		Text: "L'organisme procède à une EFVP de tout projet d'acquisition, de développement ou de refonte d'un système d'information ou de prestation électronique de services qui recueille, utilise, communique, conserve ou détruit des renseignements personnels, et consulte dès le début du projet son comité sur l'accès à l'information et la protection des renseignements personnels. Indiquez la date de consultation (consultation_comite) et le début du projet (debut_projet). Même sévérité que PRV-006, son pendant pour les entreprises (art. 3.3), car l'obligation est la même : une date de consultation absente donne un avertissement (le registre ne dit pas si le comité a été consulté), une consultation postérieure au début du projet est une erreur (l'obligation « dès le début » est vérifiée dans le texte).",
		Bad:  efvpExample + "declencheurs: [63.5]\ndebut_projet: 2025-01-15\n", Good: efvpExample + "declencheurs: [63.5]\nconsultation_comite: 2025-01-10\ndebut_projet: 2025-01-15\n"}})
}

func efvp005(p *Pass, e *model.Entry) {
	if !efvpHas(e.Strings("declencheurs"), "63.5") {
		return
	}
	c, start := e.Date("consultation_comite"), e.Date("debut_projet")
	switch {
	case c == "" && e.Str("consultation_comite") == "":
		p.Report(e, "declencheurs", "projet de système d'information (art. 63.5) sans date de consultation du comité sur l'accès à l'information et la protection des renseignements personnels (clé consultation_comite)")
	case c != "" && start != "" && c > start:
		p.ReportSev(finding.Error, e, "consultation_comite", "le comité a été consulté le %s, après le début du projet (%s) : il doit l'être dès le début (art. 63.5)", c, start)
	}
}
