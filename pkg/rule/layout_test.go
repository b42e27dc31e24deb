package rule_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/rule"
)

// families lists the few rule files whose name cannot list every id they
// register: several rules that share one function.
var families = map[string][]string{
	// CIT-001 to CIT-007 report the issues the citation parser names, all with citIssues.
	"cit_issues.go": {"CIT-001", "CIT-002", "CIT-003", "CIT-004", "CIT-005", "CIT-006", "CIT-007"},
}

var (
	ruleIDRe   = regexp.MustCompile(`^[A-Z]+-[0-9]{3}$`)
	ruleFileRe = regexp.MustCompile(`^([a-z]+)((?:_[0-9]{3})+)\.go$`)
	docFileRe  = regexp.MustCompile(`^([a-z]+)_(schema|docs)\.go$`)
)

// TestRuleLayout: each rule is registered in the file named after it, beside
// its function, so that its documentation is next to its code.
//
//   - <prefix>_<nnn>.go (com_007.go) registers the rule of that id, and a
//     family file lists every id it holds (ent_008_009.go: ENT-008 and
//     ENT-009); the families table names the few exceptions;
//   - <prefix>_schema.go and <prefix>_docs.go register only rules of their
//     prefix that another package reports (schema, loader, suppressions):
//     documentation, without an Entry or Repo function;
//   - every other file (engine, shared helpers: text.go, dates.go…)
//     registers nothing, and the grab-bag util.go does not come back;
//   - the Entry, Repo and Digest functions of a rule are declared in its
//     file, or in the file of the rule whose function it shares (PRV-013
//     runs com019 of com_019.go), never in a helper file.
func TestRuleLayout(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	funcFile := map[string]string{} // top-level function → its file
	parsed := map[string]*ast.File{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		if name == "util.go" {
			t.Errorf("util.go est revenu : rangez chaque fonction dans le fichier de la règle qui s'en sert, ou dans un fichier nommé d'après ce qu'elle fait (text.go, dates.go, citations.go…)")
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed[name] = f
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				funcFile[fd.Name.Name] = name
			}
		}
	}
	for name := range families {
		if _, ok := parsed[name]; !ok {
			t.Errorf("families nomme %s, qui n'existe plus", name)
		}
	}

	where := map[string][]string{} // rule id → files that register it
	for _, name := range sortedKeys(parsed) {
		allowed, docOnly, kind := fileRules(name)
		for _, reg := range registrations(parsed[name]) {
			pos := fset.Position(reg.pos)
			if reg.id == "" {
				t.Errorf("%s : register sans identifiant de règle littéral : le test ne peut pas vérifier le fichier", pos)
				continue
			}
			where[reg.id] = append(where[reg.id], name)
			switch kind {
			case "helper":
				t.Errorf("%s : %s est enregistrée dans %s, qui n'est pas un fichier de règle : déplacez-la dans %s", pos, reg.id, name, fileFor(reg.id))
				continue
			case "doc":
				if !allowed(reg.id) {
					t.Errorf("%s : %s est enregistrée dans %s, qui ne reçoit que les règles de son préfixe", pos, reg.id, name)
				}
			default:
				if !allowed(reg.id) {
					t.Errorf("%s : %s est enregistrée dans %s, dont le nom ne la nomme pas : déplacez-la dans %s (ou nommez le fichier d'après toutes ses règles)", pos, reg.id, name, fileFor(reg.id))
				}
			}
			if r := rule.Get(reg.id); docOnly && r != nil && (r.Entry != nil || r.Repo != nil) {
				t.Errorf("%s : %s a une fonction : elle a son propre fichier, %s, et non %s (réservé aux règles documentées ici mais signalées ailleurs)", pos, reg.id, fileFor(reg.id), name)
			}
			for _, fn := range reg.funcs {
				ff, ok := funcFile[fn]
				if !ok || ff == name {
					continue
				}
				if _, _, k := fileRules(ff); k != "rule" {
					t.Errorf("%s : la fonction %s de %s est dans %s : placez-la à côté de son enregistrement, dans %s", pos, fn, reg.id, ff, name)
				}
			}
		}
		// A rule file's name lists only ids it registers.
		if kind == "rule" {
			for _, id := range namedIDs(name) {
				if !contains(where[id], name) {
					t.Errorf("%s nomme %s mais ne l'enregistre pas : renommez le fichier", name, id)
				}
			}
		}
	}
	for _, r := range rule.All() {
		switch n := len(where[r.ID]); {
		case n == 0:
			t.Errorf("%s : enregistrée hors de la portée du test (identifiant calculé ?) : écrivez son identifiant en littéral dans register(…)", r.ID)
		case n > 1:
			t.Errorf("%s : enregistrée dans plusieurs fichiers : %v", r.ID, where[r.ID])
		}
	}
	if len(where) < 100 {
		t.Fatalf("seulement %d règles trouvées dans les fichiers : le test ne suit plus les enregistrements", len(where))
	}
}

// fileRules tells what a file may register: kind is "rule" (named after its
// rules, or a family), "doc" (<prefix>_schema.go, <prefix>_docs.go, whose
// rules have no function: docOnly) or "helper" (nothing).
func fileRules(name string) (allowed func(id string) bool, docOnly bool, kind string) {
	if ids, ok := families[name]; ok {
		return func(id string) bool { return contains(ids, id) }, false, "rule"
	}
	if ruleFileRe.MatchString(name) {
		ids := namedIDs(name)
		return func(id string) bool { return contains(ids, id) }, false, "rule"
	}
	if m := docFileRe.FindStringSubmatch(name); m != nil {
		prefix := strings.ToUpper(m[1]) + "-"
		return func(id string) bool { return strings.HasPrefix(id, prefix) }, true, "doc"
	}
	return func(string) bool { return false }, false, "helper"
}

// namedIDs returns the ids a rule file's name lists: ent_008_009.go → ENT-008, ENT-009.
func namedIDs(name string) []string {
	if ids, ok := families[name]; ok {
		return ids
	}
	m := ruleFileRe.FindStringSubmatch(name)
	if m == nil {
		return nil
	}
	var ids []string
	for _, n := range strings.Split(strings.TrimPrefix(m[2], "_"), "_") {
		ids = append(ids, strings.ToUpper(m[1])+"-"+n)
	}
	return ids
}

// fileFor is the file a rule of that id belongs in.
func fileFor(id string) string {
	prefix, n, _ := strings.Cut(id, "-")
	return fmt.Sprintf("%s_%s.go", strings.ToLower(prefix), n)
}

type registration struct {
	id    string
	pos   token.Pos
	funcs []string // Entry, Repo and Digest functions named in the literal
}

// registrations finds the rules registered in f: each argument of a call
// to register, identified by the first rule id written in it.
func registrations(f *ast.File) []registration {
	var out []registration
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if fn, ok := call.Fun.(*ast.Ident); !ok || fn.Name != "register" {
			return true
		}
		for _, arg := range call.Args {
			reg := registration{pos: arg.Pos()}
			ast.Inspect(arg, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.BasicLit:
					if s, err := strconv.Unquote(m.Value); err == nil && m.Kind == token.STRING && reg.id == "" && ruleIDRe.MatchString(s) {
						reg.id = s
					}
				case *ast.KeyValueExpr:
					key, ok1 := m.Key.(*ast.Ident)
					val, ok2 := m.Value.(*ast.Ident)
					if ok1 && ok2 && (key.Name == "Entry" || key.Name == "Repo" || key.Name == "Digest") {
						reg.funcs = append(reg.funcs, val.Name)
					}
				}
				return true
			})
			out = append(out, reg)
		}
		return false
	})
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]*ast.File) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
