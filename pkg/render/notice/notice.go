// Package notice writes, from an incident entry and the organisation's
// settings, the two notices the Regulation respecting confidentiality
// incidents (A-2.1, r. 3.1 ; P-39.1, r. 3.1) requires after an incident that
// presents a risk of serious injury: to the Commission d'accès à
// l'information (art. 3) and to the persons concerned (art. 5). Each element
// of the notice comes from one key; an element the entry does not hold is a
// finding at its file:line, and no document is written.
package notice

import (
	"fmt"
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/render/internal/textutil"
)

// Recipient is who the notice is for.
type Recipient int

const (
	Commission Recipient = iota // r. 3.1, art. 3
	Persons                     // r. 3.1, art. 5
)

// ParseRecipient reads --destinataire.
func ParseRecipient(s string) (Recipient, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "commission", "cai":
		return Commission, nil
	case "personnes", "personnes-concernees", "personnes_concernees":
		return Persons, nil
	}
	return 0, fmt.Errorf("destinataire inconnu : %q (commission ou personnes)", s)
}

// Name is the recipient's name in file names and messages.
func (r Recipient) Name() string {
	if r == Persons {
		return "personnes"
	}
	return "commission"
}

// Item is one element of a notice: its heading, the provision that requires
// it, and its text (paragraphs, line breaks kept).
type Item struct {
	Heading string
	Ref     string
	Paras   []string
}

// Notice is a complete notice, ready to render.
type Notice struct {
	Recipient Recipient
	Title     string
	Subtitle  string
	Org       string
	Date      string // YYYY-MM-DD, the day it is written
	Intro     []string
	Items     []Item
	Closing   []string
	Law       string // the regulation, in the organisation's sector
}

// Build assembles the notice for incident e. It returns findings (errors) for
// every missing element; the notice is usable only when there are none.
func Build(repo *model.Repository, e *model.Entry, r Recipient, today string) (Notice, []finding.Finding) {
	b := &builder{repo: repo, e: e, r: r}
	reg := "A-2.1, r. 3.1"
	law := "Loi sur l'accès, art. 63.8"
	if repo.Config.Private() {
		reg = "P-39.1, r. 3.1"
		law = "Loi sur le privé, art. 3.5"
	}
	b.reg = reg
	cfg := repo.Config
	org := cfg.Organisme.Nom
	n := Notice{Recipient: r, Org: org, Date: today, Law: "Règlement sur les incidents de confidentialité (" + reg + ")"}
	if org == "" {
		b.missConfig("organisme/nom", "le nom de l'organisation", "art. 3, par. 1°")
	}
	if !b.e.True("risque_serieux") {
		b.findings = append(b.findings, finding.Finding{Path: e.Path, Pos: e.At("risque_serieux"), Severity: finding.Error, EntryID: e.ID, KeyPath: "risque_serieux",
			Message: "aucun avis n'est exigé : l'incident ne présente pas de risque de préjudice sérieux (risque_serieux n'est pas true ; " + law + ", al. 2)", Law: reg})
	}
	contact := b.contact()
	switch r {
	case Commission:
		n.Title = "Avis à la Commission d'accès à l'information — incident de confidentialité"
		n.Subtitle = fmt.Sprintf("%s — inscription %s — %s", org, e.ID, textutil.FrenchDate(today))
		n.Intro = []string{fmt.Sprintf("Avis donné en application de l'article %s et de l'article 3 du Règlement sur les incidents de confidentialité (%s).", strings.TrimPrefix(law, "Loi sur l'accès, art. "), reg)}
		if cfg.Private() {
			n.Intro = []string{fmt.Sprintf("Avis donné en application de l'article 3.5 de la Loi sur la protection des renseignements personnels dans le secteur privé et de l'article 3 du Règlement sur les incidents de confidentialité (%s).", reg)}
		}
		orgLine := org
		if cfg.Organisme.NEQ != "" {
			orgLine += "\nNuméro d'entreprise du Québec : " + cfg.Organisme.NEQ
		}
		n.Items = []Item{
			{"Organisation", "art. 3, par. 1°", []string{orgLine}},
			{"Personne à contacter", "art. 3, par. 2°", []string{contact}},
			b.information("art. 3, par. 3°"),
			{"Circonstances de l'incident", "art. 3, par. 4°", b.circumstances()},
			{"Date ou période de l'incident", "art. 3, par. 5°", []string{b.when("survenance", "survenance_approximative", "art. 3, par. 5°")}},
			{"Date ou période de la prise de connaissance", "art. 3, par. 6°", []string{b.when("connaissance", "", "art. 3, par. 6°")}},
			{"Nombre de personnes concernées", "art. 3, par. 7°", []string{b.count()}},
			{"Éléments qui amènent à conclure à un risque de préjudice sérieux", "art. 3, par. 8°", []string{b.text("evaluation_risque", "les éléments de l'évaluation du risque", "art. 3, par. 8°")}},
			{"Mesures pour aviser les personnes concernées", "art. 3, par. 9°", b.notifyPersons()},
			{"Mesures prises ou envisagées pour diminuer les risques", "art. 3, par. 10°", b.list("mesures", "les mesures prises pour diminuer les risques", "art. 3, par. 10°")},
		}
		if others := e.Strings("autorites_avisees"); len(others) > 0 {
			n.Items = append(n.Items, Item{"Autres personnes ou organismes avisés", "art. 3, par. 11°", []string{bullets(others)}})
		} else {
			n.Items = append(n.Items, Item{"Autres personnes ou organismes avisés", "art. 3, par. 11°", []string{"Aucun."}})
		}
		n.Closing = []string{"L'organisation avisera la Commission de tout renseignement visé ci-dessus dont elle prendrait connaissance après la transmission du présent avis (r. 3.1, art. 4)."}
	case Persons:
		n.Title = "Avis d'incident de confidentialité touchant vos renseignements personnels"
		n.Subtitle = fmt.Sprintf("%s — %s", org, textutil.FrenchDate(today))
		n.Intro = []string{
			"Madame, Monsieur,",
			"Nous vous écrivons parce qu'un incident de confidentialité touche des renseignements personnels vous concernant que nous détenons. La loi nous oblige à vous en aviser, car cet incident présente un risque de préjudice sérieux pour vous. Voici ce qui s'est passé, ce que nous avons fait et ce que vous pouvez faire.",
		}
		info := b.information("art. 5, par. 1°")
		info.Heading = "Les renseignements touchés"
		n.Items = []Item{
			info,
			{"Ce qui s'est passé", "art. 5, par. 2°", []string{b.text("circonstances", "une brève description des circonstances", "art. 5, par. 2°")}},
			{"Quand", "art. 5, par. 3°", []string{b.when("survenance", "survenance_approximative", "art. 5, par. 3°")}},
			{"Ce que nous avons fait", "art. 5, par. 4°", b.list("mesures", "les mesures prises pour diminuer le risque de préjudice", "art. 5, par. 4°")},
			{"Ce que vous pouvez faire", "art. 5, par. 5°", b.list("mesures_suggerees", "les mesures que la personne peut prendre pour diminuer le risque ou atténuer le préjudice", "art. 5, par. 5°")},
			{"Pour nous joindre", "art. 5, par. 6°", []string{contact}},
		}
		n.Closing = []string{"Nous regrettons cet incident et restons à votre disposition pour répondre à vos questions.", "Vous pouvez aussi vous adresser à la Commission d'accès à l'information du Québec."}
	}
	return n, b.findings
}

type builder struct {
	repo     *model.Repository
	e        *model.Entry
	r        Recipient
	reg      string
	findings []finding.Finding
}

func (b *builder) what() string {
	if b.r == Persons {
		return "avis aux personnes concernées"
	}
	return "avis à la Commission"
}

// miss records a missing element of the entry, at key (or the nearest key).
func (b *builder) miss(key, what, ref string) {
	law := b.reg
	if ref != "" {
		law += ", " + ref
	}
	b.findings = append(b.findings, finding.Finding{Path: b.e.Path, Pos: b.e.At(key), Severity: finding.Error, EntryID: b.e.ID, KeyPath: key,
		Message: fmt.Sprintf("%s incomplet : il manque %s (clé %s)", b.what(), what, key), Law: law})
}

// missConfig records a missing element of registre.yaml.
func (b *builder) missConfig(key, what, ref string) {
	b.findings = append(b.findings, finding.Finding{Path: model.ConfigFile, Pos: b.repo.ConfigAt(key), Severity: finding.Error, KeyPath: key,
		Message: fmt.Sprintf("%s incomplet : il manque %s (registre.yaml, clé %s)", b.what(), what, key), Law: b.reg + ", " + ref})
}

func (b *builder) text(key, what, ref string) string {
	s := strings.TrimSpace(b.e.Str(key))
	if s == "" {
		b.miss(key, what, ref)
	}
	return s
}

func (b *builder) list(key, what, ref string) []string {
	items := nonEmpty(b.e.Strings(key))
	if len(items) == 0 {
		b.miss(key, what, ref)
		return nil
	}
	return []string{bullets(items)}
}

func nonEmpty(xs []string) []string {
	var out []string
	for _, x := range xs {
		if s := strings.TrimSpace(x); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func bullets(xs []string) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("– " + strings.TrimSpace(x))
	}
	return b.String()
}

// information: the personal information concerned, or why it cannot be described.
func (b *builder) information(ref string) Item {
	it := Item{Heading: "Renseignements personnels visés", Ref: ref}
	if s := strings.TrimSpace(b.e.Str("renseignements")); s != "" {
		it.Paras = []string{s}
		return it
	}
	if s := strings.TrimSpace(b.e.Str("description_impossible")); s != "" {
		it.Paras = []string{"Les renseignements visés ne peuvent pas être décrits : " + s}
		return it
	}
	b.miss("renseignements", "la description des renseignements visés, ou la raison pour laquelle ils ne peuvent être décrits (description_impossible)", ref)
	return it
}

func (b *builder) circumstances() []string {
	out := []string{b.text("circonstances", "une brève description des circonstances", "art. 3, par. 4°")}
	if c := strings.TrimSpace(b.e.Str("cause")); c != "" {
		out = append(out, "Cause : "+c)
	} else {
		out = append(out, "Cause : inconnue à ce jour.")
	}
	return out
}

// when renders a date or a period, with « environ » when approximate.
func (b *builder) when(key, approxKey, ref string) string {
	start, end := b.e.Date(key), b.e.DateEnd(key)
	if start == "" {
		b.miss(key, "la date ou la période ("+key+")", ref)
		return ""
	}
	s := "Le " + textutil.FrenchDate(start)
	if end != "" && end != start {
		s = "Du " + textutil.FrenchDate(start) + " au " + textutil.FrenchDate(end)
	}
	if approxKey != "" && b.e.True(approxKey) {
		s += " (approximation)"
	}
	return s + "."
}

func (b *builder) count() string {
	n, ok := intOf(b.e.Values["nombre_personnes"])
	if !ok {
		b.miss("nombre_personnes", "le nombre de personnes concernées, ou son approximation", "art. 3, par. 7°")
		return ""
	}
	approx := ""
	if b.e.True("nombre_approximatif") {
		approx = "environ "
	}
	people := "personne concernée"
	if n > 1 {
		people = "personnes concernées"
	}
	q, okQ := intOf(b.e.Values["nombre_quebec"])
	if !okQ {
		b.miss("nombre_quebec", "le nombre de personnes concernées qui résident au Québec, ou son approximation", "art. 3, par. 7°")
		return ""
	}
	live := "réside"
	if q > 1 {
		live = "résident"
	}
	s := fmt.Sprintf("%s%s %s, dont %s%s %s au Québec.", approx, textutil.FormatInt(n), people, approx, textutil.FormatInt(q), live)
	return strings.ToUpper(s[:1]) + s[1:]
}

func intOf(v any) (int, bool) {
	switch t := v.(type) {
	case int64:
		return int(t), t >= 0
	case int:
		return t, t >= 0
	}
	return 0, false
}

// notifyPersons: the measures to notify the persons, and when they were or will be notified.
func (b *builder) notifyPersons() []string {
	out := []string{b.text("mesures_avis", "les mesures prises ou envisagées pour aviser les personnes concernées", "art. 3, par. 9°")}
	switch {
	case b.e.Date("avis_personnes") != "":
		out = append(out, "Les personnes concernées ont été avisées le "+textutil.FrenchDate(b.e.Date("avis_personnes"))+".")
	case b.e.Date("avis_personnes_prevu") != "":
		out = append(out, "Les personnes concernées seront avisées au plus tard le "+textutil.FrenchDate(b.e.Date("avis_personnes_prevu"))+".")
	case strings.TrimSpace(b.e.Str("avis_differe")) != "":
		out = append(out, "L'avis aux personnes concernées est différé pour ne pas entraver une enquête : "+strings.TrimSpace(b.e.Str("avis_differe")))
	default:
		b.miss("avis_personnes_prevu", "la date de l'avis aux personnes (avis_personnes), la date prévue (avis_personnes_prevu) ou la raison d'un report (avis_differe)", "art. 3, par. 9°")
	}
	return out
}

// contact: the person to contact, from the entry or from registre.yaml.
func (b *builder) contact() string {
	c := b.e.Map("contact")
	name, title, mail, tel := model.AsString(c["nom"]), model.AsString(c["titre"]), model.AsString(c["courriel"]), model.AsString(c["telephone"])
	fromConfig := name == "" && mail == "" && tel == ""
	if fromConfig {
		r := b.repo.Config.Responsable
		name, title, mail, tel = r.Nom, r.Titre, r.Courriel, r.Telephone
	}
	ref := "art. 3, par. 2°"
	if b.r == Persons {
		ref = "art. 5, par. 6°"
	}
	if name == "" && b.r == Commission {
		if fromConfig {
			b.missConfig("responsable/nom", "le nom de la personne à contacter (ou la clé contact de l'incident)", ref)
		} else {
			b.miss("contact", "le nom de la personne à contacter (contact: nom)", ref)
		}
	}
	if mail == "" && tel == "" {
		if fromConfig {
			b.missConfig("responsable/courriel", "les coordonnées de la personne à contacter : courriel ou téléphone (ou la clé contact de l'incident)", ref)
		} else {
			b.miss("contact", "les coordonnées de la personne à contacter (contact: courriel ou telephone)", ref)
		}
	}
	var lines []string
	if name != "" {
		lines = append(lines, name)
	}
	if title != "" {
		lines = append(lines, title)
	}
	if mail != "" {
		lines = append(lines, "Courriel : "+mail)
	}
	if tel != "" {
		lines = append(lines, "Téléphone : "+tel)
	}
	return strings.Join(lines, "\n")
}
