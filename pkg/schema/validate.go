package schema

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/parallel"
	"github.com/registre-qc/registre/pkg/suggest"
	"github.com/registre-qc/registre/schemas"
)

// lazy is one embedded schema, compiled on first use: compiling checks it
// against the draft 2020-12 meta-schema, which costs a few milliseconds per
// schema — most of a small repository's lint time if done for all of them.
type lazy struct {
	once sync.Once
	s    *jsonschema.Schema
	err  error
}

var schemasByName = func() map[string]*lazy {
	m := map[string]*lazy{}
	for _, n := range append(model.KindNames(), ConfigKey) {
		m[n] = &lazy{}
	}
	return m
}()

func get(name string) (*jsonschema.Schema, error) {
	l := schemasByName[name]
	if l == nil {
		return nil, fmt.Errorf("schéma inconnu : %s", name)
	}
	l.once.Do(func() { l.s, l.err = compileOne(name) })
	return l.s, l.err
}

// Raw returns the embedded schema of a kind name or ConfigKey.
func Raw(name string) ([]byte, bool) {
	b, err := schemas.FS.ReadFile(FileName(name))
	return b, err == nil
}

// CompileAll compiles every embedded schema (tests; the CLI compiles lazily).
func CompileAll() error {
	names := append(model.KindNames(), ConfigKey)
	errs := make([]error, len(names))
	parallel.For(len(names), len(names), func(_, i int) { _, errs[i] = get(names[i]) })
	return errors.Join(errs...)
}

func compileOne(name string) (*jsonschema.Schema, error) {
	raw, ok := Raw(name)
	if !ok {
		return nil, fmt.Errorf("schéma intégré absent : %s", FileName(name))
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(schemas.BaseURL+FileName(name), doc); err != nil {
		return nil, err
	}
	return c.Compile(schemas.BaseURL + FileName(name))
}

// Validator checks decoded documents against the embedded schemas.
type Validator struct{}

// New returns a validator; each schema is compiled on first use.
func New() *Validator { return &Validator{} }

// Target is what Validate checks: the values of one file and their positions.
type Target struct {
	Path      string
	EntryID   string
	Values    map[string]any
	Positions *model.Positions
	Fields    []model.Field // the declaration (kind fields or model.ConfigFields)

	// dropped counts, per rule, the findings explain did not build (the
	// unknown keys past the cap): capPerRule adds them to its summary.
	dropped map[string]int
}

// MaxPerRule is the most findings one rule reports on one file; the rest is
// summed up in one more finding (« … et 89 990 autres clés inconnues »). A
// file within the size limit thus lints in bounded work, and a report stays
// readable.
const MaxPerRule = 10

// At returns the position for a key path, falling back to enclosing keys.
func (t *Target) at(path string, key bool) finding.Position {
	e := model.Entry{Positions: t.Positions}
	if key {
		return e.KeyAt(path)
	}
	return e.At(path)
}

// ValidateEntry validates one entry against its kind's schema. An entry the
// quick check (quickValid) finds certainly valid skips the general validator,
// whose findings it would not have had.
func (v *Validator) ValidateEntry(e *model.Entry) []finding.Finding {
	e = e.Whole() // every key counts, also those lint's lean mode dropped
	t := &Target{Path: e.Path, EntryID: e.ID, Values: e.Values, Positions: e.Positions, Fields: e.Kind.Fields}
	return v.validate(e.Kind.Name, t, quickValid(e.Kind, e.Values))
}

// Validate validates t against the schema called name.
func (v *Validator) Validate(name string, t *Target) []finding.Finding {
	return v.validate(name, t, false)
}

// validate validates t against the schema called name; valid says the quick
// check already knows the values satisfy it.
func (v *Validator) validate(name string, t *Target, valid bool) []finding.Finding {
	var out []finding.Finding
	s, err := get(name)
	switch {
	case err != nil:
		// Embedded schemas are tested to compile; this is an internal error.
		out = append(out, t.finding("SCH-006", finding.Position{Line: 1, Col: 1}, "", "", "erreur interne : schéma intégré %s invalide (%v)", name, err))
	case !valid:
		err := s.Validate(lighten(t.Values, t.Fields))
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			for _, leaf := range leaves(ve) {
				out = append(out, t.explain(leaf)...)
			}
		}
	}
	out = append(out, t.checkDates("", t.Values, t.Fields)...)
	finding.Sort(out)
	return t.capPerRule(dedupe(out))
}

// capPerRule keeps the first MaxPerRule findings of each rule (out is
// sorted) and sums the others up in one finding at the first one left out.
func (t *Target) capPerRule(out []finding.Finding) []finding.Finding {
	if len(out) <= MaxPerRule && len(t.dropped) == 0 {
		return out
	}
	count := map[string]int{}
	for _, f := range out {
		count[f.Rule]++
	}
	seen := map[string]int{}
	kept := out[:0]
	var summaries []finding.Finding
	for _, f := range out {
		seen[f.Rule]++
		switch n := seen[f.Rule]; {
		case n <= MaxPerRule:
			kept = append(kept, f)
		case n == MaxPerRule+1:
			rest := count[f.Rule] - MaxPerRule + t.dropped[f.Rule]
			msg := fmt.Sprintf("… et %s autres constats %s dans ce fichier (seuls les %d premiers sont signalés)", FrenchInt(rest), f.Rule, MaxPerRule)
			if f.Rule == "SCH-003" {
				msg = fmt.Sprintf("… et %s autres clés inconnues dans ce fichier (seules les %d premières sont signalées)", FrenchInt(rest), MaxPerRule)
			}
			summaries = append(summaries, t.finding(f.Rule, f.Pos, "", "", "%s", msg))
		}
	}
	out = append(kept, summaries...)
	finding.Sort(out)
	return out
}

// FrenchInt writes 89990 as « 89 990 » (no-break space), as the published pages do.
func FrenchInt(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lightLen is the length above which a free text is validated through a stand-in.
const lightLen = 32

// lighten returns the instance to validate: the decoded values, except that
// long free texts (String, Text, List and StringOrList fields, whose only
// string constraints are "not blank" and "not empty") are replaced by a short
// non-blank stand-in, which validates exactly the same way. The validator
// copies every string it checks; this spares it kilobytes per entry. The
// values themselves are never modified: the map (and a list) is copied on the
// first long text found.
func lighten(values map[string]any, fields []model.Field) any {
	if values == nil {
		return map[string]any{}
	}
	out, copied := values, false
	for i := range fields {
		f := &fields[i]
		switch f.Type {
		case model.String, model.Text, model.List, model.StringOrList:
		default:
			continue
		}
		v, ok := values[f.Key]
		if !ok {
			continue
		}
		nv, changed := lightValue(v)
		if !changed {
			continue
		}
		if !copied {
			out, copied = make(map[string]any, len(values)), true
			for k, x := range values {
				out[k] = x
			}
		}
		out[f.Key] = nv
	}
	return out
}

// lightValue replaces a long non-blank string (or such list items) by "x".
func lightValue(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		if len(x) > lightLen && strings.TrimSpace(x[:lightLen]) != "" {
			return "x", true
		}
	case []any:
		var out []any
		for i, it := range x {
			if nv, ok := lightValue(it); ok {
				if out == nil {
					out = append([]any(nil), x...)
				}
				out[i] = nv
			}
		}
		if out != nil {
			return out, true
		}
	}
	return v, false
}

func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

func dedupe(fs []finding.Finding) []finding.Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f == fs[i-1] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// fieldAt finds the declaration of an instance location ("appui_legal","0").
func fieldAt(fields []model.Field, loc []string) *model.Field {
	var f *model.Field
	for i := 0; i < len(loc); i++ {
		if f != nil && (f.Type == model.List || f.Type == model.RefList || f.Type == model.EnumList || f.Type == model.ObjectList || f.Type == model.StringOrList) {
			if _, err := strconv.Atoi(loc[i]); err == nil {
				if f.Type == model.ObjectList {
					fields = f.Fields
				}
				continue
			}
		}
		var next *model.Field
		for j := range fields {
			if fields[j].Key == loc[i] {
				next = &fields[j]
				break
			}
		}
		if next == nil {
			return nil
		}
		f = next
		fields = f.Fields
	}
	return f
}

func (t *Target) finding(rule string, p finding.Position, keyPath, law, format string, args ...any) finding.Finding {
	return finding.Finding{Path: t.Path, Pos: p, Rule: rule, Severity: finding.Error, EntryID: t.EntryID,
		KeyPath: keyPath, Law: law, Message: fmt.Sprintf(format, args...)}
}

func ruleOr(f *model.Field, def string) (string, string) {
	if f != nil && f.Rule != "" {
		return f.Rule, f.Law
	}
	return def, ""
}

func describe(f *model.Field, key string) string {
	if f != nil && f.Title != "" && f.Title != key {
		return key + " (« " + f.Title + " »)"
	}
	return key
}

func (t *Target) explain(e *jsonschema.ValidationError) []finding.Finding {
	loc := e.InstanceLocation
	path := strings.Join(loc, "/")
	f := fieldAt(t.Fields, loc)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		var out []finding.Finding
		parent := fieldAt(t.Fields, loc)
		fields := t.Fields
		if parent != nil {
			fields = parent.Fields
		}
		for _, m := range k.Missing {
			mf := fieldAt(fields, []string{m})
			rule, law := ruleOr(mf, "SCH-001")
			out = append(out, t.finding(rule, t.at(path, true), model.PathOf(path, m), law,
				"champ obligatoire manquant : %s", describe(mf, m)))
		}
		return out
	case *kind.AdditionalProperties:
		var out []finding.Finding
		fields := t.Fields
		if f != nil {
			fields = f.Fields
		}
		props := k.Properties
		if len(props) > MaxPerRule+1 {
			// Explain only the first keys in the file (one pass keeping
			// the MaxPerRule+1 first positions); count the others.
			type kp struct {
				key string
				pos finding.Position
			}
			before := func(a, b kp) bool {
				if a.pos.Line != b.pos.Line {
					return a.pos.Line < b.pos.Line
				}
				if a.pos.Col != b.pos.Col {
					return a.pos.Col < b.pos.Col
				}
				return a.key < b.key
			}
			first := make([]kp, 0, MaxPerRule+2)
			for _, p := range props {
				full := p
				if path != "" {
					full = path + "/" + p
				}
				c := kp{p, t.at(full, true)}
				if len(first) == MaxPerRule+1 && !before(c, first[MaxPerRule]) {
					continue
				}
				i := sort.Search(len(first), func(i int) bool { return before(c, first[i]) })
				first = append(first, kp{})
				copy(first[i+1:], first[i:])
				first[i] = c
				if len(first) > MaxPerRule+1 {
					first = first[:MaxPerRule+1]
				}
			}
			if t.dropped == nil {
				t.dropped = map[string]int{}
			}
			t.dropped["SCH-003"] += len(props) - len(first)
			props = make([]string, len(first))
			for i, c := range first {
				props[i] = c.key
			}
		}
		for _, p := range props {
			kp := p
			if path != "" {
				kp = path + "/" + p
			}
			msg := fmt.Sprintf("clé inconnue : %s", p)
			if s := suggestKey(p, fields); s != "" {
				msg += fmt.Sprintf(" ; vouliez-vous dire « %s » ?", s)
			} else {
				msg += " ; clés permises : " + keyList(fields)
			}
			out = append(out, t.finding("SCH-003", t.at(kp, true), kp, "", "%s", msg))
		}
		return out
	case *kind.Type:
		msg := fmt.Sprintf("type incorrect pour %s : attendu %s, trouvé %s", displayPath(loc), wantFrench(k.Want), typeFrench(k.Got))
		if k.Got == "string" && contains(k.Want, "boolean") {
			msg += " ; écrivez true (oui) ou false (non), sans guillemets"
		}
		if (k.Got == "number" || k.Got == "integer") && contains(k.Want, "string") {
			if n, ok := valueAt(t.Values, loc); ok {
				msg += fmt.Sprintf(" ; mettez la valeur entre guillemets : \"%s\"", numberText(n))
			}
		}
		if k.Got == "null" && f != nil && f.Req == model.Required {
			rule, law := ruleOr(f, "SCH-001")
			return []finding.Finding{t.finding(rule, t.at(path, false), path, law, "champ obligatoire vide : %s", describe(f, displayPath(loc)))}
		}
		return []finding.Finding{t.finding("SCH-002", t.at(path, false), path, "", "%s", msg)}
	case *kind.Enum:
		msg := fmt.Sprintf("valeur non permise pour %s : « %v »", displayPath(loc), k.Got)
		if s := suggest.Value(fmt.Sprint(k.Got), enumStrings(k.Want)); s != "" {
			msg += fmt.Sprintf(" ; vouliez-vous dire %s ?", s)
		}
		return []finding.Finding{t.finding("SCH-004", t.at(path, false), path, "", "%s ; valeurs permises : %s", msg, enumList(k.Want))}
	case *kind.Pattern:
		switch {
		case k.Want == nonBlank:
			rule, law := ruleOr(f, "SCH-001")
			return []finding.Finding{t.finding(rule, t.at(path, false), path, law, "champ obligatoire vide : %s", describe(f, displayPath(loc)))}
		case k.Want == datePat:
			if dateShape(k.Got) {
				return nil // a well-shaped date that does not exist: checkDates says so, once
			}
			return []finding.Finding{t.finding("SCH-005", t.at(path, false), path, "",
				"date invalide pour %s : « %s » ; format attendu AAAA-MM-JJ (p. ex. 2025-03-31)", displayPath(loc), k.Got)}
		case len(loc) == 1 && loc[0] == "id":
			return nil // reported by the loader (REF-003, REF-004)
		case f != nil && (f.Type == model.Ref || f.Type == model.RefList):
			pre := ""
			if rk := model.KindByName(f.RefKind); rk != nil {
				pre = rk.Prefix + "-"
			}
			return []finding.Finding{t.finding("REF-006", t.at(path, false), path, "",
				"référence invalide pour %s : « %s » ; un identifiant de ce registre commence par %s", displayPath(loc), k.Got, pre)}
		}
		return []finding.Finding{t.finding("SCH-006", t.at(path, false), path, "", "valeur invalide pour %s : « %s »", displayPath(loc), k.Got)}
	case *kind.MinItems:
		rule, law := ruleOr(f, "SCH-001")
		return []finding.Finding{t.finding(rule, t.at(path, false), path, law, "liste obligatoire vide : %s", describe(f, displayPath(loc)))}
	case *kind.MinLength:
		rule, law := ruleOr(f, "SCH-001")
		return []finding.Finding{t.finding(rule, t.at(path, false), path, law, "champ obligatoire vide : %s", describe(f, displayPath(loc)))}
	case *kind.Minimum:
		return []finding.Finding{t.finding("SCH-006", t.at(path, false), path, "", "%s doit être un nombre positif ou nul", displayPath(loc))}
	case *kind.UniqueItems:
		return []finding.Finding{t.finding("SCH-006", t.at(path, false), path, "", "élément en double dans %s (positions %d et %d)", displayPath(loc), k.Duplicates[0]+1, k.Duplicates[1]+1)}
	}
	return []finding.Finding{t.finding("SCH-006", t.at(path, false), path, "", "valeur invalide pour %s", displayPath(loc))}
}

// checkDates reports well-formed but impossible dates (2025-02-30).
func (t *Target) checkDates(prefix string, values map[string]any, fields []model.Field) []finding.Finding {
	var out []finding.Finding
	bad := func(path, s string) {
		out = append(out, t.finding("SCH-005", t.at(path, false), path, "", "date inexistante : « %s » (AAAA-MM-JJ)", s))
	}
	check := func(path string, v any) {
		if s, ok := v.(string); ok && dateShape(s) && !model.IsDate(s) {
			bad(path, s)
		}
	}
	for i := range fields {
		f := &fields[i]
		v, ok := values[f.Key]
		if !ok {
			continue
		}
		p := model.PathOf(prefix, f.Key)
		if prefix == "" {
			p = f.Key
		}
		switch f.Type {
		case model.Date:
			check(p, v)
		case model.DateOrPeriod:
			check(p, v)
			if m, ok := v.(map[string]any); ok {
				check(p+"/debut", m["debut"])
				check(p+"/fin", m["fin"])
				d, e := model.AsString(m["debut"]), model.AsString(m["fin"])
				if model.IsDate(d) && model.IsDate(e) && e < d {
					out = append(out, t.finding("SCH-005", t.at(p+"/fin", false), p+"/fin", "", "période inversée : la fin (%s) précède le début (%s)", e, d))
				}
			}
		case model.Object:
			if m, ok := v.(map[string]any); ok {
				out = append(out, t.checkDates(p, m, f.Fields)...)
			}
		case model.ObjectList:
			if l, ok := v.([]any); ok {
				for j, x := range l {
					if m, ok := x.(map[string]any); ok {
						out = append(out, t.checkDates(p+"/"+strconv.Itoa(j), m, f.Fields)...)
					}
				}
			}
		}
	}
	return out
}

func dateShape(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-'
}

func displayPath(loc []string) string { return model.DisplayPath(loc) }

func typeFrench(t string) string {
	switch t {
	case "string":
		return "du texte"
	case "boolean":
		return "un booléen (true ou false)"
	case "array":
		return "une liste"
	case "object":
		return "un dictionnaire de clés"
	case "integer":
		return "un nombre entier"
	case "number":
		return "un nombre"
	case "null":
		return "une valeur vide"
	}
	return t
}

func wantFrench(ws []string) string {
	var parts []string
	for _, w := range ws {
		if w != "null" { // an optional key may be empty: not worth saying
			parts = append(parts, typeFrench(w))
		}
	}
	return strings.Join(parts, " ou ")
}

// valueAt returns the decoded value at an instance location.
func valueAt(values map[string]any, loc []string) (any, bool) {
	var cur any = values
	for _, l := range loc {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[l]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(l)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// numberText writes a decoded number the way it was most likely typed.
func numberText(v any) string {
	switch n := v.(type) {
	case float64:
		return strconv.FormatFloat(n, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(n), 'f', -1, 32)
	}
	return fmt.Sprint(v)
}

func enumStrings(ws []any) []string {
	var out []string
	for _, w := range ws {
		if w != nil {
			out = append(out, fmt.Sprint(w))
		}
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func enumList(ws []any) string {
	return strings.Join(enumStrings(ws), ", ")
}

func keyList(fields []model.Field) string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.Key
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// suggestKey returns the declared key closest to k (edit distance ≤ 3), or "".
func suggestKey(k string, fields []model.Field) string {
	limit := min(3, max(1, len([]rune(k))/3))
	best, bestD := "", limit+1
	for _, f := range fields {
		if d := suggest.Distance(strings.ToLower(k), f.Key); d < bestD {
			best, bestD = f.Key, d
		}
	}
	return best
}
