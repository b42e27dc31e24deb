package model

import "testing"

func TestParseDuration(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		unit string
		ok   bool
	}{
		{"3 ans", 3, "ans", true}, {"1 an renouvelable", 1, "ans", true}, {"Cinq ans", 5, "ans", true},
		{"24 mois", 24, "mois", true}, {"deux années", 2, "ans", true}, {"Durée indéterminée", 0, "", false},
		{"", 0, "", false}, {"0 an", 0, "", false}, {"trois semaines", 0, "", false},
		// Only the first clause counts; a duration that says more than one
		// quantity or its own start is not guessed (a review found each).
		{"3 ans, renouvelable deux fois pour un an", 3, "ans", true},
		{"3 ans à compter de son entrée en vigueur", 3, "ans", true},
		{"2 ans et 6 mois", 0, "", false}, {"3 ans à compter du 1er avril 2023", 0, "", false},
		{"3 ans jusqu'au 31 mars 2026", 0, "", false},
	}
	for _, c := range cases {
		n, unit, ok := ParseDuration(c.in)
		if n != c.n || unit != c.unit || ok != c.ok {
			t.Errorf("ParseDuration(%q) = %d %q %v, want %d %q %v", c.in, n, unit, ok, c.n, c.unit, c.ok)
		}
	}
}

func TestAgreementEnd(t *testing.T) {
	cases := []struct {
		values  map[string]any
		end     string
		deduced bool
		ok      bool
	}{
		{map[string]any{"date_fin": "2025-06-30", "date_signature": "2020-01-01", "duree": "3 ans"}, "2025-06-30", false, true},
		// A period where a date is expected: no end is guessed (echeances read its start).
		{map[string]any{"date_fin": map[string]any{"debut": "2024-05-15", "fin": "2027-05-15"}, "date_signature": "2020-01-01", "duree": "3 ans"}, "", false, false},
		{map[string]any{"date_signature": "2022-01-10", "duree": "3 ans"}, "2025-01-10", true, true},
		{map[string]any{"date_signature": "2024-03-01", "duree": "24 mois renouvelable"}, "2026-03-01", true, true},
		{map[string]any{"date_signature": "2024-03-01", "duree": "Durée indéterminée"}, "", false, false},
		{map[string]any{"duree": "3 ans"}, "", false, false},
	}
	for _, c := range cases {
		term, ok := AgreementEnd(&Entry{Kind: Ententes, Values: c.values})
		if ok != c.ok || term.End != c.end || term.Deduced != c.deduced {
			t.Errorf("AgreementEnd(%v) = %+v %v, want %s deduced=%v %v", c.values, term, ok, c.end, c.deduced, c.ok)
		}
	}
}
