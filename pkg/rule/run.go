package rule

import (
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Config is what the engine needs from registre.yaml and the command line.
type Config struct {
	// Severities overrides default severities by rule id (registre.yaml lint.regles).
	Severities map[string]finding.Severity
	Today      string // YYYY-MM-DD
	Workers    int
}

// ParseSeverities reads lint.regles; unknown rules or severities are findings on registre.yaml.
func ParseSeverities(c *model.Config, positions map[string]model.Pos) (map[string]finding.Severity, []finding.Finding) {
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
				Message: fmt.Sprintf("la règle %s ne peut pas être désactivée : un fichier illisible ou incohérent fait toujours échouer la vérification", r.ID)})
			continue
		}
		out[r.ID] = s
	}
	return out, fs
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

// Run runs every enabled rule over repo. prior are the findings of loading and
// schema validation; the result holds them too, with severities from cfg,
// suppressions applied (and SUP findings added), sorted.
func Run(repo *model.Repository, prior []finding.Finding, cfg Config) []finding.Finding {
	cites := parseCitations(repo, cfg.Workers)
	var enabled []*Rule
	for _, r := range All() {
		if (r.Entry != nil || r.Repo != nil) && cfg.Severity(r) != finding.Off && applies(r, repo) {
			enabled = append(enabled, r)
		}
	}
	// Entry rules: entries split across workers, each with its own findings.
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	chunks := make([][]finding.Finding, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			out := &chunks[w]
			for i := w; i < len(repo.Entries); i += workers {
				e := repo.Entries[i]
				for _, r := range enabled {
					if r.Entry == nil || !forKind(r, e.Kind) {
						continue
					}
					p := &Pass{Repo: repo, Today: cfg.Today, rule: r, out: out, cites: cites}
					r.Entry(p, e)
				}
			}
		}(w)
	}
	wg.Wait()
	all := append([]finding.Finding(nil), prior...)
	for _, c := range chunks {
		all = append(all, c...)
	}
	for _, r := range enabled {
		if r.Repo != nil {
			p := &Pass{Repo: repo, Today: cfg.Today, rule: r, out: &all, cites: cites}
			r.Repo(p)
		}
	}
	// Severities from the configuration (schema-mapped rule ids included).
	kept := all[:0]
	for i, f := range all {
		if r := Get(f.Rule); r != nil {
			if !applies(r, repo) && i < len(prior) {
				// A required field the schema reports under a sector's legal rule
				// (COM-001 for a public body) is still required for the other sector.
				f.Rule, f.Law, r = "SCH-001", "", Get("SCH-001")
			}
			// An explicit setting wins; otherwise the rule's own choice stands
			// (a rule may report below its default, e.g. for pre-2023 agreements).
			if s, ok := cfg.Severities[r.ID]; ok {
				f.Severity = s
			}
			if f.Severity == finding.Off || !applies(r, repo) {
				continue
			}
		}
		kept = append(kept, f)
	}
	all = suppress(repo, kept, cfg, enabledSet(repo, cfg))
	finding.Sort(all)
	return all
}

// enabledSet lists the rules that ran or that the schema reports under their id.
func enabledSet(repo *model.Repository, cfg Config) map[string]bool {
	m := map[string]bool{}
	for _, r := range All() {
		if cfg.Severity(r) != finding.Off && applies(r, repo) {
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

func parseCitations(repo *model.Repository, workers int) map[*model.Entry]citation.Cell {
	def := "A-2.1"
	if repo.Config.Private() {
		def = "P-39.1"
	}
	type kv struct {
		e *model.Entry
		c citation.Cell
	}
	var todo []*model.Entry
	for _, e := range repo.Entries {
		if e.Kind.Field("appui_legal") != nil || e.Kind.Field("articles") != nil {
			todo = append(todo, e)
		}
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res := make([]citation.Cell, len(todo))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(todo); i += workers {
				key := "appui_legal"
				if todo[i].Kind.Field(key) == nil {
					key = "articles"
				}
				res[i] = citation.ParseCellDefault(todo[i].Strings(key), def)
			}
		}(w)
	}
	wg.Wait()
	m := make(map[*model.Entry]citation.Cell, len(todo))
	for i, e := range todo {
		m[e] = res[i]
	}
	return m
}

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
		items, _ := e.Values["ignorer"].([]any)
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
