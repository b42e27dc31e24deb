package cli

import (
	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmd/avis"
	"github.com/registre-qc/registre/pkg/cmd/build"
	"github.com/registre-qc/registre/pkg/cmd/diff"
	"github.com/registre-qc/registre/pkg/cmd/echeances"
	"github.com/registre-qc/registre/pkg/cmd/explain"
	"github.com/registre-qc/registre/pkg/cmd/export"
	fmtcmd "github.com/registre-qc/registre/pkg/cmd/fmt"
	"github.com/registre-qc/registre/pkg/cmd/imports"
	"github.com/registre-qc/registre/pkg/cmd/initcmd"
	"github.com/registre-qc/registre/pkg/cmd/lint"
	newcmd "github.com/registre-qc/registre/pkg/cmd/new"
	"github.com/registre-qc/registre/pkg/cmd/rules"
	"github.com/registre-qc/registre/pkg/cmd/schema"
	"github.com/registre-qc/registre/pkg/cmd/stats"
	"github.com/registre-qc/registre/pkg/cmd/version"
	"github.com/registre-qc/registre/pkg/cmdutil"
)

// commands lists every subcommand, in help order.
func commands(f *cmdutil.Factory) []*cobra.Command {
	return []*cobra.Command{
		initcmd.NewCmd(f, nil),
		lint.NewCmd(f, nil),
		newcmd.NewCmd(f, nil),
		fmtcmd.NewCmd(f, nil),
		build.NewCmd(f, nil),
		export.NewCmd(f, nil),
		imports.NewCmd(f, nil),
		diff.NewCmd(f, nil),
		stats.NewCmd(f, nil),
		echeances.NewCmd(f, nil),
		avis.NewCmd(f, nil),
		explain.NewCmd(f, nil),
		rules.NewCmd(f, nil),
		schema.NewCmd(f, nil),
		version.NewCmd(f, nil),
		newCompletion(f),
	}
}
