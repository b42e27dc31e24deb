package entryfile

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/registre-qc/registre/pkg/source"
)

// RefusedError reports a file Format leaves alone because the canonical form
// would change a value or lose a comment. The file is still valid.
type RefusedError struct {
	Msg     string
	Comment bool // a comment would be lost or duplicated (else a value would change)
}

func (e *RefusedError) Error() string { return e.Msg }

// toNode builds the node tree of values; canon then orders and styles it.
func toNode(v any) (*yaml.Node, error) {
	switch x := normalize(v).(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode}
		for _, k := range sortedKeys(x) {
			c, err := toNode(x[k])
			if err != nil {
				return nil, fmt.Errorf("%s : %w", k, err)
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, c)
		}
		return n, nil
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for i, item := range x {
			c, err := toNode(item)
			if err != nil {
				return nil, fmt.Errorf("élément %d : %w", i+1, err)
			}
			n.Content = append(n.Content, c)
		}
		return n, nil
	case nil, bool, int64, float64, string:
		return &yaml.Node{Kind: yaml.ScalarNode}, nil
	default:
		return nil, fmt.Errorf("type de valeur non pris en charge : %T", v)
	}
}

// normalize converts values to the types the loader produces (string, bool,
// int64, float64, []any, map[string]any, nil).
func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = normalize(e)
		}
		return m
	case map[string]string:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = e
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = normalize(e)
		}
		return s
	case []string:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = e
		}
		return s
	case []map[string]any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = normalize(e)
		}
		return s
	case int:
		return int64(x)
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32:
		return int64(x)
	case float32:
		return float64(x)
	}
	return v
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// verify checks that out reads back as the same values and keeps every
// comment of the original tree (comments, a sorted list of comment lines)
// and, when owners is not nil, that each comment stays with the top-level key
// it annotated (commentOwners).
func verify(out []byte, before map[string]any, comments []string, owners map[string][]string) error {
	if err := verifyValues(out, before); err != nil {
		return err
	}
	var tree yaml.Node
	if err := yaml.Unmarshal(out, &tree); err != nil {
		return &RefusedError{Msg: fmt.Sprintf("reformatage refusé : %v", err)}
	}
	got := commentLines(&tree, nil)
	sort.Strings(got)
	if missing := diffLines(comments, got); missing != "" {
		return &RefusedError{Comment: true, Msg: fmt.Sprintf("reformatage refusé : le commentaire « %s » serait perdu ou dédoublé ; placez-le sur sa propre ligne au-dessus d'une clé", missing)}
	}
	if owners != nil {
		got, ok := commentOwners(out)
		if !ok {
			return &RefusedError{Msg: "reformatage refusé : le résultat ne se relirait pas"}
		}
		if key, line := diffOwners(owners, got); line != "" {
			return &RefusedError{Comment: true, Msg: fmt.Sprintf("reformatage refusé : le commentaire « %s » de « %s » changerait de clé ; placez-le sur sa propre ligne au-dessus de sa clé", line, key)}
		}
	}
	return nil
}

// Buckets of commentOwners for the comments that belong to no key.
const (
	headerOwner = "(en-tête)"
	endOwner    = "(fin)"
)

// commentOwners maps each top-level key of a YAML mapping to the comment
// lines it carries (sorted): those on the key, inside or beside its value, and
// above it. The comment block at the top of the file, before a blank line,
// belongs to no key (headerOwner), and so do the comments yaml.v3 leaves at
// the end of the document (endOwner). ok is false when text is not a mapping.
func commentOwners(text []byte) (map[string][]string, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, false
	}
	root := doc.Content[0]
	owners := map[string][]string{}
	add := func(owner string, lines []string) {
		if len(lines) > 0 {
			owners[owner] = append(owners[owner], lines...)
		}
	}
	header, keyHead := splitHeader(text, root)
	add(headerOwner, commentLines(&yaml.Node{HeadComment: header}, nil))
	trailing, _ := takeTrailing(text, &doc)
	add(endOwner, trailing)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		var lines []string
		if i == 0 {
			lines = commentLines(&yaml.Node{HeadComment: keyHead, LineComment: k.LineComment, FootComment: k.FootComment}, nil)
		} else {
			lines = commentLines(k, nil)
		}
		add(k.Value, commentLines(v, lines))
	}
	add(endOwner, commentLines(&yaml.Node{FootComment: doc.FootComment + "\n" + root.FootComment}, nil))
	for _, lines := range owners {
		sort.Strings(lines)
	}
	return owners, true
}

// diffOwners returns a key and one of its comment lines that want and got
// place differently, or "", "".
func diffOwners(want, got map[string][]string) (string, string) {
	keys := make([]string, 0, len(want)+len(got))
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if line := diffLines(want[k], got[k]); line != "" {
			return k, line
		}
	}
	return "", ""
}

// verifyValues checks that out reads back as before.
func verifyValues(out []byte, before map[string]any) error {
	doc, problems := source.Decode(out)
	if len(problems) > 0 || doc == nil {
		msg := "résultat illisible"
		if len(problems) > 0 {
			msg = problems[0].Message
		}
		return &RefusedError{Msg: fmt.Sprintf("reformatage refusé : le résultat ne se relirait pas (%s)", msg)}
	}
	if path, ok := equal(before, doc.Values, ""); !ok {
		return &RefusedError{Msg: fmt.Sprintf("reformatage refusé : il changerait la valeur de « %s »", path)}
	}
	return nil
}

// commentLines collects every comment line of a tree, trimmed.
func commentLines(n *yaml.Node, out []string) []string {
	for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		for _, l := range strings.Split(c, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	for _, c := range n.Content {
		out = commentLines(c, out)
	}
	return out
}

// diffLines returns a line of want missing from got (both sorted), or of got
// not in want (a duplicated comment), or "".
func diffLines(want, got []string) string {
	i, j := 0, 0
	for i < len(want) && j < len(got) {
		switch {
		case want[i] == got[j]:
			i++
			j++
		case want[i] < got[j]:
			return want[i]
		default:
			return got[j]
		}
	}
	if i < len(want) {
		return want[i]
	}
	if j < len(got) {
		return got[j]
	}
	return ""
}

// equal compares decoded values (NaN equals NaN) and returns the first key path that differs.
func equal(a, b any, path string) (string, bool) {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return orRoot(path), false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok {
				return joinPath(path, k), false
			}
			if p, ok := equal(v, w, joinPath(path, k)); !ok {
				return p, false
			}
		}
		return "", true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return orRoot(path), false
		}
		for i := range x {
			if p, ok := equal(x[i], y[i], joinPath(path, strconv.Itoa(i))); !ok {
				return p, false
			}
		}
		return "", true
	case float64:
		y, ok := b.(float64)
		if ok && (x == y || math.IsNaN(x) && math.IsNaN(y)) {
			return "", true
		}
		return orRoot(path), false
	}
	if reflect.TypeOf(a) != reflect.TypeOf(b) || a != b {
		return orRoot(path), false
	}
	return "", true
}

func orRoot(path string) string {
	if path == "" {
		return "(racine)"
	}
	return path
}
