package rule

import (
	"strconv"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/model"
)

// utiBasis is the reading of the 65.1 citations of one use entry.
type utiBasis struct {
	cited bool         // 65.1 is cited
	path  string       // key path of the first appui_legal item citing 65.1
	pars  map[int]bool // valid paragraphs cited (1..4)
	bad   []string     // invalid paragraph texts
}

func (b utiBasis) only(ns ...int) bool {
	if len(b.pars) == 0 {
		return false
	}
	for n := range b.pars {
		ok := false
		for _, m := range ns {
			ok = ok || n == m
		}
		if !ok {
			return false
		}
	}
	return true
}

// utiBasisOf reads the paragraphs of 65.1 al. 2 cited by e.
func utiBasisOf(p *Pass, e *model.Entry) utiBasis {
	b := utiBasis{pars: map[int]bool{}}
	paths := itemPaths(e, "appui_legal")
	for i, l := range p.Citations(e).Lines {
		if l.Kind != citation.Citation {
			continue
		}
		for _, r := range l.Refs {
			if r.Instrument != utiLAI || r.Article != "65.1" {
				continue
			}
			if !b.cited {
				b.cited, b.path = true, "appui_legal"
				if i < len(paths) {
					b.path = paths[i]
				}
			}
			if r.Par == nil {
				continue
			}
			from, to := r.Par.From, r.Par.To
			if to == "" {
				to = from
			}
			f, err1 := strconv.Atoi(from)
			t, err2 := strconv.Atoi(to)
			if err1 != nil || err2 != nil || f < 1 || t > 4 || t < f {
				txt := from
				if to != from {
					txt += "° à " + to
				}
				b.bad = append(b.bad, txt)
				continue
			}
			for n := f; n <= t; n++ {
				b.pars[n] = true
			}
		}
	}
	return b
}

// utiAt is the key path of the appui_legal line citing 65.1.
func (b utiBasis) at() string {
	if b.path == "" {
		return "appui_legal"
	}
	return b.path
}
