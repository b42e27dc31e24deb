// Package imports is `registre import KIND FICHIER [DOSSIER]`: an existing
// published table (CSV or XLSX) becomes entry files. (The folder is not
// named import, a Go keyword.)
package imports

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/format"
	"github.com/registre-qc/registre/pkg/importer"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

// Options are the parsed arguments and flags.
type Options struct {
	IO            *iostreams.IOStreams
	Kind          string
	File          string // "-" reads standard input
	Dir           string
	Sheet         string
	Force         bool
	DryRun        bool
	IgnoreColumns []string
	IgnoreUnknown bool
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "import REGISTRE FICHIER [DOSSIER]",
		Short: "Reprend un tableau existant (CSV ou XLSX) : une inscription par ligne",
		Long: `Crée une inscription (un fichier DOSSIER/REGISTRE/PRÉFIXE-NNNN.yaml) pour chaque ligne d'un tableau
publié : un CSV (séparateur « ; », « , » ou tabulation, UTF-8 ou Windows-1252) ou un classeur XLSX
(première feuille, ou --feuille). La première ligne non vide donne les titres de colonnes : ceux du
registre publié (registre schema REGISTRE), reconnus sans égard à la casse, aux accents, au pluriel ni
à « RP » pour « renseignements personnels » ; la clé YAML d'un champ est aussi acceptée.

Rien n'est perdu : une valeur qui ne convient pas à son champ (« peut-être » dans une colonne Oui/Non)
est gardée telle quelle, et registre lint la signale. Une colonne obligatoire absente est signalée
mais n'empêche pas l'importation ; une colonne inconnue l'empêche, sauf --ignore-column ou
--ignore-unknown. Les identifiants viennent de la colonne Identifiant, sinon ils suivent ceux du dépôt,
sans jamais redonner un identifiant qui a existé dans son historique git.

Une ligne dont le contenu publié est déjà celui d'une inscription du dépôt (mêmes valeurs dans les
colonnes du tableau, aux espaces près ; une liste et un texte sur autant de lignes sont égaux) est
ignorée et signalée : importer deux fois le même tableau ne crée rien de plus.

Tout ou rien : si un seul fichier ne peut être écrit, aucun ne l'est. Une inscription existante de même
identifiant (colonne Identifiant) et de contenu différent n'est mise à jour qu'avec --force, et seulement
dans les colonnes du tableau : ses autres clés (unite, efvp, debut…) et ses commentaires sont gardés.
Réimporter ce qu'écrit « registre export » redonne les mêmes fichiers.`,
		Example: `  registre import communications registre-communications.csv
  registre import inventaire inventaire.xlsx --feuille "Inventaire 2025" registres/
  registre import utilisations utilisations.csv --dry-run
  registre import communications ancien.csv --ignore-column "Direction responsable"`,
		Args:      cobra.RangeArgs(2, 3),
		ValidArgs: model.KindNames(),
		RunE: func(_ *cobra.Command, args []string) error {
			o.Kind, o.File = args[0], args[1]
			o.Dir = cmdutil.RepoDir(args[2:])
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Sheet, "feuille", "", "feuille du classeur XLSX à lire (défaut : la première)")
	fl.BoolVar(&o.Force, "force", false, "mettre à jour les inscriptions existantes de même identifiant (colonnes du tableau seulement)")
	fl.BoolVarP(&o.DryRun, "dry-run", "n", false, "afficher les fichiers qui seraient écrits, sans rien écrire")
	fl.StringArrayVar(&o.IgnoreColumns, "ignore-column", nil, "ignorer la colonne de ce titre")
	fl.BoolVar(&o.IgnoreUnknown, "ignore-unknown", false, "ignorer toutes les colonnes inconnues")
	return cmd
}

// Run imports.
func Run(o *Options) error {
	k := model.KindByName(o.Kind)
	if k == nil {
		return cmdutil.UnknownKind(o.Kind)
	}
	// Inside a repository, its root; elsewhere, the folder as given: import
	// may start a new repository.
	if st, err := os.Stat(o.Dir); err != nil || !st.IsDir() {
		return cmdutil.Usagef("dossier introuvable : %s (indiquez le dossier du dépôt des registres)", o.Dir)
	}
	if dir, err := cmdutil.FindRepo(o.Dir); err == nil {
		o.Dir = dir
	}
	name, data, err := readInput(o)
	if err != nil {
		return err
	}
	sheet, err := importer.Read(name, data, importer.ReadOptions{Sheet: o.Sheet})
	if err != nil {
		return cmdutil.Usagef("%s", err)
	}
	seq, existing, err := source.Numbering(o.Dir, k)
	if err != nil {
		return err
	}
	plan, err := importer.Build(k, sheet, importer.Options{IgnoreColumns: o.IgnoreColumns, IgnoreUnknown: o.IgnoreUnknown, Existing: existing, IDs: seq, Dir: o.Dir, Force: o.Force})
	if err != nil {
		var he *importer.HeaderError
		var re *importer.RowError
		if errors.As(err, &he) || errors.As(err, &re) {
			return cmdutil.Usagef("%s : %s", name, err)
		}
		return err
	}
	// Notes quote the table's cells, titles and sheet names: one line each,
	// escapes shown, never a workflow command.
	warn := func(f string, args ...any) {
		fmt.Fprintln(o.IO.ErrOut, format.GuardLine("registre : "+format.OneLine(fmt.Sprintf(f, args...))))
	}
	for _, n := range sheet.Notes {
		warn("%s", n)
	}
	reportMapping(plan.Mapping, k, warn)
	for _, n := range plan.Notes {
		warn("%s", n)
	}
	folder := k.Name + "/"
	reportSkipped(plan.Skipped, warn)
	if o.DryRun {
		for _, e := range plan.Entries {
			fmt.Fprintf(o.IO.Out, "-- %s --\n%s", e.Path, e.Data)
			if len(e.Data) > 0 && e.Data[len(e.Data)-1] != '\n' {
				fmt.Fprintln(o.IO.Out)
			}
		}
		created, replaced := plan.Counts()
		msg := counted(created, "serait créée", "seraient créées")
		if replaced > 0 {
			msg += " et " + countedVerb(replaced, "mettrait à jour une inscription existante", "mettraient à jour des inscriptions existantes")
		}
		msg += " dans " + folder
		if replaced > 0 && !o.Force {
			msg += " (--force nécessaire)"
		}
		fmt.Fprintf(o.IO.ErrOut, "%s%s%s ; aucun fichier écrit (--dry-run).\n", capitalise(msg), emptyNote(plan.Empty), skippedNote(len(plan.Skipped)))
		return nil
	}
	if err := plan.Write(o.Dir, o.Force); err != nil {
		return err
	}
	created, replaced := plan.Counts()
	if created == 0 && replaced == 0 && len(plan.Skipped) > 0 {
		n := len(plan.Skipped)
		fmt.Fprintf(o.IO.ErrOut, "%d inscription%s déjà présente%s, aucune créée dans %s%s.\n", n, plural(n), plural(n), folder, emptyNote(plan.Empty))
		return nil
	}
	msg := counted(created, "créée", "créées")
	if replaced > 0 {
		msg += fmt.Sprintf(" et %d mise%s à jour", replaced, plural(replaced))
	}
	fmt.Fprintf(o.IO.ErrOut, "%s dans %s%s%s.\n", capitalise(msg), folder, emptyNote(plan.Empty), skippedNote(len(plan.Skipped)))
	if len(plan.Entries) > 0 {
		fmt.Fprintf(o.IO.ErrOut, "Vérifiez-les : registre lint %s\n", o.Dir)
	}
	return nil
}

// maxInput bounds the table read by import (a published register is a few
// hundred kilobytes; an XLSX file is further bounded once unzipped).
const maxInput = 64 << 20

func readInput(o *Options) (string, []byte, error) {
	if o.File == "-" {
		data, err := io.ReadAll(io.LimitReader(o.IO.In, maxInput+1))
		if err == nil && int64(len(data)) > maxInput {
			return "", nil, cmdutil.Usagef("entrée standard trop volumineuse (plus de %d Mio) : découpez le tableau", maxInput>>20)
		}
		if err != nil {
			return "", nil, fmt.Errorf("lecture de l'entrée standard : %v", err)
		}
		return "entrée standard", data, nil
	}
	st, err := os.Stat(o.File)
	switch {
	case err != nil:
		return "", nil, cmdutil.Usagef("fichier introuvable : %s", o.File)
	case st.IsDir():
		return "", nil, cmdutil.Usagef("%s est un dossier : indiquez le fichier CSV ou XLSX à importer", o.File)
	}
	data, err := source.ReadInput(o.File, maxInput)
	if err != nil {
		return "", nil, cmdutil.Usagef("%s", err)
	}
	return o.File, data, nil
}

// reportMapping tells on standard error what the header matched loosely,
// what it ignores and which required columns are missing.
func reportMapping(m *importer.Mapping, k *model.Kind, warn func(string, ...any)) {
	for _, c := range m.Columns {
		if c.Approx {
			warn("colonne « %s » lue comme « %s »", oneLine(c.Title), c.Field.Title)
		}
	}
	for _, t := range m.UnusedIgnores {
		warn("--ignore-column « %s » : aucune colonne de ce titre", t)
	}
	if len(m.Ignored) > 0 {
		q := make([]string, len(m.Ignored))
		for i, t := range m.Ignored {
			q[i] = "« " + oneLine(t) + " »"
		}
		warn("colonne%s ignorée%s : %s", plural(len(q)), plural(len(q)), strings.Join(q, ", "))
	}
	for _, f := range m.Missing {
		rule := ""
		if f.Rule != "" {
			rule = " (" + f.Rule + ")"
		}
		warn("colonne absente : « %s » (%s) ; les inscriptions sont écrites sans cette valeur et registre lint la signalera%s", f.Title, reqFrench(f), rule)
	}
}

func reqFrench(f *model.Field) string {
	if f.Req == model.Required {
		return "obligatoire"
	}
	return "attendue"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

// counted writes « 1 inscription créée », « 12 inscriptions créées », « aucune inscription créée ».
func counted(n int, one, many string) string {
	switch n {
	case 0:
		return "aucune inscription " + one
	case 1:
		return "1 inscription " + one
	}
	return fmt.Sprintf("%d inscriptions %s", n, many)
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func countedVerb(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// skippedNote completes the summary: « ; 34 déjà présentes, ignorées ».
func skippedNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" ; %d déjà présente%s, ignorée%s", n, plural(n), plural(n))
}

// reportSkipped names the rows already in the repository (the first ones).
func reportSkipped(skipped []importer.Skip, warn func(string, ...any)) {
	const maxShown = 10
	for i, sk := range skipped {
		if i == maxShown {
			warn("… et %d autres lignes déjà présentes", len(skipped)-maxShown)
			break
		}
		warn("ligne %d : déjà présente (%s, même contenu publié), ignorée", sk.Line, sk.ID)
	}
}

func emptyNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d ligne%s vide%s ignorée%s)", n, plural(n), plural(n), plural(n))
}
