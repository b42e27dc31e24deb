package citation

// Jurisdiction tells whose text a reference points into.
type Jurisdiction string

// Jurisdictions.
const (
	QC     Jurisdiction = "QC"     // Québec statute, regulation, annual statute or code
	CA     Jurisdiction = "CA"     // federal statute or regulation
	Accord Jurisdiction = "accord" // intergovernmental or administrative agreement
	Autre  Jurisdiction = "autre"  // anything else (unknown title, policy…)
)

// Range is a Québec paragraphe or a range of them: "1" .. "3". To is empty for a
// single paragraphe.
type Range struct {
	From string `json:"from" yaml:"from"`
	To   string `json:"to,omitempty" yaml:"to,omitempty"`
}

// Ref is one structured reference (legal.md §5.5).
type Ref struct {
	Raw        string       `json:"raw" yaml:"raw"`                     // the line as written
	Jur        Jurisdiction `json:"jur,omitempty" yaml:"jur,omitempty"` // "" only when nothing could be resolved
	Instrument string       `json:"instrument,omitempty" yaml:"instrument,omitempty"`
	Title      string       `json:"title,omitempty" yaml:"title,omitempty"`
	Article    string       `json:"art,omitempty" yaml:"art,omitempty"`
	// ArticleTo ends a range of articles (« articles 63.1 à 63.8 ») when the
	// range could not be expanded from a shipped article list.
	ArticleTo string `json:"art_to,omitempty" yaml:"art_to,omitempty"`
	Al        int    `json:"al,omitempty" yaml:"al,omitempty"` // Québec alinéa, 1-based; 0 when absent
	// AlDernier is set for « dernier alinéa » (Al stays 0: the number is not known here).
	AlDernier bool   `json:"al_dernier,omitempty" yaml:"al_dernier,omitempty"`
	Par       *Range `json:"par,omitempty" yaml:"par,omitempty"`
	SPar      string `json:"spar,omitempty" yaml:"spar,omitempty"`
	// Federal subdivisions: 216(3) → FedSubsection "3"; 3a) → FedParagraph "a";
	// 3(1)a)(ii) → FedSubparagraph "ii".
	FedSubsection   string `json:"fed_subsection,omitempty" yaml:"fed_subsection,omitempty"`
	FedParagraph    string `json:"fed_paragraph,omitempty" yaml:"fed_paragraph,omitempty"`
	FedSubparagraph string `json:"fed_subparagraph,omitempty" yaml:"fed_subparagraph,omitempty"`
	Letter          string `json:"letter,omitempty" yaml:"letter,omitempty"` // « 22 a) » of an agreement or a Québec text
	Annexe          string `json:"annexe,omitempty" yaml:"annexe,omitempty"`
}

// LineKind classifies one line of a cell.
type LineKind int

// Line kinds.
const (
	Citation       LineKind = iota // one or more articles, with or without an instrument
	InstrumentOnly                 // an instrument named without an article (opens a scope)
	NonStatutory                   // collective agreement, directive, contract, agreement…
	Unparsed                       // not understood (CIT-001)
)

// String returns a stable, French identifier of the kind.
func (k LineKind) String() string {
	switch k {
	case Citation:
		return "citation"
	case InstrumentOnly:
		return "instrument"
	case NonStatutory:
		return "non_legislatif"
	case Unparsed:
		return "non_reconnu"
	}
	return "inconnu"
}

// Issue is a finding about one line. Code is the rule id ("CIT-001".."CIT-007");
// Message is in French and says what to do.
type Issue struct {
	Code    string `json:"code" yaml:"code"`
	Message string `json:"message" yaml:"message"`
}

// Line is one parsed line of an appui_legal cell.
type Line struct {
	Raw  string   `json:"raw" yaml:"raw"`
	Kind LineKind `json:"kind" yaml:"kind"`
	// Refs holds the references of a Citation line (several for « Articles 37,
	// 38 et 38.1 … ») and the single article-less reference of an
	// InstrumentOnly line. It is nil for NonStatutory and Unparsed lines.
	Refs []Ref `json:"refs,omitempty" yaml:"refs,omitempty"`
	// NonStatutory is the kind of non-statutory instrument: "convention_collective",
	// "directive", "entente", "lettre_entente", "contrat", "decision_ct",
	// "politique", "decret", "accord", "mecanisme", "modalites", "orientations",
	// "protocole", "lettre", "guide", "cadre", "consentement", "mandat", "resolution".
	NonStatutory string  `json:"non_statutory,omitempty" yaml:"non_statutory,omitempty"`
	Issues       []Issue `json:"issues,omitempty" yaml:"issues,omitempty"`
}

// Cell is a parsed appui_legal value: Lines[i] is the parse of input line i.
type Cell struct {
	Lines []Line `json:"lines" yaml:"lines"`
}

// ArticleKey names one cited article of one instrument.
type ArticleKey struct {
	Instrument string `json:"instrument" yaml:"instrument"`
	Article    string `json:"art" yaml:"art"`
}

// ParseCell parses the lines of one appui_legal value with cell-level context:
// an article-only line inherits the last instrument named on an earlier line of
// the cell (a bare law-title line opens such a scope), and « de la LRC »
// resolves to the last federal statute (else federal instrument) named in the
// cell. ParseCell(lines) is ParseCellDefault(lines, "").
func ParseCell(lines []string) Cell { return ParseCellDefault(lines, "") }

// ParseCellDefault is ParseCell with a default instrument ("A-2.1" for public
// bodies, "P-39.1" for enterprises) for article-only lines that have no
// instrument named before them in the cell. An empty or unrecognised
// defaultInstr means no default.
func ParseCellDefault(lines []string, defaultInstr string) Cell {
	ctx := newContext(defaultInstr)
	c := Cell{Lines: make([]Line, len(lines))}
	for i, s := range lines {
		c.Lines[i] = ctx.parse(s)
	}
	return c
}

// ParseLine parses a single line without cell context and without default
// instrument.
func ParseLine(s string) Line {
	ctx := newContext("")
	return ctx.parse(s)
}

// Cites reports the references of the cell's Citation lines that cite article
// art (exact match, e.g. "67.2.1") of instrument instr (a canonical chapter such
// as "A-2.1"; other spellings such as "RLRQ, c. A-2.1" are accepted).
func (c Cell) Cites(instr, art string) []Ref {
	instr = canonicalInstrument(instr)
	var out []Ref
	for _, l := range c.Lines {
		if l.Kind != Citation {
			continue
		}
		for _, r := range l.Refs {
			if r.Instrument == instr && r.Article == art {
				out = append(out, r)
			}
		}
	}
	return out
}

// Articles returns every distinct (instrument, article) cited by the cell's
// Citation lines, in order of first appearance. Articles whose instrument could
// not be resolved have an empty Instrument.
func (c Cell) Articles() []ArticleKey {
	var out []ArticleKey
	seen := map[ArticleKey]bool{}
	for _, l := range c.Lines {
		if l.Kind != Citation {
			continue
		}
		for _, r := range l.Refs {
			if r.Article == "" {
				continue
			}
			k := ArticleKey{r.Instrument, r.Article}
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// Issues returns the issues of every line, in line order.
func (c Cell) Issues() []Issue {
	var out []Issue
	for _, l := range c.Lines {
		out = append(out, l.Issues...)
	}
	return out
}

// Instruments returns the distinct instruments named by Citation and
// InstrumentOnly lines, in order of first appearance.
func (c Cell) Instruments() []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range c.Lines {
		if l.Kind != Citation && l.Kind != InstrumentOnly {
			continue
		}
		for _, r := range l.Refs {
			if r.Instrument != "" && !seen[r.Instrument] {
				seen[r.Instrument] = true
				out = append(out, r.Instrument)
			}
		}
	}
	return out
}

// HasIssue reports whether the line has an issue with the given code.
func (l Line) HasIssue(code string) bool {
	for _, is := range l.Issues {
		if is.Code == code {
			return true
		}
	}
	return false
}
