package rule

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/parallel"
)

// Config is what the engine needs from registre.yaml and the command line.
type Config struct {
	// Severities overrides default severities by rule id (registre.yaml lint.regles).
	Severities map[string]finding.Severity
	Today      string // YYYY-MM-DD
	Workers    int
}

// ParseSeverities reads lint.regles; unknown rules or severities are findings on registre.yaml.
func ParseSeverities(c *model.Config, positions *model.Positions) (map[string]finding.Severity, []finding.Finding) {
	out := map[string]finding.Severity{}
	var fs []finding.Finding
	at := func(k string) finding.Position {
		e := model.Entry{Positions: positions}
		return e.KeyAt("lint/regles/" + k)
	}
	for _, id := range model.SortedKeys(c.Lint.Regles) {
		v := c.Lint.Regles[id]
		r := Get(id)
		if r == nil {
			fs = append(fs, finding.Finding{Path: model.ConfigFile, Pos: at(id), Rule: "SCH-007", Severity: finding.Error, KeyPath: "lint/regles/" + id,
				Message: fmt.Sprintf("règle inconnue dans lint.regles : %s (la liste : registre rules)", id)})
			continue
		}
		s, ok := finding.ParseSeverity(v)
		if !ok {
			fs = append(fs, finding.Finding{Path: model.ConfigFile, Pos: at(id), Rule: "SCH-007", Severity: finding.Error, KeyPath: "lint/regles/" + id,
				Message: fmt.Sprintf("sévérité inconnue pour %s : « %s » ; valeurs permises : error, warning, info, off", id, v)})
			continue
		}
		if r.Fixed && s < finding.Error {
			fs = append(fs, finding.Finding{Path: model.ConfigFile, Pos: at(id), Rule: "SCH-007", Severity: finding.Error, KeyPath: "lint/regles/" + id,
				Message: fixedReason(r)})
			continue
		}
		out[r.ID] = s
	}
	return out, fs
}

// fixedReason says why a Fixed rule cannot be lowered.
func fixedReason(r *Rule) string {
	if r.ID == "PUB-011" {
		return fmt.Sprintf("la règle %s ne peut pas être abaissée ni désactivée : une inscription dont la confidentialité est incertaine n'est jamais publiée et fait toujours échouer la vérification", r.ID)
	}
	if r.ID == "PUB-012" {
		return fmt.Sprintf("la règle %s ne peut pas être abaissée ni désactivée : un texte publié qui nomme une inscription jamais publiée fait toujours échouer la vérification et refuser la publication", r.ID)
	}
	return fmt.Sprintf("la règle %s ne peut pas être désactivée : un fichier illisible ou incohérent fait toujours échouer la vérification", r.ID)
}

// Severity returns the effective severity of a rule.
func (c *Config) Severity(r *Rule) finding.Severity {
	if s, ok := c.Severities[r.ID]; ok {
		return s
	}
	return r.Doc.Severity
}

// applies reports whether r runs for this repository.
func applies(r *Rule, repo *model.Repository) bool {
	switch r.Sector {
	case PublicOnly:
		return !repo.Config.Private()
	case PrivateOnly:
		return repo.Config.Private()
	}
	return true
}

// Engine runs the rules over one repository. Local entry rules run as each
// entry is decoded (Local, safe on several goroutines); cross-entry rules,
// repository rules, severities and suppressions run at the end (Finish).
type Engine struct {
	repo         *model.Repository
	cfg          Config
	def          string
	local, cross []*Rule
	repoRules    []*Rule
	workers      int
	// cited keeps, for every entry that cites (cross-entry and repository
	// rules see them again, and lint may have dropped their texts since),
	// its parsed citations (parsed once, in Local): the same cell a rule of
	// the entry sees, whether it is a cross rule or not. Cells are memoised
	// by text (cells), so entries citing alike share one.
	cited sync.Map // *model.Entry → *citation.Cell
	// cells memoises parsed citation cells by their text: registers repeat
	// the same legal bases on many entries. Cells are never modified.
	cells sync.Map // string → *parsed
	// digests holds, per repository rule with a Digest, each entry's digest.
	digests map[*Rule]*sync.Map
	rej     rejections
}

// rejections records the values schema validation rejected, by file and
// top-level key, so that rules treat them as unknown (one mechanism for all
// rules: Pass.ReportAt and ref consult it).
type rejections struct{ m sync.Map } // path → *sync.Map of top-level keys (or "" for the entry)

// rejectedBySchema are the schema findings about a value present but wrong
// (a missing or empty value is absent for rules anyway).
var rejectedBySchema = map[string]bool{"SCH-002": true, "SCH-004": true, "SCH-005": true, "SCH-006": true, "REF-006": true}

func (r *rejections) add(fs []finding.Finding) {
	for _, f := range fs {
		if !rejectedBySchema[f.Rule] || f.KeyPath == "" {
			continue
		}
		keys, _ := r.m.LoadOrStore(f.Path, &sync.Map{})
		keys.(*sync.Map).Store(topKey(f.KeyPath), true)
	}
}

func (r *rejections) entry(path string) bool {
	if r == nil {
		return false
	}
	_, ok := r.m.Load(path)
	return ok
}

func (r *rejections) has(path, keyPath string) bool {
	if r == nil || keyPath == "" {
		return false
	}
	keys, ok := r.m.Load(path)
	if !ok {
		return false
	}
	_, ok = keys.(*sync.Map).Load(topKey(keyPath))
	return ok
}

func topKey(keyPath string) string {
	if i := strings.IndexByte(keyPath, '/'); i >= 0 {
		return keyPath[:i]
	}
	return keyPath
}

var noCitations = &citation.Cell{}

// parseKeyed returns the parsed citations of e, memoised by their text: each
// distinct text is parsed once per run, and entries citing alike share the
// cell (never modified).
func (en *Engine) parseKeyed(e *model.Entry) *citation.Cell {
	key := citedKey(e.Kind)
	if key == "" {
		return noCitations
	}
	lines := e.Strings(key)
	if len(lines) == 0 {
		return noCitations
	}
	k := strings.Join(lines, "\n")
	if c, ok := en.cells.Load(k); ok {
		return c.(*citation.Cell)
	}
	c := citation.ParseCellDefault(lines, en.def)
	p, _ := en.cells.LoadOrStore(k, &c)
	return p.(*citation.Cell)
}

// parse returns the parsed citations of e, memoised by content.
func (en *Engine) parse(e *model.Entry) citation.Cell { return *en.parseKeyed(e) }

// citedOf returns what Local kept of e's citations, or parses them now.
func (en *Engine) citedOf(e *model.Entry) citation.Cell {
	if c, ok := en.cited.Load(e); ok {
		return *c.(*citation.Cell)
	}
	return en.parse(e)
}

// NewEngine prepares the enabled rules for repo (whose configuration must be loaded).
func NewEngine(repo *model.Repository, cfg Config) *Engine {
	en := &Engine{repo: repo, cfg: cfg, def: defaultInstrument(repo), workers: cfg.Workers}
	if en.workers <= 0 {
		en.workers = runtime.GOMAXPROCS(0)
	}
	for _, r := range All() {
		if cfg.Severity(r) == finding.Off || !applies(r, repo) || r.Retired != "" {
			continue
		}
		switch {
		case r.Repo != nil:
			en.repoRules = append(en.repoRules, r)
			if r.Digest != nil {
				if en.digests == nil {
					en.digests = map[*Rule]*sync.Map{}
				}
				en.digests[r] = &sync.Map{}
			}
		case r.Entry != nil && r.Cross:
			en.cross = append(en.cross, r)
		case r.Entry != nil:
			en.local = append(en.local, r)
		}
	}
	return en
}

// Prior normalises the findings of loading and schema validation to the
// organisation's sector. The embedded schemas state the public sector's
// required fields: a field that only a Loi sur l'accès duty requires (a
// public-only rule such as INV-001 or COM-002) is not required of an
// enterprise, whose inventory or communications log is voluntary, so its
// finding is dropped; a field required in both sectors carries the
// enterprise's article (LawPrivate).
//
// Prior also records the values the schema rejected: no rule reports on them.
func (en *Engine) Prior(fs []finding.Finding) []finding.Finding {
	en.rej.add(fs)
	private := en.repo.Config.Private()
	kept := fs[:0]
	for _, f := range fs {
		if r := Get(f.Rule); r != nil {
			switch {
			case !applies(r, en.repo) && r.Sector == PublicOnly:
				continue
			case !applies(r, en.repo):
				f.Rule, f.Law = "SCH-001", ""
				f.Severity = Get("SCH-001").Doc.Severity
			case r.Fixed:
			default:
				// The schema reports every missing field as an error; the
				// rule's documented severity decides (COL-001 and UTI-003 rest
				// on unverified text: warnings).
				f.Severity = r.Doc.Severity
				if f.Law != "" {
					f.Law = r.LawFor(private)
				}
			}
		}
		kept = append(kept, f)
	}
	return kept
}

// Local runs the rules that need only e and the configuration.
func (en *Engine) Local(e *model.Entry) []finding.Finding {
	var out []finding.Finding
	p := &Pass{Repo: en.repo, Today: en.cfg.Today, out: &out, def: en.def, rej: &en.rej, cited: &en.cited}
	c := en.parseKeyed(e)
	en.runEntry(p, e, en.local, *c)
	for r, m := range en.digests {
		m.Store(e, r.Digest(e))
	}
	if c != noCitations {
		en.cited.Store(e, c)
	}
	return out
}

func (en *Engine) runEntry(p *Pass, e *model.Entry, rules []*Rule, cell citation.Cell) {
	p.cur, p.cell = e, cell
	for _, r := range rules {
		if forKind(r, e.Kind) {
			p.rule, p.unsure = r, false
			r.Entry(p, e)
		}
	}
}

// Finish runs the cross-entry and repository rules over the loaded
// repository, then applies severities and suppressions to all findings
// (prior ones included) and sorts them.
func (en *Engine) Finish(prior []finding.Finding) []finding.Finding {
	repo := en.repo
	nw := parallel.Workers(len(repo.Entries), en.workers)
	chunks := make([][]finding.Finding, nw)
	passes := make([]*Pass, nw)
	for w := range passes {
		passes[w] = &Pass{Repo: repo, Today: en.cfg.Today, out: &chunks[w], def: en.def, rej: &en.rej, cited: &en.cited}
	}
	parallel.For(len(repo.Entries), nw, func(w, i int) {
		e := repo.Entries[i]
		en.runEntry(passes[w], e, en.cross, en.citedOf(e))
	})
	all := prior
	for _, c := range chunks {
		all = append(all, c...)
	}
	for _, r := range en.repoRules {
		p := &Pass{Repo: repo, Today: en.cfg.Today, rule: r, out: &all, def: en.def, dig: en.digests[r], rej: &en.rej, cited: &en.cited}
		r.Repo(p)
	}
	kept := all[:0]
	for _, f := range all {
		if r := Get(f.Rule); r != nil {
			// An explicit setting wins; otherwise the rule's own choice stands
			// (a rule may report below its default, e.g. for pre-2023 agreements).
			if s, ok := en.cfg.Severities[r.ID]; ok {
				f.Severity = s
			}
			if f.Severity == finding.Off || !applies(r, repo) {
				continue
			}
		}
		kept = append(kept, f)
	}
	all = suppress(repo, kept, en.cfg, enabledSet(repo, en.cfg))
	finding.Sort(all)
	return all
}

func enabledSet(repo *model.Repository, cfg Config) map[string]bool {
	m := map[string]bool{}
	for _, r := range All() {
		if cfg.Severity(r) != finding.Off && applies(r, repo) && r.Retired == "" {
			m[r.ID] = true
		}
	}
	return m
}

func forKind(r *Rule, k *model.Kind) bool {
	if len(r.Kinds) == 0 {
		return true
	}
	for _, x := range r.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// citedKey is the list an entry's legal citations are in.
func citedKey(k *model.Kind) string {
	switch {
	case k.Field("appui_legal") != nil:
		return "appui_legal"
	case k.Field("articles") != nil:
		return "articles"
	}
	return ""
}

func parseCitations(e *model.Entry, def string) citation.Cell {
	key := citedKey(e.Kind)
	if key == "" {
		return citation.Cell{}
	}
	return citation.ParseCellDefault(e.Strings(key), def)
}

func defaultInstrument(repo *model.Repository) string { return repo.Config.DefaultInstrument() }

// suppress applies `ignorer` items and reports SUP-002 (expired), SUP-003 (unused), SUP-004 (unknown rule).
func suppress(repo *model.Repository, fs []finding.Finding, cfg Config, enabled map[string]bool) []finding.Finding {
	type sup struct {
		rule, reason, until string
		idx                 int
		used                bool
	}
	sups := map[string][]*sup{} // entry id → suppressions
	var extra []finding.Finding
	mk := func(e *model.Entry, id, path, format string, args ...any) finding.Finding {
		r := Get(id)
		return finding.Finding{Path: e.Path, Pos: e.At(path), Rule: id, Severity: cfg.Severity(r), Law: r.Doc.Law,
			EntryID: e.ID, KeyPath: path, Message: fmt.Sprintf(format, args...)}
	}
	for _, e := range repo.Entries {
		items := e.List("ignorer")
		for i, it := range items {
			m, _ := it.(map[string]any)
			s := &sup{rule: model.AsString(m["regle"]), reason: model.AsString(m["raison"]), until: model.AsString(m["jusqu_au"]), idx: i}
			p := model.PathOf("ignorer", i)
			r := Get(s.rule)
			switch {
			case s.rule == "":
				continue // schema reports it
			case r == nil:
				extra = append(extra, mk(e, "SUP-004", p+"/regle", "règle inconnue : %s (la liste : registre rules)", s.rule))
				continue
			case r.Fixed:
				extra = append(extra, mk(e, "SUP-004", p+"/regle", "la règle %s ne peut pas être ignorée : corrigez le fichier", r.ID))
				continue
			case r.Retired != "":
				extra = append(extra, mk(e, "SUP-003", p+"/regle", "l'exception pour %s ne s'applique à rien : la règle est retirée (registre explain %s) ; retirez l'exception", r.ID, r.ID))
				continue
			case s.reason == "":
				continue // SUP-001 from the schema; a suppression without reason silences nothing
			case s.until != "" && model.IsDate(s.until) && s.until < cfg.Today:
				extra = append(extra, mk(e, "SUP-002", p+"/jusqu_au", "l'exception pour %s a expiré le %s : revoyez l'inscription ou prolongez l'exception", r.ID, s.until))
				continue
			}
			s.rule = r.ID
			sups[e.ID] = append(sups[e.ID], s)
		}
	}
	for i := range fs {
		f := &fs[i]
		for _, s := range sups[f.EntryID] {
			if s.rule == f.Rule {
				f.Suppressed, f.Justification = true, s.reason
				s.used = true
			}
		}
	}
	for _, e := range repo.Entries {
		for _, s := range sups[e.ID] {
			if !s.used && enabled[s.rule] {
				extra = append(extra, mk(e, "SUP-003", model.PathOf("ignorer", s.idx, "regle"), "l'exception pour %s ne s'applique à rien : la règle ne signale plus rien ici ; retirez l'exception", s.rule))
			}
		}
	}
	for _, f := range extra {
		if f.Severity != finding.Off {
			fs = append(fs, f)
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return finding.Less(fs[i], fs[j]) })
	return fs
}
