package export

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
)

// parse runs the command line args through NewCmd and returns the Options
// the run would get (the run itself is replaced).
func parse(t *testing.T, args string) (*Options, error) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IO: ios, Version: "1.2.3",
		Now:    func() time.Time { return time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC) },
		Getenv: func(string) string { return "" }}
	var got *Options
	cmd := NewCmd(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(strings.Fields(args))
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	if err := cmd.Execute(); err != nil {
		return nil, err
	}
	if got == nil {
		t.Fatalf("%q: the run was not called", args)
	}
	return got, nil
}

func TestParse(t *testing.T) {
	type view struct {
		Kind, Dir, Format, Profile, Audience string
		Force                                bool
	}
	for _, tc := range []struct {
		args string
		want view
		err  bool
	}{
		{args: "communications", want: view{"communications", ".", "csv", "excel-fr", "public", false}},
		{args: "efvp reg -f json --profile rfc4180 --audience interne --force", want: view{"efvp", "reg", "json", "rfc4180", "interne", true}},
		{args: "", err: true},
		{args: "a b c", err: true},
	} {
		t.Run(tc.args, func(t *testing.T) {
			o, err := parse(t, tc.args)
			if tc.err {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := (view{o.Kind, o.Dir, o.Format, o.Profile, o.Audience, o.Force}); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}
