package cli

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var updateScripts = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

func TestMain(m *testing.M) {
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
