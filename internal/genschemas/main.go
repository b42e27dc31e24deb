// Command genschemas writes schemas/*.schema.json from the kind declarations
// of pkg/model (run by `make schemas`; pkg/schema's tests fail when the
// committed files differ from what it would write).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/registre-qc/registre/pkg/schema"
)

func main() {
	dir := "schemas"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	for name, data := range schema.All() {
		if err := os.WriteFile(filepath.Join(dir, schema.FileName(name)), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genschemas:", err)
			os.Exit(1)
		}
	}
}
