package sevm

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/sleuth-sec/sleuth/symbolic/compile"
	"github.com/sleuth-sec/sleuth/symbolic/compile/compiletest"
	"github.com/sleuth-sec/sleuth/symbolic/replay"
)

// TestEndToEnd compiles a project with solc-js through symbolic/compile,
// explores each contract with the production bounds (constructor, then up to
// three transactions), and confirms one issue per property with a witness
// replayed on go-ethereum's EVM, each mapped back to its source and its AST
// definition. The witness is replayed once more independently of the
// engine; the reentrancy, the unprotected selfdestruct and the underflow
// also have their effect checked by hand.
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
		{"Wallet", OwnerOverwrite, "setOwner(address)", "owner = newOwner"},
		{"Proxy", DelegatecallToAttacker, "execute(address,bytes)", "impl.delegatecall(data)"},
		{"Store", ArbitraryStorageWrite, "write(uint256,uint256)", "sstore(slot, value)"},
		{"Meter", AssertFailure, "tick()", "assert(reading != 7)"},
		{"Payroll", UncheckedCall, "pay()", "msg.sender.send(amount)"},
		{"Tap", EtherTheft, "drip(uint256)", "msg.sender.transfer(amount)"},
	}
	for _, tc := range cases {
		t.Run(tc.contract, func(t *testing.T) {
			t.Parallel() // each analysis has its own z3 process
			art := compiletest.Artifact(t, arts, tc.contract)
			rep, err := Analyze(context.Background(), art, Config{Budget: 60 * time.Second})
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
				t.Fatalf("%s not confirmed\n%s", tc.prop, describe(rep))
			}
			last := is.Witness[len(is.Witness)-1]
			if last.Function != tc.lastCall || last.From != AttackerAddr {
				t.Errorf("witness ends with %s from %s, want %s from the attacker\n%s", last.Function, last.From, tc.lastCall, describe(rep))
			}
			if strings.Contains(tc.lastCall, "(u") || strings.Contains(tc.lastCall, "(a") {
				if len(last.Args) == 0 {
					t.Errorf("last step %s: arguments not decoded", last.Function)
				}
			}
			if is.File != "Vulnerable.sol" {
				t.Errorf("issue maps to %q", is.File)
			} else if src := sourceText(t, path, is.Offset, is.Length); !strings.Contains(src, tc.snippet) {
				t.Errorf("issue maps to %q, want it to contain %q", src, tc.snippet)
			}
			if d, ok := art.DefAt(is.File, is.Offset); !ok || d.ID != is.ASTNode || d.Contract != tc.contract ||
				!strings.HasPrefix(tc.lastCall, d.Name+"(") {
				t.Errorf("issue in AST definition %d, want %+v", is.ASTNode, d)
			}
			if why := replayOnGeth(t, art, is); why != "" {
				t.Fatalf("independent replay: %s\n%s", why, describe(rep))
			}
			effectByHand(t, art, tc.prop, is)
		})
	}
}

// effectByHand replays the reentrancy, selfdestruct and underflow witnesses
// and looks at their effect with checks written for these contracts alone.
func effectByHand(t *testing.T, art *compile.Artifact, prop Property, is *Issue) {
	if prop != Reentrancy && prop != Selfdestruct && prop != Overflow {
		return
	}
	ch := replay.New()
	for _, a := range []common.Address{DeployerAddr, AttackerAddr, AttackerEOA} {
		ch.SetBalance(a, actorFunds)
	}
	addr, res := ch.Deploy(DeployerAddr, art.Creation, nil)
	if res.Reverted || addr != contractAddr() {
		t.Fatalf("deploy: %v at %s", res.Err, addr)
	}
	last := is.Witness[len(is.Witness)-1]
	if prop == Reentrancy {
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
			t.Fatalf("witness step %s reverted: %v", st.Function, r.Err)
		}
	}
	switch prop {
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
