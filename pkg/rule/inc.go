package rule

import (
	"strings"
	"time"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Rules of the register of confidentiality incidents (A-2.1 art. 63.8–63.11;
// P-39.1 art. 3.5–3.8; regulation, r. 3.1, art. 7): both sectors.
func init() {
	E, W := finding.Error, finding.Warning
	inc := []*model.Kind{model.Incidents}
	base := "id: INC-0001\nrenseignements: Nom et adresse courriel de 120 clients\ncirconstances: Envoi d'un courriel au mauvais destinataire\nsurvenance: 2025-02-03\nconnaissance: 2025-02-04\nnombre_personnes: 120\nevaluation_risque: Renseignements peu sensibles ; destinataire de confiance.\nmesures: [Demande de destruction du courriel]\n"
	serious := "id: INC-0001\nrenseignements: Numéros d'assurance sociale de 40 employés\ncirconstances: Vol d'un ordinateur portable non chiffré\nsurvenance: 2025-02-03\nconnaissance: 2025-02-04\nnombre_personnes: 40\nevaluation_risque: Renseignements sensibles ; risque de vol d'identité.\nrisque_serieux: true\nmesures: [Plainte au service de police]\n"
	docOnly := func(id, title, law, text, bad, good string) *Rule {
		return &Rule{ID: id, Doc: Doc{Title: title, Law: law, LawPrivate: "P-39.1, art. 3.8 ; " + law, Severity: E, Confidence: "H", Text: text, Bad: bad, Good: good}}
	}
	register(
		&Rule{ID: "INC-001", Kinds: inc, Entry: inc001, Doc: Doc{
			Title: "Renseignements visés par l'incident non décrits", Law: "A-2.1, r. 3.1, art. 7, par. 1°", LawPrivate: "P-39.1, art. 3.8 ; A-2.1, r. 3.1, art. 7, par. 1°", Severity: E, Confidence: "H",
			Text: "Le registre des incidents décrit les renseignements personnels visés par l'incident (clé renseignements) ou, si cette information n'est pas connue, les raisons pour lesquelles il est impossible de les décrire (clé description_impossible).",
			Bad:  "circonstances: Intrusion dans le serveur de fichiers\n", Good: base + "# ou : description_impossible: L'analyse judiciaire du serveur est en cours.\n"}},
		docOnly("INC-002", "Circonstances de l'incident manquantes", "A-2.1, r. 3.1, art. 7, par. 2°",
			"Le registre contient une brève description des circonstances de l'incident (clé circonstances).",
			"circonstances: \"\"\n", "circonstances: Envoi d'un courriel au mauvais destinataire\n"),
		docOnly("INC-003", "Date ou période de l'incident manquante", "A-2.1, r. 3.1, art. 7, par. 3°",
			"Le registre indique la date ou la période où l'incident a eu lieu (clé survenance), ou une approximation (survenance_approximative: true). Une période s'écrit {debut: DATE, fin: DATE}.",
			"# pas de clé survenance\n", "survenance: {debut: 2025-01-20, fin: 2025-02-03}\nsurvenance_approximative: true\n"),
		docOnly("INC-004", "Date de prise de connaissance manquante", "A-2.1, r. 3.1, art. 7, par. 4°",
			"Le registre indique la date ou la période où l'organisme a pris connaissance de l'incident (clé connaissance).",
			"# pas de clé connaissance\n", "connaissance: 2025-02-04\n"),
		docOnly("INC-005", "Nombre de personnes concernées manquant", "A-2.1, r. 3.1, art. 7, par. 5°",
			"Le registre indique le nombre de personnes concernées par l'incident (clé nombre_personnes) ou, s'il n'est pas connu, une approximation (nombre_approximatif: true).",
			"# pas de clé nombre_personnes\n", "nombre_personnes: 120\nnombre_approximatif: true\n"),
		docOnly("INC-006", "Évaluation du risque de préjudice sérieux manquante", "A-2.1, r. 3.1, art. 7, par. 6°",
			"Le registre décrit les éléments qui amènent à conclure qu'il existe ou non un risque de préjudice sérieux pour les personnes concernées : sensibilité des renseignements, utilisations malveillantes possibles, conséquences appréhendées et leur probabilité (clé evaluation_risque), et la conclusion (risque_serieux: true ou false).",
			"evaluation_risque: \"\"\n", "evaluation_risque: Renseignements peu sensibles ; destinataire de confiance qui a détruit le courriel.\nrisque_serieux: false\n"),
		&Rule{ID: "INC-007", Kinds: inc, Entry: inc007, Doc: Doc{
			Title: "Incident à risque de préjudice sérieux sans avis à la Commission", Law: "A-2.1, art. 63.8, al. 2 ; A-2.1, r. 3.1, art. 7, par. 7°", LawPrivate: "P-39.1, art. 3.5, al. 2 ; A-2.1, r. 3.1, art. 7, par. 7°", Severity: E, Confidence: "H",
			Text: "Lorsque l'incident présente un risque de préjudice sérieux, l'organisme doit, avec diligence, aviser la Commission d'accès à l'information, et le registre indique la date de transmission de cet avis (clé avis_cai). L'obligation d'aviser est en vigueur depuis le 2022-09-22 (Loi 25) : un incident dont l'organisme a pris connaissance avant cette date (clé connaissance, à défaut survenance) n'est pas signalé.",
			Bad:  serious, Good: serious + "avis_cai: 2025-02-06\navis_personnes: 2025-02-07\n"}},
		&Rule{ID: "INC-008", Kinds: inc, Entry: inc008, Doc: Doc{
			Title: "Incident à risque de préjudice sérieux sans avis aux personnes concernées", Law: "A-2.1, art. 63.8, al. 2 et 3 ; A-2.1, r. 3.1, art. 7, par. 7°", LawPrivate: "P-39.1, art. 3.5 ; A-2.1, r. 3.1, art. 7, par. 7°", Severity: E, Confidence: "H",
			Text: "Lorsque l'incident présente un risque de préjudice sérieux, l'organisme avise aussi les personnes concernées, et le registre indique la date de transmission de cet avis (clé avis_personnes) ; un avis public (clé avis_public) en tient lieu dans les cas prévus par règlement. L'avis aux personnes peut être différé tant qu'il serait susceptible d'entraver une enquête d'un organisme chargé de prévenir, détecter ou réprimer le crime : indiquez alors la raison (clé avis_differe). Ce report est permis par la loi : la règle est alors muette, et « registre echeances » liste l'avis « à réévaluer » jusqu'à ce que sa date soit inscrite. Comme pour INC-007, un incident connu avant le 2022-09-22, date d'entrée en vigueur de l'obligation d'aviser, n'est pas signalé.",
			Bad:  serious + "avis_cai: 2025-02-06\n", Good: serious + "avis_cai: 2025-02-06\navis_personnes: 2025-02-07\n"}},
		docOnly("INC-009", "Mesures prises après l'incident manquantes", "A-2.1, r. 3.1, art. 7, par. 8°",
			"Le registre décrit brièvement les mesures prises par l'organisme, à la suite de l'incident, pour diminuer les risques qu'un préjudice soit causé (clé mesures).",
			"mesures: []\n", "mesures:\n  - Demande de destruction du courriel\n  - Rappel de la procédure d'envoi au personnel\n"),
		&Rule{ID: "INC-010", Kinds: inc, Entry: inc010, Doc: Doc{
			Title: "Incident connu avant d'avoir eu lieu", Law: "A-2.1, r. 3.1, art. 7, par. 3° et 4°", LawPrivate: "P-39.1, art. 3.8 ; A-2.1, r. 3.1, art. 7, par. 3° et 4°", Severity: W, Confidence: "M",
			Text: "La date (ou le début de la période) de prise de connaissance précède celle de l'incident : l'une des deux dates est probablement erronée.",
			Bad:  "survenance: 2025-02-03\nconnaissance: 2025-01-04\n", Good: "survenance: 2025-02-03\nconnaissance: 2025-02-04\n"}},
		&Rule{ID: "INC-011", Kinds: inc, Entry: inc011, Doc: Doc{
			Title: "Avis à la Commission tardif", Law: "A-2.1, art. 63.8, al. 2 (« avec diligence »)", LawPrivate: "P-39.1, art. 3.5, al. 2 (« avec diligence »)", Severity: W, Confidence: "L",
			Text: "L'avis à la Commission d'un incident à risque de préjudice sérieux se donne avec diligence. La loi ne fixe pas de délai : la règle signale un avis transmis plus de lint.delai_avis_cai_jours jours (30 par défaut) après la prise de connaissance de l'incident (la fin de la période, s'il s'agit d'une période). Documentez la raison du délai dans remarques et ignorez la règle pour cette inscription, ou ajustez le seuil dans registre.yaml.",
			Bad:  "connaissance: 2025-02-04\navis_cai: 2025-04-15\n", Good: "connaissance: 2025-02-04\navis_cai: 2025-02-06\n"}},
		&Rule{ID: "INC-012", Repo: inc012, Doc: Doc{
			Title: "Registre confidentiel ou interne demandé dans la publication", Law: "A-2.1, art. 63.11 ; A-2.1, r. 2, art. 4", LawPrivate: "P-39.1, art. 3.8", Severity: E, Confidence: "M",
			Text: "Le registre des incidents de confidentialité est confidentiel : il est tenu par l'organisme et une copie est transmise à la Commission à sa demande, jamais publiée. Les EFVP et les ententes sont des documents internes que le Règlement sur la diffusion ne demande pas de publier. « registre build » ne les publie jamais ; retirez-les de publication.registres dans registre.yaml.",
			Bad:  "publication:\n  registres: [inventaire, communications, incidents]\n", Good: "publication:\n  registres: [inventaire, communications]\n"}},
		&Rule{ID: "INC-013", Kinds: inc, Entry: inc013, Doc: Doc{
			Title: "Communication faite pour diminuer le risque sans destinataire ou sans renseignements", Law: "A-2.1, art. 63.8, al. 2", LawPrivate: "P-39.1, art. 3.5, al. 2", Severity: W, Confidence: "M",
			Text: "L'organisme peut communiquer des renseignements personnels à une personne ou à un organisme susceptible de diminuer le risque (p. ex. une institution financière) ; le responsable de la protection des renseignements personnels enregistre alors la communication. Chaque élément de communications_attenuation indique le destinataire (destinataire) et les renseignements communiqués (renseignements). Pour une entreprise, le texte de l'article 3.5, al. 2 de la Loi sur le privé qui impose cet enregistrement n'a pas été vérifié [U] : la règle reste un avertissement.",
			Bad:  "communications_attenuation:\n  - destinataire: Banque Exemple\n", Good: "communications_attenuation:\n  - destinataire: Banque Exemple\n    renseignements: Numéros de compte visés\n    date: 2025-02-05\n"}},
		&Rule{ID: "INC-014", Kinds: inc, Entry: inc014, Doc: Doc{
			Title: "Incident inscrit depuis plus de cinq ans", Law: "A-2.1, r. 3.1 (durée de conservation de 5 ans, non vérifiée)", LawPrivate: "P-39.1, art. 3.8 ; A-2.1, r. 3.1 (durée de conservation de 5 ans, non vérifiée)", Severity: finding.Off, Confidence: "L",
			Text: "Des sources secondaires indiquent que le registre des incidents est conservé au moins cinq ans ; l'article qui fixe cette durée n'a pas été vérifié. Cette règle, désactivée par défaut (lint: regles: {INC-014: info}), signale les incidents dont l'organisme a pris connaissance il y a plus de cinq ans, pour que leur conservation ou leur destruction soit revue selon le calendrier de conservation.",
			Bad:  "connaissance: 2019-05-10\n", Good: "connaissance: 2023-05-10\n"}},
	)
}

func inc001(p *Pass, e *model.Entry) {
	if e.Str("renseignements") == "" && e.Str("description_impossible") == "" {
		p.Report(e, "renseignements", "l'incident ne décrit pas les renseignements personnels visés (clé renseignements) ni les raisons pour lesquelles il est impossible de les décrire (clé description_impossible ; r. 3.1, art. 7, par. 1°)")
	}
}

// incArt names the article on incident notices for the organisation's sector.
func incArt(p *Pass) string {
	if p.Private() {
		return "Loi sur le privé, art. 3.5"
	}
	return "art. 63.8"
}

// incSerious reports whether e is an incident with a risk of serious injury
// that the notice duties of 63.8 (P-39.1 art. 3.5) reach: they came into
// force on 2022-09-22 (Loi 25, legal.md §0), so an incident the organisation
// became aware of before that day (connaissance, or survenance without it)
// owes no notice and INC-007/INC-008 stay silent.
func incSerious(e *model.Entry) bool {
	if !e.True("risque_serieux") {
		return false
	}
	if d := firstDate(e, "connaissance", "survenance"); d != "" && d < loi25Phase2 {
		return false
	}
	return true
}

func inc007(p *Pass, e *model.Entry) {
	if incSerious(e) && e.Str("avis_cai") == "" {
		p.Report(e, "risque_serieux", "incident à risque de préjudice sérieux sans date de l'avis à la Commission d'accès à l'information (clé avis_cai ; %s, al. 2 ; r. 3.1, art. 7, par. 7°)", incArt(p))
	}
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

func inc010(p *Pass, e *model.Entry) {
	s, c := e.Date("survenance"), e.Date("connaissance")
	if s != "" && c != "" && c < s {
		p.Report(e, "connaissance", "prise de connaissance le %s, avant la survenance de l'incident (%s) : l'une des deux dates est probablement erronée (r. 3.1, art. 7, par. 3° et 4°)", c, s)
	}
}

func inc011(p *Pass, e *model.Entry) {
	c, a := e.DateEnd("connaissance"), e.Date("avis_cai")
	if c == "" || a == "" {
		return
	}
	limit := p.Repo.Config.NoticeDelayDays()
	if d := daysBetween(c, a); d > limit {
		p.Report(e, "avis_cai", "avis à la Commission transmis %d jours après la prise de connaissance de l'incident (%s) : l'avis se donne avec diligence (%s, al. 2 ; seuil : %d jours)", d, c, incArt(p), limit)
	}
}

func inc012(p *Pass) {
	for i, name := range p.Repo.Config.Publication.Registres {
		k := model.KindByName(strings.TrimSpace(name))
		if k == nil || k.Published() {
			continue
		}
		why := "le registre des incidents de confidentialité est confidentiel : une copie est transmise à la Commission à sa demande, il n'est jamais publié (art. 63.11)"
		if p.Private() {
			why = "le registre des incidents de confidentialité est confidentiel : une copie est transmise à la Commission à sa demande, il n'est jamais publié (Loi sur le privé, art. 3.8)"
		}
		switch k {
		case model.EFVP:
			why = "les EFVP sont des documents internes, que le Règlement sur la diffusion ne demande pas de publier (r. 2, art. 4)"
			if p.Private() {
				why = "les EFVP sont des documents internes, qu'aucune disposition de la Loi sur le privé ne demande de publier"
			}
		case model.Ententes:
			why = "les ententes sont des documents internes, que le Règlement sur la diffusion ne demande pas de publier (r. 2, art. 4)"
			if p.Private() {
				why = "les ententes sont des documents internes, qu'aucune disposition de la Loi sur le privé ne demande de publier"
			}
		}
		p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(model.PathOf("publication", "registres", i)), model.PathOf("publication", "registres", i),
			"publication.registres nomme « %s » : %s ; retirez-le de la liste", name, why)
	}
}

func inc013(p *Pass, e *model.Entry) {
	items, _ := e.Values["communications_attenuation"].([]any)
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

func inc014(p *Pass, e *model.Entry) {
	c := e.DateEnd("connaissance")
	t, err := time.Parse("2006-01-02", c)
	if err != nil {
		return
	}
	if limit := t.AddDate(5, 0, 0).Format("2006-01-02"); p.Today > limit {
		p.Report(e, "connaissance", "incident connu le %s, il y a plus de cinq ans : revoyez sa conservation selon le calendrier de conservation (r. 3.1 ; durée de 5 ans non vérifiée)", c)
	}
}
