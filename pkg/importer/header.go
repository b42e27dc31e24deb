package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/table"
)

// Column says what one column of the sheet holds.
type Column struct {
	Index int          // 0-based position in the sheet
	Title string       // as written in the header
	Field *model.Field // nil when the column is ignored
	// Approx is set when the title matched only approximately (words added
	// to the declared title); the command says so on standard error.
	Approx bool
}

// Mapping is the result of matching a header row against a kind.
type Mapping struct {
	Columns []Column // one per header cell, in order
	// Missing lists the required published columns absent from the header:
	// entries are written without them and lint reports each one.
	Missing []*model.Field
	// Ignored lists the titles of columns skipped by --ignore-column or --ignore-unknown.
	Ignored []string
	// UnusedIgnores lists --ignore-column titles that matched no column.
	UnusedIgnores []string
}

// HeaderError is an unknown or duplicated column; its message is French and
// lists the titles the kind recognises.
type HeaderError struct{ Msg string }

func (e *HeaderError) Error() string { return e.Msg }

// matchKey normalises a column title for comparison: case-folded, accents
// stripped, apostrophes (straight or curly), punctuation and runs of space
// (line breaks included) collapsed to one separator, a trailing « (Oui/Non) » dropped, each word made singular
// (« organismes » = « organisme », « receveurs » = « receveur »), and « RP »
// or « renseignements personnels » read as « renseignements ».
func matchKey(s string) string {
	return strings.Join(matchWords(s), " ")
}

var ouiNonRe = regexp.MustCompile(`\(\s*(oui\s*(/|ou)\s*non|o\s*/\s*n)\s*\)\s*$`)

func matchWords(s string) []string {
	s = norm.NFD.String(s)
	var b strings.Builder
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) { // accents stripped
			b.WriteRune(unicode.ToLower(r))
		}
	}
	s = ouiNonRe.ReplaceAllString(strings.TrimSpace(b.String()), "")
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := words[:0]
	for i := 0; i < len(words); i++ {
		w := singular(words[i])
		switch {
		case w == "rp":
			w = "renseignement"
		case w == "renseignement" && i+1 < len(words) && singular(words[i+1]) == "personnel":
			i++
		}
		out = append(out, w)
	}
	return out
}

// singular drops a plural « s » or « x » (aux → au, fins → fin); good enough
// to compare column titles, never shown.
func singular(w string) string {
	if len(w) > 2 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) {
		return w[:len(w)-1]
	}
	return w
}

// importable reports whether a field can be read from one cell.
func importable(f *model.Field) bool {
	return f.Type != model.ObjectList
}

// fieldKeys returns the match keys of a field: its title, its YAML key and,
// for the id, the title of the export's first column (« Identifiant »).
func fieldKeys(f *model.Field) []string {
	var keys []string
	if f.Title != "" {
		keys = append(keys, matchKey(f.Title))
	}
	keys = append(keys, matchKey(f.Key))
	if f.Key == "id" {
		keys = append(keys, matchKey(table.IDTitle))
	}
	return keys
}

// MatchHeader maps each header cell to a field of k. Unknown columns are an
// error unless ignored; a column that is empty in the header and in every row
// is skipped silently, and cells beyond the last title count as untitled columns.
func MatchHeader(k *model.Kind, s *Sheet, o Options) (*Mapping, error) {
	// Cells beyond the header's last title are untitled columns.
	width := len(s.Header)
	for _, r := range s.Rows {
		width = max(width, len(r.Cells))
	}
	if width > len(s.Header) {
		padded := *s
		padded.Header = append(slices.Clip(s.Header), make([]string, width-len(s.Header))...)
		s = &padded
	}
	m := &Mapping{Columns: make([]Column, len(s.Header))}
	byKey := map[string]*model.Field{}
	for i := range k.Fields {
		f := &k.Fields[i]
		if !importable(f) {
			continue
		}
		for _, key := range fieldKeys(f) {
			byKey[key] = f
		}
	}
	ignore := map[string]bool{}
	usedIgnore := map[string]bool{}
	for _, t := range o.IgnoreColumns {
		ignore[matchKey(t)] = true
	}
	taken := map[*model.Field]int{} // field → column index
	var pending []int               // columns with no exact match
	for i, title := range s.Header {
		c := &m.Columns[i]
		c.Index, c.Title = i, strings.TrimSpace(title)
		key := matchKey(title)
		switch {
		case ignore[key]:
			usedIgnore[key] = true
			m.Ignored = append(m.Ignored, c.Title)
		case key == "" && columnEmpty(s, i):
			// a trailing or spacer column with nothing in it
		case byKey[key] != nil:
			f := byKey[key]
			if j, dup := taken[f]; dup {
				return nil, &HeaderError{fmt.Sprintf("les colonnes %s et %s désignent toutes deux « %s » : gardez-en une, ou ignorez l'autre avec --ignore-column",
					colName(j, s.Header[j]), colName(i, title), fieldName(f))}
			}
			taken[f] = i
			c.Field = f
		default:
			pending = append(pending, i)
		}
	}
	// Approximate matches: the declared title's words appear in order in the
	// header, with at most two more words (« Fins pour lesquelles les RP ont
	// initialement été recueillis »), and the pairing is unambiguous: the
	// column matches only that field, and the field only that column.
	var free []*model.Field // published columns without an exact match
	var titles [][]string
	for j := range k.Fields {
		f := &k.Fields[j]
		if _, ok := taken[f]; !ok && f.Column() && importable(f) {
			free = append(free, f)
			titles = append(titles, matchWords(f.Title))
		}
	}
	cands := make([][]int, len(pending)) // per pending column: indexes into free
	claims := make([]int, len(free))     // per free field: pending columns that match it
	for pi, i := range pending {
		words := matchWords(s.Header[i])
		for j := range free {
			if approxMatch(titles[j], words) {
				cands[pi] = append(cands[pi], j)
				claims[j]++
			}
		}
	}
	var unknown []int
	for pi, i := range pending {
		if c := cands[pi]; len(c) == 1 && claims[c[0]] == 1 {
			taken[free[c[0]]] = i
			m.Columns[i].Field, m.Columns[i].Approx = free[c[0]], true
			continue
		}
		if o.IgnoreUnknown {
			m.Ignored = append(m.Ignored, m.Columns[i].Title)
			continue
		}
		unknown = append(unknown, i)
	}
	if len(unknown) > 0 {
		return nil, unknownError(k, s, unknown, len(taken) == 0)
	}
	for _, t := range o.IgnoreColumns {
		if !usedIgnore[matchKey(t)] {
			m.UnusedIgnores = append(m.UnusedIgnores, t)
		}
	}
	for i := range k.Fields {
		f := &k.Fields[i]
		if _, ok := taken[f]; !ok && f.Column() && f.Req != model.Optional {
			m.Missing = append(m.Missing, f)
		}
	}
	return m, nil
}

// approxMatch reports whether title's words are a subsequence of header's,
// with one or two words more.
func approxMatch(title, header []string) bool {
	extra := len(header) - len(title)
	if len(title) == 0 || extra < 1 || extra > 2 {
		return false
	}
	j := 0
	for _, w := range header {
		if j < len(title) && w == title[j] {
			j++
		}
	}
	return j == len(title)
}

func columnEmpty(s *Sheet, i int) bool {
	for _, r := range s.Rows {
		if i < len(r.Cells) && strings.TrimSpace(r.Cells[i]) != "" {
			return false
		}
	}
	return true
}

// colName names a column for people: « colonne C (« Titre ») ».
func colName(i int, title string) string {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return fmt.Sprintf("la colonne %s (sans titre)", letters(i))
	}
	return fmt.Sprintf("la colonne %s (« %s »)", letters(i), title)
}

// letters converts a 0-based column index to spreadsheet letters: 0 → A, 26 → AA.
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func fieldName(f *model.Field) string {
	if f.Title != "" {
		return f.Title
	}
	return f.Key
}

func unknownError(k *model.Kind, s *Sheet, unknown []int, nothingMatched bool) error {
	var b strings.Builder
	if len(unknown) == 1 {
		fmt.Fprintf(&b, "colonne inconnue pour le registre %s : %s", k.Name, colName(unknown[0], s.Header[unknown[0]]))
	} else {
		fmt.Fprintf(&b, "%d colonnes inconnues pour le registre %s :", len(unknown), k.Name)
		const maxShown = 10
		for n, i := range unknown {
			if n == maxShown {
				fmt.Fprintf(&b, "\n  … et %d autres", len(unknown)-maxShown)
				break
			}
			b.WriteString("\n  " + colName(i, s.Header[i]))
		}
	}
	b.WriteString("\nTitres reconnus (la casse, les accents et « RP » pour « renseignements personnels » sont indifférents) :\n  " + table.IDTitle)
	var keys []string
	for i := range k.Fields {
		f := &k.Fields[i]
		switch {
		case !importable(f):
		case f.Column():
			b.WriteString("\n  " + f.Title)
		case f.Key != "id":
			keys = append(keys, f.Key)
		}
	}
	if len(keys) > 0 {
		b.WriteString("\nou la clé YAML d'un champ : " + strings.Join(keys, ", "))
	}
	if nothingMatched {
		b.WriteString("\nAucun titre n'est reconnu : la première ligne non vide doit être celle des titres de colonnes, et le registre (" + k.Name + ") doit être le bon.")
	}
	t := strings.TrimSpace(s.Header[unknown[0]])
	if t == "" {
		t = "Titre"
	}
	fmt.Fprintf(&b, "\nPour ignorer une colonne : --ignore-column %q ; pour ignorer toutes les colonnes inconnues : --ignore-unknown", t)
	return &HeaderError{b.String()}
}
