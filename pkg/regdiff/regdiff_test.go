package regdiff

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func snap(name string, files map[string]string) *Snapshot {
	m := map[string][]byte{}
	for p, c := range files {
		m[p] = []byte(c)
	}
	return NewSnapshot(name, "", m)
}

// summary renders changes compactly for table tests: "communications/COM-1 modification [a b]".
func summary(r *Report) []string {
	var out []string
	for _, c := range r.Changes {
		var keys []string
		for _, f := range c.Fields {
			keys = append(keys, f.Key)
		}
		s := fmt.Sprintf("%s/%s %s %v", c.Kind.Name, c.ID, c.Op, keys)
		if c.OldPath != "" {
			s += " depuis " + c.OldPath
		}
		out = append(out, s)
	}
	for _, u := range r.Unreadable {
		out = append(out, "illisible "+u.Side+" "+u.Path)
	}
	return out
}

const com1 = `id: COM-0001
destinataire: Retraite Québec
renseignements: Nom, NAS
appui_legal:
  - Article 67 de la Loi sur l'accès
hors_quebec: false
frequence: Annuelle
`

func TestCompare(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new map[string]string
		public   bool
		want     []string
	}{
		{name: "nothing", old: map[string]string{"communications/COM-0001.yaml": com1}, new: map[string]string{"communications/COM-0001.yaml": com1}},
		{name: "comments and layout are no change",
			old: map[string]string{"communications/COM-0001.yaml": com1},
			new: map[string]string{"communications/COM-0001.yaml": "# note\n" + strings.ReplaceAll(com1, "hors_quebec: false", "hors_quebec:   false  # vérifié")}},
		{name: "added, removed, modified in declaration order",
			old: map[string]string{"communications/COM-0001.yaml": com1, "inventaire/INV-0001.yaml": "id: INV-0001\ndesignation: Paie\n"},
			new: map[string]string{
				"communications/COM-0001.yaml": strings.NewReplacer("hors_quebec: false", "hors_quebec: true\nzzz: inconnu", "destinataire: Retraite Québec", "destinataire: [Retraite Québec, RAMQ]").Replace(com1),
				"incidents/INC-0001.yaml":      "id: INC-0001\ncirconstances: Vol\n"},
			want: []string{"inventaire/INV-0001 suppression [designation]", "communications/COM-0001 modification [destinataire hors_quebec zzz]", "incidents/INC-0001 ajout [circonstances]"}},
		{name: "a moved file is a modification",
			old:  map[string]string{"communications/COM-0001.yaml": com1},
			new:  map[string]string{"communications/2025/COM-0001.yml": com1},
			want: []string{"communications/COM-0001 modification [] depuis communications/COM-0001.yaml"}},
		{name: "unreadable files are reported, not compared",
			old:  map[string]string{"communications/COM-0001.yaml": com1, "communications/COM-0002.yaml": "id: COM-0002\n"},
			new:  map[string]string{"communications/COM-0001.yaml": "id: [\n", "communications/COM-0002.yaml": "id: COM-0002\nfins: x\n"},
			want: []string{"communications/COM-0002 modification [fins]", "illisible a communications/COM-0001.yaml"}},
		{name: "duplicate ids are reported",
			old:  map[string]string{"communications/COM-0001.yaml": com1},
			new:  map[string]string{"communications/COM-0001.yaml": com1, "communications/2025/COM-0001.yaml": com1},
			want: []string{"illisible a communications/2025/COM-0001.yaml", "illisible a communications/COM-0001.yaml"}},
		{name: "not entries", old: map[string]string{}, new: map[string]string{"README.md": "x", "communications/notes.txt": "x", "communications/.brouillon/COM-0009.yaml": com1, "COM-0001.yaml": com1, "autres/COM-0001.yaml": com1}},
		{name: "public: published columns only, incidents never",
			old: map[string]string{"communications/COM-0001.yaml": com1, "incidents/INC-0001.yaml": "id: INC-0001\n"},
			new: map[string]string{
				"communications/COM-0001.yaml": strings.NewReplacer("Annuelle", "Mensuelle", "hors_quebec: false", "hors_quebec: true").Replace(com1),
				"incidents/INC-0001.yaml":      "id: INC-0001\ncirconstances: Vol\n", "incidents/INC-0002.yaml": "id: INC-0002\n"},
			public: true, want: []string{"communications/COM-0001 modification [hors_quebec]"}},
		{name: "public: a move is no change, an internal key neither",
			old: map[string]string{"communications/COM-0001.yaml": com1}, new: map[string]string{"communications/2025/COM-0001.yaml": com1 + "debut: 2025-01-01\n"}, public: true},
		{name: "public: existence confidentielle hides the entry",
			old:    map[string]string{"inventaire/INV-0001.yaml": "id: INV-0001\ndesignation: Paie\n", "inventaire/INV-0002.yaml": "id: INV-0002\ndesignation: Enquêtes\nexistence_confidentielle: true\n"},
			new:    map[string]string{"inventaire/INV-0001.yaml": "id: INV-0001\ndesignation: Paie\nexistence_confidentielle: true\n", "inventaire/INV-0002.yaml": "id: INV-0002\ndesignation: Enquêtes internes\nexistence_confidentielle: true\n"},
			public: true, want: []string{"inventaire/ suppression []"}},
		{name: "public: an entry confidential on either side is never named",
			old: map[string]string{"inventaire/INV-0001.yaml": "id: INV-0001\ndesignation: Paie\nexistence_confidentielle: oui\n",
				"inventaire/INV-0002.yaml": "id: INV-0002\ndesignation: Dossiers\n", "inventaire/INV-0003.yaml": "id: INV-0003\ndesignation: Plaintes\n"},
			new: map[string]string{"inventaire/INV-0001.yaml": "id: INV-0001\ndesignation: Paie\nexistence_confidentielle: false\n",
				"inventaire/INV-0002.yaml": "id: INV-0002\ndesignation: Dossiers\nexistence_confidentielle: false\nexistence_confidentielle: true\n",
				"inventaire/INV-0003.yaml": "id: INV-0003\ndesignation: Plaintes\nexistance_confidentielle: false\n"},
			public: true, want: []string{"inventaire/ suppression []", "inventaire/ suppression []", "inventaire/ ajout []"}},
		{name: "public: registre.yaml decides the kinds",
			old:    map[string]string{"collectes/COL-0001.yaml": "id: COL-0001\n", "inventaire/INV-0001.yaml": "id: INV-0001\n", "inventaire/INV-0002.yaml": "id: [\n"},
			new:    map[string]string{"registre.yaml": "publication:\n  registres: [communications, incidents]\n", "collectes/COL-0001.yaml": "id: COL-0001\norganisme: X\n"},
			public: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(snap("avant", tc.old), snap("après", tc.new), Options{Public: tc.public})
			got := summary(r)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	long := strings.Repeat("texte ", 20)
	for _, tc := range []struct {
		fc             FieldChange
		sum            string
		added, removed string
	}{
		{fc: FieldChange{New: "x", NewSet: true}, sum: "ajouté : « x »"},
		{fc: FieldChange{Old: true, OldSet: true}, sum: "retiré (était : Oui)"},
		{fc: FieldChange{Old: long, OldSet: true}, sum: "retiré (était : 120 caractères)"},
		{fc: FieldChange{Old: false, New: true, OldSet: true, NewSet: true}, sum: "Non → Oui"},
		{fc: FieldChange{Old: int64(12), New: "12 290", OldSet: true, NewSet: true}, sum: "12 → « 12 290 »"},
		{fc: FieldChange{Old: "a", New: long + "\nb", OldSet: true, NewSet: true}, sum: "texte modifié (1 caractère → 2 lignes, 122 caractères)"},
		{fc: FieldChange{Old: []any{"a", "b", "b"}, New: []any{"b", "c"}, OldSet: true, NewSet: true}, added: "c", removed: "a b"},
		{fc: FieldChange{Old: "a", New: []any{"a", "b"}, OldSet: true, NewSet: true}, added: "b"},
		{fc: FieldChange{Old: []any{"a", "b"}, New: []any{"b", "a"}, OldSet: true, NewSet: true}, sum: "ordre modifié"},
		{fc: FieldChange{Old: map[string]any{"date": "2025-01-01"}, New: map[string]any{"date": "2025-01-02"}, OldSet: true, NewSet: true}, sum: `{"date":"2025-01-01"} → {"date":"2025-01-02"}`},
	} {
		sum, added, removed := describe(tc.fc)
		if sum != tc.sum || strings.Join(added, " ") != tc.added || strings.Join(removed, " ") != tc.removed {
			t.Errorf("describe(%+v) = %q +%q -%q", tc.fc, sum, added, removed)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	old := snap("v1", map[string]string{"communications/COM-0001.yaml": "id: COM-0001\ndestinataire: a\nremarques: x\n"})
	new := snap("v2", map[string]string{"communications/COM-0001.yaml": "id: COM-0001\ndestinataire: \"<script>|*x*_[l](u)\"\nremarques: y\n"})
	var b bytes.Buffer
	if err := Compare(old, new, Options{}).WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); strings.Contains(s, "<script>") || !strings.Contains(s, `&lt;script&gt;\|\*x\*\_\[l\](u)`) {
		t.Errorf("not escaped:\n%s", s)
	}
}

// A report with every case, in the three formats, against golden files.
func TestFormatsGolden(t *testing.T) {
	old := snap("v2025.1", map[string]string{
		"communications/COM-0001.yaml": com1,
		"communications/COM-0002.yaml": "id: COM-0002\ndestinataire: RAMQ\nremarques: |\n  " + strings.Repeat("Texte long. ", 12) + "\n",
		"communications/COM-0003.yaml": "id: COM-0003\ndestinataire: Revenu Québec\n",
		"inventaire/INV-0001.yaml":     "id: INV-0001\ndesignation: Paie\n",
		"inventaire/INV-0002.yaml":     "id: INV-0002\ndesignation: Dossiers publics\n",
		"inventaire/INV-0003.yaml":     "id: INV-0003\ndesignation: SECRET-AVANT\nexistence_confidentielle: true\n",
		"incidents/INC-0001.yaml":      "id: INC-0001\nrisque_serieux: false\n",
	})
	new := snap(WorktreeName, map[string]string{
		"communications/COM-0001.yaml":      strings.NewReplacer("hors_quebec: false", "hors_quebec: true", "  - Article 67 de la Loi sur l'accès", "  - Article 68 de la Loi sur l'accès\n  - Entente (2025)").Replace(com1),
		"communications/2025/COM-0002.yaml": "id: COM-0002\ndestinataire: RAMQ\nremarques: |\n  " + strings.Repeat("Texte long. ", 13) + "\n",
		"communications/COM-0004.yaml":      "id: COM-0004\ndestinataire: ISQ\n",
		"inventaire/INV-0001.yaml":          "id: INV-0001\ndesignation: [\n",
		"inventaire/INV-0002.yaml":          "id: INV-0002\ndesignation: SECRET-APRES\nexistence_confidentielle: true\n",
		"inventaire/INV-0003.yaml":          "id: INV-0003\ndesignation: SECRET-AVANT\nexistence_confidentielle: false\n",
		"incidents/INC-0001.yaml":           "id: INC-0001\nrisque_serieux: true\nnombre_personnes: 12\n",
	})
	for _, public := range []bool{false, true} {
		r := Compare(old, new, Options{Public: public})
		r.From.Commit = "0123456789abcdef0123456789abcdef01234567"
		for _, f := range Formats {
			var b bytes.Buffer
			if err := r.Write(&b, f); err != nil {
				t.Fatal(err)
			}
			name := f
			if public {
				name += "-public"
			}
			if f == "json" && !json.Valid(b.Bytes()) {
				t.Errorf("%s: invalid JSON", name)
			}
			if public {
				// No id, no path, nothing of an entry confidential on either side.
				for _, leak := range []string{"SECRET", "INV-", "COM-0", "INC-", ".yaml"} {
					if strings.Contains(b.String(), leak) {
						t.Errorf("%s: public report shows %q:\n%s", name, leak, b.String())
					}
				}
			}
			golden(t, name, b.String())
		}
	}
	if err := Compare(old, old, Options{}).Write(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./pkg/regdiff -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./pkg/regdiff -update rewrites it):\n%s", path, got)
	}
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Essai", "GIT_AUTHOR_EMAIL=e@x", "GIT_COMMITTER_NAME=Essai", "GIT_COMMITTER_EMAIL=e@x", "GIT_CONFIG_GLOBAL=/dev/null")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGit reads revisions of a repository whose registers sit in a
// sub-folder, with a file that is not valid YAML in a commit.
func TestGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git absent")
	}
	root := t.TempDir()
	git(t, root, "init", "-q")
	reg := filepath.Join(root, "registres")
	write(t, filepath.Join(root, "README.md"), "dépôt\n")
	git(t, root, "add", "-A")
	git(t, root, "commit", "-qm", "sans registres")
	git(t, root, "tag", "v0")

	write(t, filepath.Join(reg, "communications", "COM-0001.yaml"), com1)
	write(t, filepath.Join(reg, "communications", "COM-0002.yaml"), "id: [\n")
	write(t, filepath.Join(reg, "communications", "é t é", "COM-0003.yaml"), "id: COM-0003\n")
	write(t, filepath.Join(reg, "registre.yaml"), "organisme: {nom: X, secteur: public}\n")
	git(t, root, "add", "-A")
	git(t, root, "commit", "-qm", "registres")

	if err := os.Rename(filepath.Join(reg, "communications", "COM-0001.yaml"), filepath.Join(reg, "communications", "2025-COM-0001.yaml.bak")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(reg, "communications", "2025", "COM-0001.yaml"), strings.Replace(com1, "Annuelle", "Mensuelle", 1))
	write(t, filepath.Join(reg, "communications", "COM-0002.yaml"), "id: COM-0002\n")

	head, err := Read(reg, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if len(head.Commit) != 40 || head.Name != "HEAD" {
		t.Errorf("HEAD = %q %q", head.Name, head.Commit)
	}
	wt, err := Read(filepath.Join(reg, "communications"), "")
	if err != nil {
		t.Fatal(err)
	}
	_ = wt
	wt, err = Read(reg, "")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(summary(Compare(head, wt, Options{})), "\n")
	want := strings.Join([]string{
		"communications/COM-0001 modification [frequence] depuis communications/COM-0001.yaml",
		"illisible de communications/COM-0002.yaml",
	}, "\n")
	if got != want {
		t.Errorf("HEAD → working tree:\n%s\nwant\n%s", got, want)
	}

	// Before the register folder existed: everything readable is new.
	v0, err := Read(reg, "v0")
	if err != nil {
		t.Fatal(err)
	}
	got = strings.Join(summary(Compare(v0, head, Options{})), "\n")
	want = "communications/COM-0001 ajout [destinataire renseignements appui_legal hors_quebec frequence]\ncommunications/COM-0003 ajout []\nillisible a communications/COM-0002.yaml"
	if got != want {
		t.Errorf("v0 → HEAD:\n%s\nwant\n%s", got, want)
	}

	if _, err := Read(reg, "nulle-part"); err == nil || !strings.Contains(err.Error(), "révision git inconnue : nulle-part") {
		t.Errorf("unknown revision: %v", err)
	}
	if _, err := Read(t.TempDir(), "HEAD"); err == nil || !strings.Contains(err.Error(), "n'est pas dans un dépôt git") {
		t.Errorf("outside git: %v", err)
	}
	empty := t.TempDir()
	git(t, empty, "init", "-q")
	s, err := Read(empty, "HEAD")
	if err != nil || s.Name != "HEAD (aucun commit)" || len(s.Files) != 0 {
		t.Errorf("no commit yet: %v %+v", err, s)
	}
}

// TestPublicRedactsWithheld: in a public comparison, a published text that
// names an entry withheld on either side (PUB-012) shows as
// model.RedactedText, in the cell and in the label; every format.
func TestPublicRedactsWithheld(t *testing.T) {
	held := "id: INV-0004\ndesignation: Enquêtes sur un client\nexistence_confidentielle: true\n"
	inc := "id: INC-0007\ncirconstances: Courriel envoyé au mauvais client\n"
	from := snap("HEAD", map[string]string{"communications/COM-0001.yaml": com1, "inventaire/INV-0004.yaml": held, "incidents/INC-0007.yaml": inc})
	to := snap("arbre", map[string]string{
		"communications/COM-0001.yaml": strings.Replace(com1, "destinataire: Retraite Québec", "destinataire: Client visé par le fichier inv 4, voir INV-0004 (enquêtes)", 1) +
			"remarques: Après l'incident INC-0007.\n",
		"inventaire/INV-0004.yaml": held,
		"incidents/INC-0007.yaml":  inc,
	})
	r := Compare(from, to, Options{Public: true})
	for _, f := range []string{"text", "markdown", "json"} {
		var b bytes.Buffer
		if err := r.Write(&b, f); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, leak := range []string{"INV-0004", "inv 4", "enquêtes", "Enquêtes", "Client visé", "Courriel"} {
			if strings.Contains(out, leak) {
				t.Errorf("%s : le rapport public montre %q :\n%s", f, leak, out)
			}
		}
		// An incident is internal, not secret: naming it is shown as written.
		if !strings.Contains(out, "INC-0007") {
			t.Errorf("%s : la mention d'un incident (registre interne, non secret) ne doit pas être masquée :\n%s", f, out)
		}
		if !strings.Contains(out, "texte retenu") {
			t.Errorf("%s : texte masqué absent :\n%s", f, out)
		}
	}
}
