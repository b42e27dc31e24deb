// Package build is `registre build`: publish the registers as a website.
package build

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/edition"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/format"
	"github.com/registre-qc/registre/pkg/fsutil"
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
	AsOf       string
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "build [DOSSIER]",
		Short: "Publie les registres : pages HTML accessibles, PDF, CSV, JSON et manifeste",
		Long: `Produit l'édition publiée des registres dans un dossier (--out, par défaut _site) : pour chaque registre
de publication.registres (registre.yaml), une page HTML accessible, un PDF et un CSV ; une page d'index ;
registres.json pour les générateurs de sites ; SHA256SUMS, le manifeste des fichiers.

Les incidents, les EFVP et les ententes ne sont jamais publiés, ni les fichiers dont l'existence peut être
refusée (art. 76, al. 2). --audience interne produit une édition interne dans un dossier nommé « interne »
ou dont le nom finit par « -interne » ou « _interne », hors de tout site public. --audience commission
produit la copie que la Commission d'accès à l'information demande : le registre des incidents complet (et,
avec --registre, les EFVP et les ententes), en PDF et en CSV, une page de garde (organisme, responsable,
date, révision du dépôt) et le manifeste, dans un dossier nommé « commission » ou qui finit par
« -commission » ou « _commission » (par défaut _commission), hors de tout site public.

Le dossier de sortie n'est remplacé que s'il est absent, vide ou produit par « registre build » pour la
même audience (fichier .registre-edition) sans rien d'autre que ce que liste son manifeste SHA256SUMS (un
.git, un CNAME ou un avis qu'on y a ajoutés le font refuser) ; jamais le dépôt, un dossier qui le contient, un dossier de
registre, .git ni un dossier du système. Deux publications dans le même dossier se suivent (verrou ;
REGISTRE_VERROU_ATTENTE : secondes d'attente, 60 par défaut).
Même avec --force, une inscription illisible ou dont la confidentialité ou le registre sont incertains
(règle PUB-011) n'est jamais publiée, et la publication est refusée si un texte publié nomme une
inscription retenue de la publication (règle PUB-012). L'édition publique ne montre aucun identifiant d'inscription : les
lignes sont numérotées (N°), pour qu'aucune inscription retenue ne se devine à un trou dans la numérotation.

La publication est refusée si « registre lint » trouve des erreurs, sauf avec --force. Le dossier de sortie
n'est remplacé qu'une fois tout produit : un échec ne laisse jamais un site à moitié publié. Les dates
viennent du dernier commit git (ou de SOURCE_DATE_EPOCH) : le même dépôt donne les mêmes octets.

--as-of AAAA-MM-JJ|RÉVISION reproduit l'édition du dépôt tel qu'il était au dernier commit de ce jour-là
(calendrier de Montréal) ou à cette révision, lu dans l'historique git sans toucher au dossier de travail,
avec les dates de ce commit : ce que le registre publié disait ce jour-là. La commande indique le commit.`,
		Example: `  registre build --out _site
  registre build registres/ --out public --csv-profile rfc4180
  registre build --audience interne --registre incidents --out _interne
  registre build --audience commission --registre incidents --registre efvp --out copie_commission`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.Dir = cmdutil.RepoDir(args)
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVarP(&o.Out, "out", "o", "", "dossier de sortie (défaut : _site, ou _interne pour --audience interne)")
	cmd.Flags().StringVar(&o.Audience, "audience", "public", cmdutil.JoinOr(Audiences))
	cmd.Flags().BoolVar(&o.Force, "force", false, "publier malgré les erreurs de vérification")
	cmd.Flags().StringVar(&o.CSVProfile, "csv-profile", "excel-fr", "profil CSV : excel-fr (Excel, « ; », BOM) ou rfc4180")
	cmd.Flags().StringArrayVar(&o.Kinds, "registre", nil, "ne produire que ce registre")
	cmd.Flags().BoolVar(&o.NoPDF, "sans-pdf", false, "ne pas produire les PDF")
	cmd.Flags().StringVar(&o.AsOf, "as-of", "", "produire l'édition du dépôt tel qu'il était à cette date (AAAA-MM-JJ) ou à cette révision git")
	return cmd
}

// Audiences are the values of --audience.
var Audiences = []string{"public", "interne", "commission"}

// Run builds the site.
func Run(o *Options) error {
	// The options first: a misspelt value is said before the repository is read.
	audience, err := cmdutil.ChoiceAliases("audience", o.Audience, Audiences, edition.AudienceAliases)
	if err != nil {
		return err
	}
	profile, err := cmdutil.Choice("csv-profile", o.CSVProfile, csv.ProfileNames())
	if err != nil {
		return err
	}
	prof := csv.Profile(profile)
	dir, err := cmdutil.FindRepo(o.Dir)
	if err != nil {
		return err
	}
	o.Dir = dir
	commission := audience == "commission"
	aud := table.InternalAudience
	if !commission {
		if aud, err = edition.ParseAudience(audience); err != nil {
			return cmdutil.Usagef("%s", err)
		}
	}
	if o.Out == "" {
		o.Out = "_site"
		if aud == table.InternalAudience {
			o.Out = "_interne"
		}
		if commission {
			o.Out = "_commission"
		}
		o.Out = filepath.Join(o.Dir, o.Out) // beside registre.yaml, wherever the command runs
	}
	guard, err := fsutil.NewGuard(o.Dir)
	if err != nil {
		return err
	}
	guard.Notify = func(m string) { fmt.Fprintln(o.F.IO.ErrOut, "registre : "+m) }
	ed := edition.Folder(aud)
	if commission {
		ed = fsutil.CommissionEdition
	}
	if _, err := guard.EditionDir(o.Out, ed); err != nil {
		return err // checked before the long work; checked again under the folder's lock
	}
	wait, err := lockWait(o.F.Getenv)
	if err != nil {
		return err
	}
	today, err := o.F.Today("")
	if err != nil {
		return err
	}
	src, rev := o.Dir, ""
	if o.AsOf != "" {
		snap, err := cmdutil.AsOf(o.Dir, o.AsOf)
		if err != nil {
			return err
		}
		defer snap.Cleanup()
		fmt.Fprintln(o.F.IO.ErrOut, snap.Describe(o.AsOf))
		src, rev = snap.Dir, snap.Commit
		today = snap.Date
		if model.IsDate(o.AsOf) {
			today = o.AsOf
		}
	}
	tuneGC(o.F.Getenv)
	res, err := lint.Run(src, lint.Options{Today: today})
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
	names := o.Kinds
	if commission && len(names) == 0 {
		names = []string{model.Incidents.Name}
	}
	kinds, err := selectKinds(res.Repo, names, aud)
	if err != nil {
		return err
	}
	if aud == table.PublicAudience && !commission {
		if n := leaks(res.Findings, kinds); n > 0 {
			// Even with --force: the error findings above name the files,
			// lines and withheld ids; the public edition would reveal them.
			return &cmdutil.FindingsError{Msg: fmt.Sprintf("registre : publication refusée, même avec --force : %d texte(s) publié(s) nomment une inscription retenue de la publication (PUB-012, ci-dessus) ; retirez ces identifiants des textes", n)}
		}
	}
	if commission {
		for _, k := range kinds {
			if k != model.Incidents && k != model.EFVP && k != model.Ententes {
				return cmdutil.Usagef("la copie pour la Commission comprend les incidents, les EFVP et les ententes ; %s est un registre publié : utilisez registre build", k.Name)
			}
		}
	}
	dates, err := edition.At(o.F.Getenv("SOURCE_DATE_EPOCH"), o.Dir, rev, res.Repo, aud)
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	s, _ := table.Build(res.Repo, kinds, table.Options{Audience: aud, Updated: dates.Kind, Generator: "registre " + o.F.Version, SiteDate: dates.Site})
	if aud == table.PublicAudience {
		if n := len(table.Doubtful(res.Repo, kinds)); n > 0 {
			fmt.Fprintf(o.F.IO.ErrOut, "registre : %d inscription(s) non publiée(s) par prudence (fichier illisible, registre ou confidentialité incertains : voir les erreurs ci-dessus) ; --force ne les publie jamais\n", n)
		}
	}
	so := site.Options{CSVProfile: prof, NoPDF: o.NoPDF, Guard: guard, LockWait: wait, Edition: ed}
	if commission {
		cover := coverPage(res.Repo, s, revision(o.Dir, rev))
		so.Cover = &cover
	}
	files, err := site.Write(o.Out, s, so)
	if err != nil {
		var r *fsutil.Refusal
		if errors.As(err, &r) {
			return err
		}
		return fmt.Errorf("publication : %w", err)
	}
	rows := 0
	for _, t := range s.Tables {
		rows += len(t.Rows)
	}
	edition := "Site écrit"
	if aud == table.InternalAudience {
		edition = "Édition interne écrite"
	}
	if commission {
		edition = "Copie pour la Commission (confidentielle) écrite"
	}
	fmt.Fprintf(o.F.IO.ErrOut, "%s dans %s : %d registre(s), %d inscription(s), %d fichiers (mise à jour : %s)\n",
		edition, o.Out, len(s.Tables), rows, len(files)+1, orDash(s.Updated))
	if ed.Restricted() {
		warnNotIgnored(o, ed)
	}
	return nil
}

// warnNotIgnored warns when a restricted edition was written in a git work
// tree that does not ignore it: the next « git add -A » would commit the
// confidential copy, and a push publish it wherever the repository goes.
func warnNotIgnored(o *Options, ed fsutil.Edition) {
	p, err := fsutil.Resolve(o.Out)
	if err != nil {
		return
	}
	name := filepath.Base(p) + "/" + fsutil.ManifestFile
	if ignored, known := gitutil.Ignored(filepath.Dir(p), name); known && !ignored {
		fmt.Fprintf(o.F.IO.ErrOut, "registre : attention : %s est dans un dépôt git qui ne l'ignore pas : « git add -A » y verserait cette édition %s ; ajoutez « %s/ » au fichier .gitignore (ou écrivez-la hors du dépôt)\n",
			o.Out, ed.Label, filepath.Base(p))
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// tuneGC sets a soft memory ceiling of 384 MiB: a 10,000-entry edition
// holds about 250 MB live while its PDF is drawn, and the default collector
// lets the process grow to twice that. Near the ceiling the collector runs
// more often (Go bounds its CPU share, so a larger repository is slower, never
// stopped). GOGC or GOMEMLIMIT, when set, win.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(384 << 20)
}

// lockWait reads REGISTRE_VERROU_ATTENTE: how many seconds a build waits for
// another build into the same folder (default 60).
func lockWait(getenv func(string) string) (time.Duration, error) {
	v := strings.TrimSpace(getenv("REGISTRE_VERROU_ATTENTE"))
	if v == "" {
		return 60 * time.Second, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 86400 {
		return 0, cmdutil.Usagef("REGISTRE_VERROU_ATTENTE invalide : %q (un nombre de secondes entre 0 et 86400)", v)
	}
	return time.Duration(n) * time.Second, nil
}

// leaks counts the PUB-012 findings on entries of the kinds being published
// and on registre.yaml, whose texts every edition shows.
func leaks(fs []finding.Finding, kinds []*model.Kind) int {
	n := 0
	for _, f := range fs {
		if f.Rule != "PUB-012" {
			continue
		}
		if f.Path == model.ConfigFile {
			n++
			continue
		}
		for _, k := range kinds {
			if strings.HasPrefix(f.Path, k.Name+"/") {
				n++
				break
			}
		}
	}
	return n
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
			return nil, cmdutil.UnknownKind(n)
		}
		if !table.Visible(k, aud) {
			return nil, cmdutil.Usagef("le registre %s est %s : il n'est jamais publié ; utilisez --audience interne", k.Name, k.Visibility.French())
		}
		ks = append(ks, k)
	}
	return ks, nil
}
