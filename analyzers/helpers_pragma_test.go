package analyzers

import "testing"

func TestSolcVersionReasons(t *testing.T) {
	cases := []struct {
		pragma   string
		codeless bool
		flagged  bool
	}{
		{"^0.8.20", false, false},
		{"^0.8.0", false, false},
		{">=0.8.4", false, false},
		{">=0.8.0 <0.9.0", false, false},
		{"^0.4.24", false, true},
		{"=0.7.6", false, true},
		{">=0.4.16", true, false}, // interface-only file
		{"=0.8.13", true, true},   // a pin forces the buggy compiler on importers
		{"^0.8.14", false, true},
		{"^0.8.17", false, false},
		{">=0.4.0 <0.9.0", false, true},
		{">=0.6.0 <0.9.0", true, true}, // too complex even without code
		{"<0.9.0", false, true},
	}
	for _, c := range cases {
		vc, _ := ParseVersionConstraint(c.pragma)
		if got := len(solcVersionReasons(vc, c.codeless)) > 0; got != c.flagged {
			t.Errorf("%s (codeless %v): flagged %v, want %v: %v", c.pragma, c.codeless, got, c.flagged, solcVersionReasons(vc, c.codeless))
		}
	}
}
