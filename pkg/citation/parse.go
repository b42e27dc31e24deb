package citation

import (
	"strconv"
	"strings"
)

// synRef is one article as written, before its instrument is known: the
// meaning of « (2) » or « alinéa » depends on the jurisdiction (legal.md §5.2).
type synRef struct {
	art, artTo string
	paren      string // « 65.1 (2) » → "2"
	parenDeg   bool   // « 171 (3°) »
	letter     string // « 22 a) », « 3a »
	fedLetter  bool   // letter written the federal way (« alinéa 3a », « alinéa a) »)
	fedHead    bool   // line introduced by « Alinéa » (federal wording)
	roman      string // « (ii) », « sous-alinéa (ii) »
	al         int
	alLast     bool
	alQC       bool    // Québec-only alinéa wording (« deuxième alinéa », « alinéa 1 »)
	pars       []Range // Québec paragraphes (several for « 1°, 2° et 5° »)
	parDeg     bool
	spar       string
	annexe     string
	group      int
	hasSub     bool // any subdivision written after this article
}

// synLine is a line as written.
type synLine struct {
	refs     []synRef
	instr    string // instrument text; "" for an article-only line
	hasInstr bool
}

type parser struct {
	s    string
	toks []token
	pos  int
}

func (p *parser) tok(k int) token {
	if i := p.pos + k; i >= 0 && i < len(p.toks) {
		return p.toks[i]
	}
	return token{kind: tEOF, start: len(p.s), end: len(p.s), space: true}
}

func (p *parser) kind(k int) tokKind { return p.tok(k).kind }

func (p *parser) isWord(k int, ws ...string) bool {
	t := p.tok(k)
	if t.kind != tWord {
		return false
	}
	for _, w := range ws {
		if t.fold == w {
			return true
		}
	}
	return false
}

// glued reports whether token k touches the previous one.
func (p *parser) glued(k int) bool { return !p.tok(k).space }

// rest is the text from token k to the end of the line.
func (p *parser) rest(k int) string { return p.s[p.tok(k).start:] }

// atEnd reports whether only closing punctuation is left.
func (p *parser) atEnd() bool {
	for k := 0; ; k++ {
		switch p.kind(k) {
		case tEOF:
			return true
		case tPeriod, tSemi, tComma:
		default:
			return false
		}
	}
}

// headLen is the number of tokens of an article keyword at k (0 when none):
// article(s), art., a., section(s), s., ss., arts.
func (p *parser) headLen(k int) int {
	t := p.tok(k)
	if t.kind != tWord {
		return 0
	}
	switch t.fold {
	case "article", "articles", "section", "sections", "artícle":
		return 1
	case "art", "arts", "sec":
		if p.kind(k+1) == tPeriod && p.glued(k+1) {
			return 2
		}
		return 1
	case "a", "s", "ss", "aa":
		if p.kind(k+1) == tPeriod && p.glued(k+1) && p.kind(k+2) == tNum {
			return 2
		}
	}
	return 0
}

// head reports an article keyword followed by a number at k.
func (p *parser) head(k int) int {
	if n := p.headLen(k); n > 0 && p.kind(k+n) == tNum {
		return n
	}
	return 0
}

var leadIns = [][]string{
	{"en", "vertu", "des"}, {"en", "vertu", "du"}, {"en", "vertu", "de"}, {"en", "vertu", "d"},
	{"conformement", "aux"}, {"conformement", "au"}, {"conformement", "a"},
	{"selon"}, {"suivant"}, {"voir"}, {"cf"}, {"vu"}, {"under"}, {"pursuant", "to"},
}

// skipLeadIn skips bullets and phrases such as « En vertu de » and reports
// whether a phrase was skipped.
func (p *parser) skipLeadIn() bool {
	for p.kind(0) == tOther || (p.kind(0) == tDash && p.pos == 0) {
		p.pos++
	}
	for _, li := range leadIns {
		ok := true
		for i, w := range li {
			if !p.isWord(i, w) {
				ok = false
				break
			}
		}
		if ok {
			p.pos += len(li)
			if p.kind(0) == tApos {
				p.pos++
			}
			if p.kind(0) == tPeriod { // « cf. »
				p.pos++
			}
			return true
		}
	}
	return false
}

// skipDet skips « l' », « le », « la », « les », « the » before a keyword.
func (p *parser) skipDet() {
	if p.isWord(0, "l") && p.kind(1) == tApos {
		p.pos += 2
		return
	}
	if p.isWord(0, "le", "la", "les", "the") {
		p.pos++
	}
}

var ordinalWords = map[string]int{
	"premier": 1, "premiere": 1, "deuxieme": 2, "second": 2, "seconde": 2, "troisieme": 3, "quatrieme": 4,
	"cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10,
	"onzieme": 11, "douzieme": 12,
	"first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}

var ordinalSuffix = map[string]bool{"er": true, "re": true, "e": true, "eme": true, "ieme": true, "st": true, "nd": true, "rd": true, "th": true}

// ordinal reads « deuxième », « 2e », « 1er » at k: value and token count.
func (p *parser) ordinal(k int) (int, int) {
	t := p.tok(k)
	if t.kind == tWord {
		if v, ok := ordinalWords[t.fold]; ok {
			return v, 1
		}
		return 0, 0
	}
	if t.kind == tNum && p.kind(k+1) == tWord && p.glued(k+1) && ordinalSuffix[p.tok(k+1).fold] {
		if v, err := strconv.Atoi(t.text); err == nil && v > 0 && v < 100 {
			return v, 2
		}
	}
	return 0, 0
}

var romans = map[string]bool{"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true, "vii": true, "viii": true, "ix": true, "x": true, "xi": true, "xii": true}

// letterAt reports a single ASCII letter word at k.
func (p *parser) letterAt(k int) (string, bool) {
	t := p.tok(k)
	if t.kind != tWord || len(t.text) != 1 {
		return "", false
	}
	c := t.text[0]
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	if c < 'a' || c > 'z' {
		return "", false
	}
	return string(c), true
}

// validArt bounds article numbers to sane shapes.
func validArt(s string) bool {
	return len(s) <= 24 && strings.Count(s, ".") <= 5
}

// artRef reads one article: NUM, a glued letter (« 3a »), parentheses
// (« (2) », « (3°) », « (a) », « (ii) ») and a spaced letter point (« 22 a) »).
func (p *parser) artRef() (synRef, bool) {
	t := p.tok(0)
	if t.kind != tNum || !validArt(t.text) {
		return synRef{}, false
	}
	r := synRef{art: t.text}
	p.pos++
	// « 3a », « 22a) »
	if l, ok := p.letterAt(0); ok && p.glued(0) {
		r.letter = l
		r.fedLetter = true
		p.pos++
		if p.kind(0) == tRParen && p.glued(0) {
			p.pos++
			r.fedLetter = false
		}
	}
	for i := 0; i < 4; i++ {
		if p.kind(0) != tLParen {
			break
		}
		in := p.tok(1)
		switch {
		case in.kind == tNum && p.kind(2) == tRParen && r.paren == "":
			r.paren = in.text
			p.pos += 3
		case in.kind == tNum && p.kind(2) == tDeg && p.kind(3) == tRParen && r.paren == "":
			r.paren = in.text
			r.parenDeg = true
			p.pos += 4
		case in.kind == tWord && p.kind(2) == tRParen:
			l, single := p.letterAt(1)
			switch {
			case single && r.letter == "":
				r.letter = l
			case romans[in.fold] && r.roman == "":
				r.roman = in.fold
			default:
				return r, true
			}
			p.pos += 3
		default:
			return r, true
		}
		if p.kind(0) == tWord && p.glued(0) {
			// « 12(1)a) »
			if l, ok := p.letterAt(0); ok && r.letter == "" && p.kind(1) == tRParen {
				r.letter = l
				p.pos += 2
			}
		}
	}
	// « 22 a) », « 65 e) »
	if l, ok := p.letterAt(0); ok && r.letter == "" && p.kind(1) == tRParen {
		r.letter = l
		p.pos += 2
	}
	return r, true
}

// parNum reads « 3 », « 3° », « (3) », « 1.1° ».
func (p *parser) parNum() (string, bool, bool) {
	if p.kind(0) == tNum && validArt(p.tok(0).text) {
		n := p.tok(0).text
		p.pos++
		deg := false
		if p.kind(0) == tDeg {
			deg = true
			p.pos++
		}
		return n, deg, true
	}
	if p.kind(0) == tLParen && p.kind(1) == tNum {
		n := p.tok(1).text
		switch {
		case p.kind(2) == tRParen:
			p.pos += 3
			return n, false, true
		case p.kind(2) == tDeg && p.kind(3) == tRParen:
			p.pos += 4
			return n, true, true
		}
	}
	return "", false, false
}

func (p *parser) isRangeWord(k int) bool {
	return p.isWord(k, "a", "au", "to") || p.kind(k) == tDash
}

// parList reads « 1° à 3° », « 6 », « 1°, 2° et 5° ».
func (p *parser) parList(r *synRef) bool {
	from, deg, ok := p.parNum()
	if !ok {
		return false
	}
	r.parDeg = r.parDeg || deg
	if p.isRangeWord(0) {
		save := p.pos
		p.pos++
		if to, deg2, ok := p.parNum(); ok {
			r.parDeg = r.parDeg || deg2
			r.pars = append(r.pars, Range{From: from, To: to})
			return true
		}
		p.pos = save
	}
	r.pars = append(r.pars, Range{From: from})
	for {
		save := p.pos
		if p.kind(0) != tComma && !p.isWord(0, "et", "and", "ou", "or") {
			return true
		}
		p.pos++
		n, deg, ok := p.parNum()
		if !ok {
			p.pos = save
			return true
		}
		r.parDeg = r.parDeg || deg
		r.pars = append(r.pars, Range{From: n})
	}
}

// subdiv reads one subdivision after (or before) an article.
func (p *parser) subdiv(r *synRef) bool {
	save := p.pos
	// « du deuxième alinéa », « of the second paragraph »
	if p.isWord(0, "du", "of") {
		p.pos++
		if p.isWord(0, "the") {
			p.pos++
		}
		if v, n := p.ordinal(0); n > 0 && p.isWord(n, "alinea", "al", "paragraph") {
			r.al, r.alQC = v, true
			p.pos += n + 1
			p.skipGluedPeriod()
			return true
		}
		if p.isWord(0, "dernier", "last") && p.isWord(1, "alinea", "al", "paragraph") {
			r.alLast, r.alQC = true, true
			p.pos += 2
			p.skipGluedPeriod()
			return true
		}
		p.pos = save
		return false
	}
	// « deuxième alinéa », « 2e alinéa », « second paragraph »
	if v, n := p.ordinal(0); n > 0 && p.isWord(n, "alinea", "al", "paragraph") {
		r.al, r.alQC = v, true
		p.pos += n + 1
		p.skipGluedPeriod()
		return true
	}
	if p.isWord(0, "dernier", "last") && p.isWord(1, "alinea", "al", "paragraph") {
		r.alLast, r.alQC = true, true
		p.pos += 2
		p.skipGluedPeriod()
		return true
	}
	switch {
	case p.isWord(0, "alinea", "al", "alineas"):
		p.pos++
		p.skipGluedPeriod()
		if v, n := p.ordinal(0); n > 0 {
			r.al, r.alQC = v, true
			p.pos += n
			return true
		}
		if p.kind(0) == tNum {
			// « alinéa 3a » is federal; « alinéa 1 » Québec.
			if l, ok := p.letterAt(1); ok && p.glued(1) {
				r.letter, r.fedLetter = l, true
				p.pos += 2
				if p.kind(0) == tRParen {
					p.pos++
				}
				return true
			}
			if v, err := strconv.Atoi(p.tok(0).text); err == nil && v > 0 && v < 100 {
				r.al, r.alQC = v, true
				p.pos++
				return true
			}
		}
		if l, ok := p.letterAt(0); ok && p.kind(1) == tRParen {
			r.letter, r.fedLetter = l, true
			p.pos += 2
			return true
		}
		if p.kind(0) == tLParen {
			if l, ok := p.letterAt(1); ok && p.kind(2) == tRParen {
				r.letter, r.fedLetter = l, true
				p.pos += 3
				return true
			}
		}
	case p.isWord(0, "paragraphe", "paragraphes", "par", "para", "subparagraph", "subparagraphs", "subpar"):
		p.pos++
		p.skipGluedPeriod()
		if p.parList(r) {
			return true
		}
	case p.isWord(0, "paragraph"):
		// Québec English: "paragraph" is the alinéa; federal: "paragraph (a)".
		p.pos++
		if p.kind(0) == tNum {
			if v, err := strconv.Atoi(p.tok(0).text); err == nil && v > 0 && v < 100 {
				r.al, r.alQC = v, true
				p.pos++
				return true
			}
		}
		if p.kind(0) == tLParen {
			if l, ok := p.letterAt(1); ok && p.kind(2) == tRParen {
				r.letter = l
				p.pos += 3
				return true
			}
		}
	case p.isWord(0, "subsection"):
		p.pos++
		if n, _, ok := p.parNum(); ok && r.paren == "" {
			r.paren = n
			return true
		}
	case p.isWord(0, "sous-paragraphe", "sous-paragraphes", "sous-par"):
		p.pos++
		p.skipGluedPeriod()
		if p.kind(0) == tLParen {
			if l, ok := p.letterAt(1); ok && p.kind(2) == tRParen {
				r.spar = l
				p.pos += 3
				return true
			}
		}
		if l, ok := p.letterAt(0); ok {
			r.spar = l
			p.pos++
			if p.kind(0) == tRParen {
				p.pos++
			}
			return true
		}
	case p.isWord(0, "sous-alinea", "sous-alineas"):
		p.pos++
		k := 0
		if p.kind(0) == tLParen {
			k = 1
		}
		if t := p.tok(k); t.kind == tWord && romans[t.fold] {
			r.roman = t.fold
			r.fedLetter = true
			p.pos += k + 1
			if p.kind(0) == tRParen {
				p.pos++
			}
			return true
		}
	case p.isWord(0, "de", "of") && p.isWord(1, "l") && p.kind(2) == tApos && p.isWord(3, "annexe", "annex"):
		p.pos += 4
		if p.annexeID(r) {
			return true
		}
	case p.isWord(0, "annexe", "annex"):
		p.pos++
		if p.annexeID(r) {
			return true
		}
	}
	p.pos = save
	return false
}

func (p *parser) annexeID(r *synRef) bool {
	t := p.tok(0)
	if t.kind == tNum || (t.kind == tWord && (len(t.text) == 1 || romans[t.fold])) {
		r.annexe = strings.ToUpper(t.text)
		p.pos++
		return true
	}
	return false
}

func (p *parser) skipGluedPeriod() {
	if p.kind(0) == tPeriod && p.glued(0) {
		p.pos++
	}
}

// subdivs reads a chain of subdivisions separated by commas, dashes or nothing.
func (p *parser) subdivs(r *synRef) bool {
	any := false
	for i := 0; i < 16; i++ {
		save := p.pos
		if p.kind(0) == tComma || p.kind(0) == tDash {
			p.pos++
		}
		if !p.subdiv(r) {
			p.pos = save
			break
		}
		any = true
	}
	if any {
		r.hasSub = true
	}
	return any
}

// artList reads « 37, 38 et 38.1 », « 12 et article 26 », « 63.1 à 63.8 », each
// article with its own subdivisions.
func (p *parser) artList() ([]synRef, bool) {
	var refs []synRef
	group := 0
	for len(refs) < 64 {
		r, ok := p.artRef()
		if !ok {
			break
		}
		r.group = group
		p.subdivs(&r)
		refs = append(refs, r)
		last := &refs[len(refs)-1]
		// range of articles
		if last.artTo == "" && !last.hasSub && p.isRangeWord(0) && p.kind(1) == tNum && validArt(p.tok(1).text) {
			last.artTo = p.tok(1).text
			p.pos += 2
			p.subdivs(last)
		}
		switch {
		case (p.kind(0) == tComma || p.isWord(0, "et", "and", "ou", "or")) && p.kind(1) == tNum:
			p.pos++
		case (p.kind(0) == tComma || p.isWord(0, "et", "and")) && p.head(1) > 0:
			p.pos += 1 + p.head(1)
			group++
		case p.kind(0) == tComma && p.isWord(1, "et", "and") && p.head(2) > 0:
			p.pos += 2 + p.head(2)
			group++
		default:
			return finishGroups(refs), len(refs) > 0
		}
	}
	return finishGroups(refs), len(refs) > 0
}

// finishGroups gives the subdivisions written after the last article of a
// group to the articles of the group that have none (« Articles 16 et 26 de
// l'annexe A »).
func finishGroups(refs []synRef) []synRef {
	for i := 0; i < len(refs); {
		j := i
		for j+1 < len(refs) && refs[j+1].group == refs[i].group {
			j++
		}
		last := refs[j]
		if last.hasSub {
			for k := i; k < j; k++ {
				if !refs[k].hasSub && refs[k].paren == "" && refs[k].letter == "" {
					a, to := refs[k].art, refs[k].artTo
					refs[k] = last
					refs[k].art, refs[k].artTo = a, to
					refs[k].paren, refs[k].parenDeg, refs[k].letter, refs[k].roman = "", false, "", ""
				}
			}
		}
		i = j + 1
	}
	return refs
}

// connector reads « de la », « de l' », « du », « des », « , », « - », « : »,
// « of the » before an instrument.
func (p *parser) connector() bool {
	save := p.pos
	if p.kind(0) == tComma && (p.isWord(1, "de", "du", "des", "d", "of")) {
		p.pos++
	}
	switch {
	case p.isWord(0, "de", "dans") && p.isWord(1, "la", "le", "les"):
		p.pos += 2
	case p.isWord(0, "de", "dans", "of") && p.isWord(1, "l") && p.kind(2) == tApos:
		p.pos += 3
	case p.isWord(0, "d") && p.kind(1) == tApos:
		p.pos += 2
	case p.isWord(0, "du", "des", "de", "in"):
		p.pos++
	case p.isWord(0, "of"):
		p.pos++
		if p.isWord(0, "the") {
			p.pos++
		}
	case p.kind(0) == tComma || p.kind(0) == tDash || p.kind(0) == tColon:
		p.pos++
		if p.kind(0) == tDash { // « -- »
			p.pos++
		}
	default:
		p.pos = save
		return false
	}
	if p.kind(0) == tEOF {
		p.pos = save
		return false
	}
	return true
}

// tail reads what follows the articles: nothing (article-only line), a
// connector and an instrument, or directly a known instrument (« art. 67 LAI »).
func (p *parser) tail(sl *synLine) bool {
	if p.atEnd() {
		return true
	}
	if p.connector() {
		sl.instr, sl.hasInstr = p.rest(0), true
		return true
	}
	text := p.rest(0)
	if r := resolveInstrProse(text, false); r.known || r.anaphor != anaNone {
		sl.instr, sl.hasInstr = text, true
		return true
	}
	return false
}

// ofArticle reads « de l'article », « de l'art. », « of section » after
// subdivisions written first (« paragraphe 3° du deuxième alinéa de l'article 59 »).
func (p *parser) ofArticle() bool {
	save := p.pos
	if p.kind(0) == tComma {
		p.pos++
	}
	switch {
	case p.isWord(0, "de") && p.isWord(1, "l") && p.kind(2) == tApos:
		p.pos += 3
	case p.isWord(0, "of"):
		p.pos++
	default:
		p.pos = save
		return false
	}
	if n := p.head(0); n > 0 {
		p.pos += n
		return true
	}
	p.pos = save
	return false
}

// citation parses a line that starts with an article keyword, with
// subdivisions followed by « de l'article », with « Alinéa 3a » (federal) or
// with a bare article number.
func (p *parser) citation(bodyStart int) (synLine, bool) {
	save := p.pos
	fail := func() (synLine, bool) { p.pos = save; return synLine{}, false }
	p.skipDet()
	var pre synRef
	fedHead := false
	switch {
	case p.head(0) > 0:
		p.pos += p.head(0)
	case p.isWord(0, "alinea", "alineas") && p.kind(1) == tNum:
		// « Alinéa 3a de la Loi sur la statistique » (federal): article 3, alinéa a.
		// « alinéa 2 de l'article 59 »: Québec alinéa written first.
		p.pos++
		q := *p
		var tmp synRef
		if v, err := strconv.Atoi(q.tok(0).text); err == nil && v > 0 && v < 100 && !(q.kind(1) == tWord && q.glued(1)) {
			q.pos++
			if q.ofArticle() {
				tmp.al, tmp.alQC, tmp.hasSub = v, true, true
				pre = tmp
				*p = q
				break
			}
		}
		fedHead = true
	case p.kind(0) == tNum && p.pos == bodyStart:
		// short form « 68 al. 1 par. 1° »
	default:
		if !p.subdivs(&pre) || !p.ofArticle() {
			return fail()
		}
	}
	refs, ok := p.artList()
	if !ok {
		return fail()
	}
	if pre.hasSub {
		for i := range refs {
			mergeSub(&refs[i], pre)
		}
	}
	if fedHead {
		for i := range refs {
			refs[i].fedHead = true
			if refs[i].letter != "" {
				refs[i].fedLetter = true
			}
		}
	}
	sl := synLine{refs: refs}
	if !p.tail(&sl) {
		return fail()
	}
	return sl, true
}

func mergeSub(r *synRef, pre synRef) {
	if r.al == 0 && !r.alLast {
		r.al, r.alLast, r.alQC = pre.al, pre.alLast, pre.alQC
	}
	if len(r.pars) == 0 {
		r.pars, r.parDeg = pre.pars, pre.parDeg
	}
	if r.spar == "" {
		r.spar = pre.spar
	}
	if r.letter == "" && pre.letter != "" {
		r.letter, r.fedLetter = pre.letter, pre.fedLetter
	}
	if r.roman == "" {
		r.roman = pre.roman
	}
	if r.annexe == "" {
		r.annexe = pre.annexe
	}
	r.hasSub = true
}

// instrFirst parses « Loi sur l'accès, article 59 », « LAI, art. 67 »,
// «, a. 68 » and « a. 59 al. 2 par. 1°–3° »: an instrument, then
// the articles up to the end of the line.
func (p *parser) instrFirst() (synLine, bool) {
	save := p.pos
	for i := p.pos + 1; i < len(p.toks); i++ {
		p.pos = i
		n := p.head(0)
		if n == 0 {
			continue
		}
		paren := i > 0 && p.toks[i-1].kind == tLParen // « Loi sur l'accès (art. 67) »
		end := p.toks[i].start
		if paren {
			end = p.toks[i-1].start
		}
		prefix := cleanEnds(p.s[p.toks[save].start:end])
		r := resolveInstrProse(prefix, false)
		if !r.known && r.anaphor == anaNone {
			break
		}
		p.pos = i + n
		refs, ok := p.artList()
		if paren && p.kind(0) == tRParen {
			p.pos++
		}
		if !ok || !p.atEnd() {
			break
		}
		return synLine{refs: refs, instr: prefix, hasInstr: true}, true
	}
	p.pos = save
	return synLine{}, false
}
