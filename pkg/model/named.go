package model

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention is an entry id as a text names it: the bytes [Start, End) of the
// text as written, and its Key, the form under which ids compare
// (MentionKey).
//
// What counts as naming an id (PUB-012) is read on the folded view of the
// text (foldMentionText: invisible characters and accents dropped,
// compatibility and look-alike forms, dashes and spaces unified), so that
// « IN\u00adV-0012 », « ＩＮＶ－００１２ » or « I\u0301NV-0012 » name INV-0012:
// one of the kind prefixes (COM, INV, EFVP…) in any case, not preceded by
// a letter or digit of any script (« Télécom 12 », « XCOM-1 » are words),
// except a lower-case letter before a prefix in capitals (« dossierINV-0012 »);
// then spaces (line breaks among them) and at most three separator units
// (a dash, « _ », « / », « : », « . », « # », « ° », « n° », « no »: « INV--0012 »,
// « INV - - 0012 », « INV n° 12 », « INV·0012 »), or nothing; then the rest of
// the id: runs of ASCII letters and digits joined by single separators (« - »,
// « . » or « _ »), the longest such run, so that the mention is never the
// start of a longer token (« COM-00421 » does not name COM-0042). Unless a
// dash or « _ » separates them, the rest must start with a digit: « COM42 »
// and « com 0042 » are mentions, « Commission » and « col de » are words. A
// « . » followed by a space after a prefix not in capitals is an
// abbreviation (« inc. 12 », « Com. 12 »). A letter that does not fold to
// ASCII ends the rest (« INV-0012ж » names INV-0012): fail closed. HTML
// entities and percent-encoding are not decoded: the site shows them as
// written (« INV&#45;0012 »). « logiciel INV 12.3 » names INV-12-3, hence
// INV-0012 when there is no INV-12-3 (see Keys): fail closed.
type Mention struct {
	Start, End int
	Key        string
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

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isSpaceByte(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// Mentions returns the ids text names, in order (see Mention). It reads the
// folded view of text (foldMentionText) lazily: an ASCII text is read as it
// is, and no text is copied.
func Mentions(text string) []Mention {
	t := mentionReader{s: text}
	return t.mentions()
}

func (t *mentionReader) mentions() []Mention {
	var out []Mention
	s := t.s
	for i := 0; i < len(s); {
		c := s[i]
		if !mentionStop[c] { // most bytes start nothing
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if i+1 < len(s) && s[i+1] < utf8.RuneSelf && !secondLetter(c, s[i+1]) || !mayStartAt(s, i, i+1, c) {
				i++
				continue
			}
			m, next, ok := t.mentionAt(npos{i, 0})
			if !ok {
				i++
				continue
			}
			out = append(out, m)
			i = t.mentionsFrom(next, &out)
			continue
		}
		f, size := foldAt(s, i)
		if len(f) == 1 && (!mentionFirst[f[0]] || !mayStartAt(s, i, i+size, f[0])) {
			i += size // most accented letters
			continue
		}
		i = t.mentionsFrom(npos{i, 0}, &out)
	}
	return out
}

// mentionsFrom appends the mentions that start in the fold of the rune at
// p.i, from its byte p.k (after a mention that ends inside a fold), and
// returns the offset of the next rune. An ASCII byte at p is not read.
func (t *mentionReader) mentionsFrom(p npos, out *[]Mention) int {
next:
	for p.k > 0 || p.i < len(t.s) && t.s[p.i] >= utf8.RuneSelf {
		f, size := foldAt(t.s, p.i)
		for ; p.k < len(f); p.k++ {
			if mentionFirst[f[p.k]] {
				if m, n, ok := t.mentionAt(p); ok {
					*out = append(*out, m)
					p = n
					continue next
				}
			}
		}
		return p.i + size
	}
	return p.i
}

// mentionStop marks the bytes where a prefix may start: the first letters
// of the kind prefixes, in both cases, and the bytes of non-ASCII runes.
var mentionStop = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || mentionFirst[c]
	}
	return t
}()

// mayStartAt is a quick test, on the text as written, that a prefix whose
// first letter c is the rune s[i:j] may start there: false when the next
// ASCII letters cannot follow c in a prefix (COM, COL, EFVP, ENT, INV, INC,
// UTI), or when an ASCII letter or digit comes before it (except a
// lower-case letter before an upper-case c). Most words go no further.
func mayStartAt(s string, i, j int, c byte) bool {
	if j < len(s) && s[j] < utf8.RuneSelf {
		if !secondLetter(c, s[j]) {
			return false
		}
		if j+1 < len(s) && s[j+1] < utf8.RuneSelf && !thirdLetter(c, s[j+1]) {
			return false
		}
	}
	if i > 0 {
		if b := s[i-1]; isASCIIAlnum(b) && !(b >= 'a' && b <= 'z' && c <= 'Z') {
			return false
		}
	}
	return true
}

// mentionFirst marks the first letters of the kind prefixes, in both cases.
var mentionFirst = [256]bool{'C': true, 'c': true, 'E': true, 'e': true, 'I': true, 'i': true, 'U': true, 'u': true}

// secondLetter reports whether d may follow c in a kind prefix.
func secondLetter(c, d byte) bool {
	switch d |= 0x20; c | 0x20 {
	case 'c':
		return d == 'o'
	case 'e':
		return d == 'f' || d == 'n'
	case 'i':
		return d == 'n'
	case 'u':
		return d == 't'
	}
	return false
}

// thirdLetter reports whether e may follow c and a valid second letter in a
// kind prefix (COM, COL, EFV, ENT, INV, INC, UTI).
func thirdLetter(c, e byte) bool {
	switch e |= 0x20; c | 0x20 {
	case 'c':
		return e == 'm' || e == 'l'
	case 'e':
		return e == 'v' || e == 't'
	case 'i':
		return e == 'v' || e == 'c'
	case 'u':
		return e == 'i'
	}
	return false
}

// mentionAt reads a mention whose prefix starts at p in the folded view. It
// returns the mention and the position after it.
func (t *mentionReader) mentionAt(p npos) (Mention, npos, bool) {
	// The prefix: the longest kind prefix its first letters spell.
	var word [4]byte
	var after [4]npos
	n := 0
	for q := p; n < len(word); n++ {
		c, next, _, ok := t.get(q)
		if !ok || !isASCIILetter(c) {
			break
		}
		word[n], after[n], q = c, next, next
	}
	prefix := ""
	for _, pf := range mentionPrefixes {
		if len(pf) <= n && equalFoldASCII(word[:len(pf)], pf) {
			prefix = pf
			break
		}
	}
	if prefix == "" {
		return Mention{}, p, false
	}
	caps := true
	for _, c := range word[:len(prefix)] {
		caps = caps && c <= 'Z'
	}
	// The boundary: a letter or digit before the prefix, in any script,
	// makes it part of a word (« Télécom 12 », « XCOM-1 »), except a
	// lower-case letter before a prefix in capitals (« dossierINV-0012 »).
	if r, ok := t.prev(p); ok {
		var inWord, lower bool
		if r < utf8.RuneSelf {
			inWord, lower = isASCIIAlnum(byte(r)), r >= 'a' && r <= 'z'
		} else {
			inWord, lower = unicode.IsLetter(r) || unicode.IsNumber(r), unicode.IsLower(r)
		}
		if inWord && !(caps && lower) {
			return Mention{}, p, false
		}
	}
	// The separator: spaces and at most mentionSeparators units.
	j := after[len(prefix)-1]
	units, dashed, spaced := 0, false, false
	for {
		c, next, _, ok := t.get(j)
		if !ok {
			return Mention{}, p, false
		}
		if isSpaceByte(c) {
			j, spaced = next, true
			continue
		}
		if !t.separatorAt(c, &next, caps, spaced) {
			break
		}
		dashed = dashed || c == '-' || c == '_'
		if units++; units > mentionSeparators {
			return Mention{}, p, false
		}
		j, spaced = next, true
	}
	if c, _, _, ok := t.get(j); !ok || !isASCIIAlnum(c) || !dashed && !isDigit(c) {
		return Mention{}, p, false
	}
	// The rest: runs of letters and digits joined by single separators.
	var buf [32]byte
	key := append(append(buf[:0], prefix...), '-')
	last := p.i // the rune of the last byte of the mention
	for {
		digits, nonzero := false, false
		for {
			c, next, from, ok := t.get(j)
			if !ok || !isASCIIAlnum(c) {
				break
			}
			if isDigit(c) {
				if !digits {
					digits, nonzero = true, false
				}
				if c != '0' || nonzero {
					key, nonzero = append(key, c), true
				}
			} else {
				if digits && !nonzero {
					key = append(key, '0')
				}
				digits = false
				key = append(key, c&^0x20)
			}
			j, last = next, from
		}
		if digits && !nonzero {
			key = append(key, '0')
		}
		c, next, _, ok := t.get(j)
		if !ok || c != '.' && c != '-' && c != '_' {
			break
		}
		if d, _, _, ok := t.get(next); !ok || !isASCIIAlnum(d) {
			break
		}
		key = append(key, '-')
		j = next
	}
	end := last + 1
	if t.s[last] >= utf8.RuneSelf {
		_, size := utf8.DecodeRuneInString(t.s[last:])
		end = last + size
	}
	return Mention{Start: p.i, End: end, Key: string(key)}, j, true
}

// mentionSeparators is the most separator units between a prefix and the
// rest of an id (« INV - - 0012 », « INV n° 12 », « INV #12 »).
const mentionSeparators = 3

// separatorAt reports whether the folded byte c (already read; *next is the
// position after it) starts a separator unit between a prefix and the rest
// of an id, and moves *next after the unit: a dash, an underscore, « / »,
// « : », « . », « # », « ° », or « n° » / « no » (« nº » and « № » fold to
// these) followed by no letter, « no » only after a space or another unit.
// A « . » followed by a space after a prefix not in capitals is the point
// of an abbreviation (« inc. 12 », « Com. 12 »), not a separator.
func (t *mentionReader) separatorAt(c byte, next *npos, caps, spaced bool) bool {
	switch c {
	case '-', '_', '/', ':', '#':
		return true
	case '.':
		if !caps {
			if d, _, _, ok := t.get(*next); ok && isSpaceByte(d) {
				return false
			}
		}
		return true
	case 0xC2: // « ° » folds to itself: U+00B0
		d, nn, _, ok := t.get(*next)
		if !ok || d != 0xB0 {
			return false
		}
		*next = nn
		return true
	case 'n', 'N':
		d, nn, _, ok := t.get(*next)
		switch {
		case !ok:
			return false
		case d == 'o' || d == 'O':
			if !spaced {
				return false
			}
		case d == 0xC2:
			if d, nn, _, ok = t.get(nn); !ok || d != 0xB0 {
				return false
			}
		default:
			return false
		}
		if e, _, _, ok := t.get(nn); ok && (isASCIILetter(e) || e >= utf8.RuneSelf) {
			return false
		}
		*next = nn
		return true
	}
	return false
}

// equalFoldASCII compares s with an upper-case ASCII prefix p, ignoring the case of s.
func equalFoldASCII(s []byte, p string) bool {
	for i := 0; i < len(p); i++ {
		if s[i]&^0x20 != p[i] {
			return false
		}
	}
	return true
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
	byKey  map[string][]indexedID
	maxKey int // the length of the longest key
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
	x.maxKey = max(x.maxKey, len(key))
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
//
// Keys longer than the longest indexed key are skipped without being
// hashed: resolving a mention costs O(len(m.Key) + maxKey²), not
// O(len(m.Key)²) (a published « INV-1-1-1-…-1 » of a mebibyte).
func (x *IDIndex) Resolve(m Mention, token string) (id string, withheld, found bool) {
	return x.resolve(m, token, nil)
}

// resolve is Resolve, adding to *work (if not nil) the bytes of the keys it
// looks up.
func (x *IDIndex) resolve(m Mention, token string, work *int) (id string, withheld, found bool) {
	if x == nil {
		return "", false, false
	}
	first := strings.IndexByte(m.Key, '-')
	key := m.Key
	if len(key) > x.maxKey {
		// the longest key that is short enough: cut at a separator
		key = key[:min(x.maxKey+1, len(key))]
		key = key[:max(strings.LastIndexByte(key, '-'), 0)]
	}
	for len(key) > first && first >= 0 {
		if work != nil {
			*work += len(key)
		}
		cs := x.byKey[key]
		switch {
		case len(cs) == 1:
			return cs[0].id, cs[0].withheld, true
		case len(cs) > 1:
			if len(key) == len(m.Key) {
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
		key = key[:max(strings.LastIndexByte(key, '-'), 0)]
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

// PublishedConfigTexts calls fn with each text of registre.yaml that a
// public edition shows (pkg/table: title, address, organisation, contact,
// the preamble of each register), with its key path in registre.yaml.
func PublishedConfigTexts(c *Config, fn func(keyPath, text string)) {
	for _, t := range []struct{ path, text string }{
		{"publication/titre", c.Publication.Titre}, {"publication/url", c.Publication.URL},
		{"organisme/nom", c.Organisme.Nom}, {"organisme/sigle", c.Organisme.Sigle},
		{"responsable/titre", c.Responsable.Titre}, {"responsable/nom", c.Responsable.Nom},
		{"responsable/courriel", c.Responsable.Courriel}, {"responsable/telephone", c.Responsable.Telephone},
		{"responsable/adresse", c.Responsable.Adresse},
	} {
		if strings.TrimSpace(t.text) != "" {
			fn(t.path, t.text)
		}
	}
	for _, k := range SortedKeys(c.Publication.Preambules) {
		if t := c.Publication.Preambules[k]; strings.TrimSpace(t) != "" {
			fn("publication/preambules/"+k, t)
		}
	}
}

// RedactedText replaces, in a public output, a text that names a withheld
// entry (rule PUB-012): nothing of it is shown.
const RedactedText = "[texte retenu : il nomme une inscription non publiée]"
