// Package cmdutil holds what every command shares: the Factory (the one
// place that touches the world: streams, clock, environment) and the error
// types that map to exit codes.
package cmdutil

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // the Montréal calendar on machines without a zoneinfo database

	"github.com/spf13/pflag"

	"github.com/registre-qc/registre/pkg/gitutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/source"
	"github.com/registre-qc/registre/pkg/suggest"
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
		msg := err.Error()
		// « . n'est pas un dépôt » says little: name the working directory.
		if rest, ok := strings.CutPrefix(msg, ". n'est pas "); ok && filepath.Clean(dir) == "." {
			if abs, aerr := filepath.Abs("."); aerr == nil {
				msg = "le dossier courant (" + abs + ") n'est pas " + rest
			}
		}
		return "", &UsageError{msg}
	}
	return root, nil
}

// DisplayPath is a path relative to the repository dir (slash-separated) as
// seen from the working directory: joined to dir when dir is relative, as
// lint shows its findings, so that file:line opens from where the command ran.
func DisplayPath(dir, rel string) string {
	if rel == "" || dir == "" || dir == "." || filepath.IsAbs(dir) {
		return rel
	}
	return filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(rel)))
}

// Choice returns the allowed value that the option --flag was given, in any
// case and with spaces around, or a usage error (exit 2) naming the option,
// the nearest allowed value and every allowed one:
// « --format invalide : "jsn" ; vouliez-vous dire json ? (valeurs possibles : text ou json) ».
// Every option with a fixed set of values goes through it (format_choice.txtar).
func Choice(flag, got string, allowed []string) (string, error) {
	return ChoiceAliases(flag, got, allowed, nil)
}

// ChoiceAliases is Choice where aliases maps other accepted spellings (« md »,
// « cai ») to an allowed value; the message lists the allowed values only.
func ChoiceAliases(flag, got string, allowed []string, aliases map[string]string) (string, error) {
	g := strings.ToLower(strings.TrimSpace(got))
	if slices.Contains(allowed, g) {
		return g, nil
	}
	if a, ok := aliases[g]; ok && slices.Contains(allowed, a) {
		return a, nil
	}
	list := JoinOr(allowed)
	if sg := suggest.Value(got, allowed); sg != "" {
		return "", Usagef("--%s invalide : %q ; vouliez-vous dire %s ? (valeurs possibles : %s)", flag, got, sg, list)
	}
	return "", Usagef("--%s invalide : %q (valeurs possibles : %s)", flag, got, list)
}

// JoinOr joins values the French way: « a, b ou c ».
func JoinOr(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " ou " + values[len(values)-1]
}

// ValueAnnotation is the flag annotation that names an option's value in help
// (« --out FICHIER »), set by ValueName.
const ValueAnnotation = "registre-valeur"

// ValueName names the value of option flag in help and documentation, where
// the name the help gives by option name does not fit (avis --out is a file).
func ValueName(fs *pflag.FlagSet, flag, name string) {
	_ = fs.SetAnnotation(flag, ValueAnnotation, []string{name})
}

// TuneGC trades memory headroom for less garbage-collection work, for the
// commands that read a whole repository but keep little of it (lint keeps
// references and dates, fmt --check nothing) while producing much
// short-lived garbage as they decode: the collector runs less often (GOGC
// 400) under a soft ceiling of 80 MiB; above it, Go's limit on collector CPU
// keeps very large repositories from thrashing. GOGC or GOMEMLIMIT, when set,
// win. Measured on 10,000 entries (README, « Performances »): lint and
// fmt --check spend 8 to 10 % less processor time than with Go's defaults.
func TuneGC(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(80 << 20)
}

// Default returns the factory of the real process.
func Default(version string) *Factory {
	return &Factory{IO: iostreams.System(), Now: time.Now, Getenv: os.Getenv, Version: version}
}

// Snapshot is a repository as it was at a past commit, written from git's
// object store into a temporary folder (the working tree is never touched).
type Snapshot struct {
	Dir    string // the temporary folder to read
	Commit string // full commit id
	Short  string // short id, for messages
	Date   string // committer date of the commit, YYYY-MM-DD
}

// AsOf resolves --as-of (a date AAAA-MM-JJ, the last commit on or before the
// end of that day in Montréal, or any git revision) for the repository dir and
// writes the files of that commit into a temporary folder. The caller removes
// it with Cleanup.
func AsOf(dir, spec string) (*Snapshot, error) {
	commit, err := gitutil.Resolve(dir, spec, Montreal())
	if err != nil {
		return nil, Usagef("--as-of %s : %v", spec, err)
	}
	tmp, err := os.MkdirTemp("", "registre-as-of-")
	if err != nil {
		return nil, fmt.Errorf("dossier temporaire impossible à créer : %w", err)
	}
	if err := gitutil.Export(dir, commit, tmp, source.DefaultMaxSize); err != nil {
		_ = os.RemoveAll(tmp)
		return nil, Usagef("--as-of %s : %v", spec, err)
	}
	short, date := gitutil.CommitInfo(dir, commit, Montreal())
	return &Snapshot{Dir: tmp, Commit: commit, Short: short, Date: date}, nil
}

// Cleanup removes the temporary folder.
func (s *Snapshot) Cleanup() {
	if s != nil && s.Dir != "" {
		_ = os.RemoveAll(s.Dir)
	}
}

// Describe says which commit an --as-of run used, for the user.
func (s *Snapshot) Describe(spec string) string {
	return fmt.Sprintf("registre : dépôt tel qu'au %s : commit %s du %s (%s)", spec, s.Short, s.Date, s.Commit)
}
