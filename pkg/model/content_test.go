package model

import "testing"

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
