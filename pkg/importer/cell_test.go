package importer

import (
	"reflect"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
)

func TestCellValue(t *testing.T) {
	str := &model.Field{Key: "s", Type: model.String}
	text := &model.Field{Key: "t", Type: model.Text}
	list := &model.Field{Key: "l", Type: model.List}
	sol := &model.Field{Key: "d", Type: model.StringOrList}
	boolean := &model.Field{Key: "b", Type: model.Bool}
	integer := &model.Field{Key: "i", Type: model.Int}
	date := &model.Field{Key: "date", Type: model.Date}
	period := &model.Field{Key: "p", Type: model.DateOrPeriod}
	avis := model.Incidents.Field("avis_public")
	for _, tc := range []struct {
		name  string
		f     *model.Field
		cell  string
		raw   string
		want  any
		empty bool
	}{
		{name: "empty", f: text, cell: " \n\t ", empty: true},
		{name: "text keeps inner line breaks and blank lines", f: text, cell: "  a  \r\n\r\n  b\tc \n", want: "a\n\n  b\tc"},
		{name: "text lone CR", f: text, cell: "a\rb", want: "a\nb"},
		{name: "string with a number", f: str, cell: "12 290", want: "12 290"},
		{name: "text with colon and dash", f: text, cell: "- a : b\n* c", want: "- a : b\n* c"},
		{name: "list, one item per line", f: list, cell: "Article 67\n\n  - puce  \n• point\n", want: []any{"Article 67", "- puce", "• point"}},
		{name: "list with one item", f: list, cell: "x", want: []any{"x"}},
		{name: "string or list: one line", f: sol, cell: " Retraite Québec ", want: "Retraite Québec"},
		{name: "string or list: several lines", f: sol, cell: "ASFC\n\nIRCC", want: []any{"ASFC", "IRCC"}},
		{name: "bool oui", f: boolean, cell: "Oui", want: true},
		{name: "bool NON", f: boolean, cell: " NON ", want: false},
		{name: "bool o", f: boolean, cell: "o", want: true},
		{name: "bool n", f: boolean, cell: "N", want: false},
		{name: "bool vrai", f: boolean, cell: "Vrai", want: true},
		{name: "bool faux", f: boolean, cell: "faux", want: false},
		{name: "bool true", f: boolean, cell: "TRUE", want: true},
		{name: "bool false", f: boolean, cell: "false", want: false},
		{name: "bool x", f: boolean, cell: "x", want: true},
		{name: "bool other text kept", f: boolean, cell: "À vérifier", want: "À vérifier"},
		{name: "int", f: integer, cell: "340", want: int64(340)},
		{name: "int with spaces kept as text", f: integer, cell: "12 290", want: "12 290"},
		{name: "int with nbsp kept as text", f: integer, cell: "12\u00a0290", want: "12\u00a0290"},
		{name: "int approximate kept as text", f: integer, cell: "environ 300", want: "environ 300"},
		{name: "int formatted in a spreadsheet", f: integer, cell: "12,290", raw: "12290", want: int64(12290)},
		{name: "int too large kept", f: integer, cell: "99999999999999999999", want: "99999999999999999999"},
		{name: "date", f: date, cell: "2025-01-15", want: "2025-01-15"},
		{name: "date as written", f: date, cell: "15 janvier 2025", want: "15 janvier 2025"},
		{name: "excel date", f: date, cell: "01-15-25", raw: "45672", want: "2025-01-15"},
		{name: "number typed in a date column", f: date, cell: "45672", raw: "45672", want: "45672"},
		{name: "period", f: period, cell: "du 2025-02-01 au 2025-02-03", want: map[string]any{"debut": "2025-02-01", "fin": "2025-02-03"}},
		{name: "period single date", f: period, cell: "2025-02-01", want: "2025-02-01"},
		{name: "period bad", f: period, cell: "du lundi au mardi", want: "du lundi au mardi"},
		{name: "object", f: avis, cell: "2025-03-01\nCommuniqué\nsur le site", want: map[string]any{"date": "2025-03-01", "motif": "Communiqué\nsur le site"}},
		{name: "object without date stays text", f: avis, cell: "Communiqué", want: "Communiqué"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := cellValue(tc.f, tc.cell, tc.raw)
			if ok == tc.empty {
				t.Fatalf("ok = %v", ok)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}
