package gitutil

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

// Numbering is the one place `registre new` and `registre import` get their
// ids from. It returns the files of kind k in the repository at dir (id →
// slash path, source.KindIDs) and the id sequence that continues the
// repository's numbering without ever handing out an id that existed: the ids
// of the working tree and, inside a git work tree, every id a file of the
// kind's folder had in any commit of any branch (git log --all). A deleted
// COM-0004 is therefore never reused, and `registre diff` never shows two
// different communications as one. Outside git, only the working tree counts.
func Numbering(dir string, k *model.Kind) (*model.IDSequence, map[string]string, error) {
	current, err := source.KindIDs(dir, k)
	if err != nil {
		return nil, nil, fmt.Errorf("impossible de parcourir le dossier %s : %v", filepath.Join(dir, k.Name), err)
	}
	past, err := HistoryIDs(dir, k.Name)
	if err != nil {
		return nil, nil, err
	}
	all := model.SortedKeys(current)
	for _, id := range past {
		if _, ok := current[id]; !ok {
			all = append(all, id)
		}
	}
	return model.NewIDSequence(k, all), current, nil
}

// HistoryIDs returns the stems of every .yaml or .yml file that was ever
// committed under folder (relative to dir) in any ref of the git repository
// holding dir; nil outside a git work tree or before the first commit.
func HistoryIDs(dir, folder string) ([]string, error) {
	if !IsRepo(dir) {
		return nil, nil
	}
	if _, err := Run(dir, "rev-parse", "--verify", "--quiet", "HEAD"); err != nil {
		if out, _ := Run(dir, "for-each-ref", "--count=1"); strings.TrimSpace(out) == "" {
			return nil, nil // no commit yet
		}
	}
	out, err := Run(dir, "log", "--all", "--format=", "--name-only", "--no-renames", "--relative", "-z", "--", folder)
	if err != nil {
		return nil, fmt.Errorf("lecture de l'historique git de %s impossible (%v) ; les identifiants déjà utilisés ne peuvent pas être vérifiés", filepath.Join(dir, folder), err)
	}
	seen := map[string]bool{}
	var ids []string
	for _, p := range strings.Split(out, "\x00") {
		p = strings.TrimSpace(p)
		base := path.Base(filepath.ToSlash(p))
		ext := strings.ToLower(path.Ext(base))
		if p == "" || ext != ".yaml" && ext != ".yml" {
			continue
		}
		if id := strings.TrimSuffix(base, path.Ext(base)); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}
