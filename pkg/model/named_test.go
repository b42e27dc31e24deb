package model_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/registre-qc/registre/pkg/model"
)

func TestMentionsIn(t *testing.T) {
	for _, tc := range []struct {
		text, id string
		want     bool
	}{
		{"voir COM-0042", "COM-0042", true},
		{"COM-0042", "COM-0042", true},
		{"voir COM-0042.", "COM-0042", true},
		{"(COM-0042)", "COM-0042", true},
		{"« COM-0042 »", "COM-0042", true},
		{"voir com-0042", "COM-0042", true},
		{"voir com 0042", "COM-0042", true},
		{"voir COM 0042", "COM-0042", true},
		{"voir COM\u00a00042", "COM-0042", true},
		{"voir COM - 0042", "COM-0042", true},
		{"voir COM–0042", "COM-0042", true},
		{"voir COM—0042", "COM-0042", true},
		{"voir COM\u20110042", "COM-0042", true},
		{"voir COM_0042", "COM-0042", true},
		{"voir COM0042", "COM-0042", true},
		{"voir COM-42", "COM-0042", true},
		{"voir COM-042", "COM-0042", true},
		{"voir Com-42, puis", "COM-0042", true},
		{"voir COM-0042-B", "COM-0042", true}, // no COM-0042-B in this index: it reads as COM-0042
		{"voir COM-0042,COM-0043", "COM-0043", true},
		{"(inc-7)", "INC-0007", true},
		{"EFVP-0003 et ENT-0002", "ENT-0002", true},
		{"voir éCOM-0042", "COM-0042", true}, // a non-ASCII letter is a boundary: fail closed
		{"INV-2025-014", "INV-2025-014", true},
		{"inv 2025-14", "INV-2025-014", true},
		{"INV-RH-001", "INV-RH-001", true},
		{"inv-rh-1", "INV-RH-001", true},
		{"INV-A1", "INV-A1", true},
		// Two dashes used to end the mention; a reader still reads COM-0042
		// through them (attack review pubattack): up to three separator units.
		{"voir COM--0042", "COM-0042", true},
		// not a mention
		{"voir COM-00421", "COM-0042", false},
		{"voir COM-4200", "COM-0042", false},
		{"voir XCOM-0042", "COM-0042", false},
		{"voir 1COM-0042", "COM-0042", false},
		{"voir COM-0043", "COM-0042", false},
		{"voir INV-0042", "COM-0042", false},
		{"voir COM-0042 ", "COM-0042X", false},
		{"Commission", "COM-MISSION", false},
		{"Communication 42", "COM-0042", false},
		{"col de la Commission", "COL-DE", false},
		{"INV-RH 001", "INV-RH-001", false},
		{"inv rh-1", "INV-RH-001", false}, // spaces only: the rest must start with a digit
		{"", "COM-0042", false},
		{"COM-", "COM-0042", false},
		{"COM", "COM-0042", false},
	} {
		if got := model.MentionsIn(tc.text, tc.id); got != tc.want {
			t.Errorf("MentionsIn(%q, %q) = %v, attendu %v", tc.text, tc.id, got, tc.want)
		}
	}
}

func TestMentionKey(t *testing.T) {
	for id, want := range map[string]string{
		"COM-0042": "COM-42", "COM-42": "COM-42", "EFVP-0001": "EFVP-1", "INV-2025-014": "INV-2025-14",
		"INV-RH-001": "INV-RH-1", "INC-000": "INC-0", "COM-1.2": "COM-1-2", "COM-1_2": "COM-1-2",
		"COM-": "", "XYZ-1": "", "COM-0042 x": "", "com-0042": "COM-42",
	} {
		if got := model.MentionKey(id); got != want {
			t.Errorf("MentionKey(%q) = %q, attendu %q", id, got, want)
		}
	}
}

func TestResolve(t *testing.T) {
	x := model.NewIDIndex()
	x.Add("COM-42", false)
	x.Add("COM-0042", true)
	x.Add("COM-0042-B", false)
	x.Add("INV-0001", true)
	x.Add("INV-0002", false)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"voir COM-42", nil},                    // written exactly as the published COM-42
		{"voir COM-0042", []string{"COM-0042"}}, // exactly the withheld one
		{"voir com 042", []string{"COM-0042"}},  // ambiguous: fail closed
		{"voir COM-0042-B", nil},                // the longer id exists: it is that one
		{"voir COM-0042-C", []string{"COM-0042"}},
		{"INV-0001, INV-0002, INV-1", []string{"INV-0001"}},
		{"rien", nil},
	} {
		got := x.WithheldIn(tc.text)
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("WithheldIn(%q) = %v, attendu %v", tc.text, got, tc.want)
		}
	}
}

func TestLeaks(t *testing.T) {
	pub := entryOf(model.Communications, "COM-0001", "id: COM-0001\nremarques: voir INV-0002\nfins: |\n  Voir COM-0003.\nentente: ENT-0001\n")
	self := entryOf(model.Inventaire, "INV-0002", invBase+"remarques: Fichier INV-0002.\nexistence_confidentielle: true\n")
	held := entryOf(model.Communications, "COM-0003", "id: COM-0003\nexistence_confidentielle: oui\n")
	ent := entryOf(model.Ententes, "ENT-0001", "id: ENT-0001\ntitre: x\n")
	repo := &model.Repository{Entries: []*model.Entry{pub, self, held, ent}}
	var got []string
	for _, l := range model.Leaks(repo, nil) {
		got = append(got, l.Entry.ID+" "+l.KeyPath+" "+l.Withheld)
	}
	// The reference key entente is not published: no leak. The withheld
	// entry naming itself is never published: no leak either.
	want := "COM-0001 fins COM-0003|COM-0001 remarques INV-0002"
	if strings.Join(got, "|") != want {
		t.Errorf("Leaks = %q, attendu %q", strings.Join(got, "|"), want)
	}
	if ls := model.Leaks(repo, []*model.Kind{model.Inventaire}); len(ls) != 0 {
		t.Errorf("Leaks(inventaire) = %v, attendu rien", ls)
	}
	if m := model.LeakMessage("fins/1", "INV-0002"); !strings.HasPrefix(m, "fins[2] nomme INV-0002,") {
		t.Errorf("LeakMessage = %q", m)
	}
}

// FuzzMentions: mentions are in order, within the text, on rune
// boundaries, and re-scanning a mention's own text finds that one mention
// with the same key; a text that names an id still names it when
// surrounded by spaces or punctuation; folding is idempotent and a text and
// its folded view name the same ids; the work is linear.
func FuzzMentions(f *testing.F) {
	for _, s := range []string{"voir COM-0042", "com 0042 et INV-2025-014.", "éCOM–0042—", "COM0042COM-1", "EFVP-0001-B.c", "INC\u00a0-\u00a07", "Commission",
		"IN\u00adV-0012", "ＩＮＶ－００１２", "I\u0301NV n° 12", "INV - - ⑫", "Télécom 12", "inc. 12", "INV\n0012", "℀OM-⒈2", "dossierINV·0012"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		folded := model.FoldMentionText(text)
		if again := model.FoldMentionText(folded); again != folded {
			t.Fatalf("pliage non idempotent : %q → %q → %q", text, folded, again)
		}
		ms, reads := model.MentionsWork(text)
		if reads > 8*len(text)+8 {
			t.Fatalf("%d lectures pour %d octets : %q", reads, len(text), text)
		}
		fms := model.Mentions(folded)
		if len(fms) != len(ms) {
			t.Fatalf("%q nomme %+v, sa forme pliée %q nomme %+v", text, ms, folded, fms)
		}
		for i := range ms {
			if ms[i].Key != fms[i].Key {
				t.Fatalf("%q nomme %+v, sa forme pliée %q nomme %+v", text, ms, folded, fms)
			}
		}
		prev := 0
		for _, m := range ms {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) || !utf8.ValidString(text[m.Start:m.End]) {
				t.Fatalf("mention hors ordre ou hors texte %+v dans %q", m, text)
			}
			prev = m.End
			tok := text[m.Start:m.End]
			again := model.Mentions(tok)
			if len(again) != 1 || again[0].Key != m.Key || again[0].End != len(tok) {
				t.Fatalf("%q : la mention %q relue donne %+v, attendu la clé %s", text, tok, again, m.Key)
			}
			if k := model.MentionKey(m.Key); k != m.Key {
				t.Fatalf("la clé %q n'est pas sa propre clé (%q)", m.Key, k)
			}
			if !model.MentionsIn(text, m.Key) {
				t.Fatalf("%q devrait nommer %s", text, m.Key)
			}
			if !model.MentionsIn("(« "+tok+" »).", m.Key) {
				t.Fatalf("%q entouré de ponctuation ne nomme plus %s", tok, m.Key)
			}
		}
	})
}
