package main

import (
	"bytes"
	"fmt"
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
			for _, english := range []string{"SEE ALSO", "Synopsis", "Auto generated", "inherited from parent", "[flags]", "Jan 2026", "stringArray", "(default", " string ", "Usage:", "Flags:"} {
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

// TestDocsCurrent: docs/reference and docs/man are what `make docs` writes
// for the current commands (the man date is read from the committed pages).
func TestDocsCurrent(t *testing.T) {
	committed := filepath.Join("..", "..", "docs")
	head, err := os.ReadFile(filepath.Join(committed, "man", "registre.1"))
	if err != nil {
		t.Fatal(err)
	}
	date := time.Unix(0, 0).UTC()
	for i, m := range frenchMonths {
		if idx := bytes.Index(head, []byte(`"`+m+" ")); idx >= 0 {
			var y int
			if _, err := fmt.Sscanf(string(head[idx+len(m)+2:]), "%d", &y); err == nil {
				date = time.Date(y, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC)
			}
		}
	}
	dir := t.TempDir()
	if err := Generate(cli.NewRoot(cmdutil.Default("")), dir, date); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"reference", "man"} {
		files, _ := filepath.Glob(filepath.Join(dir, sub, "*"))
		old, _ := filepath.Glob(filepath.Join(committed, sub, "registre*"))
		if len(files) != len(old) {
			t.Errorf("docs/%s: %d pages committed, %d generated: run make docs", sub, len(old), len(files))
		}
		for _, f := range files {
			want, _ := os.ReadFile(f)
			got, err := os.ReadFile(filepath.Join(committed, sub, filepath.Base(f)))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("docs/%s/%s is stale: run make docs", sub, filepath.Base(f))
			}
		}
	}
}
