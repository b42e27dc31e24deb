package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	register(&Rule{ID: "CIT-009", Kinds: []*model.Kind{model.Communications, model.Utilisations, model.Ententes}, Entry: cit009, Doc: Doc{
		Title: "Même appui légal inscrit deux fois", Severity: W, Confidence: "H",
		Text: "La même disposition figure deux fois dans l'appui légal de l'inscription (mêmes article, alinéa et paragraphe de la même loi, ou même ligne une fois la casse, les accents, les espaces et la ponctuation finale ignorés). Le doublon, souvent laissé par un copier-coller ou une importation, s'affiche deux fois dans le registre publié : retirez-le.",
		Bad:  "appui_legal:\n  - Article 67 de la Loi sur l'accès\n  - Article 67 de la Loi sur l’accès.\n", Good: "appui_legal:\n  - Article 67 de la Loi sur l'accès\n"}})
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
