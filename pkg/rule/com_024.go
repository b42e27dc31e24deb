package rule

import (
	"regexp"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(&Rule{ID: "COM-024", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com024, Doc: Doc{
		Title: "Communication en vertu de l'art. 68 sans EFVP", Law: "A-2.1, art. 68, al. 2", Severity: E, Confidence: "H",
		Text: "Depuis le 2023-09-22, la communication de l'article 68 est précédée d'une EFVP qui conclut que l'identification est nécessaire, qu'il est déraisonnable d'exiger le consentement, que l'objectif l'emporte sur l'impact sur la vie privée et que la confidentialité est assurée. Pour une entente conclue avant cette date (ancien régime), le constat est un avertissement ; de même lorsque l'entente n'est que nommée dans l'appui légal : une année antérieure à 2023 dans son titre (« … (2006) ») la place sous l'ancien régime, et sans année (ou en 2023) sa date ne peut être vérifiée (ENT-007). Une année postérieure à 2023 (« Lettre d'entente … (2025) ») prouve au contraire que l'entente relève de la Loi 25 : l'EFVP manquante est alors une erreur. (Règle COM-014b de l'analyse juridique.)",
		Bad:  "appui_legal: [Article 68 de la Loi sur l'accès]\nentente: ENT-0001\n", Good: "appui_legal: [Article 68 de la Loi sur l'accès]\nentente: ENT-0001\nefvp: EFVP-0001\n"}})
}

func com024(p *Pass, e *model.Entry) {
	if !cites68(p, e) || e.Str("efvp") != "" {
		return
	}
	if ent := ref(p, e, "entente", model.Ententes); ent != nil && preLoi25(ent) {
		p.ReportSev(finding.Warning, e, "appui_legal", "communication en vertu de l'article 68 sans EFVP ; l'entente %s date d'avant le 2023-09-22 (ancien régime) : une EFVP est exigée à son renouvellement", ent.ID)
		return
	}
	if a := agreementOf(p, e); a.state == agreementNamed {
		com024Named(p, e, a.named)
		return
	}
	p.Report(e, "appui_legal", "communication en vertu de l'article 68 sans EFVP (clé efvp), exigée depuis le 2023-09-22")
}

// reYear finds a year in parentheses: « Entente administrative … (2006) ».
var reYear = regexp.MustCompile(`\((?:[^()]*\D)?((?:19|20)\d\d)\)`)

// namedYear returns the year the named agreement's title gives (the first
// one: « (2007) Lettre de modification (2021) » was concluded in 2007), or "".
func namedYear(line string) string {
	if m := reYear.FindStringSubmatch(line); m != nil {
		return m[1]
	}
	return ""
}

// com024Named is COM-024 for a 68 communication whose agreement is only
// named in the basis: a year before 2023 in its title puts it under the old
// regime (legal.md §4.8), and without a year its date cannot be checked;
// either way the missing EFVP is a warning, not an error; a year after 2023
// (« (2025) ») puts it under Loi 25, and the missing EFVP is an error.
func com024Named(p *Pass, e *model.Entry, named string) {
	y := namedYear(named)
	if y != "" && y < loi25Phase3[:4] {
		p.ReportSev(finding.Warning, e, "appui_legal", "communication en vertu de l'article 68 sans EFVP ; l'entente citée (« %s ») date de %s, d'avant le 2023-09-22 (ancien régime) : une EFVP est exigée à son renouvellement", agreementShort(named), y)
		return
	}
	if y > loi25Phase3[:4] {
		// « Lettre d'entente … (2025) »: the year read in the other
		// direction proves the agreement postdates the cut-off.
		p.Report(e, "appui_legal", "communication en vertu de l'article 68 sans EFVP (clé efvp) ; l'entente citée (« %s ») date de %s, après le 2023-09-22 : l'EFVP devait précéder la communication (art. 68, al. 2)", agreementShort(named), y)
		return
	}
	p.ReportSev(finding.Warning, e, "appui_legal", "communication en vertu de l'article 68 sans EFVP (clé efvp) ; l'entente citée (« %s ») n'est pas inscrite dans ententes/ : sa date ne peut être vérifiée, et une EFVP est exigée pour une entente conclue depuis le 2023-09-22", agreementShort(named))
}
