package parser

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sleuth-sec/sleuth/parser/source"
)

// buildDirs hold compiler output, caches and generated code in Foundry and
// Hardhat projects; walking them only costs time.
var buildDirs = map[string]bool{
	"out": true, "cache": true, "broadcast": true, "artifacts": true,
	"typechain": true, "typechain-types": true, "coverage": true,
}

// walker finds the in-scope .sol files below the directories the user
// named. Dependency directories are not walked: their files are loaded
// only when something imports them.
type walker struct {
	l        *loader
	realRoot string          // the root with symlinks resolved
	visited  map[string]bool // real paths of walked directories
	// links are symlinks met during the walk, followed only once the real
	// files and directories are all registered, so a file reachable both
	// ways gets its real path, whatever the names sort like.
	links []link
}

type link struct {
	abs, name, rel string
	parentReal     string
	inFoundry      bool
	tests          bool
}

// walkNamed walks a directory the user named. The named directory itself
// is never skipped (naming test/ asks for the tests in it); the rules
// apply below it.
func (w *walker) walkNamed(abs string) {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs
	}
	if w.visited[real] {
		return
	}
	w.visited[real] = true
	tests := w.l.scope.includeTests || w.l.scope.inTestDir(relPath(w.l.root, abs))
	w.walk(abs, real, tests)
	for len(w.links) > 0 {
		ln := w.links[0]
		w.links = w.links[1:]
		w.follow(ln)
	}
}

func (w *walker) walk(abs, real string, tests bool) {
	entries, err := os.ReadDir(abs)
	if err != nil {
		w.warn(abs, "cannot read directory: %v", plainErr(err))
		// ReadDir returns what it read before the error; use it.
	}
	// A nested Foundry project (a dependency checked out somewhere other
	// than lib/) has its own lib/, test/ and script/.
	nestedFoundry := false
	for _, e := range entries {
		if e.Name() == "foundry.toml" {
			nestedFoundry = abs != w.l.root
			break
		}
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // .git, .github, editor and tool state
		}
		child := filepath.Join(abs, name)
		rel := relPath(w.l.root, child)
		switch typ := e.Type(); {
		case typ&fs.ModeSymlink != 0:
			w.links = append(w.links, link{child, name, rel, real, nestedFoundry, tests})
		case typ.IsDir():
			if w.skipDir(child, name, rel, nestedFoundry, tests) {
				continue
			}
			childReal := filepath.Join(real, name)
			if !w.visited[childReal] {
				w.visited[childReal] = true
				w.walk(child, childReal, tests)
			}
		case typ.IsRegular():
			if w.wantFile(name, rel, tests) {
				var size int64
				if fi, err := e.Info(); err == nil {
					size = fi.Size()
				}
				w.l.register(child, filepath.Join(real, name), rel, true, size)
			}
		}
	}
}

// follow walks or registers what a symlink met during the walk leads to.
func (w *walker) follow(ln link) {
	fi, err := os.Stat(ln.abs)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) || strings.HasSuffix(ln.name, ".sol") {
			w.warn(ln.abs, "cannot follow symlink: %v", plainErr(err))
		}
		return
	}
	switch {
	case fi.IsDir():
		if w.skipDir(ln.abs, ln.name, ln.rel, ln.inFoundry, ln.tests) {
			return
		}
		real, err := filepath.EvalSymlinks(ln.abs)
		if err != nil {
			w.warn(ln.abs, "cannot follow symlink: %v", plainErr(err))
			return
		}
		if w.visited[real] {
			// Seen already under another name. Only a link back to an
			// ancestor is worth telling the user about.
			if within(real, ln.parentReal) {
				w.warn(ln.abs, "symlink loop: %s leads back to %s; not followed", ln.rel, relPath(w.realRoot, real))
			}
			return
		}
		w.visited[real] = true
		w.walk(ln.abs, real, ln.tests)
	case fi.Mode().IsRegular():
		if w.wantFile(ln.name, ln.rel, ln.tests) {
			w.l.register(ln.abs, w.l.fs.realPath(ln.abs), ln.rel, true, fi.Size())
		}
	}
}

// wantFile decides whether a file met in the walk is in scope.
func (w *walker) wantFile(name, rel string, tests bool) bool {
	return strings.HasSuffix(name, ".sol") && (tests || !isTestFile(name)) && !w.l.scope.excluded(rel)
}

// skipDir decides whether the walk descends into the directory abs, at
// rel from the root. inFoundry says its parent is a nested Foundry project.
func (w *walker) skipDir(abs, name, rel string, inFoundry, tests bool) bool {
	s := w.l.scope
	if name == "node_modules" || (inFoundry && name == "lib") {
		return true
	}
	for _, lib := range s.libs {
		if abs == lib {
			return true
		}
	}
	if !tests && (rel == s.layout.Test || rel == s.layout.Script || (inFoundry && (name == "test" || name == "script"))) {
		return true
	}
	// In a Foundry or Hardhat project a test/ directory inside the sources
	// (src/test/ of Uniswap v4: test routers and mocks) is test code too.
	// Plain directories keep every file: there "test" is just a name.
	if !tests && s.layout.Kind != LayoutPlain && isTestDirName(name) {
		return true
	}
	if s.layout.Kind != LayoutPlain && buildDirs[rel] {
		return true
	}
	return s.excluded(rel)
}

func (w *walker) warn(abs, format string, args ...any) {
	w.l.diag(source.Diagnostic{
		File: relPath(w.l.root, abs), Severity: source.Warning, Message: fmt.Sprintf(format, args...),
	})
}

// plainErr drops the path from an *fs.PathError: the diagnostic already
// names the file, relative to the root.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
