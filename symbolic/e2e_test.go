package symbolic

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/symbolic/compile/compiletest"
)

// TestEndToEndScan is the scan a user runs with --symbolic, minus the CLI:
// the e2e project is parsed, the static detectors run, and the stage
// compiles it with solc-js, explores every contract with the production
// bounds and replays the witnesses on go-ethereum's EVM. Each of the nine
// properties must end up confirmed by a replayed witness, on the static
// finding that claims it or on a finding of the engine's own; the
// reentrancy, the unprotected selfdestruct and the underflow must confirm
// the static findings of reentrancy-eth, suicidal and integer-overflow.
func TestEndToEndScan(t *testing.T) {
	if _, err := exec.LookPath("z3"); err != nil {
		if os.Getenv("SLEUTH_REQUIRE_Z3") == "1" {
			t.Fatal("z3 required (SLEUTH_REQUIRE_Z3=1) but not found")
		}
		t.Skip("z3 not installed")
	}
	dir := filepath.Join(compiletest.ModuleRoot(t), "testdata", "symbolic", "e2e")
	proj := compiletest.Load(t, dir)
	static := analyzers.Analyze(proj, analyzers.All(), nil)
	findings := static.Findings
	opts := Options{Solc: compiletest.Options(t, "0.7.6").Solc, Budget: 60 * time.Second}
	res := Run(context.Background(), proj, findings, opts)
	for _, d := range res.Diagnostics {
		if d.Severity == source.Error {
			t.Errorf("diagnostic: %s: %s", d.File, d.Message)
		}
	}
	if res.Contracts != 9 {
		t.Errorf("%d contracts explored, want 9", res.Contracts)
	}
	all := append(append([]analyzers.Finding(nil), findings...), res.Added...)
	cases := []struct {
		contract, function string
		detectors          []string // the static detectors of the class, then the engine's own
		static             string   // the static finding that must be confirmed, if any
	}{
		{"EtherStore", "withdraw()", []string{"reentrancy-eth", "reentrancy-no-eth", "evm-reentrancy"}, "reentrancy-eth"},
		{"Suicidal", "close()", []string{"suicidal", "evm-unprotected-selfdestruct"}, "suicidal"},
		{"Ledger", "spend(uint256)", []string{"integer-overflow", "evm-integer-overflow"}, "integer-overflow"},
		{"Wallet", "setOwner(address)", []string{"unprotected-state-write", "misnamed-constructor", "evm-owner-overwrite"}, ""},
		{"Proxy", "execute(address,bytes)", []string{"controlled-delegatecall", "evm-delegatecall-to-attacker"}, ""},
		{"Store", "write(uint256,uint256)", []string{"controlled-array-length", "evm-arbitrary-storage-write"}, ""},
		{"Meter", "tick()", []string{"evm-assert-failure"}, ""},
		{"Payroll", "pay()", []string{"unchecked-lowlevel", "unchecked-send", "evm-unchecked-call"}, ""},
		{"Tap", "drip(uint256)", []string{"arbitrary-send-eth", "suicidal", "evm-ether-theft"}, ""},
	}
	for _, tc := range cases {
		var confirmed *analyzers.Finding
		for i, f := range all {
			if f.Location.Contract != tc.contract || f.Location.Function != tc.function || !slices.Contains(tc.detectors, f.Detector) {
				continue
			}
			s := f.Symbolic
			if s == nil {
				t.Errorf("%s.%s: %s has no symbolic evidence", tc.contract, tc.function, f.Detector)
				continue
			}
			if s.Status == analyzers.Confirmed && s.Replayed && len(s.Witness) > 0 && (confirmed == nil || f.Detector == tc.static) {
				confirmed = &all[i]
			}
		}
		if confirmed == nil {
			t.Errorf("%s.%s: no finding of %v confirmed by a replayed witness", tc.contract, tc.function, tc.detectors)
			continue
		}
		if tc.static != "" && confirmed.Detector != tc.static {
			t.Errorf("%s.%s: confirmed by %s, want the static %s finding confirmed", tc.contract, tc.function, confirmed.Detector, tc.static)
		}
		w := confirmed.Symbolic.Witness
		last := w[len(w)-1]
		t.Logf("%s.%s: %s confirmed, witness of %d transactions ending %s %s", tc.contract, tc.function, confirmed.Detector, len(w), last.Function, last.Calldata)
		if last.Function != tc.function || !strings.HasPrefix(last.Calldata, "0x") || last.Value == "" {
			t.Errorf("%s.%s: witness ends with %+v", tc.contract, tc.function, last)
		}
		// A function that takes parameters gets them decoded through its ABI.
		if !strings.HasSuffix(tc.function, "()") && len(last.Args) != strings.Count(tc.function, ",")+1 {
			t.Errorf("%s.%s: witness arguments %q, want one per parameter", tc.contract, tc.function, last.Args)
		}
		if confirmed.Location.File != "Vulnerable.sol" || confirmed.Location.StartLine == 0 {
			t.Errorf("%s.%s: located at %+v", tc.contract, tc.function, confirmed.Location)
		}
	}
	// The engine's own findings carry full documentation and a confirmed,
	// replayed witness: nothing it could not prove is added.
	for _, f := range res.Added {
		if !strings.HasPrefix(f.Detector, "evm-") || f.Title == "" || f.Symbolic == nil || f.Symbolic.Status != analyzers.Confirmed || !f.Symbolic.Replayed {
			t.Errorf("added finding %+v", f)
		}
	}
	if res.Confirmed < 3 {
		t.Errorf("%d static findings confirmed, want at least 3", res.Confirmed)
	}
}
