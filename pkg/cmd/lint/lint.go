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
	"github.com/registre-qc/registre/pkg/model"
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
	AsOf           string
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
gitlab, junit. Codes de sortie : 0 aucun constat au niveau d'échec, 1 constats, 2 erreur d'utilisation.

--as-of AAAA-MM-JJ|RÉVISION vérifie le dépôt tel qu'il était au dernier commit de ce jour-là (calendrier de
Montréal) ou à cette révision, lu dans l'historique git sans toucher au dossier de travail ; la commande
indique le commit utilisé.`,
		Example: `  registre lint
  registre lint registres/ --format text --format sarif=lint.sarif
  registre lint --changed-since origin/main --format github
  registre lint --fail-level warning
  registre lint --as-of 2026-03-31`,
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
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "vérifier le dépôt tel qu'il était à cette date (AAAA-MM-JJ) ou à cette révision git")
	return cmd
}

// Run lints and writes every requested format.
func Run(o *Options) error {
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
	guard, err := fsutil.NewGuard(o.Dir)
	if err != nil {
		return err
	}
	guard.Notify = func(m string) { fmt.Fprintln(o.IO.ErrOut, "registre : "+m) }
	for _, sp := range specs {
		if sp.Path != "" {
			if _, err := guard.ReportFile(sp.Path); err != nil {
				return err // before linting: a bad report path is said at once
			}
		}
	}
	dir := o.Dir
	date := o.Date
	if o.AsOf != "" {
		if o.ChangedSince != "" {
			return cmdutil.Usagef("--as-of et --changed-since ne vont pas ensemble : --as-of vérifie tout le dépôt à une date passée")
		}
		snap, err := cmdutil.AsOf(o.Dir, o.AsOf)
		if err != nil {
			return err
		}
		defer snap.Cleanup()
		fmt.Fprintln(o.IO.ErrOut, snap.Describe(o.AsOf))
		dir = snap.Dir
		if date == "" { // date rules (expirations) are judged on that day
			date = snap.Date
			if model.IsDate(o.AsOf) {
				date = o.AsOf
			}
		}
	}
	today, err := o.Factory.Today(date)
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
	res, err := lint.Run(dir, lint.Options{Today: today, Lean: true})
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
	report := format.Report{Tool: "registre", Version: o.Factory.Version, Root: o.Dir, Rules: RuleInfos(res.Repo != nil && res.Repo.Config.Private()),
		Findings: findings, FailLevel: fail, Files: res.Files}
	report.GitPrefix, report.InGit = gitutil.Prefix(o.Dir) // SARIF paths from the git root
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
			if err := guard.WriteReport(sp.Path, buf.Bytes()); err != nil {
				return err
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

// RuleInfos describes every rule for the formats (SARIF rules[], JUnit,
// GitLab), with the legal basis of the organisation's sector.
func RuleInfos(private bool) []format.RuleInfo {
	var out []format.RuleInfo
	for _, r := range rule.All() {
		out = append(out, format.RuleInfo{ID: r.ID, Title: r.Doc.Title, Text: r.Doc.Text, Law: r.LawFor(private), Severity: r.Doc.Severity})
	}
	return out
}
