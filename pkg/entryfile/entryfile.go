// Package entryfile writes register entries in their canonical YAML form.
// `registre fmt`, `registre new` and `registre import` share it, so a file
// written by any of them is already formatted.
//
// The canonical form:
//   - keys in the order of the kind's declaration (model.Kind.Fields), nested
//     objects in the order of their own Fields, unknown keys after them, sorted;
//   - block style for every mapping and list (an empty list stays []);
//   - strings plain when YAML reads them back as the same text, single-quoted
//     otherwise (double-quoted only when a character needs an escape), multi-line
//     text as a literal block (|, |-, |+, with an indentation indicator when the
//     text starts with a space), so every value reads back byte for byte;
//   - the comment block at the top of the file kept as is; other comments kept
//     with the key they belong to; one blank line before a commented top-level key;
//   - LF line ends, UTF-8 without BOM, one final newline (more only when the
//     last value is a |+ text that ends with empty lines: they are its content).
//
// Format never changes a value: it refuses a file with YAML findings, and it
// checks that the result decodes to the same values (and keeps every comment)
// before returning it.
package entryfile

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

// Options tunes EncodeFields.
type Options struct {
	// Header is the comment block written at the top of the file, e.g.
	// "# yaml-language-server: $schema=../.registre/schemas/communications.schema.json".
	// Lines without a leading # get one. A trailing blank line is kept (one at most).
	Header string
	// Comments are written above keys and list items, by key path ("id",
	// "facteurs/sensibilite", "ignorer/0", "ignorer/0/raison"). Each line gets a
	// leading "# ".
	Comments map[string]string
}

// Encode returns the canonical YAML of an entry of kind k.
func Encode(k *model.Kind, values map[string]any) ([]byte, error) {
	return EncodeFields(k.Fields, values, Options{})
}

// EncodeWithHeader is Encode with a leading comment block (see Options.Header),
// typically the line « # yaml-language-server: $schema=<path> ».
func EncodeWithHeader(k *model.Kind, values map[string]any, header string) ([]byte, error) {
	return EncodeFields(k.Fields, values, Options{Header: header})
}

// EncodeFields encodes values declared by fields (a kind's Fields, or
// model.ConfigFields for registre.yaml) in canonical form.
//
// Without comments, the fast writer (fastEncode) serves the common case
// without the YAML encoder and without reading its output back: it writes
// only spellings whose reading is certain, and TestProperty and
// FuzzFastEncode check that its output equals the encoder's and decodes to
// the same values. Anything else goes through the encoder, checked by
// decoding its output.
func EncodeFields(fields []model.Field, values map[string]any, opts Options) ([]byte, error) {
	values, _ = normalize(values).(map[string]any)
	if len(opts.Comments) == 0 {
		if out, ok := fastEncode(fields, values, opts.Header); ok {
			return out, nil
		}
	}
	out, err := encodeFields(fields, values, opts, false)
	if err != nil {
		return nil, err
	}
	if verr := verifyValues(out, values); verr != nil {
		// Last resort, as in Format: double quotes hold any text.
		if safe, err := encodeFields(fields, values, opts, true); err == nil && verifyValues(safe, values) == nil {
			return safe, nil
		}
		return nil, verr
	}
	return out, nil
}

func encodeFields(fields []model.Field, values map[string]any, opts Options, safe bool) ([]byte, error) {
	root, err := toNode(values)
	if err != nil {
		return nil, err
	}
	c := &canon{comments: opts.Comments, safe: safe}
	c.node(root, values, fields, "", 0)
	if len(root.Content) > 0 {
		root.Content[0].HeadComment = strings.TrimLeft(root.Content[0].HeadComment, "\n")
	}
	return emit(normalizeHeader(opts.Header), &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
}

// SyntaxError reports a file that cannot be formatted because it is not one
// clean YAML mapping (the loader's YAML-… findings).
type SyntaxError struct {
	Line, Col int
	Rule      string
	Message   string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("ligne %d : %s (%s)", e.Line, e.Message, e.Rule)
}

// Format returns the canonical form of an entry file of kind k, and whether
// it differs from src. A file with YAML findings gives a *SyntaxError and is
// never rewritten.
func Format(k *model.Kind, src []byte) (out []byte, changed bool, err error) {
	return FormatFields(k.Fields, src)
}

// FormatFields is Format for any declaration (model.ConfigFields for registre.yaml).
func FormatFields(fields []model.Field, src []byte) (out []byte, changed bool, err error) {
	doc, problems := source.Decode(src)
	if len(problems) > 0 || doc == nil {
		p := source.Problem{Rule: "YAML-001", Message: "le fichier ne peut pas être lu"}
		if len(problems) > 0 {
			p = problems[0]
		}
		return nil, false, &SyntaxError{Line: max(p.Pos.Line, 1), Col: p.Pos.Col, Rule: p.Rule, Message: p.Message}
	}
	text := bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))

	out, comments, err := formatDoc(fields, text, doc.Values, false)
	if err != nil {
		return nil, false, err
	}
	if bytes.Equal(out, src) {
		return out, false, nil
	}
	owners, ok := commentOwners(text)
	if !ok {
		return nil, false, &SyntaxError{Line: 1, Col: 1, Rule: "YAML-007", Message: "le fichier doit contenir un dictionnaire de clés"}
	}
	settled, verr := settle(fields, out, doc.Values, comments, owners, false)
	if verr != nil {
		// Last resort: write every string that cannot be plain in double
		// quotes, which hold any text. Checked the same way.
		safe, _, err := formatDoc(fields, text, doc.Values, true)
		if err != nil {
			return nil, false, verr
		}
		if settled, err = settle(fields, safe, doc.Values, comments, owners, true); err != nil {
			return nil, false, verr
		}
	}
	return settled, !bytes.Equal(settled, src), nil
}

// settle verifies out and formats it again until it no longer changes:
// yaml.v3 may attach a comment that moved with its key to another node on the
// next read, and the result must be a fixed point of Format.
func settle(fields []model.Field, out []byte, values map[string]any, comments []string, owners map[string][]string, safe bool) ([]byte, error) {
	for range 4 {
		if err := verify(out, values, comments, owners); err != nil {
			return nil, err
		}
		next, _, err := formatDoc(fields, out, values, safe)
		if err != nil {
			return nil, err
		}
		if bytes.Equal(next, out) {
			return out, nil
		}
		out = next
	}
	return nil, &RefusedError{Comment: true, Msg: "reformatage refusé : la place de certains commentaires ne se stabilise pas ; placez chaque commentaire sur sa propre ligne au-dessus d'une clé"}
}

// FormatDecoded is Format for a file the loader has already decoded: values
// must be the loader's decode of src (source.Decode, or the Values of an entry
// from source.Load). It spares decoding src a second time when the file is
// already canonical; otherwise it does everything Format does.
func FormatDecoded(k *model.Kind, src []byte, values map[string]any) (out []byte, changed bool, err error) {
	if values != nil && !bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) && !bytes.Contains(src, []byte("\r")) {
		if body := headerEnd(src); bytes.IndexByte(src[body:], '#') < 0 {
			// No comment below the header: the canonical file is the encoding
			// of the values, which needs no parse.
			out, ok := fastEncode(k.Fields, values, string(src[:body]))
			if !ok {
				var err error
				if out, err = encodeFields(k.Fields, values, Options{Header: string(src[:body])}, false); err != nil {
					out = nil
				}
			}
			if out != nil && bytes.Equal(out, src) {
				return out, false, nil
			}
		} else if out, _, err := formatDoc(k.Fields, src, values, false); err == nil && bytes.Equal(out, src) {
			return out, false, nil
		}
	}
	return Format(k, src)
}

// headerEnd returns the offset of the first line that is neither blank nor a comment.
func headerEnd(src []byte) int {
	off := 0
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		} else {
			end++
		}
		line := bytes.TrimSpace(src[off : off+end])
		if len(line) > 0 && line[0] != '#' {
			break
		}
		off += end
	}
	return off
}

// formatDoc parses text into nodes and re-emits them in canonical order and
// style. It also returns the comment lines of the original tree, sorted.
func formatDoc(fields []model.Field, text []byte, values map[string]any, safe bool) ([]byte, []string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, nil, &SyntaxError{Line: 1, Col: 1, Rule: "YAML-001", Message: "syntaxe YAML invalide : " + err.Error()}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, &SyntaxError{Line: 1, Col: 1, Rule: "YAML-007", Message: "le fichier doit contenir un dictionnaire de clés"}
	}
	comments := commentLines(&doc, nil)
	sort.Strings(comments)
	root := doc.Content[0]
	header, keyHead := splitHeader(text, root)
	doc.HeadComment = ""
	root.HeadComment = ""
	if len(root.Content) > 0 {
		root.Content[0].HeadComment = keyHead
	}
	// The comments that end the file stay at its end, whatever key comes last.
	trailing, blank := takeTrailing(text, &doc)
	c := &canon{safe: safe}
	c.node(root, values, fields, "", 0)
	if c.dup {
		return nil, nil, &SyntaxError{Line: 1, Col: 1, Rule: "YAML-003", Message: "clé en double"}
	}
	if len(root.Content) > 0 {
		root.Content[0].HeadComment = strings.TrimLeft(root.Content[0].HeadComment, "\n")
	}
	if len(trailing) > 0 {
		// After a blank line, yaml.v3 reads them as the document's; right
		// after the last value, as the last key's.
		if blank || len(root.Content) < 2 {
			doc.FootComment = joinComments(doc.FootComment, strings.Join(trailing, "\n"))
		} else {
			last := root.Content[len(root.Content)-2]
			last.FootComment = joinComments(last.FootComment, strings.Join(trailing, "\n"))
		}
	}
	out, err := emit(header, &doc)
	return out, comments, err
}

// takeTrailing removes from the tree the comment lines that end the file
// (after the last value, seen in text) and returns them in order. yaml.v3
// hangs them as foot comments on the nodes along the last key, its value, its
// last item…, so only those foot comments are searched; a line that looks
// like a comment but is not one of them (the content of a | block) stops the
// search. blank tells whether a blank line separates them from the last value.
func takeTrailing(text []byte, doc *yaml.Node) (trailing []string, blank bool) {
	lines := strings.Split(strings.TrimRight(string(text), "\n"), "\n")
	var cand []string // trailing comment lines, last first
	var candLine []int
	for i := len(lines) - 1; i >= 0; i-- {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "#") {
			break
		}
		cand = append(cand, t)
		candLine = append(candLine, i)
	}
	if len(cand) == 0 {
		return nil, false
	}
	// The nodes along the rightmost path, whose foot comments may hold them.
	var path []*yaml.Node
	for n := doc; n != nil; {
		path = append(path, n)
		switch {
		case n.Kind == yaml.MappingNode && len(n.Content) >= 2:
			path = append(path, n.Content[len(n.Content)-2])
			n = n.Content[len(n.Content)-1]
		case len(n.Content) > 0:
			n = n.Content[len(n.Content)-1]
		default:
			n = nil
		}
	}
	var taken []string
	first := -1 // line of the first comment taken
	for ci, c := range cand {
		found := false
		for i := len(path) - 1; i >= 0 && !found; i-- {
			foot := strings.Split(path[i].FootComment, "\n")
			for j := len(foot) - 1; j >= 0; j-- {
				if strings.TrimSpace(foot[j]) == c {
					path[i].FootComment = strings.Trim(strings.Join(append(foot[:j:j], foot[j+1:]...), "\n"), "\n")
					found = true
					break
				}
			}
		}
		if !found {
			break
		}
		taken = append(taken, c)
		first = candLine[ci]
	}
	for i, j := 0, len(taken)-1; i < j; i, j = i+1, j-1 {
		taken[i], taken[j] = taken[j], taken[i]
	}
	return taken, first > 0 && strings.TrimSpace(lines[first-1]) == ""
}

// splitHeader returns the file's leading comment block (comment and blank
// lines before the first key) and the part of it that belongs to the first
// key: the comment lines right above it, with no blank line in between, except
// the yaml-language-server line, which always stays at the top.
func splitHeader(text []byte, root *yaml.Node) (header, keyHead string) {
	if len(root.Content) == 0 {
		return "", ""
	}
	first := root.Content[0].Line
	var lines []string
	for i, l := range strings.Split(string(text), "\n") {
		if i+1 >= first {
			break
		}
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			lines = append(lines, t)
		}
	}
	// The comment lines directly above the key travel with it.
	cut := len(lines)
	for cut > 0 && lines[cut-1] != "" && !isModeline(lines[cut-1]) {
		cut--
	}
	header = strings.Join(lines[:cut], "\n")
	keyHead = strings.Join(lines[cut:], "\n")
	return normalizeHeader(header), keyHead
}

func isModeline(l string) bool {
	return strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(l, "#")), "yaml-language-server:")
}

// normalizeHeader trims the header block: no leading blank line, runs of blank
// lines collapsed, every line a comment; it ends with "\n", or "\n\n" when a
// blank line separates it from the keys.
func normalizeHeader(h string) string {
	h = strings.ReplaceAll(h, "\r\n", "\n")
	var out []string
	blank := false
	for _, l := range strings.Split(h, "\n") {
		l = strings.TrimRightFunc(l, isSpaceRune)
		if strings.TrimSpace(l) == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		l = strings.TrimLeftFunc(l, isSpaceRune)
		if !strings.HasPrefix(l, "#") {
			l = "# " + l
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return ""
	}
	s := strings.Join(out, "\n") + "\n"
	if blank {
		s += "\n"
	}
	return s
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' || r == '\r' }

// emit encodes doc after the header, with LF line ends and a final newline.
func emit(header string, doc *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("écriture YAML : %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("écriture YAML : %w", err)
	}
	// The encoder ends the document with one newline; more are the content of
	// a final |+ block, which must stay.
	out := b.Bytes()
	if len(out) == 0 || out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return out, nil
}

// canon puts a node tree in canonical order and style, guided by the decoded
// values (what the loader reads) and the declaration.
type canon struct {
	comments map[string]string
	safe     bool
	dup      bool // a mapping has the same key twice (the loader reports it)
}

func (c *canon) node(n *yaml.Node, v any, fields []model.Field, path string, depth int) {
	n.Anchor = ""
	switch n.Kind {
	case yaml.MappingNode:
		n.Style = 0
		n.Tag = ""
		m, _ := v.(map[string]any)
		c.mapping(n, m, fields, path, depth)
	case yaml.SequenceNode:
		n.Style = 0
		n.Tag = ""
		items, _ := v.([]any)
		for i, item := range n.Content {
			var iv any
			if i < len(items) {
				iv = items[i]
			}
			ip := joinPath(path, strconv.Itoa(i))
			c.node(item, iv, fields, ip, depth+1)
			if text, ok := c.comments[ip]; ok && text != "" {
				item.HeadComment = commentText(text)
			}
			item.HeadComment = strings.TrimLeft(item.HeadComment, "\n")
		}
	case yaml.ScalarNode:
		c.scalar(n, v)
	}
}

type pair struct {
	k, v  *yaml.Node
	key   string
	field *model.Field
	order int
}

func (c *canon) mapping(n *yaml.Node, m map[string]any, fields []model.Field, path string, depth int) {
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		p := pair{k: n.Content[i], v: n.Content[i+1], key: n.Content[i].Value, order: len(fields)}
		for j := range fields {
			if fields[j].Key == p.key {
				p.field, p.order = &fields[j], j
				break
			}
		}
		pairs = append(pairs, p)
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].order != pairs[j].order {
			return pairs[i].order < pairs[j].order
		}
		return pairs[i].key < pairs[j].key
	})
	for i := 1; i < len(pairs); i++ {
		if pairs[i].key == pairs[i-1].key {
			c.dup = true
		}
	}
	n.Content = n.Content[:0]
	for i, p := range pairs {
		kp := joinPath(path, p.key)
		var sub []model.Field
		if p.field != nil {
			sub = p.field.Fields
		}
		c.key(p.k)
		if text, ok := c.comments[kp]; ok && text != "" {
			p.k.HeadComment = commentText(text)
		}
		c.node(p.v, m[p.key], sub, kp, depth+1)
		attach(p.k, p.v)
		hc := strings.TrimLeft(p.k.HeadComment, "\n")
		// One blank line before a commented top-level key, unless the value
		// before it is a |+ block, whose content would take the blank line.
		if depth == 0 && i > 0 && hc != "" && !endsWithKeepBlock(n.Content[len(n.Content)-1]) {
			hc = "\n" + hc
		}
		p.k.HeadComment = hc
		n.Content = append(n.Content, p.k, p.v)
	}
}

// attach moves the comments of a value to places where the encoder writes
// them on the value's own key, so that they are read back on that key:
//   - a comment between a key and its scalar value goes above the key;
//   - the line comment of a list or mapping written in flow style on the key's
//     line (« destinataire: [A, B] # c ») stays on the key's line;
//   - a comment between a key and its block list or mapping goes above the key;
//   - the line comment of a key whose value is [] or {} goes after the value.
func attach(k, v *yaml.Node) {
	switch v.Kind {
	case yaml.ScalarNode:
		if k.LineComment != "" && v.LineComment != "" {
			// Two line comments for one line: a complex key (« ? ») would
			// write its own after the « : » and push the value down.
			k.HeadComment = joinComments(k.HeadComment, k.LineComment)
			k.LineComment = ""
		}
		if v.HeadComment != "" {
			k.HeadComment = joinComments(k.HeadComment, strings.TrimLeft(v.HeadComment, "\n"))
			v.HeadComment = ""
		}
	case yaml.SequenceNode, yaml.MappingNode:
		if len(v.Content) == 0 {
			// Written [] or {} on the key's line: the key's line comment goes
			// on the value, after it. Left on a complex key (« ? "a\nb" # c »),
			// yaml.v3 would write it after the « : » and push the [] to the
			// next line, at the key's indentation, where it reads as a key.
			// When the value has its own, the key's goes above the key.
			if k.LineComment != "" {
				if v.LineComment == "" {
					v.LineComment = k.LineComment
				} else {
					k.HeadComment = joinComments(k.HeadComment, k.LineComment)
				}
				k.LineComment = ""
			}
			if v.HeadComment != "" {
				k.HeadComment = joinComments(k.HeadComment, strings.TrimLeft(v.HeadComment, "\n"))
				v.HeadComment = ""
			}
			return
		}
		if v.LineComment != "" {
			if k.LineComment == "" {
				k.LineComment = v.LineComment
			} else {
				k.HeadComment = joinComments(k.HeadComment, v.LineComment)
			}
			v.LineComment = ""
		}
		if v.HeadComment != "" {
			k.HeadComment = joinComments(k.HeadComment, strings.TrimLeft(v.HeadComment, "\n"))
			v.HeadComment = ""
		}
	}
}

// endsWithKeepBlock reports whether the last scalar written for n is a
// literal block with « keep » chomping (|+): text that ends with two line
// breaks, or is one line break.
func endsWithKeepBlock(n *yaml.Node) bool {
	for len(n.Content) > 0 && n.Kind != yaml.ScalarNode {
		n = n.Content[len(n.Content)-1]
	}
	return n.Kind == yaml.ScalarNode && n.Style == yaml.LiteralStyle &&
		(n.Value == "\n" || strings.HasSuffix(n.Value, "\n\n"))
}

func commentText(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		l = strings.TrimRightFunc(l, isSpaceRune)
		switch {
		case strings.HasPrefix(l, "#"):
		case l == "":
			l = "#"
		default:
			l = "# " + l
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// key styles a mapping key: the loader reads a key's text whatever its tag.
func (c *canon) key(k *yaml.Node) {
	k.Anchor = ""
	k.Tag = "!!str"
	k.Style = stringStyle(k.Value, c.safe)
	if k.Style == yaml.LiteralStyle {
		k.Style = yaml.DoubleQuotedStyle
	}
	if k.Style == 0 {
		k.Tag = ""
	}
}

func (c *canon) scalar(n *yaml.Node, v any) {
	n.Anchor = ""
	switch x := v.(type) {
	case nil:
		n.Tag, n.Style, n.Value = "", 0, ""
	case bool:
		n.Tag, n.Style, n.Value = "", 0, strconv.FormatBool(x)
	case int64:
		n.Tag, n.Style, n.Value = "", 0, strconv.FormatInt(x, 10)
	case float64:
		n.Tag, n.Style, n.Value = "", 0, formatFloat(x)
	case string:
		n.Value = x
		n.Style = stringStyle(x, c.safe)
		if n.Style == 0 {
			n.Tag = "" // a date stays plain: the loader keeps it as text
		} else {
			n.Tag = "!!str"
		}
	}
}

func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return ".nan"
	case math.IsInf(f, 1):
		return ".inf"
	case math.IsInf(f, -1):
		return "-.inf"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

// stringStyle chooses how a string is written so that it reads back as the same text.
func stringStyle(s string, safe bool) yaml.Style {
	if strings.Contains(s, "\n") {
		// A block whose first line starts with a tab cannot be read back
		// (yaml.v3 takes the tab for indentation).
		if hasSpecial(s) || safe || s[0] == '\t' {
			return yaml.DoubleQuotedStyle
		}
		return yaml.LiteralStyle // the encoder falls back to double quotes when a block cannot hold the text
	}
	if plainSafe(s) {
		return 0
	}
	if safe || hasSpecial(s) {
		return yaml.DoubleQuotedStyle
	}
	return yaml.SingleQuotedStyle // the encoder uses double quotes for tabs and control characters
}

// hasSpecial reports characters a literal block cannot hold as they are:
// carriage returns, other line separators, control characters, BOM.
func hasSpecial(s string) bool {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == utf8.RuneError:
			return true
		}
	}
	return false
}

// indicators may not start a plain scalar (or would make one hard to read).
const indicators = "-?:,[]{}#&*!|>'\"%@`"

// textBools are words a reader (or an older YAML reader) may take for a yes/no answer.
var textBools = map[string]bool{
	"oui": true, "non": true, "yes": true, "no": true, "on": true, "off": true, "y": true, "n": true,
	"true": true, "false": true, "vrai": true, "faux": true,
}

// plainSafe reports whether s can be written without quotes and read back as the same text.
func plainSafe(s string) bool {
	if s == "" || strings.ContainsRune(indicators, rune(s[0])) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if isBlankRune(first) || isBlankRune(last) || last == ':' {
		return false
	}
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.ContainsAny(s, "\t\r\n") || hasSpecial(s) {
		return false
	}
	if textBools[strings.ToLower(s)] || looksNumeric(s) {
		return false
	}
	switch (&yaml.Node{Kind: yaml.ScalarNode, Value: s}).ShortTag() {
	case "!!str", "!!timestamp": // the loader keeps dates as text
		return true
	}
	return false
}

func isBlankRune(r rune) bool {
	return r == ' ' || r == '\t' || r == 0xA0 || r == 0x202F || r == 0x2007 || r == 0x3000
}

// looksNumeric reports text made only of digits and number punctuation
// (« 12 290 », « 1,5 », « 63.5 »): quoted so nobody takes it for a number.
func looksNumeric(s string) bool {
	digit := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case (r == '+' || r == '-') && i == 0:
		case r == '.' || r == ',' || r == ' ' || r == '_' || r == 0xA0 || r == 0x202F || r == '\'':
		default:
			return false
		}
	}
	return digit
}

func joinPath(path, elem string) string {
	if path == "" {
		return elem
	}
	return path + "/" + elem
}
