package llm

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser"
)

// scan loads paths and runs every detector, as `sleuth scan` does.
func scan(t *testing.T, paths ...string) (*sema.Program, []analyzers.Finding) {
	t.Helper()
	proj, err := parser.Load(parser.Config{Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	res := analyzers.Analyze(proj, analyzers.All(), nil)
	return res.Program, res.Findings
}

// scanSource scans one file written to a temporary directory.
func scanSource(t *testing.T, name, src string) (*sema.Program, []analyzers.Finding) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return scan(t, dir)
}

// only returns the findings of one detector.
func only(fs []analyzers.Finding, detector string) []analyzers.Finding {
	var out []analyzers.Finding
	for _, f := range fs {
		if f.Detector == detector {
			out = append(out, f)
		}
	}
	return out
}
