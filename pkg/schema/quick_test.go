package schema

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/registre-qc/registre/internal/benchgen"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

// realEntries returns the entries of the bundled example (every kind) and of
// a generated repository (the bench corpus, with its long texts).
func realEntries(t testing.TB, n int) []*model.Entry {
	t.Helper()
	var out []*model.Entry
	dirs := []string{filepath.Join("..", "..", "examples")}
	if n > 0 {
		dir := t.TempDir()
		if err := benchgen.Write(dir, n); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	for _, d := range dirs {
		res, err := source.Load(d, source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, res.Repo.Entries...)
	}
	return out
}

// samples are values of every shape the quick check must tell apart: right
// and wrong types, blank and empty texts, real and impossible dates, ids of
// each kind and near misses, enumerations, duplicates, nested mappings.
func samples(f *model.Field) []any {
	out := []any{nil, "", " ", "\t\n", "\f", " \r\f ", "\u00a0", "\v", "x", "  texte  ", strings.Repeat("long ", 20), "é",
		true, false, 0, 3, int64(7), int64(-1), -2, 1.5, 2.0, float64(-1), uint(4),
		"2024-02-29", "2023-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-1-01", "2024-01-01\n", "2024-12-31", "0000-01-01", "２０２４-01-01",
		[]any{}, []any{""}, []any{"a"}, []any{"a", "a"}, []any{"a", "b"}, []any{" "}, []any{3}, []any{nil}, []any{[]any{"a"}},
		map[string]any{}, map[string]any{"a": "b"}, map[string]any{"a": 1}, map[string]any{"debut": "2024-01-01"},
		map[string]any{"debut": "2024-01-01", "fin": "2024-02-01"}, map[string]any{"fin": "2024-02-01"},
		map[string]any{"debut": "2024-01-01", "fin": nil}, map[string]any{"debut": "2024-01-01", "autre": "x"},
		map[string]any{"debut": "2024-02-30"}, map[any]any{"a": "b"}, []string{"a"},
	}
	for _, k := range model.Kinds {
		if f.Type != model.Ref && f.Type != model.RefList && f.Key != "id" {
			out = append(out, k.Prefix+"-1", []any{k.Prefix + "-1"})
			continue
		}
		out = append(out, k.Prefix+"-1", k.Prefix+"-2025-014", k.Prefix+"-", k.Prefix+"-.1", k.Prefix+"-a.b_c-d", strings.ToLower(k.Prefix)+"-1", k.Prefix+"-1\n", k.Prefix+"-1 ", k.Prefix+"-é",
			[]any{k.Prefix + "-1"}, []any{k.Prefix + "-1", k.Prefix + "-1"}, []any{k.Prefix + "-1", k.Prefix + "-2"})
	}
	for _, e := range f.Enum {
		out = append(out, e, strings.ToUpper(e), e+" ", []any{e}, []any{e, e})
	}
	if len(f.Enum) > 1 {
		out = append(out, []any{f.Enum[0], f.Enum[1]})
	}
	if len(f.Fields) > 0 {
		for _, m := range validObjects(f.Fields) {
			out = append(out, m, []any{m}, []any{m, m})
		}
	}
	many := make([]any, 30)
	for i := range many {
		many[i] = fmt.Sprintf("EFVP-%d", i)
	}
	out = append(out, many, append(slices.Clone(many), "EFVP-3"))
	return out
}

// validObjects returns mappings of fields: one with every key given a
// plausible value, one with the required keys only, and their variants.
func validObjects(fields []model.Field) []map[string]any {
	full, req := map[string]any{}, map[string]any{}
	for i := range fields {
		f := &fields[i]
		var v any
		switch f.Type {
		case model.Bool:
			v = true
		case model.Date, model.DateOrPeriod:
			v = "2025-01-31"
		case model.Int:
			v = int64(2)
		case model.Enum:
			v = f.Enum[0]
		case model.EnumList:
			v = []any{f.Enum[0]}
		case model.List:
			v = []any{"un"}
		case model.Ref:
			v = model.KindByName(f.RefKind).Prefix + "-1"
		case model.RefList:
			v = []any{model.KindByName(f.RefKind).Prefix + "-1"}
		case model.Object:
			if len(f.Fields) == 0 {
				v = map[string]any{"a": "b"}
			} else {
				v = validObjects(f.Fields)[0]
			}
		case model.ObjectList:
			v = []any{validObjects(f.Fields)[0]}
		default:
			v = "valeur"
		}
		full[f.Key] = v
		if f.Req == model.Required {
			req[f.Key] = v
		}
	}
	return []map[string]any{full, req}
}

// TestQuickAgrees: whenever the quick check says an entry is valid, the full
// validator finds nothing, and ValidateEntry (quick path) reports exactly
// what Validate (full path) reports (when it is not sure, ValidateEntry is
// Validate) — on real entries of every kind, on every
// field of each set to each sample value or removed, with unknown keys, and on
// random combinations.
func TestQuickAgrees(t *testing.T) {
	v := New()
	entries := realEntries(t, 300)
	quick, cases := 0, 0
	check := func(base *model.Entry, values map[string]any, what string) {
		t.Helper()
		cases++
		s, err := get(base.Kind.Name)
		if err != nil {
			t.Fatal(err)
		}
		e := *base
		e.Values = values
		if !quickValid(e.Kind, values) {
			return // ValidateEntry runs the full validator, exactly as Validate does
		}
		quick++
		if err := s.Validate(values); err != nil {
			t.Fatalf("%s %s: quick check says valid, the schema says %v\nvalues: %#v", e.Path, what, err, values)
		}
		got := v.ValidateEntry(&e)
		want := v.Validate(e.Kind.Name, &Target{Path: e.Path, EntryID: e.ID, Values: values, Positions: e.Positions, Fields: e.Kind.Fields})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s %s: findings differ\nquick path: %v\nfull path:  %v", e.Path, what, got, want)
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	mutated := map[*model.Kind]int{}
	for n, e := range entries {
		check(e, e.Values, "as written")
		// Real entries of the example and the generator are valid: the
		// quick check must see it, or the fast path never pays.
		if s, _ := get(e.Kind.Name); s.Validate(e.Values) == nil && !quickValid(e.Kind, e.Values) {
			t.Errorf("%s: valid, but the quick check is not sure", e.Path)
		}
		// Mutate three entries of each kind, and a few generated ones (they are
		// communications, their EFVPs and agreements).
		if mutated[e.Kind]++; mutated[e.Kind] > 3 && n%50 != 0 {
			continue
		}
		with := func(key string, val any) map[string]any {
			m := make(map[string]any, len(e.Values)+1)
			for k, x := range e.Values {
				m[k] = x
			}
			m[key] = val
			return m
		}
		check(e, with("cle_inconnue", "x"), "unknown key")
		for i := range e.Kind.Fields {
			f := &e.Kind.Fields[i]
			m := with(f.Key, nil)
			delete(m, f.Key)
			check(e, m, "without "+f.Key)
			for _, s := range samples(f) {
				check(e, with(f.Key, s), fmt.Sprintf("%s=%#v", f.Key, s))
			}
		}
		// Random combinations: several fields changed at once.
		for r := 0; r < 50; r++ {
			m := with("id", e.Values["id"])
			for c := 0; c < 1+rnd.IntN(4); c++ {
				f := &e.Kind.Fields[rnd.IntN(len(e.Kind.Fields))]
				ss := samples(f)
				m[f.Key] = ss[rnd.IntN(len(ss))]
			}
			check(e, m, fmt.Sprintf("random %d", r))
		}
	}
	// Every kind, from declarations alone: complete and minimal entries.
	for _, k := range model.Kinds {
		for i, m := range validObjects(k.Fields) {
			m["id"] = k.Prefix + "-1"
			base := &model.Entry{Kind: k, ID: k.Prefix + "-1", Path: k.Name + "/" + k.Prefix + "-1.yaml", Positions: &model.Positions{}}
			check(base, m, fmt.Sprintf("declared %d", i))
			if s, _ := get(k.Name); s.Validate(m) == nil && !quickValid(k, m) {
				t.Errorf("%s declared %d: valid, but the quick check is not sure: %#v", k.Name, i, m)
			}
			for j := range k.Fields {
				if i > 0 {
					break // the minimal entry is checked as is
				}
				f := &k.Fields[j]
				for _, s := range samples(f) {
					c := make(map[string]any, len(m))
					for key, x := range m {
						c[key] = x
					}
					c[f.Key] = s
					check(base, c, fmt.Sprintf("declared %d %s=%#v", i, f.Key, s))
				}
			}
		}
	}
	t.Logf("%d cases, %d certainly valid by the quick check", cases, quick)
	if quick < len(entries) {
		t.Errorf("the quick check accepted %d cases, fewer than the %d valid entries", quick, len(entries))
	}
}

// TestQuickKeywords: the quick check mirrors the keywords Generate writes.
// A new keyword (maxLength, format…) or pattern in the generated schemas must
// be taught to quick.go first, or it would accept what the schema rejects.
func TestQuickKeywords(t *testing.T) {
	patterns := map[string]bool{nonBlank: true, datePat: true}
	for _, k := range model.Kinds {
		patterns[model.IDPattern(k)] = true
	}
	allowed := map[string]bool{"title": true, "description": true, "type": true, "pattern": true, "items": true,
		"minItems": true, "minLength": true, "enum": true, "uniqueItems": true, "minimum": true,
		"properties": true, "required": true, "additionalProperties": true}
	var walk func(where string, s map[string]any)
	walk = func(where string, s map[string]any) {
		for key, val := range s {
			if !allowed[key] {
				t.Errorf("%s: mot-clé %q inconnu de la vérification rapide (quick.go)", where, key)
			}
			switch key {
			case "pattern":
				if !patterns[val.(string)] {
					t.Errorf("%s: motif %q inconnu de la vérification rapide", where, val)
				}
			case "minimum", "minLength":
				if val.(float64) > 1 || (key == "minimum" && val.(float64) != 0) {
					t.Errorf("%s: %s %v inconnu de la vérification rapide", where, key, val)
				}
			case "properties":
				props := val.(map[string]any)
				names := make([]string, 0, len(props))
				for p := range props {
					names = append(names, p)
				}
				sort.Strings(names)
				for _, p := range names {
					walk(where+"/"+p, props[p].(map[string]any))
				}
			case "items":
				walk(where+"/items", val.(map[string]any))
			case "additionalProperties":
				if m, ok := val.(map[string]any); ok {
					walk(where+"/*", m)
				}
			}
		}
	}
	for _, k := range model.Kinds {
		var s map[string]any
		if err := json.Unmarshal(Generate(k), &s); err != nil {
			t.Fatal(err)
		}
		for _, top := range []string{"$schema", "$id"} {
			delete(s, top)
		}
		walk(k.Name, s)
	}
}

// BenchmarkValidate validates the entries of a generated repository as lint
// does (ValidateEntry: the quick check, then the full validator when it is
// not sure) and through the full validator alone.
func BenchmarkValidate(b *testing.B) {
	entries := realEntries(b, 1000)
	v := New()
	if err := CompileAll(); err != nil {
		b.Fatal(err)
	}
	b.Run("entry", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, e := range entries {
				v.ValidateEntry(e)
			}
		}
	})
	b.Run("full", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, e := range entries {
				v.Validate(e.Kind.Name, &Target{Path: e.Path, EntryID: e.ID, Values: e.Values, Positions: e.Positions, Fields: e.Kind.Fields})
			}
		}
	})
}
