package fsutil

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzTargets are where the extra links of a fuzzed layout may point.
var fuzzTargets = []string{"repo", "repo/communications", "repo/.git", "repo/incidents", "..", "/", "/etc",
	"public", "foreign", "dehors.txt", "repo/registre.yaml", "nulle-part", "f0", "f1/../repo", "home"}

// FuzzGuard: whatever the path (relative, absolute, with « .. », links,
// doubled separators) and whatever links lie in the way, an accepted path
// never lets a write escape the repository (RepoFile) nor reach a protected
// folder (EditionDir, ReportFile, FilesDir), and nothing panics.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{"repo/communications/COM-0009.yaml", "lkind/../../dehors.txt", "repo/../repo/.git/x",
		"f0/x", "f1/f2/../interne", "/", "//etc/", "repo/./communications/../_site", "lrepo/..", "ldead/x",
		"f2/../../repo/incidents", "public/interne", "repo/lien.sarif", "../..", "a\x00b", "f0/f0/f0",
		"absent/../lkind/x", "absent/b/../../f0/x"} {
		f.Add(s, uint64(0x1234))
		f.Add(s, uint64(0xfedcba9876543210))
	}
	f.Fuzz(func(t *testing.T, path string, links uint64) {
		if len(path) > 512 {
			return
		}
		w, g := layout(t)
		// Up to three more links, f0..f2, chosen by the fuzzer (possibly in loops).
		for i := 0; i < 3; i++ {
			target := fuzzTargets[(links>>(8*i))%uint64(len(fuzzTargets))]
			if links>>(8*i+7)&1 == 1 {
				target = "f" + string(rune('0'+(i+1)%3)) // a chain or a loop
			}
			_ = os.Symlink(target, filepath.Join(w, "f"+string(rune('0'+i))))
		}
		name := path
		if !filepath.IsAbs(name) {
			name = w + string(filepath.Separator) + name
		}
		repo := g.Repo()
		if p, err := g.RepoFile(name); err == nil {
			if !within(p, repo) || p == repo {
				t.Fatalf("RepoFile(%q) = %s: outside the repository %s", path, p, repo)
			}
			if g.protectedIn(p) == "le dossier .git du dépôt" {
				t.Fatalf("RepoFile(%q) = %s: inside .git", path, p)
			}
			mustBePhysical(t, path, p)
			if isLink(name) {
				t.Fatalf("RepoFile(%q): accepted a link", path)
			}
		}
		for _, ed := range Editions {
			p, err := g.EditionDir(name, ed)
			if err != nil {
				continue
			}
			mustBePhysical(t, path, p)
			if g.system(p) != "" || within(repo, p) || g.protectedIn(p) != "" {
				t.Fatalf("EditionDir(%q, %s) = %s: a protected folder", path, ed.Audience, p)
			}
			if entries, err := os.ReadDir(p); err == nil && len(entries) > 0 && editionOf(p, true) != ed.Audience {
				t.Fatalf("EditionDir(%q, %s) = %s: a folder registre did not build", path, ed.Audience, p)
			}
			if ed.Restricted() && !ed.NameOK(filepath.Base(p)) {
				t.Fatalf("EditionDir(%q, %s) = %s: wrong name", path, ed.Audience, p)
			}
		}
		if p, err := g.ReportFile(name); err == nil {
			mustBePhysical(t, path, p)
			if g.protectedIn(p) != "" || g.system(p) != "" || strings.EqualFold(p, filepath.Join(repo, "registre.yaml")) || isLink(name) {
				t.Fatalf("ReportFile(%q) = %s: protected", path, p)
			}
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				t.Fatalf("ReportFile(%q) = %s: a folder", path, p)
			}
		}
		if p, err := g.FilesDir(name); err == nil {
			mustBePhysical(t, path, p)
			if g.protectedIn(p) != "" || g.system(p) != "" || within(repo, p) {
				t.Fatalf("FilesDir(%q) = %s: protected", path, p)
			}
		}
	})
}

// mustBePhysical checks that p, returned by the guard, is absolute and has
// no link left in the part that exists: what was checked is what is written.
func mustBePhysical(t *testing.T, path, p string) {
	t.Helper()
	if !filepath.IsAbs(p) || filepath.Clean(p) != p {
		t.Fatalf("%q → %q: not absolute and clean", path, p)
	}
	for d := p; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			real, err := filepath.EvalSymlinks(d)
			if err != nil || real != d {
				t.Fatalf("%q → %q: %s still goes through a link (%s, %v)", path, p, d, real, err)
			}
			return
		}
		if filepath.Dir(d) == d {
			return
		}
	}
}
