// Package oserr says in French, with the path, what went wrong with the file
// system (ENOENT, EACCES, EEXIST, EISDIR, ENOSPC, EROFS…): every operating-system
// error that reaches a user goes through it.
package oserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// reasons are the French words for the system errors a user can meet.
var reasons = []struct {
	err error
	fr  string
}{
	{syscall.ENOENT, "fichier ou dossier introuvable"},
	{syscall.EACCES, "permission refusée"},
	{syscall.EPERM, "opération non permise"},
	{syscall.EEXIST, "existe déjà"},
	{syscall.EISDIR, "c'est un dossier"},
	{syscall.ENOTDIR, "un élément du chemin n'est pas un dossier"},
	{syscall.ENOTEMPTY, "le dossier n'est pas vide"},
	{syscall.ENOSPC, "plus d'espace libre sur le disque"},
	{syscall.EROFS, "système de fichiers en lecture seule"},
	{syscall.EXDEV, "déplacement impossible d'un disque à un autre"},
	{syscall.ELOOP, "trop de liens symboliques (boucle)"},
	{syscall.ENAMETOOLONG, "nom trop long"},
	{syscall.EMFILE, "trop de fichiers ouverts"},
	{syscall.EBUSY, "ressource occupée"},
	{syscall.EIO, "erreur d'entrée-sortie du disque"},
	{syscall.EINVAL, "argument invalide"},
	{syscall.EDQUOT, "quota de disque dépassé"},
}

// frenchReason is the French for the system error inside err.
func frenchReason(err error) string {
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.fr
		}
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return fmt.Sprintf("erreur du système n° %d", int(errno))
	}
	return err.Error()
}

// verbs are the French for the operations of os errors.
var verbs = map[string]string{
	"open": "ouvrir", "openat": "ouvrir", "read": "lire", "write": "écrire", "close": "fermer",
	"mkdir": "créer le dossier", "mkdirat": "créer le dossier", "remove": "supprimer", "unlinkat": "supprimer",
	"rename": "renommer", "stat": "consulter", "lstat": "consulter", "chmod": "changer les droits de",
	"readdir": "lire le dossier", "readdirent": "lire le dossier", "fdopendir": "lire le dossier",
	"symlink": "créer le lien", "link": "créer le lien", "sync": "enregistrer", "truncate": "tronquer",
	"mkdirtemp": "créer un dossier temporaire dans", "createtemp": "créer un fichier temporaire dans",
}

// verb is « de VERBE » for an operation, elided before a vowel (« d'ouvrir »).
func verb(op string) string {
	v, ok := verbs[strings.ToLower(op)]
	if !ok {
		v = "accéder à"
	}
	if strings.ContainsRune("aeéèêioua", []rune(v)[0]) {
		return "d'" + v
	}
	return "de " + v
}

// frenchOS returns the French sentence for an *fs.PathError, *os.LinkError
// or *os.SyscallError, and false for anything else.
func frenchOS(err error) (string, bool) {
	var le *os.LinkError
	if errors.As(err, &le) {
		return fmt.Sprintf("impossible %s %s en %s : %s", verb(le.Op), le.Old, le.New, frenchReason(le.Err)), true
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Sprintf("impossible %s %s : %s", verb(pe.Op), pe.Path, frenchReason(pe.Err)), true
	}
	var se *os.SyscallError
	if errors.As(err, &se) {
		return fmt.Sprintf("erreur du système (%s) : %s", se.Syscall, frenchReason(se.Err)), true
	}
	return "", false
}

// osError keeps the original error (errors.Is still works) behind a French message.
type osError struct {
	msg string
	err error
}

func (e *osError) Error() string { return e.msg }
func (e *osError) Unwrap() error { return e.err }

// Complete is an error whose message is already French and complete (the
// path guard's refusals): Explain and Reason keep it as it is.
type Complete interface {
	error
	FrenchComplete()
}

// Explain turns an operating-system error (ENOENT, EACCES, EEXIST, EISDIR,
// ENOSPC, EROFS…) into one whose message is French and names the path:
// « impossible d'ouvrir /x/y : permission refusée ». Other errors, and nil,
// are returned as they are.
func Explain(err error) error {
	if err == nil {
		return nil
	}
	var oe *osError
	var fr Complete
	if errors.As(err, &oe) || errors.As(err, &fr) {
		return err
	}
	if msg, ok := frenchOS(err); ok {
		return &osError{msg, err}
	}
	return err
}

// French returns the message of err with the text of any operating-system
// error inside it said in French (the last safety net before a message
// reaches the user).
func French(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	var oe *osError
	if errors.As(err, &oe) {
		return msg
	}
	var inner error
	var le *os.LinkError
	var pe *fs.PathError
	var se *os.SyscallError
	switch {
	case errors.As(err, &le):
		inner = le
	case errors.As(err, &pe):
		inner = pe
	case errors.As(err, &se):
		inner = se
	default:
		return msg
	}
	fr, _ := frenchOS(inner)
	if strings.Contains(msg, inner.Error()) {
		return strings.Replace(msg, inner.Error(), fr, 1)
	}
	return msg + " (" + fr + ")"
}

// Reason is the French reason alone (« permission refusée »), for messages
// that already name the path; a Complete error gives its whole message.
func Reason(err error) string {
	var c Complete
	if errors.As(err, &c) {
		return c.Error()
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return frenchReason(errno)
	}
	return French(err)
}
