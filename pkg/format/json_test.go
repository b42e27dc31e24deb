package format

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestJSONRoundTrip decodes the output back into the documented types and
// wants what was encoded.
func TestJSONRoundTrip(t *testing.T) {
	r := fixtureReport()
	out := render(t, "json", r, Options{})
	if !strings.HasSuffix(out, "}\n") || !strings.HasPrefix(out, "{\n  \"outil\"") {
		t.Errorf("output is not an object indented by two spaces with a final line break:\n%s", out)
	}
	var got jsonReport
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if want := buildJSON(r); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip differs:\ngot  %+v\nwant %+v", got, want)
	}
	if len(got.Findings) != len(r.Findings) {
		t.Errorf("%d constats, want every finding (%d), suppressed ones included", len(got.Findings), len(r.Findings))
	}
	for i, f := range r.Findings {
		if got.Findings[i].Fingerprint != f.Fingerprint() || got.Findings[i].Message != f.Message {
			t.Errorf("constat %d does not match finding %+v", i, f)
		}
	}
}

// TestJSONShape pins the documented keys: renaming or dropping one breaks
// scripts that read the output.
func TestJSONShape(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal([]byte(render(t, "json", fixtureReport(), Options{})), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m any) []string {
		var ks []string
		for k := range m.(map[string]any) {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	check := func(what string, got, want []string) {
		t.Helper()
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s keys = %v, want %v", what, got, want)
		}
	}
	check("top-level", keys(doc), []string{"outil", "version", "racine", "seuil", "resume", "constats"})
	check("resume", keys(doc["resume"]), []string{"erreurs", "avertissements", "infos", "ignorees", "fichiers"})
	for _, c := range doc["constats"].([]any) {
		check("constat", keys(c), []string{"path", "line", "column", "rule", "severity", "message", "law", "entry", "key", "suppressed", "justification", "fingerprint"})
	}

	var empty map[string]any
	if err := json.Unmarshal([]byte(render(t, "json", Report{}, Options{})), &empty); err != nil {
		t.Fatal(err)
	}
	if c, ok := empty["constats"].([]any); !ok || len(c) != 0 {
		t.Errorf(`empty report: "constats" = %#v, want []`, empty["constats"])
	}
}
