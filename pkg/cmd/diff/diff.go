// Package diff is `registre diff [REV1 [REV2]]`: what changed in the
// registers between two git revisions, or between a revision and the
// working tree.
package diff

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/format"
	"github.com/registre-qc/registre/pkg/gitutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/regdiff"
)

// Options are the parsed arguments and flags.
type Options struct {
	IO     *iostreams.IOStreams
	From   string // default HEAD
	To     string // "" is the working tree
	Format string
	Dir    string
	Public bool
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "diff [RÉV1 [RÉV2]]",
		Short: "Montre ce qui a changé dans les registres entre deux révisions git",
		Long: `Compare les registres entre deux révisions git : inscriptions ajoutées, supprimées et modifiées,
avec les champs qui ont changé (ancienne → nouvelle valeur ; un long texte est seulement signalé
comme modifié en mode texte). Sans argument : HEAD et l'arbre de travail ; avec RÉV1 seule : RÉV1
et l'arbre de travail. Un fichier déplacé qui garde son identifiant est une modification. Un fichier
illisible d'un côté ou de l'autre est signalé, jamais ignoré. Une révision peut être une date
AAAA-MM-JJ : le dernier commit de ce jour-là (calendrier de Montréal).

Formats : text (défaut), markdown (un tableau par registre, pour un commentaire de demande de
fusion ou la page « Historique des modifications ») et json (forme documentée, stable).
Les incidents et les champs internes sont inclus (outil interne) ; --public ne garde que les
registres publiés et leurs colonnes publiées, tels que le site les montre.
Le code de sortie est toujours 0, sauf erreur d'utilisation (2).`,
		Example: `  registre diff
  registre diff origin/main --format markdown
  registre diff v2025.1 v2026.1 --public --format markdown --dossier registres
  registre diff 2025-12-31 2026-06-30 --public`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			o.From = "HEAD"
			if len(args) > 0 {
				o.From = args[0]
			}
			if len(args) > 1 {
				o.To = args[1]
			}
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVarP(&o.Format, "format", "f", "text", "format de sortie : "+strings.Join(regdiff.Formats, ", "))
	cmd.Flags().StringVarP(&o.Dir, "dossier", "C", ".", "dossier du dépôt des registres (un sous-dossier du dépôt git est permis)")
	cmd.Flags().BoolVar(&o.Public, "public", false, "seulement les registres et les colonnes publiés")
	return cmd
}

// Run compares and writes the report.
func Run(o *Options) error {
	form, err := cmdutil.Choice("format", o.Format, regdiff.Formats)
	if err != nil {
		return err
	}
	o.Format = form
	dir, err := cmdutil.FindRepo(o.Dir)
	if err != nil {
		return err
	}
	o.Dir = dir
	fromRev, err := dateRev(o.Dir, o.From)
	if err != nil {
		return err
	}
	toRev, err := dateRev(o.Dir, o.To)
	if err != nil {
		return err
	}
	from, err := regdiff.Read(o.Dir, fromRev)
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	to, err := regdiff.Read(o.Dir, toRev)
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	rep := regdiff.Compare(from, to, regdiff.Options{Public: o.Public})
	if o.Public && len(rep.Unreadable) > 0 {
		// A public report names no file: tell the operator here, not in it.
		fmt.Fprintln(o.IO.ErrOut, "registre : fichiers illisibles, non comparés (absents du rapport public) :")
		for _, u := range rep.Unreadable {
			side := from.Name
			if u.Side == "a" {
				side = to.Name
			}
			fmt.Fprintln(o.IO.ErrOut, format.GuardLine(format.OneLine(fmt.Sprintf("  %s : %s : %s", side, u.Path, u.Message))))
		}
	}
	return rep.Write(o.IO.Out, o.Format)
}

// dateRev turns a date AAAA-MM-JJ into the last commit of that day in
// Montréal; anything else is a revision, passed through.
func dateRev(dir, spec string) (string, error) {
	if !model.IsDate(spec) {
		return spec, nil
	}
	c, err := gitutil.Resolve(dir, spec, cmdutil.Montreal())
	if err != nil {
		return "", cmdutil.Usagef("%s : %v", spec, err)
	}
	return c, nil
}
