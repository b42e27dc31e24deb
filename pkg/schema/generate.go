// Package schema generates the JSON Schemas of registre from the kind
// declarations of pkg/model, and validates decoded entries against the
// embedded copies, turning each error into a French finding at the YAML
// position of the offending key or value.
package schema

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/schemas"
)

const (
	draft = "https://json-schema.org/draft/2020-12/schema"
	// datePat accepts only real months and days: 31 days in January, March,
	// May, July, August, October and December, 30 in the other months, 29 in
	// February. A regular expression cannot tell leap years apart simply, so
	// the schema (editors) accepts 29 February in every year and
	// `registre lint` rejects it outside leap years (SCH-005, checkDates).
	datePat   = `^[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-9]))$`
	nonBlank  = `\S`
	ConfigKey = "registre" // schema name of registre.yaml
)

// FileName returns the schema file name for a kind name or ConfigKey.
func FileName(name string) string { return name + ".schema.json" }

// obj is an ordered JSON object, so generated files are stable and readable.
type obj []kv
type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.k)
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(p.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Generate returns the schema of a kind, indented, with a final newline.
func Generate(k *model.Kind) []byte {
	desc := k.Title + " (" + k.Law + "). Une inscription par fichier ; le nom du fichier est l'identifiant (" + k.Prefix + "-…)."
	switch k.Visibility {
	case model.Public:
		desc += " Les champs exigés sont ceux d'un organisme public (Loi sur l'accès) ; pour une entreprise (secteur: prive), dont ce registre est volontaire, registre lint ne les exige pas."
	case model.Internal:
		desc += " Registre interne : jamais publié."
	case model.Confidential:
		desc += " Registre confidentiel : jamais publié."
	}
	s := object(k.Fields, true)
	s = append(obj{
		{"$schema", draft},
		{"$id", schemas.BaseURL + FileName(k.Name)},
		{"title", k.Title},
		{"description", desc},
	}, s...)
	// The id must carry the kind's prefix.
	for _, p := range s {
		if p.k == "properties" {
			props := p.v.(obj)
			for i := range props {
				if props[i].k == "id" {
					o := props[i].v.(obj)
					for j := range o {
						if o[j].k == "pattern" {
							o[j].v = model.IDPattern(k)
						}
					}
				}
			}
		}
	}
	return indent(s)
}

// GenerateConfig returns the schema of registre.yaml.
func GenerateConfig() []byte {
	s := object(model.ConfigFields, false)
	s = append(obj{
		{"$schema", draft},
		{"$id", schemas.BaseURL + FileName(ConfigKey)},
		{"title", "Réglages du dépôt des registres (registre.yaml)"},
		{"description", "Organisme, responsable de l'accès et de la protection des renseignements personnels, publication et vérification."},
	}, s...)
	return indent(s)
}

func indent(s obj) []byte {
	raw, err := marshal(s)
	if err != nil {
		panic(err) // static data: cannot fail
	}
	var b bytes.Buffer
	_ = json.Indent(&b, raw, "", "  ")
	b.WriteByte('\n')
	return b.Bytes()
}

func object(fields []model.Field, closed bool) obj {
	props := obj{}
	var req []string
	for i := range fields {
		f := &fields[i]
		props = append(props, kv{f.Key, property(f)})
		if f.Req == model.Required {
			req = append(req, f.Key)
		}
	}
	o := obj{{"type", "object"}, {"properties", props}}
	if len(req) > 0 {
		o = append(o, kv{"required", req})
	}
	if closed || len(fields) > 0 {
		o = append(o, kv{"additionalProperties", false})
	}
	return o
}

// Label returns a short French title for a field: its column title, else the
// first clause of its description, else its key.
func Label(f *model.Field) string {
	if f.Title != "" {
		return f.Title
	}
	d := f.Desc
	for _, sep := range []string{" : ", ". ", " (", " ; "} {
		if i := strings.Index(d, sep); i > 0 {
			d = d[:i]
		}
	}
	d = strings.TrimSuffix(d, ".")
	if d == "" {
		return f.Key
	}
	return d
}

func property(f *model.Field) obj {
	o := obj{{"title", Label(f)}}
	desc := f.Desc
	if f.Law != "" {
		desc += " [" + f.Law + "]"
	}
	if desc == "" {
		desc = Label(f)
	}
	o = append(o, kv{"description", desc})
	nonEmpty := f.Req == model.Required
	str := func() obj {
		s := obj{{"type", "string"}}
		if nonEmpty {
			s = append(s, kv{"pattern", nonBlank})
		}
		return s
	}
	strItem := obj{{"type", "string"}, {"minLength", 1}}
	date := obj{{"type", "string"}, {"pattern", datePat}}
	switch f.Type {
	case model.String, model.Text:
		o = append(o, str()...)
	case model.List:
		o = append(o, kv{"type", "array"}, kv{"items", strItem})
		if nonEmpty {
			o = append(o, kv{"minItems", 1})
		}
	case model.StringOrList:
		o = append(o, kv{"type", []string{"string", "array"}}, kv{"items", strItem})
		if nonEmpty {
			o = append(o, kv{"pattern", nonBlank}, kv{"minItems", 1})
		}
	case model.Bool:
		o = append(o, kv{"type", "boolean"})
	case model.Date:
		o = append(o, date...)
	case model.DateOrPeriod:
		o = append(o, kv{"type", []string{"string", "object"}}, kv{"pattern", datePat},
			kv{"properties", obj{
				{"debut", append(obj{{"title", "Début de la période"}, {"description", "Premier jour (AAAA-MM-JJ)."}}, date...)},
				{"fin", append(obj{{"title", "Fin de la période"}, {"description", "Dernier jour (AAAA-MM-JJ)."}}, date...)},
			}}, kv{"required", []string{"debut"}}, kv{"additionalProperties", false})
	case model.Int:
		o = append(o, kv{"type", "integer"}, kv{"minimum", 0})
	case model.Ref:
		o = append(o, kv{"type", "string"}, kv{"pattern", refPattern(f.RefKind)})
	case model.RefList:
		o = append(o, kv{"type", "array"}, kv{"items", obj{{"type", "string"}, {"pattern", refPattern(f.RefKind)}}}, kv{"uniqueItems", true})
	case model.Enum:
		o = append(o, kv{"type", "string"}, kv{"enum", f.Enum})
	case model.EnumList:
		o = append(o, kv{"type", "array"}, kv{"items", obj{{"type", "string"}, {"enum", f.Enum}}}, kv{"uniqueItems", true})
		if nonEmpty {
			o = append(o, kv{"minItems", 1})
		}
	case model.Object:
		if len(f.Fields) == 0 {
			o = append(o, kv{"type", "object"}, kv{"additionalProperties", obj{{"type", "string"}}})
		} else {
			o = append(o, object(f.Fields, true)...)
		}
	case model.ObjectList:
		o = append(o, kv{"type", "array"}, kv{"items", object(f.Fields, true)})
	}
	if f.Req != model.Required {
		o = nullable(o)
	}
	return o
}

// nullable lets an optional key be written without a value (« unite: »):
// an empty optional key means "not provided", for editors as for lint, so
// that an untouched template (registre new) reports only its required keys.
func nullable(o obj) obj {
	for i := range o {
		switch o[i].k {
		case "type":
			switch t := o[i].v.(type) {
			case string:
				o[i].v = []string{t, "null"}
			case []string:
				o[i].v = append(append([]string(nil), t...), "null")
			}
		case "enum":
			if e, ok := o[i].v.([]string); ok {
				l := make([]any, 0, len(e)+1)
				for _, x := range e {
					l = append(l, x)
				}
				o[i].v = append(l, nil)
			}
		}
	}
	return o
}

func refPattern(kind string) string {
	if k := model.KindByName(kind); k != nil {
		return model.IDPattern(k)
	}
	return "."
}

// All returns every generated schema by name (kind names and ConfigKey).
func All() map[string][]byte {
	m := map[string][]byte{ConfigKey: GenerateConfig()}
	for _, k := range model.Kinds {
		m[k.Name] = Generate(k)
	}
	return m
}
