package entryfile

import (
	"bytes"
	"sort"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
)

// Every comment stays attached to the key or item it annotates (issue 11.5):
// input → canonical output, then idempotence.
func TestFormatComments(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"line comment after a flow list",
			"id: COM-0001\nrenseignements: Nom\ndestinataire: [A, B] # c\nfins: x\n",
			"id: COM-0001\ndestinataire: # c\n  - A\n  - B\nrenseignements: Nom\nfins: x\n"},
		{"comment between a key and its scalar value",
			"id: COM-0001\ndestinataire:\n  # au sujet de la valeur\n  Retraite Québec\nrenseignements: Nom\nfins: x\n",
			"id: COM-0001\n\n# au sujet de la valeur\ndestinataire: Retraite Québec\nrenseignements: Nom\nfins: x\n"},
		{"key line comment on a block list", "id: COM-0001\nappui_legal: # c\n  - a\n  - b\n",
			"id: COM-0001\nappui_legal: # c\n  - a\n  - b\n"},
		{"item line comments", "id: COM-0001\nappui_legal:\n  - a # c1\n  - b # c2\n",
			"id: COM-0001\nappui_legal:\n  - a # c1\n  - b # c2\n"},
		{"item head comments", "id: COM-0001\nappui_legal:\n  # premier\n  - a\n  # second\n  - b\n",
			"id: COM-0001\nappui_legal:\n  # premier\n  - a\n  # second\n  - b\n"},
		{"flow mapping with line comment", "id: EFVP-0001\nfacteurs: {regime_juridique: r, sensibilite: s} # c\n",
			"id: EFVP-0001\nfacteurs: # c\n  sensibilite: s\n  regime_juridique: r\n"},
		{"block mapping comments", "id: EFVP-0001\nfacteurs:\n  # tête\n  regime_juridique: r # l\n  sensibilite: s\n",
			"id: EFVP-0001\nfacteurs:\n  sensibilite: s\n  # tête\n  regime_juridique: r # l\n"},
		{"foot comment of a list", "id: COM-0001\nappui_legal:\n  - a\n  # pied de liste\nhors_quebec: false\n",
			"id: COM-0001\nappui_legal:\n  - a\n  # pied de liste\nhors_quebec: false\n"},
		{"comment at the end", "id: COM-0001\nfins: y\n# fin\n",
			"id: COM-0001\nfins: 'y'\n# fin\n"},
		{"block text with line comment", "id: COM-0001\nfins: | # c\n  texte\n",
			"id: COM-0001\nfins: | # c\n  texte\n"},
		{"plain scalar on the next line", "id: COM-0001\nfins: # c\n  texte\nraisons: r\n",
			"id: COM-0001\nfins: texte # c\nraisons: r\n"},
		{"comment between key and value after a blank line", "id: COM-0001\nfins:\n\n  # entre\n  texte\nraisons: r\n",
			"id: COM-0001\n\n# entre\nfins: texte\nraisons: r\n"},
		{"flow list with key head comment", "id: COM-0001\n# au-dessus\ndestinataire: [A, B] # c\nfins: x\n",
			"id: COM-0001\n\n# au-dessus\ndestinataire: # c\n  - A\n  - B\nfins: x\n"},
		{"reorder with line comments", "fins: x # f\nid: COM-0001 # i\n",
			"id: COM-0001 # i\nfins: x # f\n"},
		{"comment between key and flow list", "id: COM-0001\ndestinataire:\n  # entre\n  [A, B]\nfins: x\n",
			"id: COM-0001\n\n# entre\ndestinataire:\n  - A\n  - B\nfins: x\n"},
		{"comment between key and block list", "id: COM-0001\nappui_legal:\n  # entre\n  - a\nfins: x\n",
			"id: COM-0001\nfins: x\nappui_legal:\n  # entre\n  - a\n"},
		{"two line comments on a flow list and its key", "id: COM-0001\ndestinataire: [A, B] # c\nfins: x # f\n",
			"id: COM-0001\ndestinataire: # c\n  - A\n  - B\nfins: x # f\n"},
		{"trailing comment stays at the end when keys move", "fins: x\nid: COM-0001\n# fin\n",
			"id: COM-0001\nfins: x\n# fin\n"},
		{"trailing comment after a blank line", "appui_legal:\n  - a\nid: COM-0001\n\n# fin\n",
			"id: COM-0001\nappui_legal:\n  - a\n\n# fin\n"},
		// Minimised from TestProperty: left on the complex key, the comment
		// was written after « : » and pushed [] to the next line, where it
		// read as a key (invalid YAML, refused).
		{"line comment on a complex key with an empty list", "id: COM-0001\n? \"a\\nb\" # c\n: []\n",
			"id: COM-0001\n? \"a\\nb\"\n: [] # c\n"},
		{"line comment on a complex key with an empty mapping", "id: COM-0001\n? \"a\\nb\" # c\n: {}\n",
			"id: COM-0001\n? \"a\\nb\"\n: {} # c\n"},
		{"comments on a complex key and its empty mapping", "id: COM-0001\n? \"a\\nb\" # c\n# d\n: {} # e\n",
			"id: COM-0001\n\n# c\n# d\n? \"a\\nb\"\n: {} # e\n"},
		{"comment between a key and its empty mapping", "id: COM-0001\nx: # c\n  # d\n  {} # e\n",
			"id: COM-0001\n\n# c\n# d\nx: {} # e\n"},
		{"line comments on a complex key and its scalar", "id: COM-0001\n? \"a\\nb\" # c\n: x # e\n",
			"id: COM-0001\n\n# c\n? \"a\\nb\"\n: x # e\n"},
		{"line comment on a key with an empty list", "id: COM-0001\nappui_legal: [] # c\n",
			"id: COM-0001\nappui_legal: [] # c\n"},
		{"nested list comments", "id: EFVP-0001\nignorer:\n  - regle: COM-001 # r\n    # tête raison\n    raison: x\n",
			"id: EFVP-0001\nignorer:\n  - regle: COM-001 # r\n    # tête raison\n    raison: x\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := model.Communications
			if strings.HasPrefix(tt.in, "id: EFVP") {
				k = model.KindByName("efvp")
			}
			out, _, err := Format(k, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Fatalf("got:\n%s\nwant:\n%s", out, tt.want)
			}
			again, changed, err := Format(k, out)
			if err != nil || changed {
				t.Fatalf("not idempotent (%v):\n%s", err, again)
			}
			assertSameValues(t, []byte(tt.in), out)
			assertCommentsStay(t, []byte(tt.in), out)
		})
	}
}

// assertCommentsStay checks that out holds the comments of src as a multiset,
// each on the same top-level key (commentOwners).
func assertCommentsStay(t testing.TB, src, out []byte) {
	t.Helper()
	text := bytes.ReplaceAll(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")), []byte("\r\n"), []byte("\n"))
	want, ok := commentOwners(text)
	if !ok {
		t.Fatalf("input is not a mapping:\n%s", src)
	}
	got, ok := commentOwners(out)
	if !ok {
		t.Fatalf("output is not a mapping:\n%s", out)
	}
	if key, line := diffOwners(want, got); line != "" {
		t.Fatalf("comment %q of %q moved or lost\n--- in\n%s\n--- out\n%s", line, key, src, out)
	}
	var all, allOut []string
	for _, l := range want {
		all = append(all, l...)
	}
	for _, l := range got {
		allOut = append(allOut, l...)
	}
	sort.Strings(all)
	sort.Strings(allOut)
	if line := diffLines(all, allOut); line != "" {
		t.Fatalf("comment %q lost or duplicated", line)
	}
}

// A comment the owner check would miss on purpose: moving it to another key
// must make Format refuse (the check is live, not decorative).
func TestCommentOwnersDetectMove(t *testing.T) {
	a := []byte("id: COM-0001\ndestinataire: A # c\nfins: x\n")
	b := []byte("id: COM-0001\ndestinataire: A\nfins: x # c\n")
	wa, _ := commentOwners(a)
	wb, _ := commentOwners(b)
	if key, line := diffOwners(wa, wb); key == "" || line != "# c" {
		t.Fatalf("diffOwners = %q, %q", key, line)
	}
}
