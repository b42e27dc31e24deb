package fsutil

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a", "b.txt")
	if err := WriteFile(p, []byte("un")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("deux")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(got) != "deux" || st.Mode().Perm() != 0o600 {
		t.Fatalf("content %q, mode %v", got, st.Mode().Perm())
	}
	// A symbolic link is never written through: refused, target untouched.
	link := filepath.Join(dir, "lien.txt")
	if err := os.Symlink(p, link); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(link, []byte("trois"))
	if err == nil || !strings.Contains(err.Error(), "lien symbolique") {
		t.Fatalf("write through a link: err = %v", err)
	}
	got, _ = os.ReadFile(p)
	lst, _ := os.Lstat(link)
	if string(got) != "deux" || lst.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("target %q, link kept %v", got, lst.Mode()&os.ModeSymlink != 0)
	}
	// A folder: a French error naming it.
	if err := WriteFile(dir, []byte("x")); err == nil || !strings.Contains(err.Error(), dir+" est un dossier") {
		t.Fatalf("write over a folder: err = %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "a", ".registre-*"))
	if len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}
