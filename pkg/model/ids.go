package model

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// idRestPattern is what follows "PREFIX-" in an entry id (model.md §1).
const idRestPattern = `[A-Za-z0-9][A-Za-z0-9._-]*`

var idRest = regexp.MustCompile(`^` + idRestPattern + `$`)

// IDPattern is the regular expression (JSON Schema syntax) of the ids of a kind.
func IDPattern(k *Kind) string { return "^" + regexp.QuoteMeta(k.Prefix) + "-" + idRestPattern + "$" }

// ValidID reports whether id is a valid identifier of kind k.
func ValidID(k *Kind, id string) bool {
	rest, ok := strings.CutPrefix(id, k.Prefix+"-")
	return ok && idRest.MatchString(rest)
}

// IDSequence hands out the next free ids of a kind in the repository's own
// numbering: the scheme most ids follow (COM-0007 and COM-2025-014 are two
// schemes), its latest series (COM-2025-… after COM-2024-…), the highest
// number plus one, zero-padded to the same width; PREFIX-0001 when no id is
// numbered. `registre new` and `registre import` both use it.
type IDSequence struct {
	prefix, stem string
	max          uint64
	width        int
	taken        map[string]bool
}

var (
	numberedID = regexp.MustCompile(`^(.*?)([0-9]+)$`)
	digitRun   = regexp.MustCompile(`[0-9]+`)
)

// NewIDSequence reads the existing ids of kind k.
func NewIDSequence(k *Kind, existing []string) *IDSequence {
	type series struct {
		stem  string
		max   uint64
		width int
	}
	schemes := map[string]map[string]*series{} // shape of the stem → stem → series
	count := map[string]int{}
	seq := &IDSequence{prefix: k.Prefix, width: 4, taken: map[string]bool{}}
	for _, id := range existing {
		seq.taken[id] = true
		rest, ok := strings.CutPrefix(id, k.Prefix+"-")
		if !ok {
			continue
		}
		m := numberedID.FindStringSubmatch(rest)
		if m == nil {
			continue
		}
		n, err := strconv.ParseUint(m[2], 10, 63)
		if err != nil {
			continue
		}
		shape := digitRun.ReplaceAllString(m[1], "9")
		if schemes[shape] == nil {
			schemes[shape] = map[string]*series{}
		}
		s := schemes[shape][m[1]]
		if s == nil {
			s = &series{stem: m[1]}
			schemes[shape][m[1]] = s
		}
		if n > s.max || n == s.max && len(m[2]) > s.width {
			s.max, s.width = n, len(m[2])
		}
		count[shape]++
	}
	var best *series
	bestShape := ""
	for shape, stems := range schemes {
		for _, s := range stems {
			switch {
			case best == nil,
				count[shape] > count[bestShape],
				count[shape] == count[bestShape] && CompareIDs(best.stem, s.stem) < 0:
				best, bestShape = s, shape
			}
		}
	}
	if best != nil {
		seq.stem, seq.max, seq.width = best.stem, best.max, best.width
	}
	return seq
}

// Take marks id as used; a higher number of the current series moves it on.
func (s *IDSequence) Take(id string) {
	s.taken[id] = true
	rest, ok := strings.CutPrefix(id, s.prefix+"-"+s.stem)
	if !ok || rest == "" || leadingDigits(rest) != rest {
		return
	}
	if n, err := strconv.ParseUint(rest, 10, 63); err == nil && n > s.max {
		s.max = n
	}
}

// Next returns the next free id and marks it used.
func (s *IDSequence) Next() string {
	for {
		s.max++
		id := fmt.Sprintf("%s-%s%0*d", s.prefix, s.stem, s.width, s.max)
		if !s.taken[id] {
			s.taken[id] = true
			return id
		}
	}
}

// Peek returns the id Next would return, without using it.
func (s *IDSequence) Peek() string {
	for n := s.max + 1; ; n++ {
		id := fmt.Sprintf("%s-%s%0*d", s.prefix, s.stem, s.width, n)
		if !s.taken[id] {
			return id
		}
	}
}

// CompareIDs orders ids with their digit runs compared as numbers
// (COM-2 < COM-10, 2024- < 2025-), then as plain strings.
func CompareIDs(a, b string) int {
	x, y := a, b
	for x != "" && y != "" {
		dx, dy := leadingDigits(x), leadingDigits(y)
		if dx != "" && dy != "" {
			nx, _ := strconv.ParseUint(dx, 10, 64)
			ny, _ := strconv.ParseUint(dy, 10, 64)
			if nx != ny {
				return cmp.Compare(nx, ny)
			}
			x, y = x[len(dx):], y[len(dy):]
			continue
		}
		if x[0] != y[0] {
			return cmp.Compare(x[0], y[0])
		}
		x, y = x[1:], y[1:]
	}
	if c := cmp.Compare(len(x), len(y)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}
