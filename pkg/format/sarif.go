package format

import (
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
)

// sarifFormat writes a SARIF 2.1.0 log with one run. The rules come from
// Report.Rules (title as shortDescription, text and article as
// fullDescription and help, default severity as level); each finding is a
// result located relative to %SRCROOT%: the root of the git work tree when
// the register repository is in one (code scanning resolves paths from the
// repository root, whatever folder was linted), else the register repository
// itself. Each rule has a short PascalCase name derived from its title
// (sarifRuleNames). Suppressed
// findings are kept with suppressions [{kind: "inSource"}]; an empty
// suppressions array says a result was not suppressed. The partial
// fingerprint "registre/v1" is Finding.Fingerprint, made unique as for
// gitlab so that two identical findings are not merged into one alert.
type sarifFormat struct{}

func (sarifFormat) Name() string { return "sarif" }

const (
	sarifSchema      = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion     = "2.1.0"
	sarifSrcRoot     = "%SRCROOT%"
	sarifFingerprint = "registre/v1"
	informationURI   = "https://github.com/registre-qc/registre"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifText          `json:"help"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfiguration struct {
	Enabled *bool  `json:"enabled,omitempty"`
	Level   string `json:"level"`
}

type sarifRuleProps struct {
	Law  string   `json:"law,omitempty"`
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           *int               `json:"ruleIndex,omitempty"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions"`
	Properties          *sarifResultProps  `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifResultProps struct {
	Law   string `json:"law,omitempty"`
	Entry string `json:"entry,omitempty"`
	Key   string `json:"key,omitempty"`
}

func (sarifFormat) Write(w io.Writer, r Report, _ Options) error {
	return writeJSON(w, buildSARIF(r))
}

func buildSARIF(r Report) sarifLog {
	driver := sarifDriver{
		Name:           toolName(r),
		Version:        r.Version,
		InformationURI: informationURI,
		Rules:          make([]sarifRule, 0, len(r.Rules)),
	}
	names := sarifRuleNames(r.Rules)
	for i, ri := range r.Rules {
		rule := sarifRuleOf(ri)
		rule.Name = names[i]
		driver.Rules = append(driver.Rules, rule)
	}
	prefix := ""
	if r.InGit {
		prefix = strings.TrimPrefix(path.Clean("/"+r.GitPrefix), "/")
		if prefix != "" {
			prefix += "/"
		}
	}

	idx := ruleIndex(r.Rules)
	seen := map[string]bool{}
	results := make([]sarifResult, 0, len(r.Findings))
	for _, f := range r.Findings {
		res := sarifResult{
			RuleID:              f.Rule,
			Level:               sarifLevel(f.Severity),
			Message:             sarifText{Text: f.Message},
			PartialFingerprints: map[string]string{sarifFingerprint: uniqueFingerprint(f.Fingerprint(), seen)},
			Suppressions:        []sarifSuppression{},
		}
		if i, ok := idx[f.Rule]; ok {
			res.RuleIndex = &i
		}
		if f.Path != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLocation{URI: relativeURI(prefix + f.Path), URIBaseID: sarifSrcRoot},
			}}
			if f.Pos.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Pos.Line, StartColumn: f.Pos.Col}
			}
			res.Locations = []sarifLocation{loc}
		}
		if f.Suppressed {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Justification}}
		}
		if p := (sarifResultProps{Law: lawOf(f, r.Rules, idx), Entry: f.EntryID, Key: f.KeyPath}); p != (sarifResultProps{}) {
			res.Properties = &p
		}
		results = append(results, res)
	}

	return sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:               sarifTool{Driver: driver},
			OriginalURIBaseIDs: map[string]sarifArtifactLocation{sarifSrcRoot: srcRootOf(r)},
			// Positions come from the YAML decoder, which counts characters.
			ColumnKind: "unicodeCodePoints",
			Results:    results,
		}},
	}
}

func sarifRuleOf(ri RuleInfo) sarifRule {
	title := ri.Title
	if title == "" {
		title = ri.ID
	}
	full := ri.Text
	if full == "" {
		full = title
	}
	if ri.Law != "" {
		full += "\n\nFondement : " + ri.Law
	}
	rule := sarifRule{
		ID:                   ri.ID,
		Name:                 ri.ID,
		ShortDescription:     sarifText{Text: title},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifText{Text: full},
		HelpURI:              ri.HelpURI,
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(ri.Severity)},
		Properties:           sarifRuleProps{Law: ri.Law, Tags: []string{"registre"}},
	}
	if family, _, ok := strings.Cut(ri.ID, "-"); ok && family != "" {
		rule.Properties.Tags = append(rule.Properties.Tags, family)
	}
	if ri.Severity == finding.Off {
		disabled := false
		rule.DefaultConfiguration.Enabled = &disabled
	}
	return rule
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	case finding.Info:
		return "note"
	}
	return "none"
}

// srcRootOf describes %SRCROOT%: the git work tree's root (never written
// as an absolute path: the output does not depend on where the checkout
// is), or the register repository outside git.
func srcRootOf(r Report) sarifArtifactLocation {
	if r.InGit {
		return sarifArtifactLocation{Description: &sarifText{Text: "Racine du dépôt git (le dépôt de registres y est dans « " + displayPrefix(r.GitPrefix) + " »)"}}
	}
	return srcRootLocation(r.Root)
}

func displayPrefix(p string) string {
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return "."
	}
	return p
}

// srcRootLocation describes %SRCROOT%. An absolute root becomes a file URI;
// a relative one cannot be, so it is only described and consumers resolve
// result URIs against their own checkout, as code scanning does.
func srcRootLocation(root string) sarifArtifactLocation {
	slash := strings.ReplaceAll(root, `\`, "/")
	if isAbs(slash) {
		if !strings.HasPrefix(slash, "/") {
			slash = "/" + slash // C:/x → /C:/x
		}
		u := (&url.URL{Scheme: "file", Path: strings.TrimSuffix(slash, "/") + "/"}).String()
		return sarifArtifactLocation{URI: u}
	}
	if root == "" {
		root = "."
	}
	return sarifArtifactLocation{Description: &sarifText{Text: "Racine du dépôt de registres : " + root}}
}

// relativeURI turns a slash-separated relative path into a relative URI
// reference: each segment percent-encoded, and a colon in the first segment
// escaped so that it cannot be read as a scheme.
func relativeURI(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		s = url.PathEscape(s)
		if i == 0 {
			s = strings.ReplaceAll(s, ":", "%3A")
		}
		segs[i] = s
	}
	return strings.Join(segs, "/")
}

// sarifStop are the small words left out of rule names.
var sarifStop = map[string]bool{"de": true, "du": true, "des": true, "d": true, "la": true, "le": true, "les": true, "l": true,
	"un": true, "une": true, "a": true, "au": true, "aux": true, "et": true, "ou": true, "en": true, "par": true, "pour": true, "sur": true, "dans": true}

// sarifRuleNames gives each rule a short PascalCase name from its title
// (« Communication sans appui légal » → CommunicationSansAppuiLegal), at
// most four significant words, up to six when two rules would share a
// name, then the id appended (EntrepriseProjetSystemeInformationPRV006); a
// rule without a title is named from its id (Rule + digits).
func sarifRuleNames(rules []RuleInfo) []string {
	words := make([][]string, len(rules))
	for i, ri := range rules {
		words[i] = nameWords(ri.Title)
		if len(words[i]) == 0 {
			words[i] = []string{"Regle", strings.Map(func(r rune) rune {
				if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, ri.ID)}
		}
	}
	names := make([]string, len(rules))
	for n := 4; n <= 6; n++ {
		count := map[string]int{}
		for i := range rules {
			w := words[i]
			if len(w) > n {
				w = w[:n]
			}
			names[i] = strings.Join(w, "")
			count[names[i]]++
		}
		dup, longer := false, false
		for i := range rules {
			if count[names[i]] > 1 {
				dup = true
				longer = longer || len(words[i]) > n
			}
		}
		if !dup {
			return names
		}
		if !longer {
			break // identical titles: told apart by their ids
		}
	}
	count := map[string]int{}
	for _, n := range names {
		count[n]++
	}
	for i, ri := range rules {
		if count[names[i]] > 1 {
			names[i] += strings.ReplaceAll(strings.ReplaceAll(ri.ID, "-", ""), "_", "")
		}
	}
	return names
}

// nameWords splits a French title into capitalised ASCII words, accents
// removed, small words left out.
func nameWords(title string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(foldASCII(title), func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if sarifStop[strings.ToLower(w)] {
			continue
		}
		out = append(out, strings.ToUpper(w[:1])+w[1:])
	}
	return out
}

// foldASCII removes the accents of French letters.
func foldASCII(s string) string {
	return strings.NewReplacer("à", "a", "â", "a", "ä", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e", "î", "i", "ï", "i",
		"ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ÿ", "y", "œ", "oe", "æ", "ae",
		"À", "A", "Â", "A", "Ç", "C", "É", "E", "È", "E", "Ê", "E", "Î", "I", "Ô", "O", "Ù", "U", "Û", "U", "Œ", "Oe").Replace(s)
}
