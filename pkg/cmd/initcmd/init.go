// Package initcmd is `registre init`: create a ready-to-use register
// repository (pkg/scaffold), keeping every file that already exists.
package initcmd

import (
	"fmt"
	"github.com/registre-qc/registre/pkg/oserr"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/fsutil"
	"github.com/registre-qc/registre/pkg/gitutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/scaffold"
	"github.com/registre-qc/registre/pkg/source"
)

// Options are the parsed arguments of `registre init`.
type Options struct {
	IO      *iostreams.IOStreams
	Dir     string
	Version string // the running binary's version: pins the release in CI and pre-commit files
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Version: f.Version}
	cmd := &cobra.Command{
		Use:   "init [DOSSIER]",
		Short: "Crée un dépôt de registres prêt à l'emploi (réglages, dossiers, intégration continue)",
		Long: `Prépare un dépôt de registres dans DOSSIER (créé au besoin ; par défaut, le dossier courant) :

  registre.yaml                      réglages de l'organisme, expliqués en commentaires
  inventaire/, communications/, …    un dossier par registre
  README.md                          le mode d'emploi pour le bureau de l'accès et de la protection
  .github/workflows/registre.yml     GitHub : vérification des demandes de tirage, publication Pages
  .gitlab-ci.yml                     GitLab : vérification (Qualité du code), publication Pages
  .pre-commit-config.yaml            vérification avant chaque commit (pre-commit)
  .vscode/settings.json              VS Code : schémas des registres pour l'aide et la complétion
  .registre/schemas/                 les schémas JSON des registres
  .gitignore                         les éditions produites (_site/, _interne/, _commission/) hors de git

Un fichier qui existe déjà n'est jamais modifié : il est indiqué « conservé ». La commande peut donc
s'exécuter dans un dossier qui contient déjà des fichiers, ou une seconde fois pour compléter un dépôt.
Un dossier situé dans un dépôt de registres existant (communications/, p. ex.) est refusé : il y
créerait un second dépôt.`,
		Example: `  registre init registres
  registre init`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = cmdutil.RepoDir(args)
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	return cmd
}

// Run writes the repository files that do not exist yet.
func Run(o *Options) error {
	if st, err := os.Stat(o.Dir); err == nil && !st.IsDir() {
		return cmdutil.Usagef("%s existe et n'est pas un dossier", o.Dir)
	}
	if err := notNested(o.Dir); err != nil {
		return err
	}
	real, err := fsutil.RepoDir(o.Dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(real, 0o755); err != nil {
		return cmdutil.Usagef("impossible de créer le dossier %s : %v", o.Dir, unwrapPath(err))
	}
	guard, err := fsutil.NewGuard(real)
	if err != nil {
		return err
	}
	files, err := scaffold.RepositoryFor(o.Version)
	if err != nil {
		return err
	}
	created, kept := 0, 0
	for _, f := range files {
		abs := filepath.Join(o.Dir, filepath.FromSlash(f.Path))
		ok, err := guard.CreateFile(abs, f.Data)
		if err != nil {
			return fmt.Errorf("%s : %v", f.Path, unwrapPath(err))
		}
		if ok {
			created++
			fmt.Fprintf(o.IO.Out, "créé      %s\n", f.Path)
		} else {
			kept++
			fmt.Fprintf(o.IO.Out, "conservé  %s\n", f.Path)
		}
	}
	fmt.Fprintf(o.IO.ErrOut, "Dépôt de registres prêt dans %s : %s, %s.\n", o.Dir,
		plural(created, "fichier créé", "fichiers créés"), plural(kept, "conservé", "conservés"))
	if prefix, ok := gitutil.Prefix(real); ok && prefix != "" {
		fmt.Fprintf(o.IO.ErrOut, "Attention : %s n'est pas la racine du dépôt git. GitHub, GitLab et pre-commit ne lisent "+
			".github/workflows/, .gitlab-ci.yml et .pre-commit-config.yaml qu'à la racine : déplacez-les à la racine du dépôt git "+
			"et nommez-y le dossier des registres dans chaque commande (registre lint %s, registre build %s --out _site…).\n",
			o.Dir, strings.TrimSuffix(prefix, "/"), strings.TrimSuffix(prefix, "/"))
	}
	fmt.Fprintln(o.IO.ErrOut, "Étapes suivantes :")
	step := 1
	if filepath.Clean(o.Dir) != "." {
		// Every command finds the repository from its folder or below it.
		fmt.Fprintf(o.IO.ErrOut, "  %d. cd %s\n", step, o.Dir)
		step++
	}
	if _, err := os.Stat(filepath.Join(o.Dir, ".git")); err != nil && !gitutil.IsRepo(real) {
		fmt.Fprintf(o.IO.ErrOut, "  %d. git init    (le dépôt git garde l'historique de chaque inscription)\n", step)
		step++
	}
	fmt.Fprintf(o.IO.ErrOut, "  %d. remplacez « Nom de l'organisme » dans %s et complétez les réglages\n", step, model.ConfigFile)
	fmt.Fprintf(o.IO.ErrOut, "  %d. registre new inventaire    (crée la première inscription)\n", step+1)
	fmt.Fprintf(o.IO.ErrOut, "  %d. registre lint\n", step+2)
	return nil
}

// unwrapPath is the French reason of err, for a message that names the path.
func unwrapPath(err error) string { return oserr.Reason(err) }

// plural writes « 1 fichier créé », « 3 fichiers créés » (0 takes the singular in French).
func plural(n int, one, many string) string {
	if n <= 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// notNested refuses a folder inside an existing register repository (run
// from communications/, init would write a second repository into a register
// folder, which lint then reports file by file). The repository's own top is
// accepted: a second run completes it.
func notNested(dir string) error {
	existing := dir
	for {
		if _, err := os.Stat(existing); err == nil {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			return nil
		}
		existing = parent
	}
	root, err := source.FindRoot(existing)
	if err != nil {
		return nil // no repository around: init makes one
	}
	absRoot, err1 := filepath.Abs(root)
	absDir, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return nil
	}
	if r, err := filepath.EvalSymlinks(absRoot); err == nil {
		absRoot = r
	}
	if d, err := filepath.EvalSymlinks(absDir); err == nil {
		absDir = d
	}
	if absRoot == absDir {
		return nil
	}
	// Only a repository marked by its registre.yaml: a folder that merely
	// holds a « communications » folder (Documents/, p. ex.) is no repository.
	config := ""
	for _, name := range []string{model.ConfigFile, "registre.yml"} {
		if _, err := os.Stat(filepath.Join(root, name)); err == nil {
			config = name
			break
		}
	}
	if config == "" {
		return nil
	}
	return cmdutil.Usagef("%s est dans le dépôt de registres %s (%s) : « registre init » y créerait un second dépôt. "+
		"Pour compléter ce dépôt, lancez « registre init %s » ; pour en créer un autre, choisissez un dossier hors de celui-ci",
		dir, root, config, root)
}
