package source

import (
	"strings"
	"unicode/utf8"

	"github.com/registre-qc/registre/pkg/finding"
)

// The YAML library reports a syntax error at the line of the construct it
// was parsing (a mapping that started lines earlier), often one line off and
// without a column. locateSyntax re-reads the raw text from that line on to
// find the offending character itself, for the usual causes: a tab in an
// indentation, an indentation that matches no enclosing key, a « : » in an
// unquoted value, a quote or bracket never closed. The library's line is
// never after the real one, so the search only goes forward from it.

// locateSyntax returns the refined position and a French explanation, or
// ok false when no usual cause is found (the library's report stands).
func locateSyntax(data []byte, line int, en string) (finding.Position, string, bool) {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	from := max(line, 1)
	tabErr := strings.Contains(en, "tab character") || strings.Contains(en, "cannot start any token")
	if tabErr {
		if l, c, ok := indentTab(lines, from); ok {
			return finding.Position{Line: l, Col: c}, "tabulation dans l'indentation : YAML n'accepte que des espaces pour indenter ; remplacez la tabulation par des espaces", true
		}
	}
	if strings.Contains(en, "cannot start any token") {
		if l, c, r, ok := badStart(lines, from); ok {
			return finding.Position{Line: l, Col: c}, "« " + string(r) + " » ne peut pas commencer une valeur : mettez la valeur entre guillemets", true
		}
	}
	if strings.Contains(en, "end of stream") || strings.Contains(en, "expected ',' or") || strings.Contains(en, "quoted scalar") || strings.Contains(en, "flow") {
		if l, c, r, ok := unclosed(lines, from); ok {
			what := "crochet « " + string(r) + " » ouvert ici et jamais fermé"
			if r == '"' || r == '\'' {
				what = "guillemet « " + string(r) + " » ouvert ici et jamais fermé"
			} else if r == '{' {
				what = "accolade « { » ouverte ici et jamais fermée"
			}
			return finding.Position{Line: l, Col: c}, what, true
		}
	}
	if indentError(en) {
		if l, c, ok := badIndent(lines, from); ok {
			return finding.Position{Line: l, Col: c}, "indentation incohérente : cette ligne n'est alignée sur aucune clé au-dessus d'elle ; alignez-la, avec des espaces, sur les autres clés du même niveau (ou rendez-la à la clé dont elle fait partie)", true
		}
		if strings.Contains(en, "mapping values are not allowed") {
			if l, c, ok := colonInValue(lines, from); ok {
				return finding.Position{Line: l, Col: c}, "« : » dans une valeur sans guillemets : mettez la valeur entre guillemets, p. ex. fins: \"Administration du régime : volet 2\"", true
			}
		}
	}
	return finding.Position{}, "", false
}

func indentError(en string) bool {
	for _, s := range []string{"did not find expected key", "mapping values are not allowed", "did not find expected '-' indicator",
		"block sequence entries are not allowed", "did not find expected node content", "could not find expected ':'"} {
		if strings.Contains(en, s) {
			return true
		}
	}
	return false
}

// col is the 1-based column, in characters, of byte offset i of s.
func col(s string, i int) int { return 1 + utf8.RuneCountInString(s[:i]) }

// indentTab finds the first tab in the leading white space of a line, from line from on.
func indentTab(lines []string, from int) (int, int, bool) {
	for i := from - 1; i < len(lines); i++ {
		s := lines[i]
		for j := 0; j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '-'); j++ {
			if s[j] == '\t' {
				return i + 1, col(s, j), true
			}
		}
	}
	return 0, 0, false
}

// badStart finds a value that starts with a character YAML reserves (@, `).
func badStart(lines []string, from int) (int, int, rune, bool) {
	for i := from - 1; i < len(lines); i++ {
		s := lines[i]
		t := strings.TrimLeft(s, " -")
		j := len(s) - len(t)
		if k := strings.Index(t, ": "); k >= 0 && !strings.HasPrefix(t, "#") {
			v := strings.TrimLeft(t[k+2:], " ")
			j += k + 2 + (len(t[k+2:]) - len(v))
			t = v
		}
		if t != "" && (t[0] == '@' || t[0] == '`') {
			return i + 1, col(s, j), rune(t[0]), true
		}
	}
	return 0, 0, 0, false
}

// unclosed finds the first quote or bracket opened at or after line from and
// not closed before the end of the file.
func unclosed(lines []string, from int) (int, int, rune, bool) {
	type open struct {
		line, col int
		r         rune
	}
	var stack []open
	var quote *open
	for i := from - 1; i < len(lines); i++ {
		s := lines[i]
		for j := 0; j < len(s); j++ {
			c := s[j]
			if quote != nil {
				switch {
				case quote.r == '"' && c == '\\':
					j++
				case byte(quote.r) == c:
					if c == '\'' && j+1 < len(s) && s[j+1] == '\'' {
						j++
						continue
					}
					quote = nil
				}
				continue
			}
			switch c {
			case '#':
				if j == 0 || s[j-1] == ' ' || s[j-1] == '\t' {
					j = len(s)
				}
			case '"', '\'':
				// A quote opens a scalar only where a value starts.
				if k := strings.TrimRight(s[:j], " \t"); k == "" || strings.HasSuffix(k, ":") || strings.HasSuffix(k, "-") || strings.HasSuffix(k, "[") || strings.HasSuffix(k, "{") || strings.HasSuffix(k, ",") {
					quote = &open{i + 1, col(s, j), rune(c)}
				}
			case '[', '{':
				if k := strings.TrimRight(s[:j], " \t"); len(stack) > 0 || k == "" || strings.HasSuffix(k, ":") || strings.HasSuffix(k, "-") {
					stack = append(stack, open{i + 1, col(s, j), rune(c)})
				}
			case ']', '}':
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
		}
	}
	if quote != nil {
		return quote.line, quote.col, quote.r, true
	}
	if len(stack) > 0 {
		return stack[0].line, stack[0].col, stack[0].r, true
	}
	return 0, 0, 0, false
}

// badIndent follows the block structure from the top of the file and
// returns the first line, at or after from, whose indentation matches no
// open level: deeper than its predecessor that opens nothing, or between
// two levels when going back.
func badIndent(lines []string, from int) (int, int, bool) {
	var stack []int // indentations of the open levels
	opens := false  // the previous content line opens a block (ends with ":" or "-")
	block := -1     // a block scalar (| or >) owned by a key at this indentation
	flow := 0       // depth of an open flow collection spanning lines
	for i, raw := range lines {
		t := strings.TrimRight(raw, " \t")
		body := strings.TrimLeft(t, " ")
		n := len(t) - len(body)
		if body == "" || strings.HasPrefix(body, "#") {
			continue
		}
		if block >= 0 {
			if n > block {
				continue
			}
			block = -1
		}
		if flow > 0 {
			flow += strings.Count(body, "[") + strings.Count(body, "{") - strings.Count(body, "]") - strings.Count(body, "}")
			continue
		}
		if n == 0 && (strings.HasPrefix(body, "---") || strings.HasPrefix(body, "...") || strings.HasPrefix(body, "%")) {
			stack, opens = nil, false
			continue
		}
		if strings.HasPrefix(body, "\t") {
			continue // a tab: reported as such
		}
		seq := body == "-" || strings.HasPrefix(body, "- ")
		ok := false
		switch {
		case len(stack) == 0:
			ok = true
		case opens && (n > stack[len(stack)-1] || n == stack[len(stack)-1] && seq):
			ok = true
		case !opens && n > stack[len(stack)-1] && !seq && !looksKey(body):
			continue // the continuation of a multi-line value
		default:
			for len(stack) > 0 && stack[len(stack)-1] > n {
				stack = stack[:len(stack)-1]
			}
			ok = len(stack) > 0 && stack[len(stack)-1] == n
		}
		if !ok {
			if i+1 >= from {
				return i + 1, n + 1, true
			}
			continue // accepted by the library: leave the structure as it was
		}
		if len(stack) == 0 || stack[len(stack)-1] != n {
			stack = append(stack, n)
		}
		// "- - key: v": each dash opens a level two columns further.
		for strings.HasPrefix(body, "- ") || body == "-" {
			n += 2
			body = strings.TrimLeft(strings.TrimPrefix(body, "-"), " ")
			if body != "" {
				stack = append(stack, n)
			}
		}
		v := stripComment(body)
		opens = v == "" || strings.HasSuffix(v, ":")
		if k := strings.Index(v, ": "); k >= 0 {
			val := strings.TrimSpace(v[k+2:])
			if val != "" && (val[0] == '|' || val[0] == '>') && strings.Trim(val[1:], "+-0123456789") == "" {
				block = n
			}
			flow = strings.Count(val, "[") + strings.Count(val, "{") - strings.Count(val, "]") - strings.Count(val, "}")
			if flow < 0 || val == "" || val[0] != '[' && val[0] != '{' {
				flow = 0
			}
		}
	}
	return 0, 0, false
}

// looksKey reports whether a line reads as "key: value" or "key:".
func looksKey(body string) bool {
	v := stripComment(body)
	k := strings.Index(v, ":")
	if k <= 0 || strings.ContainsAny(v[:1], "\"'[{") {
		return false
	}
	return k == len(v)-1 || v[k+1] == ' '
}

// stripComment drops a trailing " # comment" (outside quotes, roughly).
func stripComment(s string) string {
	if strings.HasPrefix(s, "#") {
		return ""
	}
	if i := strings.Index(s, " #"); i >= 0 && !strings.ContainsAny(s[:i], "\"'") {
		s = s[:i]
	}
	return strings.TrimRight(s, " \t")
}

// colonInValue finds, from line from on, a "key: value" line whose value
// holds another ": ", and returns the position of that colon.
func colonInValue(lines []string, from int) (int, int, bool) {
	for i := from - 1; i < len(lines); i++ {
		s := lines[i]
		body := strings.TrimLeft(s, " -")
		off := len(s) - len(body)
		k := strings.Index(body, ": ")
		if k < 0 || strings.HasPrefix(body, "#") {
			continue
		}
		val := body[k+2:]
		if strings.HasPrefix(strings.TrimLeft(val, " "), "\"") || strings.HasPrefix(strings.TrimLeft(val, " "), "'") {
			continue
		}
		if j := strings.Index(val, ": "); j >= 0 {
			return i + 1, col(s, off+k+2+j), true
		}
		if strings.HasSuffix(val, ":") {
			return i + 1, col(s, len(s)-1), true
		}
	}
	return 0, 0, false
}
