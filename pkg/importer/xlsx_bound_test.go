package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// rawXLSX builds a minimal workbook by hand (what a hostile file can hold):
// one sheet whose XML is given, written with the zip method given.
func rawXLSX(t testing.TB, sheet string, method uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Registre" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet},
	}
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sheetRows writes a worksheet: a header row, then n rows of cell(i).
func sheetRows(n int, cell func(row int) string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>`)
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>Personne ou organisme receveur</t></is></c></row>`)
	for i := 2; i < n+2; i++ {
		fmt.Fprintf(&b, `<row r="%d">%s</row>`, i, cell(i))
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// allocated returns the bytes f allocates (runtime.MemStats.TotalAlloc).
func allocated(f func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A value in column XFD on every row: the 10 KB workbook took 1.4 GB
// before its error. Now the first such row stops the read, and the memory
// allocated is bounded whatever the number of rows.
func TestReadXLSXBounded(t *testing.T) {
	const bound = 48 << 20
	hostile := rawXLSX(t, sheetRows(20000, func(i int) string {
		return fmt.Sprintf(`<c r="A%d" t="inlineStr"><is><t>Retraite Québec</t></is></c><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c>`, i, i)
	}), zip.Deflate)
	t.Logf("hostile workbook: %d bytes", len(hostile))
	var err error
	n := allocated(func() { _, err = ReadXLSX(hostile, "") })
	if err == nil || !strings.Contains(err.Error(), "ligne 2 : une valeur en colonne XFD (n° 16384) ; un registre a au plus 256 colonnes") {
		t.Fatalf("err = %v", err)
	}
	t.Logf("allocated %d MB", n>>20)
	if n > bound {
		t.Errorf("reading the hostile workbook allocated %d MB, bound %d MB", n>>20, bound>>20)
	}

	// The same sheet one column wide reads in memory proportional to its rows.
	wide := rawXLSX(t, sheetRows(10000, func(i int) string {
		return fmt.Sprintf(`<c r="A%d" t="inlineStr"><is><t>Retraite Québec</t></is></c><c r="IV%d" t="inlineStr"><is><t>x</t></is></c>`, i, i)
	}), zip.Deflate)
	var s *Sheet
	n = allocated(func() { s, err = ReadXLSX(wide, "") })
	if err != nil || len(s.Rows) != 10000 || len(s.Rows[0].Cells) != 256 {
		t.Fatalf("wide sheet: %v", err)
	}
	t.Logf("256 columns × 10000 rows: allocated %d MB", n>>20)
	if n > 8*bound {
		t.Errorf("reading 256 columns × 10000 rows allocated %d MB", n>>20)
	}
}

// More rows of 256 columns than MaxXLSXCells allows: refused, not read.
func TestReadXLSXCellBudget(t *testing.T) {
	rows := MaxXLSXCells/256 + 10
	data := rawXLSX(t, sheetRows(rows, func(i int) string {
		return fmt.Sprintf(`<c r="IV%d"><v>1</v></c>`, i)
	}), zip.Deflate)
	_, err := ReadXLSX(data, "")
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("plus de %d cellules", MaxXLSXCells)) {
		t.Fatalf("err = %v", err)
	}
}

// A zip bomb: a part that declares more than MaxXLSXUnzipped is refused from
// the zip directory, before anything is decompressed.
func TestReadXLSXZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: 10, UncompressedSize64: 10 << 30, CRC32: 1,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(make([]byte, 10)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	var rerr error
	n := allocated(func() { _, rerr = ReadXLSX(buf.Bytes(), "") })
	if rerr == nil || !strings.Contains(rerr.Error(), "une fois décompressé, il dépasserait 64 Mio (partie « xl/worksheets/sheet1.xml »)") {
		t.Fatalf("err = %v", rerr)
	}
	if n > 1<<20 {
		t.Errorf("refusing the zip bomb allocated %d bytes", n)
	}
}

// The apostrophe an excel-fr export puts before a would-be formula is removed
// from XLSX cells as from CSV cells (readerCell); any other apostrophe stays.
func TestReadXLSXApostrophe(t *testing.T) {
	data := rawXLSX(t, sheetRows(1, func(i int) string {
		return fmt.Sprintf(`<c r="A%d" t="inlineStr"><is><t>'=HYPERLIEN("x")</t></is></c><c r="B%d" t="inlineStr"><is><t>'- item</t></is></c><c r="C%d" t="inlineStr"><is><t>'l'été</t></is></c>`, i, i, i)
	}), zip.Store)
	s, err := ReadXLSX(data, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`=HYPERLIEN("x")`, "- item", "'l'été"}
	if got := s.Rows[0].Cells; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cells = %q, want %q", got, want)
	}
}
