package compile

import "testing"

// Pragmas and source maps come from files sleuth did not write: no input may
// panic. The seeds run as part of go test; `go test -fuzz` explores further.

func FuzzParseConstraint(f *testing.F) {
	for _, s := range []string{"^0.4.24", ">=0.5.0 <0.7.0", "0.8.x", ">0.4.99 <0.6", "1 - 2 || *", ">= ", "^", "0.4.1.2", "~x", "||"} {
		f.Add(s, "0.8.28")
	}
	f.Fuzz(func(t *testing.T, pragma, version string) {
		c, err := ParseConstraint(pragma)
		v, verr := ParseVersion(version)
		if err == nil && verr == nil {
			c.Allows(v)
		}
	})
}

func FuzzPCSource(f *testing.F) {
	f.Add([]byte{0x60, 0x01, 0x7f, 0x00}, "0:10:0;10:5:1;;20:1:-1", 3)
	f.Add([]byte{}, ";;;", 0)
	f.Add([]byte{0x00}, "1:2:99999999999999999999", 0)
	f.Add([]byte{0x00}, "-5:3:0", 0)
	f.Fuzz(func(t *testing.T, code []byte, srcmap string, pc int) {
		a := &Artifact{Runtime: code, RuntimeMap: srcmap, Sources: []string{"a.sol", "b.sol"}}
		file, off, n, ok := a.PCSource(pc)
		if ok && (file == "" || off < 0 || n < 0) {
			t.Errorf("pc %d: %q %d %d", pc, file, off, n)
		}
	})
}
