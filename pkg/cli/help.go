package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/registre-qc/registre/pkg/cmdutil"
)

// flagValueNames names the value of an option in help and documentation, by
// option name: the one place that says what to write after --date, --out…
var flagValueNames = map[string]string{
	"date":          "AAAA-MM-JJ",
	"out":           "DOSSIER",
	"changed-since": "RÉVISION",
	"fail-level":    "SÉVÉRITÉ",
	"format":        "FORMAT",
	"profile":       "PROFIL",
	"csv-profile":   "PROFIL",
	"audience":      "PUBLIC",
	"id":            "ID",
	"since":         "RÉVISION",
	"ignore-column": "COLONNE",
	"registre":      "REGISTRE",
	"annee":         "AAAA",
	"feuille":       "FEUILLE",
	"dossier":       "DOSSIER",
	"destinataire":  "DESTINATAIRE",
	"as-of":         "AAAA-MM-JJ|RÉVISION",
	"dans":          "JOURS",
}

// valueAnnotation names an option's value where the name by option does not
// fit (cmdutil.ValueName: avis --out is a file, build --out a folder).
const valueAnnotation = cmdutil.ValueAnnotation

// typeNames are the French value names by pflag type, when an option has no
// name of its own.
var typeNames = map[string]string{
	"string": "TEXTE", "stringArray": "VALEUR", "stringSlice": "VALEURS", "int": "NOMBRE", "duration": "DURÉE",
}

// repeatable reports whether an option may be given several times.
func repeatable(f *pflag.Flag) bool {
	t := f.Value.Type()
	return strings.HasSuffix(t, "Array") || strings.HasSuffix(t, "Slice")
}

// valueName is what the help writes after the option (« --date AAAA-MM-JJ »);
// "" for a switch.
func valueName(f *pflag.Flag) string {
	if f.Value.Type() == "bool" {
		return ""
	}
	if n, _ := pflag.UnquoteUsage(f); strings.ContainsAny(f.Usage, "`") && n != "" {
		return n
	}
	if n := f.Annotations[valueAnnotation]; len(n) == 1 {
		return n[0]
	}
	if n, ok := flagValueNames[f.Name]; ok {
		return n
	}
	if n, ok := typeNames[f.Value.Type()]; ok {
		return n
	}
	return "VALEUR"
}

// defaultText is the default value as the help shows it, or "".
func defaultText(f *pflag.Flag) string {
	switch d := f.DefValue; {
	case d == "" || d == "[]" || d == "false" || d == "0" || f.Name == "help":
		return ""
	case strings.HasPrefix(d, "[") && strings.HasSuffix(d, "]"):
		return strings.TrimSuffix(strings.TrimPrefix(d, "["), "]")
	default:
		return d
	}
}

// FlagUsages writes the options of fs in French, aligned: « -f, --format
// FORMAT   … (défaut : text ; répétable) ». Help, Markdown reference and
// completion descriptions share it.
func FlagUsages(fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		if v := valueName(f); v != "" {
			left += " " + v
		}
		_, usage := pflag.UnquoteUsage(f)
		var notes []string
		if d := defaultText(f); d != "" {
			notes = append(notes, "défaut : "+d)
		}
		if repeatable(f) {
			notes = append(notes, "répétable")
		}
		if len(notes) > 0 {
			usage += " (" + strings.Join(notes, " ; ") + ")"
		}
		rows = append(rows, row{left, usage})
		width = max(width, len([]rune(left)))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%s%s   %s\n", r.left, strings.Repeat(" ", width-len([]rune(r.left))), r.usage)
	}
	return strings.TrimRight(b.String(), "\n")
}

// UseLine is cobra's usage line in French: « [options] », not « [flags] ».
func UseLine(c *cobra.Command) string {
	return strings.Replace(c.UseLine(), " [flags]", " [options]", 1)
}

// argNames returns the argument names of c's Use line: required ones
// (« RÈGLE ») and optional ones (« [DOSSIER] »), in order.
func argNames(c *cobra.Command) (required, optional []string) {
	// « [DOSSIER | FICHIER…] » is one argument of two kinds.
	fields := strings.Fields(strings.ReplaceAll(c.Use, " | ", "|"))
	for _, f := range fields[min(1, len(fields)):] {
		if strings.HasPrefix(f, "[") {
			optional = append(optional, strings.Trim(f, "[]."))
			continue
		}
		required = append(required, strings.TrimRight(f, "."))
	}
	return required, optional
}

func init() {
	cobra.AddTemplateFunc("frUseLine", UseLine)
	cobra.AddTemplateFunc("frFlags", FlagUsages)
}

// commandNames lists the available subcommands of c, sorted.
func commandNames(c *cobra.Command) []string {
	var out []string
	for _, s := range c.Commands() {
		if s.IsAvailableCommand() || s.Name() == "help" {
			out = append(out, s.Name())
		}
	}
	sort.Strings(out)
	return out
}
