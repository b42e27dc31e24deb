package scaffold

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/registre-qc/registre/pkg/model"
)

// PrivateRepo reports whether the repository at dir declares an enterprise
// (organisme.secteur: prive in registre.yaml). A missing or unreadable file
// means a public body, the default sector: « registre lint » reports the
// configuration itself.
func PrivateRepo(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, model.ConfigFile))
	if err != nil {
		return false
	}
	var c struct {
		Organisme struct {
			Secteur string `yaml:"secteur"`
		} `yaml:"organisme"`
	}
	if yaml.Unmarshal(b, &c) != nil {
		return false
	}
	return strings.TrimSpace(c.Organisme.Secteur) == "prive"
}

// reParen matches one parenthesised group and the spaces before it.
var reParen = regexp.MustCompile(`\s*\(([^()]*)\)`)

// privateRewrites replaces the few phrases of the model's descriptions that
// name an article of the Loi sur l'accès outside parentheses.
var privateRewrites = strings.NewReplacer(
	"hors du registre de l'art. 67.3", "hors du registre",
	"Facteurs exigés par l'art. 70.1, al. 1 (et P-39.1, art. 17).", "Facteurs exigés pour une communication à l'extérieur du Québec (P-39.1, art. 17).",
	"Conclusions exigées par l'art. 68, al. 2 et l'art. 67.2.1.", "Conclusions de l'évaluation d'une communication sans consentement à des fins d'étude, de recherche ou de statistiques (P-39.1, art. 21).",
)

// citesAccessAct reports whether a piece of description cites the Loi sur
// l'accès (an article without the Loi sur le privé named, A-2.1, or its name).
func citesAccessAct(s string) bool {
	if strings.Contains(s, "P-39.1") || strings.Contains(s, "Loi sur le privé") {
		return false
	}
	return strings.Contains(s, "art.") || strings.Contains(s, "A-2.1") || strings.Contains(s, "Loi sur l'accès")
}

// privateText is a description as an enterprise's template shows it: the
// parts of each parenthesis that cite the Loi sur l'accès are dropped (a
// parenthesis left empty goes too), so a comment cites the Loi sur le privé
// or no article at all (the public bodies' law does not bind an enterprise).
func privateText(s string) string {
	s = privateRewrites.Replace(s)
	return reParen.ReplaceAllStringFunc(s, func(m string) string {
		open := strings.IndexByte(m, '(')
		inner := m[open+1 : len(m)-1]
		var keep []string
		for _, part := range strings.Split(inner, " ; ") {
			if !citesAccessAct(part) {
				keep = append(keep, part)
			}
		}
		if len(keep) == 0 {
			return ""
		}
		return m[:open] + "(" + strings.Join(keep, " ; ") + ")"
	})
}
