package notice

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/registre-qc/registre/pkg/render/internal/textutil"
	"github.com/registre-qc/registre/pkg/render/pdf"
)

// Formats are the output formats of Write.
var Formats = []string{"md", "html", "pdf"}

// Banner marks the notice to the Commission as a confidential document (the
// letter to the persons concerned is theirs: it carries no such banner).
const Banner = "Document confidentiel — ne pas publier"

func (n Notice) banner() string {
	if n.Recipient == Persons {
		return ""
	}
	return Banner
}

// Write renders n in format (md, html or pdf).
func (n Notice) Write(w io.Writer, format string) error {
	switch format {
	case "html":
		return n.html(w)
	case "pdf":
		return n.pdf(w)
	case "md":
		return n.markdown(w)
	}
	return fmt.Errorf("format inconnu : %q (%s)", format, strings.Join(Formats, ", "))
}

func (n Notice) heading(it Item) string {
	if n.Recipient == Persons {
		return it.Heading // plain language: the reference would only get in the way
	}
	return it.Heading + " (" + it.Ref + ")"
}

func (n Notice) footer() string {
	if b := n.banner(); b != "" {
		return fmt.Sprintf("%s — %s — %s", n.Org, n.Law, b)
	}
	return fmt.Sprintf("%s — %s", n.Org, n.Law)
}

func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`)
	return r.Replace(s)
}

// mdPara keeps line breaks (two trailing spaces) and escapes Markdown.
func mdPara(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = mdEscape(l)
	}
	return strings.Join(lines, "  \n")
}

func (n Notice) markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n", mdEscape(n.Title), mdEscape(n.Subtitle))
	if bn := n.banner(); bn != "" {
		fmt.Fprintf(&b, "\n> **%s**\n", bn)
	}
	for _, p := range n.Intro {
		fmt.Fprintf(&b, "\n%s\n", mdPara(p))
	}
	for _, it := range n.Items {
		fmt.Fprintf(&b, "\n## %s\n", mdEscape(n.heading(it)))
		for _, p := range it.Paras {
			fmt.Fprintf(&b, "\n%s\n", mdPara(p))
		}
	}
	for _, p := range n.Closing {
		fmt.Fprintf(&b, "\n%s\n", mdPara(p))
	}
	fmt.Fprintf(&b, "\n---\n\n%s\n", mdEscape(n.footer()))
	_, err := io.WriteString(w, b.String())
	return err
}

var page = template.Must(template.New("avis").Funcs(template.FuncMap{
	"lines": func(s string) []string { return strings.Split(s, "\n") },
}).Parse(`<!DOCTYPE html>
<html lang="fr-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{.Title}}</title>
<style>
body{font-family:system-ui,"DejaVu Sans",sans-serif;line-height:1.5;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}
h1{font-size:1.5rem;margin-bottom:.25rem}
.sous-titre{color:#444;margin-top:0}
.bandeau{border:2px solid #900;color:#900;font-weight:bold;padding:.5rem;text-align:center}
h2{font-size:1.1rem;margin-top:1.5rem}
footer{margin-top:2rem;border-top:1px solid #999;padding-top:.5rem;color:#444;font-size:.9rem}
</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<p class="sous-titre">{{.Subtitle}}</p>
{{with .Banner}}<p class="bandeau" role="note">{{.}}</p>
{{end}}{{range .Intro}}<p>{{range $i, $l := lines .}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>
{{end}}{{range .Items}}<section>
<h2>{{.Heading}}</h2>
{{range .Paras}}<p>{{range $i, $l := lines .}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>
{{end}}</section>
{{end}}{{range .Closing}}<p>{{.}}</p>
{{end}}</main>
<footer><p>{{.Footer}}</p></footer>
</body>
</html>
`))

func (n Notice) html(w io.Writer) error {
	type item struct {
		Heading string
		Paras   []string
	}
	data := struct {
		Title, Subtitle, Banner, Footer string
		Intro, Closing                  []string
		Items                           []item
	}{n.Title, n.Subtitle, n.banner(), n.footer(), n.Intro, n.Closing, nil}
	for _, it := range n.Items {
		data.Items = append(data.Items, item{n.heading(it), it.Paras})
	}
	return page.Execute(w, data)
}

func (n Notice) pdf(w io.Writer) error {
	d := pdf.Document{Title: n.Title, Subtitle: n.Subtitle, Author: textutil.Or(n.Org, "registre"), Date: n.Date, Banner: n.banner(), Footer: n.footer()}
	if len(n.Intro) > 0 {
		d.Sections = append(d.Sections, pdf.Section{Paras: n.Intro})
	}
	for _, it := range n.Items {
		d.Sections = append(d.Sections, pdf.Section{Heading: n.heading(it), Paras: it.Paras})
	}
	if len(n.Closing) > 0 {
		d.Sections = append(d.Sections, pdf.Section{Paras: n.Closing})
	}
	return pdf.RenderDocument(w, d)
}
