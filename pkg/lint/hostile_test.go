package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/schema"
	"github.com/registre-qc/registre/pkg/source"
)

// hostileRepo writes a repository whose one entry is as large as the loader
// accepts, made of n unknown keys, or of a list of n values of the wrong type.
func hostileRepo(tb testing.TB, n int, list bool) string {
	dir := tb.TempDir()
	var b strings.Builder
	b.WriteString("id: COM-0001\n")
	if list {
		b.WriteString("appui_legal:\n")
	}
	for i := 0; i < n; i++ {
		if list {
			fmt.Fprintf(&b, "  - {a: %d}\n", i)
		} else {
			fmt.Fprintf(&b, "k%06d: v\n", i)
		}
	}
	if b.Len() > source.DefaultMaxSize {
		tb.Fatalf("%d bytes: over the size limit", b.Len())
	}
	if err := os.MkdirAll(filepath.Join(dir, "communications"), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "registre.yaml"), []byte("organisme: {nom: Essai, secteur: public, categorie: autre}\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "communications", "COM-0001.yaml"), []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// TestHostileEntryCapped: 90,000 unknown keys (or 40,000 list items of the
// wrong type) in one file give at most MaxPerRule findings per rule plus one
// summary, with the exact count of the others. Before the cap, this file
// took 28 s to lint (a position lookup per finding, each linear).
func TestHostileEntryCapped(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		list bool
		rule string
		want string
	}{
		{"unknown keys", 90000, false, "SCH-003", "… et 89\u00a0990 autres clés inconnues dans ce fichier"},
		{"wrong types", 40000, true, "SCH-002", "… et 39\u00a0990 autres constats SCH-002 dans ce fichier"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Run(hostileRepo(t, tc.n, tc.list), Options{Today: "2026-01-15"})
			if err != nil {
				t.Fatal(err)
			}
			n, summary := 0, false
			for _, f := range res.Findings {
				if f.Rule != tc.rule {
					continue
				}
				n++
				if strings.Contains(f.Message, tc.want) {
					summary = true
				}
			}
			if n != schema.MaxPerRule+1 || !summary {
				t.Errorf("%d %s findings (want %d), summary %q found: %v; all: %d", n, tc.rule, schema.MaxPerRule+1, tc.want, summary, len(res.Findings))
			}
			if len(res.Findings) > 4*(schema.MaxPerRule+1) {
				t.Errorf("%d findings: the cap does not hold", len(res.Findings))
			}
		})
	}
}

// BenchmarkHostileEntry measures the work (time and allocations) of linting
// the largest hostile entry: go test ./pkg/lint -bench Hostile -benchmem.
func BenchmarkHostileEntry(b *testing.B) {
	dir := hostileRepo(b, 90000, false)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(dir, Options{Today: "2026-01-15"}); err != nil {
			b.Fatal(err)
		}
	}
}
