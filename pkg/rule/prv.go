package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

const lprp = "P-39.1"

// Private-sector rules (secteur: prive, Loi sur le privé, RLRQ c. P-39.1).
func init() {
	E, W, I := finding.Error, finding.Warning, finding.Info
	com := []*model.Kind{model.Communications}
	register(
		&Rule{ID: "PRV-001", Cross: true, Kinds: com, Sector: PrivateOnly, Entry: prv001, Doc: Doc{
			Title: "Entreprise : communication hors Québec sans EFVP ou sans entente écrite", Law: "P-39.1, art. 17", Severity: E, Confidence: "H",
			Text: "Avant de communiquer un renseignement personnel à l'extérieur du Québec (y compris confier sa conservation à un fournisseur infonuagique), l'entreprise procède à une EFVP et la communication fait l'objet d'une entente écrite. Exception : la situation d'urgence de l'article 18, al. 1, par. 7° (exception_70_1: urgence-18-7). Une entente nommée dans l'appui légal (« Contrat de service … ») n'est pas manquante : ENT-007 demande de la lier. La date de l'EFVP est vérifiée par PRV-009 ; les fichiers de l'inventaire confiés hors Québec, par PRV-011. Une communication commencée avant le 2023-09-22 (clé debut, ou date de signature de l'entente liée) donne un avertissement : l'obligation date de la Loi 25, dont les dispositions transitoires n'ont pas été vérifiées [U] (legal.md §4.8) ; l'EFVP comme l'entente reste exigée pour la suite.",
			Bad:  "hors_quebec: true\n", Good: "hors_quebec: true\nefvp: EFVP-0001\nentente: ENT-0001\n"}},
		&Rule{ID: "PRV-002", Cross: true, Kinds: com, Sector: PrivateOnly, Entry: prv002, Doc: Doc{
			Title: "Entreprise : communication à des fins de recherche sans EFVP, entente ou transmission à la Commission", Law: "P-39.1, art. 21 et suiv.", Severity: W, Confidence: "M",
			Text: "La communication sans consentement à des fins d'étude, de recherche ou de production de statistiques exige, comme dans le secteur public, une EFVP, une entente écrite et sa transmission à la Commission d'accès à l'information. L'obligation est confirmée par la Commission (« les obligations sont semblables dans le secteur public et dans le secteur privé ») ; le texte des articles 21 à 21.0.2 de la Loi sur le privé, lui, n'a pas été vérifié [U] : le fondement cité est « art. 21 et suiv. ». Tant que ce texte n'est pas vérifié, la règle est un avertissement (point non vérifié de l'analyse juridique) ; dans le secteur public, COM-011 et COM-012 restent des erreurs parce que les articles 67.2.1 à 67.2.3 de la Loi sur l'accès sont confirmés par une source gouvernementale. Une entente nommée dans l'appui légal (« Contrat de service … ») n'est pas manquante : ENT-007 demande de la lier.",
			Bad:  "appui_legal: [Article 21 de la Loi sur le privé]\n", Good: "appui_legal: [Article 21 de la Loi sur le privé]\nefvp: EFVP-0002\nentente: ENT-0002   # avec transmission_cai\n"}},
		&Rule{ID: "PRV-003", Kinds: com, Sector: PrivateOnly, Entry: prv003, Doc: Doc{
			Title: "Entreprise : transaction commerciale sans entente préalable", Law: "P-39.1, art. 18.4", Severity: E, Confidence: "H",
			Text: "La communication de renseignements personnels nécessaire à une transaction commerciale exige une entente conclue au préalable (utilisation aux seules fins de la transaction, aucune autre communication, confidentialité, destruction si la transaction n'a pas lieu). Une entente nommée dans l'appui légal (« Contrat de service … ») n'est pas manquante : ENT-007 demande de la lier.",
			Bad:  "appui_legal: [Article 18.4 de la Loi sur le privé]\n", Good: "appui_legal: [Article 18.4 de la Loi sur le privé]\nentente: ENT-0003\n"}},
		&Rule{ID: "PRV-004", Kinds: com, Sector: PrivateOnly, Entry: prv004, Doc: Doc{
			Title: "Entreprise : communication pour protéger une personne inscrite sans sa date", Law: "P-39.1, art. 18.1, al. 4", Severity: W, Confidence: "M",
			Text: "La personne qui communique un renseignement pour prévenir un acte de violence doit inscrire la communication (art. 18.1, al. 4). L'inscription existe ici, mais sans la date de la communication (clé debut), sans laquelle elle ne permet pas de rendre compte de la communication. Le texte vérifié exige l'inscription sans en énumérer le contenu : exiger la date est une déduction de l'analyse juridique, d'où un avertissement et non une erreur.",
			Bad:  "appui_legal: [Article 18.1 de la Loi sur le privé]\n", Good: "appui_legal: [Article 18.1 de la Loi sur le privé]\ndebut: 2025-04-02\n"}},
		&Rule{ID: "PRV-005", Kinds: []*model.Kind{model.Utilisations}, Sector: PrivateOnly, Entry: prv005, Doc: Doc{
			Title: "Entreprise : registre des utilisations non requis", Law: "P-39.1, art. 12", Severity: I, Confidence: "H",
			Text: "La Loi sur le privé permet certaines utilisations secondaires (art. 12) sans exiger de registre : l'inscription est acceptée, mais les règles du registre public (UTI) ne s'appliquent pas.",
			Bad:  "# utilisations/UTI-0001.yaml dans un dépôt secteur: prive\n", Good: "(inscription conservée volontairement)"}},
		&Rule{ID: "PRV-006", Kinds: []*model.Kind{model.EFVP}, Sector: PrivateOnly, Entry: prv006, Doc: Doc{
			Title: "Entreprise : projet de système d'information sans consultation du responsable dès le début", Law: "P-39.1, art. 3.3", Severity: W, Confidence: "H",
			Text: "L'EFVP d'un projet de système d'information ou de prestation électronique de services (déclencheur P-3.3) se fait en consultant, dès le début du projet, la personne responsable de la protection des renseignements personnels. Indiquez la date de consultation (consultation_comite) et, s'il y a lieu, le début du projet (debut_projet). Même sévérité que EFVP-005, son pendant pour les organismes publics (art. 63.5), car l'obligation est la même : une date de consultation absente donne un avertissement (le registre ne dit pas si le comité a été consulté), une consultation postérieure au début du projet est une erreur (l'obligation « dès le début » est vérifiée dans le texte).",
			Bad:  "declencheurs: [P-3.3]\n", Good: "declencheurs: [P-3.3]\nconsultation_comite: 2025-01-10\ndebut_projet: 2025-01-15\n"}},
	)
}

// outsidePrivate reports an outside-Québec communication without the 18 al. 1 7° urgency exception.
func prv001(p *Pass, e *model.Entry) {
	if !e.True("hors_quebec") || exceptionOf(p, e) {
		return
	}
	miss := missingAssessmentOf(p, e)
	if before := startBeforeLoi25(p, e); before != "" && len(miss) > 0 {
		p.ReportSev(finding.Warning, e, "hors_quebec", "communication à l'extérieur du Québec sans %s ; elle a commencé le %s, avant l'EFVP et l'entente écrite de la Loi 25 (2023-09-22, dispositions transitoires non vérifiées) : elles sont exigées pour la suite (Loi sur le privé, art. 17)", strings.Join(miss, " ni "), before)
		return
	}
	if len(miss) > 0 {
		p.Report(e, "hors_quebec", "communication à l'extérieur du Québec sans %s (Loi sur le privé, art. 17)", strings.Join(miss, " ni "))
		return
	}
	if ev := ref(p, e, "efvp", model.EFVP); ev != nil && ev.Str("conclusion") != "protection_adequate" {
		p.Report(e, "efvp", "l'EFVP %s ne conclut pas à une protection adéquate : la communication à l'extérieur du Québec n'est pas permise (Loi sur le privé, art. 17)", ev.ID)
	}
}

func prv002(p *Pass, e *model.Entry) {
	c := p.Citations(e)
	if !cites(c, lprp, "21", "21.0.1", "21.0.2") {
		return
	}
	miss := missingAssessmentOf(p, e)
	if ent := ref(p, e, "entente", model.Ententes); ent != nil && ent.Date("transmission_cai") == "" {
		miss = append(miss, "date de transmission de l'entente à la Commission (transmission_cai de "+ent.ID+")")
	}
	if len(miss) > 0 {
		p.Report(e, "appui_legal", "communication à des fins de recherche sans %s", strings.Join(miss, " ni "))
	}
}

func prv003(p *Pass, e *model.Entry) {
	if cites(p.Citations(e), lprp, "18.4") && agreementOf(p, e).missing() {
		p.Report(e, "appui_legal", "transaction commerciale (art. 18.4) sans entente préalable liée (clé entente)")
	}
}

func prv004(p *Pass, e *model.Entry) {
	if cites(p.Citations(e), lprp, "18.1") && e.Date("debut") == "" {
		p.Report(e, "appui_legal", "communication faite pour protéger une personne (art. 18.1) inscrite sans sa date (clé debut)")
	}
}

func prv005(p *Pass, e *model.Entry) {
	p.Report(e, "", "une entreprise n'a pas l'obligation de tenir un registre des utilisations (Loi sur le privé, art. 12) : inscription acceptée à titre volontaire")
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

func hasValue(l []string, v string) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}
