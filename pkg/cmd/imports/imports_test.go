package imports

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
)

func TestNewCmd(t *testing.T) {
	for _, tc := range []struct {
		args string
		want Options
		err  bool
	}{
		{args: "communications a.csv", want: Options{Kind: "communications", File: "a.csv", Dir: "."}},
		{args: "inventaire a.xlsx reg --feuille Inventaire --force -n", want: Options{Kind: "inventaire", File: "a.xlsx", Dir: "reg", Sheet: "Inventaire", Force: true, DryRun: true}},
		{args: "utilisations - --ignore-column A --ignore-column B --ignore-unknown", want: Options{Kind: "utilisations", File: "-", Dir: ".", IgnoreColumns: []string{"A", "B"}, IgnoreUnknown: true}},
		{args: "communications", err: true},
		{args: "communications a b c", err: true},
	} {
		t.Run(tc.args, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *Options
			cmd := NewCmd(&cmdutil.Factory{IO: ios, Now: time.Now}, func(o *Options) error { got = o; return nil })
			cmd.SetArgs(strings.Fields(tc.args))
			cmd.SetOut(ios.Out)
			cmd.SetErr(ios.ErrOut)
			err := cmd.Execute()
			if tc.err {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.IO = nil
			if !reflect.DeepEqual(*got, tc.want) {
				t.Errorf("got %+v\nwant %+v", *got, tc.want)
			}
		})
	}
}

const csvCom = "\ufeffPersonne ou organismes receveur;Appui légal;Communication à l’extérieur du Québec (Oui/Non)\r\n" +
	"Retraite Québec;Article 67 de la Loi sur l'accès;Non\r\n" +
	";;\r\n" +
	"\"Revenu Québec\";\"Article 67\r\nLoi sur l'administration fiscale\";Oui\r\n"

func run(t *testing.T, o *Options, stdin string) (stdout, stderr string, err error) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	o.IO = ios
	err = Run(o)
	return out.String(), errOut.String(), err
}

func setup(t *testing.T) (dir, csvPath string) {
	t.Helper()
	dir = t.TempDir()
	csvPath = filepath.Join(dir, "registre.csv")
	if err := os.WriteFile(csvPath, []byte(csvCom), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, csvPath
}

func TestRun(t *testing.T) {
	dir, csvPath := setup(t)
	_, stderr, err := run(t, &Options{Kind: "communications", File: csvPath, Dir: dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"registre : colonne absente : « Nature ou type de renseignements personnels communiqués » (obligatoire) ; les inscriptions sont écrites sans cette valeur et registre lint la signalera (COM-002)",
		"2 inscriptions créées dans communications/ (1 ligne vide ignorée).",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, "communications", "COM-0002.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := "id: COM-0002\ndestinataire: Revenu Québec\nappui_legal:\n  - Article 67\n  - Loi sur l'administration fiscale\nhors_quebec: true\n"
	if string(got) != want {
		t.Errorf("COM-0002.yaml =\n%s\nwant\n%s", got, want)
	}

	// Again: the rows are already there, nothing is created.
	if _, stderr, err = run(t, &Options{Kind: "communications", File: csvPath, Dir: dir}, ""); err != nil ||
		!strings.Contains(stderr, "registre : ligne 2 : déjà présente (COM-0001, même contenu publié), ignorée") ||
		!strings.Contains(stderr, "2 inscriptions déjà présentes, aucune créée dans communications/") {
		t.Fatalf("second import: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "communications", "COM-0003.yaml")); !os.IsNotExist(err) {
		t.Errorf("second import created COM-0003: %v", err)
	}
}

func TestRunDryRun(t *testing.T) {
	dir, _ := setup(t)
	stdout, stderr, err := run(t, &Options{Kind: "communications", File: "-", Dir: dir, DryRun: true}, csvCom)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, "-- communications/COM-0001.yaml --\nid: COM-0001\ndestinataire: Retraite Québec\n") || !strings.Contains(stdout, "-- communications/COM-0002.yaml --\n") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if !strings.Contains(stderr, "2 inscriptions seraient créées dans communications/ (1 ligne vide ignorée) ; aucun fichier écrit (--dry-run).") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "communications")); !os.IsNotExist(err) {
		t.Errorf("dry run wrote something: %v", err)
	}
}

func TestRunForce(t *testing.T) {
	dir, _ := setup(t)
	in := "Identifiant;Personne ou organisme receveur\nCOM-0007;Nouveau nom\n"
	old := filepath.Join(dir, "communications", "2024", "COM-0007.yaml")
	if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, []byte("id: COM-0007\ndestinataire: Ancien nom\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := run(t, &Options{Kind: "communications", File: "-", Dir: dir}, in)
	if err == nil || !strings.Contains(err.Error(), "ce fichier existe déjà :\n  communications/2024/COM-0007.yaml\nRien n'a été écrit. --force met à jour leurs colonnes publiées") {
		t.Fatalf("err = %v", err)
	}
	_, stderr, err := run(t, &Options{Kind: "communications", File: "-", Dir: dir, DryRun: true}, in)
	if err != nil || !strings.Contains(stderr, "Aucune inscription serait créée et 1 mettrait à jour une inscription existante dans communications/ (--force nécessaire)") {
		t.Errorf("dry run: %v\n%s", err, stderr)
	}
	_, stderr, err = run(t, &Options{Kind: "communications", File: "-", Dir: dir, Force: true}, in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "Aucune inscription créée et 1 mise à jour dans communications/.") {
		t.Errorf("stderr: %s", stderr)
	}
	if got, _ := os.ReadFile(old); string(got) != "id: COM-0007\ndestinataire: Nouveau nom\n" {
		t.Errorf("replaced file = %q", got)
	}
}

func TestRunErrors(t *testing.T) {
	dir, csvPath := setup(t)
	for _, tc := range []struct {
		name  string
		o     Options
		stdin string
		want  string
		usage bool
	}{
		{name: "unknown kind", o: Options{Kind: "plaintes", File: csvPath, Dir: dir}, want: "registre inconnu : plaintes", usage: true},
		{name: "missing file", o: Options{Kind: "communications", File: filepath.Join(dir, "nulle.csv"), Dir: dir}, want: "fichier introuvable", usage: true},
		{name: "missing folder", o: Options{Kind: "communications", File: csvPath, Dir: filepath.Join(dir, "nulle")}, want: "dossier introuvable", usage: true},
		{name: "unknown column", o: Options{Kind: "communications", File: "-", Dir: dir}, stdin: "Appui légal;Courriel\nx;y\n",
			want: "entrée standard : colonne inconnue pour le registre communications : la colonne B (« Courriel »)", usage: true},
		{name: "duplicate ids", o: Options{Kind: "communications", File: "-", Dir: dir}, stdin: "id;Appui légal\nCOM-1;x\nCOM-1;y\n",
			want: "ligne 3 : identifiant COM-1 déjà utilisé à la ligne 2", usage: true},
		{name: "bad CSV", o: Options{Kind: "communications", File: "-", Dir: dir}, stdin: "Appui légal\n\"x\n", want: "CSV invalide", usage: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := run(t, &tc.o, tc.stdin)
			var ue *cmdutil.UsageError
			if err == nil || !strings.Contains(err.Error(), tc.want) || errors.As(err, &ue) != tc.usage {
				t.Errorf("err = %v (%T), want %q", err, err, tc.want)
			}
		})
	}
}

func TestRunIgnore(t *testing.T) {
	dir, _ := setup(t)
	in := "Appui légal;Courriel;Téléphone\nx;a@b;123\n"
	_, stderr, err := run(t, &Options{Kind: "communications", File: "-", Dir: dir, IgnoreColumns: []string{"courriel", "Fax"}, IgnoreUnknown: true}, in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"registre : --ignore-column « Fax » : aucune colonne de ce titre",
		"registre : colonnes ignorées : « Courriel », « Téléphone »",
		"1 inscription créée dans communications/.",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
