package rule_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestRulesUseAccessors: rules read entries only through the accessors of
// model.Entry (Str, Value, List, At…), never through its Values map or its
// Positions. The accessors answer for every key even once lint has made the
// entry compact (a dropped value is read back from the file); the map would
// silently lack it, and the rule lose its finding in `registre lint`. A
// helper that needs the whole map calls e.Whole() first.
func TestRulesUseAccessors(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "Values" && sel.Sel.Name != "Positions") {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "model" {
				return true // the type model.Positions
			}
			if call, ok := sel.X.(*ast.CallExpr); ok {
				if fn, ok := call.Fun.(*ast.SelectorExpr); ok && fn.Sel.Name == "Whole" {
					return true
				}
			}
			t.Errorf("%s : lecture directe de .%s : passez par les accesseurs de model.Entry (e.Value, e.List, e.Str, e.At…) ou par e.Whole().%s",
				fset.Position(sel.Sel.Pos()), sel.Sel.Name, sel.Sel.Name)
			return true
		})
	}
	if checked < 10 {
		t.Fatalf("seulement %d fichiers lus", checked)
	}
}
