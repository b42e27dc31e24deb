package importer

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/render/csv"
	"github.com/registre-qc/registre/pkg/table"
)

// BenchmarkImport10000 imports a 10,000-row communications register
// (excel-fr CSV, multi-line cells) into a fresh folder: read, match, convert,
// encode and write every file. Target: under 2 s on 2 cores
// (go test ./pkg/importer -run '^$' -bench Import10000 -cpu 2).
func BenchmarkImport10000(b *testing.B) { benchImport(b, true) }

// BenchmarkBuild10000 is BenchmarkImport10000 without the disk: read,
// match, convert and encode. The difference between the two is file-system time.
func BenchmarkBuild10000(b *testing.B) { benchImport(b, false) }

func benchImport(b *testing.B, write bool) {
	r := rand.New(rand.NewPCG(10000, 1))
	k := model.Communications
	src := table.Table{Kind: k.Name}
	cols := k.Columns()
	for _, f := range cols {
		src.Columns = append(src.Columns, table.Column{Key: f.Key, Title: f.Title})
	}
	for i := 0; i < 10000; i++ {
		row := table.Row{ID: fmt.Sprintf("COM-%05d", i+1)}
		for _, f := range cols {
			row.Cells = append(row.Cells, table.Cell{Lines: []table.Line{{Text: genCell(r, f)}}})
		}
		src.Rows = append(src.Rows, row)
	}
	var buf bytes.Buffer
	if err := csv.Write(&buf, src, csv.ExcelFR); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := ReadCSV(data)
		if err != nil {
			b.Fatal(err)
		}
		p, err := Build(k, s, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if write {
			dir, err := os.MkdirTemp(b.TempDir(), "import")
			if err != nil {
				b.Fatal(err)
			}
			if err := p.Write(dir, false); err != nil {
				b.Fatal(err)
			}
		}
		if len(p.Entries) != 10000 {
			b.Fatalf("%d entries", len(p.Entries))
		}
	}
}
