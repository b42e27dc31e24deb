package textutil

import (
	"reflect"
	"testing"
)

func TestFrenchDate(t *testing.T) {
	for in, want := range map[string]string{
		"2025-01-01": "1er\u00a0janvier\u00a02025",
		"2024-08-15": "15\u00a0août\u00a02024",
		"2024-12-31": "31\u00a0décembre\u00a02024",
		"":           "",
		"2024-13-01": "2024-13-01",
		"demain":     "demain",
	} {
		if got := FrenchDate(in); got != want {
			t.Errorf("FrenchDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1#se:67_3": true,
		"http://exemple.qc.ca":      true,
		"HTTPS://EXEMPLE.QC.CA/a":   true,
		"javascript:alert(1)":       false,
		"data:text/html,<script>":   false,
		"https://":                  false,
		"https:///chemin":           false,
		"https://a b":               false,
		"https://a\"onmouseover=x":  false,
		"//exemple.qc.ca":           false,
		"ftp://exemple.qc.ca":       false,
		" https://exemple.qc.ca":    false,
		"https://exemple.qc.ca/<x>": false,
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestLinkify(t *testing.T) {
	tests := []struct {
		in   string
		want []Segment
	}{
		{"", nil},
		{"aucun lien", []Segment{{Text: "aucun lien"}}},
		{"Voir https://exemple.qc.ca/a.", []Segment{{Text: "Voir "}, {Text: "https://exemple.qc.ca/a", URL: "https://exemple.qc.ca/a"}, {Text: "."}}},
		{"(https://fr.wikipedia.org/wiki/Loi_(Québec))", []Segment{{Text: "("}, {Text: "https://fr.wikipedia.org/wiki/Loi_(Québec)", URL: "https://fr.wikipedia.org/wiki/Loi_(Québec)"}, {Text: ")"}}},
		{"« https://exemple.qc.ca »", []Segment{{Text: "« "}, {Text: "https://exemple.qc.ca", URL: "https://exemple.qc.ca"}, {Text: " »"}}},
		{"javascript:alert(1) https:// xhttps://a.b", []Segment{{Text: "javascript:alert(1) https:// xhttps://a.b"}}},
		{"http://a.b,http://c.d", []Segment{{Text: "http://a.b,http://c.d", URL: "http://a.b,http://c.d"}}},
		{"https://a.b\"><img src=x onerror=alert(1)>", []Segment{{Text: "https://a.b", URL: "https://a.b"}, {Text: "\"><img src=x onerror=alert(1)>"}}},
	}
	for _, tt := range tests {
		if got := Linkify(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Linkify(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func FuzzLinkify(f *testing.F) {
	f.Add("Voir https://exemple.qc.ca/a. et http://b.c")
	f.Fuzz(func(t *testing.T, s string) {
		var joined string
		for _, seg := range Linkify(s) {
			if seg.URL != "" && (!SafeURL(seg.URL) || seg.URL != seg.Text) {
				t.Fatalf("unsafe link %q", seg.URL)
			}
			joined += seg.Text
		}
		if joined != s {
			t.Fatalf("segments %q do not rebuild %q", joined, s)
		}
	})
}

func TestListMarker(t *testing.T) {
	for s, want := range map[string]string{
		"1. Premier":           "1. ",
		"12) Douzième":         "12) ",
		"(3) Troisième":        "(3) ",
		"a) Alinéa":            "a) ",
		"B. Partie":            "B. ",
		"iv) Quatrième":        "iv) ",
		"4° paragraphe":        "4° ",
		"- tiret":              "- ",
		"• puce":               "• ",
		"  2. décalé":          "  2. ",
		"1.":                   "1.",
		"Article 67":           "",
		"12 290 personnes":     "",
		"1.5 million":          "",
		"a.b.c":                "",
		"Loi (RLRQ, c. A-2.1)": "",
		"(suite)":              "",
		"-5 degrés":            "",
		"":                     "",
		"67.3 de la Loi":       "",
	} {
		if got := s[:ListMarker(s)]; got != want {
			t.Errorf("ListMarker(%q) marks %q, want %q", s, got, want)
		}
	}
}
