package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/iostreams"
)

// TestRunExitCodes pins the mapping from outcomes to exit codes (model.md §6):
// 0 clean, 1 findings at or above the failure level, 2 usage, configuration
// or internal error. A change that makes a usage error exit 1 fails here.
func TestRunExitCodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	clean := filepath.Join(dir, "propre")
	bad := filepath.Join(dir, "fautif")
	warn := filepath.Join(dir, "avertissement")
	for _, d := range []string{clean, bad, warn} {
		if err := os.MkdirAll(filepath.Join(d, "communications"), 0o755); err != nil {
			t.Fatal(err)
		}
		cfg := "organisme: {nom: Organisme d'essai, secteur: public}\nresponsable: {titre: Responsable de l'accès, courriel: acces@exemple.org}\n"
		if err := os.WriteFile(filepath.Join(d, "registre.yaml"), []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A syntax error is always an error-level finding.
	if err := os.WriteFile(filepath.Join(bad, "communications", "COM-0001.yaml"), []byte("id: [COM-0001\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A communication whose only finding is a warning (COM-016: the entente's
	// effective date; the scenario lint_exitcodes uses the same files).
	for name, text := range map[string]string{
		"communications/COM-0001.yaml": "id: COM-0001\ndestinataire: Retraite Québec\nrenseignements: Nom et numéro de dossier\nfins: Administration du régime\nraisons: Entente administrative\nappui_legal:\n  - Article 68 de la Loi sur l'accès\nhors_quebec: false\nentente: ENT-0001\nefvp: EFVP-0001\ndebut: 2025-06-01\n",
		"ententes/ENT-0001.yaml":       "id: ENT-0001\ntitre: Entente administrative\nparties: [Organisme d'essai, Retraite Québec]\ndate_signature: 2024-01-15\narticles: [\"Article 68 de la Loi sur l'accès\"]\ntransmission_cai: 2024-02-01\nefvp: EFVP-0001\nfins: Administration du régime.\nrenseignements: Nom et numéro de dossier.\nmoyens: Dépôt sécurisé.\nmesures_securite: Chiffrement.\nperiodicite: Mensuelle\nduree: Cinq ans\n",
		"efvp/EFVP-0001.yaml":          "id: EFVP-0001\ntitre: EFVP\ndate: 2024-01-10\ndeclencheurs: [\"68\"]\nconclusion: protection_adequate\ncriteres: {identification_necessaire: true, consentement_deraisonnable: true, interet_public: true, confidentialite: true}\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(warn, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(warn, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"version", []string{"version"}, cmdutil.ExitOK},
		{"aide", []string{"--help"}, cmdutil.ExitOK},
		{"aucun constat", []string{"lint", clean}, cmdutil.ExitOK},
		{"constats", []string{"lint", bad}, cmdutil.ExitFindings},
		{"erreur au niveau d'échec", []string{"lint", bad, "--fail-level", "error"}, cmdutil.ExitFindings},
		{"avertissement sous le niveau d'échec", []string{"lint", warn}, cmdutil.ExitOK},
		{"avertissement sous --fail-level error", []string{"lint", warn, "--fail-level", "error"}, cmdutil.ExitOK},
		{"avertissement au niveau --fail-level warning", []string{"lint", warn, "--fail-level", "warning"}, cmdutil.ExitFindings},
		{"commande inconnue", []string{"nimporte"}, cmdutil.ExitError},
		{"option inconnue", []string{"lint", "--bogus"}, cmdutil.ExitError},
		{"format inconnu", []string{"lint", bad, "--format", "xml"}, cmdutil.ExitError},
		{"niveau inconnu", []string{"lint", bad, "--fail-level", "grave"}, cmdutil.ExitError},
		{"dossier absent", []string{"lint", filepath.Join(dir, "absent")}, cmdutil.ExitError},
		{"règle inconnue", []string{"explain", "COM-999"}, cmdutil.ExitError},
		{"registre inconnu", []string{"schema", "nimporte"}, cmdutil.ExitError},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			io, _, _, errOut := iostreams.Test()
			f := &cmdutil.Factory{IO: io, Now: func() time.Time { return time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC) },
				Getenv: func(string) string { return "" }, Version: "test"}
			if got := Run(f, c.args); got != c.want {
				t.Errorf("registre %v: exit %d, want %d\n%s", c.args, got, c.want, errOut)
			}
		})
	}
}

// TestChoiceFlagsCovered: every option of every command with a fixed set of
// values (those shell completion lists) has a refused value in
// testdata/script/format_choice.txtar, asserted with exit code 2.
func TestChoiceFlagsCovered(t *testing.T) {
	t.Parallel()
	script, err := os.ReadFile(filepath.Join("..", "..", "testdata", "script", "format_choice.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(script), "\n")
	io, _, _, _ := iostreams.Test()
	root := NewRoot(&cmdutil.Factory{IO: io, Now: time.Now, Getenv: func(string) string { return "" }, Version: "test"})
	n := 0
	for _, c := range root.Commands() {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if flagValues(c.Name(), f.Name) == nil {
				return
			}
			n++
			prefix, opt := "exitcode 2 registre "+c.Name()+" ", "--"+f.Name+" "
			for _, l := range lines {
				if strings.HasPrefix(l, prefix) && strings.Contains(l, opt) {
					return
				}
			}
			t.Errorf("registre %s --%s: no `%s… %s<bad value>` line in format_choice.txtar", c.Name(), f.Name, prefix, opt)
		})
	}
	if n < 10 {
		t.Fatalf("only %d options with a fixed set of values found", n)
	}
}
