package regdiff

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/registre-qc/registre/pkg/gitutil"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
)

// WorktreeName names the working tree in reports.
const WorktreeName = "arbre de travail"

// Snapshot is the register files of one state of the repository.
type Snapshot struct {
	Name   string // the revision as given ("HEAD", "v1.2"), or WorktreeName
	Commit string // full commit hash; "" for the working tree
	Files  []*File
	// Published lists the kinds registre.yaml publishes in this state.
	Published []*model.Kind
}

// File is one entry file of a snapshot.
type File struct {
	Path    string // slash-separated, relative to the register folder
	Kind    *model.Kind
	ID      string         // the file stem
	Values  map[string]any // nil when the file could not be decoded
	Problem string         // why it could not be decoded
	Damaged bool           // decoded with problems (a duplicate key…): never published
}

// entryKind returns the kind of an entry file path (slash-separated,
// relative to the register folder), or nil when the path is not an entry:
// the same rules as the loader (source.Load): a kind folder at the top, a
// .yaml or .yml file, no hidden, node_modules or _site folder on the way.
func entryKind(rel string) *model.Kind {
	parts := strings.Split(rel, "/")
	if len(parts) < 2 {
		return nil
	}
	for _, p := range parts {
		if strings.HasPrefix(p, ".") || p == "node_modules" || p == "_site" {
			return nil
		}
	}
	if ext := strings.ToLower(path.Ext(rel)); ext != ".yaml" && ext != ".yml" {
		return nil
	}
	return model.KindByName(parts[0])
}

// NewSnapshot decodes files (register-relative slash path → content) into a
// snapshot. Paths that are not entries are ignored, except registre.yaml,
// which gives the published kinds.
func NewSnapshot(name, commit string, files map[string][]byte) *Snapshot {
	s := &Snapshot{Name: name, Commit: commit}
	cfg := model.Config{}
	for _, p := range model.SortedKeys(files) {
		data := files[p]
		if p == model.ConfigFile || p == "registre.yml" {
			if doc, _ := source.Decode(data); doc != nil {
				pub, _ := doc.Values["publication"].(map[string]any)
				cfg.Publication.Registres = model.AsStrings(pub["registres"])
			}
			continue
		}
		k := entryKind(p)
		if k == nil {
			continue
		}
		f := &File{Path: p, Kind: k, ID: strings.TrimSuffix(path.Base(p), path.Ext(p))}
		if len(data) > source.DefaultMaxSize {
			f.Problem = fmt.Sprintf("fichier trop volumineux (plus de %d Kio)", source.DefaultMaxSize/1024)
		} else if doc, probs := source.Decode(data); doc == nil {
			f.Problem = "illisible"
			if len(probs) > 0 {
				f.Problem = fmt.Sprintf("%d:%d: %s %s", probs[0].Pos.Line, probs[0].Pos.Col, probs[0].Rule, probs[0].Message)
			}
		} else {
			f.Values = doc.Values
			f.Damaged = len(probs) > 0
			if f.Values == nil {
				f.Values = map[string]any{}
			}
		}
		s.Files = append(s.Files, f)
	}
	s.Published = cfg.Published()
	return s
}

// ofKind returns the readable files of k by id, and the others: undecodable
// files and files whose id is used twice (both are left out of the comparison).
func (s *Snapshot) ofKind(k *model.Kind) (map[string]*File, []*File) {
	ok := map[string]*File{}
	byID := map[string][]*File{}
	for _, f := range s.Files {
		if f.Kind == k {
			byID[f.ID] = append(byID[f.ID], f)
		}
	}
	var bad []*File
	for _, id := range model.SortedKeys(byID) {
		fs := byID[id]
		if len(fs) > 1 {
			for _, f := range fs {
				other := fs[0].Path
				if f == fs[0] {
					other = fs[1].Path
				}
				bad = append(bad, &File{Path: f.Path, Kind: k, ID: id,
					Problem: fmt.Sprintf("identifiant %s en double (aussi %s) : inscription non comparée", id, other)})
			}
			continue
		}
		if fs[0].Values == nil {
			bad = append(bad, fs[0])
			continue
		}
		ok[id] = fs[0]
	}
	return ok, bad
}

// ReadWorktree reads the register files of dir as they are on disk.
func ReadWorktree(dir string) (*Snapshot, error) {
	files := map[string][]byte{}
	special := map[string]string{} // links and special files: never opened
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if strings.HasPrefix(name, ".") || name == "node_modules" || name == "_site" {
				return fs.SkipDir
			}
			return nil
		}
		if rel != model.ConfigFile && rel != "registre.yml" && entryKind(rel) == nil {
			return nil
		}
		if !d.Type().IsRegular() {
			// The loader's policy (source.Load): a link is followed only
			// inside the repository, a FIFO never opened. diff compares
			// neither: it says so.
			files[rel] = nil
			special[rel] = "lien symbolique ou fichier spécial : non comparé (registre lint le vérifie)"
			return nil
		}
		data, rerr := source.ReadFile(p)
		if rerr != nil {
			files[rel] = nil
			special[rel] = "illisible : " + rerr.Error()
			return nil
		}
		files[rel] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("lecture de %s : %v", dir, err)
	}
	s := NewSnapshot(WorktreeName, "", files)
	for _, f := range s.Files {
		if why, ok := special[f.Path]; ok {
			f.Values, f.Problem = nil, why
		}
	}
	return s, nil
}

// ReadRevision reads the register files of dir at a git revision. dir may
// be a sub-folder of the git work tree: paths stay relative to dir.
func ReadRevision(dir, rev string) (*Snapshot, error) {
	if !gitutil.IsRepo(dir) {
		return nil, fmt.Errorf("%s n'est pas dans un dépôt git : registre diff compare des révisions git", dir)
	}
	commit, err := gitutil.Commit(dir, rev)
	if err != nil {
		return nil, err
	}
	tree, ok, err := gitutil.TreeFiles(dir, commit)
	if err != nil {
		return nil, err
	}
	if !ok {
		return NewSnapshot(rev, commit, nil), nil // the folder did not exist yet
	}
	type blob struct{ path, sha string }
	var blobs []blob
	links := map[string]bool{}
	for _, f := range tree {
		if f.Path != model.ConfigFile && f.Path != "registre.yml" && entryKind(f.Path) == nil {
			continue
		}
		if f.Symlink {
			links[f.Path] = true
		}
		blobs = append(blobs, blob{f.Path, f.SHA})
	}
	shas := make([]string, len(blobs))
	for i, b := range blobs {
		shas[i] = b.sha
	}
	contents, err := gitutil.CatBlobs(dir, shas, source.DefaultMaxSize)
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(blobs))
	for i, b := range blobs {
		files[b.path] = contents[i]
	}
	s := NewSnapshot(rev, commit, files)
	for _, f := range s.Files {
		if links[f.Path] {
			f.Values, f.Problem = nil, "lien symbolique : non lu dans une révision git"
		}
	}
	return s, nil
}

// Read returns the snapshot of rev, or of the working tree when rev is "".
// A repository without any commit yet has an empty HEAD.
func Read(dir, rev string) (*Snapshot, error) {
	if rev == "" {
		return ReadWorktree(dir)
	}
	if rev == "HEAD" && gitutil.IsRepo(dir) {
		if !gitutil.HasCommit(dir) {
			return NewSnapshot("HEAD (aucun commit)", "", nil), nil
		}
	}
	return ReadRevision(dir, rev)
}
