// Package pii detects the personal information of persons concerned in
// published text (rule PUB-003 of pkg/rule): social insurance and health-card
// numbers, full dates of birth, personal e-mail addresses and telephone
// numbers, civic addresses with a postal code. Detect never returns a value
// itself, only its position and a masked copy.
//
// The detector runs over every published column of every entry (10,000
// entries with 1,500-character fields), so it is one linear scan that only
// stops on a digit or an upper-case letter (and looks for e-mail addresses
// only when the text has an « @ »); the few regular expressions are compiled
// once and run on short windows after a cheap keyword check.
package pii

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind names a kind of personal information.
type Kind uint8

const (
	NAS      Kind = iota // social insurance number (Luhn-valid)
	RAMQ                 // Québec health-insurance card number
	Birth                // full date of birth
	Email                // personal (webmail) e-mail address
	Phone                // personal telephone number
	Address              // civic address with a postal code
	NumKinds             // number of kinds: Kind values are below it
)

// French describes the kind in a finding.
func (k Kind) French() string {
	switch k {
	case NAS:
		return "numéro d'assurance sociale"
	case RAMQ:
		return "numéro d'assurance maladie (RAMQ)"
	case Birth:
		return "date de naissance complète"
	case Email:
		return "adresse courriel personnelle"
	case Phone:
		return "numéro de téléphone personnel"
	case Address:
		return "adresse civique avec code postal"
	}
	return "renseignement personnel"
}

// Hit is one match. Masked shows the value without revealing it (at most
// three digits), so that findings never copy personal information into CI logs.
type Hit struct {
	Kind       Kind
	Start, End int // byte offsets in the scanned text
	Masked     string
}

// Allow holds the function contact details of registre.yaml (public
// character, A-2.1 art. 57): they are never reported.
type Allow struct {
	email  string   // lowercase
	postal []string // postal codes without space
	phone  string   // last ten digits
}

// NewAllow collects the responsable's e-mail, postal codes and telephone digits.
func NewAllow(courriel, adresse, telephone string) *Allow {
	a := &Allow{email: strings.ToLower(strings.TrimSpace(courriel))}
	for i := 0; i < len(adresse); i++ {
		if h, ok := postalAt(adresse, i, nil, true); ok && !wordBefore(adresse, i) {
			a.postal = append(a.postal, postalKey(adresse[h.Start:h.End]))
		}
	}
	if d := digitsOf(telephone); len(d) >= 10 {
		a.phone = d[len(d)-10:]
	}
	return a
}

func (a *Allow) hasEmail(e string) bool { return a != nil && a.email != "" && a.email == e }

func (a *Allow) hasPhone(d string) bool { return a != nil && a.phone != "" && a.phone == d }

func (a *Allow) hasPostal(code string) bool {
	if a == nil {
		return false
	}
	k := postalKey(code)
	for _, p := range a.postal {
		if p == k {
			return true
		}
	}
	return false
}

// maxHits bounds the hits returned for one text.
const maxHits = 32

// Detect returns the personal information found in s, by position
// (maxHits at most). allow may be nil. One pass over the text: each value
// starts with a digit (social insurance number, date of birth, telephone) or
// an upper-case letter (health card, postal code); e-mail addresses are
// looked for only when the text has an « @ ».
func Detect(s string, allow *Allow) []Hit {
	var out []Hit
	if strings.IndexByte(s, '@') >= 0 {
		out = scanEmail(s, out, allow)
	}
	for i := 0; i < len(s) && len(out) < maxHits; i++ {
		var h Hit
		ok := false
		switch byteClass[s[i]] {
		case 0:
			continue
		case classDigit:
			if i > 0 && isDigit(s[i-1]) {
				continue
			}
			if h, ok = nasAt(s, i); !ok {
				h, ok = keyedAt(s, i, allow)
			}
		case classUpper:
			if i+1 >= len(s) || byteClass[s[i+1]] == 0 || wordBefore(s, i) {
				continue
			}
			if h, ok = postalAt(s, i, allow, false); !ok {
				h, ok = ramqAt(s, i)
			}
		}
		if ok {
			out = append(out, h)
			i = h.End - 1
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	if len(out) > maxHits {
		out = out[:maxHits]
	}
	return out
}

// Byte classes of the single pass.
const (
	classDigit = 1
	classUpper = 2
)

var byteClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = classUpper
	}
	return t
}()

// wordBefore reports whether a letter or digit stands just before i.
func wordBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return isDigit(c) || isUpper(c) || c >= 'a' && c <= 'z'
	}
	return alnumBefore(s, i)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// alnumBefore reports whether the rune ending at i is a letter or a digit.
func alnumBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// alnumAt reports whether the rune starting at i is a letter or a digit.
func alnumAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// sepAt returns the length of a number-group separator at i: space, hyphen,
// no-break space or narrow no-break space; 0 if none.
func sepAt(s string, i int) int {
	switch {
	case i >= len(s):
		return 0
	case s[i] == ' ' || s[i] == '-':
		return 1
	case strings.HasPrefix(s[i:], "\u00a0"):
		return 2
	case strings.HasPrefix(s[i:], "\u202f"):
		return 3
	}
	return 0
}

// sepBefore returns the length of a separator ending at i; 0 if none.
func sepBefore(s string, i int) int {
	switch {
	case i <= 0:
		return 0
	case s[i-1] == ' ' || s[i-1] == '-':
		return 1
	case strings.HasSuffix(s[:i], "\u00a0"):
		return 2
	case strings.HasSuffix(s[:i], "\u202f"):
		return 3
	}
	return 0
}

// digitRun returns the end of n digits starting at i, or -1.
func digitRun(s string, i, n int) int {
	if i+n > len(s) {
		return -1
	}
	for j := i; j < i+n; j++ {
		if !isDigit(s[j]) {
			return -1
		}
	}
	return i + n
}

// groups parses digit groups of the given sizes (12 digits in all at most)
// from i, each optionally preceded by one separator; it returns the digits
// and the end, or end -1.
func groups(s string, i int, sizes ...int) (string, int) {
	var buf [12]byte
	n := 0
	for k, size := range sizes {
		if k > 0 {
			i += sepAt(s, i)
		}
		e := digitRun(s, i, size)
		if e < 0 || n+size > len(buf) {
			return "", -1
		}
		n += copy(buf[n:], s[i:e])
		i = e
	}
	return string(buf[:n]), i
}

// partOfLongerNumber reports whether [start, end) touches another digit or
// letter, directly or across one separator.
func partOfLongerNumber(s string, start, end int) bool {
	if alnumBefore(s, start) || alnumAt(s, end) {
		return true
	}
	if n := sepBefore(s, start); n > 0 && start-n > 0 && isDigit(s[start-n-1]) {
		return true
	}
	if n := sepAt(s, end); n > 0 && end+n < len(s) && isDigit(s[end+n]) {
		return true
	}
	return false
}

// luhn checks the social insurance number check digit.
func luhn(d string) bool {
	sum := 0
	for i := 0; i < len(d); i++ {
		v := int(d[i] - '0')
		if (len(d)-i)%2 == 0 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// nasAt reads a social insurance number starting at i.
func nasAt(s string, i int) (Hit, bool) {
	d, end := groups(s, i, 3, 3, 3)
	if end < 0 || partOfLongerNumber(s, i, end) || strings.Trim(d, "0") == "" || !luhn(d) {
		return Hit{}, false
	}
	if rest := strings.TrimLeft(s[end:], " \u00a0"); strings.HasPrefix(rest, "$") {
		return Hit{}, false // an amount
	}
	return Hit{Kind: NAS, Start: i, End: end, Masked: d[:3] + " *** ***"}, true
}

// ramqAt reads a health-insurance card number starting at i.
func ramqAt(s string, i int) (Hit, bool) {
	if i+12 > len(s) || !isUpper(s[i+1]) || !isUpper(s[i+2]) || !isUpper(s[i+3]) {
		return Hit{}, false
	}
	j := i + 4
	if s[j] == ' ' {
		j++
	}
	d, end := groups(s, j, 4, 4)
	if end < 0 || alnumAt(s, end) {
		return Hit{}, false
	}
	// YY MM DD NN: the month is 01–12, plus 50 for women; the day 01–31.
	mm := int(d[2]-'0')*10 + int(d[3]-'0')
	dd := int(d[4]-'0')*10 + int(d[5]-'0')
	if mm > 50 {
		mm -= 50
	}
	if mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return Hit{}, false
	}
	return Hit{Kind: RAMQ, Start: i, End: end, Masked: s[i:i+1] + "*** **** ****"}, true
}

// Postal code letters (Canada Post): D, F, I, O, Q and U are never used; W and
// Z never start a code.
const (
	postalFirst = "ABCEGHJKLMNPRSTVXY"
	postalOther = "ABCEGHJKLMNPRSTVWXYZ"
)

// streetRe finds a civic number followed by a street type, in the window before a postal code.
var streetRe = regexp.MustCompile(`(?i)(?:^|[^\pL\d])\d{1,6}[a-z]?(?:[-–]\d{1,5})?,?\s+(?:(?:de\s+la|du|des|de)\s+|de\s+l['’]\s*)?` +
	`(?:rue|avenue|av|boulevard|boul|bd|chemin|ch|rang|route|rte|place|montée|montee|côte|cote|croissant|impasse|terrasse|allée|allee|promenade|carré|carre|square|street|st|road|rd|drive|dr|crescent|lane|way|circle)\.?(?:[\s,]|$)`)

// officeWords mark a work address (public character, A-2.1 art. 57) in the window before a postal code.
var officeWords = []string{"bureau", "case postale", "c.p.", "c. p.", "étage", "edifice", "édifice", "local "}

// postalAt reads a postal code starting at i; unless bare, only one that
// ends a civic address that is not an office address.
func postalAt(s string, i int, allow *Allow, bare bool) (Hit, bool) {
	if i+6 > len(s) || !isDigit(s[i+1]) || !strings.ContainsRune(postalFirst, rune(s[i])) || !strings.ContainsRune(postalOther, rune(s[i+2])) {
		return Hit{}, false
	}
	j := i + 3
	j += sepAt(s, j)
	if j+3 > len(s) || !isDigit(s[j]) || !strings.ContainsRune(postalOther, rune(s[j+1])) || !isDigit(s[j+2]) || alnumAt(s, j+3) {
		return Hit{}, false
	}
	end := j + 3
	if !bare {
		if allow.hasPostal(s[i:end]) {
			return Hit{}, false
		}
		win := s[max(0, i-120):i]
		if !streetRe.MatchString(win) || hasAny(strings.ToLower(win), officeWords) {
			return Hit{}, false
		}
	}
	return Hit{Kind: Address, Start: i, End: end, Masked: s[i:i+3] + " ***"}, true
}

func postalKey(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) || isUpper(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Dates of birth and personal telephone numbers are found from their
// value: at the start of each run of digits, the text just before is checked
// for a keyword (« né le », « date de naissance : », « cellulaire : »), so the
// common words are never searched for through the whole text.

// birthKeys introduce a date of birth (lowercased, separators trimmed).
var birthKeys = []string{"né le", "née le", "nés le", "nées le", "né(e) le", "ne le", "nee le", "ne(e) le",
	"naissance", "ddn", "dob", "date of birth", "born on"}

// birthDateRe is a full date at the start of a run of digits.
var birthDateRe = regexp.MustCompile(`(?i)^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|(?:1er|\d{1,2})\s+` +
	`(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|` +
	`janv\.?|févr\.?|fevr\.?|avr\.?|juil\.?|sept\.?|oct\.?|nov\.?|déc\.?|dec\.?|` +
	`january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4})`)

// phoneKeys introduce a personal telephone number. The common words
// « personnel » and « perso » count only after a telephone word
// (« tél. personnel », « numéro personnel »).
var phoneKeys = []struct {
	key  string
	need bool
}{
	{"cellulaire", false}, {"cell", false}, {"cel", false}, {"mobile", false}, {"domicile", false},
	{"résidence", false}, {"residence", false}, {"personnel", true}, {"perso", true},
}

var phoneWords = []string{"tél", "tel.", "tel ", "phone", "numéro", "numero"}

// phoneRe is a North American number at the start of a run of digits (or of « +1 », « ( »).
var phoneRe = regexp.MustCompile(`^(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}`)

// keyBefore reports whether pre (text before a value, separators trimmed)
// ends with key (lowercase) as a whole word, ignoring case.
func keyBefore(pre, key string) bool {
	n := len(pre) - len(key)
	return n >= 0 && lowerASCII(pre[len(pre)-1]) == key[len(key)-1] && strings.EqualFold(pre[n:], key) && !alnumBefore(pre, n)
}

func lowerASCII(c byte) byte {
	if isUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

func hasKeyBefore(pre string, keys []string) bool {
	for _, k := range keys {
		if keyBefore(pre, k) {
			return true
		}
	}
	return false
}

// keyEnds holds the last letters of the birth and phone keys: text before a
// value that ends otherwise cannot hold a key.
var keyEnds = func() (t [256]bool) {
	for _, k := range birthKeys {
		t[k[len(k)-1]] = true
	}
	for _, k := range phoneKeys {
		t[k.key[len(k.key)-1]] = true
	}
	return t
}()

// keyedAt reads a date of birth or a personal telephone number starting at i.
func keyedAt(s string, i int, allow *Allow) (Hit, bool) {
	pre := before(s, i)
	if pre == "" {
		return Hit{}, false
	}
	if last := pre[len(pre)-1]; !keyEnds[lowerASCII(last)] && last != '(' && last != '+' {
		return Hit{}, false
	}
	if h, ok := birthAt(s, i); ok {
		return h, true
	}
	return phoneAt(s, i, allow)
}

// before returns the text before i (at most 40 bytes), separators trimmed.
func before(s string, i int) string { return trimSeps(s[max(0, i-40):i]) }

// trimSeps trims the separators of a keyword and its value from the end of s.
func trimSeps(s string) string {
	for len(s) > 0 {
		switch c := s[len(s)-1]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ':' || c == '=' || c == ',' || c == '.' || c == ')' || c == '-':
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "–"):
			s = s[:len(s)-len("–")]
		case strings.HasSuffix(s, "\u00a0"):
			s = s[:len(s)-len("\u00a0")]
		default:
			return s
		}
	}
	return s
}

func birthAt(s string, i int) (Hit, bool) {
	pre := before(s, i)
	if !hasKeyBefore(pre, birthKeys) {
		// « naissance : le 12 mars 1980 »
		if !keyBefore(pre, "le") || !hasKeyBefore(trimSeps(pre[:len(pre)-2]), birthKeys) {
			return Hit{}, false
		}
	}
	m := birthDateRe.FindStringIndex(s[i:min(len(s), i+40)])
	if m == nil || alnumAt(s, i+m[1]) {
		return Hit{}, false
	}
	end := i + m[1]
	return Hit{Kind: Birth, Start: i, End: end, Masked: maskAll(s[i:end])}, true
}

func phoneAt(s string, i int, allow *Allow) (Hit, bool) {
	st := i
	if st > 0 && s[st-1] == '(' {
		st--
	}
	if st > 0 && s[st-1] == '+' {
		st--
	}
	pre := before(s, st)
	found := false
	for _, pk := range phoneKeys {
		if !keyBefore(pre, pk.key) {
			continue
		}
		k := len(pre) - len(pk.key)
		if !pk.need || hasAny(strings.ToLower(pre[max(0, k-16):k]), phoneWords) {
			found = true
			break
		}
	}
	if !found {
		return Hit{}, false
	}
	m := phoneRe.FindStringIndex(s[st:min(len(s), st+24)])
	if m == nil || alnumAt(s, st+m[1]) {
		return Hit{}, false
	}
	end := st + m[1]
	d := digitsOf(s[st:end])
	if allow.hasPhone(d[len(d)-10:]) {
		return Hit{}, false
	}
	return Hit{Kind: Phone, Start: st, End: end, Masked: d[len(d)-10:len(d)-7] + " *** ****"}, true
}

// maskAll replaces letters and digits with « * », keeping separators.
func maskAll(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteByte('*')
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// webmail lists personal e-mail providers: exact domains, and families
// accepted with any country suffix (gmail.com, yahoo.fr, hotmail.co.uk).
var (
	webmailDomains = map[string]bool{
		"outlook.com": true, "outlook.fr": true, "me.com": true, "mac.com": true, "videotron.ca": true, "videotron.qc.ca": true,
		"sympatico.ca": true, "bell.net": true, "bellnet.ca": true, "proton.me": true, "pm.me": true, "tutanota.com": true,
		"tuta.io": true, "mail.com": true, "cgocable.ca": true, "cogeco.ca": true, "globetrotter.net": true, "telus.net": true,
		"shaw.ca": true, "rogers.com": true, "msn.com": true, "aol.com": true, "yandex.ru": true, "qq.com": true,
		"laposte.net": true, "orange.fr": true, "free.fr": true, "sfr.fr": true, "wanadoo.fr": true, "ebox.ca": true,
	}
	webmailFamilies = []string{"gmail", "googlemail", "hotmail", "live", "yahoo", "ymail", "rocketmail", "icloud", "protonmail", "gmx"}
	// functionLocals are the local parts of function mailboxes, never personal.
	functionLocals = []string{"info", "acces", "access", "admin", "contact", "reception", "secretariat", "direction", "plaintes",
		"rh", "service", "support", "aide", "prp", "vieprivee", "confidentialite", "noreply", "no-reply", "courrier", "bureau"}
)

func isWebmail(domain string) bool {
	if webmailDomains[domain] {
		return true
	}
	for _, f := range webmailFamilies {
		rest, ok := strings.CutPrefix(domain, f+".")
		if !ok {
			continue
		}
		// One or two short labels: com, ca, fr, co.uk, com.br.
		labels := strings.Split(rest, ".")
		if len(labels) > 2 {
			return false
		}
		for _, l := range labels {
			if len(l) < 2 || len(l) > 3 || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz") != "" {
				return false
			}
		}
		return true
	}
	return false
}

func isFunctionLocal(local string) bool {
	for _, w := range functionLocals {
		if rest, ok := strings.CutPrefix(local, w); ok && (rest == "" || strings.ContainsRune("._-0123456789", rune(rest[0]))) {
			return true
		}
	}
	return false
}

func localChar(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || isUpper(c) || strings.IndexByte("._%+-", c) >= 0
}

func domainChar(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || isUpper(c) || c == '.' || c == '-'
}

func scanEmail(s string, out []Hit, allow *Allow) []Hit {
	for at := 0; len(out) < maxHits; {
		j := strings.IndexByte(s[at:], '@')
		if j < 0 {
			break
		}
		i := at + j
		at = i + 1
		a := i
		for a > 0 && localChar(s[a-1]) {
			a--
		}
		b := i + 1
		for b < len(s) && domainChar(s[b]) {
			b++
		}
		for b > i+1 && (s[b-1] == '.' || s[b-1] == '-') {
			b--
		}
		if a == i || b == i+1 {
			continue
		}
		local, domain := strings.ToLower(s[a:i]), strings.ToLower(s[i+1:b])
		if !isWebmail(domain) || isFunctionLocal(local) || allow.hasEmail(local+"@"+domain) {
			continue
		}
		out = append(out, Hit{Kind: Email, Start: a, End: b, Masked: local[:1] + "***@" + domain})
		at = b
	}
	return out
}
