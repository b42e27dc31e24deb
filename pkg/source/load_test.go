package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/finding"
)

// The findings of this file need bytes or file-system states that a txtar
// fixture of testdata/rules cannot hold: non-UTF-8 bytes, NUL bytes,
// symbolic links, permissions, a missing registre.yaml (the fixture harness
// writes a default one).

const sampleConfig = "organisme: {nom: Organisme d'essai, secteur: public, categorie: ministere}\n"

const sampleEntry = "id: COM-0001\ndestinataire: Retraite Québec\nrenseignements: Nom\nfins: Retraite\nraisons: Loi\nappui_legal: [Article 67 de la Loi sur l'accès]\nhors_quebec: false\n"

// repo writes files (slash paths → content) under a new temporary folder.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("liens symboliques non pris en charge : %v", err)
	}
}

// want finds the finding of rule on path whose message contains msg.
func want(t *testing.T, fs []finding.Finding, rule, path, msg string, line, col int) {
	t.Helper()
	for _, f := range fs {
		if f.Rule == rule && f.Path == path && strings.Contains(f.Message, msg) {
			if f.Severity != finding.Error && rule != "REF-007" {
				t.Errorf("%s: severity %v, want error", rule, f.Severity)
			}
			if line > 0 && (f.Pos.Line != line || f.Pos.Col != col) {
				t.Errorf("%s: position %d:%d, want %d:%d", rule, f.Pos.Line, f.Pos.Col, line, col)
			}
			return
		}
	}
	t.Errorf("no %s on %s containing %q among:\n%v", rule, path, msg, fs)
}

func load(t *testing.T, dir string, opts Options) *Result {
	t.Helper()
	res, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestLoadEncoding: YAML-002 for Windows-1252, UTF-16 and binary files; the
// other files are still read.
func TestLoadEncoding(t *testing.T) {
	dir := repo(t, map[string]string{
		"registre.yaml":                  sampleConfig,
		"communications/COM-0001.yaml":   "id: COM-0001\nfins: Donn\xe9es du r\xe9gime\n",
		"communications/COM-0002.yaml":   "\xff\xfei\x00d\x00:\x00",
		"communications/COM-0003.yaml":   "id: COM-0003\x00\n",
		"communications/COM-0004.yaml":   strings.Replace(sampleEntry, "COM-0001", "COM-0004", 1),
		"inventaire/2025/INV-0001.yaml":  "id: INV-0001\ndesignation: Fichier \x93principal\x94\n",
		"communications/COM-0005.yaml":   "\xef\xbb\xbf" + strings.Replace(sampleEntry, "COM-0001", "COM-0005", 1), // a BOM is tolerated
		"communications/2026/README.txt": "\xe9\xe9\xe9",                                                           // not a YAML file: never read
	})
	res := load(t, dir, Options{})
	want(t, res.Findings, "YAML-002", "communications/COM-0001.yaml", "Windows-1252", 2, 11)
	want(t, res.Findings, "YAML-002", "communications/COM-0001.yaml", "iconv -f WINDOWS-1252", 0, 0)
	want(t, res.Findings, "YAML-002", "communications/COM-0002.yaml", "UTF-16", 1, 1)
	want(t, res.Findings, "YAML-002", "communications/COM-0003.yaml", "octet nul", 1, 13)
	want(t, res.Findings, "YAML-002", "inventaire/2025/INV-0001.yaml", "0x93", 2, 22)
	if len(res.Findings) != 4 {
		t.Errorf("%d findings, want 4: %v", len(res.Findings), res.Findings)
	}
	if res.Files != 7 || len(res.Repo.Entries) != 2 {
		t.Errorf("files %d, entries %d; want 7 files read and 2 entries (COM-0004, COM-0005)", res.Files, len(res.Repo.Entries))
	}
}

// TestLoadSymlinks: YAML-008 for a symbolic-link loop, a broken link and a
// link to a folder. It works as root too.
func TestLoadSymlinks(t *testing.T) {
	dir := repo(t, map[string]string{
		"registre.yaml":                sampleConfig,
		"communications/COM-0001.yaml": sampleEntry,
		"archives/vieux/x.txt":         "x",
	})
	com := filepath.Join(dir, "communications")
	symlink(t, "COM-0002.yaml", filepath.Join(com, "COM-0002.yaml"))       // itself
	symlink(t, "COM-0004.yaml", filepath.Join(com, "COM-0003.yaml"))       // 3 → 4 → 3
	symlink(t, "COM-0003.yaml", filepath.Join(com, "COM-0004.yaml"))       //
	symlink(t, "absent.yaml", filepath.Join(com, "COM-0005.yaml"))         // broken
	symlink(t, filepath.Join(dir, "archives"), filepath.Join(com, "2024")) // a folder
	symlink(t, "COM-0001.yaml", filepath.Join(com, "COM-0006.yaml"))       // a file: read
	res := load(t, dir, Options{})
	for _, p := range []string{"COM-0002.yaml", "COM-0003.yaml", "COM-0004.yaml"} {
		want(t, res.Findings, "YAML-008", "communications/"+p, "boucle de liens symboliques", 0, 0)
	}
	want(t, res.Findings, "YAML-008", "communications/COM-0005.yaml", "introuvable", 0, 0)
	want(t, res.Findings, "YAML-008", "communications/2024", "lien symbolique vers un dossier", 0, 0)
	// COM-0006 links to COM-0001: read, and its id differs from its name.
	want(t, res.Findings, "REF-003", "communications/COM-0006.yaml", "COM-0001", 1, 5)
	if n := len(res.Findings); n != 6 {
		t.Errorf("%d findings, want 6: %v", n, res.Findings)
	}
}

// TestLoadPermission: YAML-008 for an unreadable file and an unreadable
// folder. chmod 000 does not stop root from reading: skipped as root.
func TestLoadPermission(t *testing.T) {
	if os.Geteuid() == 0 {
		// Root reads files whatever their permissions, and CI runs as root:
		// run this test again as an unprivileged user.
		runUnprivileged(t, "TestLoadPermission")
		return
	}
	dir := repo(t, map[string]string{
		"registre.yaml":                sampleConfig,
		"communications/COM-0001.yaml": sampleEntry,
		"inventaire/INV-0001.yaml":     "id: INV-0001\n",
	})
	file := filepath.Join(dir, "communications", "COM-0001.yaml")
	folder := filepath.Join(dir, "inventaire")
	for _, p := range []string{file, folder} {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Chmod(folder, 0o755); os.Chmod(file, 0o644) })
	res := load(t, dir, Options{})
	want(t, res.Findings, "YAML-008", "communications/COM-0001.yaml", "permission refusée", 0, 0)
	want(t, res.Findings, "YAML-008", "inventaire", "permission refusée", 0, 0)
}

// TestLoadNoConfig: REF-007 (a warning) when registre.yaml is absent; the
// defaults make a public body.
func TestLoadNoConfig(t *testing.T) {
	res := load(t, repo(t, map[string]string{"communications/COM-0001.yaml": sampleEntry}), Options{})
	want(t, res.Findings, "REF-007", "registre.yaml", "registre.yaml absent", 0, 0)
	if f := res.Findings[0]; len(res.Findings) != 1 || f.Severity != finding.Warning {
		t.Errorf("want one warning, got %v", res.Findings)
	}
	if res.Repo.Config.Private() || len(res.Repo.Entries) != 1 {
		t.Errorf("config %+v, %d entries", res.Repo.Config.Organisme, len(res.Repo.Entries))
	}
}

// TestLoadTooLarge: YAML-006 for a file over the size limit (1 Mio by
// default; lowered here to keep the test small).
func TestLoadTooLarge(t *testing.T) {
	dir := repo(t, map[string]string{
		"registre.yaml":                sampleConfig,
		"communications/COM-0001.yaml": sampleEntry + "remarques: " + strings.Repeat("x", 4096) + "\n",
	})
	res := load(t, dir, Options{MaxSize: 2048})
	want(t, res.Findings, "YAML-006", "communications/COM-0001.yaml", "trop volumineux (plus de 2 Kio)", 1, 1)
	if len(res.Repo.Entries) != 0 {
		t.Errorf("a file over the limit must not be decoded")
	}
}

// TestRereadCompact: a compact entry reads a dropped key back from its file;
// if the file changed or vanished in between, the entry says so and invents
// nothing (lint turns that into an error of the run).
func TestRereadCompact(t *testing.T) {
	dir := repo(t, map[string]string{
		"registre.yaml":                "organisme: {nom: Essai, secteur: public}\n",
		"communications/COM-0001.yaml": "id: COM-0001\nfins: Payer.\nhors_quebec: false\n",
		"communications/COM-0002.yaml": "id: COM-0002\nfins: Payer.\nhors_quebec: false\n",
		"communications/COM-0003.yaml": "id: COM-0003\nfins: Payer.\nhors_quebec: false\n",
	})
	res := load(t, dir, Options{Reread: true})
	keep := map[string]bool{"id": true, "hors_quebec": true}
	for _, e := range res.Repo.Entries {
		e.Compact(keep)
	}
	e1, e2, e3 := res.Repo.ByID["COM-0001"], res.Repo.ByID["COM-0002"], res.Repo.ByID["COM-0003"]
	if got := e1.Str("fins"); got != "Payer." {
		t.Errorf("fins relu : %q", got)
	}
	if done, err := e1.Reread(); !done || err != nil {
		t.Errorf("COM-0001 : Reread = %v, %v", done, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "communications", "COM-0002.yaml"), []byte("id: COM-0002\nfins: Autre.\nhors_quebec: false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := e2.Str("fins"); got != "" {
		t.Errorf("valeur d'un fichier modifié : %q", got)
	}
	if _, err := e2.Reread(); err == nil || !strings.Contains(err.Error(), "COM-0002.yaml a changé pendant la vérification") {
		t.Errorf("COM-0002 modifié : %v", err)
	}
	if err := os.Remove(filepath.Join(dir, "communications", "COM-0003.yaml")); err != nil {
		t.Fatal(err)
	}
	if got := e3.Str("fins"); got != "" {
		t.Errorf("valeur d'un fichier supprimé : %q", got)
	}
	if _, err := e3.Reread(); err == nil || !strings.Contains(err.Error(), "COM-0003.yaml") {
		t.Errorf("COM-0003 supprimé : %v", err)
	}
	if e3.True("hors_quebec") || !e3.Has("hors_quebec") || e3.Str("id") != "COM-0003" {
		t.Error("les clés gardées restent lisibles")
	}
}
