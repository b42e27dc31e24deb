package fsutil

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// layout makes a work folder holding a repository and its neighbours:
//
//	repo/ registre.yaml, communications/COM-0001.yaml, incidents/, .git/HEAD,
//	      notes.md, lien.sarif → ../dehors.txt, communications/COM-0002.yaml → ../../dehors.txt
//	public/   a public edition (marker)        interne/  an internal edition
//	legacy/   an edition without marker, every file in its manifest
//	legacy2/  the same plus a file of the user's
//	deploy/   a public edition (marker) the user made a git repository of
//	foreign/  somebody's files                 empty/    nothing
//	home/     the user's home (for the guard)  dehors.txt
//	lrepo → repo, lkind → repo/communications, lgit → repo/.git, lpub → public, ldead → nowhere
func layout(t testing.TB) (string, *Guard) {
	t.Helper()
	w, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"repo/registre.yaml":                "organisme: {nom: Essai}\n",
		"repo/communications/COM-0001.yaml": "id: COM-0001\n",
		"repo/incidents/.gitkeep":           "",
		"repo/.git/HEAD":                    "ref: refs/heads/main\n",
		"repo/notes.md":                     "notes\n",
		"public/index.html":                 "site\n",
		"public/" + MarkerFile:              string(markerData("public")),
		"public/" + ManifestFile:            "00  index.html\n",
		"deploy/index.html":                 "site\n",
		"deploy/" + MarkerFile:              string(markerData("public")),
		"deploy/" + ManifestFile:            "00  index.html\n",
		"deploy/.git/HEAD":                  "ref: refs/heads/gh-pages\n",
		"interne/index.html":                "interne\n",
		"interne/" + MarkerFile:             string(markerData("interne")),
		"interne/" + ManifestFile:           "00  index.html\n",
		"legacy/index.html":                 "x",
		"legacy/registres.json":             "{}",
		"legacy/assets/registre.css":        "",
		"legacy/" + ManifestFile:            "00  index.html\n00  registres.json\n00  assets/registre.css\n",
		"legacy2/index.html":                "x",
		"legacy2/registres.json":            "{}",
		"legacy2/CNAME":                     "exemple.org",
		"legacy2/" + ManifestFile:           "00  index.html\n00  registres.json\n",
		"foreign/notes.txt":                 "à garder\n",
		"home/.profile":                     "",
		"dehors.txt":                        "dehors\n",
	}
	for name, data := range files {
		p := filepath.Join(w, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(w, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"lrepo":                             "repo",
		"lkind":                             "repo/communications",
		"lgit":                              "repo/.git",
		"lpub":                              "public",
		"ldead":                             "nulle-part/rien",
		"repo/lien.sarif":                   "../dehors.txt",
		"repo/communications/COM-0002.yaml": "../../dehors.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(w, name)); err != nil {
			t.Fatal(err)
		}
	}
	g, err := NewGuard(filepath.Join(w, "repo"))
	if err != nil {
		t.Fatal(err)
	}
	return w, g.WithHome(filepath.Join(w, "home"))
}

func TestEditionDir(t *testing.T) {
	w, g := layout(t)
	cases := []struct {
		out  string
		ed   Edition
		want string // "" : accepted; else a part of the refusal
	}{
		{"_site", PublicEdition, ""},
		{"repo/_site", PublicEdition, ""},
		{"empty", PublicEdition, ""},
		{"public", PublicEdition, ""},
		{"lpub", PublicEdition, ""},
		{"legacy", PublicEdition, ""},
		{"nouveau/sous/site", PublicEdition, ""},
		{"legacy2", PublicEdition, "(CNAME, absent de son manifeste"},
		// An edition the user made a git repository of (to push it to
		// gh-pages): its .git is not the build's to delete.
		{"deploy", PublicEdition, "(.git/HEAD, absent de son manifeste"},
		{"foreign", PublicEdition, "qui ne viennent pas de registre build"},
		{"repo", PublicEdition, "contient le dépôt"},
		{"lrepo", PublicEdition, "contient le dépôt"},
		{".", PublicEdition, "dossier système (le dossier personnel"}, // it holds home/ too
		{"repo/..", PublicEdition, "dossier système (le dossier personnel"},
		{"repo/communications/..", PublicEdition, "contient le dépôt"},
		{"repo/communications", PublicEdition, "dossier du registre communications"},
		{"repo/Communications", PublicEdition, "dossier du registre communications"},
		{"repo/communications/sous", PublicEdition, "dossier du registre communications"},
		{"lkind", PublicEdition, "dossier du registre communications"},
		{"lkind/../incidents", PublicEdition, "dossier du registre incidents"},
		{"repo/incidents", PublicEdition, "dossier du registre incidents"},
		{"repo/.git", PublicEdition, "dossier .git"},
		{"lgit/refs", PublicEdition, "dossier .git"},
		{"ldead", PublicEdition, "lien symbolique brisé"},
		{"repo/notes.md", PublicEdition, "n'est pas un dossier"},
		{"home", PublicEdition, "dossier système"},
		{"/", PublicEdition, "dossier système (la racine"},
		{"/etc", PublicEdition, "dossier système"},
		{"/usr/share/registre", PublicEdition, "dossier système"},
		{"/tmp", PublicEdition, "dossier système"},
		{"/home", PublicEdition, "dossier système"},
		{"/srv", PublicEdition, "dossier système"},
		{"interne", PublicEdition, "contient une édition interne"},
		// Restricted editions: name policy, never inside or over a public edition.
		{"interne", InternalEdition, ""},
		{"_interne", InternalEdition, ""},
		{"edition-interne", InternalEdition, ""},
		{"Edition_Interne", InternalEdition, ""},
		{"site-internet", InternalEdition, "ne convient pas"},
		{"internes", InternalEdition, "ne convient pas"},
		{"interne/../site-internet", InternalEdition, "ne convient pas"},
		{"public/interne", InternalEdition, "édition publique"},
		{"lpub/a/b/_interne", InternalEdition, "édition publique"},
		{"legacy/interne", InternalEdition, "édition publique"},
		{"public", InternalEdition, "ne convient pas"},
	}
	for _, c := range cases {
		t.Run(c.ed.Audience+":"+c.out, func(t *testing.T) {
			out := c.out
			if !filepath.IsAbs(out) {
				out = w + string(filepath.Separator) + out // not Join: it would clean « .. » lexically
			}
			_, err := g.EditionDir(out, c.ed)
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.want != "" && err == nil:
				t.Fatalf("accepted, want a refusal with %q", c.want)
			case c.want != "" && !strings.Contains(err.Error(), c.want):
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
	// A public edition renamed so that its name passes is still refused.
	if err := os.Rename(filepath.Join(w, "public"), filepath.Join(w, "vieux-interne")); err != nil {
		t.Fatal(err)
	}
	if _, err := g.EditionDir(filepath.Join(w, "vieux-interne"), InternalEdition); err == nil || !strings.Contains(err.Error(), "contient une édition publique") {
		t.Fatalf("over a public edition: err = %v", err)
	}
}

func TestRepoAndReportFile(t *testing.T) {
	w, g := layout(t)
	repoCases := []struct{ name, want string }{
		{"repo/communications/COM-0003.yaml", ""},
		{"repo/communications/2025/COM-0004.yaml", ""},
		{"lrepo/communications/COM-0005.yaml", ""},
		{"repo/communications/COM-0002.yaml", "lien symbolique"},
		{"repo/lien.sarif", "lien symbolique"},
		{"repo/../dehors.txt", "hors du dépôt"},
		{"lkind/../../dehors.txt", "hors du dépôt"},
		{"dehors.txt", "hors du dépôt"},
		{"repo", "hors du dépôt"},
		{"repo/.git/config", "dossier .git"},
		{"repo/communications", "est un dossier"},
		{"ldead", "lien symbolique"},
	}
	for _, c := range repoCases {
		_, err := g.RepoFile(w + string(filepath.Separator) + c.name)
		if (c.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.want)) {
			t.Errorf("RepoFile(%s): err = %v, want %q", c.name, err, c.want)
		}
	}
	reportCases := []struct{ name, want string }{
		{"repo/lint.sarif", ""},
		{"repo/rapports/lint.json", ""},
		{"ailleurs/lint.json", ""},
		{"dehors.txt", ""},
		{"repo/lien.sarif", "lien symbolique"},
		{"repo", "est un dossier"},
		{"/tmp", "est un dossier"},
		{"repo/communications/rapport.json", "dossier du registre communications"},
		{"lkind/rapport.json", "dossier du registre communications"},
		{"repo/.git/lint.json", "dossier .git"},
		{"repo/registre.yaml", "fichier de réglages"},
		{"repo/notes.md/x.json", "n'est pas un dossier"},
		{"/etc/registre.json", "registre n'y écrit jamais"},
	}
	for _, c := range reportCases {
		name := c.name
		if !filepath.IsAbs(name) {
			name = w + string(filepath.Separator) + name
		}
		_, err := g.ReportFile(name)
		if (c.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.want)) {
			t.Errorf("ReportFile(%s): err = %v, want %q", c.name, err, c.want)
		}
	}
	// A folder created outside the repository is announced, not inside it.
	var said []string
	g.Notify = func(m string) { said = append(said, m) }
	if err := g.WriteReport(filepath.Join(w, "repo/rapports/a.json"), []byte("{}")); err != nil {
		t.Fatal(err)
	}
	if err := g.WriteReport(filepath.Join(w, "ailleurs/b/a.json"), []byte("{}")); err != nil {
		t.Fatal(err)
	}
	if len(said) != 1 || !strings.Contains(said[0], "ailleurs/b créé (hors du dépôt") {
		t.Fatalf("notices: %q", said)
	}
}

func TestReplaceDir(t *testing.T) {
	w, g := layout(t)
	out := filepath.Join(w, "site")
	fill := func(content string) func(string) error {
		return func(tmp string) error {
			for _, n := range []string{"index.html", "registres.json"} {
				if err := os.WriteFile(filepath.Join(tmp, n), []byte(content), 0o644); err != nil {
					return err
				}
			}
			return os.WriteFile(filepath.Join(tmp, ManifestFile), []byte("00  index.html\n00  registres.json\n"), 0o644)
		}
	}
	if err := g.ReplaceDir(out, PublicEdition, ReplaceOptions{}, fill("un")); err != nil {
		t.Fatal(err)
	}
	if err := g.ReplaceDir(out, PublicEdition, ReplaceOptions{}, fill("deux")); err != nil {
		t.Fatal(err)
	}
	// A failing build leaves the previous edition whole.
	boom := errors.New("échec du rendu")
	err := g.ReplaceDir(out, PublicEdition, ReplaceOptions{}, func(tmp string) error {
		_ = fill("trois")(tmp)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "index.html")); string(got) != "deux" {
		t.Fatalf("index.html = %q", got)
	}
	if a := editionOf(out, true); a != "public" {
		t.Fatalf("marker: %q", a)
	}
	assertNoLeftovers(t, w)
	// Leftovers of killed builds are removed; another output's are kept.
	for _, d := range []string{".registre-4242-site", ".site.tmp-99", ".registre-1-site-x"} {
		if err := os.Mkdir(filepath.Join(w, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.ReplaceDir(out, PublicEdition, ReplaceOptions{}, fill("quatre")); err != nil {
		t.Fatal(err)
	}
	for d, want := range map[string]bool{".registre-4242-site": false, ".site.tmp-99": false, ".registre-1-site-x": true} {
		if _, err := os.Stat(filepath.Join(w, d)); (err == nil) != want {
			t.Errorf("%s: exists = %v, want %v", d, err == nil, want)
		}
	}
	// An interrupted two-rename swap: the old edition is put back first.
	if err := os.Rename(out, filepath.Join(w, oldPrefix+"site")); err != nil {
		t.Fatal(err)
	}
	if _, err := g.EditionDir(out, PublicEdition); err != nil {
		t.Fatal(err)
	}
	cleanLeftovers(w, "site")
	if got, _ := os.ReadFile(filepath.Join(out, "index.html")); string(got) != "quatre" {
		t.Fatalf("restored index.html = %q", got)
	}
}

// TestReplaceDirConcurrent runs builds into the same folder at once: each
// waits for the lock, every one succeeds, the folder holds one whole
// edition and nothing is left beside it.
func TestReplaceDirConcurrent(t *testing.T) {
	w, g := layout(t)
	out := filepath.Join(w, "site")
	const n = 6
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = g.ReplaceDir(out, PublicEdition, ReplaceOptions{LockWait: 60e9}, func(tmp string) error {
				for _, name := range []string{"index.html", "registres.json"} {
					if err := os.WriteFile(filepath.Join(tmp, name), []byte(fmt.Sprint(i)), 0o644); err != nil {
						return err
					}
				}
				return os.WriteFile(filepath.Join(tmp, ManifestFile), []byte("00  index.html\n00  registres.json\n"), 0o644)
			})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("build %d: %v", i, err)
		}
	}
	a, _ := os.ReadFile(filepath.Join(out, "index.html"))
	b, _ := os.ReadFile(filepath.Join(out, "registres.json"))
	if len(a) == 0 || string(a) != string(b) {
		t.Fatalf("mixed edition: %q, %q", a, b)
	}
	assertNoLeftovers(t, w)
}

func TestLockHeld(t *testing.T) {
	w, _ := layout(t)
	unlock, err := lockDir(w, "site", "site", 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = lockDir(w, "site", "site", 0)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("une autre publication (processus %d) écrit déjà dans site", os.Getpid())) {
		t.Fatalf("second lock: %v", err)
	}
	unlock()
	unlock2, err := lockDir(w, "site", "site", 0)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	unlock2()
	// A lock file left by a dead process is taken over.
	if err := os.WriteFile(filepath.Join(w, lockPrefix+"site"), []byte("2147483646\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unlock3, err := lockDir(w, "site", "site", 0)
	if err != nil {
		t.Fatalf("stale lock: %v", err)
	}
	unlock3()
}

func assertNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".registre-") && e.Name() != ".registre-1-site-x" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestIsLeftover(t *testing.T) {
	cases := map[string]bool{
		".registre-12345-site":    true,
		".registre-1-site":        true,
		".site.tmp-123":           true,
		".registre-12-site-x":     false, // another output folder
		".registre-verrou-site":   false,
		".registre-ancien-site":   false,
		".registre--site":         false,
		".registre-12a-site":      false,
		".site.tmp-":              false,
		"site":                    false,
		".registre-12-1-site":     false,
		".registre-12-site/autre": false,
	}
	for name, want := range cases {
		if got := isLeftover(name, "site"); got != want {
			t.Errorf("isLeftover(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestResolveDotDotAfterMissing: « absent/../lien/x » is written by the
// system through lien (mkdir -p makes absent, goes back up, follows lien):
// Resolve must say so, not clean « absent/.. » away and keep lien unresolved.
func TestResolveDotDotAfterMissing(t *testing.T) {
	w := t.TempDir()
	w, _ = filepath.EvalSymlinks(w)
	if err := os.Mkdir(filepath.Join(w, "cible"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("cible", filepath.Join(w, "lien")); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"absent/../lien/x":          "cible/x",
		"absent/a/../../lien/x":     "cible/x",
		"absent/a/../b/x":           "absent/b/x",
		"lien/../absent/../lien/./": "cible",
		"absent/..":                 "",
	} {
		got, err := Resolve(filepath.Join(w, "") + string(filepath.Separator) + in)
		if err != nil {
			t.Errorf("Resolve(%q): %v", in, err)
			continue
		}
		if exp := filepath.Join(w, want); got != exp {
			t.Errorf("Resolve(%q) = %s, want %s", in, got, exp)
		}
	}
}
