// Package lint runs the whole check of a register repository: load every
// file, validate it against its schema, run the legal rules, apply the
// severities of registre.yaml and the suppressions. The CLI and the tests
// call this; it never reads the clock or the environment.
package lint

import (
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
}

// Result is the outcome of a run.
type Result struct {
	Repo     *model.Repository
	Findings []finding.Finding // sorted; suppressed ones included (Suppressed set)
	Files    int
	// FailLevel from registre.yaml (lint.niveau_echec), Error by default.
	FailLevel finding.Severity
}

// Run lints the repository at root. The error is for usage problems (exit 2):
// a missing folder, broken embedded schemas.
func Run(root string, opts Options) (*Result, error) {
	v, err := schema.New()
	if err != nil {
		return nil, err
	}
	res, err := source.Load(root, source.Options{Workers: opts.Workers})
	if err != nil {
		return nil, err
	}
	fs := res.Findings
	sev := map[string]finding.Severity{}
	if res.Config != nil {
		fs = append(fs, v.Validate(schema.ConfigKey, &schema.Target{Path: model.ConfigFile, Values: res.Config.Values, Positions: res.Config.Positions, Fields: model.ConfigFields})...)
		s, cfs := rule.ParseSeverities(&res.Repo.Config, res.Config.Positions)
		sev, fs = s, append(fs, cfs...)
	}
	for k, s := range opts.Severities {
		sev[k] = s
	}
	fs = append(fs, validateAll(v, res.Repo.Entries, opts.Workers)...)
	out := rule.Run(res.Repo, fs, rule.Config{Severities: sev, Today: opts.Today, Workers: opts.Workers})
	fail := finding.Error
	if s, ok := finding.ParseSeverity(res.Repo.Config.Lint.NiveauEchec); ok && s != finding.Off {
		fail = s
	}
	return &Result{Repo: res.Repo, Findings: out, Files: res.Files, FailLevel: fail}, nil
}
