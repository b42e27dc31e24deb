package model

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/registre-qc/registre/pkg/finding"
)

// leanEntry builds a communication with a text (fins, nested positions) and
// a reference, and a reread function that counts its calls.
func leanEntry(t *testing.T, fail error) (*Entry, *atomic.Int32) {
	t.Helper()
	mk := func() *Entry {
		e := &Entry{Kind: Communications, ID: "COM-0001", Path: "communications/COM-0001.yaml",
			Values:    map[string]any{"id": "COM-0001", "efvp": "EFVP-0001", "fins": []any{"a", "b"}, "destinataire": "Ville"},
			Positions: &Positions{}}
		for _, p := range []struct {
			path string
			line int
		}{{"", 1}, {"id", 1}, {"efvp", 2}, {"fins", 3}, {"fins/0", 4}, {"fins/1", 5}, {"destinataire", 6}} {
			e.Positions.Set(p.path, Pos{Key: finding.Position{Line: p.line, Col: 1}, Value: finding.Position{Line: p.line, Col: 5}})
		}
		return e
	}
	var calls atomic.Int32
	e := mk()
	e.SetReread(func() (*Entry, error) {
		calls.Add(1)
		if fail != nil {
			return nil, fail
		}
		return mk(), nil
	})
	e.Compact(map[string]bool{"id": true, "efvp": true})
	if !e.Lean() {
		t.Fatal("Compact n'a rien retiré")
	}
	return e, &calls
}

// TestCompactReadsBack: a compact entry answers for every key as the whole
// entry would (a dropped key is read again from the file, once), so a rule
// cannot lose a finding because lint dropped a text.
func TestCompactReadsBack(t *testing.T) {
	e, calls := leanEntry(t, nil)
	if _, has := e.Values["fins"]; has {
		t.Fatal("fins devait être retiré de Values")
	}
	if got := e.Str("efvp"); got != "EFVP-0001" || calls.Load() != 0 {
		t.Fatalf("clé gardée : %q, %d relectures", got, calls.Load())
	}
	if e.Has("date_fin") || calls.Load() != 0 {
		t.Fatalf("une clé absente ne doit pas relire le fichier (%d relectures)", calls.Load())
	}
	if got := e.KeyAt("destinataire"); got.Line != 6 || calls.Load() != 0 {
		t.Fatalf("position d'une clé de premier niveau : %v, %d relectures", got, calls.Load())
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := e.Strings("fins"); len(got) != 2 || got[1] != "b" {
				t.Errorf("fins relu : %v", got)
			}
			if got := e.At("fins/1"); got.Line != 5 || got.Col != 5 {
				t.Errorf("position de fins/1 : %v", got)
			}
		}()
	}
	wg.Wait()
	if e.Str("destinataire") != "Ville" || !e.Has("fins") || len(e.List("fins")) != 2 {
		t.Error("valeurs retirées mal relues")
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d relectures, attendu une seule", n)
	}
	if done, err := e.Reread(); !done || err != nil {
		t.Errorf("Reread = %v, %v", done, err)
	}
}

// TestCompactRereadFails: when the file cannot be read again (changed,
// removed), the entry says so; lint turns that into an error of the run.
func TestCompactRereadFails(t *testing.T) {
	boom := errors.New("communications/COM-0001.yaml a changé pendant la vérification")
	e, _ := leanEntry(t, boom)
	if got := e.Str("fins"); got != "" {
		t.Errorf("valeur inventée : %q", got)
	}
	if done, err := e.Reread(); !done || !errors.Is(err, boom) {
		t.Errorf("Reread = %v, %v", done, err)
	}
	if e.Str("efvp") != "EFVP-0001" {
		t.Error("les clés gardées doivent rester lisibles")
	}
}

// TestCompactKeepsDoubts: a confidentiality doubt found on the whole entry
// (a misspelt marker, dropped by Compact since no kind declares it) keeps
// the entry unpublishable once compact.
func TestCompactKeepsDoubts(t *testing.T) {
	e := &Entry{Kind: Communications, ID: "COM-0001", Path: "communications/COM-0001.yaml",
		Values: map[string]any{"id": "COM-0001", "existence_confidentiel": true, "fins": "x"}, Positions: &Positions{}}
	e.SetReread(func() (*Entry, error) { return nil, errors.New("ne doit pas être relu") })
	if Publishable(e) {
		t.Fatal("la marque mal écrite doit retenir l'inscription")
	}
	e.Compact(map[string]bool{"id": true})
	if Publishable(e) {
		t.Error("compacte, l'inscription est devenue publiable")
	}
}

// TestCompactNeedsReread: an entry the loader did not make is left whole.
func TestCompactNeedsReread(t *testing.T) {
	e := &Entry{Kind: Communications, ID: "COM-0001", Values: map[string]any{"fins": "x"}, Positions: &Positions{}}
	e.Compact(map[string]bool{})
	if e.Lean() || e.Str("fins") != "x" {
		t.Error("sans relecture possible, Compact ne doit rien retirer")
	}
}
