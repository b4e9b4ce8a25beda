package analyzers_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/analysistest"
)

// TestDetectors runs every registered detector over its fixtures in
// testdata/detectors/<id>/. Each detector needs positive fixtures (lines
// annotated `// want "<id>"`) and negative ones (files without any want,
// holding the safe look-alikes that must stay silent).
func TestDetectors(t *testing.T) {
	for _, a := range analyzers.All() {
		t.Run(a.ID, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", "detectors", a.ID)
			if _, err := os.Stat(dir); err != nil {
				t.Fatalf("no fixtures: %v", err)
			}
			res := analysistest.Run(t, dir, a)
			if res.Wants == 0 {
				t.Errorf("no positive fixture (no line wants %q)", a.ID)
			}
			if res.NegativeFiles == 0 {
				t.Errorf("no negative fixture (a file without wants)")
			}
			t.Logf("%s: %d positives, %d negative files", a.ID, res.Wants, res.NegativeFiles)
		})
	}
}

// TestAnalyzerMetadata keeps every detector documented: SARIF rules,
// `sleuth explain`, the Markdown report and LLM prompts are built from it.
func TestAnalyzerMetadata(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range analyzers.All() {
		if seen[a.ID] {
			t.Errorf("duplicate id %s", a.ID)
		}
		seen[a.ID] = true
		if a.Title == "" || a.Description == "" || a.Exploit == "" || a.Recommendation == "" {
			t.Errorf("%s: title, description, exploit and recommendation are required", a.ID)
		}
		if a.Severity.Rank() == 0 || a.Confidence.Rank() == 0 || a.Category == "" || a.Run == nil {
			t.Errorf("%s: severity, confidence, category and Run are required", a.ID)
		}
	}
}
