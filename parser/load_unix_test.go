//go:build unix

package parser

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// loadWithin fails the test if Load does not return within a few seconds:
// the cases here used to be classic ways to hang a loader.
func loadWithin(t *testing.T, cfg Config) *Project {
	t.Helper()
	done := make(chan *Project, 1)
	go func() { done <- mustLoad(t, cfg) }()
	select {
	case p := <-done:
		return p
	case <-time.After(20 * time.Second):
		t.Fatal("Load did not return")
		return nil
	}
}

func TestLoadSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"package.json":  "{}",
		"src/A.sol":     "import \"./sub/B.sol\";\ncontract A {}",
		"src/sub/B.sol": "contract B {}",
		"shared/S.sol":  "contract S {}",
	})
	for link, target := range map[string]string{
		"src/sub/loop": "..",                 // back to an ancestor
		"src/self":     "self",               // a link to itself
		"src/alias":    "sub",                // the same directory under another name
		"src/shared":   "../shared",          // a directory elsewhere: walked once
		"src/S2.sol":   "../shared/S.sol",    // a file symlink to a file found anyway
		"src/dangling": "does-not-exist",     // ignored
		"src/Gone.sol": "does-not-exist.sol", // a .sol link that leads nowhere
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	p := loadWithin(t, Config{Paths: []string{dir}})
	check(t, "units", unitPaths(p.Units), []string{"shared/S.sol", "src/A.sol", "src/sub/B.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{
		"src/Gone.sol:0:0: warning: cannot follow symlink: no such file or directory",
		"src/self:0:0: warning: cannot follow symlink: too many levels of symbolic links",
		"src/sub/loop:0:0: warning: symlink loop: src/sub/loop leads back to src; not followed",
	})
}

// TestLoadSymlinkedPathsSettle imports one file through two symlinked
// directories; the unit gets the smaller path whichever worker wins.
func TestLoadSymlinkedPathsSettle(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"proj/package.json": "{}",
		"proj/A.sol":        "import \"./x/D.sol\";\nimport \"./y/D.sol\";\ncontract A {}",
		"real/D.sol":        "import \"./Missing.sol\";\ncontract D {}",
	})
	for _, l := range []string{"x", "y"} {
		if err := os.Symlink("../real", filepath.Join(dir, "proj", l)); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 20; i++ {
		p := loadWithin(t, Config{Paths: []string{filepath.Join(dir, "proj", "A.sol")}})
		check(t, "units", unitPaths(p.Units), []string{"A.sol", "x/D.sol"})
		a := unit(t, p, "A.sol")
		if a.Imports[0] == nil || a.Imports[0] != a.Imports[1] {
			t.Fatalf("imports: %v", a.Imports)
		}
		check(t, "diagnostics", diagLines(p.Diagnostics), []string{
			`x/D.sol:1:8: error: cannot resolve import "./Missing.sol": no file x/Missing.sol`,
		})
	}
}

func TestLoadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"package.json": "{}",
		"A.sol":        "import \"./Pipe.sol\";\ncontract A {}",
	})
	if err := syscall.Mkfifo(filepath.Join(dir, "Pipe.sol"), 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	p := loadWithin(t, Config{Paths: []string{dir}})
	check(t, "units", unitPaths(p.Units), []string{"A.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{
		`A.sol:1:8: error: cannot resolve import "./Pipe.sol": no file Pipe.sol`,
	})
	// Named explicitly, it is still not opened.
	p = loadWithin(t, Config{Paths: []string{filepath.Join(dir, "Pipe.sol")}})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{"Pipe.sol:0:0: error: not a regular file; not parsed"})
}

func TestLoadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads everything")
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"package.json":  "{}",
		"A.sol":         "import \"./Locked.sol\";\ncontract A {}",
		"Locked.sol":    "contract L {}",
		"closed/B.sol":  "contract B {}",
		"closed2/C.sol": "contract C {}",
	})
	for _, p := range []string{"Locked.sol", "closed"} {
		if err := os.Chmod(filepath.Join(dir, p), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, p), 0o755) })
	}
	p := loadWithin(t, Config{Paths: []string{dir}})
	check(t, "units", unitPaths(p.Units), []string{"A.sol", "closed2/C.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{
		"Locked.sol:0:0: error: cannot read file: permission denied",
		"closed:0:0: warning: cannot read directory: permission denied",
	})
}
