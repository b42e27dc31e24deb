package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	register(&Rule{ID: "PRV-006", Kinds: []*model.Kind{model.EFVP}, Sector: PrivateOnly, Entry: prv006, Doc: Doc{
		Title: "Entreprise : projet de système d'information sans consultation du responsable dès le début", Law: "P-39.1, art. 3.3", Severity: W, Confidence: "H",
		Text: "L'EFVP d'un projet de système d'information ou de prestation électronique de services (déclencheur P-3.3) se fait en consultant, dès le début du projet, la personne responsable de la protection des renseignements personnels. Indiquez la date de consultation (consultation_comite) et, s'il y a lieu, le début du projet (debut_projet). Même sévérité que EFVP-005, son pendant pour les organismes publics (art. 63.5), car l'obligation est la même : une date de consultation absente donne un avertissement (le registre ne dit pas si le comité a été consulté), une consultation postérieure au début du projet est une erreur (l'obligation « dès le début » est vérifiée dans le texte).",
		Bad:  "declencheurs: [P-3.3]\n", Good: "declencheurs: [P-3.3]\nconsultation_comite: 2025-01-10\ndebut_projet: 2025-01-15\n"}})
}

func prv006(p *Pass, e *model.Entry) {
	if !hasValue(e.Strings("declencheurs"), "P-3.3") {
		return
	}
	c, start := e.Date("consultation_comite"), e.Date("debut_projet")
	switch {
	case c == "":
		p.Report(e, "declencheurs", "projet de système d'information (P-39.1, art. 3.3) sans date de consultation du responsable (clé consultation_comite)")
	case start != "" && c > start:
		p.ReportSev(finding.Error, e, "consultation_comite", "le responsable a été consulté le %s, après le début du projet (%s) : il doit l'être dès le début (P-39.1, art. 3.3)", c, start)
	}
}
