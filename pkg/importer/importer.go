// Package importer turns an existing published table (CSV or XLSX, as an
// organisation keeps it today or as `registre export` writes it) into entry
// files, one per row.
//
// Columns are recognised by the titles of the kind's declaration
// (model.Field.Title, model.md §3) and by the fields' YAML keys, compared
// loosely (see matchKey). Nothing a row holds is dropped: a value that does
// not fit its field stays text, for lint to report. Importing what
// `registre export` wrote (either CSV profile) gives back the same files,
// byte for byte.
//
// The flow is Read → Build (match the header, convert every row, allocate
// ids, encode every file) → Plan.Write (all files or none).
package importer

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/registre-qc/registre/pkg/entryfile"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

// Options tune MatchHeader and Build.
type Options struct {
	// IgnoreColumns are titles of columns to skip (compared like headers).
	IgnoreColumns []string
	// IgnoreUnknown skips every column that matches no field instead of failing.
	IgnoreUnknown bool
	// Existing maps the ids already present in the kind's folder to their
	// slash-separated path relative to the repository folder (see Existing).
	Existing map[string]string
	// IDs hands out the ids of rows without one (gitutil.Numbering: never an
	// id the repository ever had); nil: the numbering of Existing alone.
	IDs *model.IDSequence
}

// Entry is one row turned into an entry file.
type Entry struct {
	ID     string
	Line   int    // where the row starts in the sheet
	Path   string // slash-separated, relative to the repository folder
	Exists bool   // a file with this id is already there: replaced only with --force
	Values map[string]any
	Data   []byte // the file's bytes (entryfile.Encode)
}

// Plan is everything an import would write.
type Plan struct {
	Kind    *model.Kind
	Mapping *Mapping
	Entries []Entry
	Empty   int      // completely empty rows skipped
	Notes   []string // French remarks for standard error (ids replaced…)
}

// RowError lists the rows that cannot be imported as they are.
type RowError struct{ Msgs []string }

func (e *RowError) Error() string {
	const maxShown = 20
	msgs := e.Msgs
	more := ""
	if len(msgs) > maxShown {
		more = fmt.Sprintf("\n  … et %d autres", len(msgs)-maxShown)
		msgs = msgs[:maxShown]
	}
	return "importation impossible :\n  " + strings.Join(msgs, "\n  ") + more
}

// Build matches the header, converts every row, gives each one an id and
// encodes its file. It writes nothing.
func Build(k *model.Kind, s *Sheet, o Options) (*Plan, error) {
	m, err := MatchHeader(k, s, o)
	if err != nil {
		return nil, err
	}
	p := &Plan{Kind: k, Mapping: m, Empty: s.Empty}
	idCol := -1
	for _, c := range m.Columns {
		if c.Field != nil && c.Field.Key == "id" {
			idCol = c.Index
		}
	}
	ids := o.IDs
	if ids == nil {
		ids = model.NewIDSequence(k, model.SortedKeys(o.Existing))
	}
	wanted := make([]string, len(s.Rows)) // valid ids from the id column
	firstLine := map[string]int{}
	var errs []string
	if idCol >= 0 {
		for i, r := range s.Rows {
			id := strings.TrimSpace(cellAt(r.Cells, idCol))
			switch {
			case id == "":
			case !model.ValidID(k, id):
				p.Notes = append(p.Notes, fmt.Sprintf("ligne %d : identifiant « %s » invalide pour le registre %s (attendu : %s-0001…) ; un nouvel identifiant est attribué", r.Line, id, k.Name, k.Prefix))
			case firstLine[id] != 0:
				errs = append(errs, fmt.Sprintf("ligne %d : identifiant %s déjà utilisé à la ligne %d ; chaque identifiant est unique", r.Line, id, firstLine[id]))
			default:
				firstLine[id] = r.Line
				wanted[i] = id
				ids.Take(id)
			}
		}
	}
	if len(errs) > 0 {
		return nil, &RowError{errs}
	}
	p.Entries = make([]Entry, len(s.Rows))
	for i, r := range s.Rows {
		e := &p.Entries[i]
		e.Line = r.Line
		e.ID = wanted[i]
		if e.ID == "" {
			e.ID = ids.Next()
		}
		if prev, ok := o.Existing[e.ID]; ok {
			e.Path, e.Exists = prev, true
		} else {
			e.Path = k.Name + "/" + e.ID + ".yaml"
		}
		e.Values = map[string]any{"id": e.ID}
		for _, c := range m.Columns {
			if c.Field == nil || c.Field.Key == "id" {
				continue
			}
			raw := ""
			if r.Raw != nil {
				raw = cellAt(r.Raw, c.Index)
			}
			if v, ok := cellValue(c.Field, cellAt(r.Cells, c.Index), raw); ok {
				e.Values[c.Field.Key] = v
			}
		}
	}
	if err := encodeAll(k, p.Entries); err != nil {
		return nil, err
	}
	return p, nil
}

func cellAt(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

// encodeAll encodes the entries in parallel; the first error (in row order) wins.
func encodeAll(k *model.Kind, entries []Entry) error {
	errs := make([]error, len(entries))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(entries)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(entries); i += workers {
				entries[i].Data, errs[i] = entryfile.Encode(k, entries[i].Values)
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("ligne %d (%s) : impossible d'écrire l'inscription : %v", entries[i].Line, entries[i].ID, err)
		}
	}
	return nil
}

// Existing lists the entry files under dir/<kind>/ (sub-folders included):
// id (the file stem) → slash path relative to dir. A missing folder is empty.
func Existing(dir string, k *model.Kind) (map[string]string, error) {
	out, err := source.KindIDs(dir, k)
	if err != nil {
		return nil, fmt.Errorf("impossible de parcourir %s : %v", filepath.Join(dir, k.Name), err)
	}
	return out, nil
}

// Counts returns how many entries the plan creates and how many it replaces.
func (p *Plan) Counts() (created, replaced int) {
	for _, e := range p.Entries {
		if e.Exists {
			replaced++
		} else {
			created++
		}
	}
	return created, replaced
}

// Conflicts returns the paths of existing files the plan would replace, sorted.
func (p *Plan) Conflicts() []string {
	var out []string
	for _, e := range p.Entries {
		if e.Exists {
			out = append(out, e.Path)
		}
	}
	sort.Strings(out)
	return out
}
