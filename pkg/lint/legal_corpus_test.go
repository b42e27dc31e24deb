package lint_test

// The legal corpus (testdata/legal): small register repositories whose
// expected findings come from the law (legal.md §1–§4, §8), not from what the
// rules happen to do. Each case is linted with the real pipeline; the test
// prints a confusion matrix and fails on any disagreement that is not listed
// in testdata/legal/KNOWN_DISAGREEMENTS.txt, and on any listed case that no
// longer disagrees (the list only shrinks). `make legal` prints the matrix.

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/lint"
	"github.com/registre-qc/registre/pkg/rule"
)

// pruneKnown removes from KNOWN_DISAGREEMENTS.txt the cases that no longer
// disagree (it never adds one): `make legal-prune`, after merging rule fixes.
var pruneKnown = flag.Bool("prune-known", false, "retire de testdata/legal/KNOWN_DISAGREEMENTS.txt les cas qui ne divergent plus")

// corpusToday is the date every case is linted on.
const corpusToday = "2026-01-15"

// minCases is the size the corpus must keep.
const minCases = 130

// comparedPrefixes are the legal rule prefixes compared with the expectations;
// the tool's own findings (YAML, SCH, REF, SUP) count only when a case expects them.
var comparedPrefixes = map[string]bool{"INV": true, "COM": true, "UTI": true, "COL": true, "EFVP": true,
	"ENT": true, "INC": true, "PUB": true, "CIT": true, "PRV": true}

// announcedRules are rule ids that the rule engineers were asked to add for
// issue 7: expectations may name them before they exist (they then show as
// disagreements), and the coverage test requires a case for each.
var announcedRules = []string{"ENT-007", "COM-025", "UTI-009", "UTI-010", "COM-026", "COM-027", "COL-003",
	"PRV-009", "PRV-010", "PRV-011", "PRV-012", "PUB-009", "INV-015", "INC-015", "CIT-009"}

// retiredByIssue7 are rules that issue 7 retires (ids never change meaning):
// the corpus names them in « muet: » instead of expecting them. A rule whose
// Retired field is set (once the rule engineers' branches are merged) counts too.
var retiredByIssue7 = map[string]string{"UTI-008": "remplacée par UTI-010 (legal.md §4.14)"}

// retired reports whether r is withdrawn, read by reflection so that the test
// builds before and after the Retired field exists.
func retired(r *rule.Rule) bool {
	if _, ok := retiredByIssue7[r.ID]; ok {
		return true
	}
	f := reflect.ValueOf(r).Elem().FieldByName("Retired")
	return f.IsValid() && f.Kind() == reflect.String && f.String() != ""
}

func corpusDir() string { return filepath.Join("..", "..", "testdata", "legal") }

// pair is one expected or reported (rule, severity).
type pair struct {
	Rule string
	Sev  finding.Severity
}

func (p pair) String() string { return p.Rule + " " + p.Sev.String() }

func (p pair) prefix() string {
	if i := strings.LastIndexByte(p.Rule, '-'); i > 0 {
		return p.Rule[:i]
	}
	return p.Rule
}

// significant: warnings and errors make a case positive; infos do not.
func (p pair) significant() bool { return p.Sev >= finding.Warning }

type legalCase struct {
	Name       string
	Situation  string
	Article    string
	Exceptions []string
	Expect     []pair
	Silent     []string // rules at stake that must not fire (muet:)
	Forbidden  []string // citations no finding of the case may make (interdit:)
	Compare    []string // tool rules compared in this case too (compare:), e.g. SCH-001
	Secteur    string
	Files      []txtar.File
}

func (c *legalCase) positive() bool {
	for _, p := range c.Expect {
		if p.significant() {
			return true
		}
	}
	return false
}

// parseCase reads one case; problems are returned, never skipped.
func parseCase(path string) (*legalCase, error) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		return nil, err
	}
	c := &legalCase{Name: strings.TrimSuffix(filepath.Base(path), ".txtar"), Files: ar.Files}
	none := false
	for i, line := range strings.Split(strings.TrimRight(string(ar.Comment), "\n"), "\n") {
		key, val, ok := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		if !ok || val == "" {
			return nil, fmt.Errorf("ligne %d de l'en-tête : « clé: valeur » attendu, lu %q", i+1, line)
		}
		switch key {
		case "situation":
			c.Situation = val
		case "article":
			c.Article = val
		case "exception":
			c.Exceptions = append(c.Exceptions, strings.Fields(val)...)
		case "muet":
			c.Silent = append(c.Silent, strings.Fields(val)...)
		case "interdit":
			c.Forbidden = append(c.Forbidden, val)
		case "compare":
			c.Compare = append(c.Compare, strings.Fields(val)...)
		case "attendu":
			if val == "aucun" {
				none = true
				continue
			}
			f := strings.Fields(val)
			if len(f) != 2 {
				return nil, fmt.Errorf("ligne %d : « attendu: RÈGLE sévérité » ou « attendu: aucun », lu %q", i+1, val)
			}
			s, ok := finding.ParseSeverity(f[1])
			if !ok || s == finding.Off {
				return nil, fmt.Errorf("ligne %d : sévérité inconnue %q", i+1, f[1])
			}
			c.Expect = append(c.Expect, pair{f[0], s})
		default:
			return nil, fmt.Errorf("ligne %d : clé d'en-tête inconnue %q (situation, article, exception, attendu, muet, interdit, compare)", i+1, key)
		}
	}
	switch {
	case c.Situation == "" || c.Article == "":
		return nil, fmt.Errorf("situation et article sont obligatoires")
	case none == (len(c.Expect) > 0):
		return nil, fmt.Errorf("un cas attend soit « aucun », soit au moins un constat, pas les deux")
	}
	hasConfig := false
	for _, f := range ar.Files {
		if f.Name == "registre.yaml" {
			hasConfig = true
			switch {
			case strings.Contains(string(f.Data), "secteur: prive"):
				c.Secteur = "prive"
			case strings.Contains(string(f.Data), "secteur: public"):
				c.Secteur = "public"
			}
		}
	}
	if !hasConfig || c.Secteur == "" {
		return nil, fmt.Errorf("chaque cas contient un registre.yaml qui indique organisme.secteur")
	}
	return c, nil
}

func loadCorpus(t *testing.T) []*legalCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(corpusDir(), "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []*legalCase
	for _, p := range paths {
		c, err := parseCase(p)
		if err != nil {
			t.Errorf("%s : %v", filepath.Base(p), err)
			continue
		}
		cases = append(cases, c)
	}
	return cases
}

// loadKnown reads KNOWN_DISAGREEMENTS.txt: « case reason » per line, # comments.
func loadKnown(t *testing.T) map[string]string {
	t.Helper()
	known := map[string]string{}
	f, err := os.Open(filepath.Join(corpusDir(), "KNOWN_DISAGREEMENTS.txt"))
	if os.IsNotExist(err) {
		return known
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		if strings.TrimSpace(reason) == "" {
			t.Errorf("KNOWN_DISAGREEMENTS.txt:%d : %s sans raison", n, name)
		}
		if _, dup := known[name]; dup {
			t.Errorf("KNOWN_DISAGREEMENTS.txt:%d : %s en double", n, name)
		}
		known[name] = strings.TrimSpace(reason)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return known
}

// publicArticle matches the articles of the Loi sur l'accès that findings
// cite (63.x to 76: incidents, EFVP, uses, register, agreements, 70.1,
// inventory); the Loi sur le privé has no such article in its findings.
var publicArticle = regexp.MustCompile(`\bart\. (6[3-9]|7[0-6])(\.[0-9]+)*\b`)

// citesPublicLaw reports whether a message cites the Loi sur l'accès, which
// binds public bodies only (issue 7, point 3: no finding on an enterprise cites ).
func citesPublicLaw(msg string) bool {
	return strings.Contains(msg, "Loi sur l'accès") || strings.Contains(msg, "A-2.1, art.") || publicArticle.MatchString(msg)
}

// namesOtherLaw are the rules whose message tells an enterprise that its
// register cites the Loi sur l'accès (CIT-010) or one of its 70.1 exception
// codes (COM-028); their legal basis stays P-39.1, which « interdit: » checks.
var namesOtherLaw = map[string]bool{"CIT-010": true, "COM-028": true}

// wrongCitations lists the findings of c that cite what they must not: the
// Loi sur l'accès in an enterprise's message, or a text of « interdit: » in
// the rule's legal basis (a message may still say that an article does not
// require something).
func wrongCitations(c *legalCase, f finding.Finding) []string {
	var out []string
	if c.Secteur == "prive" && citesPublicLaw(f.Message) && !namesOtherLaw[f.Rule] {
		out = append(out, f.Rule+" cite la Loi sur l'accès pour une entreprise")
	}
	// The citation the finding carries (ReportLaw may name the one article
	// among the rule's), else the rule's.
	law := f.Law
	if r := rule.Get(f.Rule); r != nil && law == "" {
		law = r.Doc.Law
	}
	for _, x := range c.Forbidden {
		if strings.Contains(law, x) {
			out = append(out, f.Rule+" a pour fondement « "+law+" »")
		}
	}
	return out
}

// runCase lints the case and returns the distinct compared (rule, severity)
// pairs, sorted, the tool findings not compared, and the wrong citations.
func runCase(t *testing.T, c *legalCase) ([]pair, []string, []string) {
	t.Helper()
	dir := t.TempDir()
	for _, f := range c.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := lint.Run(dir, lint.Options{Today: corpusToday, Workers: 1})
	if err != nil {
		t.Fatalf("%s : %v", c.Name, err)
	}
	expected := map[string]bool{}
	for _, p := range c.Expect {
		expected[p.Rule] = true
	}
	for _, r := range c.Compare {
		expected[r] = true
	}
	seen := map[pair]bool{}
	var got []pair
	var other []string // tool findings not compared, to keep the cases clean
	var public []string
	for _, f := range res.Findings {
		if f.Suppressed || f.Severity == finding.Off {
			continue
		}
		if comparedPrefixes[pair{Rule: f.Rule}.prefix()] {
			public = append(public, wrongCitations(c, f)...)
		}
		p := pair{f.Rule, f.Severity}
		if !comparedPrefixes[p.prefix()] && !expected[p.Rule] {
			other = append(other, fmt.Sprintf("%s %s %s : %s", f.Location(), f.Severity, f.Rule, f.Message))
			continue
		}
		if !seen[p] {
			seen[p] = true
			got = append(got, p)
		}
	}
	sortPairs(got)
	sort.Strings(public)
	return got, other, slices.Compact(public)
}

func sortPairs(ps []pair) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].Rule != ps[j].Rule {
			return ps[i].Rule < ps[j].Rule
		}
		return ps[i].Sev < ps[j].Sev
	})
}

// counts is one row of the confusion matrix.
type counts struct{ TP, FP, FN, TN int }

func ratio(a, b int) string {
	if b == 0 {
		return "  —  "
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

func (k counts) precision() string { return ratio(k.TP, k.TP+k.FP) }
func (k counts) recall() string    { return ratio(k.TP, k.TP+k.FN) }

type outcome struct {
	c        *legalCase
	got      []pair
	missing  []pair   // expected, not reported
	extra    []pair   // reported, not expected
	public   []string // wrong citations (enterprise citing, « interdit: »)
	other    []string // tool findings (SCH, REF…) not compared
	disagree bool
}

func pairsString(ps []pair) string {
	if len(ps) == 0 {
		return "aucun"
	}
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, ", ")
}

// TestLegalCorpus lints every case and compares with the expectations.
func TestLegalCorpus(t *testing.T) {
	cases := loadCorpus(t)
	known := loadKnown(t)
	names := map[string]bool{}
	var outs []outcome
	for _, c := range cases {
		names[c.Name] = true
		got, other, public := runCase(t, c)
		o := outcome{c: c, got: got, public: public, other: other}
		want := map[pair]bool{}
		for _, p := range c.Expect {
			want[p] = true
		}
		have := map[pair]bool{}
		for _, p := range got {
			have[p] = true
			if !want[p] {
				o.extra = append(o.extra, p)
			}
		}
		for _, p := range c.Expect {
			if !have[p] {
				o.missing = append(o.missing, p)
			}
		}
		sortPairs(o.missing)
		o.disagree = len(o.missing)+len(o.extra)+len(o.public) > 0
		outs = append(outs, o)
	}
	for name := range known {
		if !names[name] {
			t.Errorf("KNOWN_DISAGREEMENTS.txt nomme %s, qui n'est pas un cas du corpus : retirez la ligne", name)
		}
	}

	var b strings.Builder
	writeMatrix(&b, outs, known)
	if testing.Verbose() {
		fmt.Print(b.String()) // make legal
	} else {
		t.Log("\n" + b.String())
	}

	if *pruneKnown {
		prune(t, outs, known)
		known = loadKnown(t)
	}
	for _, o := range outs {
		reason, isKnown := known[o.c.Name]
		switch {
		case o.disagree && !isKnown:
			t.Errorf("%s : attendu [%s], obtenu [%s]%s — %s", o.c.Name, pairsString(o.c.Expect), pairsString(o.got), publicNote(o.public), o.c.Situation)
		case !o.disagree && isKnown:
			t.Errorf("%s est dans KNOWN_DISAGREEMENTS.txt mais ne diverge plus : retirez la ligne (« %s »)", o.c.Name, reason)
		}
	}
}

// prune rewrites KNOWN_DISAGREEMENTS.txt without the lines of cases that agree now.
func prune(t *testing.T, outs []outcome, known map[string]string) {
	t.Helper()
	agree := map[string]bool{}
	for _, o := range outs {
		if _, ok := known[o.c.Name]; ok && !o.disagree {
			agree[o.c.Name] = true
		}
	}
	if len(agree) == 0 {
		return
	}
	path := filepath.Join(corpusDir(), "KNOWN_DISAGREEMENTS.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.SplitAfter(string(data), "\n") {
		name, _, _ := strings.Cut(strings.TrimSpace(line), " ")
		if agree[name] {
			t.Logf("retiré de KNOWN_DISAGREEMENTS.txt : %s", name)
			continue
		}
		kept = append(kept, line)
	}
	if err := os.WriteFile(path, []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeMatrix prints the confusion matrix: per case, per (rule, severity)
// pair, per rule prefix, then each disagreement.
//
// Per case: a case is positive when it expects at least one warning or error.
// TP: positive, every expected warning/error reported; FN: positive, one missing;
// FP: negative, a warning or error reported; TN: negative, none reported.
// Per pair: TP an expected (rule, severity) reported; FN expected, not
// reported; FP reported, not expected (a wrong severity is one FN and one FP);
// TN a rule named in « muet: » that stayed silent.
func writeMatrix(b *strings.Builder, outs []outcome, known map[string]string) {
	var perCase, perPair counts
	byPrefix := map[string]*counts{}
	pre := func(p string) *counts {
		if byPrefix[p] == nil {
			byPrefix[p] = &counts{}
		}
		return byPrefix[p]
	}
	pos, neg := 0, 0
	for _, o := range outs {
		sigGot := false
		for _, p := range o.got {
			sigGot = sigGot || p.significant()
		}
		if o.c.positive() {
			pos++
			missSig := false
			for _, p := range o.missing {
				missSig = missSig || p.significant()
			}
			if missSig {
				perCase.FN++
			} else {
				perCase.TP++
			}
		} else {
			neg++
			if sigGot {
				perCase.FP++
			} else {
				perCase.TN++
			}
		}
		missing := map[pair]bool{}
		for _, p := range o.missing {
			missing[p] = true
		}
		for _, p := range o.c.Expect {
			if missing[p] {
				perPair.FN++
				pre(p.prefix()).FN++
			} else {
				perPair.TP++
				pre(p.prefix()).TP++
			}
		}
		for _, p := range o.extra {
			perPair.FP++
			pre(p.prefix()).FP++
		}
		fired := map[string]bool{}
		for _, p := range o.got {
			fired[p.Rule] = true
		}
		for _, r := range o.c.Silent {
			if !fired[r] {
				perPair.TN++
				pre(pair{Rule: r}.prefix()).TN++
			}
		}
	}
	fmt.Fprintf(b, "Corpus juridique : %d cas (%d positifs, %d négatifs), vérifiés le %s\n\n", len(outs), pos, neg, corpusToday)
	fmt.Fprintf(b, "%-22s %5s %5s %5s %5s  %9s  %6s\n", "", "VP", "FP", "FN", "VN", "précision", "rappel")
	row := func(name string, k counts) {
		fmt.Fprintf(b, "%-22s %5d %5d %5d %5d  %9s  %6s\n", name, k.TP, k.FP, k.FN, k.TN, k.precision(), k.recall())
	}
	row("par cas", perCase)
	row("par constat", perPair)
	var prefixes []string
	for p := range byPrefix {
		prefixes = append(prefixes, p)
	}
	sort.Strings(prefixes)
	for _, p := range prefixes {
		row("  "+p, *byPrefix[p])
	}
	var dis []outcome
	for _, o := range outs {
		if o.disagree {
			dis = append(dis, o)
		}
	}
	fmt.Fprintf(b, "\nDésaccords : %d\n", len(dis))
	for _, o := range dis {
		tag := "NOUVEAU"
		if r, ok := known[o.c.Name]; ok {
			tag = "connu : " + r
		}
		fmt.Fprintf(b, "- %s\n    attendu : %s\n    obtenu  : %s%s\n    manque  : %s ; en trop : %s\n    (%s)\n",
			o.c.Name, pairsString(o.c.Expect), pairsString(o.got), publicNote(o.public), pairsString(o.missing), pairsString(o.extra), tag)
	}
	var unknown []string
	for _, o := range outs {
		for _, p := range o.c.Expect {
			if rule.Get(p.Rule) == nil {
				unknown = append(unknown, o.c.Name+" ("+p.Rule+")")
			}
		}
	}
	if len(unknown) > 0 {
		fmt.Fprintf(b, "\nRègles attendues encore inconnues de registre : %s\n", strings.Join(unknown, ", "))
	}
	first := true
	for _, o := range outs {
		for _, x := range o.other {
			if first {
				fmt.Fprintf(b, "\nConstats d'outil non comparés (clés encore absentes du modèle, champs exigés par le schéma) :\n")
				first = false
			}
			fmt.Fprintf(b, "- %s : %s\n", o.c.Name, x)
		}
	}
}

func publicNote(rules []string) string {
	if len(rules) == 0 {
		return ""
	}
	return " ; citation fautive : " + strings.Join(rules, ", ")
}

// TestLegalCorpusCoverage: the corpus keeps its size and covers every legal
// rule, every announced rule, every exception of legal.md §4 with a case that
// expects no error, and both sectors.
func TestLegalCorpusCoverage(t *testing.T) {
	cases := loadCorpus(t)
	if len(cases) < minCases {
		t.Errorf("%d cas dans testdata/legal ; au moins %d attendus", len(cases), minCases)
	}
	expected, silent := map[string]bool{}, map[string]bool{}
	sectors := map[string]int{}
	exceptions := map[string]int{}
	for _, c := range cases {
		sectors[c.Secteur]++
		for _, p := range c.Expect {
			expected[p.Rule] = true
		}
		for _, r := range c.Silent {
			silent[r] = true
		}
		quiet := true
		for _, p := range c.Expect {
			quiet = quiet && p.Sev < finding.Error
		}
		for _, e := range c.Exceptions {
			if quiet {
				exceptions[e]++
			}
		}
	}
	for _, r := range rule.All() {
		i := strings.LastIndexByte(r.ID, '-')
		switch {
		case !comparedPrefixes[r.ID[:i]]:
		case retired(r) && expected[r.ID]:
			t.Errorf("%s est retirée : aucun cas ne doit l'attendre", r.ID)
		case retired(r) && !silent[r.ID]:
			t.Errorf("%s est retirée : nommez-la dans « muet: » d'un cas où elle aurait répondu", r.ID)
		case !retired(r) && !expected[r.ID]:
			t.Errorf("%s : aucun cas du corpus juridique ne l'attend", r.ID)
		}
	}
	for _, id := range announcedRules {
		if !expected[id] {
			t.Errorf("%s (annoncée pour l'issue 7) : aucun cas du corpus juridique ne l'attend", id)
		}
	}
	for n := 1; n <= 16; n++ {
		if id := fmt.Sprintf("4.%d", n); exceptions[id] == 0 {
			t.Errorf("exception %s de legal.md : aucun cas « exception: %s » qui n'attend aucune erreur", id, id)
		}
	}
	for _, s := range []string{"public", "prive"} {
		if sectors[s] == 0 {
			t.Errorf("aucun cas du secteur %s", s)
		}
	}
}
