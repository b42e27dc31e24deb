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
	for _, f := range res.Findings {
		t.Errorf("lint after init: %s %s %s", f.Location(), f.Rule, f.Message)
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
