package notice

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func examples(t *testing.T) *model.Repository {
	t.Helper()
	res, err := source.Load(filepath.Join("..", "..", "..", "examples"), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Repo
}

// TestGolden writes both notices of the example incident INC-0002 in Markdown
// and HTML and compares them with testdata/*.golden (-update rewrites them).
func TestGolden(t *testing.T) {
	repo := examples(t)
	for _, r := range []Recipient{Commission, Persons} {
		n, missing := Build(repo, repo.ByID["INC-0002"], r, "2026-12-04")
		if len(missing) > 0 {
			t.Fatalf("%s: missing elements in the example: %v", r.Name(), missing)
		}
		for _, f := range []string{"md", "html"} {
			var b bytes.Buffer
			if err := n.Write(&b, f); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "INC-0002-"+r.Name()+"."+f+".golden")
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
				t.Fatalf("%v (go test ./pkg/render/notice -update)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs (go test ./pkg/render/notice -update, then review the diff):\n%s", golden, b.String())
			}
		}
	}
}

// TestMissing: every element the regulation lists is reported, at its key, and
// the persons' notice asks for what the person can do.
func TestMissing(t *testing.T) {
	dir := t.TempDir()
	write := func(p, c string) {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("registre.yaml", "organisme: {secteur: public}\n")
	write("incidents/INC-0001.yaml", "id: INC-0001\nrisque_serieux: true\n")
	res, err := source.Load(dir, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := res.Repo.ByID["INC-0001"]
	cases := map[Recipient][]string{
		Commission: {"organisme/nom", "responsable/nom", "responsable/courriel", "renseignements", "circonstances", "survenance", "connaissance",
			"nombre_personnes", "evaluation_risque", "mesures_avis", "avis_personnes_prevu", "mesures"},
		Persons: {"organisme/nom", "responsable/courriel", "renseignements", "circonstances", "survenance", "mesures", "mesures_suggerees"},
	}
	for r, keys := range cases {
		_, missing := Build(res.Repo, e, r, "2026-12-04")
		got := map[string]bool{}
		for _, f := range missing {
			got[f.KeyPath] = true
			if f.Path != "incidents/INC-0001.yaml" && f.Path != "registre.yaml" {
				t.Errorf("%s: finding on %s", r.Name(), f.Path)
			}
			if !strings.Contains(f.Law, "r. 3.1, art. ") {
				t.Errorf("%s: %q cites %q", r.Name(), f.Message, f.Law)
			}
		}
		for _, k := range keys {
			if !got[k] {
				t.Errorf("%s: no finding for the missing %s (got %v)", r.Name(), k, got)
			}
		}
		if len(got) != len(keys) {
			t.Errorf("%s: %d findings %v, want %d", r.Name(), len(got), got, len(keys))
		}
	}
	// No risk of serious injury: no notice is required.
	write("incidents/INC-0002.yaml", "id: INC-0002\nrisque_serieux: false\n")
	res, _ = source.Load(dir, source.Options{})
	_, missing := Build(res.Repo, res.Repo.ByID["INC-0002"], Commission, "2026-12-04")
	found := false
	for _, f := range missing {
		found = found || f.KeyPath == "risque_serieux"
	}
	if !found {
		t.Error("a notice for an incident without serious risk must be refused")
	}
}

// TestPDF renders both notices and reads them back with pdftotext.
func TestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext absent under CI=true (apt-get install poppler-utils)")
		}
		t.Skip("pdftotext not found on PATH (Debian: apt-get install -y poppler-utils)")
	}
	repo := examples(t)
	for _, r := range []Recipient{Commission, Persons} {
		n, _ := Build(repo, repo.ByID["INC-0002"], r, "2026-12-04")
		var a, b bytes.Buffer
		if err := n.Write(&a, "pdf"); err != nil {
			t.Fatal(err)
		}
		_ = n.Write(&b, "pdf")
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two renderings differ", r.Name())
		}
		p := filepath.Join(t.TempDir(), "avis.pdf")
		if err := os.WriteFile(p, a.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		want := []string{"Ministère des Exemples numériques", "Réinitialisation du mot de passe"}
		if r == Commission {
			want = append(want, "Document confidentiel — ne pas publier", "Nombre de personnes concernées (art. 3, par. 7°)", "Environ 340 personnes concernées, dont environ 335 résident au Québec.", "Page 1 de")
		} else {
			want = append(want, "Ce que vous pouvez faire", "Surveillez vos relevés bancaires", "Téléphone : 418 555-0100")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q not in the PDF text:\n%s", r.Name(), w, text)
			}
		}
	}
}
