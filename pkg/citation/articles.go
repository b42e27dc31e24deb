package citation

import (
	"sort"
	"strconv"
	"strings"
)

// Article lists used by CIT-004. Each instrument has two sets:
//
//   - sure: numbers the authors are confident exist or existed (repealed
//     articles keep their number: 70, and the legacy bases 68.1 and 125
//     that old registers still cite);
//   - plausible: decimal numbers that may exist but were not checked against
//     LégisQuébec.
//
// Both count as known: a false CIT-004 error is worse than a missed one, so a
// number is reported only when it is in neither set. Integers cover the whole
// numbered range of each act.
type articleList struct {
	maxSure      int // 1..maxSure are sure
	maxPlausible int // maxSure+1..maxPlausible are plausible
	sure         []string
	plausible    []string
}

var articleLists = map[string]articleList{
	"A-2.1": {
		maxSure: 178, maxPlausible: 184,
		sure: []string{
			"8.1", "16.1", "41.1", "41.2", "41.3", "53.1", "57.1", "57.2", "59.1",
			"63.1", "63.2", "63.3", "63.4", "63.5", "63.6", "63.7", "63.8", "63.9", "63.10", "63.11",
			"64.1", "65.1", "65.2", "65.3",
			"67.1", "67.2", "67.2.1", "67.2.2", "67.2.3", "67.3", "67.4", "68.1", "70.1",
		},
		plausible: []string{
			"1.1", "2.1", "2.2", "10.1", "15.1", "16.2", "28.1", "29.1", "30.1", "52.1",
			"60.1", "60.2", "65.0.1", "65.0.2", "70.2", "72.1", "73.1",
			"84.1", "84.2", "86.1", "87.1", "87.2", "88.1", "88.2", "89.1", "89.2", "102.1",
			"104.1", "122.1", "122.2", "123.1", "126.1", "127.1", "127.2", "128.1", "129.1", "130.1", "130.2", "132.1",
			"134.1", "134.2", "135.1", "137.1", "137.2", "137.3", "138.1", "139.1", "141.1", "142.1", "146.1", "147.1",
			"158.1", "159.1", "159.2", "160.1", "164.1", "171.1", "174.1", "175.1", "178.1",
		},
	},
	"P-39.1": {
		maxSure: 95, maxPlausible: 112,
		sure: []string{
			"3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "4.1",
			"8.1", "8.2", "8.3", "12.1", "18.1", "18.2", "18.3", "18.4", "21.0.1", "21.0.2", "21.1",
		},
		plausible: []string{
			"2.1", "6.1", "9.1", "10.1", "17.1", "18.5", "21.2", "22.1", "23.1", "27.1", "28.1", "28.2", "29.1", "30.1",
			"32.1", "35.1", "40.1", "41.1", "42.1", "50.1", "51.1", "55.1", "62.1", "70.1", "72.1", "79.1", "80.1", "80.2",
			"81.1", "81.2", "81.3", "83.1", "85.1",
			"90.1", "90.2", "90.3", "90.4", "90.5", "90.6", "90.7", "90.8", "90.9", "90.10", "90.11", "90.12", "90.13",
			"90.14", "90.15", "90.16", "90.17",
			"91.1", "92.1", "92.2", "92.3", "93.1", "93.2",
		},
	},
}

// articleSets are the lists as sets, built once.
var articleSets = func() map[string]map[string]bool {
	m := make(map[string]map[string]bool, len(articleLists))
	for instr, l := range articleLists {
		set := make(map[string]bool, l.maxPlausible+len(l.sure)+len(l.plausible))
		for i := 1; i <= l.maxPlausible; i++ {
			set[strconv.Itoa(i)] = true
		}
		for _, a := range l.sure {
			set[a] = true
		}
		for _, a := range l.plausible {
			set[a] = true
		}
		m[instr] = set
	}
	return m
}()

// sortedArticles are the known articles of each listed instrument, in legal order.
var sortedArticles = func() map[string][]string {
	m := make(map[string][]string, len(articleSets))
	for instr, set := range articleSets {
		list := make([]string, 0, len(set))
		for a := range set {
			list = append(list, a)
		}
		sort.Slice(list, func(i, j int) bool { return compareArticles(list[i], list[j]) < 0 })
		m[instr] = list
	}
	return m
}()

// KnownArticle reports whether article art exists (or existed) in instrument
// instr. listed is false when no article list ships for instr (only and
// P-39.1 have one); known is then false too.
func KnownArticle(instr, art string) (known bool, listed bool) {
	set, ok := articleSets[canonicalInstrument(instr)]
	if !ok {
		return false, false
	}
	return set[strings.TrimSpace(art)], true
}

// compareArticles orders article numbers component by component: 67 < 67.1 <
// 67.2 < 67.2.1 < 67.10 < 68.
func compareArticles(a, b string) int {
	for a != "" || b != "" {
		var x, y string
		x, a, _ = strings.Cut(a, ".")
		y, b, _ = strings.Cut(b, ".")
		if x == "" && y != "" {
			return -1
		}
		if y == "" && x != "" {
			return 1
		}
		nx, errx := strconv.Atoi(x)
		ny, erry := strconv.Atoi(y)
		if errx != nil || erry != nil {
			if c := strings.Compare(x, y); c != 0 {
				return c
			}
			continue
		}
		if nx != ny {
			if nx < ny {
				return -1
			}
			return 1
		}
	}
	return 0
}

// articleRange lists the known articles of instr from a to b inclusive; ok is
// false when instr has no list or an end is unknown.
func articleRange(instr, a, b string) ([]string, bool) {
	set, listed := articleSets[instr]
	if !listed || !set[a] || !set[b] || compareArticles(a, b) > 0 {
		return nil, false
	}
	list := sortedArticles[instr]
	i := sort.Search(len(list), func(i int) bool { return compareArticles(list[i], a) >= 0 })
	var out []string
	for ; i < len(list) && compareArticles(list[i], b) <= 0; i++ {
		out = append(out, list[i])
	}
	return out, true
}
