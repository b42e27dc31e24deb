package rule

import "testing"

func TestLessID(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{{"COM-2", "COM-10", true}, {"COM-010", "COM-002", false}, {"COL-003", "COM-001", true}, {"EFVP-001", "EFVP-001", false}} {
		if got := lessID(c.a, c.b); got != c.want {
			t.Errorf("lessID(%s, %s) = %v", c.a, c.b, got)
		}
	}
}
