package table

import (
	"sort"
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/model"
)

// Audience says who a build is for.
type Audience int

const (
	// PublicAudience builds only published kinds, without entries whose
	// existence may be refused (A-2.1 art. 76 al. 2).
	PublicAudience Audience = iota
	// InternalAudience may build any kind (e.g. the incidents register for the CAI).
	InternalAudience
)

// Options tune Build.
type Options struct {
	Audience Audience
	// Updated returns the last-update date (YYYY-MM-DD) of a kind's register.
	Updated   func(kind string) string
	Generator string // "registre 1.2.3"
	SiteDate  string // YYYY-MM-DD of the build's source
	// KeepIDs keeps the entry ids of a public table's rows. Only for
	// comparisons (diff --public matches rows by id): a public output never
	// shows ids (see Of).
	KeepIDs bool
	// Withheld resolves the ids a public cell names (rule PUB-012): a cell
	// that names an entry withheld from publication is replaced by
	// model.RedactedText. Nil: the index of the repository's entries. (The
	// commands refuse to publish such a text; this is the last guard.)
	Withheld *model.IDIndex
}

// Visible reports whether a kind may appear for the audience.
func Visible(k *model.Kind, a Audience) bool { return a == InternalAudience || k.Published() }

// Include reports whether an entry appears in a build for the audience: any
// entry in an internal edition, only what model.Publishable allows in a
// public one.
func Include(e *model.Entry, a Audience) bool {
	if a == InternalAudience {
		return e != nil && e.Kind != nil
	}
	return model.Publishable(e)
}

// Doubtful returns the entries of kinds that a public build withholds
// although nobody marked them confidential in due form: a damaged file, an
// uncertain kind, a confidentiality doubt (model.Doubts). They are never
// published, even with build --force; the caller says so.
func Doubtful(repo *model.Repository, kinds []*model.Kind) []*model.Entry {
	want := map[*model.Kind]bool{}
	for _, k := range kinds {
		want[k] = k.Published()
	}
	var out []*model.Entry
	for _, e := range repo.Entries {
		if want[e.Kind] && (e.Damaged || !model.KindCertain(e) || len(model.Doubts(e)) > 0) {
			out = append(out, e)
		}
	}
	return out
}

// Build makes the tables of kinds from repo. Kinds not visible to the
// audience are refused (returned in the second result) rather than built.
func Build(repo *model.Repository, kinds []*model.Kind, o Options) (Site, []*model.Kind) {
	c := repo.Config
	site := Site{
		Title:      c.Publication.Titre,
		Org:        c.Organisme.Nom,
		OrgAcronym: c.Organisme.Sigle,
		URL:        c.Publication.URL,
		Contact:    Contact{Title: c.Responsable.Titre, Name: c.Responsable.Nom, Email: c.Responsable.Courriel, Phone: c.Responsable.Telephone, Address: c.Responsable.Adresse},
		Updated:    o.SiteDate,
		Internal:   o.Audience == InternalAudience,
		Generator:  o.Generator,
	}
	if site.Title == "" {
		site.Title = "Registres de renseignements personnels"
	}
	if o.Audience == PublicAudience && o.Withheld == nil {
		o.Withheld = model.WithheldIndexOf(repo)
	}
	var refused []*model.Kind
	for _, k := range kinds {
		if !Visible(k, o.Audience) {
			refused = append(refused, k)
			continue
		}
		site.Tables = append(site.Tables, Of(repo, k, o))
	}
	return site, refused
}

// Of builds one kind's table. The caller has checked visibility. Rows are in
// natural id order and numbered from 1. A public table carries no entry ids
// (Table.Numbered): withheld entries (art. 76 al. 2) would otherwise show as
// gaps in the published ids (INV-0011, then INV-0013).
func Of(repo *model.Repository, k *model.Kind, o Options) Table {
	t := Table{Kind: k.Name, Title: k.Title, Empty: k.Empty, Internal: !k.Published(), Preamble: k.Preamble,
		Numbered: o.Audience == PublicAudience}
	if p := repo.Config.Publication.Preambules[k.Name]; strings.TrimSpace(p) != "" {
		t.Preamble = strings.TrimSpace(p)
	}
	if o.Updated != nil {
		t.Updated = o.Updated(k.Name)
	}
	cols := k.Columns()
	for _, f := range cols {
		t.Columns = append(t.Columns, Column{Key: f.Key, Title: f.Title, List: f.Type == model.List || f.Type == model.StringOrList || f.Type == model.RefList})
	}
	def := repo.Config.DefaultInstrument()
	held := o.Withheld
	if o.Audience == PublicAudience && held == nil {
		held = model.WithheldIndexOf(repo)
	}
	if o.Audience != PublicAudience || !held.HasWithheld() {
		held = nil
	}
	for _, e := range repo.OfKind(k) {
		if !Include(e, o.Audience) {
			continue
		}
		row := Row{ID: e.ID, Cells: make([]Cell, len(cols))}
		for i, f := range cols {
			row.Cells[i] = cell(e, f, def)
			if held != nil && len(held.WithheldIn(row.Cells[i].Text())) > 0 {
				row.Cells[i] = Cell{Lines: []Line{{Text: model.RedactedText}}}
			}
		}
		t.Rows = append(t.Rows, row)
	}
	sort.SliceStable(t.Rows, func(i, j int) bool { return model.CompareIDs(t.Rows[i].ID, t.Rows[j].ID) < 0 })
	for i := range t.Rows {
		t.Rows[i].Num = i + 1
		if t.Numbered && !o.KeepIDs {
			t.Rows[i].ID = ""
		}
	}
	return t
}

// lines splits text into display lines (line breaks kept, trailing ones dropped).
func lines(s string) []Line {
	s = strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n ")
	if s == "" {
		return nil
	}
	var out []Line
	for _, l := range strings.Split(s, "\n") {
		out = append(out, Line{Text: strings.TrimRight(l, " \t")})
	}
	return out
}

func cell(e *model.Entry, f *model.Field, defInstr string) Cell {
	v := e.Value(f.Key)
	switch f.Type {
	case model.Bool:
		if b, ok := v.(bool); ok {
			if b {
				return Cell{Lines: []Line{{Text: "Oui"}}}
			}
			return Cell{Lines: []Line{{Text: "Non"}}}
		}
		return Cell{}
	case model.List, model.StringOrList, model.RefList, model.EnumList:
		items := model.AsStrings(v)
		if f.Key == "appui_legal" {
			return citations(items, defInstr)
		}
		var c Cell
		for _, it := range items {
			c.Lines = append(c.Lines, lines(it)...)
		}
		return c
	case model.DateOrPeriod:
		if m, ok := v.(map[string]any); ok {
			d, fin := model.AsString(m["debut"]), model.AsString(m["fin"])
			if fin != "" && fin != d {
				return Cell{Lines: []Line{{Text: "du " + d + " au " + fin}}}
			}
			return Cell{Lines: []Line{{Text: d}}}
		}
	case model.Object:
		if m, ok := v.(map[string]any); ok {
			var c Cell
			for _, sf := range f.Fields {
				if s := model.AsString(m[sf.Key]); s != "" {
					c.Lines = append(c.Lines, lines(s)...)
				}
			}
			return c
		}
		return Cell{}
	}
	return Cell{Lines: lines(model.AsString(v))}
}

// citations renders appui_legal: one line per item, linked to its article when resolved.
func citations(items []string, defInstr string) Cell {
	parsed := citation.ParseCellDefault(items, defInstr)
	var c Cell
	for i, it := range items {
		url := ""
		if i < len(parsed.Lines) {
			for _, r := range parsed.Lines[i].Refs {
				if u := r.URL("fr"); u != "" {
					url = u
					break
				}
			}
		}
		ls := lines(it)
		for j := range ls {
			if j == 0 {
				ls[j].URL = url
			}
		}
		c.Lines = append(c.Lines, ls...)
	}
	return c
}
