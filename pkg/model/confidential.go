package model

import (
	"fmt"
	"github.com/registre-qc/registre/pkg/suggest"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ConfidentialKey marks an inventory entry whose existence may be refused
// (A-2.1 art. 76 al. 2): it never appears in a public output.
const ConfidentialKey = "existence_confidentielle"

// Publishable is the one confidentiality predicate: it reports whether e may
// appear in a public output (the published site, its CSV, PDF and JSON, the
// index and manifest, `registre export`, `registre diff --public`). It fails
// closed: an entry is withheld unless everything about it is certain —
//
//   - its kind is a published one (never incidents, EFVP, agreements);
//   - its file was read without any problem (no duplicate key, no second
//     document, no alias…: Entry.Damaged);
//   - its kind is certain: the file name is an id of its folder's kind, the
//     `id` key (when present) is that same id, no sub-folder on its path is
//     named after another kind, and it holds no key that only a kind that is
//     never published has (circonstances, risque_serieux…);
//   - existence_confidentielle is absent or exactly the YAML boolean false
//     (« oui », "true", 1, yes, null… all mean confidential);
//   - no other key looks like a confidentiality marker (a misspelt
//     existence_confidentielle, confidentiel_existence, confidentiel…).
func Publishable(e *Entry) bool {
	if e == nil || e.Kind == nil || !e.Kind.Published() || e.Damaged || !KindCertain(e) {
		return false
	}
	if e.lean != nil {
		return e.lean.clean // taken while e was whole
	}
	return confidentialityClean(e)
}

// confidentialityClean is the part of Publishable that reads e's values:
// existence_confidentielle absent or exactly false, and no doubt.
func confidentialityClean(e *Entry) bool {
	if v, ok := e.lookup(ConfidentialKey); ok {
		if b, isBool := v.(bool); !isBool || b {
			return false
		}
	}
	return len(Doubts(e)) == 0
}

// KindCertain reports whether e's kind is established with certainty: its
// file name is an id of its folder's kind and its `id` key, when present, is
// that id. (The loader reports the other cases as REF-003 and REF-004.)
func KindCertain(e *Entry) bool {
	if e == nil || e.Kind == nil || !ValidID(e.Kind, e.ID) {
		return false
	}
	if v, ok := e.lookup("id"); ok {
		s, isStr := v.(string)
		if !isStr || strings.TrimSpace(s) != e.ID {
			return false
		}
	}
	return true
}

// Doubt is one reason to withhold an entry of a published kind that its
// author may not have meant: lint reports each one as an error that cannot be
// turned off or suppressed.
type Doubt struct {
	Key     string // the top-level key at fault
	Message string // French, for the lint finding
}

// Doubts returns the confidentiality doubts of e, in key order: a
// confidentiality marker that is not a clean boolean, misspelt, or on a kind
// that has none, and keys that only a kind that is never published has. A
// clean `existence_confidentielle: true` on an inventory entry is no doubt.
func Doubts(e *Entry) []Doubt {
	if e == nil || e.Kind == nil || !e.Kind.Published() {
		return nil
	}
	e = e.Whole() // every key counts, not only those a compact entry kept
	var out []Doubt
	// A sub-folder named after another kind (communications/incidents/…):
	// which register the author meant is uncertain.
	if dirs := strings.Split(e.Path, "/"); len(dirs) > 2 {
		for _, d := range dirs[1 : len(dirs)-1] {
			if k := KindByName(d); k != nil && k != e.Kind {
				out = append(out, Doubt{"", fmt.Sprintf("l'inscription est dans un sous-dossier « %s » du registre %s : son registre est incertain, elle n'est donc jamais publiée ; déplacez-la dans le dossier de son registre ou renommez le sous-dossier", d, e.Kind.Name)})
				break
			}
		}
	}
	// The common case, every key a declared field of the kind holding no
	// nested marker, needs no sorting (Publishable runs on every entry).
	clean := true
	for key, v := range e.Values {
		if key == ConfidentialKey || e.Kind.Field(key) == nil || nestedMarker(v, 0) != "" {
			clean = false
			break
		}
	}
	if clean {
		return out
	}
	var hidden, hiddenKind []string
	for _, key := range SortedKeys(e.Values) {
		v := e.Values[key]
		switch {
		case key == ConfidentialKey:
			b, isBool := v.(bool)
			switch {
			case !isBool:
				out = append(out, Doubt{key, fmt.Sprintf("%s vaut %s, qui n'est pas un booléen : par prudence, l'inscription est traitée comme confidentielle et n'est jamais publiée ; écrivez true (confidentielle) ou false (publiée)", key, shown(v))})
			case e.Kind.Field(key) == nil && b:
				out = append(out, Doubt{key, fmt.Sprintf("%s n'existe que dans l'inventaire (art. 76, al. 2) : par prudence, cette inscription du registre %s n'est jamais publiée ; retirez la clé ou déplacez l'inscription", key, e.Kind.Name)})
			}
		case nestedMarker(v, 0) != "":
			out = append(out, Doubt{key, fmt.Sprintf("la valeur de %s contient la clé « %s » : une marque de confidentialité mal placée (indentation ?) ; par prudence, l'inscription est traitée comme confidentielle et n'est jamais publiée ; placez existence_confidentielle au premier niveau", key, nestedMarker(v, 0))})
		case e.Kind.Field(key) != nil:
			// a declared key of its own kind
		case looksConfidential(key):
			out = append(out, Doubt{key, fmt.Sprintf("la clé « %s » ressemble à %s : par prudence, l'inscription est traitée comme confidentielle et n'est jamais publiée ; corrigez l'orthographe de la clé (true ou false)", key, ConfidentialKey)})
		default:
			if k := hiddenKindOf(key); k != nil {
				hidden = append(hidden, key)
				hiddenKind = append(hiddenKind, k.Name)
			}
		}
	}
	// Keys of a kind that is never published: one finding, at the first one,
	// unless the file name already makes the kind uncertain (REF-003, REF-004).
	if len(hidden) > 0 && KindCertain(e) {
		what := fmt.Sprintf("la clé « %s » appartient au registre %s", hidden[0], hiddenKind[0])
		if len(hidden) > 1 {
			what = fmt.Sprintf("les clés « %s » appartiennent au registre %s", strings.Join(hidden, " », « "), hiddenKind[0])
		}
		out = append(out, Doubt{hidden[0], fmt.Sprintf("%s, qui n'est jamais publié, et non au registre %s : le registre de cette inscription est incertain, elle n'est donc jamais publiée ; placez-la dans le bon dossier ou retirez ces clés", what, e.Kind.Name)})
	}
	return out
}

// nestedMarker returns the first key inside v (mappings, lists, at any
// depth) that is or looks like a confidentiality marker, or "".
func nestedMarker(v any, depth int) string {
	if depth > 64 {
		return ""
	}
	switch t := v.(type) {
	case map[string]any:
		for _, k := range SortedKeys(t) {
			if k == ConfidentialKey || looksConfidential(k) {
				return k
			}
			if m := nestedMarker(t[k], depth+1); m != "" {
				return m
			}
		}
	case []any:
		for _, x := range t {
			if m := nestedMarker(x, depth+1); m != "" {
				return m
			}
		}
	}
	return ""
}

// shown quotes a decoded value for a message.
func shown(v any) string {
	switch t := v.(type) {
	case nil:
		return "une valeur vide"
	case string:
		if r := []rune(t); len(r) > 40 {
			t = string(r[:40]) + "…"
		}
		return "« " + strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, t) + " »"
	case []any:
		return "une liste"
	case map[string]any:
		return "un dictionnaire"
	}
	return AsString(v)
}

// hiddenKindOf returns a kind that is never published and declares key, or nil.
func hiddenKindOf(key string) *Kind {
	for _, k := range Kinds {
		if !k.Published() && k.Field(key) != nil {
			return k
		}
	}
	return nil
}

const confidentialFolded = "existenceconfidentielle"

// looksConfidential reports whether a key that is not declared by its kind
// could be meant as a confidentiality marker: the same letters as
// existence_confidentielle in another case or spelling (up to four edits),
// or any key that speaks of confidentiality or secrecy.
func looksConfidential(key string) bool {
	f := fold(key)
	if f == "" {
		return false
	}
	for _, w := range []string{"confid", "secret", "existenc", "existanc"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return len(f) <= 64 && suggest.Distance(f, confidentialFolded) <= 4
}

// fold lowercases s, drops accents and keeps only letters a to z.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
