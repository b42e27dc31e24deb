package rule

import (
	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/model"
)

// entCiteLine returns the key path of the first articles line citing instr/art, and whether there is one.
func entCiteLine(e *model.Entry, c citation.Cell, instr, art string) (string, bool) {
	paths := itemPaths(e, "articles")
	for i, l := range c.Lines {
		if l.Kind != citation.Citation {
			continue
		}
		for _, r := range l.Refs {
			if r.Instrument == instr && r.Article == art {
				if i < len(paths) {
					return paths[i], true
				}
				return "articles", true
			}
		}
	}
	return "", false
}

// entMissingItems lists the agreement items of 68 al. 3 / 64 al. 4 that e lacks.
func entMissingItems(e *model.Entry, means string) []string {
	var miss []string
	if n := len(e.Strings("parties")); n == 1 {
		miss = append(miss, "l'identification des deux parties (parties : une seule inscrite)")
	}
	for _, it := range []struct{ key, french string }{
		{"fins", "les fins (fins)"},
		{"renseignements", "la nature des renseignements (renseignements)"},
		{"moyens", means + " (moyens)"},
		{"mesures_securite", "les mesures de sécurité (mesures_securite)"},
		{"periodicite", "la périodicité (periodicite)"},
		{"duree", "la durée de l'entente (duree)"},
	} {
		if e.Str(it.key) == "" {
			miss = append(miss, it.french)
		}
	}
	return miss
}
