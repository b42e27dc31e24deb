package rule

import (
	"testing"

	"github.com/registre-qc/registre/internal/benchgen"
	"github.com/registre-qc/registre/pkg/source"
)

// BenchmarkPUB012Digest digests the entries of the varied bench corpus
// (benchgen), as Engine.Local does for every entry lint loads.
func BenchmarkPUB012Digest(b *testing.B) {
	dir := b.TempDir()
	if err := benchgen.Write(dir, 1000); err != nil {
		b.Fatal(err)
	}
	res, err := source.Load(dir, source.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, e := range res.Repo.Entries {
			pub012Digest(e)
		}
	}
}
