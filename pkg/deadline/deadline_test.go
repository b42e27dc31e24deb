package deadline

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const public = "organisme: {nom: Ministère d'essai, secteur: public}\n"

// load writes files (path → content) into a temporary repository and loads it.
func load(t *testing.T, files map[string]string) *source.Result {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files["registre.yaml"]; !ok {
		files["registre.yaml"] = public
	}
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := source.Load(dir, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func list(t *testing.T, today string, horizon int, files map[string]string) []Item {
	t.Helper()
	items, err := List(load(t, files).Repo, Options{Today: today, Horizon: horizon})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// brief renders items as "STATUS ID due what" lines for compact expectations.
func brief(items []Item) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(it.Status.Code() + " " + it.EntryID + " " + it.Due + " " + it.What + " [" + it.Law + "]\n")
	}
	return b.String()
}

const incident = `id: INC-0001
circonstances: Courriel envoyé au mauvais destinataire.
survenance: 2026-11-01
connaissance: 2026-11-02
nombre_personnes: 12
evaluation_risque: Renseignements de santé.
mesures: [Rappel du courriel]
`

func TestList(t *testing.T) {
	cases := []struct {
		name    string
		today   string
		horizon int
		cfg     string
		files   map[string]string
		want    []string // substrings of brief(), in order
		none    []string // substrings that must not appear
		late    bool
	}{
		{name: "avis à faire dans le délai", today: "2026-11-20", horizon: 30,
			files: map[string]string{"incidents/INC-0001.yaml": incident + "risque_serieux: true\n"},
			want:  []string{"a_faire INC-0001 2026-12-02 aviser la Commission", "a_faire INC-0001 2026-12-02 aviser les personnes", "plus_tard INC-0001 2031-11-02 conserver"}},
		{name: "avis en retard", today: "2026-12-10", horizon: 30,
			files: map[string]string{"incidents/INC-0001.yaml": incident + "risque_serieux: true\navis_personnes: 2026-11-05\n"},
			want:  []string{"retard INC-0001 2026-12-02 aviser la Commission d'accès à l'information (avis_cai non daté) [A-2.1, art. 63.8, al. 2]"},
			none:  []string{"aviser les personnes"}, late: true},
		{name: "seuil de diligence du dépôt", today: "2026-11-20", horizon: 30, cfg: public + "lint: {delai_avis_cai_jours: 10}\n",
			files: map[string]string{"incidents/INC-0001.yaml": incident + "risque_serieux: true\navis_personnes: 2026-11-05\n"},
			want:  []string{"retard INC-0001 2026-11-12 aviser la Commission"}, late: true},
		{name: "avis aux personnes différé : à réévaluer, jamais en retard", today: "2027-02-01", horizon: 30,
			files: map[string]string{"incidents/INC-0001.yaml": incident + "risque_serieux: true\navis_cai: 2026-11-03\navis_differe: Enquête policière en cours.\n"},
			want:  []string{"a_reevaluer INC-0001 2026-12-02 réévaluer l'avis aux personnes concernées"}, none: []string{"retard"}},
		{name: "avis public au lieu de l'avis aux personnes", today: "2026-12-10", horizon: 30,
			files: map[string]string{"incidents/INC-0001.yaml": incident + "risque_serieux: true\navis_cai: 2026-11-03\navis_public: {date: 2026-11-04, motif: Personnes injoignables.}\n"},
			none:  []string{"aviser", "retard"}},
		{name: "sans risque sérieux : seulement la conservation", today: "2026-12-10", horizon: 30,
			files: map[string]string{"incidents/INC-0001.yaml": incident + "risque_serieux: false\n"},
			want:  []string{"plus_tard INC-0001 2031-11-02 conserver l'inscription au registre des incidents [A-2.1, r. 3.1, art. 7]"}, none: []string{"aviser"}},
		{name: "conservation écoulée : peut être détruite", today: "2031-11-02", horizon: 30,
			files: map[string]string{"incidents/INC-0001.yaml": incident + "risque_serieux: false\n"},
			want:  []string{"information INC-0001 2031-11-02 l'inscription peut être détruite"}},
		{name: "entreprise : articles de la Loi sur le privé", today: "2026-12-10", horizon: 30, cfg: "organisme: {nom: Entreprise, secteur: prive}\n",
			files: map[string]string{"incidents/INC-0001.yaml": incident + "risque_serieux: true\n"},
			want:  []string{"[P-39.1, art. 3.5, al. 2]", "[P-39.1, r. 3.1, art. 7]"}, none: []string{"A-2.1"}, late: true},
		{name: "période de prise de connaissance : la fin compte, comme INC-011", today: "2026-11-20", horizon: 30,
			files: map[string]string{"incidents/INC-0001.yaml": strings.Replace(incident, "connaissance: 2026-11-02", "connaissance: {debut: 2026-11-02, fin: 2026-11-05}", 1) + "risque_serieux: true\navis_personnes: 2026-11-06\n"},
			want:  []string{"a_faire INC-0001 2026-12-05 aviser la Commission"}},
		{name: "révision de l'inventaire", today: "2026-12-04", horizon: 30, cfg: public + "lint: {revision_mois: 12}\n",
			files: map[string]string{
				"inventaire/INV-0001.yaml": "id: INV-0001\ndate_revision: 2025-11-01\n",
				"inventaire/INV-0002.yaml": "id: INV-0002\ndate_inscription: 2025-12-20\n",
				"inventaire/INV-0003.yaml": "id: INV-0003\n"},
			want: []string{"retard INV-0001 2026-11-01", "a_faire INV-0003 2026-12-04", "a_faire INV-0002 2026-12-20"}, late: true},
		{name: "entente : fin, durée en mois, en mots, échue sans usage", today: "2026-12-04", horizon: 60,
			files: map[string]string{
				"ententes/ENT-0001.yaml":       "id: ENT-0001\ntitre: A\nparties: [X]\ndate_signature: 2024-01-10\ndate_fin: 2027-03-15\n",
				"ententes/ENT-0002.yaml":       "id: ENT-0002\ntitre: B\nparties: [X]\ndate_signature: 2025-01-01\nduree: 24 mois\n",
				"ententes/ENT-0003.yaml":       "id: ENT-0003\ntitre: C\nparties: [X]\ndate_signature: 2021-06-01\nduree: Cinq ans, renouvelable\n",
				"ententes/ENT-0004.yaml":       "id: ENT-0004\ntitre: D\nparties: [X]\ndate_signature: 2020-01-01\nduree: indéterminée\n",
				"communications/COM-0001.yaml": "id: COM-0001\nentente: ENT-0003\n"},
			want: []string{"retard ENT-0003 2026-06-01 renouveler l'entente ou cesser", "a_faire ENT-0002 2027-01-01 renouveler ou laisser prendre fin", "plus_tard ENT-0001 2027-03-15"},
			none: []string{"ENT-0004"}, late: true},
		{name: "entente échue que rien n'utilise : information", today: "2026-12-04", horizon: 30,
			files: map[string]string{"ententes/ENT-0001.yaml": "id: ENT-0001\ntitre: A\nparties: [X]\ndate_signature: 2020-01-10\nduree: 2 ans\n"},
			want:  []string{"information ENT-0001 2022-01-10 entente échue"}},
		{name: "EFVP en cours d'un projet commencé", today: "2026-12-04", horizon: 30,
			files: map[string]string{
				"efvp/EFVP-0001.yaml": "id: EFVP-0001\ntitre: P\ndeclencheurs: [\"63.5\"]\nconclusion: en_cours\ndebut_projet: 2026-10-05\n",
				"efvp/EFVP-0002.yaml": "id: EFVP-0002\ntitre: P\ndeclencheurs: [\"63.5\"]\nconclusion: en_cours\n",
				"efvp/EFVP-0003.yaml": "id: EFVP-0003\ntitre: P\ndate: 2026-01-01\ndeclencheurs: [\"63.5\"]\nconclusion: protection_adequate\ndebut_projet: 2026-10-05\n"},
			want: []string{"a_faire EFVP-0001 2026-10-05 terminer l'EFVP"}, none: []string{"EFVP-0002", "EFVP-0003"}},
		{name: "exceptions qui expirent", today: "2026-12-04", horizon: 30,
			files: map[string]string{"communications/COM-0001.yaml": "id: COM-0001\nignorer:\n  - {regle: COM-019, raison: Pas de recherche., jusqu_au: 2026-12-20}\n  - {regle: COM-020, raison: Organisme québécois., jusqu_au: 2027-06-01}\n  - {regle: COM-016, raison: Ancien., jusqu_au: 2026-01-01}\n"},
			want:  []string{"a_faire COM-0001 2026-12-20 revoir l'exception pour la règle COM-019", "information COM-0001 2026-01-01 exception expirée pour la règle COM-016"},
			none:  []string{"COM-020"}},
		{name: "rien à signaler", today: "2026-12-04", horizon: 30,
			files: map[string]string{"communications/COM-0001.yaml": "id: COM-0001\n"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.cfg != "" {
				c.files["registre.yaml"] = c.cfg
			}
			items := list(t, c.today, c.horizon, c.files)
			got := brief(items)
			at := 0
			for _, w := range c.want {
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("missing (in this order) %q in:\n%s", w, got)
				}
				at += i + len(w)
			}
			for _, n := range c.none {
				if strings.Contains(got, n) {
					t.Errorf("unexpected %q in:\n%s", n, got)
				}
			}
			if AnyLate(items) != c.late {
				t.Errorf("AnyLate = %v, want %v:\n%s", !c.late, c.late, got)
			}
			if len(c.want) == 0 && c.name == "rien à signaler" && len(items) != 0 {
				t.Errorf("want no item, got:\n%s", got)
			}
		})
	}
}

func TestListPositions(t *testing.T) {
	items := list(t, "2026-12-10", 30, map[string]string{"incidents/INC-0001.yaml": incident + "risque_serieux: true\navis_personnes: 2026-11-05\n"})
	if len(items) == 0 || items[0].Path != "incidents/INC-0001.yaml" || items[0].Pos.Line != 4 {
		t.Fatalf("first item at %s:%d, want incidents/INC-0001.yaml:4 (connaissance)", items[0].Path, items[0].Pos.Line)
	}
}

func TestListBadDate(t *testing.T) {
	if _, err := List(load(t, map[string]string{}).Repo, Options{Today: "2026-13-01"}); err == nil {
		t.Fatal("want an error for an invalid date")
	}
}

// TestWriteGolden renders the example repository's deadlines at a fixed date
// in every format (go test -update rewrites testdata/*.golden).
func TestWriteGolden(t *testing.T) {
	res, err := source.Load(filepath.Join("..", "..", "examples"), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	items, err := List(res.Repo, Options{Today: "2026-12-04", Horizon: 30})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats {
		var b bytes.Buffer
		if err := (Report{Today: "2026-12-04", Horizon: 30, Items: items}).Write(&b, f); err != nil {
			t.Fatal(err)
		}
		if f == "json" && !json.Valid(b.Bytes()) {
			t.Fatalf("invalid JSON:\n%s", b.String())
		}
		golden := filepath.Join("testdata", "examples."+f+".golden")
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (go test ./pkg/deadline -update)", err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s differs from %s (go test ./pkg/deadline -update, then review the diff):\n%s", f, golden, b.String())
		}
	}
}

// TestSafeText: user text never starts a line with "::" nor carries control characters.
func TestSafeText(t *testing.T) {
	items := list(t, "2026-12-10", 30, map[string]string{"incidents/INC-0001.yaml": incident + "risque_serieux: true\navis_cai: 2026-11-03\navis_differe: \"x\\n::error title=X::y\\u001b[31m\"\n"})
	for _, f := range []string{"text", "markdown"} {
		var b bytes.Buffer
		_ = Report{Today: "2026-12-10", Horizon: 30, Items: items}.Write(&b, f)
		for _, line := range strings.Split(b.String(), "\n") {
			if strings.HasPrefix(line, "::") || strings.ContainsRune(line, 0x1b) {
				t.Errorf("%s: unsafe line %q", f, line)
			}
		}
	}
}
