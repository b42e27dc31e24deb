package source

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// unprivilegedEnv marks the run of the test binary that runUnprivileged starts.
const unprivilegedEnv = "REGISTRE_TEST_SANS_PRIVILEGE"

// runUnprivileged runs the test name again, in a copy of this test binary, as
// user and group 65534 (nobody) through setpriv, and fails unless it passed
// there. Without setpriv it skips, never under CI=true.
func runUnprivileged(t *testing.T, name string) {
	t.Helper()
	if os.Getenv(unprivilegedEnv) != "" {
		t.Fatal("toujours root après setpriv")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("setpriv (util-linux) est requis pour lancer %s sans privilège sous root", name)
		}
		t.Skipf("setpriv absent : %s demande un utilisateur sans privilège", name)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// A folder nobody can enter and write: the copy of the binary, the
	// working directory and TMPDIR of the run.
	dir, err := os.MkdirTemp("", "registre-sans-privilege-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "source.test")
	if err := copyFile(exe, bin); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
		bin, "-test.run=^"+name+"$", "-test.count=1", "-test.v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TMPDIR="+dir, "HOME="+dir, unprivilegedEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s sans privilège : %v\n%s", name, err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+name) {
		t.Fatalf("%s sans privilège n'a pas réussi :\n%s", name, out)
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
