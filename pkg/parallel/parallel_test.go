package parallel

import (
	"sync/atomic"
	"testing"
)

func TestFor(t *testing.T) {
	for _, c := range []struct{ n, workers int }{{0, 4}, {1, 4}, {5, 1}, {100, 3}, {7, 0}, {3, 10}} {
		calls := make([]atomic.Int32, c.n)
		var badW atomic.Bool
		nw := Workers(c.n, c.workers)
		For(c.n, c.workers, func(w, i int) {
			if w < 0 || w >= nw {
				badW.Store(true)
			}
			calls[i].Add(1)
		})
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Errorf("n=%d workers=%d: item %d called %d times", c.n, c.workers, i, got)
			}
		}
		if badW.Load() {
			t.Errorf("n=%d workers=%d: worker index out of [0, %d)", c.n, c.workers, nw)
		}
	}
}
