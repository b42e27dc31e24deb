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
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/registre-qc/registre/pkg/entryfile"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/parallel"
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
	// Dir is the repository folder: when set, Build reads the existing
	// entries of Existing to skip the rows already there and, with Force, to
	// update an existing entry in place (entryfile.Merge).
	Dir   string
	Force bool
	// IDs hands out the ids of rows without one (gitutil.Numbering: never an
	// id the repository ever had); nil: the numbering of Existing alone.
	IDs *model.IDSequence
}

// Entry is one row turned into an entry file.
type Entry struct {
	ID     string
	Line   int    // where the row starts in the sheet
	Path   string // slash-separated, relative to the repository folder
	Exists bool   // a file with this id is already there: updated only with --force
	Values map[string]any
	Data   []byte // the file's bytes (entryfile.Encode)
}

// Plan is everything an import would write.
type Plan struct {
	Kind    *model.Kind
	Mapping *Mapping
	Entries []Entry
	Empty   int      // completely empty rows skipped
	Skipped []Skip   // rows already in the repository, not written
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
	keys := mappedKeys(k, m)
	var current map[string]existingEntry
	if o.Dir != "" {
		var err error
		if current, err = readExisting(o.Dir, o.Existing); err != nil {
			return nil, err
		}
	}
	byContent := map[string]string{} // content key → id of an existing entry
	for _, id := range model.SortedKeys(o.Existing) {
		if c, ok := current[id]; ok && c.values != nil && model.HasContent(c.values, keys) {
			if key := model.ContentKey(c.values, keys); byContent[key] == "" {
				byContent[key] = id
			}
		}
	}
	for i, r := range s.Rows {
		values := map[string]any{}
		for _, c := range m.Columns {
			if c.Field == nil || c.Field.Key == "id" {
				continue
			}
			raw := ""
			if r.Raw != nil {
				raw = cellAt(r.Raw, c.Index)
			}
			if v, ok := cellValue(c.Field, cellAt(r.Cells, c.Index), raw); ok {
				values[c.Field.Key] = v
			}
		}
		key := model.ContentKey(values, keys)
		id := wanted[i]
		if id == "" {
			// A row without id whose published content is already in the
			// repository is that entry: importing the same table twice
			// creates nothing.
			if same, ok := byContent[key]; ok && model.HasContent(values, keys) {
				p.Skipped = append(p.Skipped, Skip{Line: r.Line, ID: same})
				continue
			}
			id = ids.Next()
		}
		e := Entry{Line: r.Line, ID: id, Values: values}
		values["id"] = id
		if prev, ok := o.Existing[id]; ok {
			e.Path, e.Exists = prev, true
			c := current[id]
			switch {
			case c.values != nil && model.ContentKey(c.values, keys) == key:
				p.Skipped = append(p.Skipped, Skip{Line: r.Line, ID: id})
				continue
			case o.Force && c.values != nil:
				// Update the table's columns only: every other key and every comment stays.
				set, del := map[string]any{}, []string(nil)
				for _, k := range keys {
					if v, ok := values[k]; ok {
						set[k] = v
					} else if _, had := c.values[k]; had {
						del = append(del, k)
					}
				}
				data, err := entryfile.Merge(k, c.src, set, del)
				if err != nil {
					return nil, fmt.Errorf("ligne %d : impossible de mettre à jour %s : %v", r.Line, prev, err)
				}
				if bytes.Equal(data, c.src) {
					p.Skipped = append(p.Skipped, Skip{Line: r.Line, ID: id})
					continue
				}
				e.Data = data
			case o.Force:
				return nil, &RowError{[]string{fmt.Sprintf("ligne %d : %s n'est pas une inscription lisible (%s) ; corrigez-la (registre lint) avant de la mettre à jour", r.Line, prev, c.problem)}}
			}
		} else {
			e.Path = k.Name + "/" + id + ".yaml"
		}
		p.Entries = append(p.Entries, e)
	}
	if err := encodeAll(k, p.Entries); err != nil {
		return nil, err
	}
	return p, nil
}

// Skip is a row already in the repository: the entry ID has the same
// published content (model.ContentKey over the table's columns).
type Skip struct {
	Line int
	ID   string
}

// mappedKeys are the keys the table's columns fill, id excepted, in the
// kind's order: what an import compares and updates.
func mappedKeys(k *model.Kind, m *Mapping) []string {
	in := map[string]bool{}
	for _, c := range m.Columns {
		if c.Field != nil && c.Field.Key != "id" {
			in[c.Field.Key] = true
		}
	}
	var keys []string
	for _, f := range k.Fields {
		if in[f.Key] {
			keys = append(keys, f.Key)
		}
	}
	return keys
}

// existingEntry is an entry file already in the repository.
type existingEntry struct {
	src     []byte
	values  map[string]any // nil when the file cannot be read as an entry
	problem string
}

// readExisting reads and decodes the existing entry files (id → slash path under dir).
func readExisting(dir string, files map[string]string) (map[string]existingEntry, error) {
	out := make(map[string]existingEntry, len(files))
	for id, rel := range files {
		src, err := source.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, fmt.Errorf("impossible de lire %s : %v", rel, err)
		}
		e := existingEntry{src: src}
		doc, problems := source.Decode(src)
		switch {
		case len(problems) > 0:
			e.problem = problems[0].Message
		case doc == nil:
			e.problem = "fichier vide"
		default:
			e.values = doc.Values
		}
		out[id] = e
	}
	return out, nil
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
	parallel.For(len(entries), min(runtime.GOMAXPROCS(0), max(1, len(entries)/64)), func(_, i int) {
		if entries[i].Data == nil { // a merged update is already encoded
			entries[i].Data, errs[i] = entryfile.Encode(k, entries[i].Values)
		}
	})
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
