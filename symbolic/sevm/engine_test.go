package sevm

import (
	"context"
	"errors"
	"math/rand"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// asm assembles opcodes and PUSH1 immediates: ints below 256 after a PUSH1
// are its operand.
func asm(items ...int) []byte {
	out := make([]byte, len(items))
	for i, x := range items {
		out[i] = byte(x)
	}
	return out
}

func runtimeOnly(t *testing.T, code []byte, cfg Config) *Report {
	t.Helper()
	requireZ3(t)
	rep, err := AnalyzeTarget(context.Background(), &Target{Name: "asm", Runtime: code}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// A branch on free calldata: the engine must find calldata word 42 and the
// replay must hit INVALID with it.
func TestSymbolicCalldataReachesInvalid(t *testing.T) {
	code := asm(
		int(vm.PUSH0), int(vm.CALLDATALOAD), int(vm.PUSH1), 42, int(vm.EQ),
		int(vm.PUSH1), 10, int(vm.JUMPI), int(vm.STOP), int(vm.STOP),
		int(vm.JUMPDEST), int(vm.INVALID),
	)
	rep := runtimeOnly(t, code, Config{Budget: 20 * time.Second, MaxTxs: 1})
	if len(rep.Issues) != 1 || rep.Issues[0].Property != AssertFailure || !rep.Issues[0].Confirmed {
		t.Fatalf("want one confirmed assert failure\n%s", describe(rep))
	}
	cd := rep.Issues[0].Witness[0].Calldata
	if len(cd) < 32 || cd[31] != 42 {
		t.Fatalf("witness calldata %x does not start with the word 42", cd)
	}
	if rep.Issues[0].PC != 11 {
		t.Fatalf("issue at pc %d, want 11", rep.Issues[0].PC)
	}
}

// CALLER SELFDESTRUCT: reachable by the attacker, and pays it.
func TestSelfdestructByAnyone(t *testing.T) {
	rep := runtimeOnly(t, asm(int(vm.CALLER), int(vm.SELFDESTRUCT)), Config{Budget: 20 * time.Second, MaxTxs: 1})
	if !hasConfirmed(rep, Selfdestruct) {
		t.Fatalf("selfdestruct not confirmed\n%s", describe(rep))
	}
}

// A guarded selfdestruct: only a caller equal to a constant that is neither
// actor reaches it, so nothing is reported.
func TestGuardedSelfdestructNotReported(t *testing.T) {
	code := asm(
		int(vm.CALLER), int(vm.PUSH1), 0x77, int(vm.EQ), int(vm.PUSH1), 8, int(vm.JUMPI), int(vm.STOP),
		int(vm.JUMPDEST), int(vm.CALLER), int(vm.SELFDESTRUCT),
	)
	rep := runtimeOnly(t, code, Config{Budget: 20 * time.Second, MaxTxs: 2})
	if len(rep.Issues) != 0 {
		t.Fatalf("unexpected issues\n%s", describe(rep))
	}
}

// An unbounded loop on symbolic data: the loop bound ends it and the budget
// is honoured.
func TestBudgetAndLoopBound(t *testing.T) {
	// i := 0; loop: if calldata[0] > i { i++; goto loop }
	code := asm(
		int(vm.PUSH0),                                     // 0: i
		int(vm.JUMPDEST),                                  // 1
		int(vm.DUP1), int(vm.PUSH0), int(vm.CALLDATALOAD), // 2,3,4: cd, i
		int(vm.GT), int(vm.ISZERO), int(vm.PUSH1), 16, int(vm.JUMPI), // 5..9
		int(vm.PUSH1), 1, int(vm.ADD), int(vm.PUSH1), 1, int(vm.JUMP), // 10..15
		int(vm.JUMPDEST), int(vm.STOP), // 16
	)
	start := time.Now()
	runtimeOnly(t, code, Config{Budget: 2 * time.Second, MaxTxs: 3, LoopBound: 50})
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("budget of 2s took %v", el)
	}
	rep := runtimeOnly(t, code, Config{Budget: 30 * time.Second, MaxTxs: 1, LoopBound: 3})
	if rep.Stats.TimedOut || rep.Stats.Paths == 0 || rep.Stats.Paths > 10 {
		t.Fatalf("loop bound 3: %+v", rep.Stats)
	}
}

func TestBadInput(t *testing.T) {
	if _, err := AnalyzeTarget(context.Background(), &Target{}, Config{}); err == nil {
		t.Error("no code: want an error")
	}
	if _, err := Analyze(context.Background(), nil, Config{}); err == nil {
		t.Error("nil artifact: want an error")
	}
	noSolver := Config{NewSolver: func(*smt.Ctx) (smt.Solver, error) { return nil, errors.New("no solver") }}
	if _, err := AnalyzeTarget(context.Background(), &Target{Runtime: []byte{0}}, noSolver); err == nil {
		t.Error("solver failure: want an error")
	}
}

// Random bytecode must end in a report or an error, never a panic, and
// within its budget.
func TestRandomBytecode(t *testing.T) {
	requireZ3(t)
	r := rand.New(rand.NewSource(99))
	for i := 0; i < 30; i++ {
		code := make([]byte, 1+r.Intn(80))
		r.Read(code)
		start := time.Now()
		rep, err := AnalyzeTarget(context.Background(), &Target{Name: "random", Runtime: code}, Config{Budget: time.Second, MaxTxs: 2})
		if err != nil {
			t.Fatalf("code %x: %v", code, err)
		}
		if el := time.Since(start); el > 4*time.Second {
			t.Fatalf("code %x took %v (%+v)", code, el, rep.Stats)
		}
	}
}
