// Package stats is `registre stats [DOSSIER]`: the counts a rapport annuel
// de gestion needs, as a terminal table, CSV or JSON.
package stats

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
	"github.com/registre-qc/registre/pkg/stats"
)

// Options are the parsed arguments and flags.
type Options struct {
	IO     *iostreams.IOStreams
	Dir    string
	Format string
	Year   string
	Public bool
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "stats [DOSSIER]",
		Short: "Compte les inscriptions : par registre, par année, par appui légal, hors Québec, incidents",
		Long: `Donne les nombres qu'un rapport annuel de gestion demande sur les registres :
  - inscriptions par registre et par année ;
  - inscriptions par appui légal (« A-2.1 art. 67 » pour un article reconnu, sinon la ligne telle
    qu'elle est écrite), pour les communications et les utilisations ;
  - inscriptions à l'extérieur du Québec (oui, non, non précisé) ;
  - incidents de confidentialité, dont ceux qui présentent un risque de préjudice sérieux, et le
    nombre de personnes concernées.

L'année d'une inscription est celle de la première communication (debut), de la prise de
connaissance d'un incident (connaissance), sinon celle de la date d'inscription. --annee ne garde
que les inscriptions de cette année. Les incidents sont comptés : c'est un outil interne.

--public ne compte que ce que le site publie (registres publiés, sans les inscriptions retenues, art. 76,
al. 2, ni celles de confidentialité incertaine) : pour un document public, comme le rapport annuel, aucun
décompte ne laisse deviner une inscription retenue. Sans --public, la sortie d'erreur dit combien
d'inscriptions retenues sont comptées.`,
		Example: `  registre stats
  registre stats registres/ --annee 2025
  registre stats --format csv > statistiques.csv`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.Dir = cmdutil.RepoDir(args)
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVarP(&o.Format, "format", "f", "table", "format de sortie : "+strings.Join(stats.Formats, ", "))
	cmd.Flags().StringVar(&o.Year, "annee", "", "seulement les inscriptions de cette année")
	cmd.Flags().BoolVar(&o.Public, "public", false, "ne compter que ce que le site publie (document public)")
	return cmd
}

var yearRe = regexp.MustCompile(`^[0-9]{4}$`)

// Run computes and writes the statistics.
func Run(o *Options) error {
	form, err := cmdutil.Choice("format", o.Format, stats.Formats)
	if err != nil {
		return err
	}
	o.Format = form
	dir, err := cmdutil.FindRepo(o.Dir)
	if err != nil {
		return err
	}
	o.Dir = dir
	if o.Year != "" && !yearRe.MatchString(o.Year) {
		return cmdutil.Usagef("--annee invalide : %q (quatre chiffres, p. ex. 2025)", o.Year)
	}
	res, err := source.Load(o.Dir, source.Options{})
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	rep := stats.Compute(res.Repo, stats.Options{Year: o.Year, Public: o.Public})
	rep.Unreadable = unreadable(res)
	if !o.Public {
		held := 0
		for _, e := range res.Repo.Entries {
			if e.Kind.Published() && !model.Publishable(e) {
				held++
			}
		}
		if held > 0 {
			fmt.Fprintf(o.IO.ErrOut, "registre : ces décomptes comprennent %d inscription(s) des registres publiés qui ne sont pas publiées (art. 76, al. 2, ou confidentialité incertaine) ; pour un document public, utilisez --public\n", held)
		}
	}
	if rep.Unreadable > 0 {
		fmt.Fprintf(o.IO.ErrOut, "registre : %d fichier(s) illisible(s) ne sont pas comptés ; registre lint %s les détaille\n", rep.Unreadable, o.Dir)
	}
	return rep.Write(o.IO.Out, o.Format)
}

// unreadable counts the entry files the loader could not turn into entries.
func unreadable(res *source.Result) int {
	loaded := map[string]bool{}
	for _, e := range res.Repo.Entries {
		loaded[e.Path] = true
	}
	bad := map[string]bool{}
	for _, f := range res.Findings {
		if f.Severity != finding.Error || loaded[f.Path] {
			continue
		}
		if i := strings.IndexByte(f.Path, '/'); i > 0 && model.KindByName(f.Path[:i]) != nil {
			bad[f.Path] = true
		}
	}
	return len(bad)
}
