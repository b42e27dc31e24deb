package html

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/registre-qc/registre/pkg/render/internal/sample"
)

const chromiumPath = "/usr/bin/chromium"

// skipOrFail skips the test with a reason, except under CI (CI=true),
// where a missing tool must fail the run instead of hiding it.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true: "+format, args...)
	}
	t.Skipf(format, args...)
}

// repoRoot walks up from the package folder to the folder holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the package folder")
		}
		dir = parent
	}
}

// TestAccessibility renders the sample site (public and internal editions,
// an empty register, hostile text, a long register) and runs
// tools/a11y/check.mjs on it: axe-core with the WCAG 2.0/2.1 A and AA tags in
// Debian's Chromium, the filter box, the page without JavaScript, and at 1280
// and 390 px no sideways overflow with the « Communication à l'extérieur du
// Québec » values in view.
func TestAccessibility(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode: accessibility check in Chromium skipped")
	}
	root := repoRoot(t)
	tool := filepath.Join(root, "tools", "a11y")
	node, err := exec.LookPath("node")
	if err != nil {
		skipOrFail(t, "node not found on PATH: install Node.js to run the accessibility check")
	}
	if _, err := os.Stat(filepath.Join(tool, "node_modules", "axe-core")); err != nil {
		skipOrFail(t, "tools/a11y/node_modules missing: run `cd tools/a11y && npm ci`")
	}
	if _, err := os.Stat(filepath.Join(tool, "node_modules", "playwright-core")); err != nil {
		skipOrFail(t, "tools/a11y/node_modules/playwright-core missing: run `cd tools/a11y && npm ci`")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		skipOrFail(t, "%s missing: apt-get install -y chromium", chromiumPath)
	}

	dir := t.TempDir()
	site := sampleSite()
	site.Tables = append(site.Tables, sample.Large(300, 100, 900, 5))
	site.Tables[len(site.Tables)-1].Kind = "communications-longues"
	writeSite(t, dir, site)
	internal := sampleSite()
	internal.Internal = true
	writeSite(t, filepath.Join(dir, "interne"), internal)
	hostile := sample.Site(sample.Hostile())
	hostile.Org = "Organisme <script>alert('org')</script>"
	writeSite(t, filepath.Join(dir, "hostile"), hostile)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(tool, "check.mjs"), dir)
	cmd.Dir = tool
	out, err := cmd.CombinedOutput()
	t.Logf("node tools/a11y/check.mjs:\n%s", out)
	var exit *exec.ExitError
	// The check of the column the law asks to show ran, at both widths, on
	// the communications pages (public and internal editions).
	for _, w := range []string{"1280", "390"} {
		want := "« Communication à l'extérieur du Québec » visible à " + w + " px"
		if n := strings.Count(string(out), want); n < 2 {
			t.Errorf("check.mjs output has %q %d time(s), want at least 2", want, n)
		}
	}
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		t.Fatal("accessibility problems found (see the output above)")
	default:
		t.Fatalf("check.mjs failed to run: %v", err)
	}
}
