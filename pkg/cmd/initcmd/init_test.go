package initcmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/lint"
	"github.com/registre-qc/registre/pkg/scaffold"
)

func TestNewCmd(t *testing.T) {
	for _, tt := range []struct {
		args []string
		dir  string
		err  bool
	}{
		{nil, ".", false},
		{[]string{"registres"}, "registres", false},
		{[]string{"a", "b"}, "", true},
	} {
		ios, _, _, _ := iostreams.Test()
		var got *Options
		cmd := NewCmd(&cmdutil.Factory{IO: ios}, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(&bytes.Buffer{})
		cmd.SetErr(&bytes.Buffer{})
		err := cmd.Execute()
		if (err != nil) != tt.err {
			t.Fatalf("%v: err = %v", tt.args, err)
		}
		if err == nil && got.Dir != tt.dir {
			t.Errorf("%v: dir %q", tt.args, got.Dir)
		}
	}
}

func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "depot")
	files, err := scaffold.Repository()
	if err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	if err := Run(&Options{IO: ios, Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "créé      "); n != len(files) {
		t.Errorf("%d created, want %d:\n%s", n, len(files), out)
	}
	if !strings.Contains(errOut.String(), "git init") {
		t.Errorf("stderr: %s", errOut)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil || !bytes.Equal(b, f.Data) {
			t.Errorf("%s: %v", f.Path, err)
		}
	}
	res, err := lint.Run(dir, lint.Options{Today: "2026-01-15"})
	if err != nil {
		t.Fatal(err)
	}
	// Only the placeholder to replace is reported (PUB-010, which blocks a build).
	for _, f := range res.Findings {
		if f.Rule != "PUB-010" {
			t.Errorf("lint after init: %s %s %s", f.Location(), f.Rule, f.Message)
		}
	}
	if len(res.Findings) != 1 {
		t.Errorf("lint after init: %d findings, want 1 (PUB-010)", len(res.Findings))
	}

	// Second run: everything kept, an edited file untouched.
	edited := []byte("organisme: {nom: Essai, secteur: prive}\n")
	if err := os.WriteFile(filepath.Join(dir, "registre.yaml"), edited, 0o600); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut = iostreams.Test()
	if err := Run(&Options{IO: ios, Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "créé") || strings.Count(out.String(), "conservé  ") != len(files) {
		t.Errorf("second run:\n%s", out)
	}
	if !strings.Contains(errOut.String(), "0 fichier créé") {
		t.Errorf("stderr: %s", errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "registre.yaml")); !bytes.Equal(b, edited) {
		t.Errorf("registre.yaml overwritten")
	}
}

// TestPin: the CI and pre-commit files install a release, never a branch or @latest.
func TestPin(t *testing.T) {
	for _, c := range []struct{ version, want string }{
		{"0.2.0", "v0.2.0"}, {"v1.4.2", "v1.4.2"},
		{"", scaffold.Release}, {"0.1.0-dev", scaffold.Release}, {"v0.1.0-3-gabcdef-dirty", scaffold.Release},
	} {
		files, err := scaffold.RepositoryFor(c.version)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			s := string(f.Data)
			switch f.Path {
			case ".pre-commit-config.yaml":
				if !strings.Contains(s, "rev: "+c.want+"\n") || strings.Contains(s, "rev: main") {
					t.Errorf("%s, version %q: want rev: %s\n%s", f.Path, c.version, c.want, s)
				}
			case ".github/workflows/registre.yml", ".gitlab-ci.yml":
				if strings.Count(s, "cmd/registre@"+c.want+"\n") == 0 || strings.Contains(s, "@latest") {
					t.Errorf("%s, version %q: want @%s", f.Path, c.version, c.want)
				}
			}
			if strings.Contains(s, "[[") {
				t.Errorf("%s: template left unexpanded", f.Path)
			}
		}
	}
}

func TestRunNotAFolder(t *testing.T) {
	name := filepath.Join(t.TempDir(), "fichier")
	if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	var ue *cmdutil.UsageError
	if err := Run(&Options{IO: ios, Dir: name}); !errors.As(err, &ue) {
		t.Fatalf("err = %v, want a UsageError", err)
	}
}
