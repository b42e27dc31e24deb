package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/registre-qc/registre/pkg/cli"
	"github.com/registre-qc/registre/pkg/cmdutil"
)

// TestGenerate builds the reference twice: one page and one man page per
// command, French headings, no cobra stamp, same bytes, stale pages removed.
func TestGenerate(t *testing.T) {
	date := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	a, b := t.TempDir(), t.TempDir()
	stale := filepath.Join(a, "reference", "registre_disparue.md")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{a, b} {
		if err := Generate(cli.NewRoot(cmdutil.Default("")), dir, date); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale page kept: %v", err)
	}
	root := cli.NewRoot(cmdutil.Default(""))
	for _, c := range append(root.Commands(), root) {
		if !c.IsAvailableCommand() && c != root {
			continue
		}
		md := filepath.Join("reference", strings.ReplaceAll(c.CommandPath(), " ", "_")+".md")
		man := filepath.Join("man", strings.ReplaceAll(c.CommandPath(), " ", "-")+".1")
		for _, rel := range []string{md, man} {
			x, err := os.ReadFile(filepath.Join(a, rel))
			if err != nil {
				t.Fatal(err)
			}
			y, _ := os.ReadFile(filepath.Join(b, rel))
			if !bytes.Equal(x, y) {
				t.Errorf("%s differs between two runs", rel)
			}
			for _, english := range []string{"SEE ALSO", "Synopsis", "Auto generated", "inherited from parent", "[flags]", "Jan 2026"} {
				if bytes.Contains(x, []byte(english)) {
					t.Errorf("%s contains %q", rel, english)
				}
			}
		}
		page, _ := os.ReadFile(filepath.Join(a, md))
		if !bytes.HasPrefix(page, []byte("## "+c.CommandPath()+"\n\n"+c.Short+"\n")) {
			t.Errorf("%s starts with %q", md, page[:min(len(page), 80)])
		}
		manPage, _ := os.ReadFile(filepath.Join(a, man))
		if !bytes.Contains(manPage, []byte(`"1" "janvier 2026" "registre" "Manuel de registre"`)) || !bytes.Contains(manPage, []byte(".SH NOM")) {
			t.Errorf("%s header:\n%s", man, manPage[:min(len(manPage), 200)])
		}
	}
}
