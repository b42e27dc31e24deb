// Package source reads a register repository: it walks the folders, decodes
// each YAML file strictly (UTF-8, one document, no anchors or aliases, no
// duplicate keys, a size limit) into plain values with the position of every
// key and value, and never skips a file it cannot read: every problem is a
// finding with file:line:col (rule ids YAML-… and REF-…).
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// DefaultMaxSize is the largest file accepted (1 Mio): a register entry is a few kilobytes.
const DefaultMaxSize = 1 << 20

// maxDepth bounds nesting: entries are at most three levels deep.
const maxDepth = 32

// Doc is one decoded YAML file.
type Doc struct {
	Values    map[string]any
	Positions *model.Positions
}

// Problem is a decoding finding before it is attached to a file.
type Problem struct {
	Rule    string
	Pos     finding.Position
	Message string
}

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// Decode decodes one file's bytes. It returns the document (nil when the file
// cannot be read as one clean YAML mapping) and the problems found. It never panics.
//
// A file that is not clean UTF-8 gets one problem, its encoding (YAML-002),
// and nothing else. Checking that costs a pass over the bytes, which the YAML
// reader already makes: it decodes every character strictly (no invalid or
// overlong sequence, no surrogate, no control character such as NUL). So the
// encoding is checked on its own only when the reader did not read the whole
// file cleanly (an error, a second document, a panic): a file the reader went
// through to its end is clean UTF-8 (FuzzDecodeEncodingFirst).
func Decode(data []byte) (doc *Doc, problems []Problem) {
	defer func() {
		if r := recover(); r != nil { // the YAML library must never take the run down
			if p, ok := checkEncoding(data); !ok {
				doc, problems = nil, []Problem{p}
				return
			}
			doc = nil
			problems = append(problems, Problem{Rule: "YAML-001", Pos: finding.Position{Line: 1, Col: 1},
				Message: fmt.Sprintf("le lecteur YAML n'a pas pu lire ce fichier (%v)", r)})
		}
	}()
	// The reader would decode UTF-16 after its byte-order mark: refuse it first.
	if p, ok := checkUTF16(data); !ok {
		return nil, []Problem{p}
	}
	text := bytes.TrimPrefix(data, bomUTF8)

	dec := yaml.NewDecoder(bytes.NewReader(text))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if p, ok := checkEncoding(data); !ok {
			return nil, []Problem{p}
		}
		if errors.Is(err, io.EOF) {
			return nil, []Problem{{Rule: "YAML-007", Pos: finding.Position{Line: 1, Col: 1},
				Message: "fichier vide : une inscription doit contenir au moins la clé id"}}
		}
		return nil, []Problem{syntaxProblem(err, text)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		// The reader stopped before the end: the rest is unread.
		if p, ok := checkEncoding(data); !ok {
			return nil, []Problem{p}
		}
		if err == nil {
			line := extra.Line
			if len(extra.Content) > 0 {
				line = extra.Content[0].Line
			}
			problems = append(problems, Problem{Rule: "YAML-005", Pos: finding.Position{Line: max(line, 1), Col: 1},
				Message: "plusieurs documents YAML dans un même fichier (séparateur ---) : une inscription par fichier"})
		} else {
			problems = append(problems, syntaxProblem(err, text))
		}
	}

	node := &root
	if node.Kind == yaml.DocumentNode {
		if len(node.Content) == 0 {
			return nil, append(problems, Problem{Rule: "YAML-007", Pos: finding.Position{Line: 1, Col: 1},
				Message: "fichier vide : une inscription doit contenir au moins la clé id"})
		}
		node = node.Content[0]
	}
	if node.Kind != yaml.MappingNode {
		if node.Kind == yaml.ScalarNode && node.Tag == "!!null" {
			return nil, append(problems, Problem{Rule: "YAML-007", Pos: finding.Position{Line: 1, Col: 1},
				Message: "fichier vide : une inscription doit contenir au moins la clé id"})
		}
		return nil, append(problems, Problem{Rule: "YAML-007", Pos: pos(node),
			Message: "le fichier doit contenir un dictionnaire de clés (clé: valeur), pas " + nodeKindFrench(node)})
	}
	d := &decoder{positions: &model.Positions{}}
	d.positions.Set("", model.Pos{Value: pos(node)})
	v := d.value(node, "", 0)
	problems = append(problems, d.problems...)
	if d.fatal {
		return nil, problems
	}
	m, _ := v.(map[string]any)
	d.positions.Clip()
	return &Doc{Values: m, Positions: d.positions}, problems
}

func pos(n *yaml.Node) finding.Position { return finding.Position{Line: n.Line, Col: n.Column} }

func nodeKindFrench(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "une liste"
	case yaml.ScalarNode:
		return "une valeur seule"
	case yaml.AliasNode:
		return "un alias"
	}
	return "ce contenu"
}

// checkUTF16 rejects a file that starts with a UTF-16 byte-order mark.
func checkUTF16(data []byte) (Problem, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return Problem{Rule: "YAML-002", Pos: finding.Position{Line: 1, Col: 1},
			Message: "le fichier est encodé en UTF-16 : réenregistrez-le en UTF-8 (dans le Bloc-notes : Enregistrer sous… > Encodage : UTF-8)"}, false
	}
	return Problem{}, true
}

// checkEncoding rejects UTF-16/32, binary and non-UTF-8 content.
func checkEncoding(data []byte) (Problem, bool) {
	if p, ok := checkUTF16(data); !ok {
		return p, false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return Problem{Rule: "YAML-002", Pos: finding.Position{Line: line, Col: col},
			Message: fmt.Sprintf("fichier binaire (octet nul à la position %d) : ce n'est pas un fichier YAML", i)}, false
	}
	if utf8.Valid(data) {
		return Problem{}, true
	}
	off := invalidOffset(data)
	line, col := lineCol(data, off)
	hint := ""
	if looksWindows1252(data) {
		hint = " ; il semble encodé en Windows-1252 (exportation de Word ou d'Excel)"
	}
	return Problem{Rule: "YAML-002", Pos: finding.Position{Line: line, Col: col},
		Message: fmt.Sprintf("le fichier n'est pas encodé en UTF-8 : octet 0x%02X invalide à la position %d%s ; réenregistrez-le en UTF-8, p. ex. : iconv -f WINDOWS-1252 -t UTF-8 fichier.yaml > fichier-utf8.yaml",
			data[off], off, hint)}, false
}

func invalidOffset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// looksWindows1252 reports whether the invalid bytes are typical Latin-1/Windows-1252 letters (é, è, à, ’, «, »…).
func looksWindows1252(data []byte) bool {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			b := data[i]
			if b >= 0xC0 || b == 0x92 || b == 0xAB || b == 0xBB || b == 0x96 || b == 0x97 {
				return true
			}
		}
		i += size
	}
	return false
}

// lineCol converts a byte offset to a 1-based line and column (in characters).
func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	col := 1 + utf8.RuneCount(data[start:off])
	return line, col
}

var lineRe = regexp.MustCompile(`line (\d+)(?::\s*(?:column (\d+):)?)?`)

// syntaxProblem turns a YAML library error into a French finding at its line.
func syntaxProblem(err error, data []byte) Problem {
	msg := err.Error()
	p := finding.Position{Line: 1, Col: 1}
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			p.Col, _ = strconv.Atoi(m[2])
		} else {
			p.Col = 0
		}
	}
	detail := msg
	if i := strings.LastIndex(detail, ": "); i >= 0 {
		detail = detail[i+2:]
	}
	detail = strings.TrimPrefix(detail, "yaml: ")
	if at, why, ok := locateSyntax(data, p.Line, msg); ok {
		return Problem{Rule: "YAML-001", Pos: at, Message: "syntaxe YAML invalide : " + why}
	}
	return Problem{Rule: "YAML-001", Pos: p, Message: "syntaxe YAML invalide : " + translateYAMLError(detail)}
}

var yamlErrorsFR = []struct{ en, fr string }{
	{"mapping values are not allowed in this context", "un « : » inattendu ; mettez entre guillemets une valeur qui contient « : »"},
	{"did not find expected key", "clé attendue introuvable (vérifiez l'indentation)"},
	{"did not find expected '-' indicator", "élément de liste « - » attendu (vérifiez l'indentation)"},
	{"found character that cannot start any token", "caractère qui ne peut pas commencer une valeur (une tabulation ? utilisez des espaces)"},
	{"found a tab character that violates indentation", "tabulation dans l'indentation : utilisez des espaces"},
	{"found a tab character where an indentation space is expected", "tabulation dans l'indentation : utilisez des espaces"},
	{"found unexpected end of stream", "fin de fichier inattendue (guillemet ou crochet non fermé ?)"},
	{"could not find expected ':'", "« : » attendu après la clé"},
	{"block sequence entries are not allowed in this context", "élément de liste « - » mal placé (vérifiez l'indentation)"},
	{"did not find expected node content", "valeur attendue introuvable"},
	{"found undefined alias", "alias non défini (les ancres et alias ne sont pas permis)"},
	{"control characters are not allowed", "caractères de contrôle non permis"},
	{"invalid trailing UTF-8 octet", "octet UTF-8 invalide"},
	{"found unknown escape character", "séquence d'échappement inconnue entre guillemets doubles (utilisez des guillemets simples)"},
	{"did not find expected alphabetic or numeric character", "caractère alphanumérique attendu"},
	{"found unexpected ':'", "« : » inattendu"},
	{"exceeded max depth", "imbrication trop profonde"},
	{"did not find expected ',' or '}'", "« , » ou « } » attendu : accolade non fermée ?"},
	{"did not find expected ',' or ']'", "« , » ou « ] » attendu : crochet non fermé ?"},
}

func translateYAMLError(s string) string {
	for _, t := range yamlErrorsFR {
		if strings.Contains(s, t.en) {
			return t.fr
		}
	}
	return "« " + s + " » (message du lecteur YAML)"
}

type decoder struct {
	positions *model.Positions
	problems  []Problem
	fatal     bool
	nodes     int
}

// maxNodes bounds the work on one file (a register entry has at most a few hundred values).
const maxNodes = 100000

func (d *decoder) report(rule string, n *yaml.Node, format string, args ...any) {
	d.problems = append(d.problems, Problem{Rule: rule, Pos: pos(n), Message: fmt.Sprintf(format, args...)})
}

func (d *decoder) value(n *yaml.Node, path string, depth int) any {
	d.nodes++
	if d.nodes > maxNodes {
		if d.nodes == maxNodes+1 {
			d.report("YAML-006", n, "fichier trop complexe (plus de %d valeurs) : une inscription n'en contient que quelques dizaines", maxNodes)
			d.fatal = true
		}
		return nil
	}
	if depth > maxDepth {
		d.report("YAML-006", n, "imbrication trop profonde (plus de %d niveaux)", maxDepth)
		d.fatal = true
		return nil
	}
	if n.Anchor != "" {
		d.report("YAML-004", n, "ancre YAML « &%s » non permise : écrivez chaque valeur en entier", n.Anchor)
	}
	switch n.Kind {
	case yaml.AliasNode:
		d.report("YAML-004", n, "alias YAML « *%s » non permis : écrivez la valeur en entier", n.Value)
		return nil
	case yaml.ScalarNode:
		return scalar(n)
	case yaml.SequenceNode:
		out := make([]any, len(n.Content))
		for i, c := range n.Content {
			p := joinPath(path, strconv.Itoa(i))
			d.positions.Set(p, model.Pos{Value: pos(c)})
			out[i] = d.value(c, p, depth+1)
		}
		return out
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		seen := make(map[string]int, len(n.Content)/2) // key → line, for duplicates
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Tag == "!!merge" || (k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Style == 0) {
				d.report("YAML-004", k, "clé de fusion YAML « << » non permise : écrivez les clés en entier")
				continue
			}
			if k.Kind != yaml.ScalarNode {
				d.report("YAML-001", k, "une clé doit être un simple mot (p. ex. destinataire)")
				continue
			}
			if k.Anchor != "" {
				d.report("YAML-004", k, "ancre YAML « &%s » non permise", k.Anchor)
			}
			key := k.Value
			p := joinPath(path, key)
			if line, dup := seen[key]; dup {
				d.report("YAML-003", k, "clé « %s » en double (déjà présente à la ligne %d) : une seule valeur par clé", key, line)
				continue
			}
			seen[key] = k.Line
			d.positions.Set(p, model.Pos{Key: pos(k), Value: pos(v)})
			out[key] = d.value(v, p, depth+1)
		}
		return out
	}
	return nil
}

func joinPath(path, elem string) string {
	if path == "" {
		return elem
	}
	return path + "/" + elem
}

// scalar keeps dates and all other text as written; only YAML 1.2 core
// booleans, integers, floats and null are typed.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		switch strings.ToLower(n.Value) {
		case "true":
			return true
		case "false":
			return false
		}
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return i
		}
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
	}
	return n.Value
}
