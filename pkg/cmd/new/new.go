// Package newcmd is `registre new`: create the next entry of a register from
// its template (pkg/scaffold), with the next free id in the repository's own
// numbering.
package newcmd

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/scaffold"
	"github.com/registre-qc/registre/pkg/schema"
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
vient COM-2025-015 ; dans un registre vide, COM-0001.

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
		return cmdutil.Usagef("registre inconnu : %q (choix : %s)", o.Kind, strings.Join(model.KindNames(), ", "))
	}
	if st, err := os.Stat(o.Dir); err != nil || !st.IsDir() {
		return cmdutil.Usagef("dossier introuvable : %s", o.Dir)
	}
	ids, err := existingIDs(o.Dir, k)
	if err != nil {
		return fmt.Errorf("lecture du dossier %s : %w", k.Name, err)
	}
	id := o.ID
	if id == "" {
		id = NextID(k.Prefix, ids)
	} else {
		if !ValidID(k, id) {
			return cmdutil.Usagef("identifiant invalide : %q ; un identifiant du registre %s commence par %s- suivi d'un numéro (p. ex. %s)",
				id, k.Name, k.Prefix, NextID(k.Prefix, ids))
		}
		if where, ok := ids[id]; ok {
			return cmdutil.Usagef("l'inscription %s existe déjà : %s ; choisissez un autre identifiant", id, display(o.Dir, where))
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
	data, err := scaffold.Entry(k, id, scaffold.EntryOptions{Today: today, SchemaRef: ref})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return cmdutil.Usagef("%s existe déjà : registre new ne remplace jamais un fichier", display(o.Dir, rel))
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
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

// ValidID reports whether id is a valid identifier of kind k (model.md §1).
func ValidID(k *model.Kind, id string) bool {
	return strings.HasPrefix(id, k.Prefix+"-") && idRest.MatchString(id[len(k.Prefix)+1:])
}

var idRest = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// existingIDs returns the ids (file stems) of the kind's folder, with their path.
func existingIDs(dir string, k *model.Kind) (map[string]string, error) {
	ids := map[string]string{}
	root := filepath.Join(dir, k.Name)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipDir
			}
			return err
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(d.Name()))
		if d.IsDir() || (ext != ".yaml" && ext != ".yml") {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		ids[strings.TrimSuffix(d.Name(), filepath.Ext(d.Name()))] = filepath.ToSlash(rel)
		return nil
	})
	return ids, err
}

// NextID returns the next free id after the existing ones (a set of ids), in
// their own numbering: the numbering scheme used by most ids (COM-0007 and
// COM-2025-014 are two schemes), its latest series (COM-2025-… after
// COM-2024-…), the highest number plus one, zero-padded to the same width.
// With no numbered id, PREFIX-0001.
func NextID(prefix string, ids map[string]string) string {
	type series struct {
		stem  string
		max   uint64
		width int
	}
	schemes := map[string]map[string]*series{} // shape of the stem → stem → series
	count := map[string]int{}
	for id := range ids {
		rest, ok := strings.CutPrefix(id, prefix+"-")
		if !ok {
			continue
		}
		m := numbered.FindStringSubmatch(rest)
		if m == nil {
			continue
		}
		n, err := strconv.ParseUint(m[2], 10, 63)
		if err != nil {
			continue
		}
		shape := digits.ReplaceAllString(m[1], "9")
		if schemes[shape] == nil {
			schemes[shape] = map[string]*series{}
		}
		s := schemes[shape][m[1]]
		if s == nil {
			s = &series{stem: m[1]}
			schemes[shape][m[1]] = s
		}
		if n > s.max || n == s.max && len(m[2]) > s.width {
			s.max, s.width = n, len(m[2])
		}
		count[shape]++
	}
	var best *series
	bestShape := ""
	for shape, stems := range schemes {
		for _, s := range stems {
			switch {
			case best == nil,
				count[shape] > count[bestShape],
				count[shape] == count[bestShape] && naturalCompare(best.stem, s.stem) < 0:
				best, bestShape = s, shape
			}
		}
	}
	if best == nil {
		return prefix + "-0001"
	}
	for n := best.max + 1; ; n++ {
		id := fmt.Sprintf("%s-%s%0*d", prefix, best.stem, best.width, n)
		if _, taken := ids[id]; !taken {
			return id
		}
	}
}

var (
	numbered = regexp.MustCompile(`^(.*?)([0-9]+)$`)
	digits   = regexp.MustCompile(`[0-9]+`)
)

// naturalCompare orders strings with their digit runs compared as numbers
// (2024- < 2025-, 9 < 10), then as plain strings.
func naturalCompare(a, b string) int {
	x, y := a, b
	for x != "" && y != "" {
		dx, dy := leadingDigits(x), leadingDigits(y)
		if dx != "" && dy != "" {
			nx, _ := strconv.ParseUint(dx, 10, 64)
			ny, _ := strconv.ParseUint(dy, 10, 64)
			if nx != ny {
				return cmp.Compare(nx, ny)
			}
			x, y = x[len(dx):], y[len(dy):]
			continue
		}
		if x[0] != y[0] {
			return cmp.Compare(x[0], y[0])
		}
		x, y = x[1:], y[1:]
	}
	if c := cmp.Compare(len(x), len(y)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// display is the path of a repository file as the user can open it from here.
func display(dir, rel string) string {
	return filepath.Join(dir, filepath.FromSlash(rel))
}
