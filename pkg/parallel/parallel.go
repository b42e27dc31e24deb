// Package parallel is the one worker pool of registre: run a function over
// the indexes 0…n-1 on a few goroutines. Callers write results into slots of
// their own slice, by index, so the result keeps the input's order whatever
// the scheduling.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(w, i) once for every i in [0, n), on at most workers
// goroutines (GOMAXPROCS when workers <= 0), and returns when every call has
// returned. w in [0, workers) names the goroutine making the call, for
// per-worker state; indexes are handed out one at a time, so a slow item does
// not hold up the others.
func For(n, workers int, fn func(w, i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			fn(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(w, i)
			}
		}()
	}
	wg.Wait()
}

// Workers is the number of goroutines For uses for workers (GOMAXPROCS when
// workers <= 0) and n items: the size of a per-worker slice.
func Workers(n, workers int) int {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return max(1, min(workers, n))
}
