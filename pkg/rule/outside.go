package rule

import "github.com/registre-qc/registre/pkg/model"

// outside reports whether e is a communication outside Québec without a
// declared 70.1 exception of the organisation's sector.
func outside(p *Pass, e *model.Entry) bool { return e.True("hors_quebec") && !exceptionOf(p, e) }

// exceptionOf reports whether e declares an exception to 70.1 (P-39.1 art.
// 17) that belongs to the organisation's sector: urgence-18-7 (P-39.1, 18
// al. 1 7°) for an enterprise, the four exceptions for a public body
// (legal.md §4.5). The other sector's code is no exception: the EFVP and
// agreement duties stand, and COM-023 says the code belongs elsewhere.
//
// A public body's basis « Article 68, premier alinéa, paragraphe 1.1° » is
// itself one of the exceptions (legal.md §4.5): it counts as the
// declared benefice-68-1.1.
func exceptionOf(p *Pass, e *model.Entry) bool {
	ex := e.Str("exception_70_1")
	if ex == "" {
		return !p.Private() && cites681_1(p, e)
	}
	return (ex == "urgence-18-7") == p.Private()
}

// cites681_1 reports whether the basis cites 68, al. 1, par. 1.1°.
func cites681_1(p *Pass, e *model.Entry) bool {
	for _, r := range refsOf(p.Citations(e), lai, "68") {
		if r.Par != nil && (r.Par.From == "1.1" || r.Par.To == "1.1") {
			return true
		}
	}
	return false
}

// efvpAssesses701 reports whether an EFVP assesses a communication outside
// Québec: it names the 70.1 (P-17) trigger or documents at least one of the
// four factors of 70.1 al. 1 (EFVP-002 then asks for the others, EFVP-001
// for the trigger).
func efvpAssesses701(ev *model.Entry) bool {
	decl := ev.Strings("declencheurs")
	if efvpHas(decl, "70.1") || efvpHas(decl, "P-17") {
		return true
	}
	f := ev.Map("facteurs")
	for _, x := range efvpFactors {
		if model.AsString(f[x.key]) != "" {
			return true
		}
	}
	return false
}
