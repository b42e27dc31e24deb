package schema

import (
	"strings"

	"github.com/registre-qc/registre/pkg/model"
)

// Placeholder is a value of registre.yaml that `registre init` writes in
// place of the organisation's own: the label of a required text setting
// (« Nom de l'organisme »). Examples shown in the commented-out settings are
// not placeholders: they describe the fictitious organisation of the demo
// (examples/), which is a valid repository.
type Placeholder struct {
	Path  string // key path in registre.yaml, e.g. "organisme/nom"
	Value string
}

// ConfigPlaceholder returns the placeholder that `registre init` writes for
// an active setting, or "" when the setting gets none. pkg/scaffold writes
// it, rule PUB-010 reports it: both read this one definition.
func ConfigPlaceholder(f *model.Field) string {
	if f.Req == model.Required && (f.Type == model.String || f.Type == model.Text) {
		return Label(f)
	}
	return ""
}

// Placeholders lists every placeholder of a new registre.yaml, in declaration order.
func Placeholders() []Placeholder {
	var out []Placeholder
	var walk func(fields []model.Field, prefix string)
	walk = func(fields []model.Field, prefix string) {
		for i := range fields {
			f := &fields[i]
			if f.Req != model.Required {
				continue // written commented out: no placeholder is active
			}
			p := f.Key
			if prefix != "" {
				p = prefix + "/" + f.Key
			}
			if v := ConfigPlaceholder(f); v != "" {
				out = append(out, Placeholder{p, v})
			}
			walk(f.Fields, p)
		}
	}
	walk(model.ConfigFields, "")
	return out
}

// IsPlaceholder reports whether value, at path in registre.yaml, is a
// placeholder of `registre init` (ignoring case and surrounding spaces).
func IsPlaceholder(path, value string) bool {
	v := strings.TrimSpace(value)
	if v == "" {
		return false
	}
	for _, p := range Placeholders() {
		if p.Path == path && strings.EqualFold(p.Value, v) {
			return true
		}
	}
	return false
}
