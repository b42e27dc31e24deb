package fsutil

import (
	"errors"
	"fmt"
	"github.com/registre-qc/registre/pkg/oserr"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/registre-qc/registre/pkg/model"
)

// Refusal is a write the guard will not do. Its message is French, names the
// path as the user gave it and says what to do; nothing was touched.
type Refusal struct{ Msg string }

func (e *Refusal) Error() string { return e.Msg }

// FrenchComplete marks a refusal as a complete French message (oserr.Complete).
func (e *Refusal) FrenchComplete() {}

func refuse(format string, args ...any) error { return &Refusal{fmt.Sprintf(format, args...)} }

// Guard is the one place that decides where registre may write, replace or
// delete. Every command that writes asks it first and then writes only to
// the real path it returns (symbolic links already resolved), so what was
// checked is what is written.
//
// A Guard protects one register repository: the repository folder itself,
// every folder holding it, its kind folders (inventaire, communications, …),
// .git and registre.yaml. It also protects the system folders (/, every
// top-level folder, /etc, /usr and the like, $HOME and the temporary folder
// themselves).
type Guard struct {
	repo  string   // repository, absolute with symbolic links resolved ("" : none)
	home  string   // $HOME, resolved ("" : unknown)
	tmp   string   // os.TempDir(), resolved
	kinds []string // kind folder names
	// Notify, when set, is told each folder the guard creates outside the
	// repository (commands print it: no folder appears there unannounced).
	Notify func(msg string)
}

// NewGuard returns the guard of the repository folder repo (it may not exist
// yet; "" protects no repository, only the system folders).
func NewGuard(repo string) (*Guard, error) {
	g := &Guard{kinds: model.KindNames()}
	if repo != "" {
		r, err := Resolve(repo)
		if err != nil {
			return nil, err
		}
		g.repo = r
	}
	if h := os.Getenv("HOME"); h != "" && filepath.IsAbs(h) {
		if r, err := Resolve(h); err == nil {
			g.home = r
		}
	}
	if r, err := Resolve(os.TempDir()); err == nil {
		g.tmp = r
	}
	return g, nil
}

// WithHome returns a copy of g that takes home as the user's home folder
// (tests; "" : none).
func (g *Guard) WithHome(home string) *Guard {
	c := *g
	c.home = ""
	if home != "" {
		if r, err := Resolve(home); err == nil {
			c.home = r
		}
	}
	return &c
}

// Repo is the real path of the protected repository ("" : none).
func (g *Guard) Repo() string { return g.repo }

// maxLinks bounds the symbolic links followed while resolving one path.
const maxLinks = 255

// Resolve returns the absolute, physical form of p: every symbolic link of
// the part that exists is resolved (a « .. » after a link goes up from the
// link's target, as the system does), the part that does not exist yet is
// cleaned. A broken or looping link is an error: writing there would create
// a file wherever the link points.
func Resolve(p string) (string, error) {
	if p == "" {
		return "", refuse("chemin vide")
	}
	if strings.IndexByte(p, 0) >= 0 {
		return "", refuse("chemin invalide : %q", p)
	}
	abs := p
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return "", oserr.Explain(err)
		}
		abs = wd + string(filepath.Separator) + p
	}
	vol := filepath.VolumeName(abs)
	rest := abs[len(vol):]
	if runtime.GOOS == "windows" {
		rest = strings.ReplaceAll(rest, "/", `\`)
	}
	var parts []string
	for _, c := range strings.Split(rest, string(filepath.Separator)) {
		if c != "" {
			parts = append(parts, c)
		}
	}
	// Walk the path one name at a time, as the system does: a link is
	// resolved where it stands; a name that does not exist yet (nor anything
	// after it) is kept as is, and a « .. » after it goes back over it. A
	// « .. » that leads back into folders that exist goes on resolving from
	// there: « absent/../lien/x » writes through lien, so it is judged
	// through lien (a lexical clean would skip the link).
	cur := vol + string(filepath.Separator) // physical: no link in it
	missing := 0                            // trailing names of cur that do not exist yet
	for _, c := range parts {
		switch {
		case c == ".":
			continue
		case c == "..":
			cur = filepath.Dir(cur) // the parent of a physical path is its physical parent
			if missing > 0 {
				missing--
			}
			continue
		case missing > 0:
			cur = filepath.Join(cur, c)
			missing++
			continue
		}
		next := filepath.Join(cur, c)
		st, err := os.Lstat(next)
		switch {
		case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
			cur = next // not there yet: the writer's own error will say why if it cannot be made
			missing = 1
			continue
		case err != nil:
			return "", oserr.Explain(err)
		case st.Mode()&fs.ModeSymlink == 0:
			cur = next
			continue
		}
		real, err := filepath.EvalSymlinks(next)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return "", refuse("%s passe par un lien symbolique brisé : registre n'écrit jamais à travers un lien", p)
			}
			return "", refuse("%s : chemin impossible à résoudre (%s)", p, oserr.Reason(err))
		}
		if cur, err = filepath.Abs(real); err != nil {
			return "", oserr.Explain(err)
		}
	}
	return cur, nil
}

// within reports whether p is base or inside it (both clean and absolute).
func within(p, base string) bool {
	if p == base {
		return true
	}
	if !strings.HasSuffix(base, string(filepath.Separator)) {
		base += string(filepath.Separator)
	}
	return strings.HasPrefix(p, base)
}

// topLevel are the standard top-level folders of Linux and macOS: never an
// output folder themselves (another top-level folder, such as a container's
// /public mount, is judged like any folder).
var topLevel = map[string]bool{"bin": true, "boot": true, "dev": true, "etc": true, "home": true, "lib": true,
	"lib32": true, "lib64": true, "libx32": true, "media": true, "mnt": true, "opt": true, "proc": true, "root": true,
	"run": true, "sbin": true, "snap": true, "srv": true, "sys": true, "tmp": true, "usr": true, "var": true,
	"users": true, "volumes": true, "private": true, "system": true, "library": true, "applications": true, "cores": true}

// systemTrees are folders under which registre never writes.
var systemTrees = []string{"/etc", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/boot",
	"/dev", "/proc", "/sys", "/run", "/System", "/Library", "/Applications", "/private/etc", "/private/var/db"}

// system says why the real path p is a system folder or lies in one ("" :
// it is not): the root, a top-level folder, a folder of systemTrees or
// anything under it, $HOME, a folder holding $HOME, the temporary folder.
func (g *Guard) system(p string) string {
	vol := filepath.VolumeName(p)
	rest := strings.Trim(p[len(vol):], `/\`)
	switch {
	case rest == "":
		return "la racine du système de fichiers"
	case !strings.ContainsAny(rest, `/\`) && topLevel[strings.ToLower(rest)]:
		return "un dossier de premier niveau du système"
	case g.home != "" && within(g.home, p):
		return "le dossier personnel, ou un dossier qui le contient"
	case g.tmp != "" && p == g.tmp:
		return "le dossier temporaire du système"
	}
	if runtime.GOOS == "windows" {
		for _, env := range []string{"SystemRoot", "ProgramFiles", "ProgramFiles(x86)"} {
			if d := os.Getenv(env); d != "" && within(strings.ToLower(p), strings.ToLower(filepath.Clean(d))) {
				return "un dossier du système"
			}
		}
		return ""
	}
	for _, t := range systemTrees {
		if within(p, t) {
			return "un dossier du système (" + t + ")"
		}
	}
	return ""
}

func (g *Guard) refuseSystem(shown, why string) error {
	return refuse("%s est un dossier système (%s) : registre n'y écrit jamais ; choisissez un dossier dédié (p. ex. _site)", shown, why)
}

// protectedIn says which protected part of the repository the real path p
// is or lies in ("" : none): .git or a kind folder.
func (g *Guard) protectedIn(p string) string {
	if g.repo == "" || p == g.repo || !within(p, g.repo) {
		return ""
	}
	rel := strings.TrimPrefix(p[len(g.repo):], string(filepath.Separator))
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	if strings.EqualFold(first, ".git") {
		return "le dossier .git du dépôt"
	}
	for _, k := range g.kinds {
		if strings.EqualFold(first, k) {
			return "le dossier du registre " + k
		}
	}
	return ""
}

// insideRepo reports whether the real path p is strictly inside the repository.
func (g *Guard) insideRepo(p string) bool {
	return g.repo != "" && p != g.repo && within(p, g.repo)
}

// configNames are the names of a repository's settings file: registre.yaml,
// and registre.yml, which the loader reads when registre.yaml is absent.
var configNames = []string{model.ConfigFile, "registre.yml"}

// isConfigName reports whether base is a settings file's name, in any case
// (a case-insensitive file system makes REGISTRE.YAML the same file).
func isConfigName(base string) bool {
	for _, n := range configNames {
		if strings.EqualFold(base, n) {
			return true
		}
	}
	return false
}

// isLink reports whether name itself (not what it points to) is a symbolic link.
func isLink(name string) bool {
	st, err := os.Lstat(name)
	return err == nil && st.Mode()&fs.ModeSymlink != 0
}

func refuseLink(shown string) error {
	return refuse("%s est un lien symbolique : registre n'écrit jamais à travers un lien ; remplacez-le par un fichier ordinaire ou choisissez un autre chemin", shown)
}

// RepoFile checks a file of the repository that a command creates or
// replaces (fmt, import, new, init) and returns its real path. It must lie
// inside the repository once every link is resolved, outside .git, and must
// not itself be a symbolic link.
func (g *Guard) RepoFile(name string) (string, error) {
	if g.repo == "" {
		return "", refuse("%s : aucun dépôt des registres n'est désigné", name)
	}
	if isLink(name) {
		return "", refuseLink(name)
	}
	p, err := Resolve(name)
	if err != nil {
		return "", err
	}
	if !g.insideRepo(p) {
		return "", refuse("%s se trouve hors du dépôt des registres (%s) une fois les liens symboliques résolus : registre n'y écrit jamais", name, p)
	}
	if w := g.protectedIn(p); strings.HasPrefix(w, "le dossier .git") {
		return "", refuse("%s est dans %s : registre n'y écrit jamais", name, w)
	}
	if st, err := os.Lstat(p); err == nil && st.IsDir() {
		return "", refuse("%s est un dossier, pas un fichier", name)
	}
	return p, nil
}

// ReportFile checks a report file (lint --format NAME=PATH) and returns its
// real path. It may lie anywhere but a system folder, the repository's .git,
// kind folders, registre.yaml and a published site (a report names withheld
// entries and incidents); it may not be a symbolic link nor a
// folder. Missing folders are created silently inside the repository;
// elsewhere they are created too, and announced through Notify.
func (g *Guard) ReportFile(name string) (string, error) {
	if isLink(name) {
		return "", refuseLink(name)
	}
	p, err := Resolve(name)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return "", refuse("%s est un dossier : indiquez un nom de fichier (p. ex. --format json=lint.json)", name)
	}
	if why := g.system(p); why != "" {
		return "", refuse("%s est dans %s : registre n'y écrit jamais ; sans =FICHIER, le rapport va sur la sortie standard", name, why)
	}
	if w := g.protectedIn(p); w != "" {
		return "", refuse("%s est dans %s : un rapport n'y a pas sa place (il serait lu comme une inscription) ; écrivez-le ailleurs", name, w)
	}
	if g.repo != "" && filepath.Dir(p) == g.repo && isConfigName(filepath.Base(p)) {
		return "", refuse("%s est le fichier de réglages du dépôt : un rapport ne le remplace jamais", name)
	}
	if err := g.parentReady(name, p); err != nil {
		return "", err
	}
	// A report names every file, withheld entries and incidents included:
	// never inside a published site, whose next upload would publish it.
	pub, odd := publicAbove(filepath.Dir(p))
	if odd {
		return "", refuseOdd(name, pub)
	}
	if pub != "" {
		return "", refuse("%s est dans un site publié (%s) : un rapport de vérification nomme toutes les inscriptions, y compris les confidentielles, et n'y est jamais écrit ; écrivez-le ailleurs", name, pub)
	}
	return p, nil
}

// parentReady refuses a path whose parent is not a folder.
func (g *Guard) parentReady(shown, p string) error {
	dir := filepath.Dir(p)
	st, err := os.Stat(dir)
	switch {
	case err == nil && !st.IsDir():
		return refuse("%s n'est pas un dossier : impossible d'y écrire %s", filepath.Dir(shown), filepath.Base(shown))
	case err == nil, errors.Is(err, fs.ErrNotExist):
		return nil
	}
	return oserr.Explain(err)
}

// mkdirAll creates the real folder dir and its missing parents (the caller
// has checked it). Folders created outside the repository are announced
// through Notify, named from shown, the path as the user gave it.
func (g *Guard) mkdirAll(shown, dir string) error {
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return nil
	}
	first := "" // outermost folder created
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		first = d
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return oserr.Explain(err)
	}
	if first != "" && !g.insideRepo(first) && g.Notify != nil {
		g.Notify(fmt.Sprintf("dossier %s créé (hors du dépôt des registres)", shown))
	}
	return nil
}

// FilesDir checks a folder into which a command writes files of its own
// (schema --out) and returns its real path: never a system folder, the
// repository or a folder holding it, .git or a kind folder. The folder is
// created when missing, but its parent must exist outside the repository.
func (g *Guard) FilesDir(dir string) (string, error) {
	p, err := Resolve(dir)
	if err != nil {
		return "", err
	}
	if why := g.system(p); why != "" {
		return "", g.refuseSystem(dir, why)
	}
	if g.repo != "" && within(g.repo, p) {
		return "", refuse("%s contient le dépôt des registres : choisissez un sous-dossier dédié (p. ex. .registre/schemas)", dir)
	}
	if w := g.protectedIn(p); w != "" {
		return "", refuse("%s est %s (ou s'y trouve) : registre n'y écrit pas ; choisissez un autre dossier", dir, w)
	}
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		return "", refuse("%s existe et n'est pas un dossier", dir)
	}
	if err := g.parentReady(dir, p); err != nil {
		return "", err
	}
	return p, nil
}

// RepoDir checks the folder of a repository that `registre init` creates or
// completes and returns its real path: never a system folder other than the
// user's home, never inside another repository's .git or kind folder.
func RepoDir(dir string) (string, error) {
	p, err := Resolve(dir)
	if err != nil {
		return "", err
	}
	g, _ := NewGuard("")
	g.home = "" // a register repository in $HOME itself only adds files
	if why := g.system(p); why != "" {
		return "", refuse("%s est %s : registre n'y crée pas de dépôt ; choisissez un dossier dédié (p. ex. registres)", dir, why)
	}
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		return "", refuse("%s existe et n'est pas un dossier", dir)
	}
	return p, nil
}

// MkdirFiles checks dir with FilesDir, creates it if needed and returns its real path.
func (g *Guard) MkdirFiles(dir string) (string, error) {
	p, err := g.FilesDir(dir)
	if err != nil {
		return "", err
	}
	return p, g.mkdirAll(dir, p)
}

// WriteFile checks name with RepoFile, then replaces it atomically with data.
func (g *Guard) WriteFile(name string, data []byte) error {
	p, err := g.RepoFile(name)
	if err != nil {
		return err
	}
	return WriteFile(p, data)
}

// WriteReport checks name with ReportFile, then replaces it atomically with data.
func (g *Guard) WriteReport(name string, data []byte) error {
	p, err := g.ReportFile(name)
	if err != nil {
		return err
	}
	if err := g.mkdirAll(filepath.Dir(name), filepath.Dir(p)); err != nil {
		return err
	}
	return WriteFile(p, data)
}

// CreateFile checks name with RepoFile, then creates it with data, never
// replacing anything already there (even a broken link): it reports false
// when something exists.
func (g *Guard) CreateFile(name string, data []byte) (bool, error) {
	if _, err := os.Lstat(name); err == nil {
		return false, nil
	}
	p, err := g.RepoFile(name)
	if err != nil {
		return false, err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return false, oserr.Explain(err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, oserr.Explain(err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		_ = os.Remove(p)
		return false, oserr.Explain(err)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(p)
		return false, oserr.Explain(err)
	}
	return true, nil
}
