package scaffold

import (
	"bytes"
	"strings"

	"github.com/registre-qc/registre/pkg/entryfile"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/schema"
)

// Config returns the registre.yaml of a new repository, generated from
// model.ConfigFields: the required settings are set (the organisation's name
// is a placeholder to replace), every optional one is written commented out
// with its description, ready to uncomment.
func Config() []byte {
	var b strings.Builder
	b.WriteString(SchemaLine(SchemaDir+"/"+schema.FileName(schema.ConfigKey)) + "\n#\n")
	b.WriteString(commentLines(wrapComment("Réglages du dépôt des registres : l'organisme, le responsable de l'accès et de la protection "+
		"des renseignements personnels, la publication et la vérification. Les lignes qui commencent par « # » sont des "+
		"commentaires ; pour activer un réglage, retirez le « # » au début de ses lignes.", 96), ""))
	writeConfigFields(&b, model.ConfigFields, 0, -1)
	return []byte(b.String())
}

// writeConfigFields writes fields at indent; cmt is the column of the « # »
// that comments out the enclosing block (-1 when it is active).
func writeConfigFields(b *strings.Builder, fields []model.Field, indent, cmt int) {
	for i := range fields {
		f := &fields[i]
		own := cmt
		if own < 0 && f.Req != model.Required {
			own = indent // an optional setting: commented out from here
		}
		if indent == 0 {
			b.WriteString("\n")
		}
		value, placeholder := configValue(f, own < 0)
		if f.Desc != "" {
			desc := f.Desc
			if f.Req == model.Required && !strings.Contains(desc, "obligatoire") {
				desc += " (obligatoire)"
			}
			if placeholder {
				desc += " Remplacez la valeur."
			}
			if len(f.Enum) > 0 && !containsAll(desc, f.Enum) {
				desc += " Valeurs permises : " + strings.Join(f.Enum, ", ") + "."
			}
			b.WriteString(commentLines(wrapComment(desc, 96-indent), linePrefix(indent, cmt)))
		}
		prefix := linePrefix(indent, own)
		switch {
		case f.Type == model.Object && len(f.Fields) > 0:
			b.WriteString(prefix + f.Key + ":\n")
			writeConfigFields(b, f.Fields, indent+2, own)
		default:
			b.WriteString(prefix + f.Key + ":" + value + "\n")
		}
	}
}

// linePrefix is the indentation of a line, with the « # » of a commented-out block.
func linePrefix(indent, cmt int) string {
	if cmt < 0 {
		return strings.Repeat(" ", indent)
	}
	return strings.Repeat(" ", cmt) + "# " + strings.Repeat(" ", indent-cmt)
}

func commentLines(text, prefix string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		b.WriteString(strings.TrimRight(prefix+"# "+l, " ") + "\n")
	}
	return b.String()
}

// configValue is the value written after « key: ». An active text setting
// gets its label as a placeholder that is obviously to replace (« Nom de
// l'organisme »), never an example that would pass for real; other settings
// get their example, or nothing.
func configValue(f *model.Field, active bool) (value string, placeholder bool) {
	switch {
	case active && schema.ConfigPlaceholder(f) != "":
		return " " + scalar(schema.ConfigPlaceholder(f)), true
	case f.Type == model.Bool || f.Type == model.Int:
		if f.Example != "" {
			return " " + f.Example, false
		}
		return "", false
	case f.Example != "":
		return " " + scalar(f.Example), false
	case len(f.Enum) > 0 && f.Type == model.Enum:
		return " " + scalar(f.Enum[0]), false
	case f.Type == model.Object:
		return " {}", false
	case f.Type == model.List || f.Type == model.EnumList:
		return " []", false
	}
	return "", false
}

// scalar writes a one-line YAML value the way registre fmt would.
func scalar(v any) string {
	out, err := entryfile.EncodeFields(nil, map[string]any{"v": v}, entryfile.Options{})
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(bytes.TrimPrefix(out, []byte("v:"))))
}
