package gitutil

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// HistoryIDs returns the stems of every .yaml or .yml file that was ever
// committed under folder (relative to dir) in any ref of the git repository
// holding dir; nil outside a git work tree or before the first commit.
// source.Numbering reads it so that a deleted id is never handed out again.
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
