package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

func TestRebase(t *testing.T) {
	repo := t.TempDir()
	root := filepath.Join(repo, "contracts", "core")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	file := source.NewFile("src/A.sol", filepath.Join(root, "src", "A.sol"), []byte("contract A {}\n"))
	doc := Document{
		Root:    root,
		Sources: map[string]*source.File{"src/A.sol": file},
		Findings: []analyzers.Finding{{ID: "1", Detector: "d",
			Location: analyzers.Location{File: "src/A.sol", StartLine: 1},
			Related:  []analyzers.Related{{Location: analyzers.Location{File: "src/B.sol", StartLine: 2}}, {Message: "no file"}}},
			{ID: "2", Detector: "d"}},
		Diagnostics: []source.Diagnostic{{File: "src/C.sol", Line: 1, Message: "x"}, {Message: "run-level"}},
	}
	got, err := Rebase(doc, repo)
	if err != nil {
		t.Fatal(err)
	}
	if real, _ := filepath.EvalSymlinks(repo); got.Root != real {
		t.Errorf("Root = %s, want %s", got.Root, real)
	}
	if f := got.Findings[0]; f.Location.File != "contracts/core/src/A.sol" || f.Related[0].Location.File != "contracts/core/src/B.sol" ||
		f.Related[1].Location.File != "" {
		t.Errorf("finding paths: %+v", f)
	}
	if got.Findings[1].Location.File != "" {
		t.Errorf("a finding without a file got one: %q", got.Findings[1].Location.File)
	}
	if got.Diagnostics[0].File != "contracts/core/src/C.sol" || got.Diagnostics[1].File != "" {
		t.Errorf("diagnostics: %+v", got.Diagnostics)
	}
	if got.File("contracts/core/src/A.sol") != file {
		t.Error("sources are not found under their new paths")
	}
	// The caller's document is untouched.
	if doc.Findings[0].Location.File != "src/A.sol" || doc.Findings[0].Related[0].Location.File != "src/B.sol" ||
		doc.Diagnostics[0].File != "src/C.sol" || doc.Root != root {
		t.Errorf("Rebase changed its input: %+v", doc)
	}

	if same, err := Rebase(doc, root); err != nil || same.Findings[0].Location.File != "src/A.sol" {
		t.Errorf("rebasing onto the root itself: %v %+v", err, same.Findings[0])
	}
	if _, err := Rebase(doc, t.TempDir()); err == nil || !strings.Contains(err.Error(), "is not inside") {
		t.Errorf("a root elsewhere: %v", err)
	}
	if _, err := Rebase(doc, filepath.Join(root, "src")); err == nil {
		t.Error("a root inside the scanned project was accepted")
	}
}
