package solcversion

import "testing"

func TestVersionConstraint(t *testing.T) {
	v := func(a, b, c int) Version { return Version{Major: a, Minor: b, Patch: c} }
	cases := []struct {
		pragma      string
		lowest      Version
		below05     bool
		atLeast0818 bool
		exact       bool
	}{
		{"^0.4.24", v(0, 4, 24), true, false, false},
		{"^0.8.0", v(0, 8, 0), false, true, false},
		{"^0.8", v(0, 8, 0), false, true, false},
		{">=0.4.22 <0.6.0", v(0, 4, 22), true, false, false},
		{">=0.8.0 <0.9.0", v(0, 8, 0), false, true, false},
		{"=0.8.13", v(0, 8, 13), false, false, true},
		{"0.8.13", v(0, 8, 13), false, false, true},
		{"0.8.*", v(0, 8, 0), false, true, false},
		{"~0.5.1", v(0, 5, 1), false, false, false},
		{">0.4.99", v(0, 4, 100), true, true, false},
		{"<0.9.0", v(0, 0, 0), true, true, false},
		{"^0.4.0 || ^0.8.20", v(0, 4, 0), true, true, false},
		{">=0.5.0", v(0, 5, 0), false, true, false},
	}
	for _, c := range cases {
		vc, ok := Parse(c.pragma)
		if !ok {
			t.Errorf("%s: not parsed", c.pragma)
			continue
		}
		if lo, _ := vc.Lowest(); lo != c.lowest {
			t.Errorf("%s: lowest %s, want %s", c.pragma, lo, c.lowest)
		}
		if got := vc.AllowsBelow(v(0, 5, 0)); got != c.below05 {
			t.Errorf("%s: allows <0.5.0 = %v, want %v", c.pragma, got, c.below05)
		}
		if got := vc.AllowsAtLeast(v(0, 8, 18)); got != c.atLeast0818 {
			t.Errorf("%s: allows >=0.8.18 = %v, want %v", c.pragma, got, c.atLeast0818)
		}
		if _, got := vc.Exact(); got != c.exact {
			t.Errorf("%s: exact = %v, want %v", c.pragma, got, c.exact)
		}
	}
}
