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

// hostileRepo writes a repository whose one entry, about as large as the
// loader accepts, is head followed by n lines made by line.
func hostileRepo(tb testing.TB, head string, n int, line func(i int) string) string {
	dir := tb.TempDir()
	var b strings.Builder
	b.WriteString("id: COM-0001\n" + head)
	for i := 0; i < n; i++ {
		b.WriteString(line(i))
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
// wrong type, or 20,000 citations of an unknown act) in one file give at most MaxPerRule findings per rule plus one
// summary, with the exact count of the others. Before the cap, this file
// took 28 s to lint (a position lookup per finding, each linear).
func TestHostileEntryCapped(t *testing.T) {
	unknownKey := func(i int) string { return fmt.Sprintf("k%06d: v\n", i) }
	wrongType := func(i int) string { return fmt.Sprintf("  - {a: %d}\n", i) }
	unknownAct := func(i int) string { return fmt.Sprintf("  - Article %d de la Loi sur les essais %d\n", 1+i%50, i) }
	for _, tc := range []struct {
		name, head string
		n          int
		line       func(int) string
		rule, want string
	}{
		{"unknown keys", "", 90000, unknownKey, "SCH-003", "… et 89\u00a0990 autres clés inconnues dans ce fichier"},
		{"wrong types", "appui_legal:\n", 40000, wrongType, "SCH-002", "… et 39\u00a0990 autres constats SCH-002 dans ce fichier"},
		{"legal rule", "appui_legal:\n", 20000, unknownAct, "CIT-002", "… et 19\u00a0990 autres constats CIT-002 dans ce fichier"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Run(hostileRepo(t, tc.head, tc.n, tc.line), Options{Today: "2026-01-15"})
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
	dir := hostileRepo(b, "", 90000, func(i int) string { return fmt.Sprintf("k%06d: v\n", i) })
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(dir, Options{Today: "2026-01-15"}); err != nil {
			b.Fatal(err)
		}
	}
}
