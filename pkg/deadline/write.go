package deadline

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats are the output formats of Write.
var Formats = []string{"text", "json", "markdown"}

// Report is what Write prints: the items and the date they were computed for.
type Report struct {
	Today   string
	Horizon int
	Items   []Item
	All     bool // text and markdown: list the items beyond the horizon too (JSON always does)
}

// shown returns the items text and markdown list, and how many they hold back.
func (r Report) shown() (items []Item, hidden int) {
	for _, it := range r.Items {
		if it.Status == Later && !r.All {
			hidden++
			continue
		}
		items = append(items, it)
	}
	return items, hidden
}

func hiddenNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%s au-delà de l'horizon : --tout pour les lister.", plural(n, "échéance"))
}

// Write prints r in format (text, json or markdown).
//
// A write error (a full disk, a closed pipe) is returned, never lost: a
// scheduled job must not take a list it never got for a list.
func (r Report) Write(w io.Writer, format string) error {
	ew := &errWriter{w: w}
	var err error
	switch format {
	case "json":
		err = r.json(ew)
	case "markdown":
		err = r.markdown(ew)
	default:
		err = r.text(ew)
	}
	if err == nil {
		err = ew.err
	}
	return err
}

// errWriter keeps the first write error of w and writes nothing after it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}

func (r Report) counts() map[Status]int {
	n := map[Status]int{}
	for _, it := range r.Items {
		n[it.Status]++
	}
	return n
}

func (r Report) summary() string {
	n := r.counts()
	if len(r.Items) == 0 {
		return "Aucune échéance."
	}
	return fmt.Sprintf("%d en retard, %d à réévaluer, %d à faire dans les %d jours, %d plus tard, %d pour information.",
		n[Late], n[Reevaluate], n[Due], r.Horizon, n[Later], n[Info])
}

// when says the due date relative to today, in French.
func when(it Item) string {
	switch {
	case it.Anchor == Since:
		return "depuis le " + it.Due
	case it.Status == Reevaluate:
		return fmt.Sprintf("à revoir au plus tard le %s (%s)", it.Due, relative(it.Days))
	case it.Anchor == Until:
		return fmt.Sprintf("jusqu'au %s (dans %s)", it.Due, plural(it.Days, "jour"))
	case it.Days < 0:
		return fmt.Sprintf("dû le %s (%s de retard)", it.Due, plural(-it.Days, "jour"))
	case it.Days == 0:
		return "dû aujourd'hui (" + it.Due + ")"
	default:
		return fmt.Sprintf("dû le %s (dans %s)", it.Due, plural(it.Days, "jour"))
	}
}

func relative(days int) string {
	switch {
	case days < 0:
		return "il y a " + plural(-days, "jour")
	case days == 0:
		return "aujourd'hui"
	default:
		return "dans " + plural(days, "jour")
	}
}

func plural(n int, word string) string {
	if n > 1 {
		return fmt.Sprintf("%d %ss", n, word)
	}
	return fmt.Sprintf("%d %s", n, word)
}

// safe keeps user text on one line and never lets it start a line with "::"
// (a workflow command for GitHub Actions) or carry control characters.
func safe(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
	return s
}

func (r Report) text(w io.Writer) error {
	fmt.Fprintf(w, "Échéances au %s (horizon : %d jours)\n", r.Today, r.Horizon)
	var cur Status = -1
	items, hidden := r.shown()
	for _, it := range items {
		if it.Status != cur {
			cur = it.Status
			fmt.Fprintf(w, "\n%s\n", strings.ToUpper(cur.Label()))
		}
		fmt.Fprintf(w, "  %s:%d:%d: %s — %s, %s\n      %s [%s]\n", safe(it.Path), it.Pos.Line, it.Pos.Col, safe(it.EntryID), safe(it.What), when(it), safe(it.Detail), it.Law)
	}
	fmt.Fprintf(w, "\n%s\n", r.summary())
	if n := hiddenNote(hidden); n != "" {
		fmt.Fprintln(w, n)
	}
	return nil
}

func mdEscape(s string) string {
	s = safe(s)
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`).Replace(s)
}

func (r Report) markdown(w io.Writer) error {
	items, hidden := r.shown()
	fmt.Fprintf(w, "## Échéances au %s\n\n%s", r.Today, r.summary())
	if n := hiddenNote(hidden); n != "" {
		fmt.Fprint(w, " "+n)
	}
	fmt.Fprintln(w)
	if len(items) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\n| État | Échéance | Inscription | À faire | Faits | Fondement |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, it := range items {
		fmt.Fprintf(w, "| %s | %s | `%s` (%s:%d) | %s | %s | %s |\n", it.Status.Label(), when(it), strings.ReplaceAll(safe(it.EntryID), "`", ""),
			mdEscape(it.Path), it.Pos.Line, mdEscape(it.What), mdEscape(it.Detail), mdEscape(it.Law))
	}
	return nil
}

type jsonItem struct {
	Etat        string `json:"etat"`
	Echeance    string `json:"echeance"`
	Jours       int    `json:"jours"`
	Inscription string `json:"inscription"`
	Fichier     string `json:"fichier"`
	Ligne       int    `json:"ligne"`
	Colonne     int    `json:"colonne"`
	AFaire      string `json:"a_faire"`
	Faits       string `json:"faits"`
	Fondement   string `json:"fondement"`
}

func (r Report) json(w io.Writer) error {
	out := struct {
		Date     string     `json:"date"`
		Horizon  int        `json:"horizon_jours"`
		Retard   bool       `json:"retard"`
		Echeance []jsonItem `json:"echeances"`
	}{Date: r.Today, Horizon: r.Horizon, Retard: AnyLate(r.Items), Echeance: []jsonItem{}}
	for _, it := range r.Items {
		out.Echeance = append(out.Echeance, jsonItem{it.Status.Code(), it.Due, it.Days, it.EntryID, it.Path, it.Pos.Line, it.Pos.Col, it.What, it.Detail, it.Law})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
