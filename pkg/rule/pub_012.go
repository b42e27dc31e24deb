package rule

import (
	"strconv"
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// PUB-012: a published text names an entry withheld from publication. Like
// PUB-011 it is Fixed (registre.yaml cannot lower it, `ignorer` cannot
// suppress it), and build and export refuse to publish, even with --force,
// while a public output would name the withheld entry. The matching is
// model.Mentions; the withheld entries are those of model.Withheld.
func init() {
	register(&Rule{ID: "PUB-012", Fixed: true, Repo: pub012, Digest: pub012Digest, Doc: Doc{
		Title: "Un texte publié nomme une inscription retenue de la publication",
		Law:   "A-2.1, art. 76, al. 2 ; art. 53 et 54", LawPrivate: "P-39.1, art. 13", Severity: finding.Error, Confidence: "H",
		Text: "Une inscription d'un registre publié qui est retenue de la publication (existence_confidentielle: true, art. 76, al. 2 ; une inscription de confidentialité incertaine, règle PUB-011) ne doit pas se deviner dans ce qui est publié. " +
			"Si une colonne publiée d'une inscription publiée (remarques, fins, appui légal… : toute colonne du site, du PDF, du CSV et de registres.json) nomme son identifiant, p. ex. « voir COM-0042 », le registre publié révèle qu'elle existe. " +
			"Les variantes comptent : casse (« com-0042 »), espaces, sauts de ligne et tirets (« COM 0042 », « COM–0042 », « COM--0042 »), jusqu'à trois séparateurs (« COM / 0042 », « COM n° 42 », « COM #42 », « COM·0042 »), zéros en tête (« COM-42 » quand c'est la même inscription), caractères invisibles (trait d'union conditionnel, espace sans chasse), accents et formes de compatibilité (pleine chasse, lettres mathématiques, chiffres cerclés ou en exposant, lettres cyrilliques ou grecques semblables) ; un identifiant plus long (« COM-00421 ») ou un mot (« Télécom 12 », « Commission 12 », « inc. 12 ») n'est pas une mention. " +
			"Le constat nomme le fichier, la ligne et l'identifiant retenu, jamais le contenu de l'inscription retenue. « registre build » et « registre export » refusent de publier, même avec --force ; « registre diff --public » et « registre stats --public » montrent le texte masqué. " +
			"Cette règle d'erreur ne se désactive pas et ne s'ignore pas : décrivez le lien sans l'identifiant (« voir l'entente de communication avec Retraite Québec ») ou retirez-le. Une inscription retenue qui se nomme elle-même n'est pas visée : rien d'elle n'est publié. Nommer une inscription d'un registre interne (un incident, une EFVP, une entente : « Entente ENT-0042 ») n'est pas visé non plus : ces registres ne sont pas publiés, mais leur existence n'est pas confidentielle.",
		Bad:  "remarques: Renseignements tirés du fichier INV-0012.   # INV-0012 : existence_confidentielle: true\n",
		Good: "remarques: Renseignements tirés d'un fichier de la Direction des enquêtes.\n"}})
}

// pub012Digest sums up an entry while it is whole (lint drops the texts of
// published entries before repository rules run): "W" for an entry withheld
// from publication, else the mentions of ids in its published texts, one
// record per mention (key path, line, column, the mention as written).
func pub012Digest(e *model.Entry) string {
	if !model.Publishable(e) {
		if model.Withheld(e) {
			return "W"
		}
		return "" // a register that is never published: nothing of it is public
	}
	var b strings.Builder
	model.PublishedTexts(e, func(keyPath, text string) {
		for _, m := range model.Mentions(text) {
			pos := e.At(keyPath)
			b.WriteString(keyPath)
			b.WriteByte('\x1f')
			b.WriteString(strconv.Itoa(pos.Line))
			b.WriteByte('\x1f')
			b.WriteString(strconv.Itoa(pos.Col))
			b.WriteByte('\x1f')
			b.WriteString(text[m.Start:m.End])
			b.WriteByte('\x1e')
		}
	})
	return b.String()
}

// pub012 reports each published text that names a withheld entry, once per
// text and withheld id.
func pub012(p *Pass) {
	x := model.WithheldIndexOf(p.Repo) // entries, misnamed ones and unreadable files
	digests := make([]string, len(p.Repo.Entries))
	for i, e := range p.Repo.Entries {
		digests[i] = p.Digest(e)
		// Lint may have dropped keys since the digest: an entry is withheld
		// if either view says so.
		if digests[i] == "W" {
			x.Add(e.ID, true)
		}
	}
	if !x.HasWithheld() {
		return
	}
	// registre.yaml texts that every public edition shows (title,
	// organisation, contact, preambles).
	model.PublishedConfigTexts(&p.Repo.Config, func(keyPath, text string) {
		for _, id := range x.WithheldIn(text) {
			at := (&model.Entry{Positions: p.Repo.ConfigPositions}).At(keyPath)
			p.ReportFile(model.ConfigFile, at, keyPath, "%s", model.LeakMessage(keyPath, id))
		}
	})
	for i, e := range p.Repo.Entries {
		d := digests[i]
		if d == "" || d == "W" || !model.Publishable(e) {
			continue
		}
		seen := map[string]bool{}
		for _, rec := range strings.Split(strings.TrimSuffix(d, "\x1e"), "\x1e") {
			f := strings.SplitN(rec, "\x1f", 4)
			if len(f) != 4 {
				continue
			}
			ms := model.Mentions(f[3])
			if len(ms) != 1 {
				continue
			}
			id, held, ok := x.Resolve(ms[0], f[3])
			if !ok || !held || seen[f[0]+"\x00"+id] {
				continue
			}
			seen[f[0]+"\x00"+id] = true
			line, _ := strconv.Atoi(f[1])
			col, _ := strconv.Atoi(f[2])
			p.ReportAt(e, f[0], finding.Position{Line: line, Col: col}, "%s", model.LeakMessage(f[0], id))
		}
	}
}
