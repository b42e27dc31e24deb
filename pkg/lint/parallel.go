package lint

import (
	"runtime"
	"sync"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/schema"
)

// validateAll validates entries against their schemas on every core.
func validateAll(v *schema.Validator, entries []*model.Entry, workers int) []finding.Finding {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	parts := make([][]finding.Finding, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(entries); i += workers {
				parts[w] = append(parts[w], v.ValidateEntry(entries[i])...)
			}
		}(w)
	}
	wg.Wait()
	var out []finding.Finding
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
