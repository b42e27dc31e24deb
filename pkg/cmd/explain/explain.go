// Package explain is `registre explain RULE`: the documentation of one rule.
package explain

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/rule"
	"github.com/registre-qc/registre/pkg/suggest"
)

// Options are the parsed arguments.
type Options struct {
	IO *iostreams.IOStreams
	ID string // the rule id, as typed
}

// NewCmd builds the command; runF replaces the run in parse tests.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	return &cobra.Command{
		Use:     "explain RÈGLE",
		Short:   "Explique une règle : ce qu'elle vérifie, pourquoi, l'article, un exemple",
		Example: "  registre explain COM-007",
		Args:    cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ID = args[0]
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
}

// Run prints the documentation of the rule o.ID.
func Run(o *Options) error {
	r := rule.Get(o.ID)
	if r == nil {
		var ids []string
		for _, x := range rule.All() {
			ids = append(ids, x.ID)
		}
		if sg := suggest.Value(o.ID, ids); sg != "" {
			return cmdutil.Usagef("règle inconnue : %s ; vouliez-vous dire %s ? (la liste : registre rules)", o.ID, sg)
		}
		return cmdutil.Usagef("règle inconnue : %s (la liste : registre rules)", o.ID)
	}
	Write(o.IO.Out, r)
	return nil
}

// Write prints the documentation of r.
func Write(w io.Writer, r *rule.Rule) {
	d := r.Doc
	fmt.Fprintf(w, "%s — %s\n\n", r.ID, d.Title)
	fmt.Fprintf(w, "Sévérité par défaut : %s", d.Severity.French())
	if d.Confidence != "" {
		fmt.Fprintf(w, " · confiance : %s", confidence(d.Confidence))
	}
	fmt.Fprintf(w, " · depuis : %s\n", d.Since)
	if d.Law != "" && d.LawPrivate != "" {
		fmt.Fprintf(w, "Fondement (organisme public) : %s\nFondement (entreprise) : %s\n", d.Law, d.LawPrivate)
	} else if d.Law != "" {
		fmt.Fprintf(w, "Fondement : %s\n", d.Law)
	}
	if r.Fixed {
		fmt.Fprintln(w, "Règle d'intégrité : elle ne peut être ni désactivée ni ignorée.")
	}
	if r.Retired != "" {
		fmt.Fprintf(w, "Règle %s\n", r.Retired)
	}
	fmt.Fprintf(w, "\n%s\n", wrap(d.Text, 100))
	fmt.Fprintf(w, "\nExemple fautif :\n%s\nExemple corrigé :\n%s", indent(d.Bad), indent(d.Good))
	if !r.Fixed && r.Retired == "" {
		fmt.Fprintf(w, "\nRéglage : dans registre.yaml, lint: {regles: {%s: warning}} (error, warning, info, off) ;\n", r.ID)
		fmt.Fprintf(w, "exception pour une inscription : ignorer: [{regle: %s, raison: « … »}]\n", r.ID)
	}
}

func confidence(c string) string {
	switch c {
	case "H":
		return "élevée (texte vérifié, vérification mécanique)"
	case "M":
		return "moyenne (interprétation ou texte en partie vérifié)"
	case "L":
		return "faible (heuristique)"
	}
	return c
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("    " + l + "\n")
	}
	return b.String()
}

func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		l := len([]rune(w))
		if n > 0 && n+1+l > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}
