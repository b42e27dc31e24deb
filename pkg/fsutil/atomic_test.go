package fsutil

import (
	"os"
	"path/filepath"
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
	link := filepath.Join(dir, "lien.txt")
	if err := os.Symlink(p, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("deux")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	lst, _ := os.Lstat(link)
	if string(got) != "deux" || st.Mode().Perm() != 0o600 || lst.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("content %q, mode %v, link kept %v", got, st.Mode().Perm(), lst.Mode()&os.ModeSymlink != 0)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "a", ".registre-*"))
	if len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}
