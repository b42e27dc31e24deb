// Package cli assembles the registre command line: the root command, the
// French help templates, and the mapping from errors to exit codes.
package cli

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/fsutil"
)

// Version is set at build time with -ldflags "-X github.com/registre-qc/registre/pkg/cli.Version=…".
var Version = ""

// releaseVersion returns the release, or the module version, or "dev".
func releaseVersion() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "0.1.0-dev"
}

// Main runs the command line and returns the exit code.
func Main() int {
	return Run(cmdutil.Default(releaseVersion()), os.Args[1:])
}

// Run executes args with the factory f (tests call it directly).
func Run(f *cmdutil.Factory, args []string) int {
	root := NewRoot(f)
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	err := root.Execute()
	if err == nil {
		return cmdutil.ExitOK
	}
	var fe *cmdutil.FindingsError
	if errors.As(err, &fe) {
		if fe.Msg != "" {
			fmt.Fprintln(f.IO.ErrOut, fe.Msg)
		}
		return cmdutil.ExitFindings
	}
	var ue *cmdutil.UsageError
	if errors.As(err, &ue) {
		fmt.Fprintln(f.IO.ErrOut, "registre : "+ue.Msg)
		fmt.Fprintln(f.IO.ErrOut, "Aide : registre --help")
		return cmdutil.ExitError
	}
	fmt.Fprintln(f.IO.ErrOut, "registre : "+translateCobra(fsutil.French(err)))
	return cmdutil.ExitError
}

// translateCobra puts cobra's own English errors into French.
func translateCobra(s string) string {
	repl := []struct{ en, fr string }{
		{"unknown command", "commande inconnue"},
		{"unknown flag", "option inconnue"},
		{"unknown shorthand flag", "option courte inconnue"},
		{"flag needs an argument", "l'option exige une valeur"},
		{"invalid argument", "valeur invalide"},
		{"accepts at most", "accepte au plus"},
		{"accepts between", "accepte entre"},
		{"requires at least", "exige au moins"},
		{"accepts", "accepte"},
		{"arg(s), received", "argument(s), reçu"},
		{" and ", " et "},
		{"Run 'registre --help' for usage.", "Aide : registre --help"},
		{"for \"registre\"", "pour « registre »"},
		{"Did you mean this?", "Vouliez-vous dire :"},
	}
	for _, r := range repl {
		s = strings.ReplaceAll(s, r.en, r.fr)
	}
	return s
}

const usageTemplate = `Utilisation :{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [commande]{{end}}{{if gt (len .Aliases) 0}}

Alias :
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Exemples :
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commandes :{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Options :
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Options globales :
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Aide sur une commande : {{.CommandPath}} [commande] --help{{end}}
`

// NewRoot builds the root command with every subcommand.
func NewRoot(f *cmdutil.Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "registre",
		Short: "Registres de renseignements personnels du Québec : vérifier, publier, tenir à jour",
		Long: `registre tient les registres exigés par la Loi sur l'accès (RLRQ, c. A-2.1) et la Loi sur le privé
(RLRQ, c. P-39.1) sous forme de fichiers YAML dans un dépôt git : une inscription par fichier.

  registre lint      vérifie le dépôt : schémas et règles juridiques (fichier:ligne:colonne)
  registre build     publie les registres en HTML accessible, PDF et CSV
  registre new       crée une inscription ; registre import reprend un tableau existant

Codes de sortie : 0 aucun problème, 1 constats au niveau d'échec ou au-dessus, 2 erreur d'utilisation ou interne.`,
		Version:       f.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetUsageTemplate(usageTemplate)
	root.SetHelpTemplate(`{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`)
	root.SetVersionTemplate("registre {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &cmdutil.UsageError{Msg: translateCobra(err.Error())} })
	root.Flags().BoolP("version", "v", false, "affiche la version")
	root.PersistentFlags().BoolP("help", "h", false, "affiche l'aide")
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [commande]",
		Short: "Affiche l'aide d'une commande",
		Run: func(c *cobra.Command, args []string) {
			cmd, _, e := c.Root().Find(args)
			if cmd == nil || e != nil {
				c.Printf("Commande inconnue : %q\n", args)
				_ = c.Root().Usage()
				return
			}
			_ = cmd.Help()
		},
	})
	root.CompletionOptions.DisableDefaultCmd = true
	for _, c := range commands(f) {
		root.AddCommand(c)
	}
	return root
}
