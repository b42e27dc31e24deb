package lint

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// extract writes a txtar fixture's files (not its want section) into a temporary folder.
func extract(t *testing.T, file string) string {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	config := false
	for _, f := range ar.Files {
		if f.Name == "want" {
			continue
		}
		config = config || f.Name == "registre.yaml"
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !config {
		if err := os.WriteFile(filepath.Join(dir, "registre.yaml"), []byte("organisme: {nom: Organisme d'essai, sigle: OE, secteur: public, categorie: ministere}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
