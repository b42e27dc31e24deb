// Package site writes a published edition of the registers into a folder:
// per register an HTML page, a PDF and a CSV, an index page, a JSON export
// and a manifest of SHA-256 hashes. It writes into a temporary folder beside
// the target and swaps it in only when everything succeeded, so a failure
// never leaves a half-published site. Output is byte-identical for the same
// input (no clock: dates come from the caller).
package site

import (
	"bytes"
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

// Files renders every output of s in memory: path → content.
func Files(s table.Site, o Options) (map[string][]byte, error) {
	if o.CSVProfile == "" {
		o.CSVProfile = csv.ExcelFR
	}
	files := map[string][]byte{}
	render := func(name string, f func(io.Writer) error) error {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			return fmt.Errorf("%s : %w", name, err)
		}
		files[name] = b.Bytes()
		return nil
	}
	for _, t := range s.Tables {
		t := t
		if err := render(t.Kind+".html", func(w io.Writer) error { return html.Page(w, s, t) }); err != nil {
			return nil, err
		}
		if err := render(t.Kind+".csv", func(w io.Writer) error { return csv.Write(w, t, o.CSVProfile) }); err != nil {
			return nil, err
		}
		if !o.NoPDF {
			if err := render(t.Kind+".pdf", func(w io.Writer) error { return pdf.Render(w, s, t) }); err != nil {
				return nil, err
			}
		}
	}
	if err := render("index.html", func(w io.Writer) error { return html.Index(w, s) }); err != nil {
		return nil, err
	}
	if err := render(JSONFile, func(w io.Writer) error { return WriteJSON(w, s) }); err != nil {
		return nil, err
	}
	for name, data := range html.Assets() {
		files[name] = data
	}
	if s.Internal {
		files[InternalMarker] = []byte("ÉDITION INTERNE — NE PAS DIFFUSER\n\nCe dossier contient des registres qui ne doivent pas être publiés (incidents de confidentialité,\nÉFVP, ententes). Il est destiné à l'organisme et, sur demande, à la Commission d'accès à l'information.\n")
	}
	files[ManifestFile] = manifest(files)
	return files, nil
}

// WriteJSON writes the site as indented JSON (the documented export shape).
func WriteJSON(w io.Writer, s table.Site) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}

func manifest(files map[string][]byte) []byte {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		sum := sha256.Sum256(files[n])
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), n)
	}
	return b.Bytes()
}

// Write renders s and replaces the folder out with the result, atomically:
// the new edition is written beside out, then swapped in.
func Write(out string, s table.Site, o Options) (map[string][]byte, error) {
	files, err := Files(s, o)
	if err != nil {
		return nil, err
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
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(tmp, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			return nil, err
		}
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
	return files, nil
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
