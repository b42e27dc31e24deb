// Package lint runs the whole check of a register repository: load every
// file, validate it against its schema, run the legal rules, apply the
// severities of registre.yaml and the suppressions. The CLI and the tests
// call this; it never reads the clock or the environment.
package lint

import (
	"fmt"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/rule"
	"github.com/registre-qc/registre/pkg/schema"
	"github.com/registre-qc/registre/pkg/source"
)

// Options tunes a run.
type Options struct {
	Today   string // YYYY-MM-DD: suppression expiry and date rules
	Workers int
	// Severities, when set, adds to (and wins over) registre.yaml's lint.regles.
	Severities map[string]finding.Severity
	// Lean keeps in memory only what cross-entry rules usually read once
	// each entry's own rules have run; a dropped value a rule asks for is
	// read again from its file (model.Entry.Compact), so the findings are
	// those of a full run. The returned Repo is then only fit for reporting,
	// not for publishing or exporting.
	Lean bool
}

// Result is the outcome of a run.
type Result struct {
	Repo     *model.Repository
	Findings []finding.Finding // sorted; suppressed ones included (Suppressed set)
	Files    int
	// FailLevel from registre.yaml (lint.niveau_echec), Error by default.
	FailLevel finding.Severity
	// Reread lists, in lean mode, the files decoded a second time because a
	// rule read a key that lean mode had dropped: the findings are right, but
	// the rule is slow (it reads a text once the whole repository is loaded;
	// see Options.Lean).
	Reread []string
}

// Run lints the repository at root. The error is for usage problems (exit 2):
// a missing folder, broken embedded schemas.
func Run(root string, opts Options) (*Result, error) {
	v := schema.New()
	var en *rule.Engine
	var prior []finding.Finding
	var lean map[*model.Kind]map[string]bool
	if opts.Lean {
		lean = leanKeys()
	}
	hook := func(res *source.Result) func(*model.Entry) []finding.Finding {
		sev := map[string]finding.Severity{}
		if res.Config != nil {
			prior = append(prior, v.Validate(schema.ConfigKey, &schema.Target{Path: model.ConfigFile, Values: res.Config.Values, Positions: res.Config.Positions, Fields: model.ConfigFields})...)
			s, cfs := rule.ParseSeverities(&res.Repo.Config, res.Config.Positions)
			sev = s
			prior = append(prior, cfs...)
		}
		for k, s := range opts.Severities {
			sev[k] = s
		}
		en = rule.NewEngine(res.Repo, rule.Config{Severities: sev, Today: opts.Today, Workers: opts.Workers})
		return func(e *model.Entry) []finding.Finding {
			fs := en.PriorEntry(e, v.ValidateEntry(e))
			fs = append(fs, en.Local(e)...)
			if opts.Lean {
				compact(e, lean[e.Kind])
			}
			return fs
		}
	}
	res, err := source.Load(root, source.Options{Workers: opts.Workers, Hook: hook, Reread: opts.Lean})
	if err != nil {
		return nil, err
	}
	out := capPerFile(en.Finish(append(prior, res.Findings...)))
	var reread []string
	for _, e := range res.Repo.Entries {
		done, err := e.Reread()
		if err != nil {
			// The file changed (or vanished) during the run: the findings
			// could mix two versions of it.
			return nil, err
		}
		if done {
			reread = append(reread, e.Path)
		}
	}
	fail := finding.Error
	if s, ok := finding.ParseSeverity(res.Repo.Config.Lint.NiveauEchec); ok && s != finding.Off {
		fail = s
	}
	return &Result{Repo: res.Repo, Findings: out, Files: res.Files, FailLevel: fail, Reread: reread}, nil
}

// compact keeps, once an entry's own rules have run, only what cross-entry
// rules and suppressions usually read: references, dates, flags,
// enumerations, the `ignorer` list. Texts and lists go (the citations
// cross-entry rules need are kept by the rule engine). Large repositories are
// then linted in little memory, with little garbage collection work. A rule
// that reads a dropped key still gets its true value (model.Entry.Compact):
// the file is decoded again, and Result.Reread counts it. Only the published
// kinds, which make up the bulk of a repository, are compacted.
func compact(e *model.Entry, keep map[string]bool) {
	if !e.Kind.Published() || keep == nil {
		return // EFVP, agreements, incidents: few, and read whole by repository rules
	}
	e.Compact(keep)
}

// leanKeys lists, per published kind, the keys compact keeps: those of the
// types cross rules read (references, dates, flags, enumerations, numbers)
// and the texts a cross rule declares (rule.Rule.Keep).
func leanKeys() map[*model.Kind]map[string]bool {
	out := map[*model.Kind]map[string]bool{}
	declared := rule.LeanKeys() // texts cross rules declare they read (Rule.Keep)
	for _, k := range model.Kinds {
		keep := map[string]bool{"id": true, "ignorer": true}
		for _, key := range declared[k] {
			keep[key] = true
		}
		for i := range k.Fields {
			switch f := &k.Fields[i]; f.Type {
			case model.Ref, model.RefList, model.Date, model.DateOrPeriod, model.Bool, model.Enum, model.EnumList, model.Int:
				keep[f.Key] = true
			}
		}
		out[k] = keep
	}
	return out
}

// capPerFile bounds what one file can make a rule report: past
// schema.MaxPerRule+1 findings of one rule in one file (suppressed ones
// counted apart), the first schema.MaxPerRule are kept and one finding of the
// same rule and severity sums up the others. A hostile or generated file
// thus gives a readable report; the exit code is unchanged, since the kept
// findings have the severity of the dropped ones. (The schema caps its own
// findings earlier, where building them costs.)
func capPerFile(fs []finding.Finding) []finding.Finding {
	type key struct {
		path, rule string
		suppressed bool
	}
	count := map[key]int{}
	over := false
	for _, f := range fs {
		k := key{f.Path, f.Rule, f.Suppressed}
		count[k]++
		over = over || count[k] > schema.MaxPerRule+1
	}
	if !over {
		return fs
	}
	seen := map[key]int{}
	out := make([]finding.Finding, 0, len(fs))
	for _, f := range fs {
		k := key{f.Path, f.Rule, f.Suppressed}
		total := count[k]
		if total <= schema.MaxPerRule+1 {
			out = append(out, f)
			continue
		}
		seen[k]++
		switch n := seen[k]; {
		case n <= schema.MaxPerRule:
			out = append(out, f)
		case n == schema.MaxPerRule+1:
			s := f
			s.KeyPath = ""
			s.Message = fmt.Sprintf("… et %s autres constats %s dans ce fichier (seuls les %d premiers sont signalés)",
				schema.FrenchInt(total-schema.MaxPerRule), f.Rule, schema.MaxPerRule)
			out = append(out, s)
		}
	}
	finding.Sort(out)
	return out
}
