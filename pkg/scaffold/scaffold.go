// Package scaffold writes what `registre init` and `registre new` create: a
// new register repository (settings, folders, CI, editor and pre-commit
// configuration, schemas) and the template of a new entry. Every key, comment
// and example comes from the declarations of pkg/model.
package scaffold

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	"github.com/registre-qc/registre/pkg/entryfile"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/schema"
)

// SchemaDir is where `registre init` writes the JSON Schemas, relative to the repository.
const SchemaDir = ".registre/schemas"

//go:embed all:templates
var templates embed.FS

// File is one file of a new register repository.
type File struct {
	Path string // slash-separated, relative to the repository
	Data []byte
}

// Release is the latest published release of registre. The files `init`
// writes pin it (pre-commit « rev: », CI « go install …@ »), never a branch
// or @latest, unless the running binary is itself a release (Pin). Bump it
// with each release tag.
const Release = "v0.1.0"

var releasePat = regexp.MustCompile(`^v?[0-9]+\.[0-9]+\.[0-9]+$`)

// Pin returns the release tag that a new repository installs: the running
// binary's version when it is a release (0.2.0 or v0.2.0 → v0.2.0), else
// (a development build, a git describe, "") Release.
func Pin(version string) string {
	if releasePat.MatchString(version) {
		return "v" + strings.TrimPrefix(version, "v")
	}
	return Release
}

// Repository returns every file of a new register repository, in a fixed
// order, pinned to Release.
func Repository() ([]File, error) { return RepositoryFor("") }

// RepositoryFor is Repository for the binary of that version (see Pin).
func RepositoryFor(version string) ([]File, error) {
	pin := struct{ Pin string }{Pin(version)}
	readme, err := render("README.md", struct {
		Kinds []*model.Kind
		Pin   string
	}{model.Kinds, Pin(version)})
	if err != nil {
		return nil, err
	}
	files := []File{
		{Path: model.ConfigFile, Data: Config()},
		{Path: "README.md", Data: readme},
	}
	for _, k := range model.Kinds {
		files = append(files, File{Path: k.Name + "/.gitkeep", Data: []byte{}})
	}
	for _, t := range []struct{ src, dst string }{
		{"gitignore", ".gitignore"},
		{"github-workflow.yml", ".github/workflows/registre.yml"},
		{"github-echeances.yml", ".github/workflows/echeances.yml"},
		{"gitlab-ci.yml", ".gitlab-ci.yml"},
		{"pre-commit-config.yaml", ".pre-commit-config.yaml"},
	} {
		b, err := render(t.src, pin)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: t.dst, Data: b})
	}
	files = append(files,
		File{Path: ".vscode/settings.json", Data: vscodeSettings()},
		File{Path: ".vscode/extensions.json", Data: []byte("{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n")},
	)
	for _, name := range append(model.KindNames(), schema.ConfigKey) {
		raw, ok := schema.Raw(name)
		if !ok {
			return nil, fmt.Errorf("schéma intégré absent : %s", schema.FileName(name))
		}
		files = append(files, File{Path: path.Join(SchemaDir, schema.FileName(name)), Data: raw})
	}
	return files, nil
}

func render(name string, data any) ([]byte, error) {
	src, err := templates.ReadFile("templates/" + name)
	if err != nil {
		return nil, err
	}
	t, err := template.New(name).Delims("[[", "]]").Parse(string(src))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// vscodeSettings maps each kind folder to its schema for the YAML extension.
func vscodeSettings() []byte {
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	var b strings.Builder
	b.WriteString("{\n  \"yaml.schemas\": {\n")
	for _, k := range model.Kinds {
		fmt.Fprintf(&b, "    %s: [%s, %s],\n", q(path.Join(SchemaDir, schema.FileName(k.Name))),
			q(k.Name+"/**/*.yaml"), q(k.Name+"/**/*.yml"))
	}
	fmt.Fprintf(&b, "    %s: [%s]\n  },\n", q(path.Join(SchemaDir, schema.FileName(schema.ConfigKey))), q(model.ConfigFile))
	b.WriteString(`  "[yaml]": {
    "editor.insertSpaces": true,
    "editor.tabSize": 2,
    "editor.wordWrap": "on"
  },
  "files.encoding": "utf8",
  "files.eol": "\n",
  "files.insertFinalNewline": true
}
`)
	return []byte(b.String())
}

// SchemaLine returns the yaml-language-server comment that points editors to a schema.
func SchemaLine(ref string) string { return "# yaml-language-server: $schema=" + ref }

// EntryOptions tunes Entry.
type EntryOptions struct {
	Today     string // date_inscription (AAAA-MM-JJ); empty: left to fill
	SchemaRef string // schema path or URL for the yaml-language-server line; empty: no line
	// Private writes the template of an enterprise (secteur: prive): its
	// comments cite the Loi sur le privé or no article, never the Loi sur
	// l'accès, which binds public bodies only (PrivateRepo reads it).
	Private bool
}

// Entry returns the file of a new entry of kind k: every declared key, with
// its description in a comment above it, id and date_inscription filled and
// every other value empty, so that `registre lint` flags it until it is
// filled or removed. The result is in canonical form (registre fmt).
func Entry(k *model.Kind, id string, o EntryOptions) ([]byte, error) {
	values := map[string]any{}
	comments := map[string]string{}
	fillTemplate(k.Fields, "", values, comments, o.Private)
	values["id"] = id
	if o.Today != "" && k.Field("date_inscription") != nil {
		values["date_inscription"] = o.Today
	}
	var h strings.Builder
	if o.SchemaRef != "" {
		h.WriteString(SchemaLine(o.SchemaRef) + "\n#\n")
	}
	title := fmt.Sprintf("%s %s — %s (%s).", upperFirst(k.Singular), id, k.Title, k.Law)
	if o.Private {
		title = fmt.Sprintf("%s %s — %s.", upperFirst(k.Singular), id, k.Title)
	}
	fmt.Fprintf(&h, "%s\n%s\n", wrapComment(title, 96),
		wrapComment("Remplissez chaque clé et supprimez celles qui ne s'appliquent pas : « registre lint » signale chaque "+
			"valeur laissée vide. Pour un texte de plusieurs lignes, écrivez « | » après la clé, puis le texte en retrait "+
			"de deux espaces. Les lignes qui commencent par « # » sont des commentaires : vous pouvez les supprimer.", 96))
	h.WriteString("\n")
	return entryfile.EncodeFields(k.Fields, values, entryfile.Options{Header: h.String(), Comments: comments})
}

// fillTemplate sets every field to its empty placeholder and its comment.
func fillTemplate(fields []model.Field, prefix string, values map[string]any, comments map[string]string, private bool) {
	for i := range fields {
		f := &fields[i]
		key := f.Key
		p := key
		if prefix != "" {
			p = prefix + "/" + key
		}
		comments[p] = fieldCommentFor(f, private)
		switch f.Type {
		case model.Object:
			if len(f.Fields) > 0 && (f.Req == model.Required || !hasRequired(f.Fields)) {
				sub := map[string]any{}
				fillTemplate(f.Fields, p, sub, comments, private)
				values[key] = sub
				continue
			}
			if len(f.Fields) > 0 {
				// An optional block with required keys: left empty, so that an
				// untouched template does not ask for them; its shape is shown.
				comments[p] += "\n" + shapeComment(f.Fields, "  ", "  ")
			}
		case model.ObjectList:
			// Left empty (an untouched sample item would be reported); the
			// comment shows one item with every key, ready to copy.
			comments[p] += "\n" + shapeComment(f.Fields, "  - ", "    ")
		}
		if f.Key == model.ConfidentialKey {
			// The confidentiality flag fails closed: left empty it would
			// withhold the entry (PUB-011). The template says « published »
			// explicitly; the comment says how to withhold it.
			values[key] = false
			continue
		}
		values[key] = nil
	}
}

func hasRequired(fields []model.Field) bool {
	for i := range fields {
		if fields[i].Req == model.Required {
			return true
		}
	}
	return false
}

// shapeComment writes the keys of a block or of one list item, each with its
// example, the way they are written once uncommented (first is the prefix of
// the first key, rest of the others).
func shapeComment(fields []model.Field, first, rest string) string {
	var b strings.Builder
	b.WriteString("Modèle à recopier sans les « # » :")
	for i := range fields {
		f := &fields[i]
		pre := rest
		if i == 0 {
			pre = first
		}
		v := sampleValue(f)
		b.WriteString("\n" + pre + f.Key + ":")
		if v != "" {
			b.WriteString(" " + v)
		}
	}
	return b.String()
}

// sampleValue is the example written in a shape comment.
func sampleValue(f *model.Field) string {
	switch {
	case f.Example != "":
		return quoteExample(f, f.Example)
	case f.Type == model.Date:
		return "AAAA-MM-JJ"
	case f.Type == model.Ref:
		return refExample(f)
	case f.Type == model.Bool:
		return "false"
	}
	return "…"
}

// quoteExample writes an example as it must be typed: an example of a text
// field that YAML would read as a number (70.1) is written in quotes ("70.1").
func quoteExample(f *model.Field, ex string) string {
	switch f.Type {
	case model.String, model.Text, model.List, model.StringOrList, model.Enum, model.EnumList:
		if _, err := strconv.ParseFloat(ex, 64); err == nil {
			return strconv.Quote(ex)
		}
	}
	return ex
}

// fieldComment is the French help written above a key: its description,
// whether it is required, the shape of its value and an example.
func fieldComment(f *model.Field) string { return fieldCommentFor(f, false) }

// fieldCommentFor is fieldComment for a public body or, private, for an
// enterprise: no article of the Loi sur l'accès, in the text or the example.
func fieldCommentFor(f *model.Field, private bool) string {
	desc := f.Desc
	if desc == "" {
		desc = schema.Label(f) + "."
	}
	if private {
		desc = privateText(desc)
	}
	switch f.Req {
	case model.Required:
		if !strings.Contains(desc, "obligatoire") {
			desc += " (obligatoire)"
		}
	case model.Expected:
		desc += " (attendu)"
	}
	var hints []string
	if h := typeHint(f); h != "" {
		hints = append(hints, h)
	}
	if len(f.Enum) > 0 && !containsAll(desc, f.Enum) {
		hints = append(hints, "Valeurs permises : "+strings.Join(f.Enum, ", ")+".")
	}
	if f.Example != "" && f.Type != model.Bool && !(private && citesAccessAct(f.Example)) {
		hints = append(hints, "P. ex. : "+quoteExample(f, f.Example))
	}
	out := wrapComment(desc, 96)
	if len(hints) > 0 {
		out += "\n" + wrapComment(strings.Join(hints, " "), 96)
	}
	return out
}

func typeHint(f *model.Field) string {
	switch f.Type {
	case model.List, model.EnumList:
		return "Une valeur par ligne, précédée de « - »."
	case model.RefList:
		return fmt.Sprintf("Une valeur par ligne, précédée de « - » (p. ex. %s).", refExample(f))
	case model.StringOrList:
		return "Un texte, ou une liste : une valeur par ligne, précédée de « - »."
	case model.Bool:
		return "true (oui) ou false (non)."
	case model.Date:
		if !strings.Contains(f.Desc, "AAAA-MM-JJ") {
			return "Date AAAA-MM-JJ."
		}
	case model.DateOrPeriod:
		return "Date AAAA-MM-JJ, ou période : {debut: AAAA-MM-JJ, fin: AAAA-MM-JJ}."
	case model.Int:
		return "Nombre entier."
	case model.Ref:
		return fmt.Sprintf("P. ex. : %s", refExample(f))
	case model.ObjectList:
		return "Une liste : chaque élément commence par « - »."
	}
	return ""
}

func refExample(f *model.Field) string {
	if k := model.KindByName(f.RefKind); k != nil {
		return k.Prefix + "-0001"
	}
	return "…"
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// glue keeps French quotes and punctuation with their word when wrapping.
var glue = strings.NewReplacer("« ", "«\uE000", " »", "\uE000»", " :", "\uE000:", " ;", "\uE000;", " ?", "\uE000?", " !", "\uE000!")

// wrapComment wraps text into lines of at most width characters (a longer word stays whole).
func wrapComment(text string, width int) string {
	var lines []string
	for _, para := range strings.Split(glue.Replace(text), "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			switch {
			case line == "":
				line = w
			case len([]rune(line))+1+len([]rune(w)) > width:
				lines = append(lines, line)
				line = w
			default:
				line += " " + w
			}
		}
		lines = append(lines, line)
	}
	return strings.ReplaceAll(strings.Join(lines, "\n"), "\uE000", " ")
}
