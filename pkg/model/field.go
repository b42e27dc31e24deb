// Package model declares the register kinds of registre — once. Every other
// package (schema generation, lint, tables, import, templates) reads these
// declarations instead of naming fields itself.
package model

// Type is the shape of a field's value.
type Type int

const (
	String       Type = iota // one line of text
	Text                     // text; line breaks are kept
	List                     // list of strings, one item per element
	StringOrList             // a string or a list of strings
	Bool                     // true / false
	Date                     // YYYY-MM-DD, kept as text
	DateOrPeriod             // a date or {debut, fin}
	Int                      // integer ≥ 0
	Ref                      // id of another entry (RefKind)
	RefList                  // list of ids of other entries (RefKind)
	Enum                     // one of Enum
	EnumList                 // list of values of Enum
	Object                   // mapping with Fields
	ObjectList               // list of mappings with Fields
)

// Visibility says where a kind's entries may appear.
type Visibility int

const (
	Public       Visibility = iota // published on the website
	Internal                       // kept, never published (EFVP, agreements)
	Confidential                   // never in any public output (incidents)
)

// French names the visibility for people.
func (v Visibility) French() string {
	switch v {
	case Public:
		return "publié"
	case Internal:
		return "interne"
	}
	return "confidentiel"
}

// Req says whether a field is required.
type Req int

const (
	Optional Req = iota
	Required     // required by the schema: missing or empty is an error (Field.Rule)
	Expected     // missing is reported by a lint rule at its own severity (Field.Rule), not by the schema
)

// Field declares one YAML key of a kind.
type Field struct {
	Key   string
	Type  Type
	Title string // published column title (model.md §3); empty when the key is not a published column
	Desc  string // French description, shown in editors (schema) and templates
	Req   Req
	// Rule and Law name the lint rule reported when a Required or Expected field is
	// missing or empty, and the article it rests on.
	Rule    string
	Law     string
	Enum    []string
	RefKind string  // kind name for Ref and RefList
	Fields  []Field // for Object and ObjectList
	// Example is a short illustrative value for templates (registre new).
	Example string
}

// Column reports whether the field is a published column.
func (f *Field) Column() bool { return f.Title != "" }

// Kind declares one register kind.
type Kind struct {
	Name       string // folder name and CLI name: "communications"
	Prefix     string // id prefix: "COM"
	Singular   string // « communication »
	Title      string // title of the published register
	Empty      string // text shown when a published register has no entry
	Law        string // article that creates the register
	Preamble   string // default legal preamble printed above the table (registre.yaml may override it)
	Visibility Visibility
	Fields     []Field // in canonical order (fmt, templates); common keys included
}

// Field returns the declaration of key, or nil.
func (k *Kind) Field(key string) *Field {
	for i := range k.Fields {
		if k.Fields[i].Key == key {
			return &k.Fields[i]
		}
	}
	return nil
}

// Columns returns the published columns in order.
func (k *Kind) Columns() []*Field {
	var cols []*Field
	for i := range k.Fields {
		if k.Fields[i].Column() {
			cols = append(cols, &k.Fields[i])
		}
	}
	return cols
}

// Published reports whether entries of the kind may appear in a public build.
func (k *Kind) Published() bool { return k.Visibility == Public }
