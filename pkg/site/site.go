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
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/registre-qc/registre/pkg/render/csv"
	"github.com/registre-qc/registre/pkg/render/html"
	"github.com/registre-qc/registre/pkg/render/pdf"
	"github.com/registre-qc/registre/pkg/table"
)

// Options tune Write.
type Options struct {
	CSVProfile csv.Profile // default excel-fr
	NoPDF      bool
}

// ManifestFile lists every output with its SHA-256 (sha256sum format).
const ManifestFile = "SHA256SUMS"

// JSONFile is the export for static-site generators: the table.Site shape.
const JSONFile = "registres.json"

// InternalMarker is written at the root of an internal edition.
const InternalMarker = "EDITION-INTERNE-NE-PAS-DIFFUSER.txt"

// output is one file of an edition and how to render it.
type output struct {
	name   string
	render func(io.Writer) error
}

// outputs lists every file of the edition of s, in a fixed order.
func outputs(s table.Site, o Options) []output {
	var outs []output
	for _, t := range s.Tables {
		t := t
		outs = append(outs,
			output{t.Kind + ".html", func(w io.Writer) error { return html.Page(w, s, t) }},
			output{t.Kind + ".csv", func(w io.Writer) error { return csv.Write(w, t, o.CSVProfile) }})
		if !o.NoPDF {
			outs = append(outs, output{t.Kind + ".pdf", func(w io.Writer) error { return pdf.Render(w, s, t) }})
		}
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
		outs = append(outs, output{InternalMarker, func(w io.Writer) error {
			_, err := io.WriteString(w, "ÉDITION INTERNE — NE PAS DIFFUSER\n\nCe dossier contient des registres qui ne doivent pas être publiés (incidents de confidentialité,\nÉFVP, ententes). Il est destiné à l'organisme et, sur demande, à la Commission d'accès à l'information.\n")
			return err
		}})
	}
	return outs
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

// Write renders s and replaces the folder out with the result, atomically:
// each file is rendered straight into a new folder beside out (never all in
// memory: a 10,000-entry edition is hundreds of megabytes), hashed as it is
// written, then the folder is swapped in. It returns the manifest: file name
// → SHA-256 (hex).
func Write(out string, s table.Site, o Options) (map[string]string, error) {
	if o.CSVProfile == "" {
		o.CSVProfile = csv.ExcelFR
	}
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%s existe et n'est pas un dossier", out)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	sums := map[string]string{}
	for _, f := range outputs(s, o) {
		sum, err := writeOne(filepath.Join(tmp, filepath.FromSlash(f.name)), f.render)
		if err != nil {
			return nil, fmt.Errorf("%s : %w", f.name, err)
		}
		sums[f.name] = sum
	}
	if _, err := writeOne(filepath.Join(tmp, ManifestFile), func(w io.Writer) error { return writeManifest(w, sums) }); err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return nil, fmt.Errorf("impossible de remplacer %s : %w", out, err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out) // put the previous edition back
		}
		return nil, fmt.Errorf("impossible d'écrire %s : %w", out, err)
	}
	if old != "" {
		_ = os.RemoveAll(old)
	}
	return sums, nil
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

// SafeOutput refuses output folders that would destroy the sources: the
// repository itself, a parent of it, or a kind folder.
func SafeOutput(repo, out string) error {
	ra, err1 := filepath.Abs(repo)
	oa, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return nil
	}
	if oa == ra || strings.HasPrefix(ra+string(filepath.Separator), oa+string(filepath.Separator)) {
		return fmt.Errorf("le dossier de sortie %s contient le dépôt des registres : choisissez un sous-dossier dédié (p. ex. _site)", out)
	}
	if _, err := os.Stat(filepath.Join(oa, "registre.yaml")); err == nil {
		return fmt.Errorf("le dossier de sortie %s contient un registre.yaml : ce n'est pas un dossier de publication", out)
	}
	return nil
}
