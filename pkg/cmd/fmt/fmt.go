// Package fmtcmd is `registre fmt`: rewrite every entry file in its canonical
// form (pkg/entryfile), or with --check list the files that would change.
package fmtcmd

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/registre-qc/registre/pkg/oserr"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/entryfile"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/fsutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/parallel"
	"github.com/registre-qc/registre/pkg/source"
)

// Options are the parsed flags of `registre fmt`.
type Options struct {
	IO      *iostreams.IOStreams
	Dir     string
	Check   bool
	Workers int // 0: one per core
	// Getenv, when set, lets Run tune the garbage collector (cmdutil.TuneGC)
	// unless GOGC or GOMEMLIMIT say otherwise; tests leave it nil.
	Getenv func(string) string
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Getenv: f.Getenv}
	cmd := &cobra.Command{
		Use:   "fmt [DOSSIER]",
		Short: "Met les inscriptions en forme canonique (ordre des clés, guillemets, blocs de texte)",
		Long: `Réécrit chaque inscription du dépôt dans sa forme canonique : les clés dans l'ordre du registre
(celui de « registre new »), les clés inconnues à la fin, en ordre alphabétique, les listes une valeur
par ligne, les guillemets seulement là où YAML en a besoin, les textes de plusieurs lignes en bloc « | ».
Aucune valeur ne change et les commentaires sont conservés ; un fichier dont le YAML est invalide est
signalé (fichier:ligne) et laissé tel quel. registre.yaml n'est pas modifié : ses commentaires servent
de mode d'emploi et leur place compte plus que l'ordre des clés.

Avec --check, rien n'est écrit : la commande affiche chaque fichier qui serait modifié et échoue s'il
y en a (intégration continue, crochet pre-commit).

Codes de sortie : 0 tout est en forme, 1 fichiers à reformater (--check) ou illisibles, 2 erreur d'utilisation.`,
		Example: `  registre fmt
  registre fmt registres/
  registre fmt --check`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = cmdutil.RepoDir(args)
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "ne rien écrire : lister les fichiers à reformater et échouer s'il y en a")
	return cmd
}

// target is one entry file to format.
type target struct {
	rel    string // slash path relative to the repository
	kind   *model.Kind
	values map[string]any // as the loader decoded them (nil: decode again)
}

// result is the outcome for one file.
type result struct {
	changed bool
	problem string // "path:line: message" when the file cannot be formatted
}

// Run formats the repository (or checks it).
func Run(o *Options) error {
	dir, err := cmdutil.FindRepo(o.Dir)
	if err != nil {
		return err
	}
	o.Dir = dir
	if o.Getenv != nil {
		cmdutil.TuneGC(o.Getenv)
	}
	// Each entry is formatted as soon as it is decoded, from the bytes the
	// loader read: no file is read twice, and the decoded values, which
	// nothing reads afterwards, are let go at once (only the canonical form
	// of a file to rewrite is kept until it is written).
	var mu sync.Mutex
	early := map[string]formatted{}
	onSource := func(e *model.Entry, data []byte) {
		r := formatSource(o.Dir, e.Path, e.Kind, data, e.Values, !o.Check)
		e.Values = nil
		mu.Lock()
		early[e.Path] = r
		mu.Unlock()
	}
	res, err := source.Load(o.Dir, source.Options{Workers: o.Workers, Source: onSource})
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	targets, problems := collect(o.Dir, res)
	guard, err := fsutil.NewGuard(o.Dir)
	if err != nil {
		return err
	}
	// A link (to a file inside the repository: the loader reads no other) is
	// left as it is: fmt rewrites files, never what a link points to.
	kept := targets[:0]
	for _, t := range targets {
		if res.Links[t.rel] {
			fmt.Fprintf(o.IO.ErrOut, "%s: lien symbolique laissé tel quel (reformatez le fichier visé)\n", display(o.Dir, t.rel))
			continue
		}
		kept = append(kept, t)
	}
	targets = kept

	results := make([]result, len(targets))
	parallel.For(len(targets), o.Workers, func(_, i int) {
		t := targets[i]
		if r, ok := early[t.rel]; ok {
			results[i] = finish(guard, o.Dir, t.rel, r, o.Check)
			return
		}
		results[i] = formatFile(guard, o.Dir, t, o.Check)
	})

	var changed []string
	for i, r := range results {
		if r.problem != "" {
			problems = append(problems, r.problem)
		}
		if r.changed {
			changed = append(changed, display(o.Dir, targets[i].rel))
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		fmt.Fprintln(o.IO.ErrOut, p)
	}
	if o.Check {
		for _, p := range changed {
			fmt.Fprintln(o.IO.Out, p)
		}
		if len(changed) > 0 {
			fmt.Fprintf(o.IO.ErrOut, "%s : lancez « registre fmt »\n", count(len(changed), "fichier à reformater", "fichiers à reformater"))
		}
	} else {
		fmt.Fprintln(o.IO.ErrOut, count(len(changed), "fichier reformaté", "fichiers reformatés"))
	}
	if len(problems) > 0 {
		return &cmdutil.FindingsError{Msg: count(len(problems), "fichier illisible laissé tel quel", "fichiers illisibles laissés tels quels")}
	}
	if o.Check && len(changed) > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// collect lists the entry files of the loaded repository, and the problems of
// the files the loader could not read as YAML (they are left alone).
func collect(dir string, res *source.Result) ([]target, []string) {
	broken := map[string]bool{}
	var problems []string
	var targets []target
	for _, f := range res.Findings {
		if !isEntryPath(f.Path) {
			continue
		}
		switch {
		case strings.HasPrefix(f.Rule, "YAML-"):
			if !broken[f.Path] {
				broken[f.Path] = true
				problems = append(problems, fmt.Sprintf("%s: %s (%s)", location(dir, f), f.Message, f.Rule))
			}
		case f.Rule == "REF-002": // a second file with the same id: not in Repo.Entries, formatted all the same
			targets = append(targets, target{rel: f.Path, kind: model.KindByName(firstElem(f.Path))})
		}
	}
	for _, e := range res.Repo.Entries {
		targets = append(targets, target{rel: e.Path, kind: e.Kind, values: e.Values})
	}
	kept := targets[:0]
	seen := map[string]bool{}
	for _, t := range targets {
		if !broken[t.rel] && !seen[t.rel] && t.kind != nil {
			seen[t.rel] = true
			kept = append(kept, t)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].rel < kept[j].rel })
	return kept, problems
}

func isEntryPath(p string) bool {
	return strings.Contains(p, "/") && model.KindByName(firstElem(p)) != nil
}

func firstElem(p string) string {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return p
}

// formatted is the outcome of formatting one file's bytes, and the canonical
// form to write when asked for.
type formatted struct {
	result
	out []byte
}

// formatFile reads a file and formats it (or checks it).
func formatFile(guard *fsutil.Guard, dir string, t target, check bool) result {
	abs := filepath.Join(dir, filepath.FromSlash(t.rel))
	src, err := source.ReadFile(abs)
	if err != nil {
		return result{problem: fmt.Sprintf("%s: impossible de lire : %v", display(dir, t.rel), unwrapPath(err))}
	}
	return finish(guard, dir, t.rel, formatSource(dir, t.rel, t.kind, src, t.values, !check), check)
}

// formatSource formats the bytes src of the file rel (values: as the loader
// decoded them, or nil); keep keeps the canonical form of a changed file, in
// memory of its own (src may be a buffer the caller reuses).
func formatSource(dir, rel string, k *model.Kind, src []byte, values map[string]any, keep bool) formatted {
	out, changed, err := entryfile.FormatDecoded(k, src, values)
	if err != nil {
		var se *entryfile.SyntaxError
		if errors.As(err, &se) {
			return formatted{result: result{problem: fmt.Sprintf("%s:%d: %s (%s)", display(dir, rel), se.Line, se.Message, se.Rule)}}
		}
		return formatted{result: result{problem: fmt.Sprintf("%s: %s", display(dir, rel), err)}}
	}
	if !changed || !keep {
		return formatted{result: result{changed: changed}}
	}
	return formatted{result: result{changed: true}, out: bytes.Clone(out)}
}

// finish writes the canonical form of a changed file, unless checking.
func finish(guard *fsutil.Guard, dir, rel string, f formatted, check bool) result {
	if f.problem != "" || !f.changed || check {
		return f.result
	}
	abs := filepath.Join(dir, filepath.FromSlash(rel))
	if err := guard.WriteFile(abs, f.out); err != nil {
		return result{problem: fmt.Sprintf("%s: écriture impossible : %v", display(dir, rel), unwrapPath(err))}
	}
	return result{changed: true}
}

// unwrapPath is the French reason of err, for a message that names the path.
func unwrapPath(err error) string { return oserr.Reason(err) }

// display joins the repository folder and a relative path the way lint shows them.
func display(dir, rel string) string {
	d := filepath.ToSlash(dir)
	if d == "" || d == "." || filepath.IsAbs(dir) {
		return rel
	}
	return path.Join(d, rel)
}

func location(dir string, f finding.Finding) string {
	f.Path = display(dir, f.Path)
	if f.Pos.Line == 0 {
		return f.Path
	}
	return fmt.Sprintf("%s:%d", f.Path, f.Pos.Line)
}

// count writes « 1 fichier reformaté », « 3 fichiers reformatés » (0 takes the singular in French).
func count(n int, one, many string) string {
	if n <= 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
