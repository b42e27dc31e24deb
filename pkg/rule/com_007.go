package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-007", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com007, Doc: Doc{
		Title: "Communication hors Québec sans EFVP", Law: "A-2.1, art. 70.1, al. 1", Severity: E, Confidence: "H",
		Text: "Avant de communiquer un renseignement personnel à l'extérieur du Québec, l'organisme doit procéder à une évaluation des facteurs relatifs à la vie privée (sensibilité, finalité, mesures de protection, régime juridique de l'État de destination). Liez l'EFVP (clé efvp) ou déclarez l'exception de l'article 70.1 qui s'applique (clé exception_70_1 : urgence-59-4, benefice-68-1.1, engagement-international, sante-publique-133 ; un appui sur l'article 68, premier alinéa, paragraphe 1.1° vaut déclaration de benefice-68-1.1). " +
			"Une EFVP liée qui ne porte pas sur la communication hors Québec (ni le déclencheur « 70.1 » ni aucun des quatre facteurs de l'al. 1) ne satisfait pas l'obligation : la règle donne la même erreur, car l'évaluation exigée n'a pas été faite (avec des facteurs documentés mais sans le déclencheur, EFVP-001 demande seulement de compléter les déclencheurs). " +
			"Une communication commencée (clé debut) ou une entente signée avant le 2023-09-22, date d'entrée en vigueur de l'EFVP de l'article 70.1, donne un avertissement : les dispositions transitoires de la Loi 25 n'ont pas été vérifiées [U] (legal.md §4.8), et l'EFVP reste exigée pour la suite.",
		Bad: "hors_quebec: true\nentente: ENT-0002\n", Good: "hors_quebec: true\nefvp: EFVP-0002\nentente: ENT-0002\n"}})
}

func com007(p *Pass, e *model.Entry) {
	if !outside(p, e) {
		return
	}
	if e.Str("efvp") == "" {
		if before := startBeforeLoi25(p, e); before != "" {
			p.ReportSev(finding.Warning, e, "hors_quebec", "communication à l'extérieur du Québec sans EFVP (clé efvp) ni exception déclarée (clé exception_70_1) ; elle date du %s, d'avant le 2023-09-22 (ancien régime, dispositions transitoires non vérifiées) : l'EFVP est exigée pour la suite et au renouvellement de l'entente", before)
			return
		}
		p.Report(e, "hors_quebec", "communication à l'extérieur du Québec sans EFVP (clé efvp) ni exception déclarée (clé exception_70_1)")
		return
	}
	if ev := ref(p, e, "efvp", model.EFVP); ev != nil && !efvpAssesses701(ev) {
		p.Report(e, "efvp", "communication à l'extérieur du Québec : l'EFVP liée %s ne porte pas sur 70.1 (ni le déclencheur « 70.1 » ni aucun des quatre facteurs de l'al. 1, par. 1° à 4° : sensibilité, finalités, mesures de protection, régime juridique de l'État de destination) ; l'évaluation exigée avant de communiquer hors Québec n'a pas été faite", ev.ID)
	}
}
