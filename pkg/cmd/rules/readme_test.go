package rules

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/rule"
)

var update = flag.Bool("update", false, "rewrite the rules table of README.md")

const (
	begin = "<!-- début des règles : généré par « registre rules --format markdown » ; un test vérifie qu'il est à jour -->\n"
	end   = "<!-- fin des règles -->"
)

// TestReadmeRules: the README lists every rule, exactly as `registre rules --format markdown` prints them.
func TestReadmeRules(t *testing.T) {
	path := filepath.Join("..", "..", "..", "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("README.md : marqueurs de la table des règles introuvables")
	}
	var b bytes.Buffer
	if err := Markdown(&b); err != nil {
		t.Fatal(err)
	}
	want := s[:i+len(begin)] + b.String() + s[j:]
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want != s {
		t.Errorf("la table des règles du README est périmée : go test ./pkg/cmd/rules -update")
	}
	for _, r := range rule.All() {
		if !strings.Contains(s, "`"+r.ID+"`") {
			t.Errorf("README : règle %s absente", r.ID)
		}
	}
}
