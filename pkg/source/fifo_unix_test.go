//go:build unix

package source

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadFIFO: a named pipe where a file is expected is a finding, and the
// load does not wait for a writer.
func TestLoadFIFO(t *testing.T) {
	dir := repo(t, map[string]string{"communications/COM-0001.yaml": sampleEntry})
	for _, p := range []string{"registre.yaml", "communications/COM-0701.yaml", "communications/notes"} {
		if err := syscall.Mkfifo(filepath.Join(dir, filepath.FromSlash(p)), 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	done := make(chan *Result)
	go func() { res, _ := Load(dir, Options{}); done <- res }()
	select {
	case res := <-done:
		want(t, res.Findings, "YAML-008", "registre.yaml", "tube nommé", 0, 0)
		want(t, res.Findings, "YAML-008", "communications/COM-0701.yaml", "tube nommé", 0, 0)
		want(t, res.Findings, "YAML-008", "communications/notes", "tube nommé", 0, 0)
		for _, f := range res.Findings {
			if f.Rule == "REF-007" {
				t.Errorf("registre.yaml is there, though unreadable: %v", f)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked on a FIFO")
	}
	// Read through a link inside the repository, and by ReadFile.
	symlink(t, "COM-0701.yaml", filepath.Join(dir, "communications", "COM-0702.yaml"))
	res := load(t, dir, Options{})
	want(t, res.Findings, "YAML-008", "communications/COM-0702.yaml", "tube nommé", 0, 0)
	if _, err := ReadFile(filepath.Join(dir, "communications", "COM-0701.yaml")); err == nil || !strings.Contains(err.Error(), "tube nommé") {
		t.Errorf("ReadFile(FIFO) = %v", err)
	}
}
