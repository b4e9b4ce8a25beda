package compile

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/sleuth-sec/sleuth/parser"
)

const artifactSource = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract Box {\n    uint256 public v;\n    function set(uint256 x) external { v = x; }\n}\n"

// realOutput compiles artifactSource with the project's solc-js 0.8.28, to
// build the artifact layouts the tests read.
func realOutput(t *testing.T, name string) (*stdInput, *stdOutput) {
	t.Helper()
	c := &compiler{kind: kindSolcJS, path: solcJS0828(t), version: Version{Major: 0, Minor: 8, Patch: 28}, long: "0.8.28"}
	in := &stdInput{
		Language: "Solidity",
		Sources:  map[string]stdSource{name: {Content: artifactSource}},
		Settings: stdSettings{OutputSelection: outputSelection()},
	}
	out, err := c.run(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return in, out
}

// solcJS0828 returns the project's solc-js 0.8.28 package, skipping the test
// when it or node is missing (failing it under SLEUTH_REQUIRE_CORPUS=1).
func solcJS0828(t *testing.T) string {
	t.Helper()
	pkg := filepath.Join(moduleRoot(t), "testdata", "solc", "node_modules", "solc-0.8.28")
	missing := ""
	if _, err := os.Stat(filepath.Join(pkg, "soljson.js")); err != nil {
		missing = "solc-js is not installed (make solcjs)"
	} else if _, err := exec.LookPath("node"); err != nil {
		missing = "node is not on PATH"
	}
	if missing != "" {
		if os.Getenv("SLEUTH_REQUIRE_CORPUS") == "1" {
			t.Fatal(missing)
		}
		t.Skip(missing)
	}
	return pkg
}

func moduleRoot(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, path string, body []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
}

func loadProject(t *testing.T, root string) *parser.Project {
	t.Helper()
	proj, err := parser.Load(parser.Config{Paths: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	return proj
}

// noCompilers leaves nothing for discovery to find: artifacts must do.
func noCompilers(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	t.Setenv("SLEUTH_SOLCJS", "")
}

func checkBox(t *testing.T, arts []*Artifact, out *stdOutput, file, compiler string) {
	t.Helper()
	if len(arts) != 1 {
		t.Fatalf("artifacts %+v, want Box", arts)
	}
	a := arts[0]
	want := out.Contracts[file]["Box"]
	if a.Name != "Box" || a.Source != file || a.Compiler != compiler {
		t.Errorf("artifact %s in %s by %q", a.Name, a.Source, a.Compiler)
	}
	if got := hex.EncodeToString(a.Runtime); got != want.EVM.DeployedBytecode.Object {
		t.Errorf("runtime code differs from the artifact's")
	}
	if _, ok := a.ABI.Methods["set"]; !ok {
		t.Errorf("ABI without set: %+v", a.ABI.Methods)
	}
	// The SSTORE of set maps back to `v = x`.
	for pc := 0; pc < len(a.Runtime); pc++ {
		op := a.Runtime[pc]
		if op == 0x55 {
			f, off, n, ok := a.PCSource(pc)
			if !ok || f != file || artifactSource[off:off+n] != "v = x" {
				t.Errorf("SSTORE maps to %s %d %d %v", f, off, n, ok)
			}
			return
		}
		if op >= 0x60 && op <= 0x7f {
			pc += int(op - 0x5f)
		}
	}
	t.Error("no SSTORE in Box's runtime code")
}

func TestHardhatBuildInfo(t *testing.T) {
	in, out := realOutput(t, "contracts/Box.sol")
	noCompilers(t)
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "hardhat.config.js"), []byte("module.exports = {solidity: '0.8.28'};\n"))
	writeFile(t, filepath.Join(root, "contracts", "Box.sol"), []byte(artifactSource))
	bi, err := json.Marshal(map[string]any{
		"_format": "hh-sol-build-info-1", "solcVersion": "0.8.28", "solcLongVersion": "0.8.28+commit.7893614a",
		"input": in, "output": out,
	})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "artifacts", "build-info", "0123abcd.json"), bi)

	arts, diags, err := Compile(context.Background(), loadProject(t, root), Options{})
	if err != nil || len(diags) != 0 {
		t.Fatalf("err %v, diagnostics %+v", err, diags)
	}
	checkBox(t, arts, out, "contracts/Box.sol", "0.8.28+commit.7893614a")

	// Edited since the build: stale, and with no compiler, nothing.
	writeFile(t, filepath.Join(root, "contracts", "Box.sol"), []byte(artifactSource+"// edited\n"))
	arts, diags, _ = Compile(context.Background(), loadProject(t, root), Options{})
	if len(arts) != 0 || len(diags) != 1 || diags[0].Message != NoCompilerMessage {
		t.Errorf("stale build-info used: %d artifacts, diagnostics %+v", len(arts), diags)
	}
}

func TestFoundryArtifacts(t *testing.T) {
	in, out := realOutput(t, "src/Box.sol")
	noCompilers(t)

	// A layout with build-info.
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "foundry.toml"), []byte("[profile.default]\nsrc = \"src\"\nout = \"build\"\n"))
	writeFile(t, filepath.Join(root, "src", "Box.sol"), []byte(artifactSource))
	bi, _ := json.Marshal(map[string]any{"id": "x", "solcVersion": "0.8.28", "solcLongVersion": "0.8.28+commit.7893614a", "input": in, "output": out})
	writeFile(t, filepath.Join(root, "build", "build-info", "x.json"), bi)
	arts, diags, err := Compile(context.Background(), loadProject(t, root), Options{})
	if err != nil || len(diags) != 0 {
		t.Fatalf("build-info: err %v, diagnostics %+v", err, diags)
	}
	checkBox(t, arts, out, "src/Box.sol", "0.8.28+commit.7893614a")

	// A layout with only out/Box.sol/Box.json (forge without build-info),
	// fresh by the keccak256 in its metadata.
	root = t.TempDir()
	writeFile(t, filepath.Join(root, "foundry.toml"), []byte("[profile.default]\n"))
	writeFile(t, filepath.Join(root, "src", "Box.sol"), []byte(artifactSource))
	c := out.Contracts["src/Box.sol"]["Box"]
	meta := map[string]any{
		"compiler": map[string]string{"version": "0.8.28+commit.7893614a"},
		"sources":  map[string]any{"src/Box.sol": map[string]string{"keccak256": crypto.Keccak256Hash([]byte(artifactSource)).Hex()}},
	}
	art, _ := json.Marshal(map[string]any{
		"abi": c.ABI, "bytecode": c.EVM.Bytecode, "deployedBytecode": c.EVM.DeployedBytecode,
		"id": out.Sources["src/Box.sol"].ID, "ast": map[string]string{"absolutePath": "src/Box.sol"}, "metadata": meta,
	})
	writeFile(t, filepath.Join(root, "out", "Box.sol", "Box.json"), art)
	arts, diags, err = Compile(context.Background(), loadProject(t, root), Options{})
	if err != nil || len(diags) != 0 {
		t.Fatalf("contract artifact: err %v, diagnostics %+v", err, diags)
	}
	checkBox(t, arts, out, "src/Box.sol", "0.8.28+commit.7893614a")

	// Source changed: the hash no longer matches.
	writeFile(t, filepath.Join(root, "src", "Box.sol"), bytes.ReplaceAll([]byte(artifactSource), []byte("x;"), []byte("x + 1;")))
	arts, _, _ = Compile(context.Background(), loadProject(t, root), Options{})
	if len(arts) != 0 {
		t.Errorf("stale forge artifact used")
	}

	// Without metadata hashes, an artifact older than the source is stale.
	var m map[string]any
	_ = json.Unmarshal(art, &m)
	delete(m, "metadata")
	art, _ = json.Marshal(m)
	p := filepath.Join(root, "out", "Box.sol", "Box.json")
	writeFile(t, p, art)
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
	if arts, _, _ = Compile(context.Background(), loadProject(t, root), Options{}); len(arts) != 0 {
		t.Errorf("artifact older than its source used")
	}
}
