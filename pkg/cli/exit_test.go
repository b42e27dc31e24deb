package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

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
	for _, d := range []string{clean, bad} {
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
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"version", []string{"version"}, cmdutil.ExitOK},
		{"aide", []string{"--help"}, cmdutil.ExitOK},
		{"constats", []string{"lint", bad}, cmdutil.ExitFindings},
		{"constats sous le niveau d'échec", []string{"lint", bad, "--fail-level", "error"}, cmdutil.ExitFindings},
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
