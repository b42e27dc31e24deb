package fmtcmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/registre-qc/registre/internal/benchgen"
	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
)

func TestNewCmd(t *testing.T) {
	tests := []struct {
		args  []string
		dir   string
		check bool
		err   bool
	}{
		{nil, ".", false, false},
		{[]string{"registres"}, "registres", false, false},
		{[]string{"--check"}, ".", true, false},
		{[]string{"x", "--check"}, "x", true, false},
		{[]string{"a", "b"}, "", false, true},
	}
	for _, tt := range tests {
		ios, _, _, _ := iostreams.Test()
		var got *Options
		cmd := NewCmd(&cmdutil.Factory{IO: ios, Now: time.Now}, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(&bytes.Buffer{})
		cmd.SetErr(&bytes.Buffer{})
		err := cmd.Execute()
		if (err != nil) != tt.err {
			t.Fatalf("%v: err = %v", tt.args, err)
		}
		if err == nil && (got.Dir != tt.dir || got.Check != tt.check) {
			t.Errorf("%v: dir %q check %v", tt.args, got.Dir, got.Check)
		}
	}
}

const (
	canonical = "id: COM-0001\nunite: Direction\n"
	messy     = "unite: \"Direction\"\nid: COM-0002\nappui_legal: [a, b]\n"
	tidy      = "id: COM-0002\nunite: Direction\nappui_legal:\n  - a\n  - b\n"
	broken    = "id: COM-0003\nfins: a: b\n"
	config    = "organisme: {nom: X, secteur: public}\n"
)

func writeRepo(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"registre.yaml":                      config,
		"communications/COM-0001.yaml":       canonical,
		"communications/2025/COM-0002.yaml":  messy,
		"communications/COM-0003.yaml":       broken,
		"communications/README.md":           "pas une inscription\n",
		"communications/autre/COM-0001.yaml": messy, // duplicate id: still formatted
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(dir, "communications/2025/COM-0002.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRunCheck(t *testing.T) {
	dir := writeRepo(t)
	ios, _, out, errOut := iostreams.Test()
	err := Run(&Options{IO: ios, Dir: dir, Check: true})
	var fe *cmdutil.FindingsError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want a FindingsError (exit 1)", err)
	}
	if got, want := out.String(), "communications/2025/COM-0002.yaml\ncommunications/autre/COM-0001.yaml\n"; got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
	want := "communications/COM-0003.yaml:2: syntaxe YAML invalide : « : » dans une valeur sans guillemets : mettez la valeur entre guillemets, p. ex. fins: \"Administration du régime : volet 2\" (YAML-001)\n" +
		"2 fichiers à reformater : lancez « registre fmt »\n"
	if errOut.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
	}
	if read(t, dir, "communications/2025/COM-0002.yaml") != messy || read(t, dir, "communications/COM-0003.yaml") != broken {
		t.Error("--check wrote a file")
	}
}

func TestRunWrite(t *testing.T) {
	dir := writeRepo(t)
	ios, _, out, errOut := iostreams.Test()
	err := Run(&Options{IO: ios, Dir: dir})
	var fe *cmdutil.FindingsError
	if !errors.As(err, &fe) || fe.Msg != "1 fichier illisible laissé tel quel" {
		t.Fatalf("err = %#v", err)
	}
	if out.Len() != 0 {
		t.Errorf("stdout: %q", out)
	}
	if want := "communications/COM-0003.yaml:2: syntaxe YAML invalide : « : » dans une valeur sans guillemets : mettez la valeur entre guillemets, p. ex. fins: \"Administration du régime : volet 2\" (YAML-001)\n2 fichiers reformatés\n"; errOut.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
	}
	for name, want := range map[string]string{
		"communications/COM-0001.yaml":       canonical,
		"communications/2025/COM-0002.yaml":  "id: COM-0002\nunite: Direction\nappui_legal:\n  - a\n  - b\n",
		"communications/autre/COM-0001.yaml": tidy,
		"communications/COM-0003.yaml":       broken,
		"registre.yaml":                      config,
	} {
		if got := read(t, dir, name); got != want {
			t.Errorf("%s:\n%s\nwant:\n%s", name, got, want)
		}
	}
	st, err := os.Stat(filepath.Join(dir, "communications/2025/COM-0002.yaml"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("mode not kept: %v %v", st.Mode(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "communications", "*", ".registre-fmt-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// Fix the broken file: the next run is clean and writes nothing.
	if err := os.WriteFile(filepath.Join(dir, "communications/COM-0003.yaml"), []byte("id: COM-0003\nfins: 'a: b'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut = iostreams.Test()
	if err := Run(&Options{IO: ios, Dir: dir, Check: true}); err != nil {
		t.Fatalf("check after fmt: %v\n%s%s", err, out, errOut)
	}
	if out.Len() != 0 || errOut.Len() != 0 {
		t.Errorf("check after fmt: %q %q", out, errOut)
	}
	ios, _, _, errOut = iostreams.Test()
	if err := Run(&Options{IO: ios, Dir: dir}); err != nil || errOut.String() != "0 fichier reformaté\n" {
		t.Errorf("second fmt: %v %q", err, errOut)
	}
}

func TestRunMissingFolder(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	err := Run(&Options{IO: ios, Dir: filepath.Join(t.TempDir(), "absent")})
	var ue *cmdutil.UsageError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v, want a UsageError (exit 2)", err)
	}
}

// BenchmarkFormatCheck10000 runs `registre fmt --check` on 10,000 canonical
// communications with 100 to 1,500 characters of French text per field, on
// every core (go test -cpu 2 for the 2-core goal: under 1 s).
func BenchmarkFormatCheck1000(b *testing.B) { benchCheck(b, 1000) }

func BenchmarkFormatCheck10000(b *testing.B) { benchCheck(b, 10000) }

func benchCheck(b *testing.B, n int) {
	dir := b.TempDir()
	if err := benchgen.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	if err := Run(&Options{IO: ios, Dir: dir}); err != nil { // make the repository canonical first
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		ios, _, out, _ := iostreams.Test()
		if err := Run(&Options{IO: ios, Dir: dir, Check: true}); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
}
