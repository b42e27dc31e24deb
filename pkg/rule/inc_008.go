package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	inc := []*model.Kind{model.Incidents}
	register(&Rule{ID: "INC-008", Kinds: inc, Entry: inc008, Doc: Doc{
		Title: "Incident à risque de préjudice sérieux sans avis aux personnes concernées", Law: "A-2.1, art. 63.8, al. 2 et 3 ; A-2.1, r. 3.1, art. 7, par. 7°", LawPrivate: "P-39.1, art. 3.5 ; A-2.1, r. 3.1, art. 7, par. 7°", Severity: E, Confidence: "H",
		Text: "Lorsque l'incident présente un risque de préjudice sérieux, l'organisme avise aussi les personnes concernées, et le registre indique la date de transmission de cet avis (clé avis_personnes) ; un avis public (clé avis_public) en tient lieu dans les cas prévus par règlement. L'avis aux personnes peut être différé tant qu'il serait susceptible d'entraver une enquête d'un organisme chargé de prévenir, détecter ou réprimer le crime : indiquez alors la raison (clé avis_differe). Ce report est permis par la loi : la règle est alors muette, et « registre echeances » liste l'avis « à réévaluer » jusqu'à ce que sa date soit inscrite. Comme pour INC-007, un incident connu avant le 2022-09-22, date d'entrée en vigueur de l'obligation d'aviser, n'est pas signalé.",
		Bad:  incSeriousExample + "avis_cai: 2025-02-06\n", Good: incSeriousExample + "avis_cai: 2025-02-06\navis_personnes: 2025-02-07\n"}})
}

func inc008(p *Pass, e *model.Entry) {
	if !incSerious(e) || e.Str("avis_personnes") != "" || model.AsString(e.Map("avis_public")["date"]) != "" {
		return
	}
	if e.Str("avis_differe") != "" {
		// A lawful deferral (63.8 al. 3 ; P-39.1, 3.5 al. 3) is not a breach: lint
		// says nothing, and « registre echeances » lists it « à réévaluer ».
		return
	}
	p.Report(e, "risque_serieux", "incident à risque de préjudice sérieux sans date de l'avis aux personnes concernées (clé avis_personnes) ; si l'avis est différé pour ne pas entraver une enquête, indiquez la raison (clé avis_differe ; %s, al. 2 et 3)", incArt(p))
}
