package oserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

func TestExplain(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/x/a", Err: syscall.ENOENT}, "impossible d'ouvrir /x/a : fichier ou dossier introuvable"},
		{&fs.PathError{Op: "open", Path: "/x/a", Err: syscall.EACCES}, "impossible d'ouvrir /x/a : permission refusée"},
		{&fs.PathError{Op: "mkdir", Path: "/x", Err: syscall.EEXIST}, "impossible de créer le dossier /x : existe déjà"},
		{&fs.PathError{Op: "write", Path: "/tmp", Err: syscall.EISDIR}, "impossible d'écrire /tmp : c'est un dossier"},
		{&fs.PathError{Op: "write", Path: "/d/f", Err: syscall.ENOSPC}, "impossible d'écrire /d/f : plus d'espace libre sur le disque"},
		{&fs.PathError{Op: "open", Path: "/ro/f", Err: syscall.EROFS}, "impossible d'ouvrir /ro/f : système de fichiers en lecture seule"},
		{&os.LinkError{Op: "rename", Old: "/.registre-1", New: "/tmp", Err: syscall.EEXIST}, "impossible de renommer /.registre-1 en /tmp : existe déjà"},
	}
	for _, c := range cases {
		got := Explain(c.err)
		if got.Error() != c.want {
			t.Errorf("Explain = %q, want %q", got, c.want)
		}
		if !errors.Is(got, c.err.(interface{ Unwrap() error }).Unwrap()) {
			t.Errorf("Explain(%v) lost the system error", c.err)
		}
		wrapped := fmt.Errorf("publication : %w", c.err)
		if fr := French(wrapped); fr != "publication : "+c.want {
			t.Errorf("French = %q", fr)
		}
	}
	if Explain(nil) != nil {
		t.Error("Explain(nil) != nil")
	}
}
