// Package build is `registre build`: publish the registers as a website.
package build

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/format"
	"github.com/registre-qc/registre/pkg/gitutil"
	"github.com/registre-qc/registre/pkg/lint"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/render/csv"
	"github.com/registre-qc/registre/pkg/site"
	"github.com/registre-qc/registre/pkg/table"
)

// Options are the parsed flags.
type Options struct {
	F          *cmdutil.Factory
	Dir, Out   string
	Audience   string
	Force      bool
	CSVProfile string
	Kinds      []string
	NoPDF      bool
}

// NewCmd builds the command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "build [DOSSIER]",
		Short: "Publie les registres : pages HTML accessibles, PDF, CSV, JSON et manifeste",
		Long: `Produit l'édition publiée des registres dans un dossier (--out, par défaut _site) : pour chaque registre
de publication.registres (registre.yaml), une page HTML accessible, un PDF et un CSV ; une page d'index ;
registres.json pour les générateurs de sites ; SHA256SUMS, le manifeste des fichiers.

Les incidents, les EFVP et les ententes ne sont jamais publiés, ni les fichiers dont l'existence peut être
refusée (art. 76, al. 2). --audience interne produit une édition interne (p. ex. le registre des incidents
pour la Commission) dans un dossier dont le nom contient « interne ».

La publication est refusée si « registre lint » trouve des erreurs, sauf avec --force. Le dossier de sortie
n'est remplacé qu'une fois tout produit : un échec ne laisse jamais un site à moitié publié. Les dates
viennent du dernier commit git (ou de SOURCE_DATE_EPOCH) : le même dépôt donne les mêmes octets.`,
		Example: `  registre build --out _site
  registre build registres/ --out public --csv-profile rfc4180
  registre build --audience interne --registre incidents --out _interne`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.Dir = cmdutil.RepoDir(args)
			return Run(o)
		},
	}
	cmd.Flags().StringVarP(&o.Out, "out", "o", "", "dossier de sortie (défaut : _site, ou _interne pour --audience interne)")
	cmd.Flags().StringVar(&o.Audience, "audience", "public", "public ou interne")
	cmd.Flags().BoolVar(&o.Force, "force", false, "publier malgré les erreurs de vérification")
	cmd.Flags().StringVar(&o.CSVProfile, "csv-profile", "excel-fr", "profil CSV : excel-fr (Excel, « ; », BOM) ou rfc4180")
	cmd.Flags().StringArrayVar(&o.Kinds, "registre", nil, "ne produire que ce registre (répétable)")
	cmd.Flags().BoolVar(&o.NoPDF, "sans-pdf", false, "ne pas produire les PDF")
	return cmd
}

// Run builds the site.
func Run(o *Options) error {
	dir, err := cmdutil.FindRepo(o.Dir)
	if err != nil {
		return err
	}
	o.Dir = dir
	aud, err := ParseAudience(o.Audience)
	if err != nil {
		return err
	}
	prof, err := csv.ParseProfile(o.CSVProfile)
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	if o.Out == "" {
		o.Out = "_site"
		if aud == table.InternalAudience {
			o.Out = "_interne"
		}
		o.Out = filepath.Join(o.Dir, o.Out) // beside registre.yaml, wherever the command runs
	}
	if aud == table.InternalAudience && !strings.Contains(strings.ToLower(filepath.Base(filepath.Clean(o.Out))), "interne") {
		return cmdutil.Usagef("une édition interne s'écrit dans un dossier dont le nom contient « interne » (p. ex. --out _interne), pour ne jamais la confondre avec le site public")
	}
	if err := site.SafeOutput(o.Dir, o.Out); err != nil {
		return cmdutil.Usagef("%s", err)
	}
	today, err := o.F.Today("")
	if err != nil {
		return err
	}
	res, err := lint.Run(o.Dir, lint.Options{Today: today})
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	errs := errorsOnly(res.Findings)
	if len(errs) > 0 {
		txt, _ := format.Get("text")
		rep := format.Report{Tool: "registre", Version: o.F.Version, Root: o.Dir, Findings: errs, Files: res.Files}
		_ = txt.Write(o.F.IO.ErrOut, rep, format.Options{})
		if !o.Force {
			return &cmdutil.FindingsError{Msg: "registre : publication refusée : corrigez les erreurs ci-dessus (registre lint), ou publiez quand même avec --force"}
		}
		fmt.Fprintln(o.F.IO.ErrOut, "registre : --force : publication malgré les erreurs ci-dessus (les fichiers illisibles sont absents de l'édition)")
	}
	kinds, err := selectKinds(res.Repo, o.Kinds, aud)
	if err != nil {
		return err
	}
	dates, err := Dates(o.F, o.Dir, res.Repo)
	if err != nil {
		return err
	}
	s, _ := table.Build(res.Repo, kinds, table.Options{Audience: aud, Updated: dates.Kind, Generator: "registre " + o.F.Version, SiteDate: dates.Site})
	files, err := site.Write(o.Out, s, site.Options{CSVProfile: prof, NoPDF: o.NoPDF})
	if err != nil {
		return fmt.Errorf("publication : %w", err)
	}
	rows := 0
	for _, t := range s.Tables {
		rows += len(t.Rows)
	}
	edition := "Site"
	if aud == table.InternalAudience {
		edition = "Édition interne"
	}
	fmt.Fprintf(o.F.IO.ErrOut, "%s écrit dans %s : %d registre(s), %d inscription(s), %d fichiers (mise à jour : %s)\n",
		edition, o.Out, len(s.Tables), rows, len(files)+1, orDash(s.Updated))
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// ParseAudience reads --audience.
func ParseAudience(s string) (table.Audience, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "public", "publique":
		return table.PublicAudience, nil
	case "interne", "internal":
		return table.InternalAudience, nil
	}
	return 0, cmdutil.Usagef("--audience invalide : %q (public ou interne)", s)
}

func errorsOnly(fs []finding.Finding) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if !f.Suppressed && f.Severity == finding.Error {
			out = append(out, f)
		}
	}
	return out
}

// selectKinds returns the kinds to build: --registre, else publication.registres
// (public), else every kind (internal).
func selectKinds(repo *model.Repository, names []string, aud table.Audience) ([]*model.Kind, error) {
	if len(names) == 0 {
		if aud == table.InternalAudience {
			return model.Kinds, nil
		}
		return repo.Config.Published(), nil
	}
	var ks []*model.Kind
	for _, n := range names {
		k := model.KindByName(n)
		if k == nil {
			return nil, cmdutil.Usagef("registre inconnu : %q (choix : %s)", n, strings.Join(model.KindNames(), ", "))
		}
		if !table.Visible(k, aud) {
			return nil, cmdutil.Usagef("le registre %s est %s : il n'est jamais publié ; utilisez --audience interne", k.Name, k.Visibility.French())
		}
		ks = append(ks, k)
	}
	return ks, nil
}

// BuildDates are the dates stamped on an edition.
type BuildDates struct {
	Site string
	Kind func(kind string) string
}

// Dates takes the edition dates from SOURCE_DATE_EPOCH, else the last git
// commit (per register folder for each table), else the latest date written
// in the entries. The clock is never used: the same input gives the same bytes.
func Dates(f *cmdutil.Factory, dir string, repo *model.Repository) (BuildDates, error) {
	if v := f.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		d, err := gitutil.EpochDate(v)
		if err != nil {
			return BuildDates{}, cmdutil.Usagef("%s", err)
		}
		return BuildDates{Site: d, Kind: func(string) string { return d }}, nil
	}
	if gitutil.IsRepo(dir) {
		if d := gitutil.LastCommitDate(dir, "."); d != "" {
			return BuildDates{Site: d, Kind: func(k string) string {
				if kd := gitutil.LastCommitDate(dir, k); kd != "" {
					return kd
				}
				return d
			}}, nil
		}
	}
	latest := map[string]string{}
	site := ""
	for _, e := range repo.Entries {
		for _, key := range []string{"date_revision", "date_inscription"} {
			if d := e.Date(key); d > latest[e.Kind.Name] {
				latest[e.Kind.Name] = d
			}
		}
		if latest[e.Kind.Name] > site {
			site = latest[e.Kind.Name]
		}
	}
	return BuildDates{Site: site, Kind: func(k string) string { return latest[k] }}, nil
}
