package model

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

// Lean entries.
//
// `registre lint` runs the rules that read one entry as each file is decoded,
// then drops the texts of published entries (Compact) so that a repository of
// tens of thousands of entries is checked in little memory; the rules that
// read other entries (cross rules) run once everything is loaded. A cross
// rule may still read any key of any entry: every accessor of Entry (Value,
// Str, Has, Map, At…) notices a key that Compact dropped and decodes the file
// again, once, to answer with the true value. Dropping texts is thus a
// question of speed only, never of findings: a rule cannot lose a finding in
// `registre lint` because it reads a text. (pkg/lint counts such rereads;
// its tests require none on the bundled example and the rule fixtures, so
// that a slow rule is noticed.)
//
// The file is decoded again only if its bytes are those first read (the
// loader's sum); otherwise the entry records an error that lint reports.

type leanState struct {
	dropped []string // the top-level keys Compact dropped (few: searched linearly)
	clean   bool     // confidentialityClean(e), taken while the entry was whole (Publishable)
	once    sync.Once
	done    atomic.Bool // set once whole or err is
	whole   *Entry
	err     error
}

// SetReread gives e the function that decodes its file again: without it,
// Compact leaves e whole. The loader sets it when asked (source.Options.Reread).
func (e *Entry) SetReread(f func() (*Entry, error)) { e.reread = f }

// Compact drops the values of e whose top-level key keep does not hold, and
// the positions below the top level of the dropped keys. The accessors
// still answer for every key: a dropped one is read again from the file.
// Compact does nothing on an entry the loader did not make (no SetReread) or
// already compact. It must be called before e is shared between goroutines.
func (e *Entry) Compact(keep map[string]bool) {
	if e.reread == nil || e.lean != nil {
		return
	}
	st := &leanState{clean: confidentialityClean(e)}
	n := 0
	for k := range e.Values {
		if keep[k] {
			n++
		} else {
			st.dropped = append(st.dropped, k)
		}
	}
	if len(st.dropped) == 0 {
		return
	}
	small := make(map[string]any, n)
	for k, v := range e.Values {
		if keep[k] {
			small[k] = v
		}
	}
	e.Values = small
	e.Positions.Keep(func(path string) bool {
		top, _, nested := strings.Cut(path, "/")
		return !nested || !st.isDropped(top)
	})
	e.lean = st
}

// Lean reports whether Compact dropped values of e. (Rules never ask:
// pkg/rule's TestRulesUseAccessors forbids it, so that a rule behaves the
// same whatever the mode.)
func (e *Entry) Lean() bool { return e != nil && e.lean != nil }

// Whole returns e with all its values: e itself unless Compact dropped some,
// else the entry decoded again from its file (once; safe for concurrent
// use). When the file cannot be read again or has changed, Whole returns e
// and Reread tells why.
func (e *Entry) Whole() *Entry {
	if e == nil || e.lean == nil {
		return e
	}
	st := e.lean
	st.once.Do(func() {
		w, err := e.reread()
		switch {
		case err != nil:
			st.err = err
		case w == nil:
			st.err = fmt.Errorf("%s : le fichier ne se relit plus", e.Path)
		default:
			w.Kind, w.Damaged = e.Kind, e.Damaged
			st.whole = w
		}
		st.done.Store(true)
	})
	if st.whole == nil {
		return e
	}
	return st.whole
}

// Reread tells whether the file of a compact entry was read again (because a
// dropped key was asked for) and the error, if that failed.
func (e *Entry) Reread() (done bool, err error) {
	if e == nil || e.lean == nil {
		return false, nil
	}
	st := e.lean
	if !st.done.Load() {
		return false, nil
	}
	return true, st.err
}

// lookup returns the value of a top-level key and whether it is present.
func (e *Entry) lookup(key string) (any, bool) {
	v, ok := e.Values[key]
	if ok || e.lean == nil || !e.lean.isDropped(key) {
		return v, ok
	}
	w := e.Whole()
	if w == e {
		return nil, false // the file could not be read again: Reread says why
	}
	v, ok = w.Values[key]
	return v, ok
}

// isDropped reports whether Compact dropped the top-level key.
func (l *leanState) isDropped(key string) bool {
	for _, k := range l.dropped {
		if k == key {
			return true
		}
	}
	return false
}

// hasPos reports whether the compact positions of e answer for path exactly
// as the whole entry's would: Compact keeps the positions of every top-level
// key, and all those of the keys it keeps.
func (l *leanState) hasPos(path string) bool {
	top, _, nested := strings.Cut(path, "/")
	return !nested || !l.isDropped(top)
}
