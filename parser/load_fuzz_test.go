package parser

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// fuzzSlots are the files FuzzLoad writes: the project's own, a Foundry
// dependency, a package, a test and a file outside the root.
var fuzzSlots = []string{
	"proj/A.sol", "proj/sub/B.sol", "proj/lib/x/src/C.sol",
	"proj/node_modules/@p/D.sol", "proj/test/E.t.sol", "outside/F.sol",
}

// FuzzLoad builds a project whose import paths and remappings come from
// the fuzz input and checks that Load returns, does not panic, reads
// nothing outside the temporary tree, and returns a consistent Project.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		"./sub/B.sol\n../A.sol\nx/C.sol\n@p/D.sol\n../test/E.t.sol\n../outside/F.sol",
		"x/=lib/x/src/\nx/C.sol\nsrc/:y/=sub/\ny/B.sol",
		"../../../../../../../../../../etc/passwd\n/etc/hosts\n/dev/zero",
		"./A.sol\n./A.sol\n../proj/A.sol\nA.sol",
		"sub/loop/loop/loop/B.sol\n./sub/loop/A.sol",
		"@p/=node_modules/@p/\n@p/../../A.sol\n=\n:=\n::=x",
		"\x00\n\xff\xfe\n\"\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		base := t.TempDir()
		lines := strings.Split(string(data), "\n")
		contents := make([]strings.Builder, len(fuzzSlots))
		var remaps strings.Builder
		for i, line := range lines {
			if strings.Contains(line, "=") {
				remaps.WriteString(line + "\n")
			}
			contents[i%len(fuzzSlots)].WriteString("import \"" + line + "\";\n")
		}
		files := map[string]string{
			"proj/foundry.toml":   "[profile.default]\nsrc = \"src\"\n",
			"proj/remappings.txt": remaps.String(),
		}
		for i, slot := range fuzzSlots {
			files[slot] = contents[i].String() + "contract C" + string(rune('A'+i)) + " {}\n"
		}
		writeTree(t, base, files)
		_ = os.Symlink("..", filepath.Join(base, "proj", "sub", "loop")) // where symlinks work

		done := make(chan struct{})
		var p *Project
		var err error
		go func() {
			defer close(done)
			p, err = Load(Config{Paths: []string{filepath.Join(base, "proj")}, IncludeTests: len(data)%2 == 0})
		}()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatal("Load did not return")
		}
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		checkProject(t, p, base)
	})
}

// checkProject asserts what every Project must satisfy.
func checkProject(t *testing.T, p *Project, base string) {
	t.Helper()
	realBase, _ := filepath.EvalSymlinks(base)
	inUnits := map[*Unit]bool{}
	for _, u := range p.Units {
		inUnits[u] = true
	}
	if !sort.SliceIsSorted(p.Units, func(i, j int) bool { return p.Units[i].File.Path < p.Units[j].File.Path }) {
		t.Errorf("units not sorted")
	}
	seen := map[string]bool{}
	for _, u := range p.Units {
		if u.File == nil || u.AST == nil {
			t.Fatalf("unit without file or syntax tree: %+v", u)
		}
		if seen[u.File.Path] {
			t.Errorf("two units with path %s", u.File.Path)
		}
		seen[u.File.Path] = true
		if real, err := filepath.EvalSymlinks(u.File.Abs); err != nil || !within(realBase, real) {
			t.Errorf("loaded %s, outside the test tree", u.File.Abs)
		}
		if len(u.Imports) != len(u.AST.Imports) {
			t.Errorf("%s: %d resolved imports for %d directives", u.File.Path, len(u.Imports), len(u.AST.Imports))
		}
		for _, imp := range u.Imports {
			if imp != nil && !inUnits[imp] {
				t.Errorf("%s imports a unit that is not in the project", u.File.Path)
			}
		}
	}
	for _, d := range p.Diagnostics {
		if d.Message == "" || d.Severity == "" {
			t.Errorf("empty diagnostic %+v", d)
		}
		if strings.Contains(d.Message, "internal error") {
			t.Errorf("%s", d.Message)
		}
	}
}
