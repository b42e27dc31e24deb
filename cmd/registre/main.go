// Command registre keeps Québec privacy registers as YAML files: it lints
// them against the law, publishes them as HTML, PDF and CSV, and helps edit them.
package main

import (
	"os"

	"github.com/registre-qc/registre/pkg/cli"
)

func main() { os.Exit(cli.Main()) }
