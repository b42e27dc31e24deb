// Package lint is the `registre lint` command.
package lint

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/format"
	"github.com/registre-qc/registre/pkg/fsutil"
	"github.com/registre-qc/registre/pkg/gitutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/lint"
	"github.com/registre-qc/registre/pkg/rule"
)

// Options are the parsed flags of `registre lint`.
type Options struct {
	IO             *iostreams.IOStreams
	Factory        *cmdutil.Factory
	Dir            string
	Formats        []string
	FailLevel      string
	ChangedSince   string
	ShowSuppressed bool
	Date           string
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "lint [DOSSIER]",
		Short: "Vérifie les registres : schémas et règles juridiques",
		Long: `Vérifie chaque fichier du dépôt des registres : lecture YAML stricte, schéma du registre, références
entre inscriptions et règles juridiques (Loi sur l'accès, Loi sur le privé, règlements). Chaque constat
indique fichier:ligne:colonne, la sévérité, l'identifiant de la règle (registre explain ID) et l'article.

Formats (--format, répétable ; NOM=FICHIER écrit dans un fichier) : text (défaut), json, sarif, github,
gitlab, junit. Codes de sortie : 0 aucun constat au niveau d'échec, 1 constats, 2 erreur d'utilisation.`,
		Example: `  registre lint
  registre lint registres/ --format text --format sarif=lint.sarif
  registre lint --changed-since origin/main --format github
  registre lint --fail-level warning`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = cmdutil.RepoDir(args)
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringArrayVarP(&opts.Formats, "format", "f", nil, "format de sortie, NOM ou NOM=FICHIER (text, json, sarif, github, gitlab, junit)")
	cmd.Flags().StringVar(&opts.FailLevel, "fail-level", "", "sévérité qui fait échouer : error (défaut), warning ou info")
	cmd.Flags().StringVar(&opts.ChangedSince, "changed-since", "", "ne signaler que les fichiers modifiés depuis cette révision git (tout le dépôt est chargé)")
	cmd.Flags().BoolVar(&opts.ShowSuppressed, "show-suppressed", false, "afficher aussi les constats ignorés par un bloc ignorer")
	cmd.Flags().StringVar(&opts.Date, "date", "", "date du jour à utiliser (AAAA-MM-JJ), pour les expirations")
	return cmd
}

// Run lints and writes every requested format.
func Run(o *Options) error {
	dir, err := cmdutil.FindRepo(o.Dir)
	if err != nil {
		return err
	}
	o.Dir = dir
	specs := []format.Spec{{Name: format.Default}}
	if len(o.Formats) > 0 {
		specs = specs[:0]
		for _, s := range o.Formats {
			sp, err := format.ParseSpec(s)
			if err != nil {
				return cmdutil.Usagef("%s", err)
			}
			specs = append(specs, sp)
		}
	}
	today, err := o.Factory.Today(o.Date)
	if err != nil {
		return err
	}
	var failOverride finding.Severity
	if o.FailLevel != "" {
		s, ok := finding.ParseSeverity(o.FailLevel)
		if !ok || s == finding.Off {
			return cmdutil.Usagef("--fail-level invalide : %q (error, warning ou info)", o.FailLevel)
		}
		failOverride = s
	}
	tuneGC(o.Factory.Getenv)
	res, err := lint.Run(o.Dir, lint.Options{Today: today, Lean: true})
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	findings := res.Findings
	if o.ChangedSince != "" {
		changed, err := gitutil.Changed(o.Dir, o.ChangedSince)
		if err != nil {
			return cmdutil.Usagef("--changed-since : %s", err)
		}
		kept := findings[:0:0]
		for _, f := range findings {
			if changed[f.Path] {
				kept = append(kept, f)
			}
		}
		findings = kept
	}
	fail := res.FailLevel
	if failOverride != finding.Off {
		fail = failOverride
	}
	report := format.Report{Tool: "registre", Version: o.Factory.Version, Root: o.Dir, Rules: RuleInfos(),
		Findings: findings, FailLevel: fail, Files: res.Files}
	for _, sp := range specs {
		fm, _ := format.Get(sp.Name)
		opts := format.Options{ShowSuppressed: o.ShowSuppressed}
		var w io.Writer = o.IO.Out
		var buf bytes.Buffer
		if sp.Path != "" {
			w = &buf
		} else {
			opts.Color = o.IO.ColorEnabled() && sp.Name == "text"
		}
		if sp.Name == "github" {
			if p := o.Factory.Getenv("GITHUB_STEP_SUMMARY"); p != "" {
				sf, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
				if err != nil {
					return fmt.Errorf("impossible d'ouvrir GITHUB_STEP_SUMMARY (%s) : %w", p, err)
				}
				defer sf.Close()
				opts.StepSummary = sf
			}
		}
		if err := fm.Write(w, report, opts); err != nil {
			return fmt.Errorf("écriture du format %s : %w", sp.Name, err)
		}
		if sp.Path != "" {
			if err := fsutil.WriteFile(sp.Path, buf.Bytes()); err != nil {
				return fmt.Errorf("écriture de %s : %w", sp.Path, err)
			}
		}
	}
	if finding.Fails(findings, fail) {
		return cmdutil.ErrSilent
	}
	return nil
}

// tuneGC trades memory headroom for less garbage-collection work: lint keeps
// little (lean mode, about 20 MB for 10,000 entries) but produces much
// short-lived garbage while decoding. The collector runs less often (GOGC
// 400) under a soft ceiling of 80 MiB; above it, Go's limit on collector CPU
// keeps very large repositories from thrashing. GOGC or GOMEMLIMIT, when set,
// win.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(80 << 20)
}

// RuleInfos describes every rule for the formats (SARIF rules[], JUnit, GitLab).
func RuleInfos() []format.RuleInfo {
	var out []format.RuleInfo
	for _, r := range rule.All() {
		out = append(out, format.RuleInfo{ID: r.ID, Title: r.Doc.Title, Text: r.Doc.Text, Law: r.Doc.Law, Severity: r.Doc.Severity})
	}
	return out
}
