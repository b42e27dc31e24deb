package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/finding"
)

// TestLoadOutsideLinks: a link that resolves outside the repository is never
// read (its content never reaches a message) and is a YAML-009 error at the
// link's path; a link inside the repository is followed.
func TestLoadOutsideLinks(t *testing.T) {
	outside := repo(t, map[string]string{"secret.yaml": "motdepasse: hunter2\n", "dossier/COM-0009.yaml": sampleEntry})
	dir := repo(t, map[string]string{
		"registre.yaml":                sampleConfig,
		"communications/COM-0001.yaml": sampleEntry,
	})
	com := filepath.Join(dir, "communications")
	symlink(t, filepath.Join(outside, "secret.yaml"), filepath.Join(com, "COM-0002.yaml"))
	symlink(t, filepath.Join(outside, "dossier"), filepath.Join(com, "2024"))
	symlink(t, filepath.Join(outside, "dossier"), filepath.Join(dir, "incidents"))
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, filepath.Join(outside, "dossier"), filepath.Join(dir, "docs", "ext"))                       // a folder: reported
	symlink(t, filepath.Join(outside, "secret.yaml"), filepath.Join(dir, "docs", "secret.yaml"))           // YAML: reported
	symlink(t, filepath.Join(outside, "dossier", "COM-0009.yaml"), filepath.Join(dir, "docs", "logo.png")) // not a register file
	res := load(t, dir, Options{})
	want(t, res.Findings, "YAML-009", "docs/ext", "hors du dépôt", 0, 0)
	want(t, res.Findings, "YAML-009", "docs/secret.yaml", "hors du dépôt", 0, 0)
	want(t, res.Findings, "YAML-009", "communications/COM-0002.yaml", "hors du dépôt", 0, 0)
	want(t, res.Findings, "YAML-009", "communications/2024", "hors du dépôt", 0, 0)
	want(t, res.Findings, "YAML-009", "incidents", "hors du dépôt", 0, 0)
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "hunter2") || strings.Contains(f.Message, "motdepasse") {
			t.Errorf("outside content in a message: %v", f)
		}
	}
	if len(res.Repo.Entries) != 1 || len(res.Findings) != 5 {
		t.Errorf("entries %d, findings %v", len(res.Repo.Entries), res.Findings)
	}
}

// TestLoadRootThroughLink: a repository given through a symbolic link is read.
func TestLoadRootThroughLink(t *testing.T) {
	dir := repo(t, map[string]string{"registre.yaml": sampleConfig, "communications/COM-0001.yaml": sampleEntry})
	link := filepath.Join(t.TempDir(), "lien")
	symlink(t, dir, link)
	res := load(t, link, Options{})
	if res.Files != 2 || len(res.Repo.Entries) != 1 {
		t.Fatalf("files %d, entries %d, findings %v", res.Files, len(res.Repo.Entries), res.Findings)
	}
}

// TestLoadNotRepo: a folder without registre.yaml nor register folder is an
// *Error, never « 0 fichier ».
func TestLoadNotRepo(t *testing.T) {
	dir := repo(t, map[string]string{"notes/a.txt": "x"})
	_, err := Load(dir, Options{})
	var se *Error
	if !errors.As(err, &se) || !strings.Contains(se.Msg, "n'est pas un dépôt de registres") {
		t.Fatalf("err = %v", err)
	}
}

// TestLoadNoSilentSkip: registre.yml beside registre.yaml, and ignored names
// inside a register folder, are REF-009 errors.
func TestLoadNoSilentSkip(t *testing.T) {
	dir := repo(t, map[string]string{
		"registre.yaml":                            sampleConfig,
		"registre.yml":                             "organisme: {nom: Autre}\n",
		"communications/COM-0001.yaml":             sampleEntry,
		"communications/_site/COM-0002.yaml":       sampleEntry,
		"communications/node_modules/x/COM-3.yaml": sampleEntry,
		"communications/.brouillons/COM-0004.yaml": sampleEntry,
		"communications/.COM-0005.yaml":            sampleEntry,
		"communications/.gitkeep":                  "",
		"communications/COM-0006":                  sampleEntry,
		"communications/COM-0007.yaml.bak":         sampleEntry,
		"communications/LISEZMOI.md":               "",
		".github/workflows/registre.yml":           "on: push\n",
		"_site/index.yaml":                         "x: 1\n",
		"node_modules/paquet/config.yaml":          "x: 1\n",
		"incidents/2025/.cache/INC-0001.yaml":      "id: INC-0001\n",
	})
	res := load(t, dir, Options{})
	want(t, res.Findings, "REF-009", "registre.yml", "registre.yaml, présent aussi, est le fichier de réglages utilisé", 1, 1)
	for _, p := range []string{"communications/_site", "communications/node_modules", "communications/.brouillons", "communications/.COM-0005.yaml", "incidents/2025/.cache",
		"communications/COM-0006", "communications/COM-0007.yaml.bak"} {
		want(t, res.Findings, "REF-009", p, "ni vérifié ni publié", 0, 0)
	}
	if len(res.Findings) != 8 {
		t.Errorf("findings: %v", res.Findings)
	}
	if res.Repo.Config.Organisme.Nom != "Organisme d'essai" {
		t.Errorf("registre.yaml must win, got %q", res.Repo.Config.Organisme.Nom)
	}
	for _, f := range res.Findings {
		if f.Severity != finding.Error {
			t.Errorf("%v: want error", f)
		}
	}
}

// TestIgnored agrees with the walk on what is passed over.
func TestIgnored(t *testing.T) {
	for p, want := range map[string]bool{
		".github/workflows/ci.yml":      true,
		".pre-commit-config.yaml":       true,
		"README.md":                     true,
		"_site/x.yaml":                  true,
		"docs/node_modules/x.yaml":      true,
		"communications/COM-0001.yaml":  false,
		"communications/.x/COM-1.yaml":  false, // REF-009
		"communications/_site/COM.yaml": false, // REF-009
		"registre.yaml":                 false,
		"docs/x.yaml":                   false, // REF-005
	} {
		if got := Ignored(p); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestFindRoot: like git, from a sub-folder up to registre.yaml; a .git
// folder bounds the search; none found is an *Error.
func TestFindRoot(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "depot")
	for p, data := range map[string]string{
		"registre.yaml":              sampleConfig,
		"communications/2025/x.txt":  "",
		"projet/.git/HEAD":           "ref: refs/heads/main\n",
		"projet/src/a.txt":           "",
		"sans/communications/a.txt":  "",
		"sans/communications/sous/b": "",
	} {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(dir, "communications", "2025"))
	for start, want := range map[string]string{
		".":                                  filepath.Join("..", ".."),
		"..":                                 filepath.Join("..", ".."),
		filepath.Join(dir, "communications"): dir,
		dir:                                  dir,
		// registre.yaml above wins over a nearer register folder.
		filepath.Join(dir, "sans", "communications", "sous"): dir,
	} {
		got, err := FindRoot(start)
		if err != nil || got != want {
			t.Errorf("FindRoot(%q) = %q, %v; want %q", start, got, err, want)
		}
	}
	// Without registre.yaml, the nearest folder holding a register folder.
	other := repo(t, map[string]string{"communications/sous/b": ""})
	if got, err := FindRoot(filepath.Join(other, "communications", "sous")); err != nil || got != other {
		t.Errorf("FindRoot(no registre.yaml) = %q, %v; want %q", got, err, other)
	}
	if got, err := FindRoot(filepath.Join(dir, "projet", "src")); err == nil {
		t.Errorf("FindRoot above .git = %q, want an error", got)
	}
	if _, err := FindRoot(filepath.Join(dir, "absent")); err == nil || !strings.Contains(err.Error(), "introuvable") {
		t.Errorf("FindRoot(absent) = %v", err)
	}
	// Through a link, ".." leads elsewhere: the absolute path is returned.
	link := filepath.Join(base, "lien")
	symlink(t, filepath.Join(dir, "communications"), link)
	if got, err := FindRoot(link); err != nil || got != dir {
		if real, _ := filepath.EvalSymlinks(dir); got != real {
			t.Errorf("FindRoot(link) = %q, %v; want %q", got, err, dir)
		}
	}
}

// TestFindRootDocumentsFolder: a parent that merely holds a folder named
// like a register (a user's « communications » documents) is no repository
// for a folder beside it, outside git.
func TestFindRootDocumentsFolder(t *testing.T) {
	home := repo(t, map[string]string{"communications/compte-rendu.txt": "", "projets/rapport/notes.txt": ""})
	if got, err := FindRoot(filepath.Join(home, "projets", "rapport")); err == nil {
		t.Errorf("FindRoot(projets/rapport) = %q, want an error", got)
	}
	if got, err := FindRoot(filepath.Join(home, "communications")); err != nil || got != home {
		t.Errorf("FindRoot(communications) = %q, %v; want %q", got, err, home)
	}
}
