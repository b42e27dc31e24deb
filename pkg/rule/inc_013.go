package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	inc := []*model.Kind{model.Incidents}
	register(&Rule{ID: "INC-013", Kinds: inc, Entry: inc013, Doc: Doc{
		Title: "Communication faite pour diminuer le risque sans destinataire ou sans renseignements", Law: "A-2.1, art. 63.8, al. 2", LawPrivate: "P-39.1, art. 3.5, al. 2", Severity: W, Confidence: "M",
		Text: "L'organisme peut communiquer des renseignements personnels à une personne ou à un organisme susceptible de diminuer le risque (p. ex. une institution financière) ; le responsable de la protection des renseignements personnels enregistre alors la communication. Chaque élément de communications_attenuation indique le destinataire (destinataire) et les renseignements communiqués (renseignements). Pour une entreprise, le texte de l'article 3.5, al. 2 de la Loi sur le privé qui impose cet enregistrement n'a pas été vérifié [U] : la règle reste un avertissement.",
		Bad:  "communications_attenuation:\n  - destinataire: Banque Exemple\n", Good: "communications_attenuation:\n  - destinataire: Banque Exemple\n    renseignements: Numéros de compte visés\n    date: 2025-02-05\n"}})
}

func inc013(p *Pass, e *model.Entry) {
	items := e.List("communications_attenuation")
	for i, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		var miss []string
		if model.AsString(m["destinataire"]) == "" {
			miss = append(miss, "le destinataire")
		}
		if model.AsString(m["renseignements"]) == "" {
			miss = append(miss, "les renseignements communiqués")
		}
		if len(miss) > 0 {
			p.Report(e, model.PathOf("communications_attenuation", i), "communication faite pour diminuer le risque de préjudice enregistrée sans %s (%s, al. 2) : indiquez destinataire et renseignements", strings.Join(miss, " ni "), incArt(p))
		}
	}
}
