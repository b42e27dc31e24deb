package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
	"github.com/registre-qc/registre/pkg/model"
)

// fill gives every declared key of k a value; every text holds marker, so
// that any field of the entry that reaches an output shows it.
func fill(k *model.Kind, id, marker string) map[string]any {
	v := map[string]any{}
	for i := range k.Fields {
		f := &k.Fields[i]
		switch f.Type {
		case model.String, model.Text:
			v[f.Key] = marker + " " + f.Key
		case model.List, model.StringOrList:
			v[f.Key] = []any{marker + " " + f.Key + " un", marker + " " + f.Key + " deux"}
		case model.Bool:
			v[f.Key] = false
		case model.Date, model.DateOrPeriod:
			v[f.Key] = "2025-01-15"
		case model.Int:
			v[f.Key] = 3
		case model.Enum:
			v[f.Key] = f.Enum[0]
		case model.EnumList:
			v[f.Key] = []any{f.Enum[0]}
		case model.Object:
			m := map[string]any{}
			for _, sf := range f.Fields {
				switch sf.Type {
				case model.Bool:
					m[sf.Key] = false
				case model.Date:
					m[sf.Key] = "2025-01-15"
				default:
					m[sf.Key] = marker + " " + f.Key + " " + sf.Key
				}
			}
			v[f.Key] = m
		}
	}
	for _, key := range []string{"efvp", "entente", "fichiers", "exception_70_1", model.ConfidentialKey} {
		delete(v, key) // references to absent entries are not what this test is about; the marker is set by each case
	}
	v["id"] = id
	return v
}

func yamlOf(t *testing.T, v map[string]any, extra string) string {
	t.Helper()
	b, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + extra
}

type repoFiles map[string]string

func (files repoFiles) write(t *testing.T, dir string) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
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
}

// run runs the registre command line in-process and returns stdout.
func run(t *testing.T, wantCode int, args ...string) []byte {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IO: ios, Version: "test",
		Now: func() time.Time { return time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "1768435200"
			}
			return ""
		}}
	if code := Run(f, args); code != wantCode {
		t.Fatalf("registre %s: exit %d, want %d\n%s", strings.Join(args, " "), code, wantCode, errOut)
	}
	return out.Bytes()
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Essai", "GIT_AUTHOR_EMAIL=essai@exemple.org",
		"GIT_COMMITTER_NAME=Essai", "GIT_COMMITTER_EMAIL=essai@exemple.org")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestConfidentialNeverPublished is the confidentiality property over every
// public output: entries that must not be published — each way of marking or
// misplacing one, and every kind that is never published — carry a marker in
// every field; the marker must appear in no byte of any public output (every
// file of `build`, both CSV profiles, `export` of every published kind in
// every format, `diff --public` and `stats --public` in every format, between two revisions where
// entries became or stopped being confidential). Published entries carry
// another marker, which must appear, so that the test proves it looks in the
// right place. No entry id may appear either: a gap in published ids would
// reveal a withheld entry (art. 76 al. 2).
func TestConfidentialNeverPublished(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git absent")
	}
	dir := filepath.Join(t.TempDir(), "repo")
	inv, com, uti, col := model.Inventaire, model.Communications, model.Utilisations, model.Collectes
	cfg := "organisme: {nom: Organisme d'essai, secteur: public}\npublication:\n  registres: [inventaire, communications, utilisations, collectes]\n"

	// Revision 1: INV-0006 is published (it becomes confidential in revision
	// 2), INV-0007 is confidential (it is published in revision 2).
	v1 := repoFiles{
		"registre.yaml":                cfg,
		"inventaire/INV-0001.yaml":     yamlOf(t, fill(inv, "INV-0001", "PUBLIC1"), ""),
		"inventaire/INV-0006.yaml":     yamlOf(t, fill(inv, "INV-0006", "SECRETANCIEN6"), ""),
		"inventaire/INV-0007.yaml":     yamlOf(t, fill(inv, "INV-0007", "SECRETANCIEN7"), "existence_confidentielle: true\n"),
		"communications/COM-0001.yaml": yamlOf(t, fill(com, "COM-0001", "PUBLIC2"), ""),
	}
	v1.write(t, dir)
	git(t, dir, "init", "-q")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "v1")

	v2 := repoFiles{
		"registre.yaml":                cfg,
		"inventaire/INV-0001.yaml":     yamlOf(t, fill(inv, "INV-0001", "PUBLIC1"), ""),
		"inventaire/INV-0002.yaml":     yamlOf(t, fill(inv, "INV-0002", "SECRETVRAI"), "existence_confidentielle: true\n"),
		"inventaire/INV-0003.yaml":     yamlOf(t, fill(inv, "INV-0003", "SECRETOUI"), "existence_confidentielle: oui\n"),
		"inventaire/INV-0004.yaml":     yamlOf(t, fill(inv, "INV-0004", "SECRETFAUTE"), "existence_confidentiele: false\n"),
		"inventaire/INV-0005.yaml":     yamlOf(t, fill(inv, "INV-0005", "SECRETDOUBLE"), "existence_confidentielle: true\nexistence_confidentielle: false\n"),
		"inventaire/INV-0006.yaml":     yamlOf(t, fill(inv, "INV-0006", "SECRETNOUVEAU6"), "existence_confidentielle: true\n"),
		"inventaire/INV-0007.yaml":     yamlOf(t, fill(inv, "INV-0007", "PUBLIC7"), "existence_confidentielle: false\n"),
		"inventaire/INV-0008.yaml":     yamlOf(t, fill(inv, "INV-0008", "PUBLIC8"), ""),
		"communications/COM-0001.yaml": yamlOf(t, fill(com, "COM-0001", "PUBLIC2"), ""),
		"communications/COM-0002.yaml": yamlOf(t, fill(com, "COM-0002", "SECRETCHAMPS"), "circonstances: SECRETCHAMPS vol\nrisque_serieux: true\n"),
		"communications/COM-0003.yaml": yamlOf(t, fill(com, "COM-0003", "SECRETCOMCONF"), "existence_confidentielle: \"true\"\n"),
		"communications/INC-0003.yaml": yamlOf(t, fill(model.Incidents, "INC-0003", "SECRETDOSSIER"), ""),
		"utilisations/UTI-0001.yaml":   yamlOf(t, fill(uti, "UTI-0001", "PUBLIC3"), ""),
		"collectes/COL-0001.yaml":      yamlOf(t, fill(col, "COL-0001", "PUBLIC4"), ""),
		"incidents/INC-0001.yaml":      yamlOf(t, fill(model.Incidents, "INC-0001", "SECRETINCIDENT"), ""),
		"efvp/EFVP-0001.yaml":          yamlOf(t, fill(model.EFVP, "EFVP-0001", "SECRETEFVP"), ""),
		"ententes/ENT-0001.yaml":       yamlOf(t, fill(model.Ententes, "ENT-0001", "SECRETENTENTE"), ""),
	}
	for p, c := range v2 {
		v1[p] = c
	}
	if err := os.RemoveAll(filepath.Join(dir, "inventaire")); err != nil {
		t.Fatal(err)
	}
	v2.write2(t, dir)
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "v2")

	outputs := map[string][]byte{}
	site := filepath.Join(t.TempDir(), "site")
	run(t, 1, "build", dir, "--out", site+"-refus") // doubtful entries: refused without --force
	run(t, 0, "build", dir, "--out", site, "--force")
	run(t, 0, "build", dir, "--out", site+"-rfc", "--force", "--csv-profile", "rfc4180")
	for _, s := range []string{site, site + "-rfc"} {
		err := filepath.WalkDir(s, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			outputs[p] = data
			if strings.HasSuffix(p, ".pdf") {
				if tool, lerr := exec.LookPath("pdftotext"); lerr == nil {
					txt, terr := exec.Command(tool, "-enc", "UTF-8", p, "-").Output()
					if terr != nil {
						t.Fatalf("pdftotext %s: %v", p, terr)
					}
					outputs[p+" (texte)"] = txt
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []string{"inventaire", "communications", "utilisations", "collectes"} {
		outputs["export "+k+" csv"] = run(t, 0, "export", k, dir, "--force")
		outputs["export "+k+" rfc4180"] = run(t, 0, "export", k, dir, "--force", "--profile", "rfc4180")
		outputs["export "+k+" json"] = run(t, 0, "export", k, dir, "--force", "--format", "json")
	}
	for _, f := range []string{"table", "csv", "json"} {
		outputs["stats --public "+f] = run(t, 0, "stats", dir, "--public", "--format", f)
	}
	for _, f := range []string{"text", "markdown", "json"} {
		outputs["diff --public HEAD~1 HEAD "+f] = run(t, 0, "diff", "HEAD~1", "HEAD", "--public", "--format", f, "-C", dir)
		outputs["diff --public HEAD~1 "+f] = run(t, 0, "diff", "HEAD~1", "--public", "--format", f, "-C", dir)
	}

	secret := regexp.MustCompile(`SECRET[A-Z0-9]*`)
	id := regexp.MustCompile(`\b(INV|COM|UTI|COL|INC|EFVP|ENT)-\d+`)
	names := make([]string, 0, len(outputs))
	for n := range outputs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		data := outputs[n]
		if m := secret.Find(data); m != nil {
			t.Errorf("%s publishes %s", n, m)
		}
		if m := id.Find(data); m != nil {
			t.Errorf("%s shows the entry id %s", n, m)
		}
	}
	// The test looks in the right place: published entries are there.
	all := bytes.Join(func() [][]byte {
		var bs [][]byte
		for _, n := range names {
			bs = append(bs, outputs[n])
		}
		return bs
	}(), nil)
	for _, want := range []string{"PUBLIC1", "PUBLIC2", "PUBLIC3", "PUBLIC4", "PUBLIC7", "PUBLIC8"} {
		if !bytes.Contains(all, []byte(want)) {
			t.Errorf("published marker %s found in no output", want)
		}
	}
	// Counts: the inventory page announces the rows it shows (3), numbered 1 to 3.
	html := string(outputs[filepath.Join(site, "inventaire.html")])
	if !strings.Contains(html, "(3 inscriptions)") || !strings.Contains(html, `id="inscription-3"`) || strings.Contains(html, `id="inscription-4"`) {
		t.Errorf("inventaire.html does not count and number 3 published rows")
	}
	if st := string(outputs["stats --public csv"]); !strings.Contains(st, "inscriptions,inventaire,,3\n") || !strings.Contains(st, "inscriptions,communications,,1\n") {
		t.Errorf("stats --public does not count the published rows only:\n%s", st)
	}
	if d := string(outputs["diff --public HEAD~1 HEAD text"]); !strings.Contains(d, "une inscription a été retirée du registre publié") ||
		!strings.Contains(d, "une inscription a été ajoutée au registre publié") {
		t.Errorf("diff --public does not say, without naming them, that entries left and joined the register:\n%s", d)
	}
	if testing.Verbose() {
		fmt.Println(string(outputs["diff --public HEAD~1 HEAD text"]))
	}
}

// write2 writes files over dir without removing it first (keeps .git).
func (files repoFiles) write2(t *testing.T, dir string) {
	t.Helper()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
