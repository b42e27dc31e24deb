// Package cmdutil holds what every command shares: the Factory (the one
// place that touches the world: streams, clock, environment) and the error
// types that map to exit codes.
package cmdutil

import (
	"fmt"
	"os"
	"time"

	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/source"
)

// Factory carries the dependencies of commands.
type Factory struct {
	IO      *iostreams.IOStreams
	Now     func() time.Time
	Getenv  func(string) string
	Version string
}

// Exit codes (model.md §6).
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitError    = 2
)

// UsageError is a bad command line (exit 2).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usagef returns a UsageError.
func Usagef(format string, args ...any) error { return &UsageError{fmt.Sprintf(format, args...)} }

// FindingsError means the run completed and found problems at or above the
// failure level (exit 1). Its message has already been printed.
type FindingsError struct{ Msg string }

func (e *FindingsError) Error() string { return e.Msg }

// ErrSilent exits 1 without printing anything more.
var ErrSilent = &FindingsError{}

// Today returns the date to use for date rules: --date if given, else
// REGISTRE_DATE, else the clock, formatted YYYY-MM-DD.
func (f *Factory) Today(flag string) (string, error) {
	if flag == "" {
		flag = f.Getenv("REGISTRE_DATE")
	}
	if flag != "" {
		if _, err := time.Parse("2006-01-02", flag); err != nil {
			return "", Usagef("date invalide : %q (format attendu : AAAA-MM-JJ)", flag)
		}
		return flag, nil
	}
	return f.Now().Format("2006-01-02"), nil
}

// RepoDir returns the folder named by the arguments (default "."), as given.
func RepoDir(args []string) string {
	if len(args) > 0 && args[0] != "" {
		return args[0]
	}
	return "."
}

// FindRepo returns the register repository holding dir, found like git finds
// its own: dir or the nearest parent holding registre.yaml (source.FindRoot).
// Every command that reads a repository calls it first. No repository is a
// usage error (exit 2) that explains what a repository is.
func FindRepo(dir string) (string, error) {
	root, err := source.FindRoot(dir)
	if err != nil {
		return "", &UsageError{err.Error()}
	}
	return root, nil
}

// Default returns the factory of the real process.
func Default(version string) *Factory {
	return &Factory{IO: iostreams.System(), Now: time.Now, Getenv: os.Getenv, Version: version}
}
