package compile

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fakeSolc writes an executable script that answers --version like solc.
func fakeSolc(t *testing.T, path, version string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\necho 'solc, the solidity compiler commandline interface'\necho 'Version: " + version + ".Linux.g++'\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
}

// fakeSolcJS writes a solc npm package (as an npm alias would install it).
func fakeSolcJS(t *testing.T, dir, version string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pkg := `{"name": "solc", "version": "` + version + `"}`
	for name, body := range map[string]string{"package.json": pkg, "soljson.js": "// fake"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// isolate points PATH, HOME and SLEUTH_SOLCJS at empty directories so that
// only the compilers a test creates are found.
func isolate(t *testing.T) (bin, home string) {
	t.Helper()
	bin, home = t.TempDir(), t.TempDir()
	t.Setenv("PATH", bin)
	t.Setenv("HOME", home)
	t.Setenv("SLEUTH_SOLCJS", "")
	return bin, home
}

func TestDiscoveryOrderAndChoice(t *testing.T) {
	bin, home := isolate(t)
	root := t.TempDir()
	fakeSolc(t, filepath.Join(bin, "solc"), "0.8.28+commit.7893614a")
	fakeSolc(t, filepath.Join(home, ".solc-select", "artifacts", "solc-0.7.1", "solc-0.7.1"), "0.7.1+commit.f4a555be")
	fakeSolc(t, filepath.Join(home, ".solc-select", "artifacts", "solc-0.8.30", "solc-0.8.30"), "0.8.30+commit.73712a01")
	fakeSolc(t, filepath.Join(home, ".svm", "0.7.6", "solc-0.7.6"), "0.7.6+commit.7338295f")
	fakeSolcJS(t, filepath.Join(root, "node_modules", "solc"), "0.4.26")
	extra := t.TempDir()
	fakeSolcJS(t, filepath.Join(extra, "node_modules", "solc-0.5.17"), "0.5.17")
	fakeSolcJS(t, filepath.Join(extra, "node_modules", "solc-0.4.24"), "0.4.24")
	t.Setenv("SLEUTH_SOLCJS", extra)

	cs, err := discover(context.Background(), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, c := range cs {
		found = append(found, c.version.String()+"@"+c.origin)
	}
	if len(cs) != 7 {
		t.Fatalf("found %v, want 7 compilers", found)
	}

	for _, tc := range []struct {
		pragmas []string
		force   string
		want    string // version and origin; "" = none
	}{
		// solc on PATH first, when it fits, even if a managed install is newer.
		{[]string{"^0.8.0"}, "", "0.8.28 PATH"},
		// Then the newest managed install that fits.
		{[]string{"^0.7.0"}, "", "0.7.6 svm"},
		{[]string{">=0.7.0 <0.7.5"}, "", "0.7.1 solc-select"},
		{[]string{"^0.8.29"}, "", "0.8.30 solc-select"},
		// Then solc-js, newest first, wherever it is installed.
		{[]string{"^0.4.24"}, "", "0.4.26 " + filepath.Join(root, "node_modules")},
		{[]string{"^0.4.24", "<0.4.25"}, "", "0.4.24 " + filepath.Join(extra, "node_modules")},
		{[]string{">0.4.99 <0.6"}, "", "0.5.17 " + filepath.Join(extra, "node_modules")},
		{[]string{"^0.6.0"}, "", ""},
		{nil, "0.7.1", "0.7.1 solc-select"},
		{nil, "0.6.0", ""},
	} {
		var cons []Constraint
		for _, p := range tc.pragmas {
			c, err := ParseConstraint(p)
			if err != nil {
				t.Fatal(err)
			}
			cons = append(cons, c)
		}
		var force *Version
		if tc.force != "" {
			v := mustVersion(t, tc.force)
			force = &v
		}
		got := ""
		if c := choose(cs, cons, force); c != nil {
			got = c.version.String() + " " + c.origin
		}
		if got != tc.want {
			t.Errorf("pragmas %v force %q: chose %q, want %q", tc.pragmas, tc.force, got, tc.want)
		}
	}
}

func TestPathSolcIgnoredWhenItDoesNotFit(t *testing.T) {
	bin, _ := isolate(t)
	fakeSolc(t, filepath.Join(bin, "solc"), "0.8.28+commit.7893614a")
	cs, err := discover(context.Background(), t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	con, _ := ParseConstraint("^0.7.0")
	if c := choose(cs, []Constraint{con}, nil); c != nil {
		t.Errorf("chose %s for ^0.7.0", c.long)
	}
}

func TestExplicitCompiler(t *testing.T) {
	bin, _ := isolate(t)
	fakeSolc(t, filepath.Join(bin, "solc"), "0.8.28+commit.7893614a")
	own := filepath.Join(t.TempDir(), "my-solc")
	fakeSolc(t, own, "0.6.12+commit.27d51765")
	cs, err := discover(context.Background(), t.TempDir(), Options{Solc: own})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].path != own || cs[0].long != "0.6.12+commit.27d51765" || cs[0].Name() != "0.6.12+commit.27d51765" {
		t.Fatalf("got %+v, want only %s", cs, own)
	}

	pkg := filepath.Join(t.TempDir(), "solc")
	fakeSolcJS(t, pkg, "0.5.17")
	cs, err = discover(context.Background(), t.TempDir(), Options{Solc: pkg})
	if err != nil || len(cs) != 1 || cs[0].kind != kindSolcJS || cs[0].Name() != "solc-js 0.5.17" {
		t.Fatalf("package dir: %+v, %v", cs, err)
	}

	if _, err := discover(context.Background(), t.TempDir(), Options{Solc: filepath.Join(t.TempDir(), "nope")}); err == nil {
		t.Error("a missing --solc was accepted")
	}
	notSolc := t.TempDir()
	if err := os.WriteFile(filepath.Join(notSolc, "package.json"), []byte(`{"name":"left-pad","version":"1.0.0"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := discover(context.Background(), t.TempDir(), Options{Solc: notSolc}); err == nil || !strings.Contains(err.Error(), "not solc") {
		t.Errorf("a non-solc package was accepted: %v", err)
	}
	broken := filepath.Join(t.TempDir(), "solc")
	if err := os.WriteFile(broken, []byte("#!/bin/sh\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := discover(context.Background(), t.TempDir(), Options{Solc: broken}); err == nil {
		t.Error("a solc failing --version was accepted")
	}
}

// TestNativeSolcRun runs the native-compiler path (solc --standard-json on
// PATH) end to end. No native solc is installed here, so "solc" is a script
// that answers --version itself and hands standard JSON to solc-js 0.8.28:
// what is tested is how Compile finds, chooses and drives a native binary.
func TestNativeSolcRun(t *testing.T) {
	pkg := solcJS0828(t)
	node, _ := exec.LookPath("node")
	bin, home := isolate(t)
	driver := filepath.Join(t.TempDir(), "driver.js")
	writeFile(t, driver, []byte(solcJSDriver))
	script := "#!/bin/sh\n" +
		"if [ \"$1\" = --version ]; then echo 'Version: 0.8.28+commit.7893614a.Linux.g++'; exit 0; fi\n" +
		"[ \"$1\" = --standard-json ] || { echo \"unexpected arguments: $*\" >&2; exit 2; }\n" +
		"SLEUTH_SOLCJS_TARGET='" + pkg + "' exec '" + node + "' '" + driver + "'\n"
	writeFile(t, filepath.Join(bin, "solc"), []byte(script))
	if err := os.Chmod(filepath.Join(bin, "solc"), 0o755); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "src", "Box.sol"), []byte(artifactSource))
	arts, diags, err := Compile(context.Background(), loadProject(t, root), Options{})
	if err != nil || len(diags) != 0 {
		t.Fatalf("err %v, diagnostics %+v", err, diags)
	}
	if len(arts) != 1 || arts[0].Name != "Box" || arts[0].Compiler != "0.8.28+commit.7893614a" {
		t.Fatalf("artifacts %+v", arts)
	}

	// The same binary as an svm install: found by its path, and asked for
	// its full version once chosen.
	svm := filepath.Join(home, ".svm", "0.8.28", "solc-0.8.28")
	if err := os.MkdirAll(filepath.Dir(svm), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(bin, "solc"), svm); err != nil {
		t.Fatal(err)
	}
	arts, diags, err = Compile(context.Background(), loadProject(t, root), Options{})
	if err != nil || len(diags) != 0 || len(arts) != 1 || arts[0].Compiler != "0.8.28+commit.7893614a" {
		t.Fatalf("svm install: err %v, diagnostics %+v, artifacts %+v", err, diags, arts)
	}
}
