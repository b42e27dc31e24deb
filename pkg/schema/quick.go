package schema

import (
	"github.com/registre-qc/registre/pkg/model"
)

// The quick check answers one question cheaply: does an entry certainly
// validate against its kind's schema? Most entries of a maintained
// repository do, and the general validator (jsonschema) spends most of its
// time proving it: it walks the generated schema keyword by keyword and
// copies every string it checks. The quick check walks the kind's
// declaration instead, which the schema is generated from (Generate), and
// mirrors the few keywords Generate writes for each field type. It never
// reports anything: when it is not sure (a value of an unexpected shape, an
// unknown key, a value the schema may reject), ValidateEntry runs the full
// validator, which alone explains problems, so findings are the same with or
// without it (TestQuickAgrees). TestQuickKeywords fails when Generate writes a
// keyword the quick check does not know.

// quickValid reports whether values certainly satisfy the schema of kind k.
// false means « not sure », never « invalid ».
func quickValid(k *model.Kind, values map[string]any) bool {
	if values == nil {
		return false
	}
	return quickObject(k.Fields, values, k)
}

// quickObject mirrors object(fields, true): every required key present,
// no undeclared key, each value valid under property(f). idKind is the kind
// whose id pattern replaces the pattern of the top-level id (Generate).
func quickObject(fields []model.Field, values map[string]any, idKind *model.Kind) bool {
	seen := 0
	for i := range fields {
		f := &fields[i]
		v, ok := values[f.Key]
		if !ok {
			if f.Req == model.Required {
				return false
			}
			continue
		}
		seen++
		if idKind != nil && f.Key == "id" {
			// Generate replaces the non-blank pattern of the required
			// string id by the kind's id pattern.
			s, isStr := v.(string)
			if f.Type != model.String || f.Req != model.Required || !isStr || !quickID(idKind.Prefix, s) {
				return false
			}
			continue
		}
		if !quickField(f, v) {
			return false
		}
	}
	return seen == len(values) // additionalProperties: false
}

// quickField mirrors property(f): the value v of a declared key.
func quickField(f *model.Field, v any) bool {
	if v == nil {
		return f.Req != model.Required // nullable(): an optional key may be empty
	}
	required := f.Req == model.Required
	switch f.Type {
	case model.String, model.Text:
		s, ok := v.(string)
		return ok && (!required || nonBlankString(s))
	case model.List:
		l, ok := v.([]any)
		return ok && (!required || len(l) > 0) && nonEmptyStrings(l)
	case model.StringOrList:
		switch x := v.(type) {
		case string:
			return !required || nonBlankString(x)
		case []any:
			return (!required || len(x) > 0) && nonEmptyStrings(x)
		}
		return false
	case model.Bool:
		_, ok := v.(bool)
		return ok
	case model.Date:
		s, ok := v.(string)
		return ok && quickDate(s)
	case model.DateOrPeriod:
		switch x := v.(type) {
		case string:
			return quickDate(x)
		case map[string]any:
			// properties debut and fin (dates), debut required, nothing else.
			d, ok := x["debut"].(string)
			if !ok || !quickDate(d) {
				return false
			}
			n := 1
			if e, has := x["fin"]; has {
				s, ok := e.(string)
				if !ok || !quickDate(s) {
					return false
				}
				n++
			}
			return len(x) == n
		}
		return false
	case model.Int:
		switch n := v.(type) {
		case int:
			return n >= 0
		case int64:
			return n >= 0
		}
		return false // other numbers: the validator decides
	case model.Ref:
		s, ok := v.(string)
		return ok && quickRef(f.RefKind, s)
	case model.RefList:
		l, ok := v.([]any)
		if !ok {
			return false
		}
		for _, it := range l {
			s, ok := it.(string)
			if !ok || !quickRef(f.RefKind, s) {
				return false
			}
		}
		return uniqueStrings(l)
	case model.Enum:
		s, ok := v.(string)
		return ok && inEnum(f.Enum, s)
	case model.EnumList:
		l, ok := v.([]any)
		if !ok || (required && len(l) == 0) {
			return false
		}
		for _, it := range l {
			s, ok := it.(string)
			if !ok || !inEnum(f.Enum, s) {
				return false
			}
		}
		return uniqueStrings(l)
	case model.Object:
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		// A free mapping (no declared fields) exists only in registre.yaml,
		// which the quick check never sees: not sure.
		return len(f.Fields) > 0 && quickObject(f.Fields, m, nil)
	case model.ObjectList:
		l, ok := v.([]any)
		if !ok {
			return false
		}
		for _, it := range l {
			m, ok := it.(map[string]any)
			if !ok || !quickObject(f.Fields, m, nil) {
				return false
			}
		}
		return true
	}
	return false // a type the quick check does not know
}

// nonBlankString mirrors the pattern \S of Go's regexp (the validator's
// engine): some character other than \t, \n, \f, \r and space. Any other
// byte starts such a character (an invalid byte reads as U+FFFD).
func nonBlankString(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ':
		default:
			return true
		}
	}
	return false
}

// nonEmptyStrings mirrors items {type: string, minLength: 1}.
func nonEmptyStrings(l []any) bool {
	for _, it := range l {
		if s, ok := it.(string); !ok || s == "" {
			return false
		}
	}
	return true
}

// uniqueStrings mirrors uniqueItems for a list of strings.
func uniqueStrings(l []any) bool {
	if len(l) <= 8 {
		for i := 1; i < len(l); i++ {
			for j := 0; j < i; j++ {
				if l[i].(string) == l[j].(string) {
					return false
				}
			}
		}
		return true
	}
	seen := make(map[string]bool, len(l))
	for _, it := range l {
		s := it.(string)
		if seen[s] {
			return false
		}
		seen[s] = true
	}
	return true
}

func inEnum(enum []string, s string) bool {
	for _, e := range enum {
		if e == s {
			return true
		}
	}
	return false
}

// quickRef mirrors refPattern(kind): the id pattern of the referenced kind.
func quickRef(kind, s string) bool {
	k := model.KindByName(kind)
	return k != nil && quickID(k.Prefix, s)
}

// quickID mirrors model.IDPattern: ^PREFIX-[A-Za-z0-9][A-Za-z0-9._-]*$.
func quickID(prefix, s string) bool {
	if len(s) < len(prefix)+2 || s[:len(prefix)] != prefix || s[len(prefix)] != '-' {
		return false
	}
	rest := s[len(prefix)+1:]
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case i > 0 && (c == '.' || c == '_' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// quickDate mirrors datePat: YYYY-MM-DD with a real month and a day that
// exists in it (29 February in any year, as the pattern does).
func quickDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	month := int(s[5]-'0')*10 + int(s[6]-'0')
	day := int(s[8]-'0')*10 + int(s[9]-'0')
	last := 31
	switch month {
	case 4, 6, 9, 11:
		last = 30
	case 2:
		last = 29
	}
	return month >= 1 && month <= 12 && day >= 1 && day <= last
}
