// Package version is `registre version`.
package version

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
)

// Options are the parsed arguments (none).
type Options struct {
	IO      *iostreams.IOStreams
	Version string
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO, Version: f.Version}
	return &cobra.Command{
		Use:   "version",
		Short: "Affiche la version de registre",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
}

// Run prints the version.
func Run(o *Options) error {
	_, err := fmt.Fprintf(o.IO.Out, "registre %s (%s, %s/%s)\n", o.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return err
}
