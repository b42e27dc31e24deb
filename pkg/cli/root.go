// Package cli assembles the registre command line: the root command, the
// French help templates, and the mapping from errors to exit codes.
package cli

import (
	"errors"
	"fmt"
	"github.com/registre-qc/registre/pkg/oserr"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/format"
	"github.com/registre-qc/registre/pkg/suggest"
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
	cmd, err := root.ExecuteC()
	if err == nil {
		return cmdutil.ExitOK
	}
	if cmd == nil || cmd.Name() == "help" && cmd.Parent() == root {
		cmd = root // « registre help lnit » : the help of registre itself
	}
	var fe *cmdutil.FindingsError
	if errors.As(err, &fe) {
		if fe.Msg != "" {
			fmt.Fprintln(f.IO.ErrOut, fe.Msg)
		}
		return cmdutil.ExitFindings
	}
	msg := err.Error()
	var ue *cmdutil.UsageError
	if errors.As(err, &ue) {
		msg = ue.Msg
	} else {
		msg = cobraError(cmd, msg)
	}
	shown := errors.New(msg)
	if msg == err.Error() {
		shown = err // keeps the chain: French finds the system error inside
	}
	fmt.Fprintln(f.IO.ErrOut, safeLines("registre : "+oserr.French(shown)))
	fmt.Fprintln(f.IO.ErrOut, "Aide : "+cmd.CommandPath()+" --help")
	return cmdutil.ExitError
}

var (
	arityRe   = regexp.MustCompile(`^(accepts|requires at least|accepts at most|accepts between) .*arg\(s\), received (\d+)$`)
	unknownRe = regexp.MustCompile(`^unknown command "([^"]*)" for "[^"]*"`)
	invalidRe = regexp.MustCompile(`^invalid argument "([^"]*)" for "[^"]*"`)
)

// cobraError puts cobra's own English errors into French, naming what is
// wrong and what would be right.
func cobraError(c *cobra.Command, s string) string {
	if m := arityRe.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[2])
		return arityError(c, n)
	}
	if m := unknownRe.FindStringSubmatch(s); m != nil {
		if !c.HasSubCommands() {
			// cobra.NoArgs words an argument as an unknown subcommand.
			return arityError(c, len(c.Flags().Args()))
		}
		msg := "commande inconnue : " + m[1]
		if sg := suggest.Value(m[1], commandNames(c)); sg != "" {
			msg += " ; vouliez-vous dire " + sg + " ?"
		} else {
			msg += " (commandes : " + strings.Join(commandNames(c), ", ") + ")"
		}
		return msg
	}
	if m := invalidRe.FindStringSubmatch(s); m != nil {
		msg := fmt.Sprintf("valeur non permise pour %s : %s", c.CommandPath(), m[1])
		if sg := suggest.Value(m[1], c.ValidArgs); sg != "" {
			msg += " ; vouliez-vous dire " + sg + " ?"
		}
		if len(c.ValidArgs) > 0 {
			msg += " (choix : " + strings.Join(c.ValidArgs, ", ") + ")"
		}
		return msg
	}
	return translateCobra(s)
}

// arityError names the missing or extra argument:
// « argument manquant : RÈGLE (utilisation : registre explain RÈGLE) ».
func arityError(c *cobra.Command, got int) string {
	req, opt := argNames(c)
	use := UseLine(c)
	switch {
	case got < len(req):
		missing := req[got:]
		word := "argument manquant"
		if len(missing) > 1 {
			word = "arguments manquants"
		}
		return fmt.Sprintf("%s : %s (utilisation : %s)", word, strings.Join(missing, " "), use)
	default:
		args := c.Flags().Args()
		extra := args[min(len(args), len(req)+len(opt)):]
		if len(extra) == 0 {
			return fmt.Sprintf("trop d'arguments (%d) ; utilisation : %s", got, use)
		}
		q := make([]string, len(extra))
		for i, e := range extra {
			q[i] = "« " + e + " »"
		}
		word := "argument en trop"
		if len(extra) > 1 {
			word = "arguments en trop"
		}
		return fmt.Sprintf("%s : %s (utilisation : %s)", word, strings.Join(q, ", "), use)
	}
}

// flagError puts pflag's errors into French, with the nearest option for a
// misspelt one: « option inconnue --fromat : vouliez-vous dire --format ? ».
func flagError(c *cobra.Command, err error) error {
	s := err.Error()
	var names []string
	add := func(f *pflag.Flag) { names = append(names, "--"+f.Name) }
	c.Flags().VisitAll(add)
	c.InheritedFlags().VisitAll(add)
	switch {
	case strings.HasPrefix(s, "unknown flag: "):
		name := strings.TrimPrefix(s, "unknown flag: ")
		if n, _, ok := strings.Cut(name, "="); ok {
			name = n
		}
		msg := "option inconnue " + name
		if sg := suggest.Value(strings.TrimPrefix(name, "--"), trimDashes(names)); sg != "" {
			msg += " : vouliez-vous dire --" + sg + " ?"
		}
		return &cmdutil.UsageError{Msg: msg}
	case strings.HasPrefix(s, "unknown shorthand flag: "):
		// « unknown shorthand flag: 'q' in -q »
		letter := s
		if i := strings.Index(s, "'"); i >= 0 && i+2 < len(s) {
			letter = s[i+1 : i+2]
		}
		return &cmdutil.UsageError{Msg: "option courte inconnue -" + letter}
	case strings.HasPrefix(s, "flag needs an argument: "):
		name := strings.TrimPrefix(s, "flag needs an argument: ")
		if strings.HasPrefix(name, "'") {
			name = "-" + strings.Trim(strings.SplitN(name, " ", 2)[0], "'")
		}
		return &cmdutil.UsageError{Msg: "l'option " + name + " exige une valeur"}
	case strings.HasPrefix(s, "invalid argument "):
		return &cmdutil.UsageError{Msg: "valeur invalide : " + translateCobra(strings.TrimPrefix(s, "invalid argument "))}
	}
	return &cmdutil.UsageError{Msg: translateCobra(s)}
}

func trimDashes(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.TrimPrefix(n, "--")
	}
	return out
}

// translateCobra puts cobra's remaining English words into French.
func translateCobra(s string) string {
	repl := []struct{ en, fr string }{
		{"unknown command", "commande inconnue"},
		{"unknown flag", "option inconnue"},
		{"unknown shorthand flag", "option courte inconnue"},
		{"flag needs an argument", "l'option exige une valeur"},
		{"invalid argument", "valeur invalide"},
		{"Run 'registre --help' for usage.", ""},
		{"Did you mean this?", "Vouliez-vous dire :"},
		{" for ", " pour "},
	}
	for _, r := range repl {
		s = strings.ReplaceAll(s, r.en, r.fr)
	}
	return strings.TrimSpace(s)
}

const usageTemplate = `Utilisation :{{if .Runnable}}
  {{frUseLine .}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [commande]{{end}}{{if gt (len .Aliases) 0}}

Alias :
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Exemples :
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commandes :{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Options :
{{frFlags .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

Options globales :
{{frFlags .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

Aide sur une commande : {{.CommandPath}} [commande] --help{{end}}
`

// NewRoot builds the root command with every subcommand.
func NewRoot(f *cmdutil.Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "registre",
		Short: "Registres de renseignements personnels du Québec : vérifier, publier, tenir à jour",
		Long: `registre tient les registres exigés par la Loi sur l'accès (RLRQ, c. A-2.1) et la Loi sur le privé
(RLRQ, c. P-39.1) sous forme de fichiers YAML dans un dépôt git : une inscription par fichier.

  registre lint       vérifie le dépôt : schémas et règles juridiques (fichier:ligne:colonne)
  registre build      publie les registres en HTML accessible, PDF et CSV
  registre new        crée une inscription ; registre import reprend un tableau existant
  registre echeances  ce qui est dû ou en retard : avis d'incident, révisions, ententes, EFVP
  registre avis       rédige l'avis d'incident à la Commission ou aux personnes concernées

Codes de sortie : 0 aucun problème, 1 constats au niveau d'échec ou au-dessus, 2 erreur d'utilisation ou interne.`,
		Version:       f.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetUsageTemplate(usageTemplate)
	root.SetHelpTemplate(`{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`)
	root.SetVersionTemplate("registre {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.Flags().BoolP("version", "v", false, "affiche la version")
	root.PersistentFlags().BoolP("help", "h", false, "affiche l'aide")
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [commande]",
		Short: "Affiche l'aide d'une commande",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, _, e := c.Root().Find(args)
			if cmd == nil || e != nil {
				name := strings.Join(args, " ")
				msg := "commande inconnue : " + name
				if sg := suggest.Value(name, commandNames(c.Root())); sg != "" {
					msg += " ; vouliez-vous dire " + sg + " ?"
				} else {
					msg += " (commandes : " + strings.Join(commandNames(c.Root()), ", ") + ")"
				}
				return &cmdutil.UsageError{Msg: msg}
			}
			return cmd.Help()
		},
	})
	root.CompletionOptions.DisableDefaultCmd = true
	for _, c := range commands(f) {
		root.AddCommand(c)
	}
	setCompletions(root)
	return root
}

// safeLines shows the control characters of each line of an error message
// as escapes and keeps every line from being read as a GitHub Actions
// workflow command: messages quote user data (cells of an imported table,
// file names, revisions).
func safeLines(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		lines[i] = format.GuardLine(format.OneLine(l))
	}
	return strings.Join(lines, "\n")
}
