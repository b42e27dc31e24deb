package cmdutil

import (
	"errors"
	"testing"
	"time"
)

// TestTodayMontreal: the day is the Québec calendar day, whatever the
// machine's zone (03:00 UTC on 5 December is still 4 December in Montréal).
func TestTodayMontreal(t *testing.T) {
	cases := []struct {
		now  time.Time
		env  string
		flag string
		want string
	}{
		{time.Date(2026, 12, 5, 3, 0, 0, 0, time.UTC), "", "", "2026-12-04"},
		{time.Date(2026, 12, 5, 6, 0, 0, 0, time.UTC), "", "", "2026-12-05"},
		{time.Date(2026, 7, 1, 3, 30, 0, 0, time.UTC), "", "", "2026-06-30"}, // daylight time: UTC−4
		{time.Date(2026, 12, 5, 3, 0, 0, 0, time.UTC), "2026-01-15", "", "2026-01-15"},
		{time.Date(2026, 12, 5, 3, 0, 0, 0, time.UTC), "2026-01-15", "2025-02-01", "2025-02-01"},
	}
	for _, c := range cases {
		f := &Factory{Now: func() time.Time { return c.now }, Getenv: func(k string) string {
			if k == "REGISTRE_DATE" {
				return c.env
			}
			return ""
		}}
		got, err := f.Today(c.flag)
		if err != nil || got != c.want {
			t.Errorf("Today(%q) at %s with REGISTRE_DATE=%q = %q, %v; want %q", c.flag, c.now, c.env, got, err, c.want)
		}
	}
	f := &Factory{Now: time.Now, Getenv: func(string) string { return "" }}
	if _, err := f.Today("2026-02-30"); err == nil {
		t.Error("Today accepted 2026-02-30")
	}
}

func TestChoice(t *testing.T) {
	aliases := map[string]string{"md": "markdown"}
	allowed := []string{"text", "markdown", "json"}
	for _, c := range []struct{ got, want, err string }{
		{got: "json", want: "json"},
		{got: " JSON ", want: "json"},
		{got: "md", want: "markdown"},
		{got: "jsno", err: `--format invalide : "jsno" ; vouliez-vous dire json ? (valeurs possibles : text, markdown ou json)`},
		{got: "xml", err: `--format invalide : "xml" (valeurs possibles : text, markdown ou json)`},
	} {
		got, err := ChoiceAliases("format", c.got, allowed, aliases)
		var ue *UsageError
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("ChoiceAliases(%q) = %q, %v; want %q", c.got, got, err, c.want)
		case c.err != "" && (!errors.As(err, &ue) || err.Error() != c.err):
			t.Errorf("ChoiceAliases(%q) error = %v; want usage error %q", c.got, err, c.err)
		}
	}
	if _, err := Choice("format", "md", allowed); err == nil {
		t.Errorf("Choice accepts an alias it was not given")
	}
	if got := JoinOr([]string{"a"}); got != "a" {
		t.Errorf("JoinOr(a) = %q", got)
	}
}
