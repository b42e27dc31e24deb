package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandShape: every command package (pkg/cmd/*) has the shape that
// makes it testable without cobra (docs/architecture.md, « Une commande »):
// an Options struct, NewCmd(f *cmdutil.Factory, runF func(*Options) error)
// *cobra.Command and Run(*Options) error.
func TestCommandShape(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "pkg", "cmd", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		n++
		name := "pkg/cmd/" + filepath.Base(dir)
		fset := token.NewFileSet()
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		found := map[string]string{} // "Options", "NewCmd", "Run" → signature
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			{
				for _, d := range f.Decls {
					switch d := d.(type) {
					case *ast.GenDecl:
						for _, s := range d.Specs {
							if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == "Options" {
								if _, ok := ts.Type.(*ast.StructType); ok {
									found["Options"] = "struct"
								}
							}
						}
					case *ast.FuncDecl:
						if d.Recv == nil && (d.Name.Name == "NewCmd" || d.Name.Name == "Run") {
							found[d.Name.Name] = types.ExprString(d.Type)
						}
					}
				}
			}
		}
		for what, want := range map[string]string{
			"Options": "struct",
			"NewCmd":  "func(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command",
			"Run":     "func(o *Options) error",
		} {
			got, ok := found[what]
			if !ok {
				t.Errorf("%s: no %s (a command has Options, NewCmd(f, runF) and Run(*Options))", name, what)
			} else if normalize(got) != normalize(want) {
				t.Errorf("%s: %s is %s, want %s", name, what, got, want)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d command packages found", n)
	}
}

// normalize drops parameter names: func(o *Options) error → func(*Options) error.
func normalize(sig string) string {
	for _, p := range []string{"f ", "runF ", "o ", "opts "} {
		sig = strings.ReplaceAll(sig, "("+p, "(")
		sig = strings.ReplaceAll(sig, ", "+p, ", ")
	}
	return sig
}
