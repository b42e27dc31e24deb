package model

import "testing"

func TestIDSequence(t *testing.T) {
	tests := []struct {
		name string
		ids  []string
		want string
	}{
		{"empty", nil, "COM-0001"},
		{"keeps the width", []string{"COM-0001", "COM-0007", "COM-0003"}, "COM-0008"},
		{"grows past the width", []string{"COM-9999"}, "COM-10000"},
		{"no padding", []string{"COM-1", "COM-9"}, "COM-10"},
		{"three digits", []string{"COM-001", "COM-041"}, "COM-042"},
		{"sub-scheme", []string{"COM-2025-013", "COM-2025-014"}, "COM-2025-015"},
		{"latest series", []string{"COM-2024-051", "COM-2024-052", "COM-2024-053", "COM-2025-001"}, "COM-2025-002"},
		{"most used scheme", []string{"COM-0001", "COM-0002", "COM-0003", "COM-A1"}, "COM-0004"},
		{"other prefixes ignored", []string{"INC-0042", "COM-0002"}, "COM-0003"},
		{"no number", []string{"COM-abc"}, "COM-0001"},
		{"widest of equal numbers", []string{"COM-7", "COM-0007"}, "COM-0008"},
		{"skips taken", []string{"COM-0001", "COM-0002", "COM-2"}, "COM-0003"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := range 5 { // input order must not matter
				ids := append([]string(nil), tt.ids...)
				if len(ids) > 0 {
					r := i % len(ids)
					ids = append(ids[r:], ids[:r]...)
				}
				if got := NewIDSequence(Communications, ids).Next(); got != tt.want {
					t.Fatalf("Next(%v) = %s, want %s", tt.ids, got, tt.want)
				}
			}
		})
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"COM-0001": true, "COM-2026-001": true, "COM-a.b_c": true,
		"COM-": false, "COM--1": false, "com-0001": false, "INC-0001": false, "COM0001": false, "COM-00 1": false,
	} {
		if got := ValidID(Communications, id); got != want {
			t.Errorf("ValidID(%q) = %v", id, got)
		}
	}
}

// TestIDSequenceTake: ids taken during an import (from an id column) move the
// series on, and Next never hands out a taken id.
func TestIDSequenceTake(t *testing.T) {
	s := NewIDSequence(Communications, []string{"COM-0001", "COM-0002"})
	s.Take("COM-0010")
	s.Take("COM-A1")
	if got := s.Next(); got != "COM-0011" {
		t.Fatalf("after Take(COM-0010): %s", got)
	}
	if got, peek := s.Next(), s.Peek(); got != "COM-0012" || peek != "COM-0013" {
		t.Fatalf("Next = %s, Peek = %s", got, peek)
	}
}

func TestCompareIDs(t *testing.T) {
	for _, tt := range []struct{ a, b string }{{"COM-2", "COM-10"}, {"COM-2024-9", "COM-2025-1"}, {"COM-0001", "COM-01"}, {"COM-A", "COM-B"}} {
		if CompareIDs(tt.a, tt.b) >= 0 || CompareIDs(tt.b, tt.a) <= 0 {
			t.Errorf("CompareIDs(%s, %s) not < 0", tt.a, tt.b)
		}
	}
}

func TestDisplayPath(t *testing.T) {
	for _, c := range []struct {
		loc  []string
		want string
	}{
		{nil, "l'inscription"},
		{[]string{""}, "l'inscription"},
		{[]string{"appui_legal", "1"}, "appui_legal[2]"},
		{[]string{"facteurs", "sensibilite"}, "facteurs.sensibilite"},
		{[]string{"ignorer", "0", "raison"}, "ignorer[1].raison"},
		{[]string{"cles", "+1"}, "cles.+1"}, // not an index: digits only
	} {
		if got := DisplayPath(c.loc); got != c.want {
			t.Errorf("DisplayPath(%q) = %q, want %q", c.loc, got, c.want)
		}
	}
}

func TestDefaultInstrument(t *testing.T) {
	pub, priv := &Config{}, &Config{}
	priv.Organisme.Secteur = "prive"
	if pub.DefaultInstrument() != "A-2.1" || priv.DefaultInstrument() != "P-39.1" {
		t.Errorf("DefaultInstrument: public %s, private %s", pub.DefaultInstrument(), priv.DefaultInstrument())
	}
}
