package parser

import (
	"path/filepath"
	"testing"
)

func TestParseRemapping(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Remapping
		ok   bool
	}{
		{"@oz/=lib/oz/contracts/", Remapping{Prefix: "@oz/", Target: "lib/oz/contracts/"}, true},
		{"ds-test/=lib/ds-test/src", Remapping{Prefix: "ds-test/", Target: "lib/ds-test/src/"}, true},
		{"src/:dep/=lib/a/", Remapping{Context: "src/", Prefix: "dep/", Target: "lib/a/"}, true},
		{"  x=y  ", Remapping{Prefix: "x", Target: "y"}, true},
		{"no-equals", Remapping{}, false},
		{"=target", Remapping{}, false},
		{"prefix=", Remapping{}, false},
	} {
		got, ok := parseRemapping(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRemapping(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestRemapChoice checks solc's rule: the longest matching context wins,
// then the longest matching prefix.
func TestRemapChoice(t *testing.T) {
	root := filepath.FromSlash("/p")
	r := &resolver{root: root, remaps: []Remapping{
		{Prefix: "a/", Target: absTarget(root, "short/")},
		{Prefix: "a/b/", Target: absTarget(root, "long/")},
		{Context: "src/x/", Prefix: "a/", Target: absTarget(root, "ctx/")},
		{Context: "src/", Prefix: "a/b/", Target: absTarget(root, "ctxshort/")},
		{Prefix: "c", Target: absTarget(root, "d")},
	}}
	for _, tc := range []struct{ importer, spec, want string }{
		{"src/A.sol", "a/X.sol", "short/X.sol"},
		{"src/A.sol", "a/b/X.sol", "ctxshort/X.sol"},
		{"other/A.sol", "a/b/X.sol", "long/X.sol"},
		{"src/x/A.sol", "a/b/X.sol", "ctx/b/X.sol"}, // longer context beats longer prefix
		{"src/A.sol", "cat/X.sol", "dat/X.sol"},     // plain string replacement, like solc
		{"src/A.sol", "z/X.sol", ""},
	} {
		got, ok := r.remap(tc.importer, tc.spec)
		if ok {
			got = relPath(root, got)
		}
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("remap(%s, %s) = %q, %v; want %q", tc.importer, tc.spec, got, ok, tc.want)
		}
	}
}

func TestExcluded(t *testing.T) {
	s, err := newScope(Config{Exclude: []string{"src/mocks/**", "*.t.sol", "vendor", "./a/b/", "**/gen/*.sol"}}, Layout{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"src/mocks/M.sol":       true,
		"src/mocks/deep/M.sol":  true,
		"src/mocks":             true,
		"src/Token.sol":         false,
		"test/Token.t.sol":      true,
		"Token.t.sol":           true,
		"vendor/x/Y.sol":        true,
		"src/vendor/Y.sol":      true,
		"src/vendors/Y.sol":     false,
		"a/b/C.sol":             true,
		"x/a/b/C.sol":           false,
		"x/gen/G.sol":           true,
		"gen/G.sol":             true,
		"x/gen/deeper/G.sol":    false,
		"src/mocksplus/M.sol":   false,
		"../node_modules/x.sol": false,
	} {
		if got := s.excluded(path); got != want {
			t.Errorf("excluded(%q) = %v, want %v", path, got, want)
		}
	}
}
