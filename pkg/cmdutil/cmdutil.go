// Package cmdutil holds what every command shares: the Factory (the one
// place that touches the world: streams, clock, environment) and the error
// types that map to exit codes.
package cmdutil

import (
	"fmt"
	"os"
	"time"
	_ "time/tzdata" // the Montréal calendar on machines without a zoneinfo database

	"github.com/registre-qc/registre/pkg/iostreams"
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
// REGISTRE_DATE, else the clock in Montréal, formatted YYYY-MM-DD.
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
	return f.Now().In(Montreal()).Format("2006-01-02"), nil
}

// Montreal is the time zone of the Québec calendar every deadline is counted
// in (a day is a day in Québec, whatever the machine's zone).
func Montreal() *time.Location {
	loc, err := time.LoadLocation("America/Montreal")
	if err != nil { // unreachable: time/tzdata is embedded
		return time.FixedZone("EST", -5*3600)
	}
	return loc
}

// RepoDir returns the repository folder from the arguments (default ".").
func RepoDir(args []string) string {
	if len(args) > 0 && args[0] != "" {
		return args[0]
	}
	return "."
}

// Default returns the factory of the real process.
func Default(version string) *Factory {
	return &Factory{IO: iostreams.System(), Now: time.Now, Getenv: os.Getenv, Version: version}
}
