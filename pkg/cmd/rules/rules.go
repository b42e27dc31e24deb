// Package rules is `registre rules`: the catalogue of rules.
package rules

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/rule"
)

// NewCmd builds the command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	var form string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Liste les règles de vérification, leur sévérité et leur fondement",
		Args:  cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			switch form {
			case "text":
				return Text(f.IO.Out)
			case "markdown", "md":
				return Markdown(f.IO.Out)
			case "json":
				return JSON(f.IO.Out)
			}
			return cmdutil.Usagef("format inconnu : %q (text, markdown ou json)", form)
		},
	}
	cmd.Flags().StringVarP(&form, "format", "f", "text", "text, markdown ou json")
	return cmd
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
