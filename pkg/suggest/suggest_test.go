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

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"", "abc", 3}, {"abc", "", 3},
		{"zhs", "zsh", 1},        // a swap of neighbours is one edit
		{"sarf", "sarif", 1},     // one insertion
		{"kitten", "sitting", 3}, // the classic
		{"éa", "ea", 1},          // runes, not bytes
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
		}
	}
}
