package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
)

// TestConcurrentBuilds runs several `registre build` into the same folder at
// once: each waits for the folder's lock, all succeed, the folder holds one
// whole edition and no temporary folder nor lock is left beside it.
func TestConcurrentBuilds(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	repo := filepath.Join(dir, "repo")
	if err := os.MkdirAll(filepath.Join(repo, "communications"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(repo, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("registre.yaml", "organisme: {nom: Organisme d'essai, secteur: public}\n")
	write("communications/COM-0001.yaml", `id: COM-0001
destinataire: Retraite Québec
renseignements: Nom et numéro de dossier
fins: Administration du régime
raisons: Obligation légale
appui_legal: ["Article 67 de la Loi sur l'accès"]
hors_quebec: false
`)
	out := filepath.Join(dir, "site")
	const n = 4
	var wg sync.WaitGroup
	codes := make([]int, n)
	stderr := make([]string, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			io, _, _, errOut := iostreams.Test()
			f := &cmdutil.Factory{IO: io, Now: time.Now, Version: "test", Getenv: func(k string) string {
				return map[string]string{"SOURCE_DATE_EPOCH": "1768435200", "REGISTRE_DATE": "2026-01-15"}[k]
			}}
			codes[i] = Run(f, []string{"build", repo, "--out", out, "--sans-pdf"})
			stderr[i] = errOut.String()
		}()
	}
	wg.Wait()
	for i := range n {
		if codes[i] != 0 || !strings.Contains(stderr[i], "Site écrit dans") {
			t.Errorf("build %d: exit %d\n%s", i, codes[i], stderr[i])
		}
	}
	sums, err := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
	if err != nil || !strings.Contains(string(sums), "index.html") {
		t.Fatalf("no whole edition: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if fmt.Sprint(names) != "[repo site]" {
		t.Fatalf("left beside the output: %v", names)
	}
}
