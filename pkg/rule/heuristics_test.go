package rule

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/pii"
)

func hasIssue(c citation.Cell, code string) bool {
	for _, is := range c.Issues() {
		if is.Code == code {
			return true
		}
	}
	return false
}

// heuristicRules maps each keyword- or pattern-based rule to the predicate
// it runs on one sentence (in the rule's file; accessName in names.go): the labelled corpus
// testdata/heuristics/<ID>.tsv measures it.
var heuristicRules = map[string]func(string) bool{
	"COM-019": func(s string) bool { return researchWord(s) != "" },
	"COM-020": func(s string) bool { return outsideRecipient(s) != "" },
	"ENT-010": renewable,
	"UTI-006": utiDeidentifiedResearch,
	"UTI-007": func(s string) bool { return len(utiAnonymisedAlso(s)) > 0 },
	"INV-009": func(s string) bool { return accessName(s) != "" },
	"PUB-004": func(s string) bool { return accessName(s) != "" },
	"INV-013": func(s string) bool { return measureCount([]string{s}) == 1 },
	"INV-015": func(s string) bool { return outsidePlace(s) != "" },
	"CIT-007": func(s string) bool { return hasIssue(citation.ParseCellDefault([]string{s}, lai), "CIT-007") },
	"PUB-003": func(s string) bool { return len(pii.Detect(s, pii.NewAllow("acces@exemple.gouv.qc.ca", "", ""))) > 0 },
}

// minPrecision is the precision every heuristic must reach on its corpus.
const minPrecision = 0.9

// TestHeuristicPrecision measures each heuristic rule on its labelled corpus
// (« 1 » or « 0 », a tab, a sentence; « # » starts a comment): at least 50
// sentences with both labels, precision ≥ 0.9; recall is reported. The
// rule's documentation states the measured precision, and must be updated
// when the corpus or the heuristic changes.
func TestHeuristicPrecision(t *testing.T) {
	for _, id := range sortedIDs() {
		pred := heuristicRules[id]
		t.Run(id, func(t *testing.T) {
			path := filepath.Join("..", "..", "testdata", "heuristics", id+".tsv")
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var tp, fp, fn, tn int
			sc := bufio.NewScanner(f)
			for line := 1; sc.Scan(); line++ {
				l := sc.Text()
				if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
					continue
				}
				label, sentence, ok := strings.Cut(l, "\t")
				if !ok || label != "0" && label != "1" || strings.TrimSpace(sentence) == "" {
					t.Fatalf("%s:%d: ligne mal formée (attendu « 1 » ou « 0 », une tabulation, une phrase)", path, line)
				}
				got := pred(sentence)
				switch {
				case label == "1" && got:
					tp++
				case label == "1":
					fn++
					t.Logf("faux négatif : %s", sentence)
				case got:
					fp++
					t.Logf("faux positif : %s", sentence)
				default:
					tn++
				}
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			n := tp + fp + fn + tn
			if n < 50 || tp+fn < 10 || fp+tn < 10 {
				t.Fatalf("%s : corpus trop petit (%d phrases, %d positives, %d négatives ; il en faut 50, dont 10 de chaque)", id, n, tp+fn, fp+tn)
			}
			precision := float64(tp) / float64(max(tp+fp, 1))
			recall := float64(tp) / float64(max(tp+fn, 1))
			t.Logf("%s : précision %.2f, rappel %.2f sur %d phrases (VP %d, FP %d, FN %d, VN %d)", id, precision, recall, n, tp, fp, fn, tn)
			if precision < minPrecision {
				t.Errorf("%s : précision %.2f < %.2f", id, precision, minPrecision)
			}
			want := "précision mesurée : " + frenchDecimal(precision) + fmt.Sprintf(" sur %d phrases", n)
			if r := Get(id); r == nil || !strings.Contains(r.Doc.Text, want) {
				t.Errorf("%s : la documentation doit indiquer « %s » (testdata/heuristics/%s.tsv)", id, want, id)
			}
		})
	}
}

func sortedIDs() []string {
	var ids []string
	for id := range heuristicRules {
		ids = append(ids, id)
	}
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			if ids[j] < ids[i] {
				ids[i], ids[j] = ids[j], ids[i]
			}
		}
	}
	return ids
}

// frenchDecimal writes 0.9583 as « 0,96 ».
func frenchDecimal(f float64) string { return strings.Replace(fmt.Sprintf("%.2f", f), ".", ",", 1) }
