package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	avis "github.com/registre-qc/registre/pkg/cmd/avis"
	build "github.com/registre-qc/registre/pkg/cmd/build"
	export "github.com/registre-qc/registre/pkg/cmd/export"
	lintcmd "github.com/registre-qc/registre/pkg/cmd/lint"
	rules "github.com/registre-qc/registre/pkg/cmd/rules"
	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/deadline"
	"github.com/registre-qc/registre/pkg/format"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/regdiff"
	"github.com/registre-qc/registre/pkg/render/csv"
	"github.com/registre-qc/registre/pkg/render/notice"
	"github.com/registre-qc/registre/pkg/rule"
	"github.com/registre-qc/registre/pkg/source"
	"github.com/registre-qc/registre/pkg/stats"
)

func newCompletion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Génère le script de complétion pour un interpréteur de commandes",
		Long: `Génère le script de complétion automatique des commandes de registre.

La complétion propose les commandes, les options, les valeurs de --format (et de --fail-level,
--audience, --profile, --registre, --destinataire), les noms de registres et, pour « registre
explain », les identifiants des règles avec leur titre.

  bash :       source <(registre completion bash)    (exige le paquet bash-completion)
  zsh :        registre completion zsh > "${fpath[1]}/_registre"
  fish :       registre completion fish > ~/.config/fish/completions/registre.fish
  PowerShell : registre completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		RunE: func(c *cobra.Command, args []string) error {
			root, out := c.Root(), f.IO.Out
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			}
			return root.GenPowerShellCompletionWithDesc(out)
		},
	}
}

// flagValues are the values shell completion offers for an option, by
// command and option name ("" for every command).
func flagValues(cmd, flag string) []string {
	switch flag {
	case "format":
		switch cmd {
		case "lint":
			return format.Names()
		case "export":
			return export.Formats
		case "rules":
			return rules.Formats
		case "stats":
			return stats.Formats
		case "diff":
			return regdiff.Formats
		case "echeances":
			return deadline.Formats
		case "avis":
			return notice.Formats
		}
	case "fail-level":
		return lintcmd.FailLevels
	case "audience":
		if cmd == "build" {
			return build.Audiences
		}
		return export.Audiences
	case "registre":
		return model.KindNames()
	case "destinataire":
		return avis.Recipients
	case "profile", "csv-profile":
		return csv.ProfileNames()
	}
	return nil
}

// setCompletions wires shell completion on every command: option values
// (--format, --fail-level…), register names (REGISTRE), rule ids with their
// titles (RÈGLE, for explain), folders (DOSSIER) and files (FICHIER).
func setCompletions(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if vals := flagValues(c.Name(), f.Name); vals != nil && c.Flags().Lookup(f.Name) != nil {
				_ = c.RegisterFlagCompletionFunc(f.Name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
					return vals, cobra.ShellCompDirectiveNoFileComp
				})
			}
		})
		req, opt := argNames(c)
		names := append(req, opt...)
		if c.ValidArgsFunction == nil && c != root && (len(c.ValidArgs) == 0 || len(names) > 1) {
			// ValidArgs complete the first argument only, and cobra then
			// completes nothing else: « new REGISTRE [DOSSIER] » needs both.
			first := c.ValidArgs
			c.ValidArgs = nil
			c.ValidArgsFunction = func(_ *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
				if len(args) >= len(names) && !strings.HasSuffix(names[len(names)-1], "…") {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				name := names[min(len(args), len(names)-1)]
				vals, dir := argCompletion(name)
				if len(args) == 0 && len(first) > 0 {
					vals, dir = first, cobra.ShellCompDirectiveNoFileComp
				}
				var out []string
				for _, v := range vals {
					if strings.HasPrefix(strings.ToUpper(v), strings.ToUpper(prefix)) {
						out = append(out, v)
					}
				}
				return out, dir
			}
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}

// argCompletion completes one positional argument by its name in the Use line.
func argCompletion(name string) ([]string, cobra.ShellCompDirective) {
	switch {
	case name == "REGISTRE":
		return model.KindNames(), cobra.ShellCompDirectiveNoFileComp
	case name == "RÈGLE":
		var out []string
		for _, r := range rule.All() {
			out = append(out, r.ID+"\t"+r.Doc.Title)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	case strings.Contains(name, "FICHIER"):
		return nil, cobra.ShellCompDirectiveDefault
	case name == "DOSSIER":
		return nil, cobra.ShellCompDirectiveFilterDirs
	case strings.HasPrefix(name, "INC-"):
		return incidentIDs(), cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// incidentIDs lists the incidents of the repository around the working
// directory, for « registre avis INC-… »; none outside a repository.
func incidentIDs() []string {
	root, err := source.FindRoot(".")
	if err != nil {
		return nil
	}
	ids, err := source.KindIDs(root, model.Incidents)
	if err != nil {
		return nil
	}
	return model.SortedKeys(ids)
}
