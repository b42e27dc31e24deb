package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/model"
)

// itemPaths returns the key path of each line the parser saw: the non-empty
// items of the list (model.AsStrings drops the empty ones), or the key itself
// for a single value.
func itemPaths(e *model.Entry, key string) []string {
	switch v := e.Value(key).(type) {
	case []any:
		var out []string
		for j, x := range v {
			if model.AsString(x) != "" {
				out = append(out, model.PathOf(key, j))
			}
		}
		return out
	case nil:
		return nil
	}
	return []string{key}
}

// displayKey renders a key path as in the schema findings: personnes_acces[2].
func displayKey(path string) string { return model.DisplayPath(strings.Split(path, "/")) }
