package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/registre-qc/registre/"

// layers is the documented direction (docs/architecture.md): a package may
// import only packages of a strictly lower layer. Data flows files → source →
// schema → rule → format and model → table → render/*; model and finding are
// the vocabulary everything below the commands shares.
var layers = map[string]int{
	// 0: leaves, importing nothing of ours.
	"pkg/finding": 0, "pkg/citation": 0, "pkg/gitutil": 0, "pkg/iostreams": 0, "pkg/suggest": 0, "pkg/parallel": 0,
	"pkg/oserr": 0, "pkg/pii": 0,
	"pkg/render/internal/textutil": 0, "schemas": 0,
	// 1: the data model (kinds, fields, entries, configuration).
	"pkg/model": 1,
	// 2: reading, shaping and writing entries: the loader (and the id
	// numbering, which reads git history), the schema, the published table,
	// the guarded file writer (it knows registre.yaml and the kind folders).
	"pkg/source": 2, "pkg/schema": 2, "pkg/table": 2, "pkg/fsutil": 2,
	// 3: checking, formatting, rendering, counting one repository.
	"pkg/rule": 3, "pkg/entryfile": 3, "pkg/stats": 3, "pkg/format": 3, "pkg/deadline": 3, "pkg/edition": 3,
	"pkg/render/csv": 3, "pkg/render/html": 3, "pkg/render/pdf": 3, "pkg/render/internal/sample": 3,
	// 4: whole jobs built from the stages above.
	"pkg/lint": 4, "pkg/regdiff": 4, "pkg/importer": 4, "pkg/scaffold": 4, "pkg/site": 4, "pkg/render/notice": 4,
	// 5: what every command shares.
	"pkg/cmdutil": 5,
	// 6: one package per command (pkg/cmd/*), never importing each other.
	"pkg/cmd/*": 6,
	// 7: the root command; then the thin main and the generators.
	"pkg/cli": 7, "cmd/registre": 8, "internal/gendocs": 8, "internal/genschemas": 8,
	// Standalone tools and tests: they import nothing of ours.
	"internal/bench": 8, "internal/benchgen": 0, "internal/archtest": 0,
}

// testHelpers are the packages any test may import whatever its layer: they
// exist for tests (fixed data, test streams) and import nothing above them.
var testHelpers = map[string]bool{
	"pkg/render/internal/sample": true, // sample tables for the renderers' tests
}

// testUpward are the test files that reach a higher layer today, each a known
// debt to pay back (move the test up, or give it a lower-layer helper); the
// list only shrinks: a new upward test import fails, and an entry no longer
// needed fails too, so it is removed with the fix.
var testUpward = map[string]string{
	"pkg/format/sarif_names_test.go imports pkg/cmd/lint": "SARIF rule names checked against the command's rule table",
	"pkg/model/confidential_test.go imports pkg/source":   "confidentiality checked on loaded files",
	"pkg/rule/fixtures_test.go imports pkg/lint":          "rule fixtures run through the whole lint",
	"pkg/rule/law_test.go imports pkg/lint":               "legal cases run through the whole lint",
	"pkg/rule/lean_test.go imports pkg/lint":              "lean lint checked with a rule registered for the test (rule.RegisterForTest)",
	"pkg/scaffold/scaffold_test.go imports pkg/lint":      "templates must lint clean (same layer)",
	"pkg/schema/first_test.go imports pkg/source":         "schema checked on decoded files (same layer)",
	"pkg/schema/schema_test.go imports pkg/source":        "schema checked on decoded files (same layer)",
	"pkg/schema/quick_test.go imports pkg/source":         "quick check compared with the validator on decoded files (same layer)",
}

// cobraAllowed are the only packages that may import cobra (the CLI layer).
func cobraAllowed(p string) bool {
	return p == "pkg/cli" || strings.HasPrefix(p, "pkg/cmd/") || p == "internal/gendocs"
}

func layerOf(p string) (int, bool) {
	if l, ok := layers[p]; ok {
		return l, true
	}
	if strings.HasPrefix(p, "pkg/cmd/") {
		return layers["pkg/cmd/*"], true
	}
	return 0, false
}

func TestLayers(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "node_modules") {
			return filepath.SkipDir
		}
		if m, _ := filepath.Glob(filepath.Join(p, "*.go")); len(m) > 0 {
			rel, _ := filepath.Rel(root, p)
			pkgs = append(pkgs, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pkgs)
	if len(pkgs) < 20 {
		t.Fatalf("only %d packages found under %s", len(pkgs), root)
	}
	found := map[string]bool{}
	for _, p := range pkgs {
		if p == "." {
			continue
		}
		found[p] = true
		from, ok := layerOf(p)
		if !ok {
			t.Errorf("%s: package absent from the layer table of internal/archtest (add it, and to docs/architecture.md)", p)
			continue
		}
		src, err := readImports(filepath.Join(root, p))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, imp := range src.imports { // non-test files, whatever their build constraints
			if strings.HasPrefix(imp.path, "github.com/spf13/cobra") && !cobraAllowed(p) {
				t.Errorf("%s: %s imports cobra: only pkg/cli and pkg/cmd/* may", p, imp.file)
			}
			if !strings.HasPrefix(imp.path, module) {
				continue
			}
			dep := strings.TrimPrefix(imp.path, module)
			to, ok := layerOf(dep)
			if !ok {
				t.Errorf("%s: %s imports %s, absent from the layer table", p, imp.file, dep)
				continue
			}
			if strings.HasPrefix(p, "pkg/cmd/") && strings.HasPrefix(dep, "pkg/cmd/") {
				t.Errorf("%s: %s imports %s: commands never import each other (move the shared code down a layer)", p, imp.file, dep)
				continue
			}
			if to >= from {
				t.Errorf("%s (layer %d): %s imports %s (layer %d): against the documented direction", p, from, imp.file, dep, to)
			}
		}
	}
	// Test files follow the same direction: a test of a lower layer that
	// reaches up (a rule test running the whole lint, a loader test through
	// the CLI) hides a dependency the package itself does not have. The
	// package itself (external _test package) and testHelpers are allowed.
	upwardSeen := map[string]bool{}
	for _, p := range pkgs {
		from, ok := layerOf(p)
		if !ok || p == "." {
			continue
		}
		src, err := readImports(filepath.Join(root, p))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, imp := range src.testImports {
			if !strings.HasPrefix(imp.path, module) {
				continue
			}
			dep := strings.TrimPrefix(imp.path, module)
			if dep == p || testHelpers[dep] {
				continue
			}
			to, ok := layerOf(dep)
			if !ok {
				t.Errorf("%s: %s imports %s, absent from the layer table", p, imp.file, dep)
			} else if to >= from {
				key := p + "/" + imp.file + " imports " + dep
				if _, known := testUpward[key]; known {
					upwardSeen[key] = true
					continue
				}
				t.Errorf("%s (layer %d): test file %s imports %s (layer %d): against the documented direction", p, from, imp.file, dep, to)
			}
		}
	}
	for key := range testUpward {
		if !upwardSeen[key] {
			t.Errorf("testUpward: %q no longer happens: remove it from the list", key)
		}
	}
	// A table entry names a package that exists: a removed or moved package
	// leaves no stale line behind (here and in docs/architecture.md).
	for p := range layers {
		if p == "pkg/cmd/*" {
			cmds, _ := filepath.Glob(filepath.Join(root, "pkg", "cmd", "*", "*.go"))
			if len(cmds) == 0 {
				t.Errorf("%s: in the layer table but no command package exists", p)
			}
			continue
		}
		if !found[p] {
			t.Errorf("%s: in the layer table of internal/archtest but no such package (remove it, and from docs/architecture.md)", p)
		}
	}
}

// goImport is one import of one file.
type goImport struct {
	file, path string
}

// goSource is what readImports reads from one package folder.
type goSource struct {
	imports     []goImport // of the package's own files
	testImports []goImport // of its _test.go files (internal and external tests)
}

// readImports parses the imports of every .go file of dir, whatever its build
// constraints (//go:build lines, _GOOS or _GOARCH suffixes): a file compiled
// only on Windows or only with a tag is bound by the same direction.
func readImports(dir string) (*goSource, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	src := &goSource{}
	fset := token.NewFileSet()
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			return nil, err
		}
		name := filepath.Base(f)
		for _, is := range af.Imports {
			path, err := strconv.Unquote(is.Path.Value)
			if err != nil {
				return nil, err
			}
			if strings.HasSuffix(name, "_test.go") {
				src.testImports = append(src.testImports, goImport{name, path})
			} else {
				src.imports = append(src.imports, goImport{name, path})
			}
		}
	}
	return src, nil
}

// TestDocumented: the table of docs/architecture.md gives every package of
// the layer table, in the same layer (« à part » is layer 0), and no other.
func TestDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "architecture.md"))
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]int{}
	tick := regexp.MustCompile("`([^`]+)`")
	for _, line := range strings.Split(string(doc), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 {
			continue
		}
		layer, err := strconv.Atoi(strings.TrimSpace(cells[1]))
		if strings.TrimSpace(cells[1]) == "à part" {
			layer, err = 0, nil
		}
		if err != nil {
			continue
		}
		for _, m := range tick.FindAllStringSubmatch(cells[2], -1) {
			documented[m[1]] = layer
		}
	}
	for p, l := range layers {
		if d, ok := documented[p]; !ok {
			t.Errorf("%s (couche %d) absent du tableau de docs/architecture.md", p, l)
		} else if d != l {
			t.Errorf("%s : couche %d dans docs/architecture.md, %d dans internal/archtest", p, d, l)
		}
	}
	for p := range documented {
		if _, ok := layers[p]; !ok {
			t.Errorf("%s : dans docs/architecture.md mais pas dans la table de internal/archtest", p)
		}
	}
}
