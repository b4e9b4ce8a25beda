package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/parser/source"
)

// corpusDir is where `make corpus` installs the audited npm packages.
const corpusDir = "../testdata/corpus/node_modules"

// corpusPackages are the real-world code every release must parse cleanly.
var corpusPackages = []string{
	"@openzeppelin/contracts",
	"@openzeppelin/contracts-upgradeable",
	"@uniswap/v3-core",
	"@uniswap/v3-periphery",
	"@uniswap/v4-core",
}

// requireCorpus skips when the corpus is not installed, unless
// SLEUTH_REQUIRE_CORPUS is set (as `make test` and CI do), where a missing
// corpus is a failure rather than a silent pass.
func requireCorpus(t testing.TB, pkg string) string {
	t.Helper()
	dir := filepath.Join(corpusDir, pkg)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("SLEUTH_REQUIRE_CORPUS") != "" {
			t.Fatalf("corpus %s missing (run `make corpus`): %v", pkg, err)
		}
		t.Skipf("corpus %s not installed; run `make corpus`", pkg)
	}
	return dir
}

func solidityFiles(t testing.TB, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".sol") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCorpusParsesCleanly parses every .sol file of the audited npm
// packages: zero syntax errors, and every file in the fast SLL mode.
func TestCorpusParsesCleanly(t *testing.T) {
	for _, pkg := range corpusPackages {
		t.Run(pkg, func(t *testing.T) {
			dir := requireCorpus(t, pkg)
			files := solidityFiles(t, dir)
			if len(files) == 0 {
				t.Fatalf("no .sol files under %s", dir)
			}
			var fullLL int
			for _, path := range files {
				content, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				rel, _ := filepath.Rel(dir, path)
				unit, diags, stats := parseFile(source.NewFile(rel, path, content))
				for _, d := range diags {
					t.Errorf("%s:%d:%d: %s", rel, d.Line, d.Column, d.Message)
				}
				if stats.FullLL {
					fullLL++
					t.Errorf("%s: needed the full-LL re-parse", rel)
				}
				if len(unit.Nodes) == 0 && strings.Contains(string(content), "pragma ") {
					t.Errorf("%s: parsed into an empty tree", rel)
				}
			}
			t.Logf("%d files, %d needed full LL", len(files), fullLL)
		})
	}
}
