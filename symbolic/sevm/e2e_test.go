package sevm

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/sleuth-sec/sleuth/symbolic/compile/compiletest"
	"github.com/sleuth-sec/sleuth/symbolic/replay"
)

// TestEndToEnd compiles a project with solc-js through symbolic/compile and
// confirms a reentrancy, an unprotected selfdestruct and an underflow with
// witnesses replayed on go-ethereum's EVM, each mapped back to its source.
func TestEndToEnd(t *testing.T) {
	requireZ3(t)
	path := filepath.Join(compiletest.ModuleRoot(t), "testdata", "symbolic", "e2e", "Vulnerable.sol")
	arts := compiletest.Compile(t, "0.7.6", path)
	cases := []struct {
		contract string
		prop     Property
		lastCall string // the function of the witness's last transaction
		snippet  string // source text the issue maps to
	}{
		{"EtherStore", Reentrancy, "withdraw()", "msg.sender.call{value: bal}"},
		{"Suicidal", Selfdestruct, "close()", "selfdestruct(msg.sender)"},
		{"Ledger", Overflow, "spend(uint256)", "credit[msg.sender] - amount"},
	}
	for _, tc := range cases {
		art := compiletest.Artifact(t, arts, tc.contract)
		rep, err := Analyze(context.Background(), art, Config{Budget: 30 * time.Second, MaxTxs: 2})
		if err != nil {
			t.Fatal(err)
		}
		var is *Issue
		for _, x := range rep.Issues {
			if x.Property == tc.prop && x.Confirmed {
				is = x
			}
		}
		if is == nil {
			t.Errorf("%s: %s not confirmed\n%s", tc.contract, tc.prop, describe(rep))
			continue
		}
		last := is.Witness[len(is.Witness)-1]
		if last.Function != tc.lastCall || last.From != AttackerAddr && tc.prop != Overflow {
			t.Errorf("%s: witness ends with %s from %s", tc.contract, last.Function, last.From)
		}
		if !strings.HasSuffix(is.File, "Vulnerable.sol") {
			t.Errorf("%s: issue maps to %q", tc.contract, is.File)
		} else if src := sourceText(t, path, is.Offset, is.Length); !strings.Contains(src, tc.snippet) {
			t.Errorf("%s: issue maps to %q, want it to contain %q", tc.contract, src, tc.snippet)
		}
		// Replay the witness once more, independently of the engine, and
		// look at the effect directly.
		ch := replay.New()
		for _, a := range []common.Address{DeployerAddr, AttackerAddr, AttackerEOA} {
			ch.SetBalance(a, actorFunds)
		}
		addr, res := ch.Deploy(DeployerAddr, art.Creation, nil)
		if res.Reverted || addr != contractAddr() {
			t.Fatalf("%s: deploy: %v at %s", tc.contract, res.Err, addr)
		}
		if tc.prop == Reentrancy {
			ch.SetBalance(addr, maxValue)
			ch.SetCode(AttackerAddr, replay.Attacker(AttackerEOA, last.Calldata, 1))
		}
		before := ch.Balance(AttackerAddr)
		var r *replay.Result
		for _, st := range is.Witness {
			tx := replay.Tx{From: st.From, To: addr, Value: st.Value, Data: st.Calldata}
			if st.ViaAttackerContract {
				tx = replay.Tx{From: AttackerEOA, To: AttackerAddr, Value: st.Value, Data: encodeAttack(addr, st.Value, st.Calldata)}
			}
			if r = ch.Send(tx); r.Reverted {
				t.Fatalf("%s: witness step %s reverted: %v", tc.contract, st.Function, r.Err)
			}
		}
		switch tc.prop {
		case Reentrancy:
			if !ch.Balance(AttackerAddr).Gt(before) {
				t.Errorf("reentrancy witness did not drain ether: %s -> %s", before, ch.Balance(AttackerAddr))
			}
		case Selfdestruct:
			if len(r.Trace.SelfDestructs) == 0 {
				t.Error("selfdestruct witness: no SELFDESTRUCT")
			}
		case Overflow:
			wrapped := false
			for _, s := range r.Trace.Stores {
				if s.New.Big().BitLen() > 200 { // 0 - amount wraps to a huge balance
					wrapped = true
				}
			}
			if !wrapped {
				t.Errorf("underflow witness stored no wrapped value: %+v", r.Trace.Stores)
			}
		}
	}
}

func sourceText(t *testing.T, path string, off, n int) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if off < 0 || off+n > len(b) {
		return ""
	}
	return string(b[off : off+n])
}
