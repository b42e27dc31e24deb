// Package echeances is `registre echeances [DOSSIER]`: the dated obligations
// of the repository (incident notices, retention, reviews, agreements, EFVPs,
// suppressions), most urgent first; exit 1 when one is late.
package echeances

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/deadline"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/source"
)

// Options are the parsed arguments and flags.
type Options struct {
	IO      *iostreams.IOStreams
	Dir     string
	Today   string // YYYY-MM-DD, resolved by the factory (--date, REGISTRE_DATE, clock in Montréal)
	Horizon int
	Format  string
	All     bool
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	var date string
	cmd := &cobra.Command{
		Use:   "echeances [DOSSIER]",
		Short: "Liste les obligations datées : avis d'incident, conservation, révisions, ententes, EFVP",
		Long: `Liste les obligations datées du dépôt, de la plus urgente à la moins urgente, chacune avec son
inscription, fichier:ligne, son fondement juridique et sa date d'échéance :
  - incidents à risque de préjudice sérieux dont l'avis à la Commission ou aux personnes concernées
    n'est pas daté (seuil de diligence : lint.delai_avis_cai_jours, 30 jours par défaut) ; un avis
    différé pour ne pas entraver une enquête (avis_differe, art. 63.8, al. 3) est « à réévaluer » ;
  - incidents à conserver (cinq ans après la prise de connaissance), puis ceux qui peuvent être détruits ;
  - inscriptions de l'inventaire à réviser (lint.revision_mois, 24 mois par défaut) ;
  - ententes qui arrivent à leur terme (clé date_fin, ou date_signature et duree comme « 3 ans ») ;
  - EFVP dont le projet a commencé et dont la conclusion est encore en_cours ;
  - exceptions (ignorer, jusqu_au) qui expirent dans l'horizon.

Les dates sont celles du calendrier de Montréal. Code de sortie 1 si une échéance est dépassée (pour
qu'une tâche planifiée échoue), 0 sinon.`,
		Example: `  registre echeances
  registre echeances registres/ --dans 60
  registre echeances --date 2026-03-01 --format markdown >> "$GITHUB_STEP_SUMMARY"`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.Dir = cmdutil.RepoDir(args)
			today, err := f.Today(date)
			if err != nil {
				return err
			}
			o.Today = today
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "date du jour à utiliser (AAAA-MM-JJ ; par défaut : aujourd'hui à Montréal)")
	cmd.Flags().IntVar(&o.Horizon, "dans", 30, "horizon en jours : ce qui vient à échéance d'ici là est « à faire »")
	cmd.Flags().BoolVar(&o.All, "tout", false, "lister aussi les échéances au-delà de l'horizon (texte et Markdown)")
	cmd.Flags().StringVarP(&o.Format, "format", "f", "text", "format de sortie : "+strings.Join(deadline.Formats, ", "))
	return cmd
}

// Run lists the obligations and returns a FindingsError when one is late.
func Run(o *Options) error {
	form, err := cmdutil.Choice("format", o.Format, deadline.Formats)
	if err != nil {
		return err
	}
	o.Format = form
	if o.Horizon < 0 || o.Horizon > 3660 {
		return cmdutil.Usagef("--dans invalide : %d (un nombre de jours entre 0 et 3660)", o.Horizon)
	}
	dir, err := cmdutil.FindRepo(o.Dir)
	if err != nil {
		return err
	}
	o.Dir = dir
	res, err := source.Load(o.Dir, source.Options{})
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	items, err := deadline.List(res.Repo, deadline.Options{Today: o.Today, Horizon: o.Horizon})
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	if o.Format != "json" {
		// Text and Markdown show file:line as lint does, from where the command
		// runs; JSON keeps paths relative to the repository, as documented.
		for i := range items {
			items[i].Path = cmdutil.DisplayPath(o.Dir, items[i].Path)
		}
	}
	if n := unreadable(res); n > 0 {
		fmt.Fprintf(o.IO.ErrOut, "registre : %d fichier(s) illisible(s) : leurs échéances ne sont pas listées ; registre lint %s les détaille\n", n, o.Dir)
	}
	if err := (deadline.Report{Today: o.Today, Horizon: o.Horizon, Items: items, All: o.All}).Write(o.IO.Out, o.Format); err != nil {
		return err
	}
	if deadline.AnyLate(items) {
		return cmdutil.ErrSilent
	}
	return nil
}

// unreadable counts the files with an error-level loading finding.
func unreadable(res *source.Result) int {
	bad := map[string]bool{}
	for _, f := range res.Findings {
		if f.Severity == finding.Error {
			bad[f.Path] = true
		}
	}
	return len(bad)
}
