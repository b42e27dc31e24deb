package source

import (
	"errors"
	"fmt"
	"github.com/registre-qc/registre/pkg/oserr"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/parallel"
)

// Options tunes Load.
type Options struct {
	MaxSize int64 // 0 means DefaultMaxSize
	Workers int   // 0 means GOMAXPROCS
	// Hook, when set, is called once registre.yaml is loaded; the function it
	// returns runs on each decoded entry, on the loader's workers, and its
	// findings join the result. Lint uses it to check each entry while its
	// file is fresh, so that large repositories need little memory.
	Hook func(res *Result) func(e *model.Entry) []finding.Finding
	// Source, when set, runs on each decoded entry with the bytes it was
	// decoded from, on the loader's workers, before Hook's function. The
	// bytes are the worker's read buffer: valid only during the call. fmt
	// compares them with the canonical form while they are fresh, instead
	// of reading every file a second time.
	Source func(e *model.Entry, data []byte)
	// Reread gives each entry the means to decode its file again
	// (model.Entry.SetReread: the file and a sum of the bytes read), which
	// model.Entry.Compact needs; lint's lean mode sets it.
	Reread bool
}

// Result is a loaded repository with the findings of loading.
type Result struct {
	Repo     *model.Repository
	Config   *Doc // registre.yaml as decoded (nil when absent or unreadable)
	Findings []finding.Finding
	Files    int // YAML files read (entries and registre.yaml)
	// Links holds the entry paths read through a symbolic link (to a file
	// inside the repository): fmt leaves them as they are.
	Links map[string]bool
}

// Usage errors (exit code 2) are returned as *Error.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

type file struct {
	rel  string // slash path
	abs  string // the path to open: the file, or the link's resolved target
	kind *model.Kind
}

// configAlt is the other accepted name of registre.yaml.
const configAlt = "registre.yml"

// What the walk ignores, and why (README « Lecture des fichiers »): outside
// the register folders, folders and files whose name starts with a dot
// (.git, .github, .vscode, .pre-commit-config.yaml: tools' files), _site
// (the published site) and node_modules (a site generator's dependencies).
// Inside a register folder nothing is ignored in silence: such a folder or
// a hidden YAML file there is a finding (REF-009). Files that are not YAML
// (.gitkeep, .DS_Store, notes.txt) are not register files anywhere.
func ignoredName(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules" || name == "_site"
}

// Ignored reports whether the loader passes over the slash path rel
// (relative to the repository root) without reading it or reporting it: a
// file that is not YAML, or one under an ignored name outside the register
// folders.
func Ignored(rel string) bool {
	ext := strings.ToLower(path.Ext(rel))
	if ext != ".yaml" && ext != ".yml" {
		return true
	}
	parts := strings.Split(rel, "/")
	if len(parts) > 1 && model.KindByName(parts[0]) != nil {
		return false
	}
	for _, p := range parts {
		if ignoredName(p) {
			return true
		}
	}
	return false
}

// Load walks root and decodes every register file.
//
// The file-opening policy: root is resolved (symbolic links followed) before
// the walk; only regular files are opened, without blocking and without
// following a link swapped in meanwhile (anything else, a FIFO, a socket or
// a device, is a finding, YAML-008); a symbolic link is followed only when
// it resolves inside the repository (to a file: read as if it were there;
// to a folder: reported, not followed); a link that resolves outside is
// never read and is a finding (YAML-009). A folder that is not a register
// repository is an *Error.
func Load(root string, opts Options) (*Result, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, &Error{fmt.Sprintf("dossier introuvable : %s", root)}
	}
	if !st.IsDir() {
		return nil, &Error{fmt.Sprintf("%s n'est pas un dossier : indiquez le dossier du dépôt des registres", root)}
	}
	real, err := realDir(root)
	if err != nil {
		return nil, &Error{fmt.Sprintf("impossible de lire %s : %s", root, osErrorFrench(err))}
	}
	if !IsRepo(real) {
		return nil, notRepo(root)
	}
	if opts.MaxSize <= 0 {
		opts.MaxSize = DefaultMaxSize
	}
	res := &Result{Repo: &model.Repository{Root: root, ByID: map[string]*model.Entry{}}, Links: map[string]bool{}}
	var files []file
	var configPath, configOpen string
	altSeen := false

	walkErr := filepath.WalkDir(real, func(p string, de fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(real, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			if rel == "." {
				return err
			}
			res.add(finding.Finding{Path: rel, Rule: "YAML-008", Severity: finding.Error,
				Message: "impossible de lire : " + osErrorFrench(err)})
			if de != nil && de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if rel == "." {
			return nil
		}
		name := de.Name()
		top := firstElem(rel)
		kind := model.KindByName(top)
		inKind := kind != nil && top != rel
		ext := strings.ToLower(path.Ext(name))
		isYAML := ext == ".yaml" || ext == ".yml"
		if ignoredName(name) {
			if inKind && (de.IsDir() || isYAML) {
				msg := fmt.Sprintf("fichier caché (nom commençant par un point) dans le dossier du registre %s : registre ne le lit pas, il ne serait ni vérifié ni publié ; renommez-le sans le point initial ou retirez-le du dossier", kind.Name)
				if de.IsDir() {
					msg = fmt.Sprintf("dossier « %s » dans le dossier du registre %s : registre ne lit pas ce qu'il contient, qui ne serait ni vérifié ni publié ; déplacez les inscriptions hors de ce dossier ou retirez-le du dossier du registre", name, kind.Name)
				}
				res.add(finding.Finding{Path: rel, Rule: "REF-009", Severity: finding.Error, Message: msg})
			}
			if de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if de.IsDir() {
			return nil
		}
		// relevant: a path the loader would read, or in (or named as) a register folder.
		relevant := isYAML || kind != nil
		open := p
		if de.Type()&fs.ModeSymlink != 0 {
			// A broken link or a link to a folder is also reported below
			// the top (a folder may hold entries), as it always was.
			nested := relevant || strings.Contains(rel, "/")
			target, serr := filepath.EvalSymlinks(p)
			if serr != nil {
				if nested {
					res.add(finding.Finding{Path: rel, Rule: "YAML-008", Severity: finding.Error,
						Message: "lien symbolique illisible : " + osErrorFrench(serr)})
				}
				return nil
			}
			if !within(real, target) {
				if tst, err := os.Stat(target); relevant || nested && err == nil && tst.IsDir() {
					res.add(finding.Finding{Path: rel, Rule: "YAML-009", Severity: finding.Error,
						Message: "lien symbolique vers l'extérieur du dépôt (" + target + ") : registre ne lit, ne publie ni ne réécrit jamais un fichier hors du dépôt ; copiez le fichier dans le dépôt à la place du lien"})
				}
				return nil
			}
			tst, serr := os.Stat(target)
			switch {
			case serr != nil:
				if nested {
					res.add(finding.Finding{Path: rel, Rule: "YAML-008", Severity: finding.Error,
						Message: "lien symbolique illisible : " + osErrorFrench(serr)})
				}
				return nil
			case tst.IsDir():
				if nested {
					res.add(finding.Finding{Path: rel, Rule: "YAML-008", Severity: finding.Error,
						Message: "lien symbolique vers un dossier : registre ne suit pas les liens de dossiers ; copiez les fichiers dans le dépôt"})
				}
				return nil
			case !tst.Mode().IsRegular():
				if relevant {
					res.add(notRegular(rel, tst.Mode()))
				}
				return nil
			}
			if isYAML {
				res.Links[rel] = true
			}
			open = target
		} else if !de.Type().IsRegular() {
			if relevant {
				res.add(notRegular(rel, de.Type()))
			}
			return nil
		}
		if !isYAML {
			// In a register folder, a file named like an entry but not
			// .yaml (COM-0001, COM-0001.txt, COM-0001.yaml.bak) would be
			// neither checked nor published: said, not skipped.
			if stem, _, _ := strings.Cut(name, "."); inKind && model.ValidID(kind, stem) {
				res.add(finding.Finding{Path: rel, Rule: "REF-009", Severity: finding.Error,
					Message: fmt.Sprintf("fichier nommé comme une inscription mais sans l'extension .yaml : registre ne le lit pas, il ne serait ni vérifié ni publié ; renommez-le %s.yaml ou retirez-le du dossier %s", stem, kind.Name)})
			}
			return nil
		}
		if rel == model.ConfigFile {
			configPath, configOpen = rel, open
			return nil
		}
		if rel == configAlt {
			altSeen = true
			if configPath == "" {
				configPath, configOpen = rel, open
			}
			return nil
		}
		if kind == nil || top == rel {
			res.add(finding.Finding{Path: rel, Pos: finding.Position{Line: 1, Col: 1}, Rule: "REF-005", Severity: finding.Error,
				Message: fmt.Sprintf("fichier YAML hors de tout dossier de registre : placez-le dans l'un des dossiers %s", strings.Join(model.KindNames(), ", "))})
			return nil
		}
		files = append(files, file{rel: rel, abs: open, kind: kind})
		return nil
	})
	if walkErr != nil {
		return nil, &Error{fmt.Sprintf("impossible de parcourir %s : %s", root, osErrorFrench(walkErr))}
	}
	if altSeen && configPath == model.ConfigFile {
		res.add(finding.Finding{Path: configAlt, Pos: finding.Position{Line: 1, Col: 1}, Rule: "REF-009", Severity: finding.Error,
			Message: "registre.yml est ignoré : registre.yaml, présent aussi, est le fichier de réglages utilisé ; reportez dans registre.yaml ce qui doit l'être, puis supprimez registre.yml"})
	}

	if configPath != "" {
		res.Files++
		data, f := readFile(configOpen, configPath, opts.MaxSize)
		if f != nil {
			res.add(*f)
		} else {
			doc, probs := Decode(data)
			for _, pr := range probs {
				res.add(finding.Finding{Path: configPath, Pos: pr.Pos, Rule: pr.Rule, Severity: finding.Error, Message: pr.Message})
			}
			res.Config = doc
			if doc != nil {
				res.Repo.ConfigPositions = doc.Positions
				decodeConfig(doc.Values, &res.Repo.Config)
			}
		}
	} else if !hasConfig(real) { // present but unreadable (a FIFO, a link outside): already a finding
		res.add(finding.Finding{Path: model.ConfigFile, Rule: "REF-007", Severity: finding.Warning,
			Message: "registre.yaml absent : les réglages par défaut s'appliquent (organisme public) ; « registre init » en crée un"})
	}

	var onEntry func(*model.Entry) []finding.Finding
	if opts.Hook != nil {
		onEntry = opts.Hook(res)
	}

	// Decode files in parallel; results keep the walk's (sorted) order.
	type out struct {
		entry    *model.Entry
		findings []finding.Finding
	}
	outs := make([]out, len(files))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	bufs := make([][]byte, workers) // one reused read buffer per worker
	parallel.For(len(files), workers, func(w, i int) {
		var data []byte
		outs[i].entry, outs[i].findings, data = loadEntry(files[i], opts.MaxSize, &bufs[w])
		if opts.Reread && outs[i].entry != nil {
			outs[i].entry.SetReread(rereader(files[i], opts.MaxSize, maphash.Bytes(sumSeed, data)))
		}
		if opts.Source != nil && outs[i].entry != nil {
			opts.Source(outs[i].entry, data)
		}
		if onEntry != nil && outs[i].entry != nil {
			outs[i].findings = append(outs[i].findings, onEntry(outs[i].entry)...)
		}
	})

	res.Files += len(files)
	for _, o := range outs {
		for _, f := range o.findings {
			res.add(f)
		}
		e := o.entry
		if e == nil {
			continue
		}
		if prev, dup := res.Repo.ByID[e.ID]; dup {
			prev.Damaged = true // which copy is meant is uncertain: never published (model.Publishable)
			res.add(finding.Finding{Path: e.Path, Pos: e.At("id"), Rule: "REF-002", Severity: finding.Error, EntryID: e.ID, KeyPath: "id",
				Message: fmt.Sprintf("identifiant %s en double : déjà utilisé par %s ; chaque identifiant est unique dans le dépôt", e.ID, prev.Path)})
			continue
		}
		res.Repo.ByID[e.ID] = e
		res.Repo.Entries = append(res.Repo.Entries, e)
	}
	sort.SliceStable(res.Repo.Entries, func(i, j int) bool { return res.Repo.Entries[i].Path < res.Repo.Entries[j].Path })
	res.Repo.Unloaded = unloaded(res, configPath)
	return res, nil
}

// unloaded lists the files the loader reported without loading them as
// entries (model.Repository.Unloaded), sorted.
func unloaded(res *Result, configPath string) []string {
	loaded := make(map[string]bool, len(res.Repo.Entries))
	for _, e := range res.Repo.Entries {
		loaded[e.Path] = true
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range res.Findings {
		if f.Path == "" || f.Path == configPath || f.Path == model.ConfigFile || f.Path == configAlt || loaded[f.Path] || seen[f.Path] {
			continue
		}
		seen[f.Path] = true
		out = append(out, f.Path)
	}
	sort.Strings(out)
	return out
}

func (r *Result) add(f finding.Finding) { r.Findings = append(r.Findings, f) }

func firstElem(rel string) string {
	if i := strings.IndexByte(rel, '/'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// readFile reads at most max bytes of a regular file; anything else, a
// larger or an unreadable file is a finding.
func readFile(abs, rel string, max int64) ([]byte, *finding.Finding) {
	return readFileInto(nil, abs, rel, max)
}

// readFileInto is readFile reading into buf's storage when it is large
// enough (the loader's workers reuse one buffer each: decoding copies what it
// keeps).
func readFileInto(buf []byte, abs, rel string, max int64) ([]byte, *finding.Finding) {
	data, err := readRegularInto(buf, abs, max)
	var nr *notRegularError
	switch {
	case errors.As(err, &nr):
		f := notRegular(rel, nr.mode)
		return nil, &f
	case errors.Is(err, errTooBig):
		return nil, tooBig(rel, max)
	case err != nil:
		return nil, &finding.Finding{Path: rel, Rule: "YAML-008", Severity: finding.Error, Message: "impossible de lire : " + osErrorFrench(err)}
	}
	return data, nil
}

var errTooBig = errors.New("fichier trop volumineux")

type notRegularError struct{ mode fs.FileMode }

func (e *notRegularError) Error() string {
	return "ce n'est pas un fichier ordinaire (" + modeFrench(e.mode) + ")"
}

// ReadFile reads the regular file name (at most DefaultMaxSize bytes) the
// way the loader does: without following a symbolic link in its last
// element and without blocking on a named pipe. Commands that read an entry
// again after Load (fmt, diff) use it.
func ReadFile(name string) ([]byte, error) {
	data, err := readRegular(name, DefaultMaxSize)
	if errors.Is(err, errTooBig) {
		return nil, fmt.Errorf("fichier trop volumineux (plus de %d Kio)", DefaultMaxSize/1024)
	}
	return data, err
}

// ReadInput reads a file the user names on the command line (the table of
// registre import): a symbolic link is followed, since the user chose it,
// but only a regular file is read — never a named pipe, a socket or a
// device such as /dev/zero — and at most max bytes. Errors are French and
// name the file.
func ReadInput(name string, max int64) ([]byte, error) {
	real, err := filepath.EvalSymlinks(name)
	if err != nil {
		return nil, fmt.Errorf("impossible de lire %s : %s", name, osErrorFrench(err))
	}
	data, err := readRegular(real, max)
	var nr *notRegularError
	switch {
	case errors.As(err, &nr):
		return nil, fmt.Errorf("%s n'est pas un fichier ordinaire (%s) : registre ne lit que des fichiers ; enregistrez le tableau dans un fichier, ou passez-le sur l'entrée standard avec « - »", name, modeFrench(nr.mode))
	case errors.Is(err, errTooBig):
		return nil, fmt.Errorf("%s est trop volumineux (plus de %d Mio) : découpez le tableau", name, max>>20)
	case err != nil:
		return nil, fmt.Errorf("impossible de lire %s : %s", name, osErrorFrench(err))
	}
	return data, nil
}

func readRegular(name string, max int64) ([]byte, error) {
	return readRegularInto(nil, name, max)
}

func readRegularInto(buf []byte, name string, max int64) ([]byte, error) {
	f, err := openNoBlock(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &notRegularError{st.Mode()}
	}
	if st.Size() > max {
		return nil, errTooBig
	}
	// Read the size stat announced plus one byte, to notice a file that grew.
	if int64(cap(buf)) < st.Size()+1 {
		buf = make([]byte, 0, st.Size()+1)
	}
	buf = buf[:0]
	data, err := readAllInto(buf, io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, errTooBig
	}
	return data, nil
}

// notRegular is the finding for a FIFO, a socket or a device where a file is expected.
func notRegular(rel string, m fs.FileMode) finding.Finding {
	return finding.Finding{Path: rel, Rule: "YAML-008", Severity: finding.Error,
		Message: "ce n'est pas un fichier ordinaire (" + modeFrench(m) + ") : registre ne lit que des fichiers ; remplacez-le par un fichier YAML ou retirez-le du dépôt"}
}

func modeFrench(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "tube nommé"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "périphérique"
	case m&fs.ModeSymlink != 0:
		return "lien symbolique"
	case m.IsDir():
		return "dossier"
	}
	return "fichier spécial"
}

func tooBig(rel string, max int64) *finding.Finding {
	return &finding.Finding{Path: rel, Pos: finding.Position{Line: 1, Col: 1}, Rule: "YAML-006", Severity: finding.Error,
		Message: fmt.Sprintf("fichier trop volumineux (plus de %d Kio) : une inscription tient en quelques kilo-octets", max/1024)}
}

// readAllInto reads r to EOF into buf, growing it only if needed.
func readAllInto(buf []byte, r io.Reader) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// loadEntry reads and decodes one entry file; it returns the bytes read too.
func loadEntry(f file, max int64, buf *[]byte) (*model.Entry, []finding.Finding, []byte) {
	data, ff := readFileInto(*buf, f.abs, f.rel, max)
	if ff != nil {
		return nil, []finding.Finding{*ff}, nil
	}
	if cap(data) <= 1<<20 { // kept for the worker's next file; a huge one is let go
		*buf = data[:0]
	}
	stem := strings.TrimSuffix(path.Base(f.rel), path.Ext(f.rel))
	doc, probs := Decode(data)
	var out []finding.Finding
	for _, pr := range probs {
		out = append(out, finding.Finding{Path: f.rel, Pos: pr.Pos, Rule: pr.Rule, Severity: finding.Error, Message: pr.Message, EntryID: stem})
	}
	if doc == nil {
		return nil, out, data
	}
	e := &model.Entry{Kind: f.kind, ID: stem, Path: f.rel, Values: doc.Values, Positions: doc.Positions, Damaged: len(probs) > 0}
	if !model.ValidID(f.kind, stem) {
		out = append(out, finding.Finding{Path: f.rel, Pos: finding.Position{Line: 1, Col: 1}, Rule: "REF-004", Severity: finding.Error, EntryID: stem,
			Message: fmt.Sprintf("nom de fichier « %s » invalide pour le registre %s : il doit commencer par %s- suivi d'un numéro (p. ex. %s-0001.yaml)",
				path.Base(f.rel), f.kind.Name, f.kind.Prefix, f.kind.Prefix)})
	}
	if id, ok := e.Values["id"]; ok {
		if s, isStr := id.(string); !isStr || strings.TrimSpace(s) != stem {
			out = append(out, finding.Finding{Path: f.rel, Pos: e.At("id"), Rule: "REF-003", Severity: finding.Error, EntryID: stem, KeyPath: "id",
				Message: fmt.Sprintf("l'identifiant « %s » ne correspond pas au nom du fichier (%s) : ils doivent être identiques", model.AsString(id), stem)})
		}
	}
	return e, out, data
}

// sumSeed seeds the sums of the files the loader reads: a sum is compared
// only within one run (see rereader).
var sumSeed = maphash.MakeSeed()

// rereader returns the function that decodes the file of an entry again,
// for an entry lint made compact (model.Entry.Compact): the same file,
// opened the same way, which must hold the bytes first read (sum).
func rereader(f file, max int64, sum uint64) func() (*model.Entry, error) {
	return func() (*model.Entry, error) {
		data, ff := readFile(f.abs, f.rel, max)
		if ff != nil {
			return nil, fmt.Errorf("%s : %s", f.rel, ff.Message)
		}
		if maphash.Bytes(sumSeed, data) != sum {
			return nil, fmt.Errorf("%s a changé pendant la vérification : relancez la commande", f.rel)
		}
		doc, _ := Decode(data)
		if doc == nil {
			return nil, fmt.Errorf("%s ne se décode plus", f.rel)
		}
		stem := strings.TrimSuffix(path.Base(f.rel), path.Ext(f.rel))
		return &model.Entry{Kind: f.kind, ID: stem, Path: f.rel, Values: doc.Values, Positions: doc.Positions}, nil
	}
}

// osErrorFrench explains common file-system errors in French.
func osErrorFrench(err error) string {
	var pe *fs.PathError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission refusée"
	case errors.Is(err, fs.ErrNotExist):
		return "fichier ou dossier introuvable (lien symbolique brisé ?)"
	case strings.Contains(msg, "too many levels of symbolic links"), strings.Contains(msg, "too many links"):
		return "boucle de liens symboliques"
	case strings.Contains(msg, "is a directory"):
		return "c'est un dossier"
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return oserr.Reason(errno) // « nom trop long »…: never the system's English
	}
	return msg
}

// decodeConfig copies the decoded registre.yaml values into c (the schema reports shape errors).
func decodeConfig(v map[string]any, c *model.Config) {
	org, _ := v["organisme"].(map[string]any)
	c.Organisme.Nom = model.AsString(org["nom"])
	c.Organisme.Sigle = model.AsString(org["sigle"])
	c.Organisme.Secteur = model.AsString(org["secteur"])
	c.Organisme.Categorie = model.AsString(org["categorie"])
	c.Organisme.NEQ = model.AsString(org["neq"])
	resp, _ := v["responsable"].(map[string]any)
	c.Responsable.Titre = model.AsString(resp["titre"])
	c.Responsable.Nom = model.AsString(resp["nom"])
	c.Responsable.Courriel = model.AsString(resp["courriel"])
	c.Responsable.Telephone = model.AsString(resp["telephone"])
	c.Responsable.Adresse = model.AsString(resp["adresse"])
	pub, _ := v["publication"].(map[string]any)
	c.Publication.Titre = model.AsString(pub["titre"])
	c.Publication.URL = model.AsString(pub["url"])
	c.Publication.Registres = model.AsStrings(pub["registres"])
	if pre, ok := pub["preambules"].(map[string]any); ok {
		c.Publication.Preambules = map[string]string{}
		for k, x := range pre {
			if s, ok := x.(string); ok {
				c.Publication.Preambules[k] = s
			}
		}
	}
	lint, _ := v["lint"].(map[string]any)
	if r, ok := lint["regles"].(map[string]any); ok {
		c.Lint.Regles = map[string]string{}
		for k, x := range r {
			c.Lint.Regles[k] = model.AsString(x)
		}
	}
	c.Lint.NiveauEchec = model.AsString(lint["niveau_echec"])
	if n, ok := lint["revision_mois"].(int64); ok {
		c.Lint.RevisionMois = int(n)
	}
	if n, ok := lint["delai_avis_cai_jours"].(int64); ok {
		c.Lint.DelaiAvisCAIJours = int(n)
	}
}

// KindIDs returns the ids (file stems) found in kind k's folder under root,
// with their slash-separated paths, for numbering new entries. A missing
// folder has no ids; dot-files and dot-folders are ignored, as by Load.
func KindIDs(root string, k *model.Kind) (map[string]string, error) {
	out := map[string]string{}
	dir := filepath.Join(root, k.Name)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(path.Ext(d.Name()))
		if d.IsDir() || ext != ".yaml" && ext != ".yml" {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		stem := strings.TrimSuffix(d.Name(), path.Ext(d.Name()))
		if _, dup := out[stem]; !dup {
			out[stem] = filepath.ToSlash(rel)
		}
		return nil
	})
	return out, err
}
