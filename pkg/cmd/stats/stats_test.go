package stats

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
)

func TestNewCmd(t *testing.T) {
	for _, tc := range []struct {
		args string
		want Options
		err  bool
	}{
		{args: "", want: Options{Dir: ".", Format: "table"}},
		{args: "reg --annee 2025 -f csv", want: Options{Dir: "reg", Format: "csv", Year: "2025"}},
		{args: "a b", err: true},
	} {
		t.Run(tc.args, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *Options
			cmd := NewCmd(&cmdutil.Factory{IO: ios, Now: time.Now}, func(o *Options) error { got = o; return nil })
			cmd.SetArgs(strings.Fields(tc.args))
			cmd.SetOut(ios.Out)
			cmd.SetErr(ios.ErrOut)
			err := cmd.Execute()
			if tc.err {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.IO = nil
			if !reflect.DeepEqual(*got, tc.want) {
				t.Errorf("got %+v\nwant %+v", *got, tc.want)
			}
		})
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	for p, c := range map[string]string{
		"registre.yaml":                     "organisme: {nom: X, secteur: public}\n",
		"communications/COM-0001.yaml":      "id: COM-0001\nhors_quebec: true\ndate_inscription: 2025-01-01\n",
		"communications/COM-0002.yaml":      "id: [\n",
		"communications/COM-0003.yaml":      "id: COM-0003\n",
		"communications/2025/COM-0003.yaml": "id: COM-0003\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ios, _, out, errOut := iostreams.Test()
	if err := Run(&Options{IO: ios, Dir: dir, Format: "csv"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "inscriptions,communications,,2\n") || !strings.Contains(out.String(), "fichiers_illisibles,,,2\n") {
		t.Errorf("stdout:\n%s", out)
	}
	if !strings.Contains(errOut.String(), "2 fichier(s) illisible(s)") {
		t.Errorf("stderr: %s", errOut)
	}
	for _, o := range []Options{
		{IO: ios, Dir: dir, Format: "xml"},
		{IO: ios, Dir: dir, Format: "table", Year: "25"},
		{IO: ios, Dir: filepath.Join(dir, "nulle"), Format: "table"},
	} {
		var ue *cmdutil.UsageError
		if err := Run(&o); !errors.As(err, &ue) {
			t.Errorf("%+v: err = %v, want a usage error", o, err)
		}
	}
}
