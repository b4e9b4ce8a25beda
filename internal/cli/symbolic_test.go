package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/symbolic/compile/compiletest"
)

// TestScanSymbolicConfirmsWithReplayedWitnesses runs `sleuth scan
// --symbolic` end to end: solc-js 0.7.6 from testdata/solc, the symbolic
// EVM with z3, and the replay on go-ethereum's EVM. The re-entrancy, the
// unprotected selfdestruct and the underflow the detectors flag come back
// confirmed, each with a witness that ends in the vulnerable function;
// the safe contract's finding gets no symbolic evidence (its detector is
// not one the engine checks).
func TestScanSymbolicConfirmsWithReplayedWitnesses(t *testing.T) {
	if _, err := exec.LookPath("z3"); err != nil {
		if os.Getenv("SLEUTH_REQUIRE_Z3") == "1" {
			t.Fatal("z3 is required (SLEUTH_REQUIRE_Z3=1) but not on PATH")
		}
		t.Skip("z3 is not installed")
	}
	t.Setenv("SLEUTH_SOLCJS", compiletest.NodeModules(t))

	sarif := filepath.Join(t.TempDir(), "scan.sarif")
	code, stdout, stderr := run(t, "scan", "--symbolic", "--symbolic-budget", "90s", "--format", "json", "--sarif", sarif, "--fail-on", "none", "testdata/symbolic")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The witnesses ride in SARIF result properties; the log stays valid.
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"replayed": true`) {
		t.Errorf("the SARIF log carries no replayed witness")
	}
	var doc struct {
		Findings []struct {
			Detector string
			Location struct{ Contract, Function string }
			Symbolic *struct {
				Status   string
				Replayed bool
				Witness  []struct{ From, To, Value, Calldata, Function string }
			}
		}
		Diagnostics []struct{ Message string }
		Stats       struct{ Stages map[string]int }
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if len(doc.Diagnostics) != 0 {
		t.Errorf("diagnostics: %+v", doc.Diagnostics)
	}
	if _, ok := doc.Stats.Stages["symbolic"]; !ok {
		t.Errorf("no symbolic stage in the stats: %+v", doc.Stats.Stages)
	}
	want := map[string]string{ // detector → the witness's last call
		"reentrancy-eth":   "takeAll()",
		"suicidal":         "retire()",
		"integer-overflow": "settle(uint256)",
	}
	for _, f := range doc.Findings {
		last, checked := want[f.Detector]
		if !checked {
			if f.Location.Contract == "SafeVault" && f.Symbolic != nil {
				t.Errorf("%s in SafeVault got symbolic evidence %+v", f.Detector, *f.Symbolic)
			}
			if strings.HasPrefix(f.Detector, "evm-") {
				t.Errorf("the engine reported %s in %s.%s, which a static finding should have claimed", f.Detector, f.Location.Contract, f.Location.Function)
			}
			continue
		}
		delete(want, f.Detector)
		s := f.Symbolic
		if s == nil || s.Status != "confirmed" || !s.Replayed || len(s.Witness) == 0 {
			t.Errorf("%s: symbolic %+v, want confirmed with a replayed witness", f.Detector, s)
			continue
		}
		w := s.Witness[len(s.Witness)-1]
		if w.Function != last || !strings.HasPrefix(w.Calldata, "0x") || w.Value == "" {
			t.Errorf("%s: witness ends with %+v, want a call of %s", f.Detector, w, last)
		}
	}
	for d := range want {
		t.Errorf("no %s finding", d)
	}
	validateAgainstSARIFSchema(t, data) // last: it skips without the schema
}
