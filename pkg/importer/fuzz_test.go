package importer

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/registre-qc/registre/pkg/model"
)

// FuzzImportCSV: any bytes either fail with a French error or give entry
// files that the loader reads back as exactly the values imported. Never a
// panic. The seed corpus is the fixtures plus testdata/fuzz/FuzzImportCSV.
func FuzzImportCSV(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.*"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"Appui légal;Remarques\n'=1;x\n",
		"Identifiant,Personne ou organisme receveur\nCOM-0001,\"a\nb\"\n,\n",
		"\ufeffdestinataire\thors_quebec\n- x\tpeut-être\n",
		"Désignation du fichier;Supports utilisés\n\"\"\"\";\"\r\n\r\n\"\n",
	} {
		f.Add([]byte(s))
	}
	kinds := []*model.Kind{model.Communications, model.Inventaire, model.Incidents}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadCSV(data)
		if err != nil {
			return
		}
		for _, k := range kinds {
			p, err := Build(k, s, Options{IgnoreUnknown: true})
			if err != nil {
				var he *HeaderError
				var re *RowError
				if !errors.As(err, &he) && !errors.As(err, &re) {
					t.Fatalf("%s: unexpected error %T: %v", k.Name, err, err)
				}
				continue
			}
			for _, e := range p.Entries {
				checkReadsBack(t, e)
			}
		}
	})
}
