// Package rules is `registre rules`: the catalogue of rules.
package rules

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/rule"
)

// Options are the parsed flags.
type Options struct {
	IO     *iostreams.IOStreams
	Getenv func(string) string
	Format string
}

// Formats are the values of --format.
var Formats = []string{"text", "markdown", "json"}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO, Getenv: f.Getenv}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Liste les règles de vérification, leur sévérité et leur fondement",
		Args:  cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVarP(&o.Format, "format", "f", "text", "format de sortie : "+cmdutil.JoinOr(Formats))
	return cmd
}

// Run writes the catalogue in o.Format.
func Run(o *Options) error {
	form, err := cmdutil.ChoiceAliases("format", o.Format, Formats, map[string]string{"md": "markdown"})
	if err != nil {
		return err
	}
	switch form {
	case "text":
		if o.IO.IsStdoutTTY() {
			return TextWidth(o.IO.Out, termWidth(o.Getenv))
		}
		return Text(o.IO.Out)
	case "markdown":
		return Markdown(o.IO.Out)
	default: // json
		return JSON(o.IO.Out)
	}
}

// Text writes an aligned table.
func Text(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RÈGLE\tSÉVÉRITÉ\tTITRE\tFONDEMENT")
	for _, r := range rule.All() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, severity(r), r.Doc.Title, law(r))
	}
	return tw.Flush()
}

// severity is the default severity in French, or « retirée » for a retired rule.
func severity(r *rule.Rule) string {
	if r.Retired != "" {
		return "retirée"
	}
	return r.Doc.Severity.French()
}

// law is the legal basis; a rule whose basis differs for enterprises gives both.
func law(r *rule.Rule) string {
	if r.Doc.LawPrivate != "" {
		return r.Doc.Law + " (entreprise : " + r.Doc.LawPrivate + ")"
	}
	return r.Doc.Law
}

// termWidth is the terminal's width: COLUMNS when set, else the size of
// standard output, else 80.
func termWidth(getenv func(string) string) int {
	if getenv != nil {
		if n, err := strconv.Atoi(getenv("COLUMNS")); err == nil && n > 0 {
			return n
		}
	}
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
		return w
	}
	return 80
}

// TextWidth writes the table for a terminal of the given width: the title
// and the legal basis wrapped under the TITRE column, so no line is wider
// than the terminal (a piped output keeps Text's one line per rule).
func TextWidth(w io.Writer, width int) error {
	const idW, sevW = 10, 15
	room := max(width-idW-sevW, 20)
	pad := strings.Repeat(" ", idW+sevW)
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s%-*s%s\n", idW, "RÈGLE", sevW, "SÉVÉRITÉ", "TITRE ET FONDEMENT")
	for _, r := range rule.All() {
		lines := wrap(r.Doc.Title, room)
		if l := law(r); l != "" {
			lines = append(lines, wrap(l, room)...)
		}
		for i, l := range lines {
			if i == 0 {
				fmt.Fprintf(&b, "%-*s%-*s%s\n", idW, r.ID, sevW, severity(r), l)
				continue
			}
			b.WriteString(pad + l + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wrap cuts text into lines of at most width runes (a longer word is cut).
func wrap(text string, width int) []string {
	var out []string
	line := ""
	for _, word := range strings.Fields(text) {
		for len([]rune(word)) > width {
			if line != "" {
				out, line = append(out, line), ""
			}
			r := []rune(word)
			out, word = append(out, string(r[:width])), string(r[width:])
		}
		switch {
		case line == "":
			line = word
		case len([]rune(line))+1+len([]rune(word)) > width:
			out, line = append(out, line), word
		default:
			line += " " + word
		}
	}
	if line != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// Markdown writes the table used in the README.
func Markdown(w io.Writer) error {
	fmt.Fprintln(w, "| Règle | Sévérité | Titre | Fondement |")
	fmt.Fprintln(w, "|---|---|---|---|")
	esc := strings.NewReplacer("|", `\|`)
	for _, r := range rule.All() {
		fmt.Fprintf(w, "| `%s` | %s | %s | %s |\n", r.ID, severity(r), esc.Replace(r.Doc.Title), esc.Replace(law(r)))
	}
	return nil
}

// JSON writes the full documentation of every rule.
func JSON(w io.Writer) error {
	type doc struct {
		ID        string `json:"id"`
		Titre     string `json:"titre"`
		Texte     string `json:"texte"`
		Fondement string `json:"fondement,omitempty"`
		Prive     string `json:"fondement_entreprise,omitempty"`
		Severite  string `json:"severite"`
		Confiance string `json:"confiance"`
		Depuis    string `json:"depuis"`
		Fautif    string `json:"exemple_fautif"`
		Corrige   string `json:"exemple_corrige"`
		Integrite bool   `json:"integrite,omitempty"`
		Retiree   string `json:"retiree,omitempty"`
	}
	var out []doc
	for _, r := range rule.All() {
		d := r.Doc
		out = append(out, doc{r.ID, d.Title, d.Text, d.Law, d.LawPrivate, d.Severity.String(), d.Confidence, d.Since, d.Bad, d.Good, r.Fixed, r.Retired})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
