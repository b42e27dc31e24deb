package model

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestContentKey(t *testing.T) {
	keys := []string{"destinataire", "appui_legal", "hors_quebec"}
	base := map[string]any{"destinataire": "Retraite Québec", "appui_legal": []any{"Article 67", "Loi R-10"}, "hors_quebec": false}
	same := []map[string]any{
		{"destinataire": "  Retraite   Québec ", "appui_legal": "Article 67\n\nLoi R-10\n", "hors_quebec": false},
		{"destinataire": []any{"Retraite\u00a0Québec"}, "appui_legal": []any{" Article 67", "Loi  R-10"}, "hors_quebec": false, "unite": "autre"},
	}
	for _, v := range same {
		if ContentKey(v, keys) != ContentKey(base, keys) {
			t.Errorf("%v should equal %v", v, base)
		}
	}
	differ := []map[string]any{
		{"destinataire": "retraite québec", "appui_legal": []any{"Article 67", "Loi R-10"}, "hors_quebec": false},
		{"destinataire": "Retraite Québec", "appui_legal": []any{"Loi R-10", "Article 67"}, "hors_quebec": false},
		{"destinataire": "Retraite Québec", "appui_legal": []any{"Article 67", "Loi R-10"}, "hors_quebec": true},
		{"destinataire": "Retraite Québec", "appui_legal": []any{"Article 67", "Loi R-10"}},
		{"destinataire": "Retraite Québec", "appui_legal": []any{"Article 67 Loi R-10"}, "hors_quebec": false},
	}
	for _, v := range differ {
		if ContentKey(v, keys) == ContentKey(base, keys) {
			t.Errorf("%v should differ from %v", v, base)
		}
	}
	// A value cannot leak into the next key.
	if ContentKey(map[string]any{"a": "x\x1fb"}, []string{"a", "b"}) == ContentKey(map[string]any{"a": "x", "b": "b"}, []string{"a", "b"}) {
		t.Error("separator collision")
	}
	if HasContent(map[string]any{"a": " ", "b": []any{}}, []string{"a", "b"}) || !HasContent(map[string]any{"b": false}, []string{"a", "b"}) {
		t.Error("HasContent")
	}
}

// referenceNormal is the first, plain implementation of the normal form (lines
// collected, then joined): appendNormal must write exactly what it wrote.
func referenceNormal(v any) string {
	var lines []string
	var collect func(v any)
	collect = func(v any) {
		switch x := v.(type) {
		case nil:
		case string:
			for _, l := range strings.Split(x, "\n") {
				if l = strings.Join(strings.FieldsFunc(l, isContentSpace), " "); l != "" {
					lines = append(lines, l)
				}
			}
		case bool:
			lines = append(lines, map[bool]string{true: "Oui", false: "Non"}[x])
		case int64:
			lines = append(lines, strconv.FormatInt(x, 10))
		case int:
			lines = append(lines, strconv.Itoa(x))
		case float64:
			lines = append(lines, strconv.FormatFloat(x, 'g', -1, 64))
		case []any:
			for _, e := range x {
				collect(e)
			}
		case []string:
			for _, e := range x {
				collect(e)
			}
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				n := len(lines)
				collect(x[k])
				if len(lines) > n {
					lines[n] = k + ": " + lines[n]
				}
			}
		default:
			lines = append(lines, strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(sprint(x), "\n", " "), "\r", " ")))
		}
	}
	collect(v)
	return strings.Join(lines, "\n")
}

type stringer string

func (s stringer) String() string { return string(s) }

func TestNormalSameAsReference(t *testing.T) {
	texts := []string{"", " ", "\n", "a", "a b", "a\u202fb", "a\u2007", "\u3000b", "x\xc2", "x\xe2\x80", "\xe3\x80", "a b ", " a b", "a  b", "a\tb", "é\u00a0", " a  b ", "a\n\n b\t\tc \n", "\u00a0x\u202fy\u3000", "\xff\xfe a", "é  à\r\n", "x\n"}
	var values []any
	for _, s := range texts {
		values = append(values, s)
	}
	values = append(values, nil, true, false, int64(-3), 7, 1.5, stringer(""), stringer(" a\nb "), struct{}{},
		[]any{"a", " ", nil, []any{"b\nc"}}, []string{" ", "x  y"},
		map[string]any{"b": "", "a": map[string]any{"z": " ", "y": "l1\nl2"}, "c": []any{true, "q"}},
		map[string]any{"k": map[string]any{"j": map[string]any{}}, "m": stringer("")},
		[]any{stringer(""), stringer("")})
	for i, v := range values {
		if got, want := string(appendNormal(nil, v)), referenceNormal(v); got != want {
			t.Errorf("%d %#v: got %q, want %q", i, v, got, want)
		}
		keys := []string{"k"}
		m := map[string]any{"k": v}
		if got, want := HasContent(m, keys), referenceNormal(v) != ""; got != want {
			t.Errorf("HasContent(%#v) = %v", v, got)
		}
		if _, has := AppendContentKey(nil, m, keys); has != (referenceNormal(v) != "") {
			t.Errorf("AppendContentKey(%#v) content = %v", v, has)
		}
	}
}

func FuzzNormal(f *testing.F) {
	f.Add("a  b\n\n c", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, v := range []any{a, []any{a, b}, map[string]any{a: b, b: []any{a}}} {
			if got, want := string(appendNormal(nil, v)), referenceNormal(v); got != want {
				t.Fatalf("%#v: got %q, want %q", v, got, want)
			}
		}
	})
}

func BenchmarkContentKey(b *testing.B) {
	var t strings.Builder
	for t.Len() < 40000 {
		t.WriteString("renseignements  personnels communiqués\u00a0à l'organisme.\nDeuxième ligne   du texte ")
	}
	values := map[string]any{"fins": t.String(), "raisons": t.String()[:5000], "appui_legal": []any{"Article 67", "Article 68"}, "hors_quebec": true}
	keys := []string{"fins", "raisons", "appui_legal", "hors_quebec"}
	b.SetBytes(45000)
	for i := 0; i < b.N; i++ {
		AppendContentKey(nil, values, keys)
	}
}

// TestNormalLine checks the fast test against its definition: a line is in
// normal form when joining its words with one space gives it back.
func TestNormalLine(t *testing.T) {
	atoms := []string{"a", "é", "«", "’", " ", "  ", "\t", "\r", "\u00a0", "\u202f", "\u2007", "\u3000", "\xc2", "\xe2\x80", "\xe3", "x y", "mot"}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for j := r.IntN(24); j > 0; j-- {
			b.WriteString(atoms[r.IntN(len(atoms))])
		}
		l := b.String()
		want := l != "" && strings.Join(strings.FieldsFunc(l, isContentSpace), " ") == l
		if got := normalLine(l); got != want {
			t.Fatalf("normalLine(%q) = %v, want %v", l, got, want)
		}
	}
}
