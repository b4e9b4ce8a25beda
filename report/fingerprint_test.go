package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// TestFingerprintSurvivesInsertedLines: a finding keeps its id when lines
// are inserted above it — what baselines and SARIF's partialFingerprints
// rely on.
func TestFingerprintSurvivesInsertedLines(t *testing.T) {
	dir := t.TempDir()
	orig, err := os.ReadFile(filepath.Join(moduleRoot(t), "examples", "EtherBank.sol"))
	if err != nil {
		t.Fatal(err)
	}
	idAt := func(content []byte, line int) string {
		p := filepath.Join(dir, "EtherBank.sol")
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
		// Read back through Document.File, as the CLI's fallback does.
		doc := Document{Root: dir}
		f := doc.File("EtherBank.sol")
		if f == nil {
			t.Fatal("Document.File could not read the copy")
		}
		loc := at(t, f, line, `msg.sender.call{value: amount}("")`)
		loc.Contract, loc.Function = "EtherBank", "withdrawAll()"
		fs := []analyzers.Finding{{Detector: "reentrancy-eth", Location: loc}}
		analyzers.AssignIDs(fs, CodeOf(doc.File))
		return fs[0].ID
	}
	before := idAt(orig, 32)
	edited := strings.Replace(string(orig), "contract EtherBank {", "// A new comment.\n\n// Another.\ncontract EtherBank {", 1)
	after := idAt([]byte(edited), 35)
	if before == "" || before != after {
		t.Errorf("id changed when lines were inserted above: %s → %s", before, after)
	}
	// Changing the flagged code itself does change it.
	changed := strings.Replace(string(orig), `msg.sender.call{value: amount}("")`, `msg.sender.call{value: amount + 1}("")`, 1)
	if id := func() string {
		p := filepath.Join(dir, "x", "EtherBank.sol")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(changed), 0o644)
		f := source.NewFile("EtherBank.sol", p, []byte(changed))
		loc := at(t, f, 32, `msg.sender.call{value: amount + 1}("")`)
		loc.Contract, loc.Function = "EtherBank", "withdrawAll()"
		fs := []analyzers.Finding{{Detector: "reentrancy-eth", Location: loc}}
		analyzers.AssignIDs(fs, CodeOf(func(string) *source.File { return f }))
		return fs[0].ID
	}(); id == before {
		t.Error("different code, same id")
	}
}

func TestCodeOf(t *testing.T) {
	f := source.NewFile("a.sol", "", []byte("ab\n  cdé f\nghi\n"))
	code := CodeOf(func(string) *source.File { return f })
	for _, tt := range []struct {
		loc  analyzers.Location
		want string
	}{
		{analyzers.Location{StartLine: 2, StartColumn: 3, EndLine: 2, EndColumn: 6}, "cdé"},
		{analyzers.Location{StartLine: 1, StartColumn: 2, EndLine: 3, EndColumn: 2}, "b\n  cdé f\ng"},
		{analyzers.Location{StartLine: 2, StartColumn: 3}, ""},
		{analyzers.Location{StartLine: 9, StartColumn: 1, EndLine: 9, EndColumn: 2}, ""},
		{analyzers.Location{StartLine: 3, StartColumn: 1, EndLine: 3, EndColumn: 99}, "ghi"},
	} {
		if got := code(tt.loc); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.loc, got, tt.want)
		}
	}
}

// TestDocumentFileStaysInRoot: a path from a report cannot make a writer
// read outside the scanned root.
func TestDocumentFileStaysInRoot(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "secret"), []byte("x"), 0o644)
	root := filepath.Join(dir, "root")
	os.Mkdir(root, 0o755)
	doc := Document{Root: root}
	for _, p := range []string{"../secret", "/etc/passwd", filepath.Join(dir, "secret"), ""} {
		if doc.File(p) != nil {
			t.Errorf("File(%q) read outside the root", p)
		}
	}
	// Asked twice: the second answer comes from the cache and is still nil.
	for range 2 {
		if doc.File("missing.sol") != nil {
			t.Error("a missing file is nil")
		}
	}
}
