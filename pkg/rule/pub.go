package rule

import (
	"fmt"
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/pii"
	"github.com/registre-qc/registre/pkg/schema"
)

// Publication rules (legal.md §8.6). PUB-005 and PUB-006 of the legal
// analysis are not findings but exemptions built into PUB-003 and PUB-004
// (recipient names, function contact details); PUB-008 cannot fire because
// the build stamps the update date from git. None of the three is registered.

// Categories of public bodies bound by the Règlement sur la diffusion (A-2.1, r. 2);
// an empty category counts as bound (the common case: a ministry or agency).
var diffusionBound = map[string]bool{"": true, "ministere": true, "organisme_gouvernemental": true}

// Categories of bodies of art. 5 to 7, outside r. 2.
var diffusionExcluded = map[string]string{
	"municipal": "organisme municipal (art. 5)",
	"scolaire":  "organisme scolaire (art. 6)",
	"sante":     "établissement de santé ou de services sociaux (art. 7)",
}

func init() {
	E, W, I := finding.Error, finding.Warning, finding.Info
	uticol := []*model.Kind{model.Utilisations, model.Collectes}
	register(
		&Rule{ID: "PUB-001", Sector: PublicOnly, Repo: pub001, Doc: Doc{
			Title: "Inventaire ou registre des communications absent de la publication",
			Law:   "A-2.1, art. 16.1 ; A-2.1, r. 2, art. 4, par. 5° et 6°", Severity: E, Confidence: "M",
			Text: "Un ministère ou un organisme gouvernemental est visé par le Règlement sur la diffusion de l'information et sur la protection des renseignements personnels (chapitre A-2.1, r. 2). Son article 4 exige la diffusion dans le site Internet de l'inventaire des fichiers de renseignements personnels (par. 5°) et du registre prévu à l'article 67.3 de la Loi sur l'accès (par. 6°). " +
				"La liste publication.registres de registre.yaml doit donc comprendre inventaire et communications (sans cette liste, les registres inventaire, communications, utilisations et collectes sont publiés). Un organisme municipal, scolaire ou de santé indique sa catégorie (organisme.categorie) : le règlement ne le vise pas (règle PUB-002).",
			Bad:  "organisme: {nom: Ministère de l'Exemple, secteur: public, categorie: ministere}\npublication:\n  registres: [communications, utilisations]\n",
			Good: "organisme: {nom: Ministère de l'Exemple, secteur: public, categorie: ministere}\npublication:\n  registres: [inventaire, communications, utilisations, collectes]\n"}},
		&Rule{ID: "PUB-002", Sector: PublicOnly, Repo: pub002, Doc: Doc{
			Title: "Organisme municipal, scolaire ou de santé : le Règlement sur la diffusion ne s'applique pas",
			Law:   "A-2.1, r. 2, art. 1 ; A-2.1, art. 5 à 7", Severity: I, Confidence: "M",
			Text: "Le Règlement sur la diffusion de l'information (chapitre A-2.1, r. 2) ne vise pas les organismes publics des articles 5 à 7 de la Loi sur l'accès (organismes municipaux, scolaires, de santé et de services sociaux) : la diffusion de l'inventaire et du registre dans le site Internet n'est pas exigée par ce règlement. " +
				"L'organisme doit quand même tenir l'inventaire de ses fichiers (art. 76) et le registre des communications (art. 67.3) ; registre les vérifie de la même façon. Message d'information : désactivez-le au besoin (lint.regles, PUB-002: off).",
			Bad:  "organisme: {nom: Municipalité de l'Exemple, secteur: public, categorie: municipal}\n",
			Good: "organisme: {nom: Ministère de l'Exemple, secteur: public, categorie: ministere}\n"}},
		&Rule{ID: "PUB-003", Kinds: publicKinds(), Entry: pub003, Doc: Doc{
			Title: "Renseignement personnel d'une personne concernée dans un registre publié",
			Law:   "A-2.1, art. 53 et 54", LawPrivate: "P-39.1, art. 13", Severity: E, Confidence: "M",
			Text: "Un registre publié décrit des catégories de renseignements et de personnes, jamais les renseignements d'une personne concernée. Les règles de confidentialité (Loi sur l'accès, art. 53 et 54 ; Loi sur le privé, art. 13 : publier le renseignement d'une personne est une communication sans consentement) interdisent de diffuser, dans une colonne publiée, un numéro d'assurance sociale (vérifié par la clé de Luhn), un numéro d'assurance maladie, une date de naissance complète, une adresse courriel personnelle (Gmail, Hotmail, Outlook.com, Vidéotron…), un numéro de cellulaire ou de domicile, ou une adresse civique avec code postal. " +
				"Le constat nomme la colonne et le type de renseignement, et masque la valeur. Ne sont jamais signalés : le destinataire d'une communication, même une personne physique (la loi exige de le nommer, art. 67.3, al. 3, par. 2°), les coordonnées de fonction (art. 57 ; p. ex. acces@organisme.gouv.qc.ca, celles du responsable de registre.yaml) et une date seule, qui n'est pas une date de naissance. Heuristique : précision mesurée : 1,00 sur 50 phrases (rappel 0,95 ; corpus testdata/heuristics/PUB-003.tsv).",
			Bad:  "renseignements: |\n  Nom et NAS de la personne (p. ex. 046 454 286), cellulaire : 514 555-0123\n",
			Good: "renseignements: |\n  Nom, numéro d'assurance sociale et numéro de téléphone de la personne\n"}},
		&Rule{ID: "PUB-004", Kinds: uticol, Sector: PublicOnly, Entry: pub004, Doc: Doc{
			Title: "Nom d'une personne dans une catégorie de personnes ayant accès",
			Law:   "A-2.1, art. 67.3, al. 2 ; art. 53 et 56", Severity: W, Confidence: "L",
			Text: "La colonne des personnes qui ont accès aux renseignements énumère des catégories de personnes (des fonctions ou des unités), pas des individus : un nom change avec les affectations et, joint à d'autres renseignements, devient un renseignement personnel (art. 56). Remplacez le nom par la fonction. " +
				"La détection est heuristique (deux ou trois mots à majuscule sans mot de fonction ni d'organisme, comme pour l'inventaire) ; si la valeur est bien une catégorie, ignorez la règle pour l'inscription en donnant la raison. Pour l'inventaire, la même vérification est faite par INV-009. Heuristique : précision mesurée : 0,95 sur 54 phrases (rappel 1,00 ; corpus testdata/heuristics/PUB-004.tsv).",
			Bad:  "personnes_acces:\n  - Jean Tremblay, analyste\n",
			Good: "personnes_acces:\n  - Analystes de la Direction de la recherche\n"}},
		&Rule{ID: "PUB-010", Repo: pub010, Doc: Doc{
			Title: "Valeur à remplacer de registre init laissée dans registre.yaml",
			Law:   "A-2.1, art. 8 et 67.3 ; A-2.1, r. 2, art. 4", LawPrivate: "P-39.1, art. 3.2", Severity: E, Confidence: "H",
			Text: "« registre init » écrit dans registre.yaml des valeurs à remplacer, comme le nom de l'organisme (« Nom de l'organisme »). " +
				"Publiée telle quelle, une telle valeur ne désigne pas l'organisme qui tient les registres : la vérification échoue et « registre build » refuse de publier tant qu'elle reste.",
			Bad:  "organisme:\n  nom: Nom de l'organisme\n",
			Good: "organisme:\n  nom: Ministère des Transports et de la Mobilité durable\n"}},
		&Rule{ID: "PUB-007", Sector: PrivateOnly, Repo: pub007, Doc: Doc{
			Title: "Entreprise : aucune obligation de publier des registres",
			Law:   "P-39.1, art. 3.2", Severity: I, Confidence: "M",
			Text: "La Loi sur le privé n'oblige pas une entreprise à publier ses registres : elle doit plutôt publier sur son site Internet, en termes simples et clairs, de l'information détaillée sur ses politiques et pratiques de gouvernance des renseignements personnels (art. 3.2). La section publication de registre.yaml reste permise si l'entreprise publie ses registres volontairement.",
			Bad:  "organisme: {nom: Entreprise Exemple inc., secteur: prive}\npublication:\n  registres: [communications]\n",
			Good: "organisme: {nom: Entreprise Exemple inc., secteur: prive}\n"}},
	)
}

// publicKinds returns the kinds whose entries may be published.
func publicKinds() []*model.Kind {
	var ks []*model.Kind
	for _, k := range model.Kinds {
		if k.Published() {
			ks = append(ks, k)
		}
	}
	return ks
}

func publishedNames(c *model.Config) []string {
	if len(c.Publication.Registres) == 0 {
		return model.DefaultPublished
	}
	return c.Publication.Registres
}

func pub010(p *Pass) {
	seen := map[string]bool{}
	for _, ph := range schema.Placeholders() {
		v := configString(&p.Repo.Config, ph.Path)
		if seen[ph.Path] || !schema.IsPlaceholder(ph.Path, v) {
			continue
		}
		seen[ph.Path] = true
		p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(ph.Path), ph.Path,
			"%s garde la valeur à remplacer de « registre init » (« %s ») : écrivez celle de votre organisme avant de publier",
			strings.ReplaceAll(ph.Path, "/", "."), strings.TrimSpace(v))
	}
}

// configString returns a text setting of registre.yaml by key path ("" when unknown).
func configString(c *model.Config, path string) string {
	switch path {
	case "organisme/nom":
		return c.Organisme.Nom
	case "organisme/sigle":
		return c.Organisme.Sigle
	case "responsable/titre":
		return c.Responsable.Titre
	case "responsable/nom":
		return c.Responsable.Nom
	case "responsable/courriel":
		return c.Responsable.Courriel
	case "responsable/telephone":
		return c.Responsable.Telephone
	case "responsable/adresse":
		return c.Responsable.Adresse
	case "publication/titre":
		return c.Publication.Titre
	case "publication/url":
		return c.Publication.URL
	}
	return ""
}

func pub001(p *Pass) {
	c := &p.Repo.Config
	if !diffusionBound[c.Organisme.Categorie] {
		return
	}
	names := publishedNames(c)
	kp := "publication/registres"
	if !hasValue(names, "inventaire") {
		p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(kp), kp,
			"publication.registres ne comprend pas inventaire : un %s doit diffuser l'inventaire de ses fichiers de renseignements personnels dans son site Internet (A-2.1, r. 2, art. 4, par. 5°)", orgFrench(c))
	}
	if !hasValue(names, "communications") {
		p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(kp), kp,
			"publication.registres ne comprend pas communications : un %s doit diffuser le registre de l'article 67.3 dans son site Internet (A-2.1, r. 2, art. 4, par. 6°)", orgFrench(c))
	}
}

func orgFrench(c *model.Config) string {
	if c.Organisme.Categorie == "organisme_gouvernemental" {
		return "organisme gouvernemental"
	}
	if c.Organisme.Categorie == "ministere" {
		return "ministère"
	}
	return "organisme public visé par le Règlement sur la diffusion"
}

func pub002(p *Pass) {
	c := &p.Repo.Config
	what, ok := diffusionExcluded[c.Organisme.Categorie]
	if !ok {
		return
	}
	kp := "organisme/categorie"
	p.ReportFile(model.ConfigFile, p.Repo.ConfigAt(kp), kp,
		"%s : le Règlement sur la diffusion (A-2.1, r. 2, art. 1) ne s'applique pas ; l'inventaire (art. 76) et le registre des communications (art. 67.3) restent obligatoires", what)
}

func pub007(p *Pass) {
	pub := &p.Repo.Config.Publication
	if pub.Titre == "" && pub.URL == "" && len(pub.Registres) == 0 && len(pub.Preambules) == 0 {
		return
	}
	kp := "publication"
	at := (&model.Entry{Positions: p.Repo.ConfigPositions}).KeyAt(kp)
	p.ReportFile(model.ConfigFile, at, kp,
		"une entreprise n'a pas l'obligation de publier ses registres : elle publie plutôt l'information sur ses politiques et pratiques de gouvernance des renseignements personnels (P-39.1, art. 3.2) ; la publication volontaire reste permise")
}

// piiSkip lists published columns never checked by PUB-003: the recipient must
// be named, even a natural person (A-2.1, art. 67.3, al. 3, par. 2°).
var piiSkip = map[string]bool{"destinataire": true}

func pub003(p *Pass, e *model.Entry) {
	c := &p.Repo.Config
	allow := pii.NewAllow(c.Responsable.Courriel, c.Responsable.Adresse, c.Responsable.Telephone)
	law := "Loi sur l'accès, art. 53 et 54"
	if p.Private() {
		law = "Loi sur le privé, art. 13"
	}
	for _, f := range e.Kind.Columns() {
		if piiSkip[f.Key] || f.Type == model.Bool {
			continue
		}
		switch v := e.Values[f.Key].(type) {
		case string:
			pub003Text(p, e, f, f.Key, v, law, allow)
		case []any:
			for i, x := range v {
				if s, ok := x.(string); ok {
					pub003Text(p, e, f, model.PathOf(f.Key, i), s, law, allow)
				}
			}
		}
	}
}

// pub003Text reports each kind of personal information found in one value, once.
func pub003Text(p *Pass, e *model.Entry, f *model.Field, path, s, law string, allow *pii.Allow) {
	hits := pii.Detect(s, allow)
	if len(hits) == 0 {
		return
	}
	var count [pii.NumKinds]int
	var first [pii.NumKinds]pii.Hit
	for _, h := range hits {
		if count[h.Kind] == 0 {
			first[h.Kind] = h
		}
		count[h.Kind]++
	}
	for k := pii.Kind(0); k < pii.NumKinds; k++ {
		if count[k] == 0 {
			continue
		}
		more := ""
		if count[k] > 1 {
			more = fmt.Sprintf(" et %d autre(s)", count[k]-1)
		}
		p.Report(e, path, "colonne publiée « %s » (%s) : %s (« %s »%s) ; un registre publié décrit des catégories, jamais les renseignements d'une personne concernée : retirez-le (%s)",
			f.Title, displayKey(path), k.French(), first[k].Masked, more, law)
	}
}

// displayKey renders a key path as in the schema findings: personnes_acces[2].
func displayKey(path string) string { return model.DisplayPath(strings.Split(path, "/")) }

// pub004 uses the name heuristic of INV-009 (inv.go), so that the inventory
// and the 67.3 register judge access categories alike.
func pub004(p *Pass, e *model.Entry) {
	f := e.Kind.Field("personnes_acces")
	if f == nil {
		return
	}
	items, _ := e.Values["personnes_acces"].([]any)
	for i, x := range items {
		s, ok := x.(string)
		if !ok {
			continue
		}
		if part := accessName(s); part != "" {
			path := model.PathOf("personnes_acces", i)
			p.Report(e, path, "%s : « %s » ressemble au nom d'une personne ; la colonne « %s » énumère des catégories de personnes (fonctions, unités), pas des individus (A-2.1, art. 67.3, al. 2 et art. 56)",
				displayKey(path), part, f.Title)
		}
	}
}
