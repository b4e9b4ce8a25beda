package parser

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// scope decides which files findings may be reported on. Paths it sees
// are root-relative with forward slashes.
type scope struct {
	layout       Layout
	libs         []string // absolute
	includeTests bool
	includeDeps  bool
	exclude      []string
}

func newScope(cfg Config, layout Layout, libs []string) (*scope, error) {
	s := &scope{layout: layout, libs: libs, includeTests: cfg.IncludeTests, includeDeps: cfg.IncludeDeps}
	for _, p := range cfg.Exclude {
		p = strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(p), "./"), "/")
		if p == "" || !doublestar.ValidatePattern(p) {
			return nil, fmt.Errorf("invalid exclude pattern %q", p)
		}
		s.exclude = append(s.exclude, p)
	}
	return s, nil
}

// excluded reports whether an Exclude pattern matches rel or one of its
// parent directories, as in .gitignore: `test/mocks` leaves out everything
// below it. A pattern without a slash matches a name at any depth, so
// `*.t.sol` and `mocks` mean what users expect.
func (s *scope) excluded(rel string) bool {
	for _, pat := range s.exclude {
		anyDepth := !strings.Contains(pat, "/")
		for i := 0; i <= len(rel); i++ {
			if i < len(rel) && rel[i] != '/' {
				continue
			}
			if doublestar.MatchUnvalidated(pat, rel[:i]) {
				return true
			}
		}
		if anyDepth {
			for _, part := range strings.Split(rel, "/") {
				if doublestar.MatchUnvalidated(pat, part) {
					return true
				}
			}
		}
	}
	return false
}

// isTestFile reports whether name is a Foundry test or script by its
// suffix.
func isTestFile(name string) bool {
	return strings.HasSuffix(name, ".t.sol") || strings.HasSuffix(name, ".s.sol")
}

// inTestDir reports whether rel is the layout's test or script directory
// or below one, or, in a Foundry or Hardhat project, below any test/.
func (s *scope) inTestDir(rel string) bool {
	for _, d := range []string{s.layout.Test, s.layout.Script} {
		if d != "" && (rel == d || strings.HasPrefix(rel, d+"/")) {
			return true
		}
	}
	if s.layout.Kind != LayoutPlain {
		for _, seg := range strings.Split(rel, "/") {
			if isTestDirName(seg) {
				return true
			}
		}
	}
	return false
}

// isTestDirName reports whether a directory name means test code.
func isTestDirName(name string) bool { return name == "test" || name == "tests" }

// isDep reports whether abs lies in a dependency directory.
func (s *scope) isDep(abs string) bool {
	if strings.Contains(filepath.ToSlash(abs), "/node_modules/") {
		return true
	}
	for _, l := range s.libs {
		if within(l, abs) {
			return true
		}
	}
	return false
}

// importedInScope decides scope for a file reached only through an
// import. Files found by walking or named by the user are in scope by
// construction; the rest are dependencies, in scope only when asked for.
func (s *scope) importedInScope(abs, rel string) bool {
	if !s.includeDeps || !s.isDep(abs) || s.excluded(rel) {
		return false
	}
	return s.includeTests || !isTestFile(filepath.Base(abs))
}
