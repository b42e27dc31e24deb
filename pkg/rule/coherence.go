package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Date and citation coherence: INC-015 (a notice dated before the body
// became aware of the incident) and CIT-009 (the same legal basis twice in
// one entry).
func init() {
	W := finding.Warning
	register(
		&Rule{ID: "INC-015", Kinds: []*model.Kind{model.Incidents}, Entry: inc015, Doc: Doc{
			Title: "Avis daté d'avant la prise de connaissance de l'incident", Law: "A-2.1, art. 63.8 et 63.11 ; A-2.1, r. 3.1, art. 7, par. 4° et 7°", LawPrivate: "P-39.1, art. 3.5 et 3.8 ; A-2.1, r. 3.1, art. 7, par. 4° et 7°", Severity: W, Confidence: "M",
			Text: "L'organisme avise la Commission et les personnes concernées d'un incident dont il a pris connaissance : un avis (avis_cai, avis_personnes, avis_public.date) ne peut pas précéder la date de prise de connaissance (connaissance ; le début de la période, s'il s'agit d'une période). L'une des dates est probablement erronée ; le registre transmis à la Commission doit les donner exactement (r. 3.1, art. 7).",
			Bad:  "connaissance: 2025-02-04\navis_cai: 2025-01-06\n", Good: "connaissance: 2025-02-04\navis_cai: 2025-02-06\n"}},
		&Rule{ID: "CIT-009", Kinds: []*model.Kind{model.Communications, model.Utilisations, model.Ententes}, Entry: cit009, Doc: Doc{
			Title: "Même appui légal inscrit deux fois", Severity: W, Confidence: "H",
			Text: "La même disposition figure deux fois dans l'appui légal de l'inscription (mêmes article, alinéa et paragraphe de la même loi, ou même ligne une fois la casse, les accents, les espaces et la ponctuation finale ignorés). Le doublon, souvent laissé par un copier-coller ou une importation, s'affiche deux fois dans le registre publié : retirez-le.",
			Bad:  "appui_legal:\n  - Article 67 de la Loi sur l'accès\n  - Article 67 de la Loi sur l’accès.\n", Good: "appui_legal:\n  - Article 67 de la Loi sur l'accès\n"}},
	)
}

func inc015(p *Pass, e *model.Entry) {
	c := e.Date("connaissance")
	if c == "" {
		return
	}
	notices := []struct{ key, date, what string }{
		{"avis_cai", e.Date("avis_cai"), "l'avis à la Commission"},
		{"avis_personnes", e.Date("avis_personnes"), "l'avis aux personnes concernées"},
		{"avis_public/date", model.DateOf(e.Map("avis_public")["date"], true), "l'avis public"},
	}
	for _, n := range notices {
		if n.date != "" && n.date < c {
			p.Report(e, n.key, "%s est daté du %s, avant la prise de connaissance de l'incident (%s) : l'une des deux dates est probablement erronée (%s ; r. 3.1, art. 7, par. 4° et 7°)", n.what, n.date, c, incArt(p))
		}
	}
}

// basisKey normalises one line of a legal basis for CIT-009: the canonical
// references of a fully resolved citation, else the folded text.
func basisKey(l citation.Line, raw string) string {
	if l.Kind == citation.Citation && len(l.Refs) > 0 {
		var b strings.Builder
		for _, r := range l.Refs {
			if r.Instrument == "" || r.Article == "" {
				b.Reset()
				break
			}
			b.WriteString(r.String())
			b.WriteByte('\n')
		}
		if b.Len() > 0 {
			return b.String()
		}
	}
	t := strings.Join(strings.Fields(plain(raw)), " ")
	return strings.TrimRight(t, " .;,:")
}

func cit009(p *Pass, e *model.Entry) {
	key := "appui_legal"
	if e.Kind.Field(key) == nil {
		key = "articles"
	}
	lines := p.Citations(e).Lines
	raws := e.Strings(key)
	if len(lines) != len(raws) {
		return
	}
	paths := itemPaths(e, key)
	seen := map[string]int{}
	for i, l := range lines {
		k := basisKey(l, raws[i])
		if k == "" {
			continue
		}
		if j, dup := seen[k]; dup {
			path := key
			if i < len(paths) {
				path = paths[i]
			}
			p.Report(e, path, "%s : « %s » répète la ligne %d de l'appui légal : retirez le doublon", displayKey(path), strings.TrimSpace(raws[i]), j+1)
			continue
		}
		seen[k] = i
	}
}
