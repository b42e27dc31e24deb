package entryfile

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

func TestEncodeScalarStyles(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string // the lines after "remarques:"
	}{
		{"plain", "Direction des ressources humaines", " Direction des ressources humaines\n"},
		{"apostrophe inside", "l'organisme", " l'organisme\n"},
		{"unicode", "« texte » ’ œ", " « texte » ’ œ\n"},
		{"date stays plain", "2025-03-01", " 2025-03-01\n"},
		{"hash without space", "a#b", " a#b\n"},
		{"url", "https://exemple.gouv.qc.ca/a?b=c", " https://exemple.gouv.qc.ca/a?b=c\n"},
		{"empty string", "", " ''\n"},
		{"number-like text", "12 290", " '12 290'\n"},
		{"integer text", "2025", " '2025'\n"},
		{"decimal text", "63.5", " '63.5'\n"},
		{"article number", "67.2.1", " '67.2.1'\n"},
		{"Oui", "Oui", " 'Oui'\n"},
		{"true as text", "true", " 'true'\n"},
		{"null as text", "null", " 'null'\n"},
		{"tilde", "~", " '~'\n"},
		{"merge key text", "<<", " '<<'\n"},
		{"leading dash", "- tiret", " '- tiret'\n"},
		{"leading dash no space", "-tiret", " '-tiret'\n"},
		{"leading star", "* étoile", " '* étoile'\n"},
		{"leading colon", ": deux", " ': deux'\n"},
		{"leading hash", "# dièse", " '# dièse'\n"},
		{"leading at", "@a", " '@a'\n"},
		{"leading backquote", "`b", " '`b'\n"},
		{"leading quote", "'c", " '''c'\n"},
		{"leading double quote", `"d`, ` '"d'` + "\n"},
		{"leading bang", "!e", " '!e'\n"},
		{"leading percent", "%f", " '%f'\n"},
		{"leading ampersand", "&g", " '&g'\n"},
		{"leading pipe", "|h", " '|h'\n"},
		{"leading gt", ">i", " '>i'\n"},
		{"leading brace", "{j", " '{j'\n"},
		{"leading bracket", "[k", " '[k'\n"},
		{"trailing space", "fin ", " 'fin '\n"},
		{"leading space", " début", " ' début'\n"},
		{"colon space", "a: b", " 'a: b'\n"},
		{"trailing colon", "Note:", " 'Note:'\n"},
		{"space hash", "a #b", " 'a #b'\n"},
		{"document marker", "--- x", " '--- x'\n"},
		{"tab", "a\tb", ` "a\tb"` + "\n"},
		{"line separator", "a\u2028b", ` "a\Lb"` + "\n"},
		{"multi-line no final newline", "ligne 1\nligne 2", " |-\n  ligne 1\n  ligne 2\n"},
		{"multi-line final newline", "ligne 1\nligne 2\n", " |\n  ligne 1\n  ligne 2\n"},
		{"multi-line two final newlines", "ligne 1\n\n", " |+\n  ligne 1\n\n"},
		{"empty line inside", "a\n\nb\n", " |\n  a\n\n  b\n"},
		{"leading spaces first line", "  indenté\nsuite\n", " |2\n    indenté\n  suite\n"},
		{"leading newline", "\ndébut\n", " |2\n\n  début\n"},
		{"dash at line start", "- un\n- deux\n", " |\n  - un\n  - deux\n"},
		{"space before line break", "a \nb\n", ` "a \nb\n"` + "\n"},
		{"carriage return", "a\r\nb", ` "a\r\nb"` + "\n"},
		{"integer", int64(120), " 120\n"},
		{"int", 7, " 7\n"},
		{"float", 1.5, " 1.5\n"},
		{"whole float", 2.0, " 2.0\n"},
		{"bool", true, " true\n"},
		{"null", nil, "\n"},
		{"empty list", []any{}, " []\n"},
		{"list", []string{"a", "12 290"}, "\n  - a\n  - '12 290'\n"},
		{"empty map", map[string]any{}, " {}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Encode(model.Communications, map[string]any{"id": "COM-0001", "remarques": tt.v})
			if err != nil {
				t.Fatal(err)
			}
			want := "id: COM-0001\nremarques:" + tt.want
			if string(out) != want {
				t.Fatalf("Encode:\n%s\nwant:\n%s", out, want)
			}
			doc := decode(t, out)
			if p, ok := equal(normalize(tt.v), doc.Values["remarques"], "remarques"); !ok {
				t.Fatalf("value changed at %s: %q", p, doc.Values["remarques"])
			}
			assertCanonical(t, model.Communications, out)
			assertFastAgrees(t, model.Communications, map[string]any{"id": "COM-0001", "remarques": tt.v}, "")
			assertFastAgrees(t, model.EFVP, map[string]any{"id": "EFVP-0001", "destinations": []any{tt.v},
				"ignorer": []any{map[string]any{"regle": "x", "raison": tt.v}}, "facteurs": map[string]any{"sensibilite": tt.v}}, "")
		})
	}
}

func TestEncodeOrder(t *testing.T) {
	values := map[string]any{
		"zz_inconnue":  "z",
		"aa_inconnue":  "a",
		"conclusion":   "en_cours",
		"declencheurs": []any{"70.1", "64"},
		"facteurs": map[string]any{
			"regime_juridique": "r", "sensibilite": "s", "autre": "x", "finalites": "f",
		},
		"ignorer": []any{map[string]any{"raison": "parce que", "jusqu_au": "2026-12-31", "regle": "EFVP-001"}},
		"titre":   "Titre",
		"id":      "EFVP-0001",
	}
	got, err := Encode(model.EFVP, values)
	if err != nil {
		t.Fatal(err)
	}
	want := `id: EFVP-0001
titre: Titre
declencheurs:
  - '70.1'
  - '64'
conclusion: en_cours
facteurs:
  sensibilite: s
  finalites: f
  regime_juridique: r
  autre: x
ignorer:
  - regle: EFVP-001
    raison: parce que
    jusqu_au: 2026-12-31
aa_inconnue: a
zz_inconnue: z
`
	if string(got) != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestEncodeHeaderAndComments(t *testing.T) {
	got, err := EncodeFields(model.Communications.Fields, map[string]any{"id": "COM-0001", "unite": nil, "fins": nil},
		Options{
			Header:   "yaml-language-server: $schema=../.registre/schemas/communications.schema.json\n\n",
			Comments: map[string]string{"id": "Identifiant.", "fins": "Fins (obligatoire).\np. ex. : gestion"},
		})
	if err != nil {
		t.Fatal(err)
	}
	want := `# yaml-language-server: $schema=../.registre/schemas/communications.schema.json

# Identifiant.
id: COM-0001
unite:

# Fins (obligatoire).
# p. ex. : gestion
fins:
`
	if string(got) != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	assertCanonical(t, model.Communications, got)

	got, _ = EncodeWithHeader(model.Communications, map[string]any{"id": "COM-0001"}, "# yaml-language-server: $schema=x.json")
	if string(got) != "# yaml-language-server: $schema=x.json\nid: COM-0001\n" {
		t.Fatalf("EncodeWithHeader: %q", got)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"already canonical", "id: COM-0001\nunite: X\n", ""},
		{"reorder, comments travel with their key",
			"# yaml-language-server: $schema=../s.json\n\nunite: X # unité\n# Les fins\nfins: |\n  texte\nid: COM-0001\n",
			"# yaml-language-server: $schema=../s.json\n\nid: COM-0001\nunite: X # unité\n\n# Les fins\nfins: |\n  texte\n"},
		{"modeline stays on top when the first key moves",
			"# yaml-language-server: $schema=../s.json\n# à propos de l'unité\nunite: X\nid: COM-0001\n",
			"# yaml-language-server: $schema=../s.json\nid: COM-0001\n\n# à propos de l'unité\nunite: X\n"},
		{"flow to block, quotes",
			"id: \"COM-0001\"\nappui_legal: [\"Article 67\", 'Article 68']\nhors_quebec: True\n",
			"id: COM-0001\nappui_legal:\n  - Article 67\n  - Article 68\nhors_quebec: true\n"},
		{"quoted values that need quotes keep single quotes",
			"id: COM-0001\nfrequence: \"12 290\"\nremarques: \"Oui\"\n",
			"id: COM-0001\nremarques: 'Oui'\nfrequence: '12 290'\n"},
		{"null forms", "id: COM-0001\nunite: ~\nfins: null\nremarques:\n", "id: COM-0001\nunite:\nfins:\nremarques:\n"},
		{"empty values kept", "id: COM-0001\nunite: ''\nappui_legal: []\n", ""},
		{"CRLF and BOM", "\xEF\xBB\xBFid: COM-0001\r\nfins: |\r\n  a\r\n  b\r\n", "id: COM-0001\nfins: |\n  a\n  b\n"},
		{"trailing blank lines", "id: COM-0001\n\n\n", "id: COM-0001\n"},
		{"folded and plain multi-line text", "id: COM-0001\nfins: >\n  un\n  deux\nraisons: un\n  deux\n",
			"id: COM-0001\nfins: |\n  un deux\nraisons: un deux\n"},
		{"indentation", "id: COM-0001\nappui_legal:\n- a\n- b\n", "id: COM-0001\nappui_legal:\n  - a\n  - b\n"},
		{"date and quoted date", "id: COM-0001\ndebut: '2025-01-02'\n", "id: COM-0001\ndebut: 2025-01-02\n"},
		{"document marker", "---\nid: COM-0001\n", "id: COM-0001\n"},
		{"tags dropped, values kept", "id: !!str COM-0001\nunite: !!str 123\nhors_quebec: !!bool true\n",
			"id: COM-0001\nunite: '123'\nhors_quebec: true\n"},
		{"foot comment", "id: COM-0001\n\n# fin du fichier\n", "id: COM-0001\n\n# fin du fichier\n"},
		{"list item comment", "id: COM-0001\nappui_legal:\n  # premier\n  - a # en ligne\n  - b\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, changed, err := Format(model.Communications, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if want == "" {
				want = tt.in
			}
			if string(out) != want {
				t.Fatalf("got:\n%s\nwant:\n%s", out, want)
			}
			if changed != (want != tt.in) {
				t.Errorf("changed = %v", changed)
			}
			assertSameValues(t, []byte(tt.in), out)
			assertCanonical(t, model.Communications, out)
			assertDecodedAgrees(t, model.Communications, []byte(tt.in))
		})
	}
}

func TestFormatRefusesBrokenFiles(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		rule     string
	}{
		{"syntax", "id: COM-0001\nfins: a: b\n", 2, "YAML-001"},
		{"duplicate key", "id: COM-0001\nfins: a\nfins: b\n", 3, "YAML-003"},
		{"anchor", "id: COM-0001\nfins: &x a\nraisons: *x\n", 2, "YAML-004"},
		{"two documents", "id: COM-0001\n---\nid: COM-0002\n", 3, "YAML-005"},
		{"empty", "", 1, "YAML-007"},
		{"list", "- a\n", 1, "YAML-007"},
		{"latin-1", "id: COM-0001\nfins: Donn\xe9es\n", 2, "YAML-002"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, changed, err := Format(model.Communications, []byte(tt.in))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want *SyntaxError", err)
			}
			if se.Line != tt.line || se.Rule != tt.rule {
				t.Errorf("line %d rule %s, want %d %s (%s)", se.Line, se.Rule, tt.line, tt.rule, se)
			}
			if !strings.HasPrefix(se.Error(), "ligne ") {
				t.Errorf("message %q", se.Error())
			}
			if out != nil || changed {
				t.Errorf("out = %q, changed = %v", out, changed)
			}
		})
	}
}

// TestFormatExamples formats every entry of examples/: no error, same
// values, and a second pass changes nothing.
func TestFormatExamples(t *testing.T) {
	root := filepath.Join("..", "..", "examples")
	n, fast := 0, 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".yaml" {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		k := model.KindByName(strings.Split(filepath.ToSlash(rel), "/")[0])
		if k == nil {
			return nil
		}
		n++
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out, _, err := Format(k, src)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		assertSameValues(t, src, out)
		assertCanonical(t, k, out)
		if assertFastAgrees(t, k, decode(t, out).Values, "") {
			fast++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 40 {
		t.Fatalf("only %d example entries", n)
	}
	// The fast writer is for files like these: it must handle nearly all of them.
	if fast < n*9/10 {
		t.Errorf("fast writer handles %d of %d example entries", fast, n)
	}
}

// awkward is a pool of values that YAML easily misreads.
var awkward = []string{
	"", " ", "texte simple", "12 290", "1,5", "2025", "63.5", "Oui", "Non", "true", "no", "null", "~", "-", "- item", "* puce",
	": x", "a: b", "# titre", "a #b", "@x", "`x`", "'x'", `"x"`, "!x", "%x", "&x", "|x", ">x", "{x}", "[x]", "<<",
	"fin ", " début", "\tx", "a\tb", "« guillemets » ’ œ Œ é", "2025-01-02", "0x1F", "1e3", ".inf", "---", "...", "?", "x:",
	"ligne 1\nligne 2", "ligne 1\nligne 2\n", "ligne\n\n", "\n", "\n\n", "  indenté\nsuite", "\ndébut", "a \nb", "a\n ", "a\n\n\nb",
	"- un\n- deux\n", "* un\n* deux", ": a\n# b\n", "a\r\nb", "\u2028", "\u00a0espace insécable", "x\u00a0",
	strings.Repeat("très longue ligne ", 120), strings.Repeat("ligne longue avec « guillemets »\n", 40),
}

func randomValue(r *rand.Rand, keys []string, depth int) any {
	switch r.IntN(10) {
	case 0:
		return nil
	case 1:
		return r.IntN(2) == 0
	case 2:
		return int64(r.IntN(100000))
	case 3, 4:
		if depth < 2 {
			n := r.IntN(4)
			l := make([]any, n)
			for i := range l {
				l[i] = randomValue(r, keys, depth+1)
			}
			return l
		}
	case 5:
		if depth < 2 {
			m := map[string]any{}
			for i := r.IntN(4); i > 0; i-- {
				m[randomKey(r, keys)] = randomValue(r, keys, depth+1)
			}
			return m
		}
	}
	s := awkward[r.IntN(len(awkward))]
	if r.IntN(3) == 0 {
		s += awkward[r.IntN(len(awkward))]
	}
	return s
}

func randomKey(r *rand.Rand, keys []string) string {
	// Not "": the loader's key paths give the root that name, so it reads as a duplicate.
	if s := awkward[r.IntN(len(awkward))]; s != "" && r.IntN(3) == 0 {
		return s
	}
	return keys[r.IntN(len(keys))]
}

// kindKeys are the keys a random entry of k is made of: k's fields and their
// sub-fields, in declaration order (other kinds' keys would make k's inputs
// depend on them).
func kindKeys(k *model.Kind) []string {
	var keys []string
	var walk func([]model.Field)
	walk = func(fs []model.Field) {
		for _, f := range fs {
			keys = append(keys, f.Key)
			walk(f.Fields)
		}
	}
	walk(k.Fields)
	return keys
}

// kindSeed is the seed of k's random stream: its name, so that adding a
// kind or reordering model.Kinds changes no other kind's inputs.
func kindSeed(k *model.Kind) uint64 {
	h := fnv.New64a()
	h.Write([]byte(k.Name))
	return h.Sum64()
}

// long runs the property tests with ten times the inputs (go test ./pkg/entryfile -long).
var long = flag.Bool("long", false, "run the property tests with ten times more random inputs")

// TestProperty encodes random entries made of awkward values: they read back
// equal, are canonical, and any other YAML spelling of them formats to the
// same bytes.
func TestProperty(t *testing.T) {
	// Each kind has its own stream and subtest, run in parallel.
	n := 120
	if testing.Short() {
		n = 30
	}
	if *long {
		n = 1200
	}
	for _, k := range model.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			t.Parallel()
			propertyKind(t, k, n)
		})
	}
}

func propertyKind(t *testing.T, k *model.Kind, n int) {
	r := rand.New(rand.NewPCG(1, kindSeed(k)))
	keys := kindKeys(k)
	kept, refused, fast := 0, 0, 0
	for i := 0; i < n; i++ {
		values := map[string]any{"id": k.Prefix + "-0001"}
		for j := r.IntN(12); j > 0; j-- {
			values[randomKey(r, keys)] = randomValue(r, keys, 0)
		}
		out, err := Encode(k, values)
		if err != nil {
			t.Fatal(err)
		}
		if assertFastAgrees(t, k, values, "") {
			fast++
		}
		doc := decode(t, out)
		if p, ok := equal(normalize(values), doc.Values, ""); !ok {
			t.Fatalf("value changed at %s:\n%s", p, out)
		}
		assertCanonical(t, k, out)

		// The same values in yaml.v3's default spelling (other quotes, other order).
		other, err := yaml.Marshal(values)
		if err != nil {
			t.Fatal(err)
		}
		if d, probs := source.Decode(other); len(probs) > 0 || d == nil {
			continue // yaml.v3 itself wrote something the strict loader rejects
		} else if _, ok := equal(d.Values, doc.Values, ""); !ok {
			continue // yaml.v3's spelling already changed a value (not ours to fix)
		}
		assertDecodedAgrees(t, k, other)
		got, _, err := Format(k, other)
		if err != nil {
			t.Fatalf("Format: %v\n%s", err, other)
		}
		if !bytes.Equal(got, out) {
			t.Fatalf("Format(yaml.Marshal(v)) != Encode(v)\n--- format\n%s\n--- encode\n%s\n--- input\n%s", got, out, other)
		}

		// With comments sprinkled over it: kept (Format succeeds and is a
		// fixed point) or refused, never lost.
		commented := sprinkleComments(r, other)
		if d, probs := source.Decode(commented); len(probs) > 0 || d == nil {
			continue
		}
		assertDecodedAgrees(t, k, commented)
		got, _, err = Format(k, commented)
		var re *RefusedError
		if errors.As(err, &re) && re.Comment {
			refused++ // comments between a complex key (?) and its value, mostly
			if refused <= 4 && testing.Verbose() {
				t.Logf("refused (%v):\n%s", err, commented)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Format: %v\n%s", err, commented)
		}
		assertSameValues(t, commented, got)
		assertCommentsStay(t, commented, got)
		assertCanonical(t, k, got)
		kept++
	}
	t.Logf("commented inputs: %d formatted, %d refused; fast writer: %d of %d", kept, refused, fast, n)
}

func sprinkleComments(r *rand.Rand, src []byte) []byte {
	lines := strings.SplitAfter(string(src), "\n")
	var b strings.Builder
	for i, l := range lines {
		if r.IntN(4) == 0 {
			indent := len(l) - len(strings.TrimLeft(l, " "))
			fmt.Fprintf(&b, "%s# commentaire %d\n", strings.Repeat(" ", indent), i)
		}
		if r.IntN(6) == 0 && strings.HasSuffix(l, "\n") && !strings.HasSuffix(l, "|\n") && !strings.HasSuffix(l, "-\n") && !strings.HasSuffix(l, "+\n") {
			l = strings.TrimSuffix(l, "\n") + fmt.Sprintf(" # en ligne %d\n", i)
		}
		b.WriteString(l)
	}
	return []byte(b.String())
}

// fuzzIDPrefix is the prefix of a fuzz input's id line (`id: COM-0001`,
// quoted or after a byte-order mark).
var fuzzIDPrefix = regexp.MustCompile(`(?m)^(?:\x{FEFF})?id:[ \t]*["']?([A-Z]+)-`)

// fuzzKind picks the kind a fuzz input is formatted as from the input itself:
// the kind whose prefix starts its first id line, else communications. A
// corpus entry keeps its kind when kinds are added or reordered (picking by
// len(src)%len(model.Kinds) gave every entry another kind after each new one).
func fuzzKind(src []byte) *model.Kind {
	if m := fuzzIDPrefix.FindSubmatch(src); m != nil {
		if k := model.KindByPrefix(string(m[1])); k != nil {
			return k
		}
	}
	return model.Communications
}

func TestFuzzKind(t *testing.T) {
	for src, want := range map[string]*model.Kind{
		"id: COM-0001\n":                            model.Communications,
		"id: EFVP-0001\nfacteurs: {}\n":             model.EFVP,
		"fins: x\nid: \"INC-0002\"\n":               model.Incidents,
		"\xEF\xBB\xBFid: 'ENT-0001'\r\nfins: a\r\n": model.Ententes,
		"? |\n  a\n: v\nid: UTI-0001\n":             model.Utilisations,
		"id: XYZ-0001\n":                            model.Communications,
		"fins: x\n":                                 model.Communications,
		"  id: INV-0001\n":                          model.Communications, // not a top-level key
		"":                                          model.Communications,
	} {
		if got := fuzzKind([]byte(src)); got != want {
			t.Errorf("fuzzKind(%q) = %s, want %s", src, got.Name, want.Name)
		}
	}
	for _, k := range model.Kinds { // every kind is reachable
		if got := fuzzKind([]byte("id: " + k.Prefix + "-0001\n")); got != k {
			t.Errorf("fuzzKind of a %s id = %s", k.Prefix, got.Name)
		}
	}
}

func FuzzFormat(f *testing.F) {
	for _, s := range []string{
		"id: COM-0001\n",
		"# yaml-language-server: $schema=x\n\nunite: X # c\nid: COM-0001\nfins: |\n  a\n\n  b\n",
		"id: COM-0001\nappui_legal: [a, 'b', \"c\"]\nremarques: \"12 290\"\n",
		"id: EFVP-0001\nfacteurs: {regime_juridique: r, sensibilite: s}\nignorer:\n- raison: x\n  regle: y\n",
		"id: COM-0001\nfins: |2-\n    indenté\n  suite\nraisons: |+\n  a\n\n",
		"id: COM-0001\n# tête\nfins: x # ligne\n# pied\n",
		"id: COM-0001\nrenseignements: Nom\ndestinataire: [A, B] # c\nfins: x\n",
		"id: COM-0001\ndestinataire:\n  # au sujet de la valeur\n  Retraite Québec\nrenseignements: Nom\n",
		"id: EFVP-0001\nfacteurs: {regime_juridique: r} # c\nfins:\n  # entre\n  [a, b]\n",
	} {
		f.Add([]byte(s))
	}
	if entries, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "*.yaml")); err == nil {
		for _, p := range entries {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		k := fuzzKind(src)
		out, _, err := Format(k, src)
		var se *SyntaxError
		var re *RefusedError
		switch {
		case errors.As(err, &se):
			return // not a clean YAML mapping: never rewritten
		case errors.As(err, &re) && re.Comment:
			return // a comment yaml.v3 cannot place: refused, file left alone
		case err != nil:
			t.Fatalf("Format: %v\n%q", err, src)
		}
		assertSameValues(t, src, out)
		// Comments are kept as a multiset and each stays on its key.
		assertCommentsStay(t, src, out)
		assertCanonical(t, k, out)
		assertDecodedAgrees(t, k, src)
	})
}

func decode(t testing.TB, b []byte) *source.Doc {
	t.Helper()
	doc, probs := source.Decode(b)
	if len(probs) > 0 || doc == nil {
		t.Fatalf("output does not decode cleanly: %+v\n%s", probs, b)
	}
	return doc
}

func assertSameValues(t testing.TB, before, after []byte) {
	t.Helper()
	a, b := decode(t, before), decode(t, after)
	if p, ok := equal(a.Values, b.Values, ""); !ok {
		t.Fatalf("value changed at %s\n--- before\n%s\n--- after\n%s", p, before, after)
	}
}

// assertFastAgrees checks that fastEncode, when it handles values, writes
// exactly what encodeFields writes.
func assertFastAgrees(t testing.TB, k *model.Kind, values map[string]any, header string) bool {
	t.Helper()
	values, _ = normalize(values).(map[string]any)
	fast, ok := fastEncode(k.Fields, values, header)
	if !ok {
		return false
	}
	want, err := encodeFields(k.Fields, values, Options{Header: header}, false)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fast, want) {
		t.Fatalf("fastEncode differs from the encoder\n--- fast\n%s\n--- encoder\n%s", fast, want)
	}
	// Encode returns the fast output without reading it back: it must read back.
	if err := verifyValues(fast, values); err != nil {
		t.Fatalf("fastEncode output does not read back: %v\n%s", err, fast)
	}
	return true
}

// FuzzFastEncode feeds fastEncode the values of any clean YAML file: when it
// handles them, its output is the encoder's and reads back to the same values
// (Encode relies on it to skip the read-back).
func FuzzFastEncode(f *testing.F) {
	for _, s := range []string{
		"id: COM-0001\n",
		"id: COM-0001\nfins: |\n  a\n\n  b\n",
		"id: COM-0001\nappui_legal: [a, 'b', \"c\"]\nremarques: \"12 290\"\n",
		"id: EFVP-0001\nfacteurs: {regime_juridique: r, sensibilite: s}\nignorer:\n- raison: x\n  regle: y\n",
		"id: COM-0001\nfins: \"  a\\n b \\n\\tc\"\nx: '~'\ny: 'null'\nz: '1e3'\nw: '0x1F'\nv: '2026-01-01'\n",
		"id: COM-0001\nfins: \"a\\n---\\n... \\n# b\\n- c\\n  d: e\"\n",
	} {
		f.Add([]byte(s))
	}
	if entries, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "*.yaml")); err == nil {
		for _, p := range entries {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, probs := source.Decode(src)
		if len(probs) > 0 || doc == nil {
			return
		}
		k := fuzzKind(src)
		assertFastAgrees(t, k, doc.Values, "")
	})
}

// assertDecodedAgrees checks that FormatDecoded, given the loader's values,
// answers exactly like Format.
func assertDecodedAgrees(t testing.TB, k *model.Kind, src []byte) {
	t.Helper()
	doc, probs := source.Decode(src)
	if len(probs) > 0 || doc == nil {
		return
	}
	want, wantChanged, wantErr := Format(k, src)
	got, gotChanged, gotErr := FormatDecoded(k, src, doc.Values)
	assertFastAgrees(t, k, doc.Values, "# yaml-language-server: $schema=x\n\n")
	if !bytes.Equal(got, want) || gotChanged != wantChanged || (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("FormatDecoded differs from Format: changed %v/%v, err %v/%v\n--- src\n%s\n--- FormatDecoded\n%s\n--- Format\n%s",
			gotChanged, wantChanged, gotErr, wantErr, src, got, want)
	}
}

// assertCanonical checks that out is a fixed point of Format, with LF line
// ends, no BOM and a final newline.
func assertCanonical(t testing.TB, k *model.Kind, out []byte) {
	t.Helper()
	again, changed, err := Format(k, out)
	if err != nil {
		t.Fatalf("second Format: %v\n%s", err, out)
	}
	if changed || !bytes.Equal(again, out) {
		t.Fatalf("Format is not idempotent\n--- first\n%s\n--- second\n%s", out, again)
	}
	assertDecodedAgrees(t, k, out)
	if bytes.Contains(out, []byte("\r")) && !bytes.Contains(out, []byte(`\r`)) || bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")) || !bytes.HasSuffix(out, []byte("\n")) {
		t.Fatalf("line ends, BOM or final newline: %q", out)
	}
}

func TestFormatDecoded(t *testing.T) {
	k := model.Communications
	// A canonical file with a key twice in a row (the loader reports it): not "unchanged".
	dup := []byte("id: COM-0001\nfins: a\nfins: a\n")
	if _, _, err := FormatDecoded(k, dup, map[string]any{"id": "COM-0001", "fins": "a"}); err == nil {
		t.Error("duplicate key accepted")
	}
	// Values that do not match the file: the answer is still Format's.
	src := []byte("id: COM-0001\nfins: '12'\n")
	want, wantChanged, _ := Format(k, src)
	got, changed, err := FormatDecoded(k, src, map[string]any{"id": "COM-0001", "fins": int64(12)})
	if err != nil || changed != wantChanged || !bytes.Equal(got, want) {
		t.Errorf("FormatDecoded = %q %v %v, want %q %v", got, changed, err, want, wantChanged)
	}
	// With and without comments below the header.
	for _, s := range []string{
		"# yaml-language-server: $schema=x\nid: COM-0001\nfins: a\n",
		"# yaml-language-server: $schema=x\n\n# Identifiant\nid: COM-0001\nfins: a # note\n",
		"id: COM-0001\nremarques: 'a #b'\n",
	} {
		assertDecodedAgrees(t, k, []byte(s))
		doc := decode(t, []byte(s))
		if _, changed, err := FormatDecoded(k, []byte(s), doc.Values); err != nil || changed {
			t.Errorf("%q: changed %v err %v", s, changed, err)
		}
	}
}
