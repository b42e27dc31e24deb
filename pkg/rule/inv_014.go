package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	inv := []*model.Kind{model.Inventaire}
	register(&Rule{ID: "INV-014", Kinds: inv, Sector: PublicOnly, Entry: inv014, Doc: Doc{
		Title: "Unité administrative responsable manquante", Law: lawPractice, Severity: W, Confidence: "H",
		Text: "Bonne pratique : l'article 76 n'exige pas l'unité responsable (il énumère la désignation, les catégories de renseignements, les fins, le mode de gestion, la provenance, les catégories de personnes concernées et ayant accès, et les mesures de sécurité), mais les inventaires publiés l'indiquent (colonne « Unité administrative responsable ») : elle dit à qui s'adresser pour le fichier et aide à le maintenir à jour. Indiquez-la avec la clé unite.",
		Bad:  "designation: Dossiers du personnel\n", Good: "unite: Direction des ressources humaines\ndesignation: Dossiers du personnel\n"}})
}

func inv014(p *Pass, e *model.Entry) {
	v := e.Value("unite") // nil when absent
	if s, isStr := v.(string); v != nil && (!isStr || strings.TrimSpace(s) != "") {
		return // present (a wrong type is the schema's business)
	}
	p.Report(e, "unite", "unité administrative responsable non indiquée (clé unite) : bonne pratique que l'article 76 n'exige pas, mais que l'inventaire publié indique pour chaque fichier")
}
