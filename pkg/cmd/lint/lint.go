// Package lint is the `registre lint` command.
package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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
	"github.com/registre-qc/registre/pkg/source"
)

// Options are the parsed flags of `registre lint`.
type Options struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	Dir     string
	// Files, when set, are the files named on the command line: the whole
	// repository is loaded, only their findings are reported.
	Files          []string
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
		Use:   "lint [DOSSIER | FICHIER…]",
		Short: "Vérifie les registres : schémas et règles juridiques",
		Long: `Vérifie chaque fichier du dépôt des registres : lecture YAML stricte, schéma du registre, références
entre inscriptions et règles juridiques (Loi sur l'accès, Loi sur le privé, règlements). Chaque constat
indique fichier:ligne:colonne, la sévérité, l'identifiant de la règle (registre explain ID) et l'article.

Le dépôt est cherché comme git le fait : le dossier indiqué (ou le dossier courant), puis ses dossiers
parents, jusqu'à celui qui contient registre.yaml. Avec des FICHIERS (un éditeur, pre-commit), tout le
dépôt est chargé, car les règles croisées en ont besoin, mais seuls les constats de ces fichiers sont
signalés et comptent pour le code de sortie.

Formats (--format, répétable ; NOM=FICHIER écrit dans un fichier) : text (défaut), json, sarif, github,
gitlab, junit. json, sarif, gitlab et junit, lus par des programmes, sont seuls sur la sortie standard. Codes de sortie : 0 aucun constat au niveau d'échec, 1 constats, 2 erreur d'utilisation.

--as-of AAAA-MM-JJ|RÉVISION vérifie le dépôt tel qu'il était au dernier commit de ce jour-là (calendrier de
Montréal) ou à cette révision, lu dans l'historique git sans toucher au dossier de travail ; la commande
indique le commit utilisé.`,
		Example: `  registre lint
  registre lint registres/ --format text --format sarif=lint.sarif
  registre lint communications/COM-0012.yaml registre.yaml
  registre lint --changed-since origin/main --format github
  registre lint --fail-level warning
  registre lint --as-of 2026-03-31`,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = cmdutil.RepoDir(args)
			if len(args) > 1 || len(args) == 1 && !isDir(args[0]) {
				opts.Files = args
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringArrayVarP(&opts.Formats, "format", "f", nil, "format de sortie, NOM ou NOM=FICHIER (text, json, sarif, github, gitlab, junit)")
	cmd.Flags().StringVar(&opts.FailLevel, "fail-level", "", "sévérité qui fait échouer : "+cmdutil.JoinOr(FailLevels)+" (défaut : error)")
	cmd.Flags().StringVar(&opts.ChangedSince, "changed-since", "", "ne signaler que les fichiers modifiés depuis cette révision git (tout le dépôt est chargé)")
	cmd.Flags().BoolVar(&opts.ShowSuppressed, "show-suppressed", false, "afficher aussi les constats ignorés par un bloc ignorer")
	cmd.Flags().StringVar(&opts.Date, "date", "", "date du jour à utiliser (AAAA-MM-JJ), pour les expirations")
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "vérifier le dépôt tel qu'il était à cette date (AAAA-MM-JJ) ou à cette révision git")
	return cmd
}

// FailLevels are the values of --fail-level (and of lint.niveau_echec).
var FailLevels = []string{"error", "warning", "info"}

// Run lints and writes every requested format.
func Run(o *Options) error {
	// The options first: a misspelt format is said wherever the command runs.
	specs := []format.Spec{{Name: format.Default}}
	if len(o.Formats) > 0 {
		specs = specs[:0]
		for _, s := range o.Formats {
			name, _, _ := strings.Cut(s, "=")
			if _, err := cmdutil.Choice("format", name, format.Names()); err != nil {
				return err
			}
			sp, err := format.ParseSpec(s)
			if err != nil {
				return cmdutil.Usagef("%s", err)
			}
			specs = append(specs, sp)
		}
		if err := checkSpecs(specs); err != nil {
			return err
		}
	}
	var only map[string]bool // the named files, relative to the repository
	if len(o.Files) > 0 {
		dir, files, err := filesRepo(o.Files)
		if err != nil {
			return err
		}
		o.Dir, only = dir, files
		for _, rel := range model.SortedKeys(only) {
			if source.Ignored(rel) {
				fmt.Fprintf(o.IO.ErrOut, "registre : %s n'est pas un fichier des registres : non vérifié\n", displayRel(o.Dir, rel))
				delete(only, rel)
			}
		}
	} else {
		dir, err := cmdutil.FindRepo(o.Dir)
		if err != nil {
			return err
		}
		o.Dir = dir
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
		level, err := cmdutil.ChoiceAliases("fail-level", o.FailLevel, FailLevels,
			map[string]string{"erreur": "error", "avertissement": "warning", "warn": "warning", "information": "info"})
		if err != nil {
			return err
		}
		failOverride, _ = finding.ParseSeverity(level)
	}
	cmdutil.TuneGC(o.Factory.Getenv)
	res, err := lint.Run(dir, lint.Options{Today: today, Lean: true})
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	findings, files := res.Findings, res.Files
	if only != nil {
		kept := findings[:0:0]
		for _, f := range findings {
			if only[f.Path] {
				kept = append(kept, f)
			}
		}
		findings, files = kept, len(only)
	}
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
		Findings: findings, FailLevel: fail, Files: files}
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

// RuleInfos describes every rule for the formats (SARIF rules[], JUnit,
// GitLab), with the legal basis of the organisation's sector.
func RuleInfos(private bool) []format.RuleInfo {
	var out []format.RuleInfo
	for _, r := range rule.All() {
		out = append(out, format.RuleInfo{ID: r.ID, Title: r.Doc.Title, Text: r.Doc.Text, Law: r.LawFor(private), Severity: r.Doc.Severity})
	}
	return out
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// filesRepo finds the one repository holding the named files (each from its
// own folder, like the repository of a folder) and returns it with the
// files' slash paths relative to it. A link keeps its own path: its findings
// are reported there.
func filesRepo(names []string) (string, map[string]bool, error) {
	var root, realRoot string
	only := map[string]bool{}
	for _, name := range names {
		st, err := os.Lstat(name)
		if err != nil {
			return "", nil, cmdutil.Usagef("fichier ou dossier introuvable : %s", name)
		}
		if st.IsDir() {
			return "", nil, cmdutil.Usagef("%s est un dossier : indiquez soit un seul dossier (le dépôt), soit des fichiers", name)
		}
		parent := filepath.Dir(name)
		r, err := cmdutil.FindRepo(parent)
		if err != nil {
			return "", nil, err
		}
		rr, err1 := realPath(r)
		rp, err2 := realPath(parent)
		if err := errors.Join(err1, err2); err != nil {
			return "", nil, cmdutil.Usagef("impossible de lire %s : %v", name, err)
		}
		switch {
		case root == "":
			root, realRoot = r, rr
		case rr != realRoot:
			return "", nil, cmdutil.Usagef("%s et %s appartiennent à deux dépôts de registres différents : vérifiez-les séparément", names[0], name)
		}
		rel, err := filepath.Rel(realRoot, filepath.Join(rp, filepath.Base(name)))
		if err != nil {
			return "", nil, cmdutil.Usagef("impossible de situer %s dans le dépôt %s", name, root)
		}
		only[filepath.ToSlash(rel)] = true
	}
	return root, only, nil
}

func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// displayRel shows a repository path from the working directory, as the text format does.
func displayRel(dir, rel string) string {
	if dir == "." || filepath.IsAbs(dir) {
		return rel
	}
	return filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(rel)))
}

// checkSpecs refuses outputs that would spoil each other: a format read by
// a program (json, sarif, gitlab, junit) sharing standard output with
// another, or two formats written to the same file.
func checkSpecs(specs []format.Spec) error {
	var stdout []string // the formats written to standard output, but the one read by a program
	machine := ""
	files := map[string]string{}
	for _, sp := range specs {
		if sp.Path == "" {
			if sp.Name != "text" && sp.Name != "github" && machine == "" {
				machine = sp.Name
				continue
			}
			stdout = append(stdout, sp.Name)
			continue
		}
		key := filepath.Clean(sp.Path)
		if other, ok := files[key]; ok {
			return cmdutil.Usagef("--format %s et --format %s écrivent tous deux dans %s : donnez un fichier à chacun", other, sp.Name, sp.Path)
		}
		files[key] = sp.Name
	}
	if machine != "" && len(stdout) > 0 {
		return cmdutil.Usagef("le format %s est lu par un programme : il ne partage pas la sortie standard avec %s ; écrivez-le dans un fichier (--format %s=FICHIER)",
			machine, strings.Join(stdout, ", "), machine)
	}
	return nil
}
