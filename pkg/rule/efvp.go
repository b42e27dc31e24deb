package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Rules of privacy impact assessments (EFVP). Missing references are REF-001;
// an en_cours conclusion on a used EFVP is COM-009.
func init() {
	E, W := finding.Error, finding.Warning
	efvp := []*model.Kind{model.EFVP}
	base := "id: EFVP-0001\ntitre: EFVP — hébergement infonuagique\ndate: 2025-01-10\nconclusion: protection_adequate\n"
	register(
		&Rule{ID: "EFVP-001", Cross: true, Kinds: []*model.Kind{model.Communications, model.Collectes, model.Inventaire}, Entry: efvp001, Doc: Doc{
			Title: "EFVP liée qui ne retient pas le déclencheur de l'inscription", Law: "A-2.1, art. 64, 67.2.1, 68 et 70.1", LawPrivate: "P-39.1, art. 17 et 21", Severity: W, Confidence: "M",
			Text: "L'inscription est dans une situation qui exige une EFVP : communication ou conservation à l'extérieur du Québec (70.1 ; P-39.1, art. 17), communication à des fins de recherche (67.2.1 ; P-39.1, art. 21), communication de l'article 68, collecte pour un autre organisme (64). L'EFVP liée doit porter sur cette situation : ses declencheurs doivent la nommer. Sinon, l'évaluation liée n'est peut-être pas la bonne, ou elle n'a pas examiné les facteurs propres à ce cas (p. ex. le régime juridique de l'État de destination pour 70.1).",
			Bad:  "# communication hors_quebec: true, efvp: EFVP-0001\n# EFVP-0001.yaml\ndeclencheurs: [63.5]\n",
			Good: "# communication hors_quebec: true, efvp: EFVP-0001\n# EFVP-0001.yaml\ndeclencheurs: [63.5, 70.1]\n"}},
		&Rule{ID: "EFVP-002", Kinds: efvp, Entry: efvp002, Doc: Doc{
			Title: "EFVP hors Québec sans les quatre facteurs ou sans destination", Law: "A-2.1, art. 70.1, al. 1, par. 1° à 4°", LawPrivate: "P-39.1, art. 17", Severity: E, Confidence: "H",
			Text: "L'EFVP d'une communication à l'extérieur du Québec tient compte notamment de la sensibilité des renseignements (1°), des finalités de leur utilisation (2°), des mesures de protection, y compris contractuelles (3°), et du régime juridique applicable dans l'État de destination, dont ses principes de protection des renseignements personnels (4°). Documentez les quatre facteurs (clé facteurs) et les États de destination (clé destinations). Une EFVP en cours (conclusion: en_cours) reçoit un avertissement.",
			Bad:  base + "declencheurs: [70.1]\nfacteurs:\n  sensibilite: Renseignements peu sensibles\n",
			Good: base + "declencheurs: [70.1]\nfacteurs:\n  sensibilite: Renseignements peu sensibles\n  finalites: Hébergement du service de courriel\n  mesures_protection: Chiffrement ; clauses contractuelles\n  regime_juridique: Loi ontarienne comparable\ndestinations: [Ontario]\n"}},
		&Rule{ID: "EFVP-003", Kinds: efvp, Sector: PublicOnly, Entry: efvp003, Doc: Doc{
			Title: "EFVP de l'art. 68 sans les quatre conclusions", Law: "A-2.1, art. 68, al. 2", Severity: E, Confidence: "H",
			Text: "La communication de l'article 68 ne peut avoir lieu que si l'EFVP conclut que l'objectif ne peut être atteint que si les renseignements permettent d'identifier les personnes, qu'il est déraisonnable d'exiger leur consentement, que l'objectif l'emporte, eu égard à l'intérêt public, sur l'impact sur la vie privée, et que les renseignements sont utilisés de manière à en assurer la confidentialité. Inscrivez ces conclusions à true sous criteres. Une EFVP en cours reçoit un avertissement.",
			Bad:  base + "declencheurs: [68]\ncriteres:\n  identification_necessaire: true\n",
			Good: base + "declencheurs: [68]\ncriteres:\n  identification_necessaire: true\n  consentement_deraisonnable: true\n  interet_public: true\n  confidentialite: true\n"}},
		&Rule{ID: "EFVP-004", Kinds: efvp, Sector: PublicOnly, Entry: efvp004, Doc: Doc{
			Title: "EFVP de recherche (67.2.1) qui ne conclut pas que l'identification est nécessaire", Law: "A-2.1, art. 67.2.1", Severity: E, Confidence: "M",
			Text: "La communication sans consentement à des fins d'étude, de recherche ou de production de statistiques suppose une EFVP qui conclut notamment que l'objectif ne peut être atteint que si les renseignements sont communiqués sous une forme permettant d'identifier les personnes (criteres.identification_necessaire: true). Si des renseignements dépersonnalisés suffisent, ils doivent être communiqués sous cette forme. Une EFVP en cours reçoit un avertissement.",
			Bad:  base + "declencheurs: [67.2.1]\n", Good: base + "declencheurs: [67.2.1]\ncriteres:\n  identification_necessaire: true\n"}},
		&Rule{ID: "EFVP-005", Kinds: efvp, Sector: PublicOnly, Entry: efvp005, Doc: Doc{
			Title: "Projet de système d'information sans consultation du comité dès le début", Law: "A-2.1, art. 63.5", Severity: W, Confidence: "H",
			Text: "L'organisme procède à une EFVP de tout projet d'acquisition, de développement ou de refonte d'un système d'information ou de prestation électronique de services qui recueille, utilise, communique, conserve ou détruit des renseignements personnels, et consulte dès le début du projet son comité sur l'accès à l'information et la protection des renseignements personnels. Indiquez la date de consultation (consultation_comite) et le début du projet (debut_projet). Même sévérité que PRV-006, son pendant pour les entreprises (art. 3.3), car l'obligation est la même : une date de consultation absente donne un avertissement (le registre ne dit pas si le comité a été consulté), une consultation postérieure au début du projet est une erreur (l'obligation « dès le début » est vérifiée dans le texte).",
			Bad:  base + "declencheurs: [63.5]\ndebut_projet: 2025-01-15\n", Good: base + "declencheurs: [63.5]\nconsultation_comite: 2025-01-10\ndebut_projet: 2025-01-15\n"}},
		&Rule{ID: "EFVP-007", Kinds: efvp, Entry: efvp007, Doc: Doc{
			Title: "Élément de l'EFVP manquant", Law: "A-2.1, art. 63.5, 64, 67.2.1, 68 et 70.1", LawPrivate: "P-39.1, art. 3.3, 17 et 21", Severity: E, Confidence: "H",
			Text: "Une EFVP inscrite indique son titre (titre), la date à laquelle elle a été complétée (date), les dispositions qui l'exigent (declencheurs : 63.5, 64, 67.2.1, 68, 70.1, P-3.3, P-17, P-21) et sa conclusion (conclusion : protection_adequate, protection_insuffisante ou en_cours). Sans ces éléments, les autres règles ne peuvent pas vérifier que l'évaluation précède la communication et qu'elle conclut à une protection adéquate. Une évaluation encore en cours (conclusion: en_cours) n'a pas encore de date ; « registre echeances » la suit.",
			Bad:  "declencheurs: []\n", Good: "declencheurs: [70.1]\n"}},
	)
}

// efvp007 asks for the completion date once the assessment has concluded
// (the other items are required by the schema).
func efvp007(p *Pass, e *model.Entry) {
	if e.Str("conclusion") != "en_cours" && e.Str("date") == "" {
		p.Report(e, "date", "champ obligatoire manquant : date (date à laquelle l'évaluation a été complétée, AAAA-MM-JJ ; une évaluation qui n'est pas terminée a la conclusion en_cours)")
	}
}

// efvpTriggers names the triggers an entry's situation requires of its EFVP, in order.
func efvpTriggers(p *Pass, e *model.Entry) []string {
	var ts []string
	switch e.Kind {
	case model.Communications:
		if e.True("hors_quebec") && !exceptionOf(p, e) {
			if p.Private() {
				ts = append(ts, "P-17")
			} else {
				ts = append(ts, "70.1")
			}
		}
		c := p.Citations(e)
		if p.Private() {
			if cites(c, "P-39.1", "21", "21.0.1", "21.0.2") {
				ts = append(ts, "P-21")
			}
		} else {
			if cites(c, "A-2.1", "67.2.1") {
				ts = append(ts, "67.2.1")
			}
			if cites(c, "A-2.1", "68") {
				ts = append(ts, "68")
			}
		}
	case model.Collectes:
		if !p.Private() {
			ts = append(ts, "64")
		}
	case model.Inventaire:
		if e.True("hors_quebec") {
			if p.Private() {
				ts = append(ts, "P-17")
			} else {
				ts = append(ts, "70.1")
			}
		}
	}
	return ts
}

var efvpTriggerFrench = map[string]string{
	"70.1":   "communication à l'extérieur du Québec, art. 70.1",
	"67.2.1": "communication à des fins de recherche, art. 67.2.1",
	"68":     "communication de l'art. 68",
	"64":     "collecte pour un autre organisme, art. 64",
	"P-17":   "communication à l'extérieur du Québec, Loi sur le privé, art. 17",
	"P-21":   "communication à des fins de recherche, Loi sur le privé, art. 21",
}

func efvpHas(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func efvp001(p *Pass, e *model.Entry) {
	ev := ref(p, e, "efvp", model.EFVP)
	if ev == nil {
		return
	}
	decl := ev.Strings("declencheurs")
	if len(decl) == 0 {
		return // EFVP-007
	}
	var miss []string
	for _, t := range efvpTriggers(p, e) {
		if t == "70.1" && e.Kind == model.Communications && !efvpAssesses701(ev) {
			continue // COM-007: the EFVP does not assess 70.1 at all, an error
		}
		if !efvpHas(decl, t) {
			miss = append(miss, "« "+t+" » ("+efvpTriggerFrench[t]+")")
		}
	}
	if len(miss) > 0 {
		p.Report(e, "efvp", "l'EFVP %s ne retient pas le déclencheur %s, que la situation de cette inscription exige : vérifiez que l'évaluation liée porte bien sur elle et complétez ses declencheurs", ev.ID, strings.Join(miss, " ni "))
	}
}

// efvpReport reports at the rule's severity, or as a warning while the assessment is en_cours.
func efvpReport(p *Pass, e *model.Entry, key, format string, args ...any) {
	if e.Str("conclusion") == "en_cours" {
		p.ReportSev(finding.Warning, e, key, format+" — évaluation en cours, à compléter", args...)
		return
	}
	p.Report(e, key, format, args...)
}

// efvpKey is key when present, else declencheurs (where the obligation comes from).
func efvpKey(e *model.Entry, key string) string {
	if e.Has(key) {
		return key
	}
	return "declencheurs"
}

var efvpFactors = []struct{ key, french string }{
	{"sensibilite", "sensibilité des renseignements (par. 1°)"},
	{"finalites", "finalités de leur utilisation (par. 2°)"},
	{"mesures_protection", "mesures de protection, y compris contractuelles (par. 3°)"},
	{"regime_juridique", "régime juridique de l'État de destination (par. 4°)"},
}

func efvp002(p *Pass, e *model.Entry) {
	decl := e.Strings("declencheurs")
	if !efvpHas(decl, "70.1") && !efvpHas(decl, "P-17") {
		return
	}
	law := "art. 70.1, al. 1"
	if !efvpHas(decl, "70.1") {
		law = "Loi sur le privé, art. 17"
	}
	f := e.Map("facteurs")
	var miss []string
	for _, x := range efvpFactors {
		if model.AsString(f[x.key]) == "" {
			miss = append(miss, x.french)
		}
	}
	if len(miss) > 0 {
		efvpReport(p, e, efvpKey(e, "facteurs"), "EFVP d'une communication à l'extérieur du Québec sans %s (clé facteurs ; %s)", strings.Join(miss, ", ni "), law)
	}
	if len(e.Strings("destinations")) == 0 {
		efvpReport(p, e, efvpKey(e, "destinations"), "EFVP d'une communication à l'extérieur du Québec sans État ou province de destination (clé destinations ; %s, par. 4°)", law)
	}
}

var efvpCriteria = []struct{ key, french string }{
	{"identification_necessaire", "l'identification des personnes est nécessaire"},
	{"consentement_deraisonnable", "il est déraisonnable d'exiger le consentement"},
	{"interet_public", "l'objectif l'emporte, eu égard à l'intérêt public, sur l'impact sur la vie privée"},
	{"confidentialite", "la confidentialité est assurée"},
}

// efvpCriterion reports whether criteres/key is set to true.
func efvpCriterion(e *model.Entry, key string) bool {
	b, _ := e.Map("criteres")[key].(bool)
	return b
}

func efvp003(p *Pass, e *model.Entry) {
	if !efvpHas(e.Strings("declencheurs"), "68") {
		return
	}
	var miss []string
	for _, c := range efvpCriteria {
		if !efvpCriterion(e, c.key) {
			miss = append(miss, "« "+c.french+" » ("+c.key+")")
		}
	}
	if len(miss) > 0 {
		efvpReport(p, e, efvpKey(e, "criteres"), "EFVP d'une communication de l'article 68 qui ne conclut pas que %s (art. 68, al. 2) : inscrivez ces conclusions à true sous criteres", strings.Join(miss, ", ni que "))
	}
}

func efvp004(p *Pass, e *model.Entry) {
	if efvpHas(e.Strings("declencheurs"), "67.2.1") && !efvpCriterion(e, "identification_necessaire") {
		efvpReport(p, e, efvpKey(e, "criteres"), "EFVP d'une communication à des fins de recherche (art. 67.2.1) qui ne conclut pas que l'objectif ne peut être atteint qu'avec des renseignements permettant d'identifier les personnes (criteres.identification_necessaire: true)")
	}
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
