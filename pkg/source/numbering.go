package source

import (
	"fmt"
	"path/filepath"

	"github.com/registre-qc/registre/pkg/gitutil"
	"github.com/registre-qc/registre/pkg/model"
)

// Numbering is the one place `registre new` and `registre import` get their
// ids from. It returns the files of kind k in the repository at dir (id →
// slash path, KindIDs) and the id sequence that continues the
// repository's numbering without ever handing out an id that existed: the ids
// of the working tree and, inside a git work tree, every id a file of the
// kind's folder had in any commit of any branch (git log --all). A deleted
// COM-0004 is therefore never reused, and `registre diff` never shows two
// different communications as one. Outside git, only the working tree counts.
func Numbering(dir string, k *model.Kind) (*model.IDSequence, map[string]string, error) {
	current, err := KindIDs(dir, k)
	if err != nil {
		return nil, nil, fmt.Errorf("impossible de parcourir le dossier %s : %v", filepath.Join(dir, k.Name), err)
	}
	past, err := gitutil.HistoryIDs(dir, k.Name)
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
