package rule

import (
	"testing"

	"github.com/registre-qc/registre/internal/benchgen"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

// BenchmarkDigest digests the entries of the varied bench corpus (benchgen),
// as Engine.Local does for every entry lint loads, for each repository rule
// that sums entries up: REF-008 (duplicates), PUB-012 (mentions of withheld
// entries).
func BenchmarkDigest(b *testing.B) {
	dir := b.TempDir()
	if err := benchgen.Write(dir, 1000); err != nil {
		b.Fatal(err)
	}
	res, err := source.Load(dir, source.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name   string
		digest func(*model.Entry) string
	}{{"REF-008", ref008Digest}, {"PUB-012", pub012Digest}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, e := range res.Repo.Entries {
					bc.digest(e)
				}
			}
		})
	}
}
