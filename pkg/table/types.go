// Package table turns a loaded register repository into the published tables:
// model.md column titles in order, booleans as Oui / Non, one list item per line.
// Renderers (HTML, PDF, CSV) only lay out these cells.
package table

import "strconv"

// Line is one line of a cell. URL is set when the line is a legal citation
// resolved to its article on LégisQuébec (or another official source).
type Line struct {
	Text string `json:"texte"`
	URL  string `json:"url,omitempty"`
}

// Cell is the content of one table cell, one Line per displayed line.
type Cell struct {
	Lines []Line `json:"lignes"`
}

// Text joins the lines with "\n".
func (c Cell) Text() string {
	s := ""
	for i, l := range c.Lines {
		if i > 0 {
			s += "\n"
		}
		s += l.Text
	}
	return s
}

// Column is one published column.
type Column struct {
	Key   string `json:"cle"`
	Title string `json:"titre"`
	// List is true when the column holds a list (one item per line).
	List bool `json:"liste,omitempty"`
}

// Row is one entry. In an internal edition ID is the entry id, shown as the
// row header; a public edition shows Num instead and has no ID.
type Row struct {
	Num   int    `json:"numero,omitempty"` // position in the table, from 1
	ID    string `json:"id,omitempty"`
	Cells []Cell `json:"cellules"` // one per Column, same order
}

// NumTitle heads the row-number column of a public table.
const NumTitle = "N°"

// IDTitle heads the entry-id column of an internal table.
const IDTitle = "Identifiant"

// RowLabel is what a row header shows: the entry id, or the row number in a
// numbered (public) table.
func (t *Table) RowLabel(r Row) string {
	if t.Numbered {
		return strconv.Itoa(r.Num)
	}
	return r.ID
}

// HeaderTitle is the title of the row-header column.
func (t *Table) HeaderTitle() string {
	if t.Numbered {
		return NumTitle
	}
	return IDTitle
}

// Table is one published register.
type Table struct {
	Kind     string   `json:"registre"`    // kind name: "communications"
	Title    string   `json:"titre"`       // « Registre des communications de renseignements personnels »
	Preamble string   `json:"preambule"`   // legal preamble (plain text)
	Empty    string   `json:"vide"`        // « Aucune communication inscrite »
	Updated  string   `json:"mise_a_jour"` // YYYY-MM-DD: last change of an entry of this register
	Columns  []Column `json:"colonnes"`
	Rows     []Row    `json:"lignes"` // sorted by id
	// Internal marks a table of an internal edition (never published).
	Internal bool `json:"interne,omitempty"`
	// Numbered marks a public table: rows carry their number (N°), never an
	// entry id, so that no withheld entry can be inferred from a gap.
	Numbered bool `json:"numerote,omitempty"`
}

// Site is everything a build publishes.
type Site struct {
	Title      string  `json:"titre"`
	Org        string  `json:"organisme"`
	OrgAcronym string  `json:"sigle,omitempty"`
	URL        string  `json:"url,omitempty"`
	Contact    Contact `json:"responsable"`
	Updated    string  `json:"mise_a_jour"` // YYYY-MM-DD of the build's source (last commit or SOURCE_DATE_EPOCH)
	Internal   bool    `json:"interne,omitempty"`
	Tables     []Table `json:"registres"`
	Generator  string  `json:"generateur"` // "registre 1.2.3"
}

// Contact is the responsable's function contact (public character, A-2.1 art. 57).
type Contact struct {
	Title   string `json:"titre,omitempty"`
	Name    string `json:"nom,omitempty"`
	Email   string `json:"courriel,omitempty"`
	Phone   string `json:"telephone,omitempty"`
	Address string `json:"adresse,omitempty"`
}
