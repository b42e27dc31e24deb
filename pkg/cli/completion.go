package cli

import (
	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
)

func newCompletion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Génère le script de complétion pour un interpréteur de commandes",
		Long: `Génère le script de complétion automatique des commandes de registre.

  bash :       source <(registre completion bash)
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
