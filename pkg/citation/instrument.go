package citation

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// chapterRef is a chapter reference as written (« L.R.Q. c. N-1.1 »).
type chapterRef struct {
	raw      string       // as written (normalised)
	instr    string       // canonical instrument
	jur      Jurisdiction //
	obsolete string       // « L.R.Q. », « LRQ », « R.S.Q. » prefix as written; "" when current
	junk     string       // extra number before the chapter (« c. 89, A-42 » → "89")
	urlCode  string       // federal statute code (« S-19 »)
}

var (
	reQCChap   = regexp.MustCompile(`(?i)^(?:(rlrq|cqlr|l\.? ?r\.? ?q\.?|r\.? ?s\.? ?q\.?) ?,? ?)?(?:(?:chapitre|chap\.|ch\.|c\.) ?|(?:chap|ch|c) )?(?:(\d+) ?, ?)?([a-z]{1,3}) ?- ?(\d+(?:\.\d+)*)(?: ?,? ?(?:r\.?|règl\.?|reg\.?) ?(\d+(?:\.\d+)*))?$`)
	reQCAnnual = regexp.MustCompile(`(?i)^(?:(?:l\.? ?q\.?|s\.? ?q\.?) ?,? ?)?(\d{4}) ?, ?(?:chapitre|chap\.?|ch\.?|c\.?) ?(\d+)$`)
	reFedReg   = regexp.MustCompile(`(?i)^(dors|sor|tr|si) ?/ ?(\d{2,4}) ?- ?(\d+)$`)
	reFedRS    = regexp.MustCompile(`(?i)^(?:l\.? ?r\.? ?c\.?|r\.? ?s\.? ?c\.?) ?,? ?\(?(\d{4})?\)? ?,? ?(?:(?:chapitre|chap\.|ch\.|c\.) ?|(?:chap|ch|c) )([a-z]{1,2}-\d+(?:\.\d+)*)$`)
	reFedSC    = regexp.MustCompile(`(?i)^(?:l\.? ?c\.?|s\.? ?c\.?) ?,? ?(\d{4}) ?,? ?(?:chapitre|chap\.?|ch\.?|c\.?) ?(\d+)$`)
	reCT       = regexp.MustCompile(`(?i)^(?:c\.? ?t\.?|décision du conseil du trésor|decision du conseil du tresor)(?: no| n°)? ?(\d{3,})$`)
)

var dotSpace = strings.NewReplacer(".", "", " ", "")

// parseChapter recognises a whole string as a chapter reference.
func parseChapter(s string) (chapterRef, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 || !containsDigit(s) {
		return chapterRef{}, false
	}
	if m := reQCChap.FindStringSubmatch(s); m != nil {
		letters := strings.ToUpper(m[3])
		instr := letters + "-" + m[4]
		if m[5] != "" {
			instr += ", r. " + m[5]
		}
		c := chapterRef{raw: s, instr: instr, jur: QC, junk: m[2]}
		if p := strings.ToUpper(dotSpace.Replace(m[1])); p == "LRQ" || p == "RSQ" {
			c.obsolete = m[1]
		}
		return c, true
	}
	if m := reQCAnnual.FindStringSubmatch(s); m != nil {
		return chapterRef{raw: s, instr: "LQ " + m[1] + ", c. " + trimZeros(m[2]), jur: QC}, true
	}
	if m := reFedReg.FindStringSubmatch(s); m != nil {
		pre := "DORS"
		if p := strings.ToUpper(m[1]); p == "TR" || p == "SI" {
			pre = "TR"
		}
		return chapterRef{raw: s, instr: pre + "/" + m[2] + "-" + trimZeros(m[3]), jur: CA}, true
	}
	if m := reFedRS.FindStringSubmatch(s); m != nil {
		year := m[1]
		if year == "" {
			year = "1985"
		}
		code := strings.ToUpper(m[2])
		return chapterRef{raw: s, instr: "L.R.C. " + year + ", ch. " + code, jur: CA, urlCode: code}, true
	}
	if m := reFedSC.FindStringSubmatch(s); m != nil {
		return chapterRef{raw: s, instr: "L.C. " + m[1] + ", ch. " + trimZeros(m[2]), jur: CA}, true
	}
	return chapterRef{}, false
}

func containsDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func trimZeros(s string) string {
	t := strings.TrimLeft(s, "0")
	if t == "" {
		return "0"
	}
	return t
}

// canonicalInstrument turns any chapter spelling into the canonical form
// (« RLRQ, chapitre » → « »); unknown strings are returned trimmed.
func canonicalInstrument(s string) string {
	s = strings.TrimSpace(s)
	if _, ok := byInstr[s]; ok {
		return s
	}
	if c, ok := parseChapter(Normalize(s)); ok {
		return c.instr
	}
	if i, ok := lookupKey(s); ok {
		return table[i].Instr
	}
	return s
}

// chapterDisplay is the display form of a canonical instrument's chapter:
// « RLRQ, c. », « LQ 2021, c. 25 », « DORS/2002-227 ». It is "" for
// agreements and unknown instruments.
func chapterDisplay(instr string) string {
	switch {
	case instr == "", instr == accordCQ:
		return ""
	case strings.HasPrefix(instr, "LQ "), strings.HasPrefix(instr, "L.R.C. "), strings.HasPrefix(instr, "L.C. "),
		strings.HasPrefix(instr, "DORS/"), strings.HasPrefix(instr, "TR/"):
		return instr
	case reCanonQC.MatchString(instr):
		return "RLRQ, c. " + instr
	}
	return instr
}

var reCanonQC = regexp.MustCompile(`^[A-Z]{1,3}-\d+(?:\.\d+)*(?:, r\. \d+(?:\.\d+)*)?$`)

// anaphor kinds of an instrument text.
const (
	anaNone = iota
	anaLRC  // « de la LRC »: the last federal statute of the cell
	anaIdem // « Idem », « Ibid. », « même loi »: the last instrument of the cell
)

// instrRes is a resolved instrument text.
type instrRes struct {
	known    bool   // identified by the alias table or a chapter
	instr    string // canonical instrument; "" when unknown
	jur      Jurisdiction
	title    string // canonical title when known, else as written
	written  string // title as written (without chapter, leading article)
	chap     *chapterRef
	anaphor  int
	lrc      bool   // « (LRC) » marker
	trailing string // prose after the instrument
	issues   []Issue
}

// cleanEnds trims spaces and trailing punctuation.
func cleanEnds(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".,;: -–—"))
}

// stripDeterminer removes a leading article: « la Loi… » → « Loi… ».
func stripDeterminer(s string) string {
	for _, d := range [...]string{"la ", "le ", "les ", "l'", "the "} {
		if len(s) > len(d) && strings.EqualFold(s[:len(d)], d) {
			return strings.TrimSpace(s[len(d):])
		}
	}
	return s
}

// splitParens splits « Titre (a) (b) reste » into "Titre", ["a","b"] and "reste".
// Parentheses must follow the title; text after them is returned as rest.
func splitParens(s string) (title string, parens []string, rest string) {
	i := strings.IndexAny(s, "([")
	if i < 0 {
		return s, nil, ""
	}
	title = s[:i]
	j := i
	for j < len(s) {
		// skip spaces and light punctuation between groups
		for j < len(s) && (s[j] == ' ' || s[j] == ',' || s[j] == '.') {
			j++
		}
		if j >= len(s) || (s[j] != '(' && s[j] != '[') {
			break
		}
		depth := 0
		k := j
		for ; k < len(s); k++ {
			if s[k] == '(' || s[k] == '[' {
				depth++
			} else if s[k] == ')' || s[k] == ']' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if k >= len(s) { // unclosed: the rest is the content
			parens = append(parens, strings.TrimSpace(s[j+1:]))
			return title, parens, ""
		}
		parens = append(parens, strings.TrimSpace(s[j+1:k]))
		j = k + 1
	}
	if j < len(s) {
		rest = strings.TrimSpace(s[j:])
	}
	return title, parens, rest
}

// lawWords start titles that are legislation; agreementWords start agreements;
// otherWords start non-statutory documents.
var (
	lawWords       = map[string]bool{"loi": true, "lois": true, "reglement": true, "reglements": true, "code": true, "charte": true, "act": true, "regulation": true, "regulations": true, "constitution": true}
	agreementWords = map[string]bool{"accord": true, "accords": true, "entente": true, "ententes": true, "convention": true, "conventions": true, "protocole": true, "traite": true, "agreement": true, "annexe": true}
)

func firstWordFold(s string) string {
	f := foldPrefix(s, 32)
	end := strings.IndexFunc(f, func(r rune) bool { return !(r >= 'a' && r <= 'z') })
	if end < 0 {
		return f
	}
	return f[:end]
}

// startsWithArticle reports « article 5 … », « l'art. 5 … », « 68 … ».
func startsWithArticle(s string) bool {
	if n := 48; len(s) > n {
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
	}
	p := &parser{s: s, toks: lex(s)}
	p.skipDet()
	return p.head(0) > 0 || p.kind(0) == tNum
}

// splitSegment finds, outside parentheses, where a second citation starts in an
// instrument text: at « ; », or at « et » / « , » followed by an article keyword
// and a number.
func splitSegment(text string) (pre, rest string, ok bool) {
	if !strings.ContainsAny(text, ";,") && !strings.Contains(text, " et ") && !strings.Contains(text, " and ") {
		return "", "", false
	}
	p := &parser{s: text, toks: lex(text)}
	depth := 0
	for i, t := range p.toks {
		switch t.kind {
		case tLParen:
			depth++
		case tRParen:
			if depth > 0 {
				depth--
			}
		}
		if depth > 0 || i == 0 {
			continue
		}
		if t.kind == tSemi {
			return text[:t.start], text[t.end:], true
		}
		if t.kind == tComma || (t.kind == tWord && (t.fold == "et" || t.fold == "and")) {
			p.pos = i + 1
			p.skipDet()
			if p.head(0) > 0 {
				return text[:t.start], text[t.end:], true
			}
		}
	}
	return "", "", false
}

// resolveInstr resolves an instrument text: a title, a chapter, an alias, an
// anaphor, with optional parenthesised chapter and alias. It has no cell
// context; anaphors are resolved by the caller.
func resolveInstr(text string) instrRes { return resolveInstrProse(text, true) }

// resolveInstrProse is resolveInstr; with prose set, an unknown text whose
// beginning up to a comma or a full stop is a known instrument resolves to it,
// with the remainder in trailing.
func resolveInstrProse(text string, prose bool) instrRes {
	text = cleanEnds(text)
	if prose {
		// « Loi sur l'accès ; art. 21 du Règlement … (chapitre …) »: the next
		// citation starts before the parenthesised chapter of the last one.
		if pre, rest, ok := splitSegment(text); ok {
			if r := resolveInstrProse(pre, false); r.known || r.anaphor != anaNone {
				r.trailing = rest
				return r
			}
		}
	}
	text = stripDeterminer(text)
	title, parens, rest := splitParens(text)
	title = cleanEnds(title)
	rest = cleanEnds(rest)
	res := instrRes{written: title}

	var chaps []chapterRef
	var aliasIdx = -1
	for _, p := range parens {
		p = cleanEnds(p)
		if p == "" {
			continue
		}
		if c, ok := parseChapter(p); ok {
			chaps = append(chaps, c)
			continue
		}
		k := key(p)
		if k == "lrc" || k == "lois revisees canada" {
			res.lrc = true
			continue
		}
		if i, ok := lookupKey(p); ok && aliasIdx < 0 {
			aliasIdx = i
		}
	}

	if rest != "" {
		res.trailing = rest
	}
	if title == "" && len(chaps) == 0 {
		if aliasIdx >= 0 {
			res.setEntry(aliasIdx)
		}
		return res
	}

	// The title itself.
	tk := key(title)
	switch {
	case tk == "lrc" || tk == "lois revisees canada":
		res.anaphor = anaLRC
		res.jur = CA
		return res
	case tk == "idem" || tk == "ibid" || tk == "id" || tk == "meme loi":
		res.anaphor = anaIdem
		return res
	}
	var titleIdx = -1
	var titleChap *chapterRef
	if title != "" {
		if c, ok := parseChapter(title); ok {
			titleChap = &c
		} else if i, ok := lookupKey(title); ok {
			titleIdx = i
		} else if i := strings.LastIndex(title, ", "); i > 0 {
			// « Loi sur l'accès, RLRQ, c. »: a chapter after a comma.
			for j := i; j > 0; j = strings.LastIndex(title[:j], ", ") {
				if c, ok := parseChapter(title[j+2:]); ok {
					titleChap = &c
					title = cleanEnds(title[:j])
					res.written = title
					if ti, ok := lookupKey(title); ok {
						titleIdx = ti
					}
					break
				}
			}
		}
	}
	if titleChap != nil {
		chaps = append([]chapterRef{*titleChap}, chaps...)
		if res.written == titleChap.raw {
			res.written = ""
		}
	}

	var chap *chapterRef
	if len(chaps) > 0 {
		chap = &chaps[0]
		res.chap = chap
	}
	switch {
	case titleIdx >= 0:
		res.setEntry(titleIdx)
		if chap != nil && chap.instr != res.instr {
			e := table[titleIdx]
			res.issues = append(res.issues, Issue{"CIT-003", "Le chapitre indiqué « " + chap.raw + " » ne correspond pas à celui de « " +
				displayName(e) + " » dans la table des alias (" + chapterDisplay(e.Instr) + ") : corrigez le chapitre ou le titre."})
		}
	case chap != nil:
		res.known = true
		res.instr = chap.instr
		res.jur = chap.jur
		res.title = title
		if i, ok := byInstr[chap.instr]; ok {
			res.title = table[i].Title
		} else if title == "" {
			res.title = ""
		}
	case aliasIdx >= 0:
		// « Loi sur l'accès aux documents … et la protection … (Loi sur l'accès) »
		res.setEntry(aliasIdx)
	default:
		res.title = title
		if res.lrc {
			res.jur = CA
		}
	}
	if res.known || !prose {
		return res
	}
	// Prose: « l'Accord Canada-Québec, le Québec est seul responsable … ».
	for _, sep := range []string{", ", ". ", "; ", " : ", " et ", " ainsi que ", " and "} {
		if i := strings.Index(text, sep); i > 0 {
			rest := text[i+len(sep):]
			if wordSep := sep == " et " || sep == " ainsi que " || sep == " and "; wordSep && !startsWithArticle(rest) {
				continue // « Loi sur X et Y » is a title, not two citations
			}
			pre := resolveInstrProse(text[:i], false)
			if pre.known {
				pre.trailing = strings.TrimSpace(text[i+len(sep):])
				return pre
			}
		}
	}
	return res
}

func (r *instrRes) setEntry(i int) {
	e := table[i]
	r.known = true
	r.instr = e.Instr
	r.jur = e.Jur
	r.title = e.Title
}

// displayName is the short display name of an entry.
func displayName(e entry) string {
	if e.Short != "" {
		return e.Short
	}
	return e.Title
}
