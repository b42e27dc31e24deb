package model_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/registre-qc/registre/pkg/model"
)

// TestMentionVariants: the forms of a withheld INV-0012 that a reader still
// reads as INV-0012 (attack review pubattack, pa_mention_variants) are
// mentions, and their offsets are those of the text as written: the
// mention's own text (what PUB-012 reports) is read again as that mention.
func TestMentionVariants(t *testing.T) {
	for _, text := range []string{
		// invisible characters
		"voir IN\u00adV-0012.",  // soft hyphen inside the prefix
		"voir INV\u00ad0012",    // soft hyphen as the only separator
		"voir INV\u200b-0012",   // zero-width space
		"voir I\u200dNV-0012",   // zero-width joiner
		"voir INV-\u200c0012",   // zero-width non-joiner
		"voir INV\u2060-0012",   // word joiner
		"voir \ufeffINV-0012",   // BOM
		"voir INV-00\u200b12",   // inside the number
		"voir INV\u202e-0012",   // bidi override
		"voir I\u3164NV-0012",   // Hangul filler
		"voir INV-0012\u200b",   // after it
		"voir \u200bINV-0012",   // before it
		"voir x\u00ad INV-0012", // a dropped rune then a space
		"voir INV-0012\u0301",   // combining mark after it
		"voir I\u0301NV-0012",   // combining acute on the I
		"voir Í\u0301NV-0012",   // precomposed, and another mark
		"voir ÍNV-0012",         // precomposed Í
		"voir INV-0\u03080\u030312",
		// look-alikes
		"voir ＩＮＶ－００１２", // full-width
		"voir ｉｎｖ ０１２",  // full-width, lower case
		"voir \U0001D408\U0001D40D\U0001D415-\U0001D7CE\U0001D7CE\U0001D7CF\U0001D7D0", // mathematical bold
		"voir INV-⑫",    // circled twelve
		"voir INV-①②",   // circled digits
		"voir INV-¹²",   // superscripts
		"voir INV-⁰⁰¹²", // superscripts with zeros
		"voir ⅠNV-0012", // Roman numeral one
		"voir ІNV-0012", // Cyrillic І
		"voir ΙΝV-0012", // Greek Iota and Nu
		// separators a reader reads through
		"voir INV--0012", "voir INV - - 0012", "voir INV---0012", "voir INV/0012", "voir INV:0012",
		"voir INV.0012", "voir INV #12", "voir INV# 12", "voir INV n° 12", "voir INV no 12", "voir INV nº 12",
		"voir INV N° 12", "voir INV No. 12", "voir INV №12", "voir INV n°12", "voir INVn°12", "voir INV ° 12",
		"voir INV·0012", "voir INV‧0012", "voir INV…12", "voir INV : 12", "voir INV / 12", "voir INV _ 12",
		"voir INV\n0012", "voir INV\r\n0012", "voir INV\r0012", "voir INV\v0012", "voir INV\f0012",
		"voir INV\u20280012", "voir INV\u20290012", "voir INV\u00850012", "voir INV\u20000012",
		"voir INV\u16800012", "voir INV\u30000012", "voir INV\ufe580012", "voir INV\u2e3a0012",
		"voir INV\u2e3b0012", "voir INV\u22120012", "voir INV\u20150012", "voir INV\u00a0\u20130012",
		"voir INV\u0080\u20130012", "voir INV-\n  0012", "voir INV ‐ ‐ ‐ 0012",
		// the id ends at a non-ASCII letter (fail closed, as before)
		"voir INV-0012ж",
		// a lower-case letter before a prefix in capitals
		"voir le dossierINV-0012", "voir éINV-0012",
	} {
		if !model.MentionsIn(text, "INV-0012") {
			t.Errorf("%q devrait nommer INV-0012 (forme pliée %q)", text, model.FoldMentionText(text))
			continue
		}
		for _, m := range model.Mentions(text) {
			tok := text[m.Start:m.End]
			if !utf8.ValidString(tok) {
				t.Errorf("%q : la mention %+v coupe un caractère", text, m)
			}
			again := model.Mentions(tok)
			if len(again) != 1 || again[0].Key != m.Key || again[0].Start != 0 || again[0].End != len(tok) {
				t.Errorf("%q : la mention %q relue donne %+v", text, tok, again)
			}
		}
	}
}

// TestMentionNotNamed: texts that do not name the id, each silent with an
// index holding it withheld (no false PUB-012 error).
func TestMentionNotNamed(t *testing.T) {
	for _, tc := range []struct{ text, id string }{
		{"Commission 12", "COM-0012"},
		{"la Commission d'accès 12", "COM-0012"},
		{"COM 2024 rapport", "COM-0020"}, // COM-2024 is another id: none here
		{"COM 2024 rapport", "COM-0024"},
		{"rapport INV-2025", "INV-2025-014"},
		{"Inventaire 12", "INV-0012"},
		{"inventaire n° 12", "INV-0012"},
		{"Acme inc. 12 employés", "INC-0012"},
		{"Acme Inc. 12 employés", "INC-0012"},
		{"Com. 12", "COM-0012"},
		{"Télécom 12", "COM-0012"},
		{"TÉLÉCOM 12", "COM-0012"},
		{"télécom-12", "COM-0012"},
		{"Ωcom 12", "COM-0012"},
		{"日本COM-0012", "COM-0012"}, // a letter of any script
		{"XINV-0012", "INV-0012"},
		{"INV-12345", "INV-0012"},
		{"INV-00121", "INV-0012"},
		{"INV-0012ｅ", "INV-0012"}, // INV-0012E, a longer token
		{"INV-0012é", "INV-0012"}, // idem: é folds to e
		{"INV nombre 12", "INV-0012"},
		{"INV note 12", "INV-0012"},
		{"INVno 12", "INV-0012"},
		{"INV, 12", "INV-0012"},
		{"INV ; 12", "INV-0012"},
		{"INV (12)", "INV-0012"},
		{"INV - - - - 12", "INV-0012"}, // four units
		{"INV/:.#12", "INV-0012"},
		{"INV: rapport 12", "INV-0012"},
		{"INV °C 12", "INV-0012"},
		{"INV 1 2", "INV-0012"},
		{"voir INV-ОО12", "INV-0012"}, // Cyrillic O are the letter O, not zeros: INV-OO12
		{"INV&#45;0012", "INV-0012"},  // entities and percent-encoding: not decoded (the site shows them as written)
		{"INV%2D0012", "INV-0012"},
	} {
		if model.MentionsIn(tc.text, tc.id) {
			t.Errorf("%q ne devrait pas nommer %s (mentions %+v)", tc.text, tc.id, model.Mentions(tc.text))
		}
	}
	// « INV 12.3 » (a version number after the prefix) names INV-12-3, and
	// so INV-0012 when there is no INV-12-3: fail closed, like « COM-0042-B ».
	if !model.MentionsIn("logiciel INV 12.3", "INV-0012") {
		t.Errorf("« logiciel INV 12.3 » devrait nommer INV-0012 (lecture prudente)")
	}
	// In capitals, « INC. 12 » is a mention: an abbreviation point needs a
	// prefix not in capitals.
	if !model.MentionsIn("voir INC. 12", "INC-0012") {
		t.Errorf("« voir INC. 12 » devrait nommer INC-0012")
	}
}

// TestMentionsLinear: the work of Mentions and Resolve grows with the text,
// not its square (« INV-1-1-1-…-1 » of a mebibyte took seconds to resolve).
// Work is counted (reads of the folded text, bytes of keys hashed), not timed.
func TestMentionsLinear(t *testing.T) {
	x := model.NewIDIndex()
	for _, id := range []string{"INV-0012", "INV-2025-014", "COM-0042-B", "INV-1-1-1"} {
		x.Add(id, true)
	}
	for _, tc := range []struct {
		name, unit string
		tail       string
	}{
		{"tirets", "1-", "1"},
		{"points", "1.", "1"},
		{"préfixes", "INV ", ""},
		{"préfixes collés", "INV", ""},
		{"séparateurs", "INV - - ", ""},
		{"invisibles", "\u200b", "INV-1"},
		{"pleine chasse", "ＩＮＶ－", ""},
		{"n°", "INV n° n° ", ""},
		{"espaces", "INV          ", ""},
		{"accents", "é", "INV-1"},
	} {
		text := "INV-" + strings.Repeat(tc.unit, (1<<20)/len(tc.unit)) + tc.tail
		ms, reads := model.MentionsWork(text)
		if reads > 6*len(text) {
			t.Errorf("%s : %d lectures pour %d octets", tc.name, reads, len(text))
		}
		hashed := 0
		for _, m := range ms {
			hashed += model.ResolveWork(x, m, text[m.Start:m.End])
		}
		if hashed > len(text) {
			t.Errorf("%s : %d octets de clés hachés pour %d octets", tc.name, hashed, len(text))
		}
	}
	// The key longer than every indexed key still resolves to its longest
	// indexed cut.
	text := "INV-1-1-1-" + strings.Repeat("1-", 1000) + "1"
	if got := x.WithheldIn(text); len(got) != 1 || got[0] != "INV-1-1-1" {
		t.Errorf("WithheldIn(INV-1-1-1-…) = %v, attendu [INV-1-1-1]", got)
	}
}

// BenchmarkMentionsLong resolves the mentions of a mebibyte « INV-1-1-…-1 »
// (quadratic before the keys were bounded by the longest indexed key).
func BenchmarkMentionsLong(b *testing.B) {
	x := model.NewIDIndex()
	for i := range 10000 {
		x.Add("INV-"+strings.Repeat("0", 4-len(itoa(i)))+itoa(i), i == 12)
	}
	text := "remarques INV-" + strings.Repeat("1-", 1<<19) + "1"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		x.WithheldIn(text)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
