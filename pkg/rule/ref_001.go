package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	register(withEntry(fixedRule("REF-001", "Référence vers une inscription absente",
		"Une référence (efvp, entente, fichiers) nomme un identifiant qui n'existe pas dans le dépôt, ou qui appartient à un autre registre. Créez l'inscription visée ou corrigez l'identifiant.",
		"efvp: EFVP-0099\n", "efvp: EFVP-0001\n"), checkRefs))
}

func withEntry(r *Rule, f func(*Pass, *model.Entry)) *Rule { r.Entry, r.Cross = f, true; return r }

// checkRefs reports references to entries that do not exist (REF-001).
func checkRefs(p *Pass, e *model.Entry) {
	for i := range e.Kind.Fields {
		f := &e.Kind.Fields[i]
		if f.Type != model.Ref && f.Type != model.RefList {
			continue
		}
		target := model.KindByName(f.RefKind)
		v := e.Value(f.Key)
		check := func(path string, x any) {
			id, ok := x.(string)
			if !ok || strings.TrimSpace(id) == "" {
				return
			}
			id = strings.TrimSpace(id)
			if !strings.HasPrefix(id, target.Prefix+"-") {
				return // malformed: REF-006, from the schema
			}
			t := p.Repo.ByID[id]
			switch {
			case t == nil:
				p.Report(e, path, "%s renvoie à %s, qui n'existe pas dans le dépôt (attendu : %s/%s.yaml)", f.Key, id, target.Name, id)
			case t.Kind != target:
				p.Report(e, path, "%s renvoie à %s, qui est une inscription du registre %s et non du registre %s", f.Key, id, t.Kind.Name, target.Name)
			}
		}
		if l, ok := v.([]any); ok {
			for j, x := range l {
				check(model.PathOf(f.Key, j), x)
			}
		} else {
			check(f.Key, v)
		}
	}
}
