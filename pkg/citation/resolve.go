package citation

import (
	"regexp"
	"strings"
)

// scope is an instrument named in a cell.
type scope struct {
	instr, title string
	jur          Jurisdiction
}

func (s scope) federalStatute() bool {
	return s.jur == CA && (strings.HasPrefix(s.instr, "L.R.C. ") || strings.HasPrefix(s.instr, "L.C. "))
}

// context carries what earlier lines of a cell named.
type context struct {
	depth          int // nesting of extra citations on one line
	def            *scope
	last           *scope
	lastFed        *scope
	lastFedStatute *scope
}

func newContext(def string) *context {
	c := &context{}
	if def = strings.TrimSpace(def); def != "" {
		instr := canonicalInstrument(def)
		if i, ok := byInstr[instr]; ok {
			e := table[i]
			c.def = &scope{instr: e.Instr, title: e.Title, jur: e.Jur}
		} else if ch, ok := parseChapter(Normalize(def)); ok {
			c.def = &scope{instr: ch.instr, jur: ch.jur}
		}
	}
	return c
}

func (c *context) note(s scope) {
	if s.instr == "" && s.title == "" {
		return
	}
	c.last = &s
	if s.jur == CA && s.instr != "" {
		c.lastFed = &s
		if s.federalStatute() {
			c.lastFedStatute = &s
		}
	}
}

// parse parses one line in the context of the lines before it and updates the
// context.
func (c *context) parse(raw string) Line {
	line := Line{Raw: raw}
	n := Normalize(raw)
	if n == "" {
		line.Kind = Unparsed
		line.Issues = []Issue{{"CIT-001", "Ligne vide dans l'appui légal : supprimez-la ou écrivez la référence."}}
		return line
	}
	p := &parser{s: n, toks: lex(n)}
	p.skipLeadIn()
	bodyStart := p.pos
	body := p.rest(0)
	syn, ok := p.citation(bodyStart)
	if !ok {
		p.pos = bodyStart
		syn, ok = p.instrFirst()
	}
	var chap *chapterRef
	if ok {
		chap = c.citation(&line, syn, n)
	} else {
		chap = c.other(&line, body, n)
	}
	if line.Kind == Citation || line.Kind == InstrumentOnly {
		instr := ""
		if len(line.Refs) > 0 {
			instr = line.Refs[0].Instrument
		}
		line.Issues = append(line.Issues, styleIssues(raw, n, chap, instr)...)
	}
	return line
}

// unknownTitle sets the jurisdiction of an unresolved title and reports
// CIT-002 for a law-like or unclassifiable title.
func unknownTitle(res instrRes) (Jurisdiction, []Issue) {
	w := firstWordFold(res.written)
	switch {
	case agreementWords[w]:
		return Accord, nil
	case nonStatKind(res.written) != "":
		return Autre, nil
	}
	jur := Autre
	if res.lrc {
		jur = CA
	}
	return jur, []Issue{{"CIT-002", "Titre absent de la table des alias : « " + res.written +
		" ». Vérifiez le titre officiel et ajoutez le chapitre entre parenthèses, ex. « (RLRQ, c. A-2.1) »."}}
}

// citation resolves a line with articles.
func (c *context) citation(line *Line, syn synLine, n string) *chapterRef {
	line.Kind = Citation
	var sc scope
	var chap *chapterRef
	var trailing string
	if syn.hasInstr {
		res := resolveInstr(syn.instr)
		trailing = res.trailing
		chap = res.chap
		switch res.anaphor {
		case anaLRC:
			switch {
			case c.lastFedStatute != nil:
				sc = *c.lastFedStatute
			case c.lastFed != nil:
				sc = *c.lastFed
			default:
				sc = scope{jur: CA, title: res.written}
				line.Issues = append(line.Issues, Issue{"CIT-007", "« LRC » (Lois révisées du Canada) n'est pas le nom d'une loi et aucune loi fédérale " +
					"n'est nommée dans la cellule : écrivez le titre, ex. « Loi sur la statistique (L.R.C. 1985, ch. S-19) »."})
			}
		case anaIdem:
			if c.last != nil {
				sc = *c.last
			} else {
				line.Issues = append(line.Issues, Issue{"CIT-002", "« " + res.written + " » ne renvoie à aucune loi nommée plus haut dans la cellule : écrivez le titre de la loi."})
			}
		default:
			sc = scope{instr: res.instr, title: res.title, jur: res.jur}
			line.Issues = append(line.Issues, res.issues...)
			if !res.known {
				var iss []Issue
				sc.jur, iss = unknownTitle(res)
				line.Issues = append(line.Issues, iss...)
			}
			c.note(sc)
		}
	} else {
		switch {
		case c.last != nil:
			sc = *c.last
		case c.def != nil:
			sc = *c.def
		default:
			arts := make([]string, 0, len(syn.refs))
			for _, r := range syn.refs {
				arts = append(arts, r.art)
			}
			line.Issues = append(line.Issues, Issue{"CIT-002", "Aucune loi n'est nommée pour l'article " + strings.Join(arts, ", ") +
				" : précisez-la (ex. « Article " + arts[0] + " de la Loi sur l'accès ») ou nommez-la sur une ligne précédente de la cellule."})
		}
	}
	line.Refs, line.Issues = buildRefs(line.Raw, syn.refs, sc, line.Issues)
	if trailing != "" {
		// « Article 67 de la Loi sur l'accès et article 18 de la Loi sur le
		// privé », « … ; article 5 du … »: another citation, or prose.
		more, ok := c.segment(trailing)
		if !ok {
			prose(line, n, trailing)
			return nil
		}
		for _, r := range more.Refs {
			r.Raw = line.Raw
			line.Refs = append(line.Refs, r)
		}
		for _, is := range more.Issues {
			if is.Code != "CIT-006" { // style is checked once on the whole line
				line.Issues = append(line.Issues, is)
			}
		}
	}
	return chap
}

// maxSegments bounds the citations read from one line.
const maxSegments = 8

// segment parses the rest of a line that holds several citations; ok is false
// when the rest is not a citation.
func (c *context) segment(s string) (Line, bool) {
	if c.depth >= maxSegments {
		return Line{}, false
	}
	c.depth++
	defer func() { c.depth-- }()
	n := Normalize(s)
	p := &parser{s: n, toks: lex(n)}
	p.skipLeadIn()
	if p.isWord(0, "et", "and", "ou", "or") {
		p.pos++
	}
	bodyStart := p.pos
	syn, ok := p.citation(bodyStart)
	if !ok {
		p.pos = bodyStart
		if syn, ok = p.instrFirst(); !ok {
			return Line{}, false
		}
	}
	l := Line{Raw: s}
	c.citation(&l, syn, n)
	return l, l.Kind == Citation
}

// prose marks a line that embeds a citation in an explanatory sentence.
func prose(line *Line, n, trailing string) {
	line.Kind = Unparsed
	line.Refs = nil
	ref := n
	if i := strings.LastIndex(n, trailing); i > 0 {
		ref = cleanEnds(n[:i])
	}
	line.Issues = []Issue{{"CIT-001", "Phrase explicative dans l'appui légal : ne gardez que la référence (« " + ref +
		" ») et déplacez l'explication dans les raisons ou les remarques."}}
}

const maxExpand = 200

// buildRefs gives the written subdivisions their meaning in the instrument's
// jurisdiction and reports CIT-004 and CIT-005.
func buildRefs(raw string, syns []synRef, sc scope, issues []Issue) ([]Ref, []Issue) {
	fed := sc.jur == CA
	var refs []Ref
	var cit005 string
	for _, sr := range syns {
		base := Ref{Raw: raw, Jur: sc.jur, Instrument: sc.instr, Title: sc.title, Article: sr.art, Annexe: sr.annexe}
		pars := sr.pars
		if fed {
			if sr.paren != "" {
				base.FedSubsection = sr.paren
				if sr.parenDeg {
					cit005 = "fedDeg"
				}
			}
			base.FedParagraph = sr.letter
			base.FedSubparagraph = sr.roman
			if len(pars) == 1 && pars[0].To == "" && !sr.parDeg && base.FedSubsection == "" {
				// federal « paragraphe 3 » is subsection (3)
				base.FedSubsection = pars[0].From
			} else if len(pars) > 0 {
				cit005 = "fedPar"
			}
			pars = nil
			if sr.alQC || sr.alLast || sr.spar != "" {
				cit005 = "fedAl"
			}
		} else {
			if sr.paren != "" {
				pars = append([]Range{{From: sr.paren}}, pars...)
			}
			base.Al, base.AlDernier, base.SPar = sr.al, sr.alLast, sr.spar
			base.Letter = sr.letter
			if sr.roman != "" && base.SPar == "" {
				base.SPar = sr.roman
			}
			if sc.jur == QC && (sr.fedLetter || sr.fedHead) {
				cit005 = "qc"
			}
			// 65.1's numbered paragraphes are all in its second alinéa (legal.md §5.4).
			if sc.instr == "A-2.1" && sr.art == "65.1" && base.Al == 0 && !base.AlDernier && len(pars) > 0 {
				base.Al = 2
			}
		}
		arts := []string{sr.art}
		if sr.artTo != "" {
			if list, ok := articleRange(sc.instr, sr.art, sr.artTo); ok && len(list) <= maxExpand {
				arts = list
			} else {
				base.ArticleTo = sr.artTo
			}
		}
		for _, a := range arts {
			r := base
			r.Article = a
			if len(pars) == 0 {
				refs = append(refs, r)
				continue
			}
			for _, pr := range pars {
				r2 := r
				pr2 := pr
				r2.Par = &pr2
				refs = append(refs, r2)
			}
		}
	}
	switch cit005 {
	case "qc":
		issues = append(issues, Issue{"CIT-005", "Subdivision fédérale (« alinéa 3a », « sous-alinéa ») dans un texte du Québec : " +
			"écrivez l'alinéa et le paragraphe à la québécoise, ex. « art. 59, al. 2, par. 3° »."})
	case "fedDeg", "fedPar", "fedAl":
		issues = append(issues, Issue{"CIT-005", "Subdivision québécoise (« deuxième alinéa », « paragraphe 1° ») dans un texte fédéral : " +
			"écrivez le paragraphe et l'alinéa à la fédérale, ex. « art. 216(3) », « art. 3a) »."})
	}
	// CIT-004
	seen := map[string]bool{}
	for _, r := range refs {
		for _, a := range []string{r.Article, r.ArticleTo} {
			if a == "" || seen[a] {
				continue
			}
			seen[a] = true
			if known, listed := KnownArticle(r.Instrument, a); listed && !known {
				name := r.Title
				if _, short, _, ok := InstrumentTitle(r.Instrument); ok {
					name = short
				}
				issues = append(issues, Issue{"CIT-004", "L'article " + a + " n'existe pas dans " + withArticle(name) +
					" (" + chapterDisplay(r.Instrument) + ") : vérifiez le numéro de l'article."})
			}
		}
	}
	return refs, issues
}

// withArticle prefixes a title with « la » or « le » as French needs it:
// « dans la Loi sur l'accès », « dans le Règlement… ».
func withArticle(title string) string {
	w := firstWordFold(title)
	switch w {
	case "loi", "charte":
		return "la " + title
	case "reglement", "code":
		return "le " + title
	}
	return "« " + title + " »"
}

// other resolves a line without articles: an instrument, a non-statutory
// document or free text.
func (c *context) other(line *Line, body, n string) *chapterRef {
	if m := reCT.FindStringSubmatch(strings.Trim(cleanEnds(body), "()[] ")); m != nil {
		line.Kind, line.NonStatutory = NonStatutory, "decision_ct"
		return nil
	}
	res := resolveInstr(body)
	if res.known && res.trailing != "" {
		prose(line, n, res.trailing)
		return nil
	}
	if res.known || res.anaphor != anaNone {
		line.Kind = InstrumentOnly
		sc := scope{instr: res.instr, title: res.title, jur: res.jur}
		switch res.anaphor {
		case anaLRC:
			if c.lastFedStatute != nil {
				sc = *c.lastFedStatute
			} else {
				sc = scope{jur: CA, title: res.written}
				line.Issues = append(line.Issues, Issue{"CIT-007", "« LRC » (Lois révisées du Canada) n'est pas le nom d'une loi et aucune loi fédérale " +
					"n'est nommée dans la cellule : écrivez le titre, ex. « Loi sur la statistique (L.R.C. 1985, ch. S-19) »."})
			}
		case anaIdem:
			if c.last == nil {
				line.Kind = Unparsed
				line.Issues = append(line.Issues, Issue{"CIT-001", "« " + res.written + " » ne renvoie à aucune loi nommée plus haut dans la cellule : écrivez le titre de la loi."})
				return nil
			}
			sc = *c.last
		}
		line.Issues = append(line.Issues, res.issues...)
		line.Refs = []Ref{{Raw: line.Raw, Jur: sc.jur, Instrument: sc.instr, Title: sc.title}}
		c.note(sc)
		return res.chap
	}
	if k := nonStatKind(body); k != "" {
		line.Kind, line.NonStatutory = NonStatutory, k
		return nil
	}
	if lawWords[firstWordFold(stripDeterminer(body))] && res.written != "" && res.trailing == "" && !looksLikeProse(res.written) {
		line.Kind = InstrumentOnly
		jur, iss := unknownTitle(res)
		line.Issues = append(line.Issues, iss...)
		sc := scope{title: res.written, jur: jur}
		line.Refs = []Ref{{Raw: line.Raw, Jur: sc.jur, Title: sc.title}}
		c.note(sc)
		return nil
	}
	line.Kind = Unparsed
	line.Issues = append(line.Issues, Issue{"CIT-001", "Appui légal non reconnu : « " + n + " ». Écrivez un article et son instrument " +
		"(ex. « Article 67 de la Loi sur l'accès »), un instrument seul (ex. « Loi sur les normes du travail (RLRQ, c. N-1.1) ») " +
		"ou un document non législatif (convention collective, directive, entente, contrat, décision du Conseil du trésor)."})
	return nil
}

// looksLikeProse detects a sentence given where a title is expected.
func looksLikeProse(s string) bool {
	if len(s) > 300 {
		return true
	}
	f := fold(s)
	for _, w := range []string{", le ", ", la ", ", les ", ", il ", ", elle ", ", ce ", ", cette ", ", on ", ". "} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// nonStatPrefixes classify non-statutory documents by their first words
// (folded, after an optional article). Longer prefixes come first.
var nonStatPrefixes = []struct{ prefix, kind string }{
	// The person's consent in other words (legal.md §4.3): « Autorisation
	// écrite de la personne concernée », « Accord de la personne ». Before
	// « accord » (an intergovernmental accord) and « autorisation ».
	{"autorisation ecrite de la personne", "consentement"},
	{"autorisation ecrite des personnes", "consentement"},
	{"autorisation de la personne", "consentement"},
	{"autorisation des personnes", "consentement"},
	{"accord ecrit de la personne", "consentement"},
	{"accord de la personne", "consentement"},
	{"accord des personnes", "consentement"},
	{"avec l'accord de la personne", "consentement"},
	{"avec l'autorisation de la personne", "consentement"},
	{"avec le consentement", "consentement"},
	{"consentements", "consentement"},
	{"lettre d'entente", "lettre_entente"},
	{"lettres d'entente", "lettre_entente"},
	{"conventions collectives", "convention_collective"},
	{"convention collective", "convention_collective"},
	{"decision du conseil du tresor", "decision_ct"},
	{"decisions du conseil du tresor", "decision_ct"},
	{"decision du ct", "decision_ct"},
	{"decision ct", "decision_ct"},
	{"protocole d'entente", "entente"},
	{"entente", "entente"},
	{"ententes", "entente"},
	{"contrat", "contrat"},
	{"contrats", "contrat"},
	{"directive", "directive"},
	{"directives", "directive"},
	{"politique-cadre", "politique"},
	{"politique", "politique"},
	{"politiques", "politique"},
	{"decret", "decret"},
	{"decrets", "decret"},
	{"arrete", "decret"},
	{"accord", "accord"},
	{"accords", "accord"},
	{"mecanisme", "mecanisme"},
	{"modalites", "modalites"},
	{"orientations", "orientations"},
	{"orientation", "orientations"},
	{"protocole", "protocole"},
	{"lettre", "lettre"},
	{"guide", "guide"},
	{"cadre", "cadre"},
	{"consentement", "consentement"},
	{"mandat", "mandat"},
	{"resolution", "resolution"},
	{"convention", "convention"},
	{"engagement", "engagement"},
	{"collective agreement", "convention_collective"},
	{"agreement", "entente"},
	{"contract", "contrat"},
	{"consent", "consentement"},
	{"treasury board decision", "decision_ct"},
}

// nonStatKind returns the kind of a non-statutory document, or "".
func nonStatKind(s string) string {
	f := foldPrefix(stripDeterminer(strings.TrimSpace(s)), 64)
	for _, np := range nonStatPrefixes {
		if strings.HasPrefix(f, np.prefix) {
			rest := f[len(np.prefix):]
			if rest == "" || !(rest[0] >= 'a' && rest[0] <= 'z') {
				return np.kind
			}
		}
	}
	return ""
}

// reObsoleteAt matches an obsolete chapter reference at the start of a string.
var reObsoleteAt = regexp.MustCompile(`(?i)^((?:l\.? ?r\.? ?q\.?|r\.? ?s\.? ?q\.?)(?: ?,)? ?(?:chapitre|chap\.?|ch\.?|c\.?)? ?(?:\d+ ?, ?)?[a-z]{1,3} ?- ?\d+(?:\.\d+)*(?: ?,? ?r\. ?\d+(?:\.\d+)*)?)`)

// obsoleteAt returns the byte offsets where « L.R.Q. », « LRQ », « R.S.Q. »
// (any case, with or without dots and spaces) starts a word; « RLRQ » does not
// count.
func obsoleteAt(s string) []int {
	var out []int
	for i := 0; i < len(s) && len(out) < 4; i++ {
		c := s[i] | 0x20
		if c != 'l' && c != 'r' {
			continue
		}
		if i > 0 && s[i-1] != ' ' && s[i-1] != '(' && s[i-1] != ',' {
			continue
		}
		// read three letters, skipping dots and spaces
		var w [3]byte
		n, j := 0, i
		for j < len(s) && n < 3 && j-i < 8 {
			switch d := s[j]; {
			case d == '.' || d == ' ':
			case ('a' <= d|0x20) && (d|0x20) <= 'z':
				w[n] = d | 0x20
				n++
			default:
				j = len(s)
				continue
			}
			j++
		}
		if n == 3 && (w == [3]byte{'l', 'r', 'q'} || w == [3]byte{'r', 's', 'q'}) {
			out = append(out, i)
		}
	}
	return out
}

// rawStyle reports the sloppy typography of a raw line: « º » or « 1o » for
// the degree sign, and « r.4 » / « r. 4. » for a regulation number.
func rawStyle(s string) (degree, regNum bool) {
	for i := 0; i < len(s); i++ {
		switch {
		case isDigit(s[i]):
			j := i + 1
			if j < len(s) && s[j] == ' ' {
				j++
			} else if strings.HasPrefix(s[j:], "\u00a0") {
				j += len("\u00a0")
			}
			if strings.HasPrefix(s[j:], "º") {
				degree = true
			}
			if i+1 < len(s) && s[i+1] == 'o' {
				if k := i + 2; k == len(s) || !(isDigit(s[k]) || ('a' <= s[k]|0x20 && s[k]|0x20 <= 'z') || s[k] >= 0x80) {
					degree = true
				}
			}
		case s[i] == 'r' && i+1 < len(s) && s[i+1] == '.' && (i == 0 || !isWordByte(s[i-1])):
			j := i + 2
			if j < len(s) && isDigit(s[j]) {
				regNum = true // « r.4 »
				break
			}
			if j < len(s) && s[j] == ' ' {
				j++
			}
			k := j
			for k < len(s) && (isDigit(s[k]) || (s[k] == '.' && k+1 < len(s) && isDigit(s[k+1]))) {
				k++
			}
			if k > j && k < len(s) && s[k] == '.' && (k+1 == len(s) || s[k+1] == ' ' || s[k+1] == ')') {
				regNum = true // « r. 4. »
			}
		}
	}
	return degree, regNum
}

func isWordByte(c byte) bool {
	return isDigit(c) || ('a' <= c|0x20 && c|0x20 <= 'z') || c >= 0x80
}

// hasChapSpaceRaw reports « 2. 1 » with any white space (NBSP included)
// between the dot and the digit.
func hasChapSpaceRaw(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] != '.' || !isDigit(s[i-1]) {
			continue
		}
		j := i + 1
		for j < len(s) {
			if s[j] == ' ' || s[j] == '\t' || s[j] == '\n' {
				j++
			} else if strings.HasPrefix(s[j:], "\u00a0") {
				j += len("\u00a0")
			} else {
				break
			}
		}
		if j > i+1 && j < len(s) && isDigit(s[j]) {
			return true
		}
	}
	return false
}

var reRawChapSp = regexp.MustCompile(`\b[A-Z]{1,3}-\d+(?:\.\d+)*\.[\s\x{00A0}]+\d`)

// styleIssues reports CIT-006: obsolete compilation names and sloppy typing,
// with the normalised form to use.
// instr is the instrument the line resolved to: when the written chapter is
// wrong (CIT-003), the suggestion uses the right one.
func styleIssues(raw, n string, chap *chapterRef, instr string) []Issue {
	var out []Issue
	suggest := func(c chapterRef) string {
		if chap != nil && c.instr == chap.instr && instr != "" && instr != c.instr && chapterDisplay(instr) != instr {
			return chapterDisplay(instr)
		}
		return chapterDisplay(c.instr)
	}
	for _, at := range obsoleteAt(n) {
		m := reObsoleteAt.FindStringSubmatch(n[at:])
		if m == nil {
			continue
		}
		c, ok := parseChapter(m[1])
		if !ok || c.obsolete == "" {
			continue
		}
		out = append(out, Issue{"CIT-006", "Style désuet : « " + m[1] + " » ; écrivez « " + suggest(c) +
			" » (le recueil RLRQ a remplacé les L.R.Q.)."})
	}
	if len(out) == 0 && chap != nil && chap.obsolete != "" {
		out = append(out, Issue{"CIT-006", "Style désuet : « " + chap.raw + " » ; écrivez « " + suggest(*chap) + " »."})
	}
	if hasChapSpaceRaw(raw) {
		if m := reRawChapSp.FindString(raw); m != "" {
			out = append(out, Issue{"CIT-006", "Espace parasite dans le numéro de chapitre « " + m + " » ; écrivez « " +
				strings.Join(strings.Fields(strings.ReplaceAll(m, "\u00A0", " ")), "") + " »."})
		}
	}
	degree, regNum := rawStyle(raw)
	if regNum {
		out = append(out, Issue{"CIT-006", "Numéro de règlement mal typographié ; écrivez « r. N » (ex. « I-0.2, r. 4 ») : « " + n + " »."})
	}
	if degree {
		out = append(out, Issue{"CIT-006", "Indicateur ordinal « º » ou lettre « o » au lieu du symbole degré « ° » ; écrivez « " + n + " »."})
	}
	return out
}
