// Package regdiff compares the registers between two states of a repository
// (two git revisions, or a revision and the working tree): entries added,
// removed and modified, with the fields that changed.
//
// Entries are matched by id (the file stem), so a file moved to another
// folder is a modification, not a removal and an addition. Fields are
// compared in declaration order (model.Kind.Fields), then any undeclared key
// in lexical order. A file that cannot be decoded on either side is reported
// in Report.Unreadable, never silently left out.
//
// With Options.Public the comparison covers only the published kinds of
// registre.yaml and their published columns, compared as the published table
// shows them (pkg/table): a change that the table does not show (a moved
// file, a comment, an internal key) is no change. An entry withheld at either
// revision (model.Publishable) shows nothing of itself: when the published
// register lost or gained it, the change is anonymous (no id, path, label or
// field); a published text that names it (rule PUB-012) is shown as
// model.RedactedText. The writers of a public report show no id nor path, and no
// unreadable file (the command reports those on standard error).
//
// # JSON
//
// WriteJSON writes one object, stable across releases:
//
//	{
//	  "de": {"nom": "HEAD", "commit": "<sha-1>"},          // "commit" absent for the working tree
//	  "a":  {"nom": "arbre de travail"},
//	  "public": false,
//	  "resume": {"ajouts": 1, "suppressions": 0, "modifications": 2},
//	  "changements": [                                     // by kind (model order), then id
//	    {"registre": "communications", "id": "COM-0003",
//	     "operation": "ajout" | "suppression" | "modification",
//	     "chemin": "communications/COM-0003.yaml",         // the file after the change (before, for a removal)
//	     "ancien_chemin": "communications/2025/COM-0003.yaml", // only when the file moved
//	     "libelle": "Retraite Québec",                     // a short label, when the kind has one
//	     "champs": [{"cle": "appui_legal", "titre": "Appui légal",
//	                 "avant": ["…"], "apres": ["…"]}]}     // avant/apres absent when the field is absent
//	  ],
//	  "illisibles": [{"cote": "de" | "a", "chemin": "…", "message": "…"}]
//	}
//
// With "public": true, "id", "chemin" and "ancien_chemin" are absent,
// "illisibles" is empty, and an entry lost or gained without being named is
// {"registre": "inventaire", "operation": "suppression" | "ajout",
// "anonyme": true, "champs": []}.
//
// Values are the decoded YAML values (strings, booleans, numbers, lists,
// mappings); with "public": true they are the published cells: a string, or a
// list of lines for list columns. An addition lists every field under
// "apres", a removal under "avant". Paths are relative to the register folder.
package regdiff

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/table"
)

// Op is what happened to an entry.
type Op string

// Operations.
const (
	Added    Op = "ajout"
	Removed  Op = "suppression"
	Modified Op = "modification"
)

// Options tune Compare.
type Options struct {
	// Public restricts the comparison to published kinds and columns.
	Public bool
}

// FieldChange is one field that differs. Old or New is unset (nil, with
// OldSet or NewSet false) when the field is absent on that side.
type FieldChange struct {
	Key    string
	Title  string // published column title, "" for an unpublished key
	Old    any
	New    any
	OldSet bool
	NewSet bool
}

// Change is one entry added, removed or modified.
type Change struct {
	Kind    *model.Kind
	ID      string
	Op      Op
	Path    string // after the change (before, for a removal)
	OldPath string // set when the file moved
	Label   string // short description: the entry's first required one-line field
	Fields  []FieldChange
	// Anonymous marks, in a public comparison, an entry that the published
	// register lost or gained because it is withheld on the other side: it
	// has no id, path, label nor field.
	Anonymous bool
}

// Unreadable is a file that could not be decoded on one side.
type Unreadable struct {
	Side    string // "de" (the old side) or "a" (the new side)
	Path    string
	Message string
}

// Report is the result of Compare.
type Report struct {
	From, To   *Snapshot
	Public     bool
	Changes    []Change
	Unreadable []Unreadable
}

// Counts returns the number of additions, removals and modifications.
func (r *Report) Counts() (added, removed, modified int) {
	for _, c := range r.Changes {
		switch c.Op {
		case Added:
			added++
		case Removed:
			removed++
		default:
			modified++
		}
	}
	return
}

// Compare compares two snapshots.
func Compare(from, to *Snapshot, o Options) *Report {
	r := &Report{From: from, To: to, Public: o.Public}
	kinds := model.Kinds
	if o.Public {
		kinds = to.Published
	}
	var held *model.IDIndex
	if o.Public {
		held = withheldIndex(from, to)
	}
	for _, k := range kinds {
		oldF, oldBad := from.ofKind(k)
		newF, newBad := to.ofKind(k)
		for _, u := range oldBad {
			r.Unreadable = append(r.Unreadable, Unreadable{Side: "de", Path: u.Path, Message: u.Problem})
		}
		for _, u := range newBad {
			r.Unreadable = append(r.Unreadable, Unreadable{Side: "a", Path: u.Path, Message: u.Problem})
		}
		skip := map[string]bool{} // ids unreadable on one side: no verdict
		for _, u := range append(oldBad, newBad...) {
			skip[u.ID] = true
		}
		if o.Public {
			r.Changes = append(r.Changes, comparePublic(k, oldF, newF, skip, held)...)
		} else {
			r.Changes = append(r.Changes, compareEntries(k, oldF, newF, skip)...)
		}
	}
	return r
}

// compareEntries compares decoded values, field by field.
func compareEntries(k *model.Kind, oldF, newF map[string]*File, skip map[string]bool) []Change {
	var out []Change
	for _, id := range unionIDs(oldF, newF) {
		if skip[id] {
			continue
		}
		o, n := oldF[id], newF[id]
		c := Change{Kind: k, ID: id}
		var ov, nv map[string]any
		switch {
		case o == nil:
			c.Op, c.Path, nv = Added, n.Path, n.Values
		case n == nil:
			c.Op, c.Path, ov = Removed, o.Path, o.Values
		default:
			c.Op, c.Path, ov, nv = Modified, n.Path, o.Values, n.Values
			if o.Path != n.Path {
				c.OldPath = o.Path
			}
		}
		for _, key := range orderedKeys(k, ov, nv) {
			if key == "id" {
				continue
			}
			a, aok := ov[key]
			b, bok := nv[key]
			if aok == bok && reflect.DeepEqual(a, b) {
				continue
			}
			fc := FieldChange{Key: key, Old: a, New: b, OldSet: aok, NewSet: bok}
			if f := k.Field(key); f != nil {
				fc.Title = f.Title
			}
			c.Fields = append(c.Fields, fc)
		}
		if c.Op == Modified && len(c.Fields) == 0 && c.OldPath == "" {
			continue // same values (comments or layout changed)
		}
		c.Label = label(k, false, nv, ov)
		out = append(out, c)
	}
	return out
}

// orderedKeys returns the keys of a and b: declared ones in declaration order, then the others sorted.
func orderedKeys(k *model.Kind, a, b map[string]any) []string {
	var keys []string
	seen := map[string]bool{}
	for _, f := range k.Fields {
		_, x := a[f.Key]
		_, y := b[f.Key]
		if x || y {
			keys = append(keys, f.Key)
		}
		seen[f.Key] = true
	}
	var extra []string
	for _, m := range []map[string]any{a, b} {
		for key := range m {
			if !seen[key] {
				seen[key] = true
				extra = append(extra, key)
			}
		}
	}
	sort.Strings(extra)
	return append(keys, extra...)
}

// comparePublic compares the published tables of both sides. An entry that
// is withheld (model.Publishable) on either side never shows any of its
// fields, its id or its path: when the published register lost it (or gained
// it), the change is Anonymous, listed after the others.
//
// A published text that names an entry withheld on either side (rule
// PUB-012) shows as model.RedactedText, in its cell and in the label.
func comparePublic(k *model.Kind, oldF, newF map[string]*File, skip map[string]bool, held *model.IDIndex) []Change {
	oldT, oldHeld := publicTable(k, oldF, skip, held)
	newT, newHeld := publicTable(k, newF, skip, held)
	oldRows, newRows := rowsByID(oldT), rowsByID(newT)
	var out, anon []Change
	for _, id := range unionIDs(oldRows, newRows) {
		o, n := oldRows[id], newRows[id]
		if oldHeld[id] || newHeld[id] {
			switch {
			case o != nil && n == nil:
				anon = append(anon, Change{Kind: k, Op: Removed, Anonymous: true})
			case o == nil && n != nil:
				anon = append(anon, Change{Kind: k, Op: Added, Anonymous: true})
			}
			continue
		}
		c := Change{Kind: k, ID: id}
		switch {
		case o == nil:
			c.Op, c.Path = Added, newF[id].Path
		case n == nil:
			c.Op, c.Path = Removed, oldF[id].Path
		default:
			c.Op, c.Path = Modified, newF[id].Path
		}
		for i, col := range newT.Columns {
			var a, b any
			var aok, bok bool
			if o != nil {
				a, aok = cellValue(o.Cells[i], col.List)
			}
			if n != nil {
				b, bok = cellValue(n.Cells[i], col.List)
			}
			if aok == bok && reflect.DeepEqual(a, b) {
				continue
			}
			c.Fields = append(c.Fields, FieldChange{Key: col.Key, Title: col.Title, Old: a, New: b, OldSet: aok, NewSet: bok})
		}
		if c.Op == Modified && len(c.Fields) == 0 {
			continue
		}
		var ov, nv map[string]any
		if f := oldF[id]; f != nil {
			ov = f.Values
		}
		if f := newF[id]; f != nil {
			nv = f.Values
		}
		c.Label = label(k, true, nv, ov)
		if f := labelField(k, true); f != nil && (names(held, nv[f.Key]) || names(held, ov[f.Key])) {
			c.Label = model.RedactedText
		}
		out = append(out, c)
	}
	// Removals first, then additions: their order says nothing of their ids.
	sort.SliceStable(anon, func(i, j int) bool { return anon[i].Op == Removed && anon[j].Op != Removed })
	return append(out, anon...)
}

// publicTable builds the published table of the readable entries of k (rows
// keep their ids, for matching only) and returns the ids of the entries that
// a public output withholds (model.Publishable).
func publicTable(k *model.Kind, files map[string]*File, skip map[string]bool, withheld *model.IDIndex) (table.Table, map[string]bool) {
	repo := &model.Repository{ByID: map[string]*model.Entry{}}
	held := map[string]bool{}
	for _, id := range model.SortedKeys(files) {
		if skip[id] {
			continue
		}
		f := files[id]
		e := &model.Entry{Kind: k, ID: id, Path: f.Path, Values: f.Values, Damaged: f.Damaged}
		if !model.Publishable(e) {
			held[id] = true
		}
		repo.Entries = append(repo.Entries, e)
		repo.ByID[id] = e
	}
	return table.Of(repo, k, table.Options{Audience: table.PublicAudience, KeepIDs: true, Withheld: withheld}), held
}

// withheldIndex indexes the entry files of both sides: an entry is withheld
// when it is withheld on either side (model.Withheld), or unreadable.
func withheldIndex(sides ...*Snapshot) *model.IDIndex {
	var entries []*model.Entry
	var unreadable []string
	for _, s := range sides {
		for _, f := range s.Files {
			if f.Values == nil {
				unreadable = append(unreadable, f.Path)
				continue
			}
			entries = append(entries, &model.Entry{Kind: f.Kind, ID: f.ID, Path: f.Path, Values: f.Values, Damaged: f.Damaged})
		}
	}
	x := model.WithheldIndex(entries) // misnamed files under their id key too
	model.AddUnloaded(x, unreadable)
	return x
}

// names reports whether a value (a text or a list of texts) names a withheld entry.
func names(x *model.IDIndex, v any) bool {
	for _, s := range model.AsStrings(v) {
		if len(x.WithheldIn(s)) > 0 {
			return true
		}
	}
	return false
}

func rowsByID(t table.Table) map[string]*table.Row {
	m := make(map[string]*table.Row, len(t.Rows))
	for i := range t.Rows {
		m[t.Rows[i].ID] = &t.Rows[i]
	}
	return m
}

// cellValue is a published cell as a value: its lines for a list column, its text otherwise.
func cellValue(c table.Cell, list bool) (any, bool) {
	if len(c.Lines) == 0 {
		return nil, false
	}
	if !list {
		return c.Text(), true
	}
	lines := make([]any, len(c.Lines))
	for i, l := range c.Lines {
		lines[i] = l.Text
	}
	return lines, true
}

func unionIDs[V any](a, b map[string]V) []string {
	ids := model.SortedKeys(a)
	for _, id := range model.SortedKeys(b) {
		if _, ok := a[id]; !ok {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// labelField is the field that names an entry best: the first required
// one-line field other than the id, else the first required text (published
// only, in public mode).
func labelField(k *model.Kind, public bool) *model.Field {
	var text *model.Field
	for i := range k.Fields {
		f := &k.Fields[i]
		if f.Key == "id" || f.Req != model.Required || public && !f.Column() {
			continue
		}
		switch f.Type {
		case model.String, model.StringOrList:
			return f
		case model.Text:
			if text == nil {
				text = f
			}
		}
	}
	return text
}

const maxLabel = 80

// label names an entry from the first side that has a value for its label field.
func label(k *model.Kind, public bool, sides ...map[string]any) string {
	f := labelField(k, public)
	if f == nil {
		return ""
	}
	for _, m := range sides {
		if s := strings.Join(model.AsStrings(m[f.Key]), " ; "); s != "" {
			return shorten(oneLine(s), maxLabel)
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// shorten cuts s to n characters, with « … ».
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// compact renders a mapping or other composite value on one line (JSON-like).
func compact(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
