package lint

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/registre-qc/registre/internal/benchgen"
)

func benchRepo(b *testing.B, n int) string {
	dir := b.TempDir()
	if err := benchgen.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkFloor10000 is the floor the lint goal is measured against: the
// same files read and decoded by the YAML library alone, on every core.
func BenchmarkFloor10000(b *testing.B) {
	dir := benchRepo(b, 10000)
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		decodeAll(b, files)
	}
}

func decodeAll(b *testing.B, files []string) {
	w := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			for j := k; j < len(files); j += w {
				data, err := os.ReadFile(files[j])
				if err != nil {
					b.Error(err)
					return
				}
				var v map[string]any
				if err := yaml.Unmarshal(data, &v); err != nil {
					b.Error(err)
					return
				}
			}
		}(k)
	}
	wg.Wait()
}

func BenchmarkLint10000(b *testing.B) { benchLint(b, 10000) }
func BenchmarkLint1000(b *testing.B)  { benchLint(b, 1000) }
func BenchmarkLint50(b *testing.B)    { benchLint(b, 50) }

func benchLint(b *testing.B, n int) {
	dir := benchRepo(b, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Run(dir, Options{Today: "2026-01-15"})
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			for _, f := range res.Findings {
				if f.Severity >= 2 { // warnings and errors would mean the generator is off
					b.Logf("%s %s %s", f.Location(), f.Rule, f.Message)
				}
			}
		}
	}
}

// BenchmarkLintExample lints the bundled example repository as a pre-commit
// hook does (the schemas compile once per process: the first iteration pays
// them; `make bench` times whole processes, start-up included).
func BenchmarkLintExample(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Run("../../examples", Options{Today: "2026-01-15", Lean: true}); err != nil {
			b.Fatal(err)
		}
	}
}
