package rule

import (
	"sort"
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Rules of written agreements (ententes).
func init() {
	E, W := finding.Error, finding.Warning
	ent := []*model.Kind{model.Ententes}
	base := "id: ENT-0001\ntitre: Entente de communication\nparties: [Ministère de l'Exemple, Retraite Québec]\ndate_signature: 2024-06-01\ntransmission_cai: 2024-06-10\n"
	items := "fins: Administration du régime de retraite\nrenseignements: Nom, prénom, date d'embauche\nmoyens: Transfert de fichier sécurisé\nmesures_securite: Chiffrement et accès restreint\nperiodicite: Mensuelle\nduree: Trois ans, renouvelable\n"
	register(
		&Rule{ID: "ENT-001", Kinds: ent, Sector: PublicOnly, Entry: ent001, Doc: Doc{
			Title: "Entente de l'art. 68 incomplète", Law: "A-2.1, art. 68, al. 3", Severity: E, Confidence: "H",
			Text: "L'entente de l'article 68 mentionne l'identification de l'organisme qui communique et de celui qui reçoit (au moins deux parties), les fins de la communication, la nature des renseignements communiqués, le mode de communication utilisé, les mesures de sécurité propres à assurer la protection des renseignements, la périodicité de la communication et la durée de l'entente. Inscrivez chacun de ces éléments (clés parties, fins, renseignements, moyens, mesures_securite, periodicite, duree).",
			Bad:  base + "articles: [Article 68 de la Loi sur l'accès]\nfins: Administration du régime de retraite\n",
			Good: base + "articles: [Article 68 de la Loi sur l'accès]\n" + items}},
		&Rule{ID: "ENT-002", Kinds: ent, Sector: PublicOnly, Entry: ent002, Doc: Doc{
			Title: "Entente de collecte (art. 64) incomplète", Law: "A-2.1, art. 64, al. 4", Severity: E, Confidence: "H",
			Text: "L'entente de collecte de l'article 64 mentionne les organismes en cause (au moins deux parties), les fins, la nature ou le type des renseignements recueillis, les moyens de collecte, les mesures de protection, la périodicité de la collecte et la durée de l'entente. Inscrivez chacun de ces éléments (clés parties, fins, renseignements, moyens, mesures_securite, periodicite, duree).",
			Bad:  base + "articles: [Article 64 de la Loi sur l'accès]\n",
			Good: base + "articles: [Article 64 de la Loi sur l'accès]\n" + items}},
		&Rule{ID: "ENT-003", Kinds: ent, Sector: PublicOnly, Entry: ent003, Doc: Doc{
			Title: "Entente de recherche (67.2.1) sans toutes les clauses exigées", Law: "A-2.1, art. 67.2.3", Severity: E, Confidence: "M",
			Text: "Selon la Commission d'accès à l'information, l'entente de communication à des fins de recherche prévoit que les renseignements ne sont accessibles qu'aux personnes qui en ont besoin et ont signé un engagement de confidentialité, ne servent à aucune autre fin, ne sont pas appariés à d'autres fichiers sans que ce soit prévu et ne sont ni communiqués ni publiés sous une forme nominative ; elle couvre aussi l'information des personnes jointes, les mesures de protection, la durée de conservation, l'avis de destruction et l'avis à l'organisme et à la Commission de tout manquement. Cochez chaque clause présente dans la clé clauses.",
			Bad:  base + "articles: [Article 67.2.1 de la Loi sur l'accès]\nclauses: [fins_exclusives]\n",
			Good: base + "articles: [Article 67.2.1 de la Loi sur l'accès]\nclauses: [" + strings.Join(model.ClausesRecherche, ", ") + "]\n"}},
		&Rule{ID: "ENT-004", Repo: ent004, Doc: Doc{
			Title: "Entente pour une communication hors Québec sans EFVP liée", Law: "A-2.1, art. 70.1, al. 2", LawPrivate: "P-39.1, art. 17", Severity: W, Confidence: "M",
			Text: "L'entente écrite d'une communication à l'extérieur du Québec tient compte notamment des résultats de l'évaluation des facteurs relatifs à la vie privée et, le cas échéant, des modalités convenues pour atténuer les risques. L'entente cite l'article 70.1, ou une inscription communiquée ou conservée hors Québec (hors_quebec: true) la référence : liez l'EFVP dont elle tient compte (clé efvp).",
			Bad:  base + "articles: [Article 70.1 de la Loi sur l'accès]\n", Good: base + "articles: [Article 70.1 de la Loi sur l'accès]\nefvp: EFVP-0001\n"}},
		&Rule{ID: "ENT-005", Doc: Doc{
			Title: "Élément de l'entente manquant", Law: "A-2.1, art. 64, 67.2, 67.2.1, 68 et 70.1", LawPrivate: "P-39.1, art. 17, 18.4 et 21", Severity: E, Confidence: "H",
			Text: "Une entente inscrite indique son titre (titre), ses parties (parties) et sa date de signature (date_signature) : les règles qui vérifient les délais (entrée en vigueur 30 jours après la transmission à la Commission, régime d'avant le 2023-09-22) en dépendent.",
			Bad:  "date_signature: \"\"\n", Good: "date_signature: 2024-06-01\n"}},
		&Rule{ID: "ENT-006", Kinds: ent, Entry: ent006, Doc: Doc{
			Title: "Entente transmise à la Commission avant sa signature", Law: "A-2.1, art. 64, al. 3 ; art. 67.2.3 ; art. 68", LawPrivate: "P-39.1, art. 21 et suiv.", Severity: W, Confidence: "H",
			Text: "La date de transmission à la Commission (transmission_cai) précède la date de signature (date_signature) : l'entente transmise est l'entente conclue. L'une des deux dates est probablement erronée ; corrigez-la, car elle fixe l'entrée en vigueur de l'entente.",
			Bad:  "date_signature: 2024-06-01\ntransmission_cai: 2024-05-15\n", Good: "date_signature: 2024-06-01\ntransmission_cai: 2024-06-10\n"}},
	)
}

// entCiteLine returns the key path of the first articles line citing instr/art, and whether there is one.
func entCiteLine(e *model.Entry, c citation.Cell, instr, art string) (string, bool) {
	paths := itemPaths(e, "articles")
	for i, l := range c.Lines {
		if l.Kind != citation.Citation {
			continue
		}
		for _, r := range l.Refs {
			if r.Instrument == instr && r.Article == art {
				if i < len(paths) {
					return paths[i], true
				}
				return "articles", true
			}
		}
	}
	return "", false
}

// entMissingItems lists the agreement items of 68 al. 3 / 64 al. 4 that e lacks.
func entMissingItems(e *model.Entry, means string) []string {
	var miss []string
	if n := len(e.Strings("parties")); n == 1 {
		miss = append(miss, "l'identification des deux parties (parties : une seule inscrite)")
	}
	for _, it := range []struct{ key, french string }{
		{"fins", "les fins (fins)"},
		{"renseignements", "la nature des renseignements (renseignements)"},
		{"moyens", means + " (moyens)"},
		{"mesures_securite", "les mesures de sécurité (mesures_securite)"},
		{"periodicite", "la périodicité (periodicite)"},
		{"duree", "la durée de l'entente (duree)"},
	} {
		if e.Str(it.key) == "" {
			miss = append(miss, it.french)
		}
	}
	return miss
}

func ent001(p *Pass, e *model.Entry) {
	at, ok := entCiteLine(e, p.Citations(e), "A-2.1", "68")
	if !ok {
		return
	}
	if miss := entMissingItems(e, "le mode de communication"); len(miss) > 0 {
		p.Report(e, at, "entente de l'article 68 incomplète (art. 68, al. 3) : il manque %s", strings.Join(miss, ", "))
	}
}

func ent002(p *Pass, e *model.Entry) {
	at, ok := entCiteLine(e, p.Citations(e), "A-2.1", "64")
	if !ok {
		return
	}
	if miss := entMissingItems(e, "les moyens de collecte"); len(miss) > 0 {
		p.Report(e, at, "entente de collecte incomplète (art. 64, al. 4) : il manque %s", strings.Join(miss, ", "))
	}
}

// entClauseFrench describes the research-agreement clauses (model.ClausesRecherche).
var entClauseFrench = map[string]string{
	"acces_restreint_engagement":       "accès réservé aux personnes qui en ont besoin et ont signé un engagement de confidentialité",
	"fins_exclusives":                  "aucune utilisation à d'autres fins",
	"aucun_appariement":                "aucun appariement avec d'autres fichiers qui ne soit prévu",
	"aucune_publication_nominative":    "aucune communication ni publication sous une forme permettant d'identifier les personnes",
	"information_personnes_contactees": "information donnée aux personnes jointes pour la recherche",
	"mesures_protection":               "mesures de protection, y compris celles de l'EFVP",
	"duree_conservation":               "durée de conservation",
	"avis_destruction":                 "avis de destruction des renseignements",
	"avis_manquement_cai":              "avis à l'organisme et à la Commission de tout manquement ou incident",
}

func ent003(p *Pass, e *model.Entry) {
	at, ok := entCiteLine(e, p.Citations(e), "A-2.1", "67.2.1")
	if !ok {
		return
	}
	have := map[string]bool{}
	for _, c := range e.Strings("clauses") {
		have[c] = true
	}
	var miss []string
	for _, c := range model.ClausesRecherche {
		if !have[c] {
			fr := entClauseFrench[c]
			if fr == "" {
				fr = c
			}
			miss = append(miss, fr+" ("+c+")")
		}
	}
	if len(miss) > 0 {
		key := "clauses"
		if !e.Has("clauses") {
			key = at
		}
		p.Report(e, key, "entente de recherche (art. 67.2.1) sans les clauses exigées par la Commission (art. 67.2.3) : %s", strings.Join(miss, " ; "))
	}
}

// ent004 runs once: it indexes the agreements referenced by entries kept or
// communicated outside Québec, then checks every agreement.
func ent004(p *Pass) {
	outside := map[string][]string{} // agreement id → ids of entries outside Québec that reference it
	var ents []*model.Entry
	for _, e := range p.Repo.Entries {
		if e.Kind == model.Ententes {
			ents = append(ents, e)
			continue
		}
		if e.True("hors_quebec") && !exceptionOf(p, e) {
			if id := e.Str("entente"); id != "" {
				outside[id] = append(outside[id], e.ID)
			}
		}
	}
	law := "art. 70.1, al. 2"
	if p.Private() {
		law = "Loi sur le privé, art. 17"
	}
	for _, e := range ents {
		if e.Str("efvp") != "" {
			continue
		}
		c := p.Citations(e)
		at, cited := entCiteLine(e, c, "A-2.1", "70.1")
		if !cited {
			at, cited = entCiteLine(e, c, "P-39.1", "17")
		}
		if by := outside[e.ID]; len(by) > 0 {
			sort.Strings(by)
			if len(by) > 3 {
				by = append(by[:3:3], "…")
			}
			p.Report(e, "efvp", "entente d'une communication à l'extérieur du Québec (référencée par %s, hors_quebec: true) sans EFVP liée (clé efvp) : elle doit tenir compte des résultats de l'évaluation (%s)", strings.Join(by, ", "), law)
			continue
		}
		if cited {
			p.Report(e, at, "entente d'une communication à l'extérieur du Québec sans EFVP liée (clé efvp) : elle doit tenir compte des résultats de l'évaluation (%s)", law)
		}
	}
}

func ent006(p *Pass, e *model.Entry) {
	t, s := e.Date("transmission_cai"), e.Date("date_signature")
	if t != "" && s != "" && t < s {
		p.Report(e, "transmission_cai", "entente transmise à la Commission le %s, avant sa signature le %s : l'une des deux dates est probablement erronée ; la date de transmission fixe l'entrée en vigueur de l'entente", t, s)
	}
}
