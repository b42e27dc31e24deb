// Package rule holds registre's lint rules: each rule is one value with a
// stable id, a default severity and its documentation (shown by `registre
// explain`, `registre rules`, SARIF and the README), and the engine that runs
// them over a loaded repository, applies the severities of registre.yaml and
// the in-entry suppressions (`ignorer`).
package rule

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Doc documents a rule. All text is French.
type Doc struct {
	Title string // one line: what is wrong
	Text  string // why it matters, what to do
	Law   string // legal basis, e.g. «, art. 70.1, al. 1 »
	// LawPrivate is the legal basis for an enterprise (secteur: prive) when the
	// rule runs in both sectors and Law cites the Loi sur l'accès; findings
	// and `registre explain` use it for a private organisation.
	LawPrivate string
	Severity   finding.Severity // default; registre.yaml lint.regles overrides it
	Confidence string           // H, M or L (legal.md §8): how mechanical the check is
	Since      string           // release that added it
	Bad, Good  string           // small YAML examples: failing and fixed
}

// Sector limits a rule to public bodies or enterprises.
type Sector int

const (
	AnySector Sector = iota
	PublicOnly
	PrivateOnly
)

// Rule is one check. Entry rules see one entry at a time (with the whole
// repository for references); repository rules run once.
type Rule struct {
	ID     string
	Doc    Doc
	Kinds  []*model.Kind // kinds whose entries Entry is called on
	Sector Sector
	Entry  func(p *Pass, e *model.Entry)
	Repo   func(p *Pass)
	// Digest, for a repository rule, sums up an entry while it is whole:
	// lint drops the texts of published entries once their own rules have
	// run, so Repo reads the digests (Pass.Digest) instead (REF-008).
	Digest func(e *model.Entry) string
	// Cross marks entry rules that read other entries (references, agreements):
	// they run once the whole repository is loaded. The others see only their
	// entry and the configuration, and run as each file is decoded.
	//
	// `registre lint` runs in lean mode (pkg/lint): once an entry's own
	// rules have run, the free texts of published entries (inventaire,
	// communications, utilisations, collectes) are dropped from memory. A
	// Cross rule may still read any key of any entry through the accessors
	// (e.Str, e.Value, e.At…): a dropped value is read again from its file
	// (model.Entry.Compact), so its findings are those of a full run. Reading
	// texts here is slow on a large repository, though: the rule fixtures
	// fail when a fixture needs such a second reading (lint.Result.Reread);
	// read texts in a non-Cross rule, and the legal bases of other entries
	// through Pass.Citations, which the engine keeps.
	Cross bool
	// Keep lists the text keys a Cross rule reads (frequence…): lint's lean
	// mode keeps them in memory for the rule's kinds, so that reading them
	// costs no second reading of the file (the fixtures fail on one).
	Keep []string
	// Fixed rules (YAML-…, REF-…) report integrity problems that cannot be
	// turned off or suppressed: a file that cannot be read always fails the run.
	Fixed bool
	// Retired, when set, says why the rule was withdrawn and what replaced
	// it (French). Ids never change meaning: a retired rule keeps its id and
	// its documentation (registre explain, registre rules) but never runs.
	Retired string
}

// LawFor returns the legal basis of the rule for a public body or, when
// private is set, for an enterprise.
func (r *Rule) LawFor(private bool) string {
	if private && r.Doc.LawPrivate != "" {
		return r.Doc.LawPrivate
	}
	return r.Doc.Law
}

var registry = map[string]*Rule{}

func register(rs ...*Rule) {
	for _, r := range rs {
		if _, dup := registry[r.ID]; dup {
			panic("rule registered twice: " + r.ID)
		}
		if r.Doc.Since == "" {
			r.Doc.Since = since(r.ID)
		}
		registry[r.ID] = r
	}
}

// All returns every rule sorted by id.
func All() []*Rule {
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return lessID(out[i].ID, out[j].ID) })
	return out
}

// lessID sorts ids by prefix, then number, so COM-2 < COM-10.
func lessID(a, b string) bool { return model.CompareIDs(a, b) < 0 }

// LeanKeys returns, per kind, the text keys the enabled-by-default cross
// rules declare they read (Rule.Keep): lint's lean mode keeps them.
func LeanKeys() map[*model.Kind][]string {
	out := map[*model.Kind][]string{}
	for _, r := range All() {
		if !r.Cross || len(r.Keep) == 0 || r.Retired != "" {
			continue
		}
		kinds := r.Kinds
		if len(kinds) == 0 {
			kinds = model.Kinds
		}
		for _, k := range kinds {
			out[k] = append(out[k], r.Keep...)
		}
	}
	return out
}

// Get finds a rule by id, case-insensitively.
func Get(id string) *Rule { return registry[strings.ToUpper(strings.TrimSpace(id))] }

// Pass is what a rule sees.
type Pass struct {
	Repo  *model.Repository
	Today string // YYYY-MM-DD, injected: rules never read the clock
	rule  *Rule
	out   *[]finding.Finding
	cited *sync.Map    // *model.Entry → its parsed citations, taken in Engine.Local
	def   string       // default instrument: or P-39.1
	cur   *model.Entry // the entry the worker is on, and its parsed citations
	cell  citation.Cell
	dig   *sync.Map // *model.Entry → the rule's Digest, taken in Engine.Local
	// rej knows the values the schema rejected; unsure is set while a rule
	// reasons on another entry that holds such a value (see Engine.Prior).
	rej    *rejections
	unsure bool
}

// Digest returns the rule's digest of e, taken before lint dropped its
// texts (or computed now when the entry was not seen by Engine.Local).
func (p *Pass) Digest(e *model.Entry) string {
	if p.dig != nil {
		if d, ok := p.dig.Load(e); ok {
			return d.(string)
		}
	}
	return p.rule.Digest(e)
}

// Report records a finding on e at the value of keyPath (or the nearest enclosing key).
func (p *Pass) Report(e *model.Entry, keyPath string, format string, args ...any) {
	p.ReportAt(e, keyPath, e.At(keyPath), format, args...)
}

// ReportSev records a finding at a severity other than the rule's default
// (an explicit registre.yaml setting still wins).
func (p *Pass) ReportSev(sev finding.Severity, e *model.Entry, keyPath string, format string, args ...any) {
	n := len(*p.out)
	p.Report(e, keyPath, format, args...)
	if len(*p.out) > n {
		(*p.out)[n].Severity = sev
	}
}

// ReportAt records a finding at an explicit position. A rule never reports
// on a value the schema already rejected, nor while it reasons on an entry
// holding such a value: the schema finding is the one to fix first.
func (p *Pass) ReportAt(e *model.Entry, keyPath string, pos finding.Position, format string, args ...any) {
	// A rule never reports again on a value the schema rejected, except the
	// fixed rules (integrity, confidentiality): those always speak.
	if !p.rule.Fixed && (p.unsure || p.rej.has(e.Path, keyPath)) {
		return
	}
	*p.out = append(*p.out, finding.Finding{
		Path: e.Path, Pos: pos, Rule: p.rule.ID, Severity: p.rule.Doc.Severity,
		Message: fmt.Sprintf(format, args...), Law: p.rule.LawFor(p.Private()), EntryID: e.ID, KeyPath: keyPath,
	})
}

// ReportLaw records a finding whose legal basis is more precise than the
// rule's (e.g. the one article, among several, that requires an agreement).
func (p *Pass) ReportLaw(law string, e *model.Entry, keyPath string, format string, args ...any) {
	n := len(*p.out)
	p.Report(e, keyPath, format, args...)
	if len(*p.out) > n {
		(*p.out)[n].Law = law
	}
}

// ReportFile records a finding on a file that is not an entry (registre.yaml).
func (p *Pass) ReportFile(path string, pos finding.Position, keyPath, format string, args ...any) {
	*p.out = append(*p.out, finding.Finding{
		Path: path, Pos: pos, Rule: p.rule.ID, Severity: p.rule.Doc.Severity,
		Message: fmt.Sprintf(format, args...), Law: p.rule.LawFor(p.Private()), KeyPath: keyPath,
	})
}

// Citations returns the parsed appui_legal (or, for agreements, articles) of
// e: the same cell for every rule, local or cross, in every lint mode. Each
// entry is parsed once (Engine.Local) and the cell kept; cells are memoised
// by text, so entries citing alike share one.
func (p *Pass) Citations(e *model.Entry) citation.Cell {
	if e == p.cur {
		return p.cell
	}
	if p.cited != nil {
		if c, ok := p.cited.Load(e); ok {
			return *c.(*citation.Cell)
		}
	}
	return parseCitations(e, p.def)
}

// Private reports whether the organisation is an enterprise.
func (p *Pass) Private() bool { return p.Repo.Config.Private() }
