package suggest

import (
	"sync"
	"testing"
)

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

// TestValueConcurrent calls Value from several goroutines at once, as lint's
// workers do when they explain enumeration findings: a shared transformer
// once panicked there (slice bounds out of range in transform.String).
func TestValueConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				if got := Value("Protection adéquate", []string{"protection_adequate", "risque_residuel"}); got != "protection_adequate" {
					t.Errorf("Value = %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
