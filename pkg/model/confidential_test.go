package model_test

import (
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

const invBase = "id: INV-0001\ndesignation: Dossiers\n"

// entryOf decodes text as the loader does (Damaged when decoding found problems).
func entryOf(k *model.Kind, id, text string) *model.Entry {
	doc, probs := source.Decode([]byte(text))
	if doc == nil {
		return nil
	}
	return &model.Entry{Kind: k, ID: id, Path: k.Name + "/" + id + ".yaml", Values: doc.Values, Positions: doc.Positions, Damaged: len(probs) > 0}
}

func TestPublishable(t *testing.T) {
	for _, tc := range []struct {
		name   string
		kind   *model.Kind
		id     string
		text   string
		public bool
		doubts int
		path   string
	}{
		{"absent", model.Inventaire, "INV-0001", invBase, true, 0, ""},
		{"false", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: false\n", true, 0, ""},
		{"False (YAML 1.2 core)", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: False\n", true, 0, ""},
		{"true", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: true\n", false, 0, ""},
		{"True", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: True\n", false, 0, ""},
		{"oui", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: oui\n", false, 1, ""},
		{"non is no boolean either", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: non\n", false, 1, ""},
		{"quoted true", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: \"true\"\n", false, 1, ""},
		{"quoted false", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: \"false\"\n", false, 1, ""},
		{"yes", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: yes\n", false, 1, ""},
		{"1", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: 1\n", false, 1, ""},
		{"0", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: 0\n", false, 1, ""},
		{"empty", model.Inventaire, "INV-0001", invBase + "existence_confidentielle:\n", false, 1, ""},
		{"list", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: [false]\n", false, 1, ""},
		{"!!str false", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: !!str false\n", false, 1, ""},
		{"misspelt", model.Inventaire, "INV-0001", invBase + "existence_confidentiele: true\n", false, 1, ""},
		{"misspelt, false", model.Inventaire, "INV-0001", invBase + "existance_confidentielle: false\n", false, 1, ""},
		{"other case", model.Inventaire, "INV-0001", invBase + "Existence_Confidentielle: false\n", false, 1, ""},
		{"dashes", model.Inventaire, "INV-0001", invBase + "existence-confidentielle: false\n", false, 1, ""},
		{"other order", model.Inventaire, "INV-0001", invBase + "confidentiel_existence: true\n", false, 1, ""},
		{"accents", model.Inventaire, "INV-0001", invBase + "existénce_confidentielle: true\n", false, 1, ""},
		{"nested marker", model.Inventaire, "INV-0001", invBase + "remarques:\n  existence_confidentielle: true\n", false, 1, ""},
		{"marker in a list item", model.Inventaire, "INV-0001", invBase + "fins:\n  - Gestion\n  - existence_confidentielle: false\n", false, 1, ""},
		{"secret", model.Inventaire, "INV-0001", invBase + "secret: true\n", false, 1, ""},
		{"an unrelated unknown key is no doubt", model.Inventaire, "INV-0001", invBase + "note: x\n", true, 0, ""},
		{"duplicate key: damaged", model.Inventaire, "INV-0001", invBase + "existence_confidentielle: true\nexistence_confidentielle: false\n", false, 0, ""},
		{"second document: damaged", model.Inventaire, "INV-0001", invBase + "---\nid: INV-0002\n", false, 0, ""},
		{"on a communication", model.Communications, "COM-0001", "id: COM-0001\nexistence_confidentielle: true\n", false, 1, ""},
		{"false on a communication", model.Communications, "COM-0001", "id: COM-0001\nexistence_confidentielle: false\n", true, 0, ""},
		{"incident keys in a communication", model.Communications, "COM-0001", "id: COM-0001\ncirconstances: x\nrisque_serieux: false\n", false, 1, ""},
		{"INC file in communications/", model.Communications, "INC-0001", "id: INC-0001\n", false, 0, ""},
		{"id of another kind", model.Communications, "COM-0001", "id: INC-0001\n", false, 0, ""},
		{"id not a string", model.Communications, "COM-0001", "id: 12\n", false, 0, ""},
		{"no id key", model.Communications, "COM-0001", "destinataire: x\n", true, 0, ""},
		{"incident", model.Incidents, "INC-0001", "id: INC-0001\n", false, 0, ""},
		{"sub-folder named after another kind", model.Communications, "COM-0001", "id: COM-0001\n", false, 1, "communications/incidents/COM-0001.yaml"},
		{"sub-folder named after its own kind", model.Communications, "COM-0001", "id: COM-0001\n", true, 0, "communications/communications/COM-0001.yaml"},
		{"ordinary sub-folder", model.Communications, "COM-0001", "id: COM-0001\n", true, 0, "communications/2025/COM-0001.yaml"},
		{"efvp", model.EFVP, "EFVP-0001", "id: EFVP-0001\n", false, 0, ""},
		{"agreement", model.Ententes, "ENT-0001", "id: ENT-0001\n", false, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := entryOf(tc.kind, tc.id, tc.text)
			if e == nil {
				t.Fatal("not decoded")
			}
			if tc.path != "" {
				e.Path = tc.path
			}
			if got := model.Publishable(e); got != tc.public {
				t.Errorf("Publishable = %v, want %v", got, tc.public)
			}
			if got := len(model.Doubts(e)); got != tc.doubts {
				t.Errorf("Doubts = %v, want %d", model.Doubts(e), tc.doubts)
			}
		})
	}
	if model.Publishable(nil) || model.Publishable(&model.Entry{}) {
		t.Error("nil entry or kind publishable")
	}
}

// FuzzPublishable: whatever the YAML, the predicate never panics and fails
// closed: a publishable entry has no confidentiality marker but a clean
// false, was read without problems, and has no doubt.
func FuzzPublishable(f *testing.F) {
	for _, s := range []string{
		invBase, invBase + "existence_confidentielle: false\n", invBase + "existence_confidentielle: oui\n",
		invBase + "existence_confidentiele: false\n", invBase + "existence_confidentielle: true\nexistence_confidentielle: false\n",
		invBase + "\"existence_confidentielle\": !!bool false\n", invBase + "existence_confidentielle: &a false\nx: *a\n",
		"id: INV-0001\ncirconstances: x\n", "id: INC-0001\n", "{}", "id: INV-0001\nEXISTENCE_CONFIDENTIELLE: no\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, k := range []*model.Kind{model.Inventaire, model.Communications} {
			id := k.Prefix + "-0001"
			e := entryOf(k, id, text)
			if e == nil {
				continue
			}
			doubts := model.Doubts(e)
			if !model.Publishable(e) {
				continue
			}
			if e.Damaged || len(doubts) > 0 || !model.KindCertain(e) {
				t.Fatalf("publishable despite damage %v, doubts %v or uncertain kind: %q", e.Damaged, doubts, text)
			}
			if v, ok := e.Values[model.ConfidentialKey]; ok && v != false {
				t.Fatalf("publishable with %s = %#v: %q", model.ConfidentialKey, v, text)
			}
			var walk func(v any, top bool)
			walk = func(v any, top bool) {
				switch x := v.(type) {
				case map[string]any:
					for key, y := range x {
						if strings.Contains(strings.ToLower(key), "confid") && (!top || key != model.ConfidentialKey && k.Field(key) == nil) {
							t.Fatalf("publishable with key %q: %q", key, text)
						}
						walk(y, false)
					}
				case []any:
					for _, y := range x {
						walk(y, false)
					}
				}
			}
			walk(e.Values, true)
		}
	})
}
