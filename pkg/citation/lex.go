package citation

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tEOF tokKind = iota
	tWord
	tNum // 67 ; 67.2.1
	tDeg // °
	tLParen
	tRParen
	tComma
	tDash // - – — and friends, when not inside a word
	tColon
	tSemi
	tPeriod
	tSlash
	tApos
	tOther
)

// token is one lexeme of a normalised line.
type token struct {
	kind       tokKind
	text       string // as written in the normalised line
	fold       string // folded text, for words
	start, end int    // byte offsets in the normalised line
	space      bool   // preceded by a space or at the start of the line
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// maxTokens bounds the work done on absurdly long lines: a citation never needs
// more, and the instrument text is sliced from the line, not rebuilt from tokens.
const maxTokens = 4096

// lex splits a normalised line into tokens. Letters joined by a hyphen form one
// word (« sous-paragraphe », « Canada-Québec »); digits joined by dots form one
// number (« 67.2.1 »); a letter glued to a number is its own word with
// space=false (« 3a », « 1er »).
func lex(s string) []token {
	toks := make([]token, 0, 24)
	space := true
	for i := 0; i < len(s); {
		if len(toks) >= maxTokens {
			break
		}
		c := s[i]
		if c == ' ' {
			space = true
			i++
			continue
		}
		if isDigit(c) {
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			for j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
				j++
				for j < len(s) && isDigit(s[j]) {
					j++
				}
			}
			toks = append(toks, token{kind: tNum, text: s[i:j], start: i, end: j, space: space})
			i = j
			space = false
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			j := i + w
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.Is(unicode.Mn, r2) {
					j += w2
					continue
				}
				if r2 == '-' && j+1 < len(s) {
					if r3, _ := utf8.DecodeRuneInString(s[j+1:]); unicode.IsLetter(r3) {
						j++
						continue
					}
				}
				break
			}
			toks = append(toks, token{kind: tWord, text: s[i:j], fold: fold(s[i:j]), start: i, end: j, space: space})
			i = j
			space = false
			continue
		}
		k := tOther
		switch r {
		case '°':
			k = tDeg
		case '(', '[':
			k = tLParen
		case ')', ']':
			k = tRParen
		case ',':
			k = tComma
		case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			k = tDash
		case ':':
			k = tColon
		case ';':
			k = tSemi
		case '.':
			k = tPeriod
		case '/':
			k = tSlash
		case '\'':
			k = tApos
		}
		toks = append(toks, token{kind: k, text: s[i : i+w], start: i, end: i + w, space: space})
		i += w
		space = false
	}
	return toks
}
