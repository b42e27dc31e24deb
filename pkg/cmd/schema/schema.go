// Package schema is `registre schema [KIND]`: print an embedded JSON Schema.
package schema

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/fsutil"
	"github.com/registre-qc/registre/pkg/model"
	sch "github.com/registre-qc/registre/pkg/schema"
)

// NewCmd builds the command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	var out string
	names := append(model.KindNames(), sch.ConfigKey)
	cmd := &cobra.Command{
		Use:   "schema [REGISTRE]",
		Short: "Affiche le schéma JSON d'un registre (ou de registre.yaml) ; --out écrit tous les schémas",
		Long: "Affiche le schéma JSON (draft 2020-12) intégré à registre pour un registre : " + strings.Join(names, ", ") +
			".\nLes éditeurs (VS Code avec l'extension YAML, p. ex.) s'en servent pour la complétion et l'aide en français.",
		Example:   "  registre schema communications\n  registre schema --out .registre/schemas",
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: names,
		RunE: func(_ *cobra.Command, args []string) error {
			if out != "" {
				guard, err := fsutil.NewGuard(".")
				if err != nil {
					return err
				}
				guard.Notify = func(m string) { fmt.Fprintln(f.IO.ErrOut, "registre : "+m) }
				real, err := guard.MkdirFiles(out)
				if err != nil {
					return err
				}
				for _, n := range names {
					raw, _ := sch.Raw(n)
					if err := fsutil.WriteFile(filepath.Join(real, sch.FileName(n)), raw); err != nil {
						return err
					}
				}
				fmt.Fprintf(f.IO.ErrOut, "%d schémas écrits dans %s\n", len(names), out)
				return nil
			}
			if len(args) == 0 {
				fmt.Fprintln(f.IO.Out, "Schémas disponibles : "+strings.Join(names, ", "))
				fmt.Fprintln(f.IO.Out, "Utilisation : registre schema communications")
				return nil
			}
			raw, ok := sch.Raw(args[0])
			if !ok {
				return cmdutil.UnknownKind(args[0])
			}
			_, err := f.IO.Out.Write(raw)
			return err
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "écrire tous les schémas dans ce dossier")
	return cmd
}
