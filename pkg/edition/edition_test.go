package edition

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/registre-qc/registre/pkg/fsutil"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/source"
	"github.com/registre-qc/registre/pkg/table"
)

func TestParseAudience(t *testing.T) {
	for in, want := range map[string]table.Audience{"public": table.PublicAudience, " Publique ": table.PublicAudience,
		"interne": table.InternalAudience, "INTERNAL": table.InternalAudience} {
		if got, err := ParseAudience(in); err != nil || got != want {
			t.Errorf("ParseAudience(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseAudience("commission"); err == nil {
		t.Error("commission is build's own case, not an audience")
	}
	if Folder(table.InternalAudience) != fsutil.InternalEdition || Folder(table.PublicAudience) != fsutil.PublicEdition {
		t.Error("Folder")
	}
}

// Outside git and without SOURCE_DATE_EPOCH, the dates are the latest
// written in the entries; a public edition ignores withheld entries.
func TestDates(t *testing.T) {
	dir := t.TempDir()
	for p, c := range map[string]string{
		"registre.yaml":                "organisme: {nom: X, secteur: public}\n",
		"communications/COM-0001.yaml": "id: COM-0001\ndate_inscription: 2025-01-10\n",
		"communications/COM-0002.yaml": "id: COM-0002\ndate_inscription: 2025-06-30\n" + model.ConfidentialKey + ": true\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := source.Load(dir, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pub, err := Of("", dir, res.Repo, table.PublicAudience)
	if err != nil || pub.Site != "2025-01-10" || pub.Kind("communications") != "2025-01-10" {
		t.Errorf("public: %q %q %v (the withheld entry's date shows)", pub.Site, pub.Kind("communications"), err)
	}
	in, err := Of("", dir, res.Repo, table.InternalAudience)
	if err != nil || in.Site != "2025-06-30" {
		t.Errorf("internal: %q %v", in.Site, err)
	}
	ep, err := Of("1768435200", dir, res.Repo, table.PublicAudience)
	if err != nil || ep.Site != "2026-01-15" || ep.Kind("inventaire") != "2026-01-15" {
		t.Errorf("epoch: %q %v", ep.Site, err)
	}
	if _, err := Of("demain", dir, res.Repo, table.PublicAudience); err == nil {
		t.Error("invalid SOURCE_DATE_EPOCH accepted")
	}
}
