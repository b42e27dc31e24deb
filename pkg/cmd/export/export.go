// Package export is `registre export KIND`: one register to standard output.
package export

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/edition"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/format"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/render/csv"
	"github.com/registre-qc/registre/pkg/site"
	"github.com/registre-qc/registre/pkg/source"
	"github.com/registre-qc/registre/pkg/table"
)

// Options are the parsed arguments and flags.
type Options struct {
	F        *cmdutil.Factory
	Kind     string // the register, as typed
	Dir      string
	Format   string
	Profile  string
	Audience string
	Force    bool
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "export REGISTRE [DOSSIER]",
		Short: "Écrit un registre sur la sortie standard, en CSV ou en JSON",
		Long: `Écrit le tableau publié d'un registre (mêmes colonnes que le site) sur la sortie standard.
CSV : profil excel-fr (UTF-8 avec BOM, « ; », protection contre l'injection de formules) ou rfc4180.
JSON : la forme documentée dans le README (colonnes, lignes, cellules).
Les registres internes ou confidentiels exigent --audience interne. Comme le site, l'export public ne montre
aucun identifiant d'inscription (le CSV n'a pas de colonne Identifiant ; le JSON numérote les lignes) et
n'exporte jamais une inscription retenue (art. 76, al. 2) ni, même avec --force, une inscription illisible ou
de confidentialité incertaine (PUB-011). L'export public est refusé, même avec --force, si un texte publié
nomme une inscription retenue de la publication (PUB-012). --audience interne garde les identifiants.`,
		Example:   "  registre export communications --format csv --profile rfc4180 > communications.csv\n  registre export inventaire --format json",
		Args:      cobra.RangeArgs(1, 2),
		ValidArgs: model.KindNames(),
		RunE: func(_ *cobra.Command, args []string) error {
			o.Kind, o.Dir = args[0], cmdutil.RepoDir(args[1:])
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVarP(&o.Format, "format", "f", "csv", "format de sortie : "+cmdutil.JoinOr(Formats))
	cmd.Flags().StringVar(&o.Profile, "profile", "excel-fr", "profil CSV : "+cmdutil.JoinOr(csv.ProfileNames()))
	cmd.Flags().StringVar(&o.Audience, "audience", "public", cmdutil.JoinOr(Audiences))
	cmd.Flags().BoolVar(&o.Force, "force", false, "exporter malgré des fichiers illisibles")
	return cmd
}

// Formats are the values of --format.
var Formats = []string{"csv", "json"}

// Audiences are the values of --audience.
var Audiences = []string{"public", "interne"}

// Run writes the register o.Kind to standard output.
func Run(o *Options) error {
	f := o.F
	k := model.KindByName(o.Kind)
	if k == nil {
		return cmdutil.UnknownKind(o.Kind)
	}
	// The options first: a misspelt value is said before the repository is read.
	form, err := cmdutil.Choice("format", o.Format, Formats)
	if err != nil {
		return err
	}
	prof, err := cmdutil.Choice("profile", o.Profile, csv.ProfileNames())
	if err != nil {
		return err
	}
	audience, err := cmdutil.ChoiceAliases("audience", o.Audience, Audiences, edition.AudienceAliases)
	if err != nil {
		return err
	}
	aud, err := edition.ParseAudience(audience)
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	if !table.Visible(k, aud) {
		return cmdutil.Usagef("le registre %s est %s : ajoutez --audience interne pour l'exporter", k.Name, k.Visibility.French())
	}
	dir, err := cmdutil.FindRepo(o.Dir)
	if err != nil {
		return err
	}
	res, err := source.Load(dir, source.Options{})
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	bad := unreadable(res.Findings, k)
	if aud == table.PublicAudience {
		bad = append(bad, doubts(res.Repo, k)...)
	}
	var leaked []finding.Finding
	if aud == table.PublicAudience {
		leaked = leaks(res.Repo, k)
		bad = append(bad, leaked...)
	}
	if len(bad) > 0 {
		finding.Sort(bad)
		txt, _ := format.Get("text")
		_ = txt.Write(f.IO.ErrOut, format.Report{Tool: "registre", Version: f.Version, Root: dir, Findings: bad, Files: res.Files}, format.Options{})
		if len(leaked) > 0 {
			return &cmdutil.FindingsError{Msg: fmt.Sprintf("registre : exportation refusée, même avec --force : %d texte(s) publié(s) nomment une inscription retenue de la publication (PUB-012, ci-dessus) ; retirez ces identifiants des textes", len(leaked))}
		}
		if !o.Force {
			return &cmdutil.FindingsError{Msg: "registre : exportation refusée : des fichiers de ce registre sont illisibles ou de confidentialité incertaine (ils manqueraient à l'export) ; corrigez-les ou utilisez --force"}
		}
		fmt.Fprintln(f.IO.ErrOut, "registre : --force : exportation sans les fichiers ci-dessus (une inscription illisible ou de confidentialité incertaine n'est jamais exportée)")
	}
	dates, err := edition.Of(f.Getenv("SOURCE_DATE_EPOCH"), dir, res.Repo, aud)
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	t := table.Of(res.Repo, k, table.Options{Audience: aud, Updated: dates.Kind})
	if form == "csv" {
		return csv.Write(f.IO.Out, t, csv.Profile(prof))
	}
	// json: the same site fields as registres.json (title, acronym, URL, contact, generator).
	s, _ := table.Build(res.Repo, nil, table.Options{Audience: aud, Generator: "registre " + f.Version, SiteDate: dates.Site})
	s.Tables = []table.Table{t}
	return site.WriteJSON(f.IO.Out, s)
}

// doubts returns, as findings, the confidentiality doubts of k's entries
// (rule PUB-011): those entries are left out of a public export.
func doubts(repo *model.Repository, k *model.Kind) []finding.Finding {
	var out []finding.Finding
	for _, e := range repo.OfKind(k) {
		for _, d := range model.Doubts(e) {
			out = append(out, finding.Finding{Path: e.Path, Pos: e.KeyAt(d.Key), Rule: "PUB-011", Severity: finding.Error,
				Message: d.Message, EntryID: e.ID, KeyPath: d.Key})
		}
	}
	return out
}

// leaks returns, as findings, the published texts of k's entries that name
// an entry withheld from publication (rule PUB-012): the export is refused,
// even with --force.
func leaks(repo *model.Repository, k *model.Kind) []finding.Finding {
	var out []finding.Finding
	for _, l := range model.Leaks(repo, []*model.Kind{k}) {
		out = append(out, finding.Finding{Path: l.Entry.Path, Pos: l.Entry.At(l.KeyPath), Rule: "PUB-012", Severity: finding.Error,
			Message: l.Message(), EntryID: l.Entry.ID, KeyPath: l.KeyPath})
	}
	return out
}

// unreadable returns the load errors that would drop entries of k from the export.
func unreadable(fs []finding.Finding, k *model.Kind) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if f.Severity == finding.Error && strings.HasPrefix(f.Path, k.Name+"/") {
			out = append(out, f)
		}
	}
	return out
}
