package table

import (
	"strconv"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
)

func entry(k *model.Kind, id string, v map[string]any) *model.Entry {
	v["id"] = id
	return &model.Entry{Kind: k, ID: id, Path: k.Name + "/" + id + ".yaml", Values: v}
}

func repo(es ...*model.Entry) *model.Repository {
	r := &model.Repository{ByID: map[string]*model.Entry{}}
	r.Config.Organisme.Nom = "Organisme d'essai"
	for _, e := range es {
		r.Entries = append(r.Entries, e)
		r.ByID[e.ID] = e
	}
	return r
}

func TestCells(t *testing.T) {
	r := repo(
		entry(model.Communications, "COM-10", map[string]any{"destinataire": []any{"Retraite Québec", "CNESST"},
			"renseignements": "Nom\nPrénom\n", "appui_legal": []any{"Article 67 de la Loi sur l'accès", "Convention collective des fonctionnaires"},
			"hors_quebec": false, "efvp": "EFVP-1"}),
		entry(model.Communications, "COM-2", map[string]any{"hors_quebec": true}),
	)
	tb := Of(r, model.Communications, Options{KeepIDs: true})
	if tb.Rows[0].ID != "COM-2" || tb.Rows[1].ID != "COM-10" || tb.Rows[0].Num != 1 || tb.Rows[1].Num != 2 {
		t.Fatalf("rows not in natural id order: %s, %s", tb.Rows[0].ID, tb.Rows[1].ID)
	}
	var titles []string
	for _, c := range tb.Columns {
		titles = append(titles, c.Title)
	}
	want := "Personne ou organisme receveur|Nature ou type de renseignements personnels communiqués|Fins pour lesquelles les renseignements sont communiqués|Raisons justifiant la communication|Appui légal|Communication à l'extérieur du Québec|Remarques, commentaires et autres indications"
	if got := strings.Join(titles, "|"); got != want {
		t.Fatalf("columns:\n%s\nwant:\n%s", got, want)
	}
	row := tb.Rows[1]
	cell := func(key string) Cell {
		for i, c := range tb.Columns {
			if c.Key == key {
				return row.Cells[i]
			}
		}
		t.Fatalf("no column %s", key)
		return Cell{}
	}
	if got := cell("destinataire").Text(); got != "Retraite Québec\nCNESST" {
		t.Errorf("list cell = %q", got)
	}
	if got := cell("renseignements").Text(); got != "Nom\nPrénom" {
		t.Errorf("text cell = %q", got)
	}
	if got := cell("hors_quebec").Text(); got != "Non" {
		t.Errorf("bool cell = %q", got)
	}
	if got := tb.Rows[0].Cells[5].Text(); got != "Oui" {
		t.Errorf("bool cell = %q", got)
	}
	al := cell("appui_legal")
	if al.Lines[0].URL != "https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1#se:67" || al.Lines[1].URL != "" {
		t.Errorf("citation links = %q, %q", al.Lines[0].URL, al.Lines[1].URL)
	}
}

// TestConfidentiality: a public build never holds internal or confidential
// kinds, nor inventory files whose existence may be refused.
func TestConfidentiality(t *testing.T) {
	r := repo(
		entry(model.Inventaire, "INV-1", map[string]any{"designation": "Dossiers"}),
		entry(model.Inventaire, "INV-2", map[string]any{"designation": "Secret", "existence_confidentielle": true}),
		entry(model.Incidents, "INC-1", map[string]any{"circonstances": "Perte"}),
	)
	site, refused := Build(r, []*model.Kind{model.Inventaire, model.Incidents, model.EFVP}, Options{})
	if len(site.Tables) != 1 || len(refused) != 2 {
		t.Fatalf("tables %d, refused %d", len(site.Tables), len(refused))
	}
	if n := len(site.Tables[0].Rows); n != 1 || site.Tables[0].Rows[0].Cells[1].Text() != "Dossiers" {
		t.Fatalf("public inventory rows: %+v", site.Tables[0].Rows)
	}
	internal, refused := Build(r, []*model.Kind{model.Inventaire, model.Incidents}, Options{Audience: InternalAudience})
	if len(refused) != 0 || len(internal.Tables[0].Rows) != 2 || len(internal.Tables[1].Rows) != 1 || !internal.Internal {
		t.Fatalf("internal build: %+v", internal)
	}
	for _, c := range site.Tables[0].Columns {
		if c.Key == "conservation" || c.Key == "lieux" || c.Key == "existence_confidentielle" {
			t.Errorf("unpublished key %s is a column", c.Key)
		}
	}
}

func TestPreambleOverride(t *testing.T) {
	r := repo()
	if !strings.Contains(Of(r, model.Inventaire, Options{}).Preamble, "article 76") {
		t.Error("default preamble does not cite art. 76")
	}
	r.Config.Publication.Preambules = map[string]string{"inventaire": "  Texte propre à l'organisme.  "}
	if got := Of(r, model.Inventaire, Options{}).Preamble; got != "Texte propre à l'organisme." {
		t.Errorf("preamble = %q", got)
	}
}

// TestPublicRowsAreNumbered: a public table shows row numbers 1..n and no
// entry id, so a withheld entry leaves no gap (INV-11, INV-13 → 1, 2);
// an internal one keeps the ids.
func TestPublicRowsAreNumbered(t *testing.T) {
	r := repo(
		entry(model.Inventaire, "INV-11", map[string]any{"designation": "A"}),
		entry(model.Inventaire, "INV-12", map[string]any{"designation": "B", "existence_confidentielle": true}),
		entry(model.Inventaire, "INV-13", map[string]any{"designation": "C"}),
	)
	pub := Of(r, model.Inventaire, Options{})
	if !pub.Numbered || pub.HeaderTitle() != NumTitle || len(pub.Rows) != 2 {
		t.Fatalf("public table: %+v", pub)
	}
	for i, row := range pub.Rows {
		if row.ID != "" || row.Num != i+1 || pub.RowLabel(row) != strconv.Itoa(i+1) {
			t.Errorf("public row %d: %+v", i, row)
		}
	}
	in := Of(r, model.Inventaire, Options{Audience: InternalAudience})
	if in.Numbered || in.HeaderTitle() != IDTitle || len(in.Rows) != 3 || in.RowLabel(in.Rows[1]) != "INV-12" {
		t.Fatalf("internal table: %+v", in)
	}
}

// TestRedactsWithheld: a public cell that names an entry withheld from
// publication (PUB-012) shows nothing of it; an internal edition keeps it.
func TestRedactsWithheld(t *testing.T) {
	r := repo(
		entry(model.Inventaire, "INV-1", map[string]any{"designation": "Enquêtes", "existence_confidentielle": true}),
		entry(model.Communications, "COM-1", map[string]any{"remarques": "Tiré du fichier inv 0001 (enquêtes).", "fins": "Voir INV-2."}),
		entry(model.Inventaire, "INV-2", map[string]any{"designation": "Personnel"}),
	)
	tb := Of(r, model.Communications, Options{})
	for _, c := range tb.Rows[0].Cells {
		if strings.Contains(strings.ToLower(c.Text()), "inv 0001") || strings.Contains(c.Text(), "enquêtes") {
			t.Errorf("cellule publiée non masquée : %q", c.Text())
		}
	}
	joined := ""
	for _, c := range tb.Rows[0].Cells {
		joined += c.Text() + "|"
	}
	if !strings.Contains(joined, model.RedactedText) || !strings.Contains(joined, "Voir INV-2.") {
		t.Errorf("attendu la remarque masquée et les fins intactes : %q", joined)
	}
	in := Of(r, model.Communications, Options{Audience: InternalAudience})
	if s := in.Rows[0].Cells[len(in.Rows[0].Cells)-1].Text(); !strings.Contains(s, "inv 0001") {
		t.Errorf("édition interne : remarque modifiée : %q", s)
	}
}
