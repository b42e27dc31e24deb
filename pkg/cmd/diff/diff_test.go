package diff

import (
	"errors"
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
		{args: "", want: Options{From: "HEAD", Format: "text", Dir: "."}},
		{args: "v1", want: Options{From: "v1", Format: "text", Dir: "."}},
		{args: "v1 v2 --format markdown --dossier reg --public", want: Options{From: "v1", To: "v2", Format: "markdown", Dir: "reg", Public: true}},
		{args: "-C reg -f json", want: Options{From: "HEAD", Format: "json", Dir: "reg"}},
		{args: "a b c", err: true},
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

func TestRunUsage(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	for _, o := range []Options{
		{IO: ios, From: "HEAD", Format: "xml", Dir: "."},
		{IO: ios, From: "HEAD", Format: "text", Dir: t.TempDir() + "/nulle"},
		{IO: ios, From: "HEAD", Format: "text", Dir: t.TempDir()}, // not a git repository
	} {
		var ue *cmdutil.UsageError
		if err := Run(&o); !errors.As(err, &ue) {
			t.Errorf("%+v: err = %v, want a usage error", o, err)
		}
	}
}
