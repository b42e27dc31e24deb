// Package avis is `registre avis INC-…`: the notice to the Commission or to
// the persons concerned after a confidentiality incident, written from the
// incident entry and registre.yaml (Regulation, r. 3.1, art. 3 and 5).
package avis

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/fsutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/render/notice"
	"github.com/registre-qc/registre/pkg/source"
	"github.com/registre-qc/registre/pkg/suggest"
)

// Options are the parsed arguments and flags.
type Options struct {
	IO        *iostreams.IOStreams
	ID        string
	Dir       string
	Recipient string
	Format    string
	Out       string
	Today     string
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	var date string
	cmd := &cobra.Command{
		Use:   "avis INC-… [DOSSIER]",
		Short: "Écrit l'avis d'incident à la Commission ou aux personnes concernées",
		Long: `Écrit, à partir de l'inscription de l'incident et de registre.yaml, l'avis qu'exige le Règlement sur
les incidents de confidentialité (A-2.1, r. 3.1 ; P-39.1, r. 3.1) pour un incident qui présente un
risque de préjudice sérieux :
  --destinataire commission   l'avis à la Commission d'accès à l'information (art. 3) : organisation
                              et NEQ, personne à contacter, renseignements, circonstances et cause,
                              dates, nombre de personnes (dont au Québec), évaluation du risque,
                              mesures pour aviser les personnes, mesures prises, autres autorités ;
  --destinataire personnes    l'avis aux personnes concernées (art. 5), en langage simple.

Chaque élément vient d'une clé de l'inscription (voir « registre schema incidents ») ; un élément
manquant est signalé à son fichier:ligne, et aucun document n'est écrit (code de sortie 1).
L'avis est un document interne : il n'est jamais écrit dans un site publié.`,
		Example: `  registre avis INC-0002
  registre avis INC-0002 --destinataire personnes --format html --out avis-personnes.html
  registre avis INC-0002 registres/ --format pdf --out _interne/avis-INC-0002-commission.pdf`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ID = args[0]
			o.Dir = cmdutil.RepoDir(args[1:])
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
	cmd.Flags().StringVar(&o.Recipient, "destinataire", "commission", cmdutil.JoinOr(Recipients))
	cmd.Flags().StringVarP(&o.Format, "format", "f", "md", "format : "+strings.Join(notice.Formats, ", "))
	cmd.Flags().StringVarP(&o.Out, "out", "o", "", "fichier à écrire (par défaut : la sortie standard ; exigé pour pdf sur un terminal)")
	cmdutil.ValueName(cmd.Flags(), "out", "FICHIER")
	cmd.Flags().StringVar(&date, "date", "", "date de l'avis (AAAA-MM-JJ ; par défaut : aujourd'hui à Montréal)")
	return cmd
}

// Recipients are the values of --destinataire.
var Recipients = []string{"commission", "personnes"}

// Run builds the notice and writes it, or reports what is missing.
func Run(o *Options) error {
	recipient, err := cmdutil.ChoiceAliases("destinataire", o.Recipient, Recipients,
		map[string]string{"cai": "commission", "personnes-concernees": "personnes", "personnes_concernees": "personnes"})
	if err != nil {
		return err
	}
	r, err := notice.ParseRecipient(recipient)
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	form, err := cmdutil.Choice("format", o.Format, notice.Formats)
	if err != nil {
		return err
	}
	o.Format = form
	if o.Format == "pdf" && o.Out == "" && o.IO.IsStdoutTTY() {
		return cmdutil.Usagef("un PDF ne s'affiche pas dans le terminal : indiquez --out FICHIER.pdf")
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
	e := res.Repo.ByID[strings.TrimSpace(o.ID)]
	if e == nil {
		for _, f := range res.Findings {
			if strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(f.Path, ".yaml"), ".yml"), "/"+o.ID) && f.Severity == finding.Error {
				return cmdutil.Usagef("%s : l'inscription %s ne peut pas être lue (%s) ; registre lint la détaille", f.Path, o.ID, f.Message)
			}
		}
		where := "dans ce dépôt"
		if o.Dir != "." {
			where = "dans le dépôt " + o.Dir
		}
		var incidents []string
		for _, x := range res.Repo.Entries {
			if x.Kind == model.Incidents {
				incidents = append(incidents, x.ID)
			}
		}
		if sg := suggest.Value(o.ID, incidents); sg != "" {
			return cmdutil.Usagef("aucune inscription %s %s ; vouliez-vous dire %s ?", o.ID, where, sg)
		}
		return cmdutil.Usagef("aucune inscription %s %s (incidents : %s)", o.ID, where, orNone(incidents))
	}
	if e.Kind != model.Incidents {
		return cmdutil.Usagef("%s n'est pas un incident de confidentialité (registre %s) : un avis se donne pour une inscription INC-…", e.ID, e.Kind.Name)
	}
	n, missing := notice.Build(res.Repo, e, r, o.Today)
	if len(missing) > 0 {
		finding.Sort(missing)
		for _, f := range missing {
			p := cmdutil.DisplayPath(o.Dir, f.Path)
			fmt.Fprintf(o.IO.ErrOut, "%s:%d:%d: erreur %s [%s]\n", p, f.Pos.Line, f.Pos.Col, f.Message, f.Law)
		}
		return &cmdutil.FindingsError{Msg: fmt.Sprintf("registre : avis non écrit : %d élément(s) manquant(s) ; complétez l'inscription %s, puis recommencez", len(missing), e.ID)}
	}
	var buf bytes.Buffer
	if err := n.Write(&buf, o.Format); err != nil {
		return err
	}
	if o.Out == "" {
		_, err := o.IO.Out.Write(buf.Bytes())
		return err
	}
	guard, err := fsutil.NewGuard(o.Dir)
	if err != nil {
		return err
	}
	guard.Notify = func(m string) { fmt.Fprintln(o.IO.ErrOut, "registre : "+m) }
	if _, err := guard.ConfidentialFile(o.Out); err != nil {
		return err
	}
	if err := guard.WriteReport(o.Out, buf.Bytes()); err != nil {
		return err
	}
	to := "à la Commission"
	if r == notice.Persons {
		to = "aux personnes concernées"
	}
	fmt.Fprintf(o.IO.ErrOut, "Avis %s écrit : %s (document interne : il se transmet, il ne se publie pas)\n", to, o.Out)
	return nil
}

// orNone lists ids, or says there is none.
func orNone(ids []string) string {
	if len(ids) == 0 {
		return "aucun"
	}
	if len(ids) > 10 {
		return strings.Join(ids[:10], ", ") + ", …"
	}
	return strings.Join(ids, ", ")
}
