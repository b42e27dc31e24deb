package newcmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
)

func TestNewCmd(t *testing.T) {
	tests := []struct {
		args          []string
		kind, dir, id string
		err           bool
	}{
		{[]string{"communications"}, "communications", ".", "", false},
		{[]string{"COM", "registres"}, "COM", "registres", "", false},
		{[]string{"incidents", "--id", "INC-2026-001"}, "incidents", ".", "INC-2026-001", false},
		{nil, "", "", "", true},
		{[]string{"a", "b", "c"}, "", "", "", true},
	}
	for _, tt := range tests {
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
		if err == nil && (got.Kind != tt.kind || got.Dir != tt.dir || got.ID != tt.id) {
			t.Errorf("%v: %+v", tt.args, got)
		}
	}
}

func runNew(t *testing.T, dir, kind, id string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" },
		Now: func() time.Time { return time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC) }}
	err := Run(&Options{IO: ios, Factory: f, Kind: kind, Dir: dir, ID: id})
	return out.String(), errOut.String(), err
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "communications", "2025", "COM-0007.yaml"), "id: COM-0007\n")
	mustWrite(t, filepath.Join(dir, "communications", ".brouillon", "COM-0099.yaml"), "id: COM-0099\n")

	out, _, err := runNew(t, dir, "communications", "")
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "communications", "COM-0008.yaml")
	if out != want+"\n" {
		t.Fatalf("stdout %q, want %q", out, want)
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"id: COM-0008\n", "date_inscription: 2026-01-15\n",
		"# yaml-language-server: $schema=https://registre-qc.github.io/registre/schemas/communications.schema.json\n"} {
		if !strings.Contains(string(data), s) {
			t.Errorf("%q missing from\n%s", s, data)
		}
	}

	// Usage errors (exit 2), nothing written.
	for _, tt := range []struct{ kind, id, msg string }{
		{"communications", "COM-0007", "l'inscription COM-0007 existe déjà"},
		{"communications", "COM-0008", "l'inscription COM-0008 existe déjà"},
		{"communications", "INC-0001", "identifiant invalide"},
		{"bidule", "", "registre inconnu"},
	} {
		_, _, err := runNew(t, dir, tt.kind, tt.id)
		var ue *cmdutil.UsageError
		if !errors.As(err, &ue) || !strings.Contains(ue.Msg, tt.msg) {
			t.Errorf("%s --id %s: err = %v, want %q", tt.kind, tt.id, err, tt.msg)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "communications", "2025", "COM-0007.yaml")); string(b) != "id: COM-0007\n" {
		t.Errorf("COM-0007 overwritten: %q", b)
	}

	// With the schemas of registre init, the schema line is relative.
	mustWrite(t, filepath.Join(dir, ".registre", "schemas", "incidents.schema.json"), "{}")
	if _, _, err := runNew(t, dir, "INC", ""); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(filepath.Join(dir, "incidents", "INC-0001.yaml"))
	if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=../.registre/schemas/incidents.schema.json\n") {
		t.Errorf("schema line:\n%s", data)
	}
}

func mustWrite(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
