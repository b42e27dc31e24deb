package model

import (
	"path"
	"strings"
	"unicode/utf8"
)

// Mention is an entry id as a text names it: the bytes [Start, End) of the
// text, and its Key, the form under which ids compare (MentionKey).
//
// What counts as naming an id (PUB-012): one of the kind prefixes (COM,
// INV, EFVP…) in any case, not preceded by an ASCII letter or digit; then
// either a separator — spaces (plain, non-breaking, thin) around at most one
// dash (-, ‐, ‑, ‒, –, —, −) or underscore — or nothing; then the rest of the
// id: runs of ASCII letters and digits joined by single separators (-, ., _
// or a dash), the longest such run, so that the mention is never the start
// of a longer token (« COM-00421 » does not name COM-0042). When the prefix
// is followed by spaces only, or by nothing, the rest must start with a
// digit: « COM42 » and « com 0042 » are mentions, « Commission » and « col
// de » are words. A non-ASCII letter is a boundary (« éCOM-0042 » names
// COM-0042): the check fails closed.
type Mention struct {
	Start, End int
	Key        string
}

// Keys returns the keys the mention may stand for, longest first: the whole
// token, then the token cut at each separator of its rest (« COM-0042-B »
// names COM-0042-B if it exists, else COM-0042).
func (m Mention) Keys() []string {
	keys := []string{m.Key}
	first := strings.IndexByte(m.Key, '-')
	for i := len(m.Key) - 1; i > first; i-- {
		if m.Key[i] == '-' {
			keys = append(keys, m.Key[:i])
		}
	}
	return keys
}

// mentionPrefixes are the kind prefixes, longest first.
var mentionPrefixes = func() []string {
	var ps []string
	for _, k := range Kinds {
		ps = append(ps, k.Prefix)
	}
	for i := 1; i < len(ps); i++ { // insertion sort by length, descending
		for j := i; j > 0 && len(ps[j]) > len(ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	return ps
}()

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// dashAt returns the length of a dash or underscore at s[i:], or 0.
func dashAt(s string, i int) int {
	switch s[i] {
	case '-', '_':
		return 1
	}
	if s[i] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFE63', '\uFF0D':
		return n
	}
	return 0
}

// spaceAt returns the length of a horizontal space at s[i:], or 0.
func spaceAt(s string, i int) int {
	switch s[i] {
	case ' ', '\t':
		return 1
	}
	if s[i] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '\u00a0', '\u202f', '\u2007', '\u2009', '\u200a', '\u3000':
		return n
	}
	return 0
}

// Mentions returns the ids text names, in order (see Mention).
func Mentions(text string) []Mention {
	var out []Mention
	for i := 0; i+2 < len(text); i++ {
		if !mentionFirst[text[i]] {
			continue
		}
		// A quick test of the first two letters (COM, COL, EFVP, ENT, INV,
		// INC, UTI) and of the boundary: most words go no further.
		switch c, d := text[i]|0x20, text[i+1]|0x20; c {
		case 'c':
			if d != 'o' {
				continue
			}
		case 'e':
			if d != 'f' && d != 'n' {
				continue
			}
		case 'i':
			if d != 'n' {
				continue
			}
		case 'u':
			if d != 't' {
				continue
			}
		default:
			continue
		}
		if i > 0 && isASCIIAlnum(text[i-1]) {
			continue
		}
		if m, ok := mentionAt(text, i); ok {
			out = append(out, m)
			i = m.End - 1
		}
	}
	return out
}

// mentionFirst marks the first letters of the kind prefixes, in both cases.
var mentionFirst = [256]bool{'C': true, 'c': true, 'E': true, 'e': true, 'I': true, 'i': true, 'U': true, 'u': true}

// mentionAt reads a mention starting at text[i:].
func mentionAt(text string, i int) (Mention, bool) {
	prefix := ""
	for _, p := range mentionPrefixes {
		if len(text)-i >= len(p) && equalFoldASCII(text[i:i+len(p)], p) {
			prefix = p
			break
		}
	}
	if prefix == "" {
		return Mention{}, false
	}
	j := i + len(prefix)
	dashed := false
	for j < len(text) {
		if n := spaceAt(text, j); n > 0 {
			j += n
			continue
		}
		if n := dashAt(text, j); n > 0 && !dashed {
			dashed = true
			j += n
			continue
		}
		break
	}
	if j >= len(text) || !isASCIIAlnum(text[j]) || !dashed && !isDigit(text[j]) {
		return Mention{}, false
	}
	var key strings.Builder
	key.WriteString(prefix)
	key.WriteByte('-')
	end := j
	for {
		// one run of letters and digits
		k := end
		for k < len(text) && isASCIIAlnum(text[k]) {
			k++
		}
		writeRun(&key, text[end:k])
		end = k
		// a single separator followed by a letter or digit continues the id
		n := 0
		if end < len(text) {
			if text[end] == '.' {
				n = 1
			} else {
				n = dashAt(text, end)
			}
		}
		if n == 0 || end+n >= len(text) || !isASCIIAlnum(text[end+n]) {
			break
		}
		key.WriteByte('-')
		end += n
	}
	return Mention{Start: i, End: end, Key: key.String()}, true
}

// equalFoldASCII compares s with an upper-case ASCII prefix p, ignoring the case of s.
func equalFoldASCII(s, p string) bool {
	for i := 0; i < len(p); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// writeRun writes a run of letters and digits: letters upper-cased, each
// digit sequence without its leading zeros (« 0042 » → « 42 », « 000 » → « 0 »).
func writeRun(b *strings.Builder, run string) {
	for i := 0; i < len(run); {
		c := run[i]
		if !isDigit(c) {
			if c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(run) && isDigit(run[j]) {
			j++
		}
		d := strings.TrimLeft(run[i:j], "0")
		if d == "" {
			d = "0"
		}
		b.WriteString(d)
		i = j
	}
}

// MentionKey returns the key of an id (« COM-0042 » → « COM-42 »), or ""
// when the id cannot be named in a text (it is not PREFIX-REST).
func MentionKey(id string) string {
	ms := Mentions(id)
	if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(id) {
		return ""
	}
	return ms[0].Key
}

// IDIndex resolves the ids a text names to entries, and says which of them
// are withheld from publication.
type IDIndex struct {
	byKey map[string][]indexedID
}

type indexedID struct {
	id       string
	withheld bool
}

// NewIDIndex returns an empty index.
func NewIDIndex() *IDIndex { return &IDIndex{byKey: map[string][]indexedID{}} }

// Withheld reports whether e is an entry of a published register that is
// kept out of publication (existence_confidentielle, art. 76, al. 2, or a
// confidentiality doubt: see Publishable): its existence must not be
// guessed from what is published. The entries of the registers that are
// never published (incidents, EFVP, agreements) are not withheld in this
// sense: those registers are internal, not secret, and naming one of their
// ids (« Entente ENT-0042 ») reveals nothing the law protects.
func Withheld(e *Entry) bool {
	return e != nil && e.Kind != nil && e.Kind.Published() && !Publishable(e)
}

// WithheldIndex indexes entries, marking those Withheld. A withheld entry
// whose `id` key differs from its file name (a misnamed file) is indexed
// under both.
func WithheldIndex(entries []*Entry) *IDIndex {
	x := NewIDIndex()
	for _, e := range entries {
		held := Withheld(e)
		x.Add(e.ID, held)
		if id, ok := e.Value("id").(string); ok && held && strings.TrimSpace(id) != e.ID {
			x.Add(strings.TrimSpace(id), true)
		}
	}
	return x
}

// WithheldIndexOf indexes the entries of repo (WithheldIndex) and the files
// the loader could not read (Repository.Unloaded): whatever they hold is
// unknown, so the id their name carries, if it is an id of a published
// register, is withheld (fail closed).
func WithheldIndexOf(repo *Repository) *IDIndex {
	x := WithheldIndex(repo.Entries)
	AddUnloaded(x, repo.Unloaded)
	return x
}

// AddUnloaded marks as withheld in x the ids of published registers that
// the names of the files at paths carry (the part of the name before its
// first dot: INV-0012.yaml, INV-0012.yaml.bak, INV-0012).
func AddUnloaded(x *IDIndex, paths []string) {
	for _, p := range paths {
		stem, _, _ := strings.Cut(path.Base(p), ".")
		for _, k := range Kinds {
			if k.Published() && ValidID(k, stem) {
				x.Add(stem, true)
				break
			}
		}
	}
}

// Add records an entry id. The same id added twice is withheld if either is.
func (x *IDIndex) Add(id string, withheld bool) {
	key := MentionKey(id)
	if key == "" {
		return
	}
	for i, c := range x.byKey[key] {
		if c.id == id {
			x.byKey[key][i].withheld = c.withheld || withheld
			return
		}
	}
	x.byKey[key] = append(x.byKey[key], indexedID{id, withheld})
}

// HasWithheld reports whether any indexed entry is withheld.
func (x *IDIndex) HasWithheld() bool {
	if x == nil {
		return false
	}
	for _, cs := range x.byKey {
		for _, c := range cs {
			if c.withheld {
				return true
			}
		}
	}
	return false
}

// Resolve returns the entry a mention names (token is the mention's text):
// the longest of its keys (Mention.Keys) that an indexed id has; among
// several ids of that key (COM-42 and COM-0042), the one written exactly
// as the token, else a withheld one if any (fail closed).
func (x *IDIndex) Resolve(m Mention, token string) (id string, withheld, found bool) {
	if x == nil {
		return "", false, false
	}
	for n, key := range m.Keys() {
		cs := x.byKey[key]
		if len(cs) == 0 {
			continue
		}
		if len(cs) == 1 {
			return cs[0].id, cs[0].withheld, true
		}
		if n == 0 {
			for _, c := range cs {
				if c.id == token {
					return c.id, c.withheld, true
				}
			}
		}
		for _, c := range cs {
			if c.withheld {
				return c.id, true, true
			}
		}
		return cs[0].id, false, true
	}
	return "", false, false
}

// WithheldIn returns the withheld ids text names, each once, in order.
func (x *IDIndex) WithheldIn(text string) []string {
	if x == nil {
		return nil
	}
	var out []string
	for _, m := range Mentions(text) {
		id, held, ok := x.Resolve(m, text[m.Start:m.End])
		if !ok || !held {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == id
		}
		if !dup {
			out = append(out, id)
		}
	}
	return out
}

// MentionsIn reports whether text names the entry id (see Mention): in a
// repository holding only that entry, some mention of text resolves to it.
func MentionsIn(text, id string) bool {
	x := NewIDIndex()
	x.Add(id, true)
	return len(x.WithheldIn(text)) > 0
}

// PublishedTexts calls fn with each text that a public edition shows of e:
// the values of its kind's published columns (Kind.Columns), as the
// published table renders them (pkg/table): a text, each item of a list,
// each declared field of a mapping. keyPath locates the value in the file
// ("remarques", "fins/1", "facteurs/sensibilite").
func PublishedTexts(e *Entry, fn func(keyPath, text string)) {
	if e == nil || e.Kind == nil {
		return
	}
	for _, f := range e.Kind.Columns() {
		v := e.Value(f.Key)
		switch t := v.(type) {
		case string:
			fn(f.Key, t)
		case []any:
			for i, it := range t {
				if s, ok := it.(string); ok {
					fn(PathOf(f.Key, i), s)
				}
			}
		case map[string]any:
			for _, sf := range f.Fields {
				if s, ok := t[sf.Key].(string); ok {
					fn(PathOf(f.Key, sf.Key), s)
				}
			}
		}
	}
}

// Leak is a published text of a publishable entry that names an entry
// withheld from publication (rule PUB-012).
type Leak struct {
	Entry    *Entry // the publishable entry
	KeyPath  string // where the text is
	Withheld string // the id of the withheld entry it names
}

// Message is the French finding message of a leak. It names the withheld
// id, never anything of the withheld entry.
func (l Leak) Message() string { return LeakMessage(l.KeyPath, l.Withheld) }

// LeakMessage is the message of a text at keyPath that names withheld.
func LeakMessage(keyPath, withheld string) string {
	return DisplayPath(strings.Split(keyPath, "/")) + " nomme " + withheld +
		", une inscription retenue de la publication (existence confidentielle ou confidentialité incertaine) : " +
		"publié, ce texte révélerait son existence ; retirez l'identifiant du texte (même avec --force, la publication est refusée tant qu'il y est)"
}

// Leaks returns the published texts of the publishable entries of kinds
// (every published kind when kinds is nil) that name an entry of repo
// withheld from publication, in entry order.
func Leaks(repo *Repository, kinds []*Kind) []Leak {
	x := WithheldIndexOf(repo)
	if !x.HasWithheld() {
		return nil
	}
	want := map[*Kind]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	var out []Leak
	for _, e := range repo.Entries {
		if kinds != nil && !want[e.Kind] || !Publishable(e) {
			continue
		}
		PublishedTexts(e, func(keyPath, text string) {
			for _, id := range x.WithheldIn(text) {
				out = append(out, Leak{Entry: e, KeyPath: keyPath, Withheld: id})
			}
		})
	}
	return out
}

// RedactedText replaces, in a public output, a text that names a withheld
// entry (rule PUB-012): nothing of it is shown.
const RedactedText = "[texte retenu : il nomme une inscription non publiée]"
