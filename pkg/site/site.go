// Package site writes a published edition of the registers into a folder:
// per register an HTML page, a PDF and a CSV, an index page, a JSON export
// and a manifest of SHA-256 hashes. It writes into a temporary folder beside
// the target and swaps it in only when everything succeeded, so a failure
// never leaves a half-published site. Output is byte-identical for the same
// input (no clock: dates come from the caller).
package site

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/registre-qc/registre/pkg/oserr"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/registre-qc/registre/pkg/fsutil"
	"github.com/registre-qc/registre/pkg/render/csv"
	"github.com/registre-qc/registre/pkg/render/html"
	"github.com/registre-qc/registre/pkg/render/pdf"
	"github.com/registre-qc/registre/pkg/table"
)

// Options tune Write.
type Options struct {
	CSVProfile csv.Profile // default excel-fr
	NoPDF      bool
	// Cover, when set, makes the edition a copy for the Commission: the
	// cover page (CoverFile), then each register as PDF and CSV only (no web
	// pages, no JSON), the internal marker and the manifest.
	Cover *pdf.Document
	// Guard checks the output folder (nil: a guard that protects the
	// system folders only; build passes the repository's).
	Guard *fsutil.Guard
	// LockWait is how long to wait for another build into the same folder.
	LockWait time.Duration
	// Edition is the audience and folder policy of the output (zero: public,
	// or internal when the site is).
	Edition fsutil.Edition
}

// CoverFile is the cover page of a copy for the Commission.
const CoverFile = "00-page-de-garde.pdf"

// ManifestFile lists every output with its SHA-256 (sha256sum format).
const ManifestFile = fsutil.ManifestFile

// JSONFile is the export for static-site generators: the table.Site shape.
const JSONFile = "registres.json"

// InternalMarker is written at the root of an internal edition.
const InternalMarker = fsutil.LegacyInternalMarker

// output is one file of an edition and how to render it.
type output struct {
	name   string
	render func(io.Writer) error
}

// outputs lists every file of the edition of s, in a fixed order.
func outputs(s table.Site, o Options) []output {
	var outs []output
	if o.Cover != nil {
		cover := *o.Cover
		outs = append(outs, output{CoverFile, func(w io.Writer) error { return pdf.RenderDocument(w, cover) }})
	}
	for _, t := range s.Tables {
		t := t
		if o.Cover == nil {
			outs = append(outs, output{t.Kind + ".html", func(w io.Writer) error { return html.Page(w, s, t) }})
		}
		outs = append(outs, output{t.Kind + ".csv", func(w io.Writer) error { return csv.Write(w, t, o.CSVProfile) }})
		if !o.NoPDF || o.Cover != nil {
			outs = append(outs, output{t.Kind + ".pdf", func(w io.Writer) error { return pdf.Render(w, s, t) }})
		}
	}
	if o.Cover != nil {
		return append(outs, internalMarker())
	}
	outs = append(outs,
		output{"index.html", func(w io.Writer) error { return html.Index(w, s) }},
		output{JSONFile, func(w io.Writer) error { return WriteJSON(w, s) }})
	assets := html.Assets()
	names := make([]string, 0, len(assets))
	for n := range assets {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		data := assets[n]
		outs = append(outs, output{n, func(w io.Writer) error { _, err := w.Write(data); return err }})
	}
	if s.Internal {
		outs = append(outs, internalMarker())
	}
	return outs
}

func internalMarker() output {
	return output{InternalMarker, func(w io.Writer) error {
		_, err := io.WriteString(w, "ÉDITION INTERNE — NE PAS DIFFUSER\n\nCe dossier contient des registres qui ne doivent pas être publiés (incidents de confidentialité,\nÉFVP, ententes). Il est destiné à l'organisme et, sur demande, à la Commission d'accès à l'information.\n")
		return err
	}}
}

// WriteJSON writes the site as indented JSON (the documented export shape,
// schemas/registres-json.schema.json): every list is a list, empty ones
// included (an empty cell is {"lignes": []}, never null).
func WriteJSON(w io.Writer, s table.Site) error {
	s = withLists(s)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}

// withLists returns s with empty lists where it has nil ones (s is not modified).
func withLists(s table.Site) table.Site {
	tables := make([]table.Table, len(s.Tables))
	for i, t := range s.Tables {
		if t.Columns == nil {
			t.Columns = []table.Column{}
		}
		rows := make([]table.Row, len(t.Rows))
		for j, r := range t.Rows {
			cells := make([]table.Cell, len(r.Cells))
			for k, c := range r.Cells {
				if c.Lines == nil {
					c.Lines = []table.Line{}
				}
				cells[k] = c
			}
			r.Cells = cells
			rows[j] = r
		}
		t.Rows = rows
		tables[i] = t
	}
	s.Tables = tables
	return s
}

// Write renders s and replaces the folder out with the result, through
// the path guard (fsutil.Guard.ReplaceDir): out must be absent, empty or an
// edition registre built for the same audience, never the repository, a
// folder holding it, one of its kind folders or a system folder; a
// restricted edition needs a folder named for it, outside any public
// edition. Each file is rendered straight into a new folder beside out
// (never all in memory: a 10,000-entry edition is hundreds of megabytes),
// hashed as it is written, then the folder is swapped in atomically. It
// returns the manifest: file name → SHA-256 (hex).
func Write(out string, s table.Site, o Options) (map[string]string, error) {
	if o.CSVProfile == "" {
		o.CSVProfile = csv.ExcelFR
	}
	g := o.Guard
	if g == nil {
		var err error
		if g, err = fsutil.NewGuard(""); err != nil {
			return nil, err
		}
	}
	ed := o.Edition
	if ed.Audience == "" {
		ed = fsutil.PublicEdition
		if s.Internal {
			ed = fsutil.InternalEdition
		}
	}
	sums := map[string]string{}
	err := g.ReplaceDir(out, ed, fsutil.ReplaceOptions{LockWait: o.LockWait}, func(tmp string) error {
		outs := outputs(s, o)
		res := writeAll(tmp, outs)
		for i, f := range outs {
			if res[i].err != nil {
				return fmt.Errorf("%s : %s", f.name, oserr.French(res[i].err))
			}
			sums[f.name] = res[i].sum
		}
		if _, err := writeOne(filepath.Join(tmp, ManifestFile), func(w io.Writer) error { return writeManifest(w, sums) }); err != nil {
			return oserr.Explain(err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sums, nil
}

type written struct {
	sum string
	err error
}

// writeAll writes outs into dir in two lanes: the PDFs, which take most of a
// large edition's time, one after the other; the other files (web pages, CSV,
// JSON, assets) meanwhile. Each file is written whole by one goroutine, so the
// bytes do not depend on the order; the results come back in the order of
// outs. A PDF never runs beside another PDF: memory stays that of one.
func writeAll(dir string, outs []output) []written {
	res := make([]written, len(outs))
	var pdfs, others []int
	for i, f := range outs {
		if strings.HasSuffix(f.name, ".pdf") {
			pdfs = append(pdfs, i)
		} else {
			others = append(others, i)
		}
	}
	lane := func(idx []int) {
		for _, i := range idx {
			res[i].sum, res[i].err = writeOne(filepath.Join(dir, filepath.FromSlash(outs[i].name)), outs[i].render)
			if res[i].err != nil {
				return // the edition fails: the files left are not needed
			}
		}
	}
	if runtime.GOMAXPROCS(0) < 2 {
		lane(append(pdfs, others...))
		return res
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		lane(pdfs)
	}()
	lane(others)
	wg.Wait()
	return res
}

// writeOne renders one file through a buffer and a SHA-256 hash.
func writeOne(path string, render func(io.Writer) error) (string, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(f, h), 256<<10)
	if err := render(bw); err != nil {
		f.Close()
		return "", err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// writeManifest writes the sums in sha256sum format, sorted by name.
func writeManifest(w io.Writer, sums map[string]string) error {
	names := make([]string, 0, len(sums))
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, err := fmt.Fprintf(w, "%s  %s\n", sums[n], n); err != nil {
			return err
		}
	}
	return nil
}
