package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
)

// Pos is where a key and its value stand in the file.
type Pos struct{ Key, Value finding.Position }

// Positions maps key paths to positions. It is a compact slice (an entry has
// a few dozen keys; a map per entry would cost several times the memory on
// large repositories), searched linearly; a file with many paths (a
// hostile or broken file within the size limit) gets an index, so that a
// lookup per finding never makes the work quadratic.
type Positions struct {
	items []posItem
	index map[string]int32 // built by Clip above indexAbove paths; nil otherwise
}

// indexAbove is the number of paths above which Clip builds an index.
const indexAbove = 128

type posItem struct {
	path                     string
	kLine, kCol, vLine, vCol int32
}

// Set records the positions of path (the caller guarantees paths are unique).
func (ps *Positions) Set(path string, p Pos) {
	ps.items = append(ps.items, posItem{path, int32(p.Key.Line), int32(p.Key.Col), int32(p.Value.Line), int32(p.Value.Col)})
	ps.index = nil
}

// Get returns the positions of path.
func (ps *Positions) Get(path string) (Pos, bool) {
	if ps == nil {
		return Pos{}, false
	}
	if ps.index != nil {
		i, ok := ps.index[path]
		if !ok {
			return Pos{}, false
		}
		it := &ps.items[i]
		return Pos{Key: finding.Position{Line: int(it.kLine), Col: int(it.kCol)}, Value: finding.Position{Line: int(it.vLine), Col: int(it.vCol)}}, true
	}
	for i := range ps.items {
		if it := &ps.items[i]; it.path == path {
			return Pos{Key: finding.Position{Line: int(it.kLine), Col: int(it.kCol)}, Value: finding.Position{Line: int(it.vLine), Col: int(it.vCol)}}, true
		}
	}
	return Pos{}, false
}

// Clip releases the spare capacity left by appends, once all paths are set,
// and indexes a long list of paths.
func (ps *Positions) Clip() {
	if ps == nil {
		return
	}
	if cap(ps.items) > len(ps.items) {
		ps.items = append(make([]posItem, 0, len(ps.items)), ps.items...)
	}
	ps.index = nil
	if len(ps.items) > indexAbove {
		ps.index = make(map[string]int32, len(ps.items))
		for i := len(ps.items) - 1; i >= 0; i-- { // the first of equal paths wins, as in the linear search
			ps.index[ps.items[i].path] = int32(i)
		}
	}
}

// Keep drops the paths for which keep is false.
func (ps *Positions) Keep(keep func(path string) bool) {
	if ps == nil {
		return
	}
	out := ps.items[:0]
	for _, it := range ps.items {
		if keep(it.path) {
			out = append(out, it)
		}
	}
	ps.items = out
	ps.Clip()
}

// Len is the number of recorded paths.
func (ps *Positions) Len() int {
	if ps == nil {
		return 0
	}
	return len(ps.items)
}

// Entry is one register entry: one YAML file, decoded into plain values
// (string, bool, int64, float64, []any, map[string]any, nil), with the
// position of every key and value. Dates stay text.
type Entry struct {
	Kind      *Kind
	ID        string // the file stem, which the `id` key must equal
	Path      string // slash-separated, relative to the repository root
	Values    map[string]any
	Positions *Positions // key path ("appui_legal/1", "facteurs/sensibilite") → positions; "" is the root
	// Damaged is set when the file was decoded with problems (a duplicate
	// key, a second document, an alias…) or another file has the same id:
	// its values may not be what the author meant, so it is never published
	// (see Publishable).
	Damaged bool

	reread func() (*Entry, error) // set by the loader: decode the file again (see Compact)
	lean   *leanState             // set by Compact
}

// PathOf joins key path elements: PathOf("appui_legal", 1) = "appui_legal/1".
func PathOf(elems ...any) string {
	var b strings.Builder
	for i, e := range elems {
		if i > 0 {
			b.WriteByte('/')
		}
		switch v := e.(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		}
	}
	return b.String()
}

// At returns the best position for a key path: the value if present, else the
// nearest enclosing key that exists, else the start of the file.
func (e *Entry) At(path string) finding.Position {
	if e.lean != nil && !e.lean.hasPos(path) {
		if w := e.Whole(); w != e {
			return w.At(path)
		}
	}
	for {
		if p, ok := e.Positions.Get(path); ok {
			if p.Value.Line > 0 {
				return p.Value
			}
			return p.Key
		}
		i := strings.LastIndexByte(path, '/')
		if i < 0 {
			if p, ok := e.Positions.Get(""); ok {
				return p.Value
			}
			return finding.Position{Line: 1, Col: 1}
		}
		path = path[:i]
	}
}

// KeyAt returns the position of the key of path (falls back like At).
func (e *Entry) KeyAt(path string) finding.Position {
	if e.lean != nil && !e.lean.hasPos(path) {
		if w := e.Whole(); w != e {
			return w.KeyAt(path)
		}
	}
	if p, ok := e.Positions.Get(path); ok && p.Key.Line > 0 {
		return p.Key
	}
	return e.At(path)
}

// Has reports whether key is present (even if null).
func (e *Entry) Has(key string) bool { _, ok := e.lookup(key); return ok }

// Str returns a string value trimmed of surrounding space ("" if absent or not a string).
func (e *Entry) Str(key string) string { return AsString(e.Value(key)) }

// Strings returns a list value as strings (a single string gives one item).
func (e *Entry) Strings(key string) []string { return AsStrings(e.Value(key)) }

// Bool returns a boolean value and whether it is set to a boolean.
func (e *Entry) Bool(key string) (value, set bool) {
	b, ok := e.Value(key).(bool)
	return b, ok
}

// True reports whether key is set to true.
func (e *Entry) True(key string) bool { b, _ := e.Bool(key); return b }

// Map returns a mapping value (nil if absent or not a mapping).
func (e *Entry) Map(key string) map[string]any { m, _ := e.Value(key).(map[string]any); return m }

// Value returns the decoded value of key (nil if absent). Rules read values
// through this and the other accessors, never through Values.
func (e *Entry) Value(key string) any { v, _ := e.lookup(key); return v }

// List returns a list value (nil if absent or not a list).
func (e *Entry) List(key string) []any { l, _ := e.Value(key).([]any); return l }

// AsString converts a scalar to its text.
func AsString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case int64:
		return strconv.FormatInt(t, 10)
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case bool:
		if t {
			return "true"
		}
		return "false"
	}
	return ""
}

// AsStrings converts a list (or a single scalar) to strings, dropping empty items.
func AsStrings(v any) []string {
	switch t := v.(type) {
	case []any:
		out := make([]string, 0, len(t))
		for _, x := range t {
			if s := AsString(x); s != "" {
				out = append(out, s)
			}
		}
		return out
	case nil:
		return nil
	}
	if s := AsString(v); s != "" {
		return []string{s}
	}
	return nil
}

var dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// IsDate reports whether s is a valid YYYY-MM-DD calendar date.
func IsDate(s string) bool {
	if !dateRe.MatchString(s) {
		return false
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 29
	}
	return d <= days
}

// Date returns a date value (a plain date, or the start of a {debut, fin} period
// when first is true, its end otherwise); "" when absent or invalid.
func (e *Entry) Date(key string) string { return DateOf(e.Value(key), true) }

// DateEnd is like Date but takes the end of a period.
func (e *Entry) DateEnd(key string) string { return DateOf(e.Value(key), false) }

// DateOf extracts a date from a date or period value.
func DateOf(v any, first bool) string {
	switch t := v.(type) {
	case string:
		s := strings.TrimSpace(t)
		if IsDate(s) {
			return s
		}
	case map[string]any:
		k := "debut"
		if !first {
			k = "fin"
		}
		if s := AsString(t[k]); IsDate(s) {
			return s
		}
		if s := AsString(t["debut"]); !first && IsDate(s) {
			return s
		}
	}
	return ""
}

// Repository is a loaded register repository.
type Repository struct {
	Root   string
	Config Config
	// ConfigPositions locates the keys and values of registre.yaml.
	ConfigPositions *Positions
	Entries         []*Entry // sorted by path
	ByID            map[string]*Entry
	// Unloaded lists the files (repository-relative, sorted) the loader
	// reported but could not read as entries: unreadable, undecodable,
	// misnamed, links leading outside, YAML outside the register folders.
	// What they hold is unknown, so an id their name carries is treated as
	// withheld from publication (WithheldIndexOf).
	Unloaded []string
}

// OfKind returns the entries of one kind, in path order.
func (r *Repository) OfKind(k *Kind) []*Entry {
	var out []*Entry
	for _, e := range r.Entries {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}

// Ref resolves a reference value of e to an entry of kind k (nil when missing or of another kind).
func (r *Repository) Ref(e *Entry, key string, k *Kind) *Entry {
	id := e.Str(key)
	if id == "" {
		return nil
	}
	t := r.ByID[id]
	if t == nil || t.Kind != k {
		return nil
	}
	return t
}

// ConfigAt returns the position of a key path in registre.yaml (1:1 when unknown).
func (r *Repository) ConfigAt(path string) finding.Position {
	e := Entry{Positions: r.ConfigPositions}
	return e.At(path)
}

// DisplayPath is the readable form of a key path, for messages: keys joined
// by dots, list indexes counted from 1 in brackets (["appui_legal", "1"] →
// « appui_legal[2] », ["facteurs", "sensibilite"] → « facteurs.sensibilite »);
// the empty path is « l'inscription ». A key made of digits only is an index.
func DisplayPath(loc []string) string {
	if len(loc) == 0 || len(loc) == 1 && loc[0] == "" {
		return "l'inscription"
	}
	var b strings.Builder
	for i, l := range loc {
		if n, err := strconv.Atoi(l); err == nil && allDigits(l) {
			fmt.Fprintf(&b, "[%d]", n+1)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(l)
	}
	return b.String()
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
