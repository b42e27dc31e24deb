package source

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/registre-qc/registre/pkg/model"
)

// FindRoot returns the register repository that holds the folder start, the
// way git finds its repository: start itself or the nearest parent folder
// holding registre.yaml (or registre.yml beside a register folder). When no parent has one, the
// nearest folder holding a register folder (inventaire, communications…) is
// taken: a repository may lack registre.yaml (REF-007) — but a parent only
// when start lies in one of its register folders or in a git work tree: a
// folder of documents named « communications » two levels up is no
// repository (registre new wrote its entries there, build its _site). The search follows
// symbolic links first, goes up to the root of the file system, and stops at
// the first folder holding .git (a git repository's top: registre never
// takes the settings of an unrelated folder above it).
//
// The folder is returned as the user would write it from the working
// directory: start itself, or start followed by "..", or, when a symbolic
// link makes ".." lead elsewhere, the absolute path. No repository found is
// an *Error (exit 2) explaining what a repository is.
func FindRoot(start string) (string, error) {
	if start == "" {
		start = "."
	}
	st, err := os.Stat(start)
	if err != nil {
		return "", &Error{fmt.Sprintf("dossier introuvable : %s", start)}
	}
	if !st.IsDir() {
		return "", &Error{fmt.Sprintf("%s n'est pas un dossier : indiquez le dossier du dépôt des registres", start)}
	}
	real, err := realDir(start)
	if err != nil {
		return "", &Error{fmt.Sprintf("impossible de lire %s : %s", start, osErrorFrench(err))}
	}
	found, up := "", 0
	for pass, has := range []func(string) bool{marksRoot, hasKindFolder} {
		dir, n := real, 0
		for {
			if has(dir) && (pass == 0 || n == 0 || kindFolderHolds(dir, real) || gitAtOrAbove(dir)) {
				found, up = dir, n
				break
			}
			if exists(filepath.Join(dir, ".git")) {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir, n = parent, n+1
		}
		if found != "" {
			break
		}
	}
	if found == "" {
		return "", notRepo(start)
	}
	if up == 0 {
		return filepath.Clean(start), nil
	}
	lexical := filepath.Join(append([]string{start}, repeat("..", up)...)...)
	if r, err := realDir(lexical); err == nil && r == found {
		return lexical, nil
	}
	return found, nil
}

func notRepo(dir string) error {
	return &Error{fmt.Sprintf("%s n'est pas un dépôt de registres, ni aucun de ses dossiers parents : il faut un fichier %s ou un dossier de registre (%s). Placez-vous dans le dépôt ou indiquez son dossier ; « registre init DOSSIER » en crée un",
		dir, model.ConfigFile, strings.Join(model.KindNames(), ", "))}
}

// kindFolderHolds reports whether p lies in one of the register folders of
// dir (communications/2025 in a repository without registre.yaml).
func kindFolderHolds(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	return model.KindByName(first) != nil
}

// gitAtOrAbove reports whether dir or a folder above it holds .git: dir is
// in a git work tree (the upward search stops at its top).
func gitAtOrAbove(dir string) bool {
	for {
		if exists(filepath.Join(dir, ".git")) {
			return true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

// IsRepo reports whether dir holds registre.yaml, registre.yml or a register folder.
func IsRepo(dir string) bool { return hasConfig(dir) || hasKindFolder(dir) }

// marksRoot reports whether dir is a repository's top for the upward
// search: registre.yaml, or registre.yml beside a register folder (a lone
// registre.yml is also the name of the GitHub workflow that init writes in
// .github/workflows).
func marksRoot(dir string) bool {
	return exists(filepath.Join(dir, model.ConfigFile)) || exists(filepath.Join(dir, configAlt)) && hasKindFolder(dir)
}

func hasConfig(dir string) bool {
	return exists(filepath.Join(dir, model.ConfigFile)) || exists(filepath.Join(dir, configAlt))
}

func hasKindFolder(dir string) bool {
	for _, k := range model.KindNames() {
		if st, err := os.Stat(filepath.Join(dir, k)); err == nil && st.IsDir() {
			return true
		}
	}
	return false
}

// exists reports whether p exists, whatever it is (a FIFO registre.yaml
// still marks a repository: the loader reports it).
func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// realDir is the absolute path of dir with every symbolic link resolved.
func realDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// within reports whether the resolved path p is root or inside it (both absolute, resolved).
func within(root, p string) bool {
	if p == root {
		return true
	}
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
