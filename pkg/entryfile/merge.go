package entryfile

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

// Merge updates the keys of an existing entry file and keeps everything
// else: the other keys, the comment block at the top and every comment. set
// gives the new value of a key (added when absent); a key of del is removed,
// and the comments it carried move to the key after it. The result is in
// canonical form (Format), and checked: it reads back as the old values with
// these changes, and holds every comment of src. `registre import --force`
// uses it to update the published columns of an entry without losing its
// unpublished keys (unite, efvp, debut…) or its comments.
func Merge(k *model.Kind, src []byte, set map[string]any, del []string) ([]byte, error) {
	doc, problems := source.Decode(src)
	if len(problems) > 0 || doc == nil {
		p := source.Problem{Rule: "YAML-001", Message: "le fichier ne peut pas être lu"}
		if len(problems) > 0 {
			p = problems[0]
		}
		return nil, &SyntaxError{Line: max(p.Pos.Line, 1), Col: p.Pos.Col, Rule: p.Rule, Message: p.Message}
	}
	values := make(map[string]any, len(doc.Values)+len(set))
	for key, v := range doc.Values {
		values[key] = v
	}
	for _, key := range del {
		delete(values, key)
	}
	for key, v := range set {
		values[key] = normalize(v)
	}

	text := bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	var tree yaml.Node
	if err := yaml.Unmarshal(text, &tree); err != nil || tree.Kind != yaml.DocumentNode || len(tree.Content) != 1 || tree.Content[0].Kind != yaml.MappingNode {
		return nil, &SyntaxError{Line: 1, Col: 1, Rule: "YAML-007", Message: "le fichier doit contenir un dictionnaire de clés"}
	}
	// Every comment of src is kept (moved at most): verified at the end.
	comments := commentLines(&tree, nil)
	sort.Strings(comments)
	root := tree.Content[0]
	// The comment block above the first key stays at the top whatever happens to that key.
	header, keyHead := splitHeader(text, root)
	tree.HeadComment, root.HeadComment = "", ""
	if len(root.Content) > 0 {
		root.Content[0].HeadComment = keyHead
	}

	dels := map[string]bool{}
	for _, key := range del {
		dels[key] = true
	}
	var moved []string // comments of removed keys, for the next key
	var content []*yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		kn, vn := root.Content[i], root.Content[i+1]
		if dels[kn.Value] {
			if _, again := set[kn.Value]; !again {
				moved = append(moved, commentLines(kn, commentLines(vn, nil))...)
				continue
			}
		}
		if len(moved) > 0 {
			kn.HeadComment = joinComments(strings.Join(moved, "\n"), kn.HeadComment)
			moved = nil
		}
		if v, ok := set[kn.Value]; ok {
			nv, err := toNode(v)
			if err != nil {
				return nil, fmt.Errorf("%s : %w", kn.Value, err)
			}
			if lost := keepComments(vn, nv); len(lost) > 0 {
				kn.HeadComment = joinComments(kn.HeadComment, strings.Join(lost, "\n"))
			}
			vn = nv
		}
		content = append(content, kn, vn)
	}
	have := map[string]bool{}
	for i := 0; i < len(content); i += 2 {
		have[content[i].Value] = true
	}
	keys := make([]string, 0, len(set))
	for key := range set {
		if !have[key] {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	for _, key := range keys {
		nv, err := toNode(set[key])
		if err != nil {
			return nil, fmt.Errorf("%s : %w", key, err)
		}
		content = append(content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, nv)
	}
	if len(moved) > 0 {
		root.FootComment = joinComments(root.FootComment, strings.Join(moved, "\n"))
	}
	root.Content = content

	c := &canon{}
	c.node(root, values, k.Fields, "", 0)
	if len(root.Content) > 0 {
		root.Content[0].HeadComment = strings.TrimLeft(root.Content[0].HeadComment, "\n")
	}
	out, err := emit(header, &tree)
	if err != nil {
		return nil, err
	}
	settled, err := settle(k.Fields, out, values, comments, nil, false)
	if err != nil {
		return nil, err
	}
	return settled, nil
}

// keepComments copies the comments of the value node being replaced to its
// replacement (item by item for two lists) and returns those that have no
// place left (the comments of removed items), for the key.
func keepComments(old, nv *yaml.Node) (lost []string) {
	nv.HeadComment, nv.LineComment, nv.FootComment = old.HeadComment, old.LineComment, old.FootComment
	if old.Kind == yaml.SequenceNode && nv.Kind == yaml.SequenceNode {
		for i, item := range old.Content {
			if i < len(nv.Content) {
				lost = append(lost, keepComments(item, nv.Content[i])...)
			} else {
				lost = commentLines(item, lost)
			}
		}
	} else if old.Kind != yaml.ScalarNode {
		// A mapping or list replaced by another shape: its inner comments stay with the key.
		for _, c := range old.Content {
			lost = commentLines(c, lost)
		}
	}
	return lost
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}
