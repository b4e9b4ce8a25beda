package compile_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/symbolic/compile"
	"github.com/sleuth-sec/sleuth/symbolic/compile/compiletest"
)

// writeTree writes files (root-relative path -> content) under a new
// temporary directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, body := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// onlyNode leaves node (and nothing else, no solc, no npm) on PATH and an
// empty HOME, so that discovery finds only what the test names.
func onlyNode(t *testing.T) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		compiletest.NodeModules(t) // skips or fails as the environment requires
		t.Skip("node is not on PATH")
	}
	bin := t.TempDir()
	if err := os.Symlink(node, filepath.Join(bin, "node")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	t.Setenv("HOME", t.TempDir())
	t.Setenv("SLEUTH_SOLCJS", "")
}

func compileDir(t *testing.T, root string, opts compile.Options) ([]*compile.Artifact, []source.Diagnostic) {
	t.Helper()
	arts, diags, err := compile.Compile(context.Background(), compiletest.Load(t, root), opts)
	if err != nil {
		t.Fatal(err)
	}
	return arts, diags
}

func TestNoCompiler(t *testing.T) {
	root := writeTree(t, map[string]string{"A.sol": "pragma solidity ^0.8.0;\ncontract A {}\n"})
	t.Setenv("PATH", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	t.Setenv("SLEUTH_SOLCJS", "")
	arts, diags := compileDir(t, root, compile.Options{})
	if len(arts) != 0 || len(diags) != 1 || diags[0].Message != compile.NoCompilerMessage || diags[0].Severity != source.Error {
		t.Fatalf("artifacts %v, diagnostics %+v; want exactly the no-compiler diagnostic", arts, diags)
	}
}

func TestPragmasChooseCompilers(t *testing.T) {
	modules := compiletest.NodeModules(t)
	onlyNode(t)
	t.Setenv("SLEUTH_SOLCJS", filepath.Dir(modules))
	root := writeTree(t, map[string]string{
		"Old.sol":     "pragma solidity ^0.4.24;\ncontract Old { function f() public pure returns (uint) { return 1; } }\n",
		"New.sol":     "// SPDX-License-Identifier: MIT\npragma solidity >=0.8.0;\nimport \"./Base.sol\";\ncontract New is Base {}\n",
		"Base.sol":    "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\ncontract Base { uint public x = 1; }\n",
		"Ancient.sol": "pragma solidity ^0.3.0;\ncontract Ancient {}\n",
	})
	arts, diags := compileDir(t, root, compile.Options{})
	got := map[string]string{}
	for _, a := range arts {
		got[a.Name] = a.Compiler
	}
	want := map[string]string{"Old": "solc-js 0.4.26", "New": "solc-js 0.8.28", "Base": "solc-js 0.8.28"}
	for n, c := range want {
		if got[n] != c {
			t.Errorf("%s compiled by %q, want %q (all: %v)", n, got[n], c, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("artifacts %v, want %v", got, want)
	}
	if len(diags) != 1 || diags[0].File != "Ancient.sol" || diags[0].Line != 1 || !strings.Contains(diags[0].Message, "^0.3.0") {
		t.Errorf("diagnostics %+v, want one at Ancient.sol:1 naming ^0.3.0", diags)
	}

	// A forced version overrides the pragmas' choice.
	arts, _ = compileDir(t, writeTree(t, map[string]string{"B.sol": "pragma solidity >=0.5.0;\ncontract B {}\n"}), compile.Options{Version: "0.5.17"})
	if len(arts) != 1 || arts[0].Compiler != "solc-js 0.5.17" {
		t.Errorf("forced 0.5.17: %+v", arts)
	}
}

func TestSolcErrorsBecomeDiagnostics(t *testing.T) {
	root := writeTree(t, map[string]string{
		"src/Bad.sol": "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract Bad {\n    function f() public pure returns (uint256) {\n        return \"text\";\n    }\n}\n",
	})
	_, diags := compileDir(t, root, compiletest.Options(t, "0.8.28"))
	if len(diags) == 0 {
		t.Fatal("no diagnostics for a type error")
	}
	d := diags[0]
	if d.File != "src/Bad.sol" || d.Line != 5 || d.Column != 16 || d.Severity != source.Error || !strings.Contains(d.Message, "TypeError") {
		t.Errorf("diagnostic %+v, want a TypeError at src/Bad.sol:5:16", d)
	}
}

func TestSoljsonFile(t *testing.T) {
	opts := compiletest.Options(t, "0.4.26")
	opts.Solc = filepath.Join(opts.Solc, "soljson.js")
	arts, diags := compileDir(t, filepath.Join(compiletest.ModuleRoot(t), "testdata", "compile", "v04"), opts)
	for _, d := range diags {
		t.Errorf("diagnostic %+v", d)
	}
	if a := compiletest.Artifact(t, arts, "Bank"); !strings.HasPrefix(a.Compiler, "solc-js 0.4.26+commit.4563c3fc") {
		t.Errorf("compiler %q", a.Compiler)
	}
}

func TestCancelled(t *testing.T) {
	opts := compiletest.Options(t, "0.8.28")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	proj := compiletest.Load(t, filepath.Join(compiletest.ModuleRoot(t), "testdata", "compile", "v08"))
	if _, _, err := compile.Compile(ctx, proj, opts); err == nil {
		t.Error("a cancelled compile returned no error")
	}
	if _, _, err := compile.Compile(context.Background(), nil, opts); err == nil {
		t.Error("a nil project compiled")
	}
	if _, _, err := compile.Compile(context.Background(), proj, compile.Options{Version: "eight"}); err == nil {
		t.Error("a bad version was accepted")
	}
	if _, _, err := compile.Compile(context.Background(), proj, compile.Options{Solc: filepath.Join(t.TempDir(), "no-solc")}); err == nil {
		t.Error("a missing --solc was accepted")
	}
}

// Imports reach the compiler as the front end resolved them: a Hardhat
// package import from node_modules (whose own relative imports follow) and
// a Foundry remapping.
func TestImportsResolvedLikeTheFrontEnd(t *testing.T) {
	for _, version := range []string{"0.4.26", "0.8.28"} {
		t.Run(version, func(t *testing.T) {
			t.Parallel()
			testImports(t, version)
		})
	}
}

func testImports(t *testing.T, version string) {
	opts := compiletest.Options(t, version)
	const pragma = "// SPDX-License-Identifier: MIT\npragma solidity >=0.4.24;\n"
	root := writeTree(t, map[string]string{
		"hardhat.config.js":                "module.exports = {};\n",
		"contracts/A.sol":                  pragma + "import \"@lib/math/M.sol\";\ncontract A { function f(uint a) external pure returns (uint) { return M.sq(a) + N.one(); } }\n",
		"node_modules/@lib/math/M.sol":     pragma + "import \"./sub/N.sol\";\nlibrary M { function sq(uint a) internal pure returns (uint) { return a * a; } }\n",
		"node_modules/@lib/math/sub/N.sol": pragma + "library N { function one() internal pure returns (uint) { return 1; } }\n",
	})
	arts, diags := compileDir(t, root, opts)
	for _, d := range diags {
		t.Errorf("diagnostic %+v", d)
	}
	a := compiletest.Artifact(t, arts, "A")
	if a.Source != "contracts/A.sol" {
		t.Errorf("A declared in %q", a.Source)
	}
	if len(arts) != 1 {
		t.Errorf("artifacts of dependencies returned: %d", len(arts))
	}
	seen := map[string]bool{}
	for _, s := range a.Sources {
		seen[s] = true
	}
	for _, want := range []string{"contracts/A.sol", "node_modules/@lib/math/M.sol", "node_modules/@lib/math/sub/N.sol"} {
		if !seen[want] {
			t.Errorf("source list %v lacks %s", a.Sources, want)
		}
	}
}

// A compiler that crashes is a diagnostic, not a failed run.
func TestBrokenSolcJS(t *testing.T) {
	compiletest.NodeModules(t) // node is needed to see solc-js fail
	pkg := writeTree(t, map[string]string{
		"package.json": `{"name": "solc", "version": "0.8.28"}`,
		"index.js":     "throw new Error('corrupt install');\n",
		"soljson.js":   "throw new Error('corrupt install');\n",
	})
	root := writeTree(t, map[string]string{"A.sol": "pragma solidity ^0.8.0;\ncontract A {}\n"})
	arts, diags := compileDir(t, root, compile.Options{Solc: pkg})
	if len(arts) != 0 || len(diags) != 1 || diags[0].File != "A.sol" || !strings.Contains(diags[0].Message, "corrupt install") {
		t.Errorf("artifacts %v, diagnostics %+v; want one diagnostic quoting the crash", arts, diags)
	}
}
