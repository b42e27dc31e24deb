// Package schema is `registre schema [KIND]`: print an embedded JSON Schema.
package schema

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/fsutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
	sch "github.com/registre-qc/registre/pkg/schema"
)

// Options are the parsed arguments and flags.
type Options struct {
	IO   *iostreams.IOStreams
	Name string // a kind name or registre; "" lists them
	Out  string // --out: write every schema into this folder
}

// names are the schemas registre embeds.
func names() []string { return append(model.KindNames(), sch.ConfigKey) }

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	names := names()
	cmd := &cobra.Command{
		Use:   "schema [REGISTRE]",
		Short: "Affiche le schéma JSON d'un registre (ou de registre.yaml) ; --out écrit tous les schémas",
		Long: "Affiche le schéma JSON (draft 2020-12) intégré à registre pour un registre : " + strings.Join(names, ", ") +
			".\nLes éditeurs (VS Code avec l'extension YAML, p. ex.) s'en servent pour la complétion et l'aide en français.",
		Example:   "  registre schema communications\n  registre schema --out .registre/schemas",
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: names,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				o.Name = args[0]
			}
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Out, "out", "", "écrire tous les schémas dans ce dossier")
	return cmd
}

// Run prints one schema, lists them, or writes them all (--out).
func Run(o *Options) error {
	names := names()
	if o.Out != "" {
		guard, err := fsutil.NewGuard(".")
		if err != nil {
			return err
		}
		guard.Notify = func(m string) { fmt.Fprintln(o.IO.ErrOut, "registre : "+m) }
		real, err := guard.MkdirFiles(o.Out)
		if err != nil {
			return err
		}
		for _, n := range names {
			raw, _ := sch.Raw(n)
			if err := fsutil.WriteFile(filepath.Join(real, sch.FileName(n)), raw); err != nil {
				return err
			}
		}
		fmt.Fprintf(o.IO.ErrOut, "%d schémas écrits dans %s\n", len(names), o.Out)
		return nil
	}
	if o.Name == "" {
		fmt.Fprintln(o.IO.Out, "Schémas disponibles : "+strings.Join(names, ", "))
		fmt.Fprintln(o.IO.Out, "Utilisation : registre schema communications")
		return nil
	}
	raw, ok := sch.Raw(o.Name)
	if !ok {
		return cmdutil.UnknownKind(o.Name)
	}
	_, err := o.IO.Out.Write(raw)
	return err
}
