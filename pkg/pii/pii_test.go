package pii

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDetectPII(t *testing.T) {
	allow := NewAllow("Acces.PRP@gmail.com", "875, Grande Allée Est, bureau 100\nQuébec (Québec) G1R 4Y8", "418 555-0199")
	tests := []struct {
		in   string
		want string // "kind masked" per hit, joined with "; "
	}{
		// Social insurance numbers: Luhn, boundaries, amounts.
		{"NAS : 046 454 286", "0 046 *** ***"},
		{"NAS 046454286 et 046-454-286", "0 046 *** ***; 0 046 *** ***"},
		{"NAS\u00a0046\u00a0454\u00a0286.", "0 046 *** ***"},
		{"numéro 046 454 287", ""},                   // Luhn fails
		{"dossier 1046454286", ""},                   // longer number
		{"compte 12 046 454 286", ""},                // longer number across a separator
		{"046 454 286 7", ""},                        // longer number across a separator
		{"A046454286", ""},                           // part of a code
		{"000 000 000", ""},                          // placeholder
		{"budget de 046 454 286 $", ""},              // an amount
		{"Téléphone : 418 555-1234 poste 2", ""},     // a work number
		{"Article 67.2.1 de la Loi sur l'accès", ""}, // no match
		{"DORS/2002-227, CT 196633, 2024-01-15", ""}, // numbers that are not NAS
		{"Règle 2.1.3 du calendrier", ""},            // no match
		{"Carte RAMQ TREM 8003 1512", "1 T*** **** ****"},
		{"TREM80531512", "1 T*** **** ****"}, // month + 50 (woman)
		{"ABCD 1234 5678", ""},               // month 34
		{"XTREM 8003 1512", ""},              // five letters
		{"trem 8003 1512", ""},               // lower case
		{"né le 12 mars 1980", "2 ** **** ****"},
		{"Née le 1er janvier 1975 à Laval", "2 *** ******* ****"},
		{"Date de naissance : 1980-03-12", "2 ****-**-**"},
		{"DDN 12/03/1980", "2 **/**/****"},
		{"Naissance : Le 3 avril 1975", "2 * ***** ****"},
		{"date de naissance (AAAA-MM-JJ)", ""},      // a category, no date
		{"Nom, date de naissance, NAS", ""},         // a category list
		{"Communication faite le 12 mars 2024", ""}, // a bare date
		{"données le 12 mars 1980", ""},             // « né le » inside a word
		{"jean.tremblay@gmail.com", "3 j***@gmail.com"},
		{"écrire à Marie <m.cote@videotron.ca>.", "3 m***@videotron.ca"},
		{"x@hotmail.co.uk; y@yahoo.fr", "3 x***@hotmail.co.uk; 3 y***@yahoo.fr"},
		{"acces@organisme.gouv.qc.ca", ""},   // function address
		{"info@gmail.com", ""},               // function mailbox
		{"acces.prp@gmail.com", ""},          // responsable's address (registre.yaml)
		{"user@gmail.community.example", ""}, // not the webmail domain
		{"@gmail.com et a@", ""},             // no local part or domain
		{"cellulaire : 514 555-0123", "4 514 *** ****"},
		{"Cell. (438) 555-0199", "4 438 *** ****"},
		{"tél. personnel : +1 819 555 0000", "4 819 *** ****"},
		{"domicile 418.555.0100", "4 418 *** ****"},
		{"Téléphone : 418 555-0100", ""},          // a function's contact line
		{"domicile 418 555-0199", ""},             // responsable's number
		{"excellent 514 555 0123", ""},            // « cell » inside a word
		{"automobile 514 555 0123", ""},           // « mobile » inside a word
		{"membres du personnel 514 555 0123", ""}, // « personnel » without a telephone word
		{"1234, rue Principale, Montréal (Québec) H2X 1Y4", "5 H2X ***"},
		{"12 boul. René-Lévesque Ouest, Québec G1R 2B5", "5 G1R ***"},
		{"Code postal H2X 1Y4", ""},                               // postal code alone
		{"875, Grande Allée Est, Québec G1R 4Y8", ""},             // responsable's postal code
		{"Bureau 200, 500, rue Sherbrooke, Montréal H3A 3C6", ""}, // an office address
		{"rue Principale, H2X 1Y4", ""},                           // no civic number
		{"1234, rue Principale, DH2 1Y4", ""},                     // D never starts a code
		{"", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, h := range Detect(tc.in, allow) {
			got = append(got, fmt.Sprintf("%d %s", h.Kind, h.Masked))
			if h.Start < 0 || h.End > len(tc.in) || h.Start >= h.End {
				t.Errorf("%q: bad bounds %d..%d", tc.in, h.Start, h.End)
			}
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("Detect(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
}

func TestLuhn(t *testing.T) {
	for d, want := range map[string]bool{"046454286": true, "130692544": true, "046454287": false, "123456789": false} {
		if luhn(d) != want {
			t.Errorf("luhn(%s) = %v", d, !want)
		}
	}
}

// FuzzPII: any text gives sorted, in-bounds hits whose masked value reveals
// at most three digits, and never panics.
func FuzzPII(f *testing.F) {
	for _, s := range []string{
		"NAS : 046 454 286", "TREM 8003 1512", "né le 12 mars 1980", "j.doe@gmail.com", "cellulaire : 514 555-0123",
		"1234, rue Principale, Montréal H2X 1Y4", "Article 67.2.1 de la Loi sur l'accès", "046\u00a0454\u202f286",
		"tél. personnel 1 (819) 555-0000", "date de naissance : 1980-03-12", "@@@", "é\xff046454286",
	} {
		f.Add(s, "acces@exemple.gouv.qc.ca", "G1R 4Y8")
	}
	f.Fuzz(func(t *testing.T, s, courriel, adresse string) {
		allow := NewAllow(courriel, adresse, s)
		hits := Detect(s, allow)
		if len(hits) > maxHits {
			t.Fatalf("%d hits", len(hits))
		}
		for i, h := range hits {
			if h.Start < 0 || h.End > len(s) || h.Start >= h.End {
				t.Fatalf("hit %d out of bounds: %d..%d of %d", i, h.Start, h.End, len(s))
			}
			if i > 0 && h.Start < hits[i-1].Start {
				t.Fatalf("hits not sorted: %v", hits)
			}
			if h.Kind >= NumKinds {
				t.Fatalf("unknown kind %d", h.Kind)
			}
			if n := strings.Count(strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return 'd'
				}
				return -1
			}, h.Masked), "d"); n > 3 {
				t.Fatalf("masked value %q reveals %d digits", h.Masked, n)
			}
			if h.Masked == s[h.Start:h.End] {
				t.Fatalf("value not masked: %q", h.Masked)
			}
			if utf8.ValidString(s) && !utf8.ValidString(h.Masked) {
				t.Fatalf("masked value %q is not UTF-8", h.Masked)
			}
		}
	})
}

// BenchmarkDetectPII measures one 1,500-character published field.
func BenchmarkDetectPII(b *testing.B) {
	text := strings.Repeat("Nom, prénom, date de naissance et numéro d'assurance sociale des membres du personnel visés par l'article 67.2.1 (2024-01-15). ", 12)
	allow := NewAllow("acces@exemple.gouv.qc.ca", "", "")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(text, allow)
	}
}
