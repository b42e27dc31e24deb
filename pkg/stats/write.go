package stats

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/registre-qc/registre/pkg/model"
)

// Formats lists the output formats, default first.
var Formats = []string{"table", "csv", "json"}

// Write writes the report in the named format.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "table":
		return r.WriteTable(w)
	case "csv":
		return r.WriteCSV(w)
	case "json":
		return r.WriteJSON(w)
	}
	return fmt.Errorf("format inconnu : %q (%s)", format, strings.Join(Formats, ", "))
}

// WriteJSON writes the report as indented JSON.
// A public report has no incident statistics and no count of unreadable files.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if r.Public {
		return enc.Encode(struct {
			Year       string       `json:"annee,omitempty"`
			Public     bool         `json:"public"`
			Kinds      []KindCount  `json:"registres"`
			LegalBases []LegalBases `json:"appuis_legaux"`
			Outside    []Tally      `json:"hors_quebec"`
		}{r.Year, true, r.Kinds, r.LegalBases, r.Outside})
	}
	return enc.Encode(r)
}

// WriteCSV writes one tidy table, one count per record:
// statistique,registre,valeur,nombre (RFC 4180, « , », no BOM).
func (r *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	put := func(stat, kind, value string, n int64) {
		_ = cw.Write([]string{stat, kind, value, strconv.FormatInt(n, 10)})
	}
	_ = cw.Write([]string{"statistique", "registre", "valeur", "nombre"})
	for _, k := range r.Kinds {
		put("inscriptions", k.Kind, "", int64(k.Count))
	}
	for _, k := range r.Kinds {
		for _, y := range k.ByYear {
			put("inscriptions_par_annee", k.Kind, y.Year, int64(y.Count))
		}
	}
	for _, lb := range r.LegalBases {
		for _, b := range lb.Bases {
			put("appui_legal", lb.Kind, b.Basis, int64(b.Count))
		}
	}
	for _, t := range r.Outside {
		put("hors_quebec", t.Kind, "oui", int64(t.Yes))
		put("hors_quebec", t.Kind, "non", int64(t.No))
		put("hors_quebec", t.Kind, "non_precise", int64(t.Unset))
	}
	if !r.Public {
		inc := model.Incidents.Name
		put("risque_serieux", inc, "oui", int64(r.Incidents.SeriousRisk.Yes))
		put("risque_serieux", inc, "non", int64(r.Incidents.SeriousRisk.No))
		put("risque_serieux", inc, "non_precise", int64(r.Incidents.SeriousRisk.Unset))
		put("personnes_concernees", inc, "", r.Incidents.People)
		put("personnes_concernees", inc, "non_precise", int64(r.Incidents.PeopleUnset))
		put("fichiers_illisibles", "", "", int64(r.Unreadable))
	}
	cw.Flush()
	return cw.Error()
}

// WriteTable writes the report as terminal tables, one per statistic.
func (r *Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	year := ""
	if r.Year != "" {
		year = " — année " + r.Year
	}

	// Entries per kind, one column per year.
	var years []string
	hasNoDate := false
	seen := map[string]bool{}
	for _, k := range r.Kinds {
		for _, y := range k.ByYear {
			if y.Year == NoDate {
				hasNoDate = true
			} else if !seen[y.Year] {
				seen[y.Year] = true
				years = append(years, y.Year)
			}
		}
	}
	sort.Strings(years)
	if hasNoDate {
		years = append(years, NoDate)
	}
	header := append([]string{"Registre", "Inscriptions"}, years...)
	var rows [][]string
	for _, k := range r.Kinds {
		row := []string{k.Kind, strconv.Itoa(k.Count)}
		byYear := map[string]int{}
		for _, y := range k.ByYear {
			byYear[y.Year] = y.Count
		}
		for _, y := range years {
			row = append(row, strconv.Itoa(byYear[y]))
		}
		rows = append(rows, row)
	}
	if err := section(&b, "Inscriptions par registre"+year, header, rows); err != nil {
		return err
	}

	for _, lb := range r.LegalBases {
		rows = rows[:0]
		for _, c := range lb.Bases {
			rows = append(rows, []string{c.Basis, strconv.Itoa(c.Count)})
		}
		if len(rows) == 0 {
			continue
		}
		if err := section(&b, "Appuis légaux — "+lb.Kind+year, []string{"Appui légal", "Inscriptions"}, rows); err != nil {
			return err
		}
	}

	rows = rows[:0]
	for _, t := range r.Outside {
		rows = append(rows, []string{t.Kind, strconv.Itoa(t.Yes), strconv.Itoa(t.No), strconv.Itoa(t.Unset)})
	}
	if err := section(&b, "À l'extérieur du Québec"+year, []string{"Registre", "Oui", "Non", "Non précisé"}, rows); err != nil {
		return err
	}

	if r.Public {
		_, err := io.WriteString(w, b.String())
		return err
	}
	in := r.Incidents
	people := strconv.FormatInt(in.People, 10)
	if in.PeopleUnset > 0 {
		people += fmt.Sprintf(" (%d sans nombre)", in.PeopleUnset)
	}
	rows = [][]string{
		{"Incidents inscrits", strconv.Itoa(in.Count)},
		{"Risque de préjudice sérieux : oui", strconv.Itoa(in.SeriousRisk.Yes)},
		{"Risque de préjudice sérieux : non", strconv.Itoa(in.SeriousRisk.No)},
		{"Risque de préjudice sérieux : non précisé", strconv.Itoa(in.SeriousRisk.Unset)},
		{"Personnes concernées", people},
	}
	if err := section(&b, "Incidents de confidentialité"+year, []string{"Statistique", "Nombre"}, rows); err != nil {
		return err
	}
	if r.Unreadable > 0 {
		fmt.Fprintf(&b, "%d fichier(s) illisible(s) non compté(s) : registre lint les détaille.\n", r.Unreadable)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// section writes a title and a table; numbers are right-aligned.
func section(b *strings.Builder, title string, header []string, rows [][]string) error {
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	b.WriteString(title + "\n")
	align := make([]tw.Align, len(header))
	for i := range align {
		align[i] = tw.AlignRight
	}
	align[0] = tw.AlignLeft
	t := tablewriter.NewTable(b,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
	)
	t.Header(header)
	for _, row := range rows {
		if err := t.Append(row); err != nil {
			return err
		}
	}
	return t.Render()
}
