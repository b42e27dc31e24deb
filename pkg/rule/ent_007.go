package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	base := "id: COM-0001\ndestinataire: Ministère de l'Emploi et de la Solidarité sociale\nrenseignements: Nom, adresse\nfins: Recouvrement d'une dette\nraisons: Adresse inconnue du créancier\nhors_quebec: false\n"
	register(&Rule{ID: "ENT-007", Kinds: []*model.Kind{model.Communications}, Entry: ent007, Doc: Doc{
		Title:      "Entente citée dans l'appui légal mais non inscrite dans ententes/",
		Law:        "A-2.1, art. 67.2, 67.2.3, 68, al. 3 et 70.1, al. 2",
		LawPrivate: "P-39.1, art. 17, 18.4 et 21",
		Severity:   W, Confidence: "H",
		Text: "La communication exige une entente écrite, un mandat ou un contrat (Loi sur l'accès : art. 67.2, 67.2.3, 68 et 70.1 ; Loi sur le privé : art. 17, 18.4 et 21), et l'appui légal en nomme un (« Entente administrative … (2006) », « Contrat de service », « Lettre d'entente … (2025) »). " +
			"La loi exige que l'écrit existe ; elle n'exige pas qu'il soit inscrit dans le registre interne des ententes : il n'y a donc pas d'erreur. Mais tant que l'entente n'est pas inscrite dans ententes/ et liée par la clé entente, registre ne peut vérifier ni ses dates (signature, transmission à la Commission, entrée en vigueur 30 jours après sa réception, régime d'avant le 2023-09-22) ni son contenu. " +
			"Le constat cite l'article qui exige l'entente dans le secteur de l'organisme et dit ce qui n'a pas pu être vérifié. Les règles qui exigent l'entente (COM-008, COM-011, COM-014, COM-017, PRV-001, PRV-002, PRV-003) ne signalent alors pas d'entente manquante, et COM-024 (EFVP de l'article 68) n'est qu'un avertissement, la date de l'entente ne pouvant être vérifiée — sauf si l'année de son titre est postérieure à 2023 (« (2025) ») : l'entente relève alors de la Loi 25 et l'EFVP manquante est une erreur. Les ententes de collecte (art. 64) et les fichiers conservés hors Québec (inventaire) n'ont pas de colonne d'appui légal : leur entente se lie toujours par la clé entente (COL-002, INV-010).",
		Bad:  base + "appui_legal:\n  - Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès\n  - Entente administrative sur les échanges de renseignements entre le MIFI et le MESS (2006)\n",
		Good: base + "appui_legal:\n  - Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès\n  - Entente administrative sur les échanges de renseignements entre le MIFI et le MESS (2006)\nentente: ENT-0001   # ententes/ENT-0001.yaml : date_signature, transmission_cai…\n"}})
}

func ent007(p *Pass, e *model.Entry) {
	a := agreementOf(p, e)
	if a.state != agreementNamed {
		return
	}
	needs := agreementNeeds(p, e)
	if len(needs) == 0 {
		return
	}
	laws := make([]string, len(needs))
	var verify []string
	what := "ses dates"
	for i, n := range needs {
		if n.cai {
			what = "ses dates et sa transmission à la Commission"
		}
		laws[i] = n.law
		if !hasValue(verify, n.verify) {
			verify = append(verify, n.verify)
		}
	}
	law := strings.Join(laws, " ; ")
	p.ReportLaw(law, e, namedPath(p, e, a.named),
		"l'entente est citée dans l'appui légal (« %s ») mais n'est pas inscrite dans ententes/ : liez-la (clé entente) pour que %s puissent être vérifiées ; registre n'a pas pu vérifier %s",
		agreementShort(a.named), what, strings.Join(verify, ", ni "))
}

// namedPath is the key path of the appui_legal item that names the agreement.
func namedPath(p *Pass, e *model.Entry, line string) string {
	paths := itemPaths(e, "appui_legal")
	for i, s := range e.Strings("appui_legal") {
		if strings.TrimSpace(s) == line && i < len(paths) {
			return paths[i]
		}
	}
	return "appui_legal"
}
