// Package newcmd is `registre new`: create the next entry of a register from
// its template (pkg/scaffold), with the next free id in the repository's own
// numbering.
package newcmd

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/fsutil"
	"github.com/registre-qc/registre/pkg/gitutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/scaffold"
	"github.com/registre-qc/registre/pkg/schema"
	"github.com/registre-qc/registre/pkg/source"
	"github.com/registre-qc/registre/schemas"
)

// Options are the parsed arguments of `registre new`.
type Options struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	Kind    string // register name (communications) or prefix (COM)
	Dir     string
	ID      string // --id; empty: the next free id
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "new REGISTRE [DOSSIER]",
		Short: "Crée une inscription : le fichier suivant du registre, chaque clé expliquée en commentaire",
		Long: `Crée le fichier de la prochaine inscription d'un registre, p. ex. communications/COM-0008.yaml, et affiche
son chemin. Le numéro suit la numérotation du dépôt : après COM-0007 vient COM-0008, après COM-2025-014
vient COM-2025-015 ; dans un registre vide, COM-0001. Un identifiant qui a existé dans l'historique git
du dépôt (toutes les branches) n'est jamais redonné : après « git rm COM-0004.yaml », la suivante reste
COM-0005, pour que « registre diff » ne confonde jamais deux inscriptions.

Registres (nom ou préfixe) : ` + kindList() + `.

Le fichier contient chaque clé du registre, expliquée en commentaire et marquée « (obligatoire) » au besoin ;
seuls id et date_inscription sont remplis. « registre lint » signale chaque valeur laissée vide : remplissez
les clés, supprimez celles qui ne s'appliquent pas. Un fichier existant n'est jamais remplacé.`,
		Example: `  registre new communications
  registre new COM registres/
  registre new incidents --id INC-2026-001
  code $(registre new inventaire)`,
		Args:      cobra.RangeArgs(1, 2),
		ValidArgs: model.KindNames(),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Kind = args[0]
			opts.Dir = cmdutil.RepoDir(args[1:])
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.ID, "id", "", "identifiant à utiliser (p. ex. COM-2026-001) au lieu du suivant")
	return cmd
}

// Run creates the entry file and prints its path.
func Run(o *Options) error {
	k := kindByArg(o.Kind)
	if k == nil {
		return cmdutil.UnknownKind(o.Kind)
	}
	dir, err := cmdutil.FindRepo(o.Dir)
	if err != nil {
		return err
	}
	o.Dir = dir
	seq, ids, err := source.Numbering(o.Dir, k)
	if err != nil {
		return err
	}
	id := o.ID
	if id == "" {
		id = seq.Next()
	} else {
		if !model.ValidID(k, id) {
			return cmdutil.Usagef("identifiant invalide : %q ; un identifiant du registre %s commence par %s- suivi d'un numéro (p. ex. %s)",
				id, k.Name, k.Prefix, seq.Peek())
		}
		if where, ok := ids[id]; ok {
			return cmdutil.Usagef("l'inscription %s existe déjà : %s ; choisissez un autre identifiant", id, display(o.Dir, where))
		}
		if err := notInHistory(o.Dir, k, id, seq.Peek()); err != nil {
			return err
		}
	}
	today, err := o.Factory.Today("")
	if err != nil {
		return err
	}
	rel := k.Name + "/" + id + ".yaml"
	abs := filepath.Join(o.Dir, filepath.FromSlash(rel))
	ref := schemas.BaseURL + schema.FileName(k.Name)
	local := path.Join(scaffold.SchemaDir, schema.FileName(k.Name))
	if _, err := os.Stat(filepath.Join(o.Dir, filepath.FromSlash(local))); err == nil {
		ref = "../" + local // the schemas written by registre init
	}
	data, err := scaffold.Entry(k, id, scaffold.EntryOptions{Today: today, SchemaRef: ref, Private: scaffold.PrivateRepo(o.Dir)})
	if err != nil {
		return err
	}
	guard, err := fsutil.NewGuard(o.Dir)
	if err != nil {
		return err
	}
	created, err := guard.CreateFile(abs, data)
	if err != nil {
		return err
	}
	if !created {
		return cmdutil.Usagef("%s existe déjà : registre new ne remplace jamais un fichier", display(o.Dir, rel))
	}
	fmt.Fprintln(o.IO.Out, display(o.Dir, rel))
	fmt.Fprintf(o.IO.ErrOut, "Inscription %s créée : remplissez-la, puis lancez « registre lint ».\n", id)
	return nil
}

// kindList names every register with its prefix: « inventaire (INV), … ».
func kindList() string {
	var parts []string
	for _, k := range model.Kinds {
		parts = append(parts, k.Name+" ("+k.Prefix+")")
	}
	return strings.Join(parts, ", ")
}

// kindByArg finds a register by name (communications) or prefix (COM), in any case.
func kindByArg(s string) *model.Kind {
	s = strings.TrimSuffix(strings.TrimSpace(s), "/")
	if k := model.KindByName(strings.ToLower(s)); k != nil {
		return k
	}
	return model.KindByPrefix(strings.ToUpper(s))
}

// display is the path of a repository file as the user can open it from here.
func display(dir, rel string) string {
	return filepath.Join(dir, filepath.FromSlash(rel))
}

// notInHistory refuses an id that a deleted entry had in the git history:
// handed out again, it would make « registre diff » show two different
// entries as one. The message says how to restore the old entry instead.
func notInHistory(dir string, k *model.Kind, id, next string) error {
	past, err := gitutil.HistoryIDs(dir, k.Name)
	if err != nil {
		return err
	}
	if !slices.Contains(past, id) {
		return nil
	}
	msg := fmt.Sprintf("l'identifiant %s a déjà servi dans l'historique git (inscription supprimée) : le redonner ferait confondre deux inscriptions dans registre diff ; choisissez-en un autre (p. ex. %s)", id, next)
	out, err := gitutil.Run(dir, "log", "--all", "-1", "--diff-filter=D", "--format=%h", "--name-only", "--relative", "--",
		":(glob)"+k.Name+"/**/"+id+".yaml", ":(glob)"+k.Name+"/**/"+id+".yml")
	if lines := strings.Fields(out); err == nil && len(lines) == 2 {
		msg += fmt.Sprintf(" ou rétablissez l'ancienne : git checkout %s^ -- %s", lines[0], lines[1])
	}
	return cmdutil.Usagef("%s", msg)
}
