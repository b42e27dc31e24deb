package source

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/internal/benchgen"
)

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name, in   string
		rule       string
		line, col  int
		msgContain string
		docNil     bool
	}{
		{"syntax", "id: COM-1\nfins: a: b\n", "YAML-001", 2, 8, "« : »", true},
		{"tab", "id: COM-1\n\tfins: x\n", "YAML-001", 2, 1, "tabulation", true},
		{"empty", "", "YAML-007", 1, 1, "vide", true},
		{"comments only", "# rien\n", "YAML-007", 1, 1, "vide", true},
		{"list root", "- a\n- b\n", "YAML-007", 1, 1, "une liste", true},
		{"scalar root", "bonjour\n", "YAML-007", 1, 1, "valeur seule", true},
		{"duplicate", "id: COM-1\nfins: a\nfins: b\n", "YAML-003", 3, 1, "ligne 2", false},
		{"nested duplicate", "facteurs:\n  sensibilite: a\n  sensibilite: b\n", "YAML-003", 3, 3, "sensibilite", false},
		{"anchor", "id: &x COM-1\n", "YAML-004", 1, 5, "&x", false},
		{"alias", "a: &x 1\nb: *x\n", "YAML-004", 2, 4, "*x", false},
		{"merge", "base: &b {x: 1}\nc:\n  <<: *b\n", "YAML-004", 1, 7, "", false},
		{"two docs", "id: COM-1\n---\nid: COM-2\n", "YAML-005", 3, 1, "plusieurs documents", false},
		{"utf16", "\xff\xfei\x00d\x00", "YAML-002", 1, 1, "UTF-16", true},
		{"nul", "id: COM-1\x00\n", "YAML-002", 1, 10, "binaire", true},
		{"cp1252", "id: COM-1\nfins: Donn\xe9es\n", "YAML-002", 2, 11, "Windows-1252", true},
		{"deep", deep(40), "YAML-006", 0, 0, "imbrication", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, probs := Decode([]byte(tt.in))
			if tt.docNil != (doc == nil) {
				t.Errorf("doc nil = %v, want %v (problems %v)", doc == nil, tt.docNil, probs)
			}
			for _, p := range probs {
				if p.Rule != tt.rule || !strings.Contains(p.Message, tt.msgContain) {
					continue
				}
				if tt.line > 0 && p.Pos.Line != tt.line {
					t.Errorf("line = %d, want %d (%s)", p.Pos.Line, tt.line, p.Message)
				}
				if tt.col > 0 && p.Pos.Col != tt.col {
					t.Errorf("col = %d, want %d (%s)", p.Pos.Col, tt.col, p.Message)
				}
				if !strings.Contains(p.Message, tt.msgContain) {
					t.Errorf("message %q does not contain %q", p.Message, tt.msgContain)
				}
				return
			}
			t.Fatalf("no %s among %+v", tt.rule, probs)
		})
	}
}

func TestDecodeValues(t *testing.T) {
	in := "\xef\xbb\xbfid: COM-1\r\ndebut: 2025-01-02\r\nquoted: '2025-01-03'\r\nn: 12\r\nb: true\r\noui: Oui\r\nnul: ~\r\ntexte: |\r\n  ligne 1\r\n  ligne 2\r\nliste:\r\n  - a\r\n  - b\r\n"
	doc, probs := Decode([]byte(in))
	if len(probs) > 0 || doc == nil {
		t.Fatalf("problems: %v", probs)
	}
	want := map[string]any{"id": "COM-1", "debut": "2025-01-02", "quoted": "2025-01-03", "n": int64(12), "b": true, "oui": "Oui", "nul": nil, "texte": "ligne 1\nligne 2\n"}
	for k, v := range want {
		if doc.Values[k] != v {
			t.Errorf("%s = %#v, want %#v", k, doc.Values[k], v)
		}
	}
	if l, ok := doc.Values["liste"].([]any); !ok || len(l) != 2 || l[1] != "b" {
		t.Errorf("liste = %#v", doc.Values["liste"])
	}
	if p, _ := doc.Positions.Get("liste/1"); p.Value.Line != 13 || p.Value.Col != 5 {
		t.Errorf("position of liste/1 = %+v", p)
	}
	if p, _ := doc.Positions.Get("debut"); p.Key.Line != 2 || p.Key.Col != 1 || p.Value.Col != 8 {
		t.Errorf("position of debut = %+v", p)
	}
}

// TestAliasBomb: a billion-laughs document is refused quickly, without expansion.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [x, x, x, x, x, x, x, x, x]\n")
	prev := "a"
	for i := 0; i < 20; i++ {
		n := string(rune('b' + i))
		b.WriteString(n + ": &" + n + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n")
		prev = n
	}
	_, probs := Decode([]byte(b.String()))
	found := false
	for _, p := range probs {
		if p.Rule == "YAML-004" {
			found = true
		}
	}
	if !found {
		t.Fatalf("alias bomb not reported: %v", probs)
	}
}

// TestSyntaxPositions: a syntax error is reported at the line and column of
// the offending character, with a French explanation of the usual cause; the
// YAML library alone reports the line of the enclosing construct.
func TestSyntaxPositions(t *testing.T) {
	// registre.yaml as init writes it, with the responsable block uncommented
	// and one line (29) left one space too deep.
	initConfig := strings.Repeat("# commentaire\n", 8) + "\norganisme:\n  nom: Essai\n" + strings.Repeat("  # commentaire\n", 3) +
		"  secteur: public\n" + strings.Repeat("  # commentaire\n", 4) + "\n# Coordonnées\n# personnels\nresponsable:\n" +
		"#   # Titre de la fonction.\n  titre: Responsable\n#   # Nom.\n#   nom:\n#   # Courriel.\n   courriel: acces@exemple.org\n"
	tests := []struct {
		name, in  string
		line, col int
		msg       string
	}{
		{"tab before a list item", "id: COM-0001\nfins: x\nraisons: y\nappui_legal:\n\t- Article 67\n", 5, 1, "tabulation dans l'indentation"},
		{"tab after a nested key", "id: COM-0001\nfins: x\nraisons: y\nfacteurs:\n  a: 1\n\tb: 2\n", 6, 1, "tabulation dans l'indentation"},
		{"tab after a list item", "id: COM-0001\nappui_legal:\n  - a\n\t- b\n", 4, 1, "tabulation dans l'indentation"},
		{"tab after spaces", "id: COM-0001\nfacteurs:\n  a: 1\n  \tb: 2\n", 4, 3, "tabulation dans l'indentation"},
		{"key too deep", "a: 1\nb:\n  c: 2\n   d: 3\n", 4, 4, "indentation incohérente"},
		{"key between levels", "a: 1\nb:\n  c: 2\n d: 3\n", 4, 2, "indentation incohérente"},
		{"key too deep after comments", "a: 1\nb:\n  c: 2\n# x\n#  y\n  # z\n    d: 3\ne: 1\n", 7, 5, "indentation incohérente"},
		{"init registre.yaml", initConfig, 29, 4, "indentation incohérente"},
		{"unquoted colon", "id: COM-0001\nfins: Administration du régime: volet 2\n", 2, 31, "mettez la valeur entre guillemets"},
		{"unclosed quote", "a: 1\nb: \"abc\nc: 2\n", 2, 4, "guillemet « \" » ouvert ici et jamais fermé"},
		{"unclosed bracket", "a: 1\nb: [1, 2\nc: 3\n", 2, 4, "crochet « [ » ouvert ici et jamais fermé"},
		{"at sign", "id: COM-0001\nfins: x\nraisons: @équipe\n", 3, 10, "« @ » ne peut pas commencer une valeur"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Decode([]byte(tt.in))
			if len(probs) != 1 || probs[0].Rule != "YAML-001" {
				t.Fatalf("want one YAML-001, got %+v", probs)
			}
			p := probs[0]
			if p.Pos.Line != tt.line || p.Pos.Col != tt.col || !strings.Contains(p.Message, tt.msg) {
				t.Errorf("got %d:%d %q, want %d:%d containing %q", p.Pos.Line, p.Pos.Col, p.Message, tt.line, tt.col, tt.msg)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	seeds := []string{"a: 1\nb:\n  c: 2\n   d: 3\n", "a:\n\t- b\n", "a: \"x\nb: 1\n", "a: [1,\n  2\n", "a: x: y\n", "- a\n  - b\n\t- c\n", "id: COM-1\n", "a: [\n", "a: &x 1\nb: *x\n", "- 1\n", "", "\xff\xfe", "id: COM-1\n---\nx: 1\n",
		"facteurs:\n  sensibilite: |\n    a\n    b\n", "x: {debut: 2025-01-01, fin: 2025-02-01}\n", "? [a]\n: b\n", "a: !!binary aGVsbG8=\n"}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, probs := Decode(data)
		if doc == nil && len(probs) == 0 {
			t.Fatalf("neither a document nor a problem for %q", data)
		}
		lines := 1 + strings.Count(string(data), "\n") + strings.Count(string(data), "\r")
		for _, p := range probs {
			if p.Rule == "" || p.Message == "" || p.Pos.Line < 0 || p.Pos.Col < 0 {
				t.Fatalf("malformed problem %+v", p)
			}
			// A syntax error points into the file.
			if p.Rule == "YAML-001" && p.Pos.Line > lines {
				t.Fatalf("position %d:%d beyond the %d lines of %q", p.Pos.Line, p.Pos.Col, lines, data)
			}
		}
	})
}

// FuzzDecodeEncodingFirst: a file that is not clean UTF-8 gets exactly one
// problem, its encoding (YAML-002), wherever the bad bytes are (in a value, a
// key, a comment, after a syntax error, in a second document, at the end), as
// when the encoding was checked before decoding; a clean file never gets one.
// Decode now trusts the YAML reader's own pass over the bytes when it reads
// the whole file, and checks the encoding separately only otherwise.
func FuzzDecodeEncodingFirst(f *testing.F) {
	bad := []string{"\xe9", "\x00", "\xc3", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xff", "\xe2\x82", "\x80"}
	shapes := []string{"id: COM-1\nx: %s\n", "id: COM-1\n# commentaire %s\n", "id: COM-1\n%s: x\n", "id: COM-1\nx: |\n  a\n  %s\n",
		"id: COM-1\n---\nx: %s\n", "id: COM-1\nx: [\n%s\n", "id: COM-1\n\tx: %s\n", "%s", "\xef\xbb\xbfid: COM-1 %s\n", "id: COM-1\nx: 1\n%s",
		"id: COM-1\nx: \"%s\"\n", "a: &x 1\nb: *x\n# %s", "id: COM-1\ny: \x01 %s\n"}
	// The reader reads ahead by chunks: bad bytes far after an early stop
	// (a syntax error, the end of a first document) are never read by it.
	pad := "p: " + strings.Repeat("texte ", 400) + "\n"
	shapes = append(shapes, "id: COM-1\n"+pad+"---\nx: %s\n", "id: COM-1\n  x: y\n"+pad+"z: %s\n", "id: [COM-1\n"+pad+"z: %s\n",
		"id: COM-1\n"+pad+"---\n"+pad+"x: %s\n")
	for _, shape := range shapes {
		for _, b := range bad {
			f.Add([]byte(fmt.Sprintf(shape, b)))
		}
		f.Add([]byte(fmt.Sprintf(shape, "é")))
	}
	f.Add([]byte("\xfe\xffid: COM-1\n"))
	f.Add([]byte("\xff\xfe\x00\x00id"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, probs := Decode(data)
		if p, ok := checkEncoding(data); !ok {
			if doc != nil || len(probs) != 1 || probs[0] != p {
				t.Fatalf("%q: want only the encoding problem %+v, got %+v (document: %v)", data, p, probs, doc != nil)
			}
			return
		}
		for _, p := range probs {
			if p.Rule == "YAML-002" {
				t.Fatalf("%q: clean UTF-8, yet %+v", data, p)
			}
		}
	})
}

func deep(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "b: 1\n")
	return b.String()
}

// BenchmarkDecode decodes the entry files of a generated repository (long
// texts, multi-line remarks), one after the other.
func BenchmarkDecode(b *testing.B) {
	dir := b.TempDir()
	if err := benchgen.Write(dir, 1000); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
	var data [][]byte
	size := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range data {
			if doc, _ := Decode(d); doc == nil {
				b.Fatal("not decoded")
			}
		}
	}
}
