package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/parser/source"
)

const fixtures = "../testdata/load"

func mustLoad(t *testing.T, cfg Config) *Project {
	t.Helper()
	p, err := Load(cfg)
	if err != nil {
		t.Fatalf("Load(%v): %v", cfg.Paths, err)
	}
	return p
}

func unitPaths(us []*Unit) []string {
	out := []string{}
	for _, u := range us {
		out = append(out, u.File.Path)
	}
	return out
}

func unit(t *testing.T, p *Project, path string) *Unit {
	t.Helper()
	for _, u := range p.Units {
		if u.File.Path == path {
			return u
		}
	}
	t.Fatalf("no unit %s; have %v", path, unitPaths(p.Units))
	return nil
}

// importsOf maps each import path written in the unit to the path of the
// unit it resolved to, or "" when it did not resolve.
func importsOf(t *testing.T, p *Project, path string) map[string]string {
	t.Helper()
	u := unit(t, p, path)
	if len(u.Imports) != len(u.AST.Imports) {
		t.Fatalf("%s: %d resolved imports for %d directives", path, len(u.Imports), len(u.AST.Imports))
	}
	out := map[string]string{}
	for i, imp := range u.AST.Imports {
		out[imp.Path] = ""
		if u.Imports[i] != nil {
			out[imp.Path] = u.Imports[i].File.Path
		}
	}
	return out
}

func diagLines(ds []source.Diagnostic) []string {
	out := []string{}
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s:%d:%d: %s: %s", d.File, d.Line, d.Column, d.Severity, d.Message))
	}
	return out
}

func check[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got  %#v\n want %#v", what, got, want)
	}
}

func TestLoadFoundry(t *testing.T) {
	dir := filepath.Join(fixtures, "foundry")
	deps := []string{
		"lib/depA/D.sol", "lib/depB/D.sol", "lib/forge-std/src/console.sol",
		"lib/openzeppelin/contracts/token/ERC20.sol", "lib/openzeppelin/contracts/utils/Context.sol",
		"lib/solmate/src/auth/Owned.sol",
	}
	src := []string{"src/Other.sol", "src/Token.sol", "src/ctx/C.sol"}
	tests := []string{"script/Deploy.s.sol", "src/Helper.t.sol", "src/test/MockToken.sol", "test/Token.t.sol"}
	for _, tc := range []struct {
		name    string
		cfg     Config
		inScope []string
		units   []string
	}{
		{
			name:    "default",
			cfg:     Config{Paths: []string{dir}},
			inScope: src,
			units:   sorted(deps, src),
		},
		{
			name:    "include tests",
			cfg:     Config{Paths: []string{dir}, IncludeTests: true},
			inScope: sorted(src, tests),
			// forge-std's Test.sol is reached through the test.
			units: sorted(deps, src, tests, []string{"lib/forge-std/src/Test.sol"}),
		},
		{
			name:    "include deps",
			cfg:     Config{Paths: []string{dir}, IncludeDeps: true},
			inScope: sorted(deps, src),
			units:   sorted(deps, src),
		},
		{
			name: "exclude",
			cfg:  Config{Paths: []string{dir}, Exclude: []string{"src/ctx/**", "Other.sol"}},
			// Excluded files are still loaded when imported; here nothing
			// imports them, so they are not loaded at all.
			inScope: []string{"src/Token.sol"},
			units:   sorted(deps[2:], []string{"src/Token.sol"}),
		},
		{
			name:    "one worker",
			cfg:     Config{Paths: []string{dir}, Workers: 1},
			inScope: src,
			units:   sorted(deps, src),
		},
		{
			name:    "subdirectory",
			cfg:     Config{Paths: []string{filepath.Join(dir, "src", "ctx")}},
			inScope: []string{"src/ctx/C.sol"},
			units:   []string{"lib/depA/D.sol", "src/ctx/C.sol"},
		},
		{
			name:    "test directory named",
			cfg:     Config{Paths: []string{filepath.Join(dir, "test")}},
			inScope: []string{"test/Token.t.sol"},
			units:   sorted(deps[2:], []string{"lib/forge-std/src/Test.sol", "src/Token.sol", "test/Token.t.sol"}),
		},
		{
			name:    "test directory inside src named",
			cfg:     Config{Paths: []string{filepath.Join(dir, "src", "test")}},
			inScope: []string{"src/test/MockToken.sol"},
			units:   []string{"src/test/MockToken.sol"},
		},
		{
			name:    "test file named",
			cfg:     Config{Paths: []string{filepath.Join(dir, "src", "Helper.t.sol")}},
			inScope: []string{"src/Helper.t.sol"},
			units:   []string{"src/Helper.t.sol"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := mustLoad(t, tc.cfg)
			want, _ := filepath.Abs(dir)
			check(t, "root", p.Root, want)
			check(t, "layout", p.Layout, Layout{Kind: LayoutFoundry, Src: "src", Test: "test", Script: "script", Libs: []string{"lib"}})
			check(t, "in scope", unitPaths(p.InScope()), tc.inScope)
			check(t, "units", unitPaths(p.Units), tc.units)
			check(t, "diagnostics", diagLines(p.Diagnostics), []string{})
		})
	}

	p := mustLoad(t, Config{Paths: []string{dir}})
	check(t, "Token.sol imports", importsOf(t, p, "src/Token.sol"), map[string]string{
		"@oz/token/ERC20.sol":                       "lib/openzeppelin/contracts/token/ERC20.sol",   // foundry.toml
		"forge-std/console.sol":                     "lib/forge-std/src/console.sol",                // derived from lib/forge-std/src
		"solmate/auth/Owned.sol":                    "lib/solmate/src/auth/Owned.sol",               // remappings.txt
		"@openzeppelin/contracts/utils/Context.sol": "lib/openzeppelin/contracts/utils/Context.sol", // the dependency's own remappings.txt
	})
	check(t, "C.sol imports (context remapping)", importsOf(t, p, "src/ctx/C.sol"), map[string]string{"dep/D.sol": "lib/depA/D.sol"})
	check(t, "Other.sol imports", importsOf(t, p, "src/Other.sol"), map[string]string{"dep/D.sol": "lib/depB/D.sol"})
	// Context.sol is imported by path from ERC20.sol and through a
	// remapping from Token.sol: one unit.
	erc20 := unit(t, p, "lib/openzeppelin/contracts/token/ERC20.sol")
	if erc20.Imports[0] != unit(t, p, "src/Token.sol").Imports[3] {
		t.Errorf("Context.sol loaded twice")
	}
	var remaps []string
	for _, r := range p.Remappings {
		target := relPath(p.Root, strings.TrimSuffix(r.Target, string(filepath.Separator)))
		remaps = append(remaps, r.Context+":"+r.Prefix+"="+target)
	}
	check(t, "remappings", remaps, []string{
		":@oz/=lib/openzeppelin/contracts",
		":solmate/=lib/solmate/src",
		"src/ctx/:dep/=lib/depA",
		":dep/=lib/depB",
		":depA/=lib/depA",
		":depB/=lib/depB",
		":forge-std/=lib/forge-std/src",
		":openzeppelin/=lib/openzeppelin",
		":unused/=lib/unused/src",
		// lib/openzeppelin/remappings.txt, for itself and for the rest.
		"lib/openzeppelin/:@openzeppelin/contracts/=lib/openzeppelin/contracts",
		":@openzeppelin/contracts/=lib/openzeppelin/contracts",
	})
}

func sorted(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	// The loader sorts by plain string comparison; so does this.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestLoadHardhat(t *testing.T) {
	dir := filepath.Join(fixtures, "hardhat")
	src := []string{"contracts/MyToken.sol", "contracts/interfaces/IMinter.sol"}
	deps := []string{
		"node_modules/@openzeppelin/contracts/token/ERC20/ERC20.sol",
		"node_modules/@openzeppelin/contracts/token/ERC20/IERC20.sol",
		"node_modules/@openzeppelin/contracts/utils/Context.sol",
	}
	for _, tc := range []struct {
		name    string
		cfg     Config
		inScope []string
	}{
		{"default", Config{Paths: []string{dir}}, src},
		{"include deps", Config{Paths: []string{dir}, IncludeDeps: true}, sorted(src, deps)},
		{"exclude deps by glob", Config{Paths: []string{dir}, IncludeDeps: true, Exclude: []string{"node_modules/**/utils"}},
			sorted(src, deps[:2])},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := mustLoad(t, tc.cfg)
			check(t, "layout", p.Layout, Layout{Kind: LayoutHardhat, Src: "contracts", Test: "test", Script: "scripts"})
			check(t, "units", unitPaths(p.Units), sorted(src, deps))
			check(t, "in scope", unitPaths(p.InScope()), tc.inScope)
			check(t, "diagnostics", diagLines(p.Diagnostics), []string{})
			check(t, "MyToken imports", importsOf(t, p, "contracts/MyToken.sol"), map[string]string{
				"@openzeppelin/contracts/token/ERC20/ERC20.sol": deps[0],
				"./interfaces/IMinter.sol":                      "contracts/interfaces/IMinter.sol",
			})
			check(t, "ERC20 imports", importsOf(t, p, deps[0]), map[string]string{
				"./IERC20.sol":            deps[1],
				"../../utils/Context.sol": deps[2],
			})
		})
	}
}

func TestLoadRelativeImportsAndAliases(t *testing.T) {
	p := mustLoad(t, Config{Paths: []string{filepath.Join(fixtures, "relative")}})
	check(t, "layout", p.Layout.Kind, LayoutPlain)
	check(t, "units", unitPaths(p.Units), []string{"a/A.sol", "a/B.sol", "a/Legacy.sol", "c/C.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{})
	a := unit(t, p, "a/A.sol")
	var got []string
	for i, imp := range a.AST.Imports {
		to := "<nil>"
		if a.Imports[i] != nil {
			to = a.Imports[i].File.Path
		}
		got = append(got, fmt.Sprintf("%s as %q %d symbols -> %s", imp.Path, imp.UnitAlias, len(imp.Symbols), to))
	}
	check(t, "A.sol imports", got, []string{
		`./B.sol as "" 0 symbols -> a/B.sol`,
		`./B.sol as "BB" 0 symbols -> a/B.sol`,
		`./B.sol as "Star" 0 symbols -> a/B.sol`,
		`./B.sol as "" 2 symbols -> a/B.sol`,
		`../c/C.sol as "" 1 symbols -> c/C.sol`,
		`Legacy.sol as "" 0 symbols -> a/Legacy.sol`,
	})
	// Four directives, one unit.
	for i := 1; i < 4; i++ {
		if a.Imports[i] != a.Imports[0] {
			t.Errorf("import %d of B.sol is a different unit", i)
		}
	}
}

func TestLoadImportCycle(t *testing.T) {
	p := mustLoad(t, Config{Paths: []string{filepath.Join(fixtures, "cycle", "A.sol")}})
	check(t, "units", unitPaths(p.Units), []string{"A.sol", "B.sol"})
	check(t, "in scope", unitPaths(p.InScope()), []string{"A.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{})
	a, b := unit(t, p, "A.sol"), unit(t, p, "B.sol")
	check(t, "A imports", a.Imports, []*Unit{b, a})
	check(t, "B imports", b.Imports, []*Unit{a})
}

func TestLoadMissingImport(t *testing.T) {
	p := mustLoad(t, Config{Paths: []string{filepath.Join(fixtures, "missing")}})
	check(t, "units", unitPaths(p.Units), []string{"Main.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{
		`Main.sol:3:8: error: cannot resolve import "./Nope.sol": no file Nope.sol`,
		`Main.sol:4:19: error: cannot resolve import "nope/X.sol": not found relative to ./, in the project root or node_modules`,
	})
	check(t, "imports", unit(t, p, "Main.sol").Imports, []*Unit{nil, nil})
}

func TestLoadBadBytes(t *testing.T) {
	p := mustLoad(t, Config{Paths: []string{filepath.Join(fixtures, "bytes")}})
	// The binary file is not parsed and not a unit.
	check(t, "units", unitPaths(p.Units), []string{"Empty.sol", "Latin1.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{
		"Binary.sol:2:13: error: binary file (NUL byte): not parsed",
		"Empty.sol:0:0: info: empty file",
		"Latin1.sol:4:7: warning: file is not valid UTF-8 (byte 0xe9); parsed anyway",
	})
	if n := len(unit(t, p, "Latin1.sol").AST.Contracts); n != 1 {
		t.Errorf("Latin1.sol: %d contracts, want 1", n)
	}
	if n := len(unit(t, p, "Empty.sol").AST.Nodes); n != 0 {
		t.Errorf("Empty.sol: %d nodes, want 0", n)
	}
}

func TestLoadSameContractNames(t *testing.T) {
	p := mustLoad(t, Config{Paths: []string{filepath.Join(fixtures, "samenames")}})
	check(t, "in scope", unitPaths(p.InScope()), []string{"wallet_1.sol", "wallet_2.sol", "wallet_3.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{})
	for _, u := range p.Units {
		var names []string
		for _, c := range u.AST.Contracts {
			names = append(names, c.Name.Name)
		}
		check(t, u.File.Path+" contracts", names, []string{"Wallet", "Attacker"})
	}
}

func TestLoadNoSolidityFiles(t *testing.T) {
	p := mustLoad(t, Config{Paths: []string{filepath.Join(fixtures, "empty")}})
	check(t, "units", len(p.Units), 0)
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{})
}

func TestLoadUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"nonexistent path", Config{Paths: []string{filepath.Join(fixtures, "no-such-dir")}}, "no such file or directory"},
		{"second path nonexistent", Config{Paths: []string{fixtures + "/cycle", "nope.sol"}}, "nope.sol"},
		{"bad exclude", Config{Paths: []string{fixtures + "/cycle"}, Exclude: []string{"src/[a"}}, `invalid exclude pattern "src/[a"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Load(tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load = %v, %v; want error containing %q", p, err, tc.want)
			}
		})
	}
}

// TestLoadDeterministic loads the same project with different worker
// counts and expects identical output.
func TestLoadDeterministic(t *testing.T) {
	dir := filepath.Join(fixtures, "foundry")
	var first string
	for _, workers := range []int{1, 2, 8, 1, 8} {
		p := mustLoad(t, Config{Paths: []string{dir}, Workers: workers, IncludeTests: true})
		var b strings.Builder
		for _, u := range p.Units {
			fmt.Fprintf(&b, "%s %v %d:", u.File.Path, u.InScope, u.SyntaxErrors)
			for _, imp := range u.Imports {
				if imp != nil {
					b.WriteString(" " + imp.File.Path)
				}
			}
			b.WriteString("\n")
		}
		fmt.Fprintln(&b, diagLines(p.Diagnostics))
		if first == "" {
			first = b.String()
		} else if b.String() != first {
			t.Fatalf("workers=%d: output differs:\n%s\nvs\n%s", workers, b.String(), first)
		}
	}
}

// writeTree creates files (path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadRootWithoutMarkers(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"x/A.sol": "contract A {}", "x/sub/B.sol": "contract B {}"})
	p := mustLoad(t, Config{Paths: []string{filepath.Join(dir, "x")}})
	check(t, "root", p.Root, filepath.Join(dir, "x"))
	check(t, "units", unitPaths(p.Units), []string{"A.sol", "sub/B.sol"})
	// A file: its directory is the root.
	p = mustLoad(t, Config{Paths: []string{filepath.Join(dir, "x", "sub", "B.sol")}})
	check(t, "root", p.Root, filepath.Join(dir, "x", "sub"))
	check(t, "units", unitPaths(p.Units), []string{"B.sol"})
}

func TestLoadImportsOutsideRoot(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"proj/package.json": "{}",
		"proj/A.sol": "import \"../secret/S.sol\";\nimport \"dep/D.sol\";\n" +
			"import \"../../../../../../../../../../../../../../../../" + strings.TrimPrefix(filepath.ToSlash(dir), "/") + "/secret/S.sol\";\ncontract A {}",
		// A hoisted node_modules above the root is a dependency directory
		// and may be read.
		"node_modules/dep/D.sol": "import \"../../secret/S.sol\";\ncontract D {}",
		"secret/S.sol":           "contract S {}",
	})
	p := mustLoad(t, Config{Paths: []string{filepath.Join(dir, "proj")}})
	check(t, "units", unitPaths(p.Units), []string{"../node_modules/dep/D.sol", "A.sol"})
	check(t, "in scope", unitPaths(p.InScope()), []string{"A.sol"})
	secret := filepath.Join(dir, "secret", "S.sol")
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{
		`../node_modules/dep/D.sol:1:8: warning: import "../../secret/S.sol" leads to ` + secret + `, outside the project root and its dependency directories; not followed`,
		`A.sol:1:8: warning: import "../secret/S.sol" leads to ` + secret + `, outside the project root and its dependency directories; not followed`,
		`A.sol:3:8: warning: import "` + unit(t, p, "A.sol").AST.Imports[2].Path + `" leads to ` + secret + `, outside the project root and its dependency directories; not followed`,
	})
	// Naming the directory makes it readable.
	p = mustLoad(t, Config{Paths: []string{filepath.Join(dir, "proj"), filepath.Join(dir, "secret")}})
	check(t, "units", unitPaths(p.Units), []string{"../node_modules/dep/D.sol", "../secret/S.sol", "A.sol"})
	check(t, "in scope", unitPaths(p.InScope()), []string{"../secret/S.sol", "A.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{})
}

func TestLoadFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"package.json": "{}",
		"Big.sol":      "contract Big {}\n" + strings.Repeat("// padding\n", 8),
		"Main.sol":     "import \"./Big.sol\";\ncontract M {}\n",
	})
	p := mustLoad(t, Config{Paths: []string{dir}, MaxFileSize: 100})
	check(t, "units", unitPaths(p.Units), []string{"Main.sol"})
	check(t, "imports", unit(t, p, "Main.sol").Imports, []*Unit{nil})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{
		"Big.sol:0:0: error: file too large to parse (104 bytes; the limit is 100 bytes)",
	})
}

func TestLoadMalformedConfig(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"foundry.toml":    "[profile.default]\nsrc = \"src\"\nlibs = [\n",
		"remappings.txt":  "good/=lib/good/\nno-equals-sign\n",
		"src/A.sol":       "import \"good/G.sol\";\ncontract A {}",
		"lib/good/G.sol":  "contract G {}",
		"lib/other/O.sol": "contract O {}",
	})
	p := mustLoad(t, Config{Paths: []string{dir}})
	check(t, "units", unitPaths(p.Units), []string{"lib/good/G.sol", "src/A.sol"})
	diags := diagLines(p.Diagnostics)
	if len(diags) != 2 || !strings.HasPrefix(diags[0], "foundry.toml:3:9: warning: foundry.toml is not valid TOML") ||
		diags[1] != `remappings.txt:2:0: warning: ignoring remapping "no-equals-sign": want [context:]prefix=target` {
		t.Errorf("diagnostics: %q", diags)
	}
}

// The overlay's contents win over the disk's, for the file it names only.
func TestLoadOverlay(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"A.sol": `import "./B.sol"; contract A is B {}`,
		"B.sol": "contract B {}",
	})
	abs := filepath.Join(dir, "B.sol")
	p := mustLoad(t, Config{Paths: []string{dir}, Overlay: map[string][]byte{abs: []byte("contract Staged {}")}})
	b := unit(t, p, "B.sol")
	check(t, "B.sol content", string(b.File.Content), "contract Staged {}")
	check(t, "A.sol content", string(unit(t, p, "A.sol").File.Content), `import "./B.sol"; contract A is B {}`)

	// Overlaid contents obey the size limit like files on disk.
	p = mustLoad(t, Config{Paths: []string{dir}, MaxFileSize: 4, Overlay: map[string][]byte{abs: []byte("contract Staged {}")}})
	found := false
	for _, d := range p.Diagnostics {
		if d.File == "B.sol" && strings.Contains(d.Message, "too large") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no size diagnostic for the overlaid B.sol: %v", p.Diagnostics)
	}
}

// foundry.toml's src, test, script and libs replace Foundry's defaults:
// the configured test and script directories are left out of scope, the
// configured libs are dependency directories (not walked; lib/ is then
// an ordinary directory), and remappings are derived for what is in them.
func TestLoadFoundryConfiguredLayout(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"foundry.toml": "[profile.default]\nsrc = \"contracts\"\ntest = \"tests\"\nscript = \"scripts/\"\n" +
			"libs = [\"dependencies\", \"vendor\"]\nremappings = [\"@dep/=dependencies/dep/src/\"]\n",
		"contracts/A.sol":                 "import \"@dep/D.sol\";\nimport \"dep/D.sol\";\nimport \"other/O.sol\";\ncontract A {}",
		"lib/Helper.sol":                  "contract Helper {}",
		"tests/A.t.sol":                   "import \"../contracts/A.sol\";\ncontract T {}",
		"scripts/S.s.sol":                 "contract S {}",
		"scripts/Util.sol":                "contract Util {}",
		"dependencies/dep/src/D.sol":      "contract D {}",
		"dependencies/dep/src/Unused.sol": "contract Unused {}",
		"vendor/other/O.sol":              "contract O {}",
	})
	p := mustLoad(t, Config{Paths: []string{dir}})
	check(t, "layout", p.Layout, Layout{Kind: LayoutFoundry, Src: "contracts", Test: "tests", Script: "scripts",
		Libs: []string{"dependencies", "vendor"}})
	check(t, "in scope", unitPaths(p.InScope()), []string{"contracts/A.sol", "lib/Helper.sol"})
	check(t, "units", unitPaths(p.Units), []string{"contracts/A.sol", "dependencies/dep/src/D.sol", "lib/Helper.sol", "vendor/other/O.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{})
	check(t, "A.sol imports", importsOf(t, p, "contracts/A.sol"), map[string]string{
		"@dep/D.sol":  "dependencies/dep/src/D.sol", // foundry.toml
		"dep/D.sol":   "dependencies/dep/src/D.sol", // derived from dependencies/dep/src
		"other/O.sol": "vendor/other/O.sol",         // derived from vendor/other
	})
	a := unit(t, p, "contracts/A.sol")
	if a.Imports[0] != a.Imports[1] {
		t.Errorf("D.sol loaded twice")
	}

	p = mustLoad(t, Config{Paths: []string{dir}, IncludeTests: true})
	check(t, "in scope with tests", unitPaths(p.InScope()),
		[]string{"contracts/A.sol", "lib/Helper.sol", "scripts/S.s.sol", "scripts/Util.sol", "tests/A.t.sol"})
}

// A file with syntax errors keeps all of its errors and as much of its
// tree as parsed; the files around it, importing it or imported by it,
// parse as if it were fine.
func TestLoadSyntaxErrorsStayInTheirFile(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"package.json": "{}",
		"Good.sol":     "import \"./Broken.sol\";\ncontract Good is Later {}\n",
		"Broken.sol": "import \"./Base.sol\";\ncontract Early {\n    function f( external {}\n}\n" +
			"contract Middle {\n    uint256 x = ;\n}\ncontract Later is Base {\n    function g() external {}\n}\n",
		"Base.sol":  "contract Base {}\n",
		"Other.sol": "contract Other { function h() external pure returns (uint256) { return 1; } }\n",
	})
	p := mustLoad(t, Config{Paths: []string{dir}})
	check(t, "units", unitPaths(p.Units), []string{"Base.sol", "Broken.sol", "Good.sol", "Other.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{
		"Broken.sol:3:16: error: expected ')' after '('",
		"Broken.sol:6:17: error: unexpected ';'; expected an expression",
	})
	broken := unit(t, p, "Broken.sol")
	check(t, "Broken.sol syntax errors", broken.SyntaxErrors, 2)
	var names []string
	for _, c := range broken.AST.Contracts {
		names = append(names, c.Name.Name)
	}
	check(t, "Broken.sol contracts", names, []string{"Early", "Middle", "Later"})
	check(t, "Broken.sol imports", broken.Imports, []*Unit{unit(t, p, "Base.sol")})
	for _, path := range []string{"Base.sol", "Good.sol", "Other.sol"} {
		if u := unit(t, p, path); u.SyntaxErrors != 0 || len(u.AST.Contracts) != 1 {
			t.Errorf("%s: %d syntax errors, %d contracts", path, u.SyntaxErrors, len(u.AST.Contracts))
		}
	}
}

// In a directory with no build configuration, test/ is just a name: a
// corpus that keeps contracts there is scanned in full.
func TestLoadPlainKeepsTestDirectories(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"test/Vault.sol", "src/tests/Bank.sol"} {
		path := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("pragma solidity ^0.8.0;\ncontract C {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := mustLoad(t, Config{Paths: []string{dir}})
	check(t, "layout", p.Layout.Kind, LayoutPlain)
	check(t, "in scope", unitPaths(p.InScope()), []string{"src/tests/Bank.sol", "test/Vault.sol"})
}
