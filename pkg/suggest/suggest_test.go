package suggest

import "testing"

func TestValue(t *testing.T) {
	cases := []struct {
		got     string
		allowed []string
		want    string
	}{
		{"protection adéquate", []string{"protection_adequate", "en_cours"}, "protection_adequate"},
		{"publique", []string{"public", "prive"}, "public"},
		{"privée", []string{"public", "prive"}, "prive"},
		{"avertissement", []string{"error", "warning", "info"}, "warning"},
		{"désactivé", []string{"error", "warning", "info", "off"}, "off"},
		{"erreur", []string{"error", "warning", "info"}, "error"},
		{"comm", []string{"communications", "collectes"}, "communications"},
		{"lnit", []string{"init", "lint"}, "init"},
		{"zhs", []string{"bash", "zsh"}, "zsh"},
		// Two values share the prefix: the edit distance decides, or nothing.
		{"inci", []string{"incidents", "incidences"}, ""},
		{"xyz", []string{"public", "prive"}, ""},
		// A French word whose value is not allowed here suggests nothing.
		{"désactivé", []string{"error", "warning"}, ""},
		{"pub", []string{"public", "prive"}, ""},
	}
	for _, c := range cases {
		if got := Value(c.got, c.allowed); got != c.want {
			t.Errorf("Value(%q, %v) = %q, want %q", c.got, c.allowed, got, c.want)
		}
	}
}
