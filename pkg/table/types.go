// Package table turns a loaded register repository into the published tables:
// model.md column titles in order, booleans as Oui / Non, one list item per line.
// Renderers (HTML, PDF, CSV) only lay out these cells.
package table

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

// Row is one entry. ID is the entry id, shown as the row header.
type Row struct {
	ID    string `json:"id"`
	Cells []Cell `json:"cellules"` // one per Column, same order
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
