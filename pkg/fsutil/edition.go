package fsutil

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"github.com/registre-qc/registre/pkg/oserr"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Edition is who a built site is for, and the folder-name policy that goes
// with it. Editions holds them all: an audience is added there, in one place.
type Edition struct {
	Audience string // written in the marker: "public", "interne"
	Label    string // French adjective for messages: « publique », « interne »
	// Word, for a restricted edition, is the name its folder must have: the
	// folder's own name is Word or ends in "-"+Word or "_"+Word. A restricted
	// edition is never written inside (or over) a public edition. "" : public.
	Word string
}

// The editions registre builds.
var (
	PublicEdition   = Edition{Audience: "public", Label: "publique"}
	InternalEdition = Edition{Audience: "interne", Label: "interne", Word: "interne"}
	// CommissionEdition is the copy of the confidential registers the
	// Commission d'accès à l'information asks for (build --audience commission).
	CommissionEdition = Edition{Audience: "commission", Label: "pour la Commission", Word: "commission"}
	Editions          = []Edition{PublicEdition, InternalEdition, CommissionEdition}
)

// EditionByAudience finds an edition by its Audience.
func EditionByAudience(a string) (Edition, bool) {
	for _, e := range Editions {
		if e.Audience == a {
			return e, true
		}
	}
	return Edition{}, false
}

// Restricted reports whether the edition must stay out of public folders.
func (e Edition) Restricted() bool { return e.Word != "" }

// NameOK reports whether a folder named base may hold the edition.
func (e Edition) NameOK(base string) bool {
	if !e.Restricted() {
		return true
	}
	b := strings.ToLower(base)
	return b == e.Word || strings.HasSuffix(b, "-"+e.Word) || strings.HasSuffix(b, "_"+e.Word)
}

// MarkerFile is written at the root of every edition: registre recognises its
// own output by it and replaces nothing else.
const MarkerFile = ".registre-edition"

// ManifestFile and LegacyInternalMarker are how an edition built before
// MarkerFile existed is recognised (pkg/site writes them).
const (
	ManifestFile         = "SHA256SUMS"
	LegacyInternalMarker = "EDITION-INTERNE-NE-PAS-DIFFUSER.txt"
)

// markerData is the content of MarkerFile for an audience.
func markerData(audience string) []byte {
	return []byte("Ce dossier est produit par « registre build » : il est remplacé en entier à chaque publication.\naudience: " + audience + "\n")
}

// editionOf returns the audience of the edition in the folder dir ("" : not
// an edition registre built): the one its marker names, or, for an edition
// built by an older registre (no marker), the one its manifest tells. With
// strict, the folder must also hold nothing but what its manifest lists
// (foreignFile): a file the user added there is never deleted by a build.
//
// A marker that is not a small regular file (a link to /dev/zero, a named
// pipe, a device: a hostile repository can commit the link) is never
// followed nor waited on: editionOf returns oddEdition, and every caller
// then refuses to write.
func editionOf(dir string, strict bool) string {
	a := markedEdition(dir)
	if a == "" || a == oddEdition || !strict {
		return a
	}
	if foreignFile(dir) != "" {
		return ""
	}
	return a
}

// markedEdition is editionOf without the strict check.
func markedEdition(dir string) string {
	data, present, ok := readSmall(filepath.Join(dir, MarkerFile), maxMarker)
	if present && !ok {
		return oddEdition
	}
	if present {
		for _, line := range strings.Split(string(data), "\n") {
			if a, ok := strings.CutPrefix(line, "audience: "); ok {
				return strings.TrimSpace(a)
			}
		}
		return ""
	}
	listed := manifest(filepath.Join(dir, ManifestFile))
	if !listed["index.html"] || !listed["registres.json"] {
		return ""
	}
	if listed[LegacyInternalMarker] {
		return InternalEdition.Audience
	}
	return PublicEdition.Audience
}

// foreignFile returns the first file (slash path under dir) of the edition
// folder dir that its manifest does not list, besides the marker and the
// manifest themselves: something registre did not write there (a .git
// folder, a CNAME, an incident notice). "" : none.
func foreignFile(dir string) string {
	listed := manifest(filepath.Join(dir, ManifestFile))
	found := ""
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			found = rel
			return filepath.SkipAll
		}
		if d.IsDir() || rel == ManifestFile || rel == MarkerFile || listed[rel] {
			return nil
		}
		found = rel
		return filepath.SkipAll
	})
	if err != nil && found == "" {
		found = "."
	}
	return found
}

// oddEdition is what editionOf returns for a folder whose marker is not a
// file registre wrote: nobody knows which edition is there.
const oddEdition = "?"

// Bounds of what is read from a folder registre inspects.
const (
	maxMarker   = 4 << 10
	maxManifest = 16 << 20
)

// refuseOdd is the message for a folder whose marker is odd.
func refuseOdd(shown, dir string) error {
	return refuse("%s : %s n'est pas un fichier ordinaire (lien symbolique, tube nommé, périphérique…) ou est trop gros : impossible de savoir quelle édition s'y trouve ; par prudence, rien n'a été écrit ; supprimez ce fichier ou choisissez un autre dossier", shown, filepath.Join(dir, MarkerFile))
}

// manifest reads the file names of a sha256sum-format manifest (nil when it
// is not a regular file of reasonable size).
func manifest(path string) map[string]bool {
	data, _, ok := readSmall(path, maxManifest)
	if !ok || data == nil {
		return nil
	}
	names := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if _, name, ok := strings.Cut(sc.Text(), "  "); ok {
			names[name] = true
		}
	}
	return names
}

func editionLabel(audience string) string {
	if e, ok := EditionByAudience(audience); ok {
		return e.Label
	}
	return audience
}

// EditionDir checks the output folder of a built edition (build --out) and
// returns its real path. It refuses, after resolving symbolic links on both
// sides: system folders; the repository, any folder holding it, its .git and
// kind folders, a folder holding a registre.yaml; an existing folder that is
// not empty and not an edition registre built for the same audience. A
// restricted edition also needs a folder whose own name fits its Word and
// that lies in no public edition.
func (g *Guard) EditionDir(out string, ed Edition) (string, error) {
	p, err := Resolve(out)
	if err != nil {
		return "", err
	}
	if why := g.system(p); why != "" {
		return "", g.refuseSystem(out, why)
	}
	if g.repo != "" && within(g.repo, p) {
		return "", refuse("le dossier de sortie %s contient le dépôt des registres : choisissez un sous-dossier dédié (p. ex. _site)", out)
	}
	if w := g.protectedIn(p); w != "" {
		return "", refuse("le dossier de sortie %s est %s (ou s'y trouve) : il serait effacé ; choisissez un dossier dédié (p. ex. _site)", out, w)
	}
	if ed.Restricted() {
		if !ed.NameOK(filepath.Base(p)) {
			return "", refuse("une édition %s s'écrit dans un dossier nommé « %s » ou dont le nom finit par « -%s » ou « _%s » (p. ex. --out _%s), pour ne jamais la confondre avec le site public ; %s ne convient pas",
				ed.Label, ed.Word, ed.Word, ed.Word, ed.Word, out)
		}
		for a := filepath.Dir(p); ; a = filepath.Dir(a) {
			switch editionOf(a, false) {
			case oddEdition:
				return "", refuseOdd(out, a)
			case PublicEdition.Audience:
				return "", refuse("%s est dans %s, une édition publique : une édition %s ne s'écrit jamais dans le site public ; choisissez un dossier hors de %s", out, a, ed.Label, a)
			}
			if filepath.Dir(a) == a {
				break
			}
		}
	}
	st, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		if err := g.parentReady(out, p); err != nil {
			return "", err
		}
		return p, nil
	}
	if err != nil {
		return "", oserr.Explain(err)
	}
	if !st.IsDir() {
		return "", refuse("%s existe et n'est pas un dossier", out)
	}
	for _, n := range configNames {
		if _, err := os.Lstat(filepath.Join(p, n)); err == nil {
			return "", refuse("le dossier de sortie %s contient un %s : ce n'est pas un dossier de publication", out, n)
		}
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return "", oserr.Explain(err)
	}
	if len(entries) == 0 {
		return p, nil
	}
	switch a := markedEdition(p); {
	case a == oddEdition:
		return "", refuseOdd(out, p)
	case a == ed.Audience:
		if f := foreignFile(p); f != "" {
			return "", refuse("%s contient déjà des fichiers qui ne viennent pas de registre build (%s, absent de son manifeste %s) : une publication remplace le dossier en entier et les effacerait ; rien n'a été modifié ; déplacez-les hors de %s, puis relancez", out, f, ManifestFile, out)
		}
		return p, nil
	case a != "":
		return "", refuse("%s contient une édition %s : une édition %s ne la remplace jamais ; choisissez un autre dossier", out, editionLabel(a), ed.Label)
	}
	return "", refuse("%s contient déjà des fichiers qui ne viennent pas de registre build : rien n'a été modifié ; choisissez un dossier absent ou vide (p. ex. _site), ou videz-le vous-même", out)
}

// ReplaceOptions tune ReplaceDir.
type ReplaceOptions struct {
	// LockWait is how long to wait for another build into the same folder
	// to finish (0 : do not wait).
	LockWait time.Duration
}

// tmpSeq makes the temporary folder names of one process distinct.
var tmpSeq atomic.Int64

// ReplaceDir builds an edition for ed and swaps it in at out. It checks out
// with EditionDir, takes the folder's lock (another build into the same
// folder is waited for, up to o.LockWait), removes what killed builds left
// beside it, has fill write the edition into a new temporary folder beside
// out, writes MarkerFile there, then swaps it in: in one atomic exchange
// where the system allows it, so that out always holds a whole edition, the
// old or the new one. A failure leaves out as it was.
func (g *Guard) ReplaceDir(out string, ed Edition, o ReplaceOptions, fill func(tmp string) error) error {
	p, err := g.EditionDir(out, ed)
	if err != nil {
		return err
	}
	parent, base := filepath.Dir(p), filepath.Base(p)
	if err := g.mkdirAll(filepath.Dir(out), parent); err != nil {
		return err
	}
	unlock, err := lockDir(parent, base, out, o.LockWait)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := g.EditionDir(out, ed); err != nil { // again: the folder may have changed while we waited
		return err
	}
	cleanLeftovers(parent, base)
	tmp, err := makeTemp(parent, base)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // nothing left after the swap: it then holds the old edition, or nothing
	if err := fill(tmp); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, MarkerFile), markerData(ed.Audience), 0o644); err != nil {
		return oserr.Explain(err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return oserr.Explain(err)
	}
	if _, err := os.Lstat(p); err == nil {
		if err := exchange(tmp, p); err == nil {
			return nil
		}
		old := filepath.Join(parent, oldPrefix+base)
		if err := os.Rename(p, old); err != nil {
			return fmt.Errorf("impossible de remplacer %s : %s", out, oserr.Reason(err))
		}
		if err := os.Rename(tmp, p); err != nil {
			_ = os.Rename(old, p) // put the previous edition back
			return fmt.Errorf("impossible d'écrire %s : %s", out, oserr.Reason(err))
		}
		_ = os.RemoveAll(old)
		return nil
	}
	if err := os.Rename(tmp, p); err != nil {
		return fmt.Errorf("impossible d'écrire %s : %s", out, oserr.Reason(err))
	}
	return nil
}

// Names of what a build leaves beside its output folder BASE while it runs:
// .registre-DIGITS-BASE (the new edition being written; after an exchange,
// the old one being removed), .registre-ancien-BASE (the old edition while
// two renames replace it, where no atomic exchange exists) and
// .registre-verrou-BASE (the lock). Builds of registre before 0.2 used
// .BASE.tmp-DIGITS.
const (
	tmpPrefix  = ".registre-"
	oldPrefix  = ".registre-ancien-"
	lockPrefix = ".registre-verrou-"
)

func makeTemp(parent, base string) (string, error) {
	for try := 0; ; try++ {
		name := filepath.Join(parent, fmt.Sprintf("%s%d%04d-%s", tmpPrefix, os.Getpid(), tmpSeq.Add(1)%10000, base))
		err := os.Mkdir(name, 0o700)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) || try > 100 {
			return "", oserr.Explain(err)
		}
	}
}

// isLeftover reports whether name, in the folder holding the output folder
// base, is a temporary folder of a build into base.
func isLeftover(name, base string) bool {
	if rest, ok := strings.CutPrefix(name, tmpPrefix); ok {
		digits, tail, ok := strings.Cut(rest, "-")
		if ok && tail == base && digits != "" && strings.Trim(digits, "0123456789") == "" {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(name, "."+base+".tmp-"); ok {
		return rest != "" && strings.Trim(rest, "0123456789") == ""
	}
	return false
}

// cleanLeftovers removes what builds into base killed before the end left in
// parent (the caller holds the lock: no live build uses them). When out is
// missing and the old edition of an interrupted swap is there, it is put
// back first.
func cleanLeftovers(parent, base string) {
	out := filepath.Join(parent, base)
	old := filepath.Join(parent, oldPrefix+base)
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if isEdition(editionOf(old, false)) {
			_ = os.Rename(old, out)
		}
	}
	if _, err := os.Lstat(old); err == nil && isEdition(editionOf(old, false)) {
		_ = os.RemoveAll(old)
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && isLeftover(e.Name(), base) {
			_ = os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// refuseLockFile is the message when the lock file's name holds something
// registre did not make.
func refuseLockFile(name string) error {
	return refuse("%s n'est pas un fichier de verrou de registre (lien symbolique, tube nommé, fichier à plusieurs noms…) : registre n'écrit jamais à travers ; supprimez-le, puis relancez", name)
}

// lockHeld is the message when another live build holds the lock.
func lockHeld(out, lock string, pid int) error {
	who := "une autre publication"
	if pid > 0 {
		who += " (processus " + strconv.Itoa(pid) + ")"
	}
	return refuse("%s écrit déjà dans %s : attendez qu'elle finisse, puis relancez (verrou : %s)", who, out, lock)
}

// publicAbove returns the public edition folder that holds p (p itself or a
// folder above it), or "" when there is none: a confidential document (an
// incident notice) is never written there. A folder whose marker is odd (see
// editionOf) counts as a public edition, nobody can say it is not one: the
// second result says so.
func publicAbove(p string) (string, bool) {
	for dir := p; ; dir = filepath.Dir(dir) {
		switch editionOf(dir, false) {
		case PublicEdition.Audience:
			return dir, false
		case oddEdition:
			return dir, true
		}
		if filepath.Dir(dir) == dir {
			return "", false
		}
	}
}

// isEdition reports whether a is the audience of an edition registre built.
func isEdition(a string) bool { return a != "" && a != oddEdition }

// ConfidentialFile checks a file that holds confidential content (an
// incident notice): ReportFile's checks, and never inside a public edition.
func (g *Guard) ConfidentialFile(name string) (string, error) {
	p, err := Resolve(name)
	if err != nil {
		return "", err
	}
	pub, odd := publicAbove(filepath.Dir(p))
	if odd {
		return "", refuseOdd(name, pub)
	}
	if pub != "" {
		return "", refuse("%s est dans un site publié (%s) : un document confidentiel n'y est jamais écrit ; écrivez-le ailleurs, hors de tout dossier de publication (p. ex. avis/)", name, pub)
	}
	return g.ReportFile(name)
}
