package compile

import "testing"

func TestConstraints(t *testing.T) {
	cases := []struct {
		pragma string
		yes    []string
		no     []string
	}{
		{"^0.4.24", []string{"0.4.24", "0.4.26"}, []string{"0.4.23", "0.5.0"}},
		{">=0.5.0 <0.7.0", []string{"0.5.0", "0.6.12"}, []string{"0.4.26", "0.7.0"}},
		{"0.8.x", []string{"0.8.0", "0.8.28"}, []string{"0.7.6", "0.9.0"}},
		{">0.4.99 <0.6", []string{"0.5.0", "0.5.17"}, []string{"0.4.26", "0.6.0"}},
		{"0.8.28", []string{"0.8.28"}, []string{"0.8.27", "0.8.29"}},
		{"=0.7.6", []string{"0.7.6"}, []string{"0.7.5"}},
		{"~0.7.1", []string{"0.7.1", "0.7.6"}, []string{"0.7.0", "0.8.0"}},
		{">= 0.6.0", []string{"0.6.0", "0.8.28"}, []string{"0.5.17"}},
		{"^0.8", []string{"0.8.0", "0.8.28"}, []string{"0.9.0", "0.7.6"}},
		{"^0.0.3", []string{"0.0.3"}, []string{"0.0.4"}},
		{"0.4.20 - 0.4.26 || ^0.8.0", []string{"0.4.20", "0.4.26", "0.8.1"}, []string{"0.4.19", "0.5.0"}},
		{"0.5 - 0.6", []string{"0.5.0", "0.6.12"}, []string{"0.7.0"}},
		{">0.7", []string{"0.8.0"}, []string{"0.7.6"}},
		{"<=0.7", []string{"0.7.6"}, []string{"0.8.0"}},
		{"*", []string{"0.4.11", "0.8.28"}, nil},
	}
	for _, tc := range cases {
		c, err := ParseConstraint(tc.pragma)
		if err != nil {
			t.Errorf("%q: %v", tc.pragma, err)
			continue
		}
		for _, s := range tc.yes {
			if !c.Allows(mustVersion(t, s)) {
				t.Errorf("%q does not allow %s", tc.pragma, s)
			}
		}
		for _, s := range tc.no {
			if c.Allows(mustVersion(t, s)) {
				t.Errorf("%q allows %s", tc.pragma, s)
			}
		}
	}
	for _, bad := range []string{"^0.x.y.z", "banana", ">=0.8.0 <", "<*"} {
		if _, err := ParseConstraint(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestParseVersion(t *testing.T) {
	for s, want := range map[string]Version{
		"0.8.28":  {Major: 0, Minor: 8, Patch: 28},
		"v0.4.26": {Major: 0, Minor: 4, Patch: 26},
		"0.4.26+commit.4563c3fc.Emscripten.clang": {Major: 0, Minor: 4, Patch: 26},
	} {
		if got, err := ParseVersion(s); err != nil || got != want {
			t.Errorf("ParseVersion(%q) = %v, %v", s, got, err)
		}
	}
	for _, bad := range []string{"", "0.8", "a.b.c", "0.8.-1"} {
		if _, err := ParseVersion(bad); err == nil {
			t.Errorf("ParseVersion(%q) succeeded", bad)
		}
	}
}

func mustVersion(t *testing.T, s string) Version {
	t.Helper()
	v, err := ParseVersion(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
