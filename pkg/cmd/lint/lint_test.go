package lint

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
		Dir                                 string
		Files, Formats                      []string
		FailLevel, ChangedSince, Date, AsOf string
		ShowSuppressed                      bool
	}
	for _, tc := range []struct {
		args string
		want view
		err  bool
	}{
		{args: "", want: view{Dir: "."}},
		{args: ". -f text -f sarif=l.sarif --fail-level warning --changed-since main --date 2025-01-01 --as-of HEAD --show-suppressed",
			want: view{".", nil, []string{"text", "sarif=l.sarif"}, "warning", "main", "2025-01-01", "HEAD", true}},
		{args: "a.yaml b.yaml", want: view{Dir: "a.yaml", Files: []string{"a.yaml", "b.yaml"}}},
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
			if got := (view{o.Dir, o.Files, o.Formats, o.FailLevel, o.ChangedSince, o.Date, o.AsOf, o.ShowSuppressed}); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}
