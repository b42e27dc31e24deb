package rule

import "github.com/registre-qc/registre/pkg/model"

// ref resolves a reference key to an entry of kind k; missing references are REF-001's business.
// A rule that follows a reference to an entry whose values the schema
// rejected concludes nothing from it (its findings are dropped, see Pass.ReportAt).
func ref(p *Pass, e *model.Entry, key string, k *model.Kind) *model.Entry {
	t := p.Repo.Ref(e, key, k)
	if t != nil && p.rej.entry(t.Path) {
		p.unsure = true
	}
	return t
}
