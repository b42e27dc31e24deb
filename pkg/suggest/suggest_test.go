package suggest

import "testing"

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

func TestValue(t *testing.T) {
	allowed := []string{"protection_adequate", "protection_insuffisante", "en_cours"}
	cases := map[string]string{
		"protection adéquate":    "protection_adequate", // accents, case, spaces
		"Protection-Adequate":    "protection_adequate",
		"en cour":                "en_cours",
		"protection_insufisante": "protection_insuffisante",
		"oui":                    "",
		"":                       "",
	}
	for got, want := range cases {
		if v := Value(got, allowed); v != want {
			t.Errorf("Value(%q) = %q, want %q", got, v, want)
		}
	}
}
