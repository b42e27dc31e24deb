package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// The EFVP comes first (legal.md §4.16): wherever the law says the
// communication or the collection is « précédée » of an assessment, or may
// take place only once the assessment concludes, an EFVP dated after the
// first communication, collection or hosting is a breach. One helper,
// efvpAfter, holds the date logic for COM-010 (70.1), COM-026 (68),
// COM-027 (67.2.1), COL-003 (64), PRV-009 (P-39.1 art. 17) and PRV-010
// (P-39.1 art. 21). Each rule is silent for a start that predates the
// coming into force of its EFVP duty (Loi 25, legal.md §0 and §4.8).
func init() {
	E := finding.Error
	com := []*model.Kind{model.Communications}
	register(
		&Rule{ID: "COM-026", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com026, Doc: Doc{
			Title: "EFVP postérieure à la première communication de l'art. 68", Law: "A-2.1, art. 68, al. 2", Severity: E, Confidence: "H",
			Text: "La communication de l'article 68 ne peut s'effectuer que si une évaluation des facteurs relatifs à la vie privée conclut que l'identification est nécessaire, que le consentement est déraisonnable à exiger, que l'objectif l'emporte sur l'impact sur la vie privée et que la confidentialité est assurée : l'évaluation précède donc la communication. " +
				"La date de l'EFVP liée (clé efvp) ne peut pas suivre la première communication (clé debut). Une communication commencée avant le 2023-09-22, sous l'ancien régime, n'est pas visée : l'EFVP faite au renouvellement de l'entente peut être postérieure.",
			Bad:  "appui_legal: [Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès]\nefvp: EFVP-0001   # date: 2024-06-01\ndebut: 2024-02-01\n",
			Good: "appui_legal: [Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès]\nefvp: EFVP-0001   # date: 2024-01-10\ndebut: 2024-02-01\n"}},
		&Rule{ID: "COM-027", Cross: true, Kinds: com, Sector: PublicOnly, Entry: com027, Doc: Doc{
			Title: "EFVP postérieure à la première communication de recherche (67.2.1)", Law: "A-2.1, art. 67.2.1", Severity: E, Confidence: "M",
			Text: "La communication sans consentement à des fins d'étude, de recherche ou de production de statistiques n'est permise que si une évaluation des facteurs relatifs à la vie privée conclut notamment que l'objectif ne peut être atteint que sous une forme permettant d'identifier les personnes : l'évaluation précède la communication. " +
				"La date de l'EFVP liée (clé efvp) ne peut pas suivre la première communication (clé debut). Une communication commencée avant le 2022-09-22, sous l'autorisation de l'ancien article 125, n'est pas visée.",
			Bad:  "appui_legal: [Article 67.2.1 de la Loi sur l'accès]\nefvp: EFVP-0003   # date: 2025-05-01\ndebut: 2025-03-01\n",
			Good: "appui_legal: [Article 67.2.1 de la Loi sur l'accès]\nefvp: EFVP-0003   # date: 2025-01-15\ndebut: 2025-03-01\n"}},
		&Rule{ID: "COL-003", Cross: true, Kinds: []*model.Kind{model.Collectes}, Sector: PublicOnly, Entry: col003, Doc: Doc{
			Title: "EFVP postérieure au début de la collecte pour un autre organisme", Law: "A-2.1, art. 64, al. 2", Severity: E, Confidence: "H",
			Text: "La collecte de renseignements personnels pour le compte d'un autre organisme public « doit être précédée » d'une évaluation des facteurs relatifs à la vie privée. La date de l'EFVP liée (clé efvp) ne peut pas suivre le début de la collecte (clé debut). Une collecte commencée avant le 2023-09-22 n'est pas visée.",
			Bad:  "efvp: EFVP-0001   # date: 2025-04-01\nentente: ENT-0001\ndebut: 2025-03-15\n",
			Good: "efvp: EFVP-0001   # date: 2025-01-20\nentente: ENT-0001\ndebut: 2025-03-15\n"}},
		&Rule{ID: "PRV-009", Cross: true, Kinds: []*model.Kind{model.Communications, model.Inventaire}, Sector: PrivateOnly, Entry: prv009, Doc: Doc{
			Title: "Entreprise : EFVP postérieure à la communication ou à l'hébergement hors Québec", Law: "P-39.1, art. 17", Severity: E, Confidence: "H",
			Text: "Avant de communiquer un renseignement personnel à l'extérieur du Québec, ou de confier à une personne ou à un organisme à l'extérieur du Québec la tâche de le recueillir, de l'utiliser, de le communiquer ou de le conserver pour son compte, l'entreprise procède à une évaluation des facteurs relatifs à la vie privée. " +
				"La date de l'EFVP liée (clé efvp) ne peut donc pas suivre la première communication (communication : clé debut) ni le début de l'hébergement ou du traitement hors Québec (inventaire : clé debut_hebergement). " +
				"L'urgence de l'article 18, al. 1, par. 7° (exception_70_1: urgence-18-7) dispense de l'EFVP ; une communication ou un hébergement commencé avant le 2023-09-22 n'est pas visé. L'absence d'EFVP ou d'entente relève de PRV-001 (communications) et de PRV-011 (inventaire).",
			Bad:  "# inventaire/INV-0001.yaml\nhors_quebec: true\ndebut_hebergement: 2024-01-15\nefvp: EFVP-0001   # date: 2024-06-01\nentente: ENT-0001\n",
			Good: "# inventaire/INV-0001.yaml\nhors_quebec: true\ndebut_hebergement: 2024-01-15\nefvp: EFVP-0001   # date: 2023-12-01\nentente: ENT-0001\n"}},
		&Rule{ID: "INV-016", Cross: true, Kinds: []*model.Kind{model.Inventaire}, Sector: PublicOnly, Entry: inv016, Doc: Doc{
			Title: "EFVP postérieure au début de l'hébergement hors Québec", Law: "A-2.1, art. 70.1, al. 1 (« Avant de communiquer ») et al. 3", Severity: E, Confidence: "H", Since: "0.2.0",
			Text: "Confier à une personne ou à un organisme à l'extérieur du Québec la tâche de recueillir, d'utiliser, de communiquer ou de conserver des renseignements pour le compte de l'organisme (p. ex. un hébergement infonuagique en Ontario) est une communication visée à l'article 70.1 (al. 3) : « Avant de communiquer », l'organisme procède à une évaluation des facteurs relatifs à la vie privée (al. 1). " +
				"La date de l'EFVP liée (clé efvp) ne peut donc pas suivre le début de l'hébergement ou du traitement hors Québec (clé debut_hebergement) ; c'est le pendant, pour l'inventaire, de COM-010 (communications) et de PRV-009 (entreprises). " +
				"L'EFVP de l'article 70.1 est exigée depuis le 2023-09-22 (Loi 25) : un hébergement commencé avant cette date donne un avertissement, car les dispositions transitoires n'ont pas été vérifiées [U] (legal.md §4.8) ; l'EFVP reste exigée au renouvellement du contrat. L'absence d'EFVP ou d'entente relève de INV-010.",
			Bad:  "# inventaire/INV-0001.yaml\nhors_quebec: true\nlieux: [Ontario]\ndebut_hebergement: 2024-05-01\nefvp: EFVP-0001   # date: 2024-09-10\nentente: ENT-0001\n",
			Good: "# inventaire/INV-0001.yaml\nhors_quebec: true\nlieux: [Ontario]\ndebut_hebergement: 2024-05-01\nefvp: EFVP-0001   # date: 2024-03-15\nentente: ENT-0001\n"}},
		&Rule{ID: "PRV-010", Cross: true, Kinds: com, Sector: PrivateOnly, Entry: prv010, Doc: Doc{
			Title: "Entreprise : EFVP postérieure à la première communication de recherche", Law: "P-39.1, art. 21", Severity: finding.Warning, Confidence: "M",
			Text: "L'entreprise ne peut communiquer des renseignements personnels sans consentement à des fins d'étude, de recherche ou de production de statistiques que si une évaluation des facteurs relatifs à la vie privée, faite au préalable, conclut notamment que l'objectif ne peut être atteint que sous une forme permettant d'identifier les personnes. " +
				"La date de l'EFVP liée (clé efvp) ne peut pas suivre la première communication (clé debut). Une communication commencée avant le 2022-09-22 n'est pas visée. Point non vérifié : le texte de l'article 21 n'est pas reproduit dans l'analyse juridique du projet [U] ; la Commission décrit la même démarche que dans le secteur public. La règle est donc un avertissement, alors que COM-027, fondée sur l'article 67.2.1 de la Loi sur l'accès confirmé par une source gouvernementale, est une erreur.",
			Bad:  "appui_legal: [Article 21 de la Loi sur le privé]\nefvp: EFVP-0002   # date: 2025-05-01\ndebut: 2025-03-01\n",
			Good: "appui_legal: [Article 21 de la Loi sur le privé]\nefvp: EFVP-0002   # date: 2025-01-15\ndebut: 2025-03-01\n"}},
	)
}

// efvpAfter returns the EFVP linked to e when it is dated after the date of
// e's key startKey (first communication, start of collection or of hosting),
// with both dates; nil when the order is right or a date is missing (the
// missing EFVP or date is another rule's business).
func efvpAfter(p *Pass, e *model.Entry, startKey string) (ev *model.Entry, efvpDate, start string) {
	start = e.Date(startKey)
	if start == "" {
		return nil, "", ""
	}
	ev = ref(p, e, "efvp", model.EFVP)
	if ev == nil {
		return nil, "", ""
	}
	if d := ev.Date("date"); d != "" && d > start {
		return ev, d, start
	}
	return nil, "", ""
}

// reportEFVPAfter reports a late EFVP at startKey, naming what started and
// the article; since is the coming into force of the EFVP duty: an earlier
// start is not reported.
func reportEFVPAfter(p *Pass, e *model.Entry, startKey, since, what, art string) {
	ev, d, start := efvpAfter(p, e, startKey)
	if ev == nil || start < since {
		return
	}
	p.Report(e, startKey, "l'EFVP %s est datée du %s, après %s (%s) : l'évaluation doit la précéder (%s)", ev.ID, d, what, start, art)
}

func com026(p *Pass, e *model.Entry) {
	if cites68(p, e) {
		reportEFVPAfter(p, e, "debut", loi25Phase3, "la première communication", "Loi sur l'accès, art. 68, al. 2")
	}
}

func com027(p *Pass, e *model.Entry) {
	if cites(p.Citations(e), lai, "67.2.1") {
		reportEFVPAfter(p, e, "debut", loi25Phase2, "la première communication à des fins de recherche", "Loi sur l'accès, art. 67.2.1")
	}
}

func col003(p *Pass, e *model.Entry) {
	reportEFVPAfter(p, e, "debut", loi25Phase3, "le début de la collecte", "Loi sur l'accès, art. 64, al. 2")
}

func prv009(p *Pass, e *model.Entry) {
	if !e.True("hors_quebec") || exceptionOf(p, e) {
		return
	}
	if e.Kind == model.Inventaire {
		reportEFVPAfter(p, e, "debut_hebergement", loi25Phase3, "le début de la conservation ou du traitement hors Québec", "Loi sur le privé, art. 17")
		return
	}
	reportEFVPAfter(p, e, "debut", loi25Phase3, "la première communication hors Québec", "Loi sur le privé, art. 17")
}

func prv010(p *Pass, e *model.Entry) {
	if cites(p.Citations(e), lprp, "21", "21.0.1", "21.0.2") {
		reportEFVPAfter(p, e, "debut", loi25Phase2, "la première communication à des fins de recherche", "Loi sur le privé, art. 21")
	}
}

// inv016 is COM-010 for a public body's file kept or processed outside
// Québec: the EFVP of 70.1 precedes the start of hosting (al. 1 and 3).
// Before the 2023-09-22 cut-off the late EFVP is a warning (legal.md §4.8).
func inv016(p *Pass, e *model.Entry) {
	if !e.True("hors_quebec") {
		return
	}
	ev, d, start := efvpAfter(p, e, "debut_hebergement")
	if ev == nil {
		return
	}
	if start < loi25Phase3 {
		p.ReportSev(finding.Warning, e, "debut_hebergement", "l'EFVP %s est datée du %s, après le début de la conservation ou du traitement hors Québec (%s) ; l'hébergement a commencé avant le 2023-09-22, date d'entrée en vigueur de l'EFVP de l'article 70.1 (Loi 25, dispositions transitoires non vérifiées) : vérifiez qu'elle précède au moins le renouvellement du contrat", ev.ID, d, start)
		return
	}
	p.Report(e, "debut_hebergement", "l'EFVP %s est datée du %s, après le début de la conservation ou du traitement hors Québec (%s) : l'évaluation doit précéder la communication (Loi sur l'accès, art. 70.1, al. 1 et 3)", ev.ID, d, start)
}

// startBeforeLoi25 returns the date that puts e under the regime before the
// EFVP duties of Loi 25 (2023-09-22, legal.md §4.8): its start (debut, or
// debut_hebergement for the inventory), else the signature of its linked
// agreement; "" when neither predates the cut-off. Rules that require an
// EFVP then give a warning (the transitional provisions were not found
// [U]); the EFVP is still required on renewal.
func startBeforeLoi25(p *Pass, e *model.Entry) string {
	key := "debut"
	if e.Kind == model.Inventaire {
		key = "debut_hebergement"
	}
	if d := e.Date(key); d != "" {
		if d < loi25Phase3 {
			return d
		}
		return ""
	}
	if ent := ref(p, e, "entente", model.Ententes); ent != nil {
		if d := ent.Date("date_signature"); d != "" && d < loi25Phase3 {
			return d
		}
	}
	return ""
}
