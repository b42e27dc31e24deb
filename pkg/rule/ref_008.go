package rule

import (
	"crypto/sha256"
	"sort"
	"sync"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	W := finding.Warning
	register(&Rule{ID: "REF-008", Repo: ref008, Digest: ref008Digest, Doc: Doc{Title: "Inscriptions en double dans un registre publié", Severity: W, Confidence: "H",
		Text: "Deux inscriptions du même registre ont le même contenu publié : chaque colonne du tableau publié a la même valeur (aux espaces près ; une liste et un texte sur autant de lignes sont égaux ; la casse, les accents et la ponctuation comptent). Le registre publié montrerait deux lignes identiques. C'est souvent un tableau importé deux fois : retirez le doublon (git rm) ou précisez ce qui distingue les deux inscriptions.",
		Bad:  "# COM-0001.yaml et COM-0002.yaml\ndestinataire: Retraite Québec\nrenseignements: Nom, prénom\n# (… mêmes valeurs dans chaque colonne publiée)\n",
		Good: "# COM-0001.yaml seulement (le doublon COM-0002.yaml est retiré)\ndestinataire: Retraite Québec\nrenseignements: Nom, prénom\n"}})
}

// ref008Digest sums up the published columns of an entry (model.ContentKey),
// or "" when they are all empty or the register has none.
func ref008Digest(e *model.Entry) string {
	if !model.Publishable(e) {
		return "" // a withheld entry is not in the published register
	}
	buf := digestBufs.Get().(*[]byte)
	content, has := e.AppendContent((*buf)[:0], digestKeys(e.Kind))
	var sum [sha256.Size]byte
	if has {
		sum = sha256.Sum256(content)
	}
	if cap(content) <= 1<<20 { // a huge entry's buffer is left to the collector
		*buf = content[:0]
		digestBufs.Put(buf)
	}
	if !has {
		return ""
	}
	return string(sum[:])
}

// ref008 reports an entry whose published columns all equal those of an
// earlier entry (in id order) of the same register.
func ref008(p *Pass) {
	entries := append([]*model.Entry(nil), p.Repo.Entries...)
	sort.SliceStable(entries, func(i, j int) bool { return model.CompareIDs(entries[i].ID, entries[j].ID) < 0 })
	first := map[*model.Kind]map[string]string{}
	for _, e := range entries {
		d := p.Digest(e)
		if d == "" {
			continue
		}
		if first[e.Kind] == nil {
			first[e.Kind] = map[string]string{}
		}
		if id, dup := first[e.Kind][d]; dup {
			p.Report(e, "id", "%s a le même contenu publié que %s : le registre publié montrerait deux lignes identiques ; retirez le doublon ou précisez ce qui les distingue", e.ID, id)
			continue
		}
		first[e.Kind][d] = e.ID
	}
}

// Allocation-free helpers of ref008Digest (mechanical: same key, same bytes).
// digestBufs holds reusable content-key buffers; digestKeys the published
// columns of each kind, but "id", computed once per kind.
var (
	digestBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}
	digestCols sync.Map // *model.Kind → []string
)

func digestKeys(k *model.Kind) []string {
	if v, ok := digestCols.Load(k); ok {
		return v.([]string)
	}
	var keys []string
	for _, f := range k.Columns() {
		if f.Key != "id" {
			keys = append(keys, f.Key)
		}
	}
	v, _ := digestCols.LoadOrStore(k, keys)
	return v.([]string)
}
