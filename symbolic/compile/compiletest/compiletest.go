// Package compiletest gives tests the solc-js compilers the project installs
// in testdata/solc (make solcjs): several versions side by side, so fixtures
// compile the same way on every machine. Tests skip when they are not
// installed, unless SLEUTH_REQUIRE_CORPUS=1 (make test sets it), then fail.
package compiletest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/symbolic/compile"
)

// Versions are the solc-js versions testdata/solc/package.json installs.
var Versions = []string{"0.4.26", "0.5.17", "0.6.12", "0.7.6", "0.8.28"}

// ModuleRoot returns the sleuth repository's root (the directory holding
// go.mod), found upwards from the test's working directory.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("compiletest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// NodeModules returns testdata/solc/node_modules, skipping (or failing,
// under SLEUTH_REQUIRE_CORPUS=1) when solc-js or node is not installed.
func NodeModules(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(ModuleRoot(t), "testdata", "solc", "node_modules")
	missing := ""
	if _, err := os.Stat(filepath.Join(dir, ".sleuth-installed")); err != nil {
		missing = "solc-js is not installed (run `make solcjs`)"
	}
	if _, err := exec.LookPath("node"); err != nil {
		missing = "node is not on PATH"
	}
	if missing != "" {
		if os.Getenv("SLEUTH_REQUIRE_CORPUS") == "1" {
			t.Fatalf("%s, and SLEUTH_REQUIRE_CORPUS=1", missing)
		}
		t.Skip(missing)
	}
	return dir
}

// Options returns compile options that use the project's solc-js of the
// given version.
func Options(t testing.TB, version string) compile.Options {
	t.Helper()
	dir := filepath.Join(NodeModules(t), "solc-"+version)
	if _, err := os.Stat(filepath.Join(dir, "soljson.js")); err != nil {
		t.Fatalf("solc-js %s is not in testdata/solc (installed: %v)", version, Versions)
	}
	return compile.Options{Solc: dir}
}

// Load parses the project at dir (a fixture directory or file).
func Load(t testing.TB, paths ...string) *parser.Project {
	t.Helper()
	proj, err := parser.Load(parser.Config{Paths: paths})
	if err != nil {
		t.Fatalf("loading %v: %v", paths, err)
	}
	for _, d := range proj.Diagnostics {
		if d.Severity == source.Error {
			t.Fatalf("loading %v: %s:%d:%d: %s", paths, d.File, d.Line, d.Column, d.Message)
		}
	}
	return proj
}

// Compile compiles the project at paths with solc-js of the given version
// and fails the test on any error diagnostic.
func Compile(t testing.TB, version string, paths ...string) []*compile.Artifact {
	t.Helper()
	arts, diags, err := compile.Compile(context.Background(), Load(t, paths...), Options(t, version))
	if err != nil {
		t.Fatalf("compiling %v: %v", paths, err)
	}
	var errs []string
	for _, d := range diags {
		if d.Severity == source.Error {
			errs = append(errs, d.File+": "+d.Message)
		}
	}
	if len(errs) > 0 {
		t.Fatalf("compiling %v with solc-js %s:\n%s", paths, version, strings.Join(errs, "\n"))
	}
	return arts
}

// Artifact returns the artifact of the named contract, failing the test
// when there is none.
func Artifact(t testing.TB, arts []*compile.Artifact, name string) *compile.Artifact {
	t.Helper()
	var names []string
	for _, a := range arts {
		if a.Name == name {
			return a
		}
		names = append(names, a.Name)
	}
	sort.Strings(names)
	t.Fatalf("no artifact for contract %s (have %v)", name, names)
	return nil
}
