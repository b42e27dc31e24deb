package regdiff

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	lintfmt "github.com/registre-qc/registre/pkg/format"
	"github.com/registre-qc/registre/pkg/model"
)

// Formats lists the output formats, default first.
var Formats = []string{"text", "markdown", "json"}

// Write writes the report in the named format.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "text":
		return r.WriteText(w)
	case "markdown":
		return r.WriteMarkdown(w)
	case "json":
		return r.WriteJSON(w)
	}
	return fmt.Errorf("format inconnu : %q (%s)", format, strings.Join(Formats, ", "))
}

// maxShort is the longest value shown in full in text and Markdown.
const maxShort = 60

// describe says how a field changed: a one-line summary and, for lists, the
// items added and removed. Long texts are summarised by their length.
func describe(fc FieldChange) (summary string, added, removed []string) {
	switch {
	case !fc.OldSet:
		if s, ok := short(fc.New); ok {
			return "ajouté : " + s, nil, nil
		}
		return "ajouté (" + size(fc.New) + ")", nil, nil
	case !fc.NewSet:
		if s, ok := short(fc.Old); ok {
			return "retiré (était : " + s + ")", nil, nil
		}
		return "retiré (était : " + size(fc.Old) + ")", nil, nil
	}
	ol, oList := fc.Old.([]any)
	nl, nList := fc.New.([]any)
	if oList || nList {
		if !oList {
			ol = []any{fc.Old}
		}
		if !nList {
			nl = []any{fc.New}
		}
		added, removed = listDiff(ol, nl)
		if len(added) == 0 && len(removed) == 0 {
			return "ordre modifié", nil, nil
		}
		return "", added, removed
	}
	oldS, ook := short(fc.Old)
	newS, nok := short(fc.New)
	if ook && nok {
		return oldS + " → " + newS, nil, nil
	}
	if _, isMap := fc.New.(map[string]any); isMap {
		return "modifié", nil, nil
	}
	return "texte modifié (" + size(fc.Old) + " → " + size(fc.New) + ")", nil, nil
}

// listDiff returns the items of b missing from a and of a missing from b (as multisets), in order.
func listDiff(a, b []any) (added, removed []string) {
	count := map[string]int{}
	for _, x := range a {
		count[display(x)]++
	}
	for _, x := range b {
		s := display(x)
		if count[s] > 0 {
			count[s]--
			continue
		}
		added = append(added, s)
	}
	count = map[string]int{}
	for _, x := range b {
		count[display(x)]++
	}
	for _, x := range a {
		s := display(x)
		if count[s] > 0 {
			count[s]--
			continue
		}
		removed = append(removed, s)
	}
	return added, removed
}

// display renders a value for people: booleans as Oui / Non, mappings compactly.
func display(v any) string {
	switch t := v.(type) {
	case nil:
		return "(vide)"
	case string:
		return t
	case bool:
		if t {
			return "Oui"
		}
		return "Non"
	case int64:
		return strconv.FormatInt(t, 10)
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case []any:
		parts := make([]string, len(t))
		for i, x := range t {
			parts[i] = display(x)
		}
		return strings.Join(parts, " ; ")
	}
	return compact(v)
}

// short returns the value quoted when it fits on one short line.
func short(v any) (string, bool) {
	s := display(v)
	if strings.ContainsAny(s, "\n\r") || utf8.RuneCountInString(s) > maxShort {
		return "", false
	}
	if _, isStr := v.(string); isStr {
		return "« " + s + " »", true
	}
	return s, true
}

// size describes a long value: « 3 lignes, 412 caractères ».
func size(v any) string {
	if l, ok := v.([]any); ok {
		return plural(len(l), "élément", "éléments")
	}
	s := strings.TrimRight(display(v), "\n") // a YAML block's final line feed is no line
	n := utf8.RuneCountInString(s)
	if lines := strings.Count(s, "\n") + 1; lines > 1 {
		return plural(lines, "ligne", "lignes") + ", " + plural(n, "caractère", "caractères")
	}
	return plural(n, "caractère", "caractères")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func fieldName(fc FieldChange) string {
	if fc.Title != "" {
		return fc.Title
	}
	return fc.Key
}

var opFrench = map[Op]string{Added: "ajoutée", Removed: "supprimée", Modified: "modifiée"}

func (r *Report) summary() string {
	a, d, m := r.Counts()
	if a+d+m == 0 {
		return fmt.Sprintf("Aucune modification des registres entre %s et %s.", r.From.Name, r.To.Name)
	}
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{a, "ajoutée"}, {d, "supprimée"}, {m, "modifiée"}} {
		if p.n > 0 {
			s := "s"
			if p.n == 1 {
				s = ""
			}
			parts = append(parts, fmt.Sprintf("%d %s%s", p.n, p.word, s))
		}
	}
	n := a + d + m
	word := "inscriptions"
	if n == 1 {
		word = "inscription"
	}
	return fmt.Sprintf("%d %s : %s.", n, word, strings.Join(parts, ", "))
}

// WriteText writes the report for a terminal. Control characters in user
// data are shown as escapes and no line may pass for a GitHub Actions
// workflow command (format.GuardLine). A public report names no id nor file,
// and lists no unreadable file (Run reports them on standard error).
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	line := func(format string, args ...any) {
		b.WriteString(lintfmt.GuardLine(lintfmt.OneLine(fmt.Sprintf(format, args...))) + "\n")
	}
	head := fmt.Sprintf("Registres : %s → %s", r.From.Name, r.To.Name)
	if r.Public {
		head += " (colonnes publiées)"
	}
	line("%s", head)
	var kind *model.Kind
	for _, c := range r.Changes {
		if c.Kind != kind {
			kind = c.Kind
			b.WriteString("\n")
			line("%s", kind.Name)
		}
		mark := map[Op]string{Added: "+", Removed: "-", Modified: "~"}[c.Op]
		if c.Anonymous {
			line("  %s %s", mark, anonymousText[c.Op])
			continue
		}
		l := fmt.Sprintf("  %s %s  %s", mark, c.ID, opFrench[c.Op])
		if r.Public {
			l = fmt.Sprintf("  %s %s", mark, opFrench[c.Op])
		}
		if c.Label != "" {
			l += " : " + c.Label
		}
		line("%s", l)
		if c.OldPath != "" && !r.Public {
			line("      déplacée : %s → %s", c.OldPath, c.Path)
		}
		if c.Op != Modified {
			continue
		}
		for _, fc := range c.Fields {
			sum, added, removed := describe(fc)
			if sum != "" {
				line("      %s : %s", fieldName(fc), sum)
				continue
			}
			line("      %s :", fieldName(fc))
			for _, s := range removed {
				line("        - %s", oneLine(s))
			}
			for _, s := range added {
				line("        + %s", oneLine(s))
			}
		}
	}
	if len(r.Unreadable) > 0 && !r.Public {
		b.WriteString("\nFichiers illisibles, non comparés :\n")
		for _, u := range r.Unreadable {
			line("  %s : %s : %s", r.sideName(u.Side), u.Path, u.Message)
		}
	}
	b.WriteString("\n")
	line("%s", r.summary())
	_, err := io.WriteString(w, b.String())
	return err
}

// anonymousText describes, in a public report, an entry that the published
// register lost or gained without naming it (it is withheld on one side).
var anonymousText = map[Op]string{
	Removed: "une inscription a été retirée du registre publié",
	Added:   "une inscription a été ajoutée au registre publié",
}

func (r *Report) sideName(side string) string {
	if side == "de" {
		return r.From.Name
	}
	return r.To.Name
}

// WriteMarkdown writes one table per kind, for a pull-request comment or a
// history page. Cell text is escaped: nothing a register holds is read as
// Markdown or HTML.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Modifications des registres : %s → %s\n\n", mdEscape(r.From.Name), mdEscape(r.To.Name))
	if len(r.Changes) == 0 {
		b.WriteString(mdEscape(r.summary()) + "\n")
	}
	var kind *model.Kind
	for _, c := range r.Changes {
		if c.Kind != kind {
			if kind != nil {
				b.WriteString("\n")
			}
			kind = c.Kind
			fmt.Fprintf(&b, "### %s\n\n| Inscription | Modification | Détail |\n| --- | --- | --- |\n", mdEscape(kind.Title))
		}
		if c.Anonymous {
			fmt.Fprintf(&b, "| — | %s | %s |\n", opFrench[c.Op], mdEscape(anonymousText[c.Op]))
			continue
		}
		name := mdEscape(c.ID)
		var detail []string
		if r.Public {
			name = mdEscape(textOr(c.Label, "—"))
		} else if c.Label != "" {
			detail = append(detail, mdEscape(c.Label))
		}
		if c.OldPath != "" && !r.Public {
			detail = append(detail, "déplacée : `"+strings.ReplaceAll(c.OldPath, "`", "")+"` → `"+strings.ReplaceAll(c.Path, "`", "")+"`")
		}
		if c.Op == Modified {
			for _, fc := range c.Fields {
				sum, added, removed := describe(fc)
				var parts []string
				if sum != "" {
					parts = append(parts, mdEscape(sum))
				}
				for _, s := range removed {
					parts = append(parts, "retiré « "+mdEscape(oneLine(s))+" »")
				}
				for _, s := range added {
					parts = append(parts, "ajouté « "+mdEscape(oneLine(s))+" »")
				}
				detail = append(detail, mdField(fc)+" : "+strings.Join(parts, " ; "))
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", name, opFrench[c.Op], strings.Join(detail, "<br>"))
	}
	if len(r.Unreadable) > 0 && !r.Public {
		b.WriteString("\n**Fichiers illisibles, non comparés :**\n\n")
		for _, u := range r.Unreadable {
			fmt.Fprintf(&b, "- %s : `%s` : %s\n", mdEscape(r.sideName(u.Side)), strings.ReplaceAll(u.Path, "`", ""), mdEscape(oneLine(u.Message)))
		}
	}
	if len(r.Changes) > 0 {
		b.WriteString("\n" + mdEscape(r.summary()) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdField names a field in Markdown: its column title in bold, else its key as code.
func mdField(fc FieldChange) string {
	if fc.Title != "" {
		return "**" + mdEscape(fc.Title) + "**"
	}
	return "`" + strings.ReplaceAll(fc.Key, "`", "") + "`"
}

var mdReplacer = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", "|", "\\|", "\\", "\\\\", "*", "\\*", "_", "\\_",
	"`", "\\`", "[", "\\[", "]", "\\]", "#", "\\#", "\n", "<br>", "\r", "")

// mdEscape makes text safe inside a Markdown table cell; control characters
// are shown as escapes.
func mdEscape(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = lintfmt.OneLine(l)
	}
	return mdReplacer.Replace(strings.Join(lines, "\n"))
}

func textOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// JSON shape: see the package documentation.
type jsonReport struct {
	From       jsonRev          `json:"de"`
	To         jsonRev          `json:"a"`
	Public     bool             `json:"public"`
	Summary    jsonSummary      `json:"resume"`
	Changes    []jsonChange     `json:"changements"`
	Unreadable []jsonUnreadable `json:"illisibles"`
}

type jsonRev struct {
	Name   string `json:"nom"`
	Commit string `json:"commit,omitempty"`
}

type jsonSummary struct {
	Added    int `json:"ajouts"`
	Removed  int `json:"suppressions"`
	Modified int `json:"modifications"`
}

type jsonChange struct {
	Kind string `json:"registre"`
	ID   string `json:"id,omitempty"` // absent in a public report
	Op   Op     `json:"operation"`
	Path string `json:"chemin,omitempty"` // absent in a public report
	// Anonymous: a public report's entry lost or gained without naming it.
	Anonymous bool        `json:"anonyme,omitempty"`
	OldPath   string      `json:"ancien_chemin,omitempty"`
	Label     string      `json:"libelle,omitempty"`
	Fields    []jsonField `json:"champs"`
}

type jsonField struct {
	Key   string `json:"cle"`
	Title string `json:"titre,omitempty"`
	Old   any    `json:"avant,omitempty"`
	New   any    `json:"apres,omitempty"`
}

type jsonUnreadable struct {
	Side    string `json:"cote"`
	Path    string `json:"chemin"`
	Message string `json:"message"`
}

// WriteJSON writes the documented JSON shape (package documentation).
func (r *Report) WriteJSON(w io.Writer) error {
	a, d, m := r.Counts()
	out := jsonReport{
		From:       jsonRev{r.From.Name, r.From.Commit},
		To:         jsonRev{r.To.Name, r.To.Commit},
		Public:     r.Public,
		Summary:    jsonSummary{a, d, m},
		Changes:    []jsonChange{},
		Unreadable: []jsonUnreadable{},
	}
	for _, c := range r.Changes {
		jc := jsonChange{Kind: c.Kind.Name, ID: c.ID, Op: c.Op, Path: c.Path, OldPath: c.OldPath, Label: c.Label, Anonymous: c.Anonymous, Fields: []jsonField{}}
		if r.Public {
			jc.ID, jc.Path, jc.OldPath = "", "", ""
		}
		for _, fc := range c.Fields {
			jc.Fields = append(jc.Fields, jsonField{Key: fc.Key, Title: fc.Title, Old: fc.Old, New: fc.New})
		}
		out.Changes = append(out.Changes, jc)
	}
	for _, u := range r.Unreadable {
		if !r.Public {
			out.Unreadable = append(out.Unreadable, jsonUnreadable(u))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
