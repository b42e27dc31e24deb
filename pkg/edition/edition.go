// Package edition holds what a published edition is, shared by `registre
// build` and `registre export`: the audience it is for, the output-folder
// policy of that audience, and the dates stamped on it.
package edition

import (
	"fmt"
	"strings"

	"github.com/registre-qc/registre/pkg/fsutil"
	"github.com/registre-qc/registre/pkg/gitutil"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/suggest"
	"github.com/registre-qc/registre/pkg/table"
)

// AudienceAliases are the other spellings ParseAudience accepts for an
// audience, for the options that check their value first (cmdutil.ChoiceAliases).
var AudienceAliases = map[string]string{"publique": "public", "internal": "interne"}

// ParseAudience reads --audience (public or interne; the commission copy is
// build's own case). The error is a French sentence for a usage error.
func ParseAudience(s string) (table.Audience, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "public", "publique":
		return table.PublicAudience, nil
	case "interne", "internal":
		return table.InternalAudience, nil
	}
	if sg := suggest.Value(s, []string{"public", "interne", "commission"}); sg != "" {
		return 0, fmt.Errorf("--audience invalide : %q ; vouliez-vous dire %s ? (public, interne ou commission)", s, sg)
	}
	return 0, fmt.Errorf("--audience invalide : %q (public, interne ou commission)", s)
}

// Folder is the output-folder policy of an audience (fsutil.Editions
// declares each policy; an audience added to table gets its case here).
func Folder(aud table.Audience) fsutil.Edition {
	if aud == table.InternalAudience {
		return fsutil.InternalEdition
	}
	return fsutil.PublicEdition
}

// Dates are the dates stamped on an edition.
type Dates struct {
	Site string
	Kind func(kind string) string
}

// Of takes the edition dates from epoch (the value of SOURCE_DATE_EPOCH,
// "" when unset), else the last git commit (per register folder for each
// table), else the latest date written in the entries. The clock is never
// used: the same input gives the same bytes. The only error is an invalid
// epoch.
//
// A public edition's dates reveal nothing withheld: in the register folders,
// only a commit that touched an entry published now (model.Publishable)
// counts — not one that touched a withheld entry, a kind that is never
// published, or a path that is no entry now (a withheld entry deleted or
// moved; the deletion of a published entry then does not date the edition
// either) — nor do the dates written in withheld entries; otherwise « mis à
// jour le … » with no visible change would tell that a confidential entry
// exists (art. 76 al. 2).
func Of(epoch, dir string, repo *model.Repository, aud table.Audience) (Dates, error) {
	return At(epoch, dir, "", repo, aud)
}

// At is Of for the repository as it was at commit rev (--as-of): the
// dates are those of that commit's history, whatever epoch says, so the
// edition reads as it did then.
func At(epoch, dir, rev string, repo *model.Repository, aud table.Audience) (Dates, error) {
	if epoch != "" && rev == "" {
		d, err := gitutil.EpochDate(epoch)
		if err != nil {
			return Dates{}, err
		}
		return Dates{Site: d, Kind: func(string) string { return d }}, nil
	}
	var hidden func(path string) bool // nil: every commit counts
	if aud == table.PublicAudience {
		// Fail closed: in a register folder, only a commit that touched an
		// entry published now counts. A path that holds no publishable entry
		// now — withheld, unreadable, or gone (a withheld entry deleted or
		// moved away) — never dates the edition.
		published := map[string]bool{}
		for _, e := range repo.Entries {
			if model.Publishable(e) {
				published[e.Path] = true
			}
		}
		hidden = func(p string) bool {
			top, _, _ := strings.Cut(p, "/")
			if model.KindByName(top) == nil {
				return false // registre.yaml and the like
			}
			return !published[p]
		}
	}
	if gitutil.IsRepo(dir) {
		if d := lastDate(dir, rev, ".", hidden); d != "" {
			return Dates{Site: d, Kind: func(k string) string {
				if kd := lastDate(dir, rev, k, hidden); kd != "" {
					return kd
				}
				return d
			}}, nil
		}
	}
	latest := map[string]string{}
	site := ""
	for _, e := range repo.Entries {
		if hidden != nil && !model.Publishable(e) {
			continue
		}
		for _, key := range []string{"date_revision", "date_inscription"} {
			if d := e.Date(key); d > latest[e.Kind.Name] {
				latest[e.Kind.Name] = d
			}
		}
		if latest[e.Kind.Name] > site {
			site = latest[e.Kind.Name]
		}
	}
	return Dates{Site: site, Kind: func(k string) string { return latest[k] }}, nil
}

// lastDate is the date (YYYY-MM-DD, UTC) of the newest commit under path
// (relative to dir), in the history of rev (HEAD when ""), that changed a
// file for which hidden is false; with a nil hidden, of the newest commit
// under path.
func lastDate(dir, rev, path string, hidden func(string) bool) string {
	if hidden == nil {
		if rev != "" {
			return gitutil.LastCommitDateAt(dir, rev, path)
		}
		return gitutil.LastCommitDate(dir, path)
	}
	args := []string{"log", "-z", "--relative", "--no-renames", "--format=%x01%ct", "--name-only"}
	if rev != "" {
		args = append(args, rev)
	}
	// -z: NUL-separated and unquoted names; each commit is \x01<seconds>.
	out, err := gitutil.Run(dir, append(args, "--", path)...)
	if err != nil {
		return ""
	}
	ts := ""
	for _, tok := range strings.Split(out, "\x00") {
		tok = strings.TrimLeft(tok, "\n")
		if t, ok := strings.CutPrefix(tok, "\x01"); ok {
			ts = t
			continue
		}
		if tok == "" || ts == "" || hidden(tok) {
			continue
		}
		if d, err := gitutil.EpochDate(ts); err == nil {
			return d
		}
	}
	return ""
}
