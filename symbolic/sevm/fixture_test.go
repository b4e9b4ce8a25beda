package sevm

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/symbolic/compile"
	"github.com/sleuth-sec/sleuth/symbolic/compile/compiletest"
)

// requireZ3 skips without z3 unless SLEUTH_REQUIRE_Z3=1.
func requireZ3(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("z3"); err != nil {
		if os.Getenv("SLEUTH_REQUIRE_Z3") == "1" {
			t.Fatal("z3 required (SLEUTH_REQUIRE_Z3=1) but not found")
		}
		t.Skip("z3 not installed")
	}
}

var (
	compiledMu sync.Mutex
	compiled   = map[string][]*compile.Artifact{}
)

// fixture compiles testdata/symbolic/<dir>/<file> once per test binary.
func fixture(t testing.TB, version, dir, file, contract string) *compile.Artifact {
	t.Helper()
	path := filepath.Join(compiletest.ModuleRoot(t), "testdata", "symbolic", dir, file)
	key := version + path
	compiledMu.Lock()
	defer compiledMu.Unlock()
	arts, ok := compiled[key]
	if !ok {
		arts = compiletest.Compile(t, version, path)
		compiled[key] = arts
	}
	return compiletest.Artifact(t, arts, contract)
}

func analyze(t testing.TB, art *compile.Artifact) *Report {
	t.Helper()
	rep, err := Analyze(context.Background(), art, Config{Budget: 20 * time.Second, MaxTxs: 2})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func describe(rep *Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %+v\n", rep.Contract, rep.Stats)
	for _, is := range rep.Issues {
		fmt.Fprintf(&b, "  %s pc=%d confirmed=%v %s [%s]\n", is.Property, is.PC, is.Confirmed, is.Message, is.ReplayNote)
		for _, s := range is.Witness {
			fmt.Fprintf(&b, "    from=%s value=%s fn=%s args=%v data=%x\n", s.From.Hex()[:8], s.Value, s.Function, s.Args, s.Calldata)
		}
	}
	return b.String()
}

type fixtureCase struct {
	version, dir, file, contract string
	want                         []Property // confirmed by a replayed witness
	absent                       []Property // not reported at all
}

// fixtureCases pairs each vulnerable contract with its safe look-alike, in
// solc 0.4, 0.5, 0.7 and 0.8.
var fixtureCases = []fixtureCase{
	{"0.8.28", "v08", "Reentrancy.sol", "Bank", []Property{Reentrancy}, nil},
	{"0.8.28", "v08", "Reentrancy.sol", "SafeBank", nil, []Property{Reentrancy, EtherTheft}},
	{"0.8.28", "v08", "Selfdestruct.sol", "Killable", []Property{Selfdestruct, EtherTheft}, nil},
	{"0.8.28", "v08", "Selfdestruct.sol", "OwnedKillable", nil, []Property{Selfdestruct, EtherTheft}},
	{"0.8.28", "v08", "Arithmetic.sol", "UncheckedToken", []Property{Overflow}, nil},
	{"0.8.28", "v08", "Arithmetic.sol", "CheckedToken", nil, []Property{Overflow}},
	{"0.8.28", "v08", "Assert.sol", "Counter", []Property{AssertFailure}, nil},
	{"0.8.28", "v08", "Assert.sol", "SafeCounter", nil, []Property{AssertFailure}},
	{"0.8.28", "v08", "Owner.sol", "Wallet", []Property{OwnerOverwrite}, nil},
	{"0.8.28", "v08", "Owner.sol", "SafeWallet", nil, []Property{OwnerOverwrite}},
	{"0.8.28", "v08", "Delegate.sol", "Forwarder", []Property{DelegatecallToAttacker}, nil},
	{"0.8.28", "v08", "Delegate.sol", "FixedForwarder", nil, []Property{DelegatecallToAttacker}},
	{"0.8.28", "v08", "Storage.sol", "Registry", []Property{ArbitraryStorageWrite}, nil},
	{"0.8.28", "v08", "Storage.sol", "SafeRegistry", nil, []Property{ArbitraryStorageWrite}},
	{"0.8.28", "v08", "Calls.sol", "Refunder", []Property{UncheckedCall}, nil},
	{"0.8.28", "v08", "Calls.sol", "SafeRefunder", nil, []Property{UncheckedCall}},
	{"0.8.28", "v08", "Calls.sol", "Faucet", []Property{EtherTheft}, nil},
	{"0.8.28", "v08", "Calls.sol", "Vault", nil, []Property{EtherTheft}},

	{"0.7.6", "v07", "Bank.sol", "Bank", []Property{Reentrancy}, nil},
	{"0.7.6", "v07", "Bank.sol", "SafeBank", nil, []Property{Reentrancy, EtherTheft}},
	{"0.7.6", "v07", "Bank.sol", "Killable", []Property{Selfdestruct, EtherTheft}, nil},
	{"0.7.6", "v07", "Bank.sol", "OwnedKillable", nil, []Property{Selfdestruct, EtherTheft}},
	{"0.7.6", "v07", "Bank.sol", "Token", []Property{Overflow}, nil},
	{"0.7.6", "v07", "Bank.sol", "SafeToken", nil, []Property{Overflow}},
	{"0.7.6", "v07", "Bank.sol", "Forwarder", []Property{DelegatecallToAttacker}, nil},
	{"0.7.6", "v07", "Bank.sol", "FixedForwarder", nil, []Property{DelegatecallToAttacker}},
	{"0.7.6", "v07", "Access.sol", "Wallet", []Property{OwnerOverwrite}, nil},
	{"0.7.6", "v07", "Access.sol", "SafeWallet", nil, []Property{OwnerOverwrite}},
	{"0.7.6", "v07", "Access.sol", "Registry", []Property{ArbitraryStorageWrite}, nil},
	{"0.7.6", "v07", "Access.sol", "SafeRegistry", nil, []Property{ArbitraryStorageWrite}},
	{"0.7.6", "v07", "Access.sol", "Counter", []Property{AssertFailure}, nil},
	{"0.7.6", "v07", "Access.sol", "SafeCounter", nil, []Property{AssertFailure}},
	{"0.7.6", "v07", "Calls.sol", "Refunder", []Property{UncheckedCall}, nil},
	{"0.7.6", "v07", "Calls.sol", "SafeRefunder", nil, []Property{UncheckedCall}},
	{"0.7.6", "v07", "Calls.sol", "Faucet", []Property{EtherTheft}, nil},
	{"0.7.6", "v07", "Calls.sol", "Vault", nil, []Property{EtherTheft}},

	{"0.5.17", "v05", "Bank.sol", "Bank", []Property{Reentrancy}, nil},
	{"0.5.17", "v05", "Bank.sol", "SafeBank", nil, []Property{Reentrancy, EtherTheft}},
	{"0.5.17", "v05", "Bank.sol", "Wallet", []Property{OwnerOverwrite}, nil},
	{"0.5.17", "v05", "Bank.sol", "SafeWallet", nil, []Property{OwnerOverwrite}},
	{"0.5.17", "v05", "Bank.sol", "Token", []Property{Overflow}, nil},
	{"0.5.17", "v05", "Bank.sol", "SafeToken", nil, []Property{Overflow}},
	{"0.5.17", "v05", "Killable.sol", "Killable", []Property{Selfdestruct, EtherTheft}, nil},
	{"0.5.17", "v05", "Killable.sol", "OwnedKillable", nil, []Property{Selfdestruct, EtherTheft}},
	{"0.5.17", "v05", "Killable.sol", "Counter", []Property{AssertFailure}, nil},
	{"0.5.17", "v05", "Killable.sol", "SafeCounter", nil, []Property{AssertFailure}},
	{"0.5.17", "v05", "Access.sol", "Forwarder", []Property{DelegatecallToAttacker}, nil},
	{"0.5.17", "v05", "Access.sol", "FixedForwarder", nil, []Property{DelegatecallToAttacker}},
	{"0.5.17", "v05", "Access.sol", "Registry", []Property{ArbitraryStorageWrite}, nil},
	{"0.5.17", "v05", "Access.sol", "SafeRegistry", nil, []Property{ArbitraryStorageWrite}},
	{"0.5.17", "v05", "Calls.sol", "Refunder", []Property{UncheckedCall}, nil},
	{"0.5.17", "v05", "Calls.sol", "SafeRefunder", nil, []Property{UncheckedCall}},
	{"0.5.17", "v05", "Calls.sol", "Faucet", []Property{EtherTheft}, nil},
	{"0.5.17", "v05", "Calls.sol", "Vault", nil, []Property{EtherTheft}},

	{"0.4.26", "v04", "Bank.sol", "Bank", []Property{Reentrancy}, nil},
	{"0.4.26", "v04", "Bank.sol", "SafeBank", nil, []Property{Reentrancy, EtherTheft}},
	{"0.4.26", "v04", "Token.sol", "Token", []Property{Overflow}, nil},
	{"0.4.26", "v04", "Token.sol", "SafeToken", nil, []Property{Overflow}},
	{"0.4.26", "v04", "Killable.sol", "Killable", []Property{Selfdestruct, EtherTheft}, nil},
	{"0.4.26", "v04", "Killable.sol", "OwnedKillable", nil, []Property{Selfdestruct, EtherTheft}},
	{"0.4.26", "v04", "Killable.sol", "Counter", []Property{AssertFailure}, nil},
	{"0.4.26", "v04", "Killable.sol", "SafeCounter", nil, []Property{AssertFailure}},
	{"0.4.26", "v04", "Access.sol", "Wallet", []Property{OwnerOverwrite}, nil},
	{"0.4.26", "v04", "Access.sol", "SafeWallet", nil, []Property{OwnerOverwrite}},
	{"0.4.26", "v04", "Access.sol", "Forwarder", []Property{DelegatecallToAttacker}, nil},
	{"0.4.26", "v04", "Access.sol", "FixedForwarder", nil, []Property{DelegatecallToAttacker}},
	{"0.4.26", "v04", "Access.sol", "Registry", []Property{ArbitraryStorageWrite}, nil},
	{"0.4.26", "v04", "Access.sol", "SafeRegistry", nil, []Property{ArbitraryStorageWrite}},
	{"0.4.26", "v04", "Calls.sol", "Refunder", []Property{UncheckedCall}, nil},
	{"0.4.26", "v04", "Calls.sol", "SafeRefunder", nil, []Property{UncheckedCall}},
	{"0.4.26", "v04", "Calls.sol", "Faucet", []Property{EtherTheft}, nil},
	{"0.4.26", "v04", "Calls.sol", "Vault", nil, []Property{EtherTheft}},
}

// TestFixtures checks every property on its vulnerable fixture (confirmed
// by a replayed witness) and its safe look-alike (not reported).
func TestFixtures(t *testing.T) {
	requireZ3(t)
	for _, fc := range fixtureCases {
		t.Run(fc.dir+"/"+fc.contract, func(t *testing.T) {
			t.Parallel() // each analysis has its own z3 process
			rep := analyze(t, fixture(t, fc.version, fc.dir, fc.file, fc.contract))
			if rep.Stats.TimedOut {
				t.Logf("budget ran out: %+v", rep.Stats)
			}
			art := fixture(t, fc.version, fc.dir, fc.file, fc.contract)
			for _, p := range fc.want {
				if !hasConfirmed(rep, p) {
					t.Errorf("%s not confirmed\n%s", p, describe(rep))
				}
			}
			// Every confirmed issue, wanted or not, must show its effect
			// when replayed independently of the engine, and lead back
			// to the fixture's source.
			for _, is := range rep.Issues {
				if !is.Confirmed {
					continue
				}
				if why := replayOnGeth(t, art, is); why != "" {
					t.Errorf("%s at pc %d: the independent replay on go-ethereum failed: %s\n%s", is.Property, is.PC, why, describe(rep))
				}
				if is.File != fc.file || is.Length <= 0 {
					t.Errorf("%s at pc %d maps to %q:%d:%d, want a range in %s", is.Property, is.PC, is.File, is.Offset, is.Length, fc.file)
				}
			}
			for _, p := range fc.absent {
				for _, is := range rep.Issues {
					if is.Property == p {
						t.Errorf("%s reported on the safe contract\n%s", p, describe(rep))
					}
				}
			}
		})
	}
}

func hasConfirmed(rep *Report, p Property) bool {
	for _, is := range rep.Issues {
		if is.Property == p && is.Confirmed && is.Replayed && len(is.Witness) > 0 {
			return true
		}
	}
	return false
}

// TestThreeTransactionWitness needs the whole depth of the exploration:
// Staged's selfdestruct is three transactions after deployment, so a bound
// of two finds nothing and the default bound finds one(), two(), kill().
func TestThreeTransactionWitness(t *testing.T) {
	requireZ3(t)
	art := fixture(t, "0.8.28", "v08", "Staged.sol", "Staged")
	short, err := Analyze(context.Background(), art, Config{Budget: 30 * time.Second, MaxTxs: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range short.Issues {
		if is.Property == Selfdestruct {
			t.Errorf("two transactions reached the selfdestruct\n%s", describe(short))
		}
	}
	rep, err := Analyze(context.Background(), art, Config{Budget: 60 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	var is *Issue
	for _, x := range rep.Issues {
		if x.Property == Selfdestruct && x.Confirmed {
			is = x
		}
	}
	if is == nil {
		t.Fatalf("selfdestruct not confirmed with the default bound\n%s", describe(rep))
	}
	var fns []string
	for _, s := range is.Witness {
		fns = append(fns, s.Function)
	}
	if strings.Join(fns, " ") != "one() two() kill()" {
		t.Errorf("witness %v, want one() two() kill()", fns)
	}
	if why := replayOnGeth(t, art, is); why != "" {
		t.Errorf("independent replay: %s", why)
	}
}
