// Package stats counts what a rapport annuel de gestion asks about the
// registers: entries per kind and per year, entries per legal basis
// (communications, utilisations), entries outside Québec, and incidents with
// a risk of serious injury.
//
// The year of an entry is the year of its event when its kind declares one
// (debut: the first communication or the start of a collection; connaissance:
// when the body learned of an incident), else the year of its
// date_inscription. Every list has a fixed order, so the same repository
// always gives the same bytes.
package stats

import (
	"sort"
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/model"
)

// Keys the statistics read. Their declarations (type, kinds) come from
// pkg/model; stats_test checks that each is declared as expected.
const (
	keyLegal      = "appui_legal"      // List: counted per legal basis
	keyOutside    = "hors_quebec"      // Bool: oui / non / non précisé
	keyRisk       = "risque_serieux"   // Bool, incidents
	keyPeople     = "nombre_personnes" // Int, incidents
	keyRegistered = "date_inscription" // Date, every kind: the year when no event date
)

// eventKeys are the event dates that give an entry its year, first declared wins.
var eventKeys = []string{"debut", "connaissance"}

// NoDate labels entries without a usable date in the per-year counts.
const NoDate = "sans date"

// Options tune Compute.
type Options struct {
	// Year keeps only the entries of that year (YYYY); "" keeps all.
	Year string
	// Public counts only what a public edition shows (model.Publishable):
	// published kinds, without withheld entries, so that no count reveals a
	// withheld entry (art. 76 al. 2); no incident statistics; a legal basis
	// counted as written that names a withheld entry is masked (PUB-012).
	Public bool
}

// Report holds every statistic. JSON keys are French and stable.
type Report struct {
	Year       string        `json:"annee,omitempty"`
	Public     bool          `json:"public,omitempty"`
	Kinds      []KindCount   `json:"registres"`
	LegalBases []LegalBases  `json:"appuis_legaux"`
	Outside    []Tally       `json:"hors_quebec"`
	Incidents  IncidentStats `json:"incidents"`
	// Unreadable counts entry files that could not be loaded (lint details them).
	Unreadable int `json:"fichiers_illisibles"`
}

// KindCount is the number of entries of one kind, in total and per year.
type KindCount struct {
	Kind   string      `json:"registre"`
	Title  string      `json:"titre"`
	Count  int         `json:"inscriptions"`
	ByYear []YearCount `json:"par_annee"`
}

// YearCount is a number of entries in one year (or NoDate).
type YearCount struct {
	Year  string `json:"annee"`
	Count int    `json:"nombre"`
}

// LegalBases counts the entries of one kind per legal basis.
type LegalBases struct {
	Kind  string       `json:"registre"`
	Bases []BasisCount `json:"appuis"`
}

// BasisCount is one legal basis: « art. 67 » for a resolved article,
// else the line as written (an agreement, a directive…). An entry counts
// once per basis.
type BasisCount struct {
	Basis string `json:"appui"`
	Count int    `json:"inscriptions"`
}

// Tally counts a Oui/Non field.
type Tally struct {
	Kind  string `json:"registre,omitempty"`
	Yes   int    `json:"oui"`
	No    int    `json:"non"`
	Unset int    `json:"non_precise"`
}

// IncidentStats summarises the incidents register.
type IncidentStats struct {
	Count       int   `json:"total"`
	SeriousRisk Tally `json:"risque_serieux"`
	// People sums nombre_personnes; PeopleUnset counts incidents without a number.
	People      int64 `json:"personnes_concernees"`
	PeopleUnset int   `json:"nombre_non_precise"`
}

// Compute computes the statistics of repo.
func Compute(repo *model.Repository, o Options) *Report {
	r := &Report{Year: o.Year, Public: o.Public}
	defInstr := repo.Config.DefaultInstrument()
	var held *model.IDIndex
	if o.Public {
		held = model.WithheldIndexOf(repo)
	}
	for _, k := range model.Kinds {
		if o.Public && !k.Published() {
			continue
		}
		var entries []*model.Entry
		years := map[string]int{}
		for _, e := range repo.OfKind(k) {
			if o.Public && !model.Publishable(e) {
				continue
			}
			y := Year(e)
			if o.Year != "" && y != o.Year {
				continue
			}
			entries = append(entries, e)
			years[y]++
		}
		r.Kinds = append(r.Kinds, KindCount{Kind: k.Name, Title: k.Title, Count: len(entries), ByYear: yearCounts(years)})
		if f := k.Field(keyLegal); f != nil {
			r.LegalBases = append(r.LegalBases, LegalBases{Kind: k.Name, Bases: legalBases(entries, defInstr, held)})
		}
		if f := k.Field(keyOutside); f != nil && f.Type == model.Bool {
			t := tally(entries, keyOutside)
			t.Kind = k.Name
			r.Outside = append(r.Outside, t)
		}
		if k.Field(keyRisk) != nil {
			r.Incidents.Count = len(entries)
			r.Incidents.SeriousRisk = tally(entries, keyRisk)
			for _, e := range entries {
				if n, ok := e.Values[keyPeople].(int64); ok {
					r.Incidents.People += n
				} else {
					r.Incidents.PeopleUnset++
				}
			}
		}
	}
	return r
}

// Year returns the year of an entry (see the package documentation), or NoDate.
func Year(e *model.Entry) string {
	for _, key := range eventKeys {
		if e.Kind.Field(key) != nil {
			if d := e.Date(key); d != "" {
				return d[:4]
			}
			break
		}
	}
	if d := e.Date(keyRegistered); d != "" {
		return d[:4]
	}
	return NoDate
}

func yearCounts(m map[string]int) []YearCount {
	out := []YearCount{}
	for _, y := range model.SortedKeys(m) {
		if y != NoDate {
			out = append(out, YearCount{y, m[y]})
		}
	}
	if n := m[NoDate]; n > 0 {
		out = append(out, YearCount{NoDate, n})
	}
	return out
}

// legalBases counts entries per basis, most frequent first, then by name. A
// line counted as written that names an entry withheld from publication
// (held, in a public report: rule PUB-012) counts as model.RedactedText.
func legalBases(entries []*model.Entry, defInstr string, held *model.IDIndex) []BasisCount {
	counts := map[string]int{}
	for _, e := range entries {
		lines := e.Strings(keyLegal)
		cell := citation.ParseCellDefault(lines, defInstr)
		seen := map[string]bool{}
		for i, l := range cell.Lines {
			var bases []string
			if l.Kind == citation.Citation {
				for _, ref := range l.Refs {
					if ref.Instrument != "" && ref.Article != "" {
						bases = append(bases, ref.Instrument+" art. "+ref.Article)
					}
				}
			}
			if len(bases) == 0 {
				bases = []string{strings.Join(strings.Fields(lines[i]), " ")}
				// Mentions reads line breaks as spaces: « INV⏎0012 », printed
				// « INV 0012 », is found in the line as written.
				if held != nil && len(held.WithheldIn(lines[i])) > 0 {
					bases = []string{model.RedactedText}
				}
			}
			for _, b := range bases {
				if !seen[b] {
					seen[b] = true
					counts[b]++
				}
			}
		}
	}
	out := []BasisCount{}
	for b, n := range counts {
		out = append(out, BasisCount{b, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Basis < out[j].Basis
	})
	return out
}

// tally counts a Oui/Non field; a value that is not a boolean counts as not given.
func tally(entries []*model.Entry, key string) Tally {
	var t Tally
	for _, e := range entries {
		switch b, ok := e.Bool(key); {
		case !ok:
			t.Unset++
		case b:
			t.Yes++
		default:
			t.No++
		}
	}
	return t
}
