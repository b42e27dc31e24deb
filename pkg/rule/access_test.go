package rule_test

import (
	"github.com/registre-qc/registre/pkg/rule"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestRulesUseAccessors: rules read entries only through the accessors of
// model.Entry (Str, Value, List, At, AppendContent…), never through its
// Values map or its Positions. The accessors answer for every key even once
// lint has made the entry compact (a dropped value is read back from the
// file); the map would silently lack it, and the rule lose its finding in
// `registre lint`. Nor does a rule ask which mode it runs in (Lean, Whole,
// Reread, Compact, SetReread), or look at an entry through reflection or
// encoding/json, which read the fields behind the accessors' back.
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
		for _, imp := range f.Imports {
			if p := strings.Trim(imp.Path.Value, `"`); p == "reflect" || p == "encoding/json" {
				t.Errorf("%s : une règle n'importe pas %s (il lit les champs de model.Entry sans ses accesseurs)", fset.Position(imp.Pos()), p)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "model" {
				return true // a package member: the type model.Positions…
			}
			switch sel.Sel.Name {
			case "Values", "Positions":
				t.Errorf("%s : lecture directe de .%s : passez par les accesseurs de model.Entry (e.Value, e.List, e.Str, e.At, e.AppendContent…)",
					fset.Position(sel.Sel.Pos()), sel.Sel.Name)
			case "Lean", "Whole", "Reread", "Compact", "SetReread":
				t.Errorf("%s : .%s : une règle ne dépend pas du mode de lint (allégé ou complet) ; lisez par les accesseurs de model.Entry",
					fset.Position(sel.Sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
	if checked < 10 {
		t.Fatalf("seulement %d fichiers lus", checked)
	}
}

// TestKeepDeclared: the texts a cross rule asks lean mode to keep
// (Rule.Keep) are fields of a kind the rule reads.
func TestKeepDeclared(t *testing.T) {
	for _, r := range rule.All() {
		if len(r.Keep) > 0 && !r.Cross {
			t.Errorf("%s : Keep n'a de sens que pour une règle croisée (Cross)", r.ID)
		}
		for _, key := range r.Keep {
			found := false
			for _, k := range r.Kinds {
				found = found || k.Field(key) != nil
			}
			if !found {
				t.Errorf("%s : Keep nomme %q, qui n'est un champ d'aucun des registres de la règle", r.ID, key)
			}
		}
	}
}
