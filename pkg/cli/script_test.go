package cli

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"
)

var updateScripts = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

func TestMain(m *testing.M) {
	if filepath.Base(os.Args[0]) != "registre" { // not the re-executed command
		flag.Parse()
		explicit := false
		flag.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "test.parallel" })
		if !explicit {
			// A scenario spends most of its time waiting for the processes
			// it runs (registre, git, sleep): more scenarios than cores in
			// flight keep the cores busy (16 s → 9 s on 2 cores).
			_ = flag.Set("test.parallel", strconv.Itoa(4*runtime.GOMAXPROCS(0)))
		}
	}
	testscript.Main(m, map[string]func(){
		"registre": func() { os.Exit(Main()) },
	})
}

// TestScripts runs the end-to-end scenarios of testdata/script: the real
// binary entry point, real files, exit codes and outputs.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("..", "..", "testdata", "script"),
		UpdateScripts:       *updateScripts,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("REGISTRE_DATE", "2026-01-15")
			env.Setenv("SOURCE_DATE_EPOCH", "1768435200") // 2026-01-15
			env.Setenv("NO_COLOR", "1")
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("EXAMPLES", examples)
			env.Setenv("GIT_AUTHOR_NAME", "Essai")
			env.Setenv("GIT_AUTHOR_EMAIL", "essai@exemple.org")
			env.Setenv("GIT_COMMITTER_NAME", "Essai")
			env.Setenv("GIT_COMMITTER_EMAIL", "essai@exemple.org")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exitcode N PROG ARGS... runs PROG and asserts its exact exit status
			// (`! exec` only checks "not zero": registre promises 0, 1 and 2).
			"exitcode": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg {
					ts.Fatalf("usage: exitcode N PROG [ARGS...] (no '!')")
				}
				if len(args) < 2 {
					ts.Fatalf("usage: exitcode N PROG [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exitcode: %q is not a number", args[0])
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("exitcode: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("exit status %d, want %d", got, want)
				}
			},
			// copydir SRC DST copies a folder tree (e.g. $EXAMPLES) into the work directory.
			"copydir": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: copydir SRC DST")
				}
				src, dst := ts.MkAbs(args[0]), ts.MkAbs(args[1])
				err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
					if err != nil {
						return err
					}
					rel, _ := filepath.Rel(src, p)
					target := filepath.Join(dst, rel)
					if d.IsDir() {
						return os.MkdirAll(target, 0o755)
					}
					data, err := os.ReadFile(p)
					if err != nil {
						return err
					}
					return os.WriteFile(target, data, 0o644)
				})
				if err != nil {
					ts.Fatalf("copydir: %v", err)
				}
			},
		},
	})
}

// negatedExec matches a script line that runs a program without asserting its
// exact exit status: `! exec`, `? exec`, with or without conditions before it
// (`[unix] ! exec …`). `exitcode N PROG …` is the project's convention.
var negatedExec = regexp.MustCompile(`^(\[[^\]]*\]\s*)*[!?]\s*exec(\s|$)`)

// TestNegatedExec keeps every scenario honest about exit codes: `! exec`
// accepts any non-zero status and `? exec` any status, so a scenario that
// expects a failure must say which one with `exitcode N …`. Only the script
// part of each archive is read (a file body may contain anything).
func TestNegatedExec(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "script", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenario found: %v", err)
	}
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(ar.Comment), "\n") {
			if negatedExec.MatchString(strings.TrimSpace(line)) {
				t.Errorf("%s:%d: %q: use `exitcode N …` (exact exit code) instead of `! exec` or `? exec`", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}

// TestNegatedExecPattern pins what negatedExec catches and what it leaves alone.
func TestNegatedExecPattern(t *testing.T) {
	for line, want := range map[string]bool{
		"! exec registre lint bad":             true,
		"!exec registre lint bad":              true,
		"? exec registre lint bad":             true,
		"[unix] ! exec registre lint":          true,
		"[!windows] [exec:git] ! exec git log": true,
		"[exec:git]! exec git log":             true,
		"exec registre lint":                   false,
		"exitcode 1 registre lint bad":         false,
		"[!exec:git] skip 'git absent'":        false,
		"[exec:flock] ! exists verrou":         false,
		"! exists _site":                       false,
		"! executable":                         false,
	} {
		if got := negatedExec.MatchString(line); got != want {
			t.Errorf("negatedExec.MatchString(%q) = %v, want %v", line, got, want)
		}
	}
}
