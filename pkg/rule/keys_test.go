package rule_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
)

// TestKeysDeclared: every key a rule reads or reports on is declared in
// pkg/model. Rules read fields through string keys (e.Str("efvp")); a typo
// or a key renamed in the model would read nothing, and the rule would stay
// silent forever. The test parses the rule files and follows each key to the
// string literals it comes from: the literal passed to an Entry accessor
// (Str, Strings, Date, DateEnd, Bool, True, Has, Map, Value, List, At, KeyAt), to
// Values[…] or to a map read with Map, the key path of Report, ReportAt,
// ReportSev, ReportLaw, ReportFile, Repository.Ref and ConfigAt, and, through one or more helpers, the
// literals passed to a helper parameter that ends in one of those (ref(p, e,
// "entente", …)), returned by a helper (efvpKey), assigned to a local
// variable, a constant, a range over a literal list or a struct field
// ({key: "unite"}). Every segment of a key path (efvp/date) but the list
// indexes must be declared as a field of some kind, a nested field, or a key
// of registre.yaml.
func TestKeysDeclared(t *testing.T) {
	declared := map[string]bool{}
	var add func(fs []model.Field)
	add = func(fs []model.Field) {
		for _, f := range fs {
			declared[f.Key] = true
			add(f.Fields)
		}
	}
	for _, k := range model.Kinds {
		add(k.Fields)
	}
	add(model.ConfigFields)

	ka := newKeyAnalysis(t, ".")
	uses := ka.run()
	if len(uses) < 50 {
		t.Fatalf("seulement %d clés trouvées dans les règles : l'analyse ne les suit plus", len(uses))
	}
	for _, u := range uses {
		segs := strings.Split(u.key, "/")
		if u.prefix {
			segs = segs[:len(segs)-1] // "lint/regles/" + id: the part after the last / is not a key
		}
		for _, s := range segs {
			if _, err := strconv.Atoi(s); err == nil || (s == "" && len(segs) == 1) {
				continue // a list index, or "" (the entry itself)
			}
			if !declared[s] {
				t.Errorf("%s : la clé %q (dans %q) n'est déclarée dans aucun type de pkg/model (Fields, champs imbriqués) ni dans model.ConfigFields", ka.fset.Position(u.pos), s, u.key)
			}
		}
	}
	t.Logf("%d lectures de clés vérifiées, %d clés distinctes ; %d clés calculées à l'exécution, non vérifiables ici :", len(uses), ka.distinct(uses), len(ka.dynamic))
	var dyn []string
	for pos, what := range ka.dynamic {
		dyn = append(dyn, ka.fset.Position(pos).String()+" "+what)
	}
	sort.Strings(dyn)
	for _, d := range dyn {
		t.Log("  " + d)
	}
}

type keyUse struct {
	key    string
	prefix bool // the literal is the left part of a concatenation
	pos    token.Pos
}

// keyAnalysis is a small flow analysis over the syntax of one package:
// names are resolved by name within a function, then at package level,
// which is enough for the rules' plain code (no types are loaded).
type keyAnalysis struct {
	t      *testing.T
	fset   *token.FileSet
	funcs  map[string]*ast.FuncType // declared functions and closures assigned to a name
	bodies map[string]*ast.BlockStmt
	global map[string][]ast.Expr // package-level const and var values
	fields map[string][]ast.Expr // struct field name → the values given to it in literals
	keyPar map[string]map[int]bool
	uses   []keyUse
	seen   map[token.Pos]bool
	// dynamic lists the keys computed at run time (from the model's
	// declarations, e.g. f.Key, or from the input): nothing to check.
	dynamic map[token.Pos]string
	imports map[string]bool // names of the imported packages
}

// entryAccessors are the Entry methods whose first argument is a key (or key path).
var entryAccessors = map[string]bool{"Str": true, "Strings": true, "Date": true, "DateEnd": true, "Bool": true,
	"True": true, "Has": true, "Map": true, "Value": true, "List": true, "At": true, "KeyAt": true}

// reportKeyArg is the position of the key path among the arguments of Pass's report methods.
// and of the model functions that take a key: Repository.Ref (a reference
// key), Repository.ConfigAt (a registre.yaml key path), model.PathOf.
var reportKeyArg = map[string]int{"Report": 1, "ReportAt": 1, "ReportSev": 2, "ReportLaw": 2, "ReportFile": 2,
	"Ref": 1, "ConfigAt": 0, "PathOf": 0}

func newKeyAnalysis(t *testing.T, dir string) *keyAnalysis {
	ka := &keyAnalysis{t: t, fset: token.NewFileSet(), funcs: map[string]*ast.FuncType{}, bodies: map[string]*ast.BlockStmt{},
		global: map[string][]ast.Expr{}, fields: map[string][]ast.Expr{}, keyPar: map[string]map[int]bool{}, seen: map[token.Pos]bool{},
		dynamic: map[token.Pos]string{}, imports: map[string]bool{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var parsed []*ast.File
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(ka.fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		for _, im := range f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			name := path[strings.LastIndexByte(path, '/')+1:]
			if im.Name != nil {
				name = im.Name.Name
			}
			ka.imports[name] = true
		}
	}
	if len(parsed) == 0 {
		t.Fatal("aucun fichier de règle")
	}
	for _, f := range parsed {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				// Methods are known by their name alone (b.at()): pkg/rule
				// has no two functions or methods of one name that matter here.
				if d.Body != nil {
					ka.funcs[d.Name.Name], ka.bodies[d.Name.Name] = d.Type, d.Body
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if vs, ok := s.(*ast.ValueSpec); ok {
						for i, n := range vs.Names {
							if i < len(vs.Values) {
								ka.global[n.Name] = append(ka.global[n.Name], vs.Values[i])
							}
						}
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt: // mk := func(…) {…}
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && i < len(n.Rhs) {
						if fl, ok := n.Rhs[i].(*ast.FuncLit); ok {
							ka.funcs[id.Name], ka.bodies[id.Name] = fl.Type, fl.Body
						}
					}
				}
			case *ast.CompositeLit:
				ka.structValues(n)
			}
			return true
		})
	}
	return ka
}

// structValues records the values given to each struct field in a literal
// list of an anonymous or named struct type: []struct{ key, french string }{{"unite", "…"}}.
func (ka *keyAnalysis) structValues(cl *ast.CompositeLit) {
	var st *ast.StructType
	switch typ := cl.Type.(type) {
	case *ast.ArrayType:
		st, _ = typ.Elt.(*ast.StructType)
	case *ast.MapType:
		st, _ = typ.Value.(*ast.StructType)
	}
	var names []string
	if st != nil {
		for _, f := range st.Fields.List {
			for _, n := range f.Names {
				names = append(names, n.Name)
			}
		}
	}
	for _, el := range cl.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		inner, ok := el.(*ast.CompositeLit)
		if !ok {
			continue
		}
		for i, x := range inner.Elts {
			if kv, ok := x.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					ka.fields[id.Name] = append(ka.fields[id.Name], kv.Value)
				}
			} else if i < len(names) {
				ka.fields[names[i]] = append(ka.fields[names[i]], x)
			}
		}
	}
	// Keyed elements of a literal of a named struct type: {key: "unite"}.
	if cl.Type != nil {
		if _, ok := cl.Type.(*ast.Ident); ok {
			for _, x := range cl.Elts {
				if kv, ok := x.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						ka.fields[id.Name] = append(ka.fields[id.Name], kv.Value)
					}
				}
			}
		}
	}
}

// run finds the key sinks of every function, then the literals passed to
// key parameters of helpers, until nothing new is found.
func (ka *keyAnalysis) run() []keyUse {
	for changed := true; changed; {
		changed = false
		for name, body := range ka.bodies {
			n := ka.countKeyPars()
			ka.scan(name, body)
			if ka.countKeyPars() != n {
				changed = true
			}
		}
	}
	// Literals passed to a key parameter of a helper.
	for name, body := range ka.bodies {
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			id, ok := call.Fun.(*ast.Ident)
			if !ok || ka.funcs[id.Name] == nil {
				return true
			}
			for _, a := range ka.keyArgs(id.Name, call) {
				ka.resolve(name, a, 0)
			}
			return true
		})
	}
	sort.Slice(ka.uses, func(i, j int) bool { return ka.uses[i].pos < ka.uses[j].pos })
	return ka.uses
}

func (ka *keyAnalysis) countKeyPars() int {
	n := 0
	for _, m := range ka.keyPar {
		n += len(m)
	}
	return n
}

func (ka *keyAnalysis) distinct(us []keyUse) int {
	m := map[string]bool{}
	for _, u := range us {
		m[u.key] = true
	}
	return len(m)
}

// scan resolves every key sink in the body of function fn.
func (ka *keyAnalysis) scan(fn string, body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return n.Body != ka.bodies[fn] && !ka.isNamedClosure(n) // named closures are scanned on their own
		case *ast.CallExpr:
			var arg ast.Expr
			switch f := n.Fun.(type) {
			case *ast.SelectorExpr:
				if pkg, ok := f.X.(*ast.Ident); ok && ka.imports[pkg.Name] && f.Sel.Name != "PathOf" {
					break // sort.Strings, strings.Map: not an Entry method
				}
				if entryAccessors[f.Sel.Name] && len(n.Args) >= 1 {
					arg = n.Args[0]
				} else if i, ok := reportKeyArg[f.Sel.Name]; ok && len(n.Args) > i {
					arg = n.Args[i]
				}
			case *ast.Ident:
				if ka.funcs[f.Name] != nil {
					for _, a := range ka.keyArgs(f.Name, n) {
						ka.resolveParams(fn, a)
					}
				}
			}
			if arg != nil {
				ka.resolveParams(fn, arg)
			}
		case *ast.IndexExpr:
			if ka.isKeyedMap(fn, n.X) {
				ka.resolveParams(fn, n.Index)
			}
		}
		return true
	})
}

func (ka *keyAnalysis) isNamedClosure(fl *ast.FuncLit) bool {
	for _, b := range ka.bodies {
		if b == fl.Body {
			return true
		}
	}
	return false
}

// isKeyedMap reports whether x is e.Values, a call to Map, or a local variable assigned from one.
func (ka *keyAnalysis) isKeyedMap(fn string, x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.SelectorExpr:
		return x.Sel.Name == "Values"
	case *ast.CallExpr:
		s, ok := x.Fun.(*ast.SelectorExpr)
		return ok && s.Sel.Name == "Map"
	case *ast.Ident:
		for _, v := range ka.localValues(fn, x.Name) {
			if ka.isKeyedMap(fn, v) {
				return true
			}
		}
	}
	return false
}

// resolveParams records the literals x may hold and marks the parameters
// of fn it comes from.
func (ka *keyAnalysis) resolveParams(fn string, x ast.Expr) { ka.resolve(fn, x, 0) }

// markParam marks a parameter of fn as a key: the literals passed to it are checked.
func (ka *keyAnalysis) markParam(fn, name string) {
	if ka.keyPar[fn] == nil {
		ka.keyPar[fn] = map[int]bool{}
	}
	ka.keyPar[fn][ka.paramIndex(fn, name)] = true
}

// keyArgs returns the arguments of a call to fn passed to its key
// parameters; a variadic key parameter takes every argument from its place on.
func (ka *keyAnalysis) keyArgs(fn string, call *ast.CallExpr) []ast.Expr {
	var out []ast.Expr
	ft := ka.funcs[fn]
	last := len(ft.Params.List) - 1
	variadic := last >= 0 && isEllipsis(ft.Params.List[last].Type)
	n := ka.paramCount(fn)
	for i := range ka.keyPar[fn] {
		switch {
		case variadic && i == n-1 && call.Ellipsis == token.NoPos:
			if i < len(call.Args) {
				out = append(out, call.Args[i:]...)
			}
		case i < len(call.Args):
			out = append(out, call.Args[i])
		}
	}
	return out
}

func isEllipsis(x ast.Expr) bool { _, ok := x.(*ast.Ellipsis); return ok }

func (ka *keyAnalysis) paramCount(fn string) int {
	n := 0
	for _, f := range ka.funcs[fn].Params.List {
		n += max(1, len(f.Names))
	}
	return n
}

func (ka *keyAnalysis) paramIndex(fn, name string) int {
	ft := ka.funcs[fn]
	if ft == nil {
		return -1
	}
	i := 0
	for _, f := range ft.Params.List {
		for _, n := range f.Names {
			if n.Name == name {
				return i
			}
			i++
		}
		if len(f.Names) == 0 {
			i++
		}
	}
	return -1
}

// resultOf is the i-th result of a call, assigned to a name: at, ok := f(…).
type resultOf struct {
	*ast.CallExpr
	i int
}

// resolve records the string literals x may hold.
func (ka *keyAnalysis) resolve(fn string, x ast.Expr, depth int) {
	if depth > 8 {
		return
	}
	switch x := x.(type) {
	case resultOf:
		ka.resolveCall(fn, x.CallExpr, x.i, depth)
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			if ka.seen[x.Pos()] {
				return
			}
			ka.seen[x.Pos()] = true
			s, err := strconv.Unquote(x.Value)
			if err != nil {
				ka.t.Fatalf("%s: %v", ka.fset.Position(x.Pos()), err)
			}
			ka.uses = append(ka.uses, keyUse{key: s, pos: x.Pos()})
		}
	case *ast.BinaryExpr: // "lint/regles/" + id
		if l, ok := x.X.(*ast.BasicLit); ok && x.Op == token.ADD && l.Kind == token.STRING && !ka.seen[l.Pos()] {
			ka.seen[l.Pos()] = true
			s, _ := strconv.Unquote(l.Value)
			ka.uses = append(ka.uses, keyUse{key: s, prefix: true, pos: l.Pos()})
		}
	case *ast.ParenExpr:
		ka.resolve(fn, x.X, depth+1)
	case *ast.Ident:
		if ka.paramIndex(fn, x.Name) >= 0 {
			ka.markParam(fn, x.Name) // resolved at the call sites
			return
		}
		vals := ka.localValues(fn, x.Name)
		if len(vals) == 0 {
			vals = ka.global[x.Name]
		}
		if len(vals) == 0 {
			ka.dynamic[x.Pos()] = x.Name
		}
		for _, v := range vals {
			ka.resolve(fn, v, depth+1)
		}
	case *ast.SelectorExpr: // c.key, where c ranges over a literal list
		if len(ka.fields[x.Sel.Name]) == 0 {
			ka.dynamic[x.Pos()] = types(x)
		}
		for _, v := range ka.fields[x.Sel.Name] {
			ka.resolve(fn, v, depth+1)
		}
	case *ast.CallExpr:
		ka.resolveCall(fn, x, 0, depth)
	}
}

// resolveCall records the literals that result i of a call may hold: a
// helper returning a key (efvpKey(e, key)), or model.PathOf(key, i).
func (ka *keyAnalysis) resolveCall(fn string, x *ast.CallExpr, result, depth int) {
	if s, ok := x.Fun.(*ast.SelectorExpr); ok && s.Sel.Name == "PathOf" && len(x.Args) > 0 {
		ka.resolveParams(fn, x.Args[0])
		return
	}
	var callee string
	switch f := x.Fun.(type) {
	case *ast.Ident:
		callee = f.Name
	case *ast.SelectorExpr: // a method: b.at()
		callee = f.Sel.Name
	}
	if ka.bodies[callee] == nil {
		ka.dynamic[x.Pos()] = "appel"
		return
	}
	ast.Inspect(ka.bodies[callee], func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		r, ok := n.(*ast.ReturnStmt)
		if !ok || result >= len(r.Results) {
			return true
		}
		res := r.Results[result]
		if pid, ok := res.(*ast.Ident); ok {
			if i := ka.paramIndex(callee, pid.Name); i >= 0 && i < len(x.Args) {
				ka.resolveParams(fn, x.Args[i])
				return true
			}
		}
		ka.resolve(callee, res, depth+1)
		return true
	})
}

// types names a selector for the log: d.Key.
func types(x *ast.SelectorExpr) string {
	if id, ok := x.X.(*ast.Ident); ok {
		return id.Name + "." + x.Sel.Name
	}
	return "…." + x.Sel.Name
}

// localValues returns what a local name of fn is assigned: x := v, x = v,
// var x = v, const x = v, and the elements of a literal list it ranges over.
func (ka *keyAnalysis) localValues(fn, name string) []ast.Expr {
	body := ka.bodies[fn]
	if body == nil {
		return nil
	}
	var out []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if call, ok := n.Rhs[0].(*ast.CallExpr); ok && len(n.Rhs) == 1 && len(n.Lhs) > 1 {
				for i, l := range n.Lhs { // at, ok := entCiteLine(…)
					if id, ok := l.(*ast.Ident); ok && id.Name == name {
						out = append(out, resultOf{call, i})
					}
				}
				return true
			}
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == name {
					out = append(out, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if id.Name == name && i < len(n.Values) {
					out = append(out, n.Values[i])
				}
			}
		case *ast.RangeStmt:
			id, ok := n.Value.(*ast.Ident)
			if !ok || id.Name != name {
				return true
			}
			list := n.X
			if lid, ok := list.(*ast.Ident); ok && ka.paramIndex(fn, lid.Name) >= 0 {
				out = append(out, lid) // for _, k := range keys, keys a (variadic) parameter
				return true
			}
			if lid, ok := list.(*ast.Ident); ok && len(ka.global[lid.Name]) == 1 {
				list = ka.global[lid.Name][0]
			}
			if cl, ok := list.(*ast.CompositeLit); ok {
				if _, isStruct := elemStruct(cl); !isStruct {
					out = append(out, cl.Elts...)
				}
			}
		}
		return true
	})
	return out
}

func elemStruct(cl *ast.CompositeLit) (*ast.StructType, bool) {
	if at, ok := cl.Type.(*ast.ArrayType); ok {
		st, ok := at.Elt.(*ast.StructType)
		return st, ok
	}
	return nil, false
}
