package importer

import (
	"errors"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
)

func TestMatchKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Personne ou organismes receveur", "Personne ou organisme receveur"},
		{"Personne ou organisme receveurs", "Personne ou organisme receveur"},
		{"PERSONNE OU ORGANISME RECEVEUR", "personne ou organisme receveur"},
		{"Communication à\n\nl’extérieur du\nQuébec", "Communication à l'extérieur du Québec"},
		{"Communication à l'extérieur du Québec (Oui/Non)", "Communication à l'extérieur du Québec"},
		{"Communication a l'exterieur du Quebec (oui ou non)", "Communication à l'extérieur du Québec"},
		{"Nature ou type de RP communiqués", "Nature ou type de renseignements personnels communiqués"},
		{"Nature ou type de RP utilisés", "Nature ou type de renseignements utilisés"},
		{"Catégories de personnes qui ont accès au \nRP", "Catégories de personnes qui ont accès aux renseignements"},
		{"Unité qui utilise les RP \n\nà d'autres fins", "Unité qui utilise les renseignements à d'autres fins"},
		{"  Appui   légal ", "Appui légal"},
		{"appui_legal", "Appui légal"},
		{"Désignation du fichier", "De\u0301signation du fichier"}, // NFD input
	} {
		if ka, kb := matchKey(tc.a), matchKey(tc.b); ka != kb {
			t.Errorf("matchKey(%q) = %q, matchKey(%q) = %q: want equal", tc.a, ka, tc.b, kb)
		}
	}
	for _, tc := range []struct{ a, b string }{
		{"Fins de la conservation des renseignements", "Fins pour lesquelles les renseignements sont communiqués"},
		{"Catégories des renseignements", "Catégories de personnes concernées par les renseignements"},
		{"Communication à l'extérieur du Québec (peut-être)", "Communication à l'extérieur du Québec"},
	} {
		if matchKey(tc.a) == matchKey(tc.b) {
			t.Errorf("matchKey(%q) = matchKey(%q): want different", tc.a, tc.b)
		}
	}
}

// Every title and key of a kind must stay distinct after normalisation,
// or a column could land in the wrong field.
func TestMatchKeysUnambiguous(t *testing.T) {
	for _, k := range model.Kinds {
		seen := map[string]string{}
		for i := range k.Fields {
			f := &k.Fields[i]
			if !importable(f) {
				continue
			}
			for _, key := range fieldKeys(f) {
				if prev, dup := seen[key]; dup && prev != f.Key {
					t.Errorf("%s: %q and %q both normalise to %q", k.Name, prev, f.Key, key)
				}
				seen[key] = f.Key
			}
		}
	}
}

func sheetOf(header ...string) *Sheet { return &Sheet{Header: header} }

func keysOf(m *Mapping) []string {
	var out []string
	for _, c := range m.Columns {
		if c.Field == nil {
			out = append(out, "-")
		} else {
			out = append(out, c.Field.Key)
		}
	}
	return out
}

func TestMatchHeaderSeeds(t *testing.T) {
	for _, tc := range []struct {
		name   string
		kind   *model.Kind
		header []string
		want   string
		approx int // approximate matches expected
	}{
		{"seed 002 (communications)", model.Communications, []string{
			"Personne ou organismes receveur", "Nature ou type de renseignements personnels communiqués",
			"Fins pour lesquelles les renseignements sont communiqués", "Raisons justifiant la communication",
			"Appui légal", "Communication à \n\nl’extérieur du \nQuébec ", "Remarques, commentaires et autres indications"},
			"destinataire renseignements fins raisons appui_legal hors_quebec remarques", 0},
		{"seed 001 (utilisations)", model.Utilisations, []string{
			"Unité qui utilise les RP \n\nà d'autres fins", "Nature ou type de RP utilisés",
			"Fins pour lesquelles les RP ont initialement été recueillis", "Utilisation (à d'autres fins) prévue",
			"Appui légal", "Catégories de personnes qui ont accès au \nRP", "Remarques, commentaires et autres indications"},
			"unite renseignements fins_initiales utilisation appui_legal personnes_acces remarques", 1},
		{"seed 000 (inventaire)", model.Inventaire, []string{
			"Unité administrative responsable", "Désignation du fichier", "Description du fichier",
			"Catégories de personnes concernées par les renseignements", "Catégories des renseignements",
			"Provenance des renseignements", "Fins de la conservation des renseignements",
			"Catégories de personnes ayant accès au fichier dans l'exercice de leurs fonctions", "Supports utilisés",
			"Mesures de sécurité pour assurer la protection des renseignements"},
			"unite designation description personnes_concernees categories_renseignements provenance fins personnes_acces supports mesures_securite", 0},
		{"export with id and keys", model.Communications, []string{"Identifiant", "destinataire", "DEBUT", "frequence", "Appui légal"},
			"id destinataire debut frequence appui_legal", 0},
		{"id by key", model.Communications, []string{"id", "Appui légal"}, "id appui_legal", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := MatchHeader(tc.kind, sheetOf(tc.header...), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(keysOf(m), " "); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			approx := 0
			for _, c := range m.Columns {
				if c.Approx {
					approx++
				}
			}
			if approx != tc.approx {
				t.Errorf("approximate matches = %d, want %d", approx, tc.approx)
			}
		})
	}
}

func TestMatchHeaderMissing(t *testing.T) {
	m, err := MatchHeader(model.Communications, sheetOf("Personne ou organisme receveur", "Appui légal"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range m.Missing {
		got = append(got, f.Key)
	}
	// renseignements, fins, raisons are Required; hors_quebec is Expected; remarques is optional.
	if want := "renseignements fins raisons hors_quebec"; strings.Join(got, " ") != want {
		t.Errorf("missing = %v, want %s", got, want)
	}
}

func TestMatchHeaderErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header []string
		rows   []Row
		opts   Options
		want   []string // substrings of the error; nil means no error
		keys   string
	}{
		{name: "unknown column", header: []string{"Appui légal", "Courriel du responsable"},
			want: []string{"colonne inconnue pour le registre communications : la colonne B (« Courriel du responsable »)",
				"Personne ou organisme receveur", "Appui légal", "Identifiant", "ou la clé YAML d'un champ : unite, exception_70_1",
				`--ignore-column "Courriel du responsable"`, "--ignore-unknown"}},
		{name: "two unknown columns", header: []string{"Foo", "Appui légal", "Bar"},
			want: []string{"2 colonnes inconnues", "la colonne A (« Foo »)", "la colonne C (« Bar »)"}},
		{name: "nothing matches: title row above the header", header: []string{"Registre des communications 2025"},
			want: []string{"Aucun titre n'est reconnu : la première ligne non vide doit être celle des titres"}},
		{name: "ignored by title, loosely", header: []string{"Appui légal", "Courriel du responsable"},
			opts: Options{IgnoreColumns: []string{"courriel du RESPONSABLE"}}, keys: "appui_legal -"},
		{name: "ignore unknown", header: []string{"Foo", "Appui légal"}, opts: Options{IgnoreUnknown: true}, keys: "- appui_legal"},
		{name: "duplicate", header: []string{"Appui légal", "appui_legal"},
			want: []string{"les colonnes la colonne A (« Appui légal ») et la colonne B (« appui_legal ») désignent toutes deux « Appui légal »"}},
		{name: "untitled empty column", header: []string{"Appui légal", ""}, rows: []Row{{Cells: []string{"x", ""}}}, keys: "appui_legal -"},
		{name: "untitled column with data", header: []string{"Appui légal", ""}, rows: []Row{{Cells: []string{"x", "y"}}},
			want: []string{"la colonne B (sans titre)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := MatchHeader(model.Communications, &Sheet{Header: tc.header, Rows: tc.rows}, tc.opts)
			if tc.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				if got := strings.Join(keysOf(m), " "); got != tc.keys {
					t.Errorf("keys = %s, want %s", got, tc.keys)
				}
				return
			}
			var he *HeaderError
			if !errors.As(err, &he) {
				t.Fatalf("err = %v, want a HeaderError", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%s", w, err)
				}
			}
		})
	}
}

func TestMatchHeaderUnusedIgnore(t *testing.T) {
	m, err := MatchHeader(model.Communications, sheetOf("Appui légal"), Options{IgnoreColumns: []string{"Nulle part"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.UnusedIgnores) != 1 || m.UnusedIgnores[0] != "Nulle part" {
		t.Errorf("UnusedIgnores = %v", m.UnusedIgnores)
	}
}

func TestLetters(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := letters(i); got != want {
			t.Errorf("letters(%d) = %s, want %s", i, got, want)
		}
	}
}
