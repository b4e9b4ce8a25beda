package sevm

import (
	"bytes"
	"context"
	"math/rand"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// runConcrete executes code as one transaction on the symbolic engine with
// no solver: every value is concrete, so no branch needs one.
func runConcrete(t *testing.T, code []byte) []byte {
	t.Helper()
	c := smt.NewCtx()
	e := &engine{ctx: c, cfg: Config{}.withDefaults(), target: &Target{Runtime: code}, gctx: context.Background(),
		deadline: time.Now().Add(time.Minute), self: addrTerm(c, contractAddr()), attacker: addrTerm(c, AttackerAddr),
		deployer: addrTerm(c, DeployerAddr), ownerSlots: map[uint256.Int]bool{}, issues: map[issueKey]*Issue{}, attempts: map[issueKey]int{}}
	tx := &txInput{index: 1, caller: e.attacker, value: c.Uint(0), time: c.Uint(1), number: c.Uint(1), cdsize: c.Uint(0), cd: map[int]*smt.Term{}, fallback: true}
	s := &pstate{tx: tx, txs: []*txInput{tx}, code: code, jumpdests: jumpdests(code), storage: c.ConstArray(c.Uint(0)),
		transient: c.ConstArray(c.Uint(0)), balance: c.Uint(0), atkIn: c.Uint(0), atkOut: c.Uint(0),
		visits: map[int]int{}, loaded: map[*smt.Term]bool{}, loadedVal: map[*smt.Term]uint256.Int{}, overflows: map[*smt.Term]overflow{}, callPC: -1}
	if err := e.step(s); err != nil {
		t.Fatalf("engine: %v", err)
	}
	out := make([]byte, len(s.output))
	for i, b := range s.output {
		v, ok := b.Uint()
		if !ok {
			t.Fatalf("symbolic output byte %d", i)
		}
		out[i] = byte(v.Uint64())
	}
	return out
}

// program is PUSH32 args[n-1] … PUSH32 args[0] OP PUSH0 MSTORE PUSH1 32 PUSH0 RETURN.
func program(op vm.OpCode, args ...*uint256.Int) []byte {
	var p []byte
	for i := len(args) - 1; i >= 0; i-- {
		b := args[i].Bytes32()
		p = append(p, byte(vm.PUSH32))
		p = append(p, b[:]...)
	}
	return append(p, byte(op), byte(vm.PUSH0), byte(vm.MSTORE), byte(vm.PUSH1), 32, byte(vm.PUSH0), byte(vm.RETURN))
}

func randWord(r *rand.Rand) *uint256.Int {
	edges := []*uint256.Int{
		uint256.NewInt(0), uint256.NewInt(1), uint256.NewInt(2), uint256.NewInt(31), uint256.NewInt(32),
		uint256.NewInt(255), uint256.NewInt(256),
		new(uint256.Int).Lsh(uint256.NewInt(1), 255), new(uint256.Int).SetAllOne(),
		new(uint256.Int).Sub(new(uint256.Int).Lsh(uint256.NewInt(1), 255), uint256.NewInt(1)),
	}
	switch r.Intn(4) {
	case 0:
		return edges[r.Intn(len(edges))]
	case 1:
		return uint256.NewInt(uint64(r.Intn(300)))
	case 2: // a negative number close to zero
		return new(uint256.Int).Neg(uint256.NewInt(uint64(r.Intn(1000))))
	}
	var b [32]byte
	r.Read(b[:])
	return new(uint256.Int).SetBytes(b[:])
}

// TestDifferentialOpcodes checks the engine's concrete semantics against
// go-ethereum's interpreter on random and edge-case operands.
func TestDifferentialOpcodes(t *testing.T) {
	ops := map[vm.OpCode]int{
		vm.ADD: 2, vm.MUL: 2, vm.SUB: 2, vm.DIV: 2, vm.SDIV: 2, vm.MOD: 2, vm.SMOD: 2,
		vm.ADDMOD: 3, vm.MULMOD: 3, vm.EXP: 2, vm.SIGNEXTEND: 2,
		vm.LT: 2, vm.GT: 2, vm.SLT: 2, vm.SGT: 2, vm.EQ: 2, vm.ISZERO: 1,
		vm.AND: 2, vm.OR: 2, vm.XOR: 2, vm.NOT: 1, vm.BYTE: 2, vm.SHL: 2, vm.SHR: 2, vm.SAR: 2,
	}
	order := []vm.OpCode{}
	for op := range ops {
		order = append(order, op)
	}
	// Deterministic: sort by opcode value.
	for i := range order {
		for j := i + 1; j < len(order); j++ {
			if order[j] < order[i] {
				order[i], order[j] = order[j], order[i]
			}
		}
	}
	r := rand.New(rand.NewSource(20261122))
	cases := 0
	for _, op := range order {
		for i := 0; i < 160; i++ {
			args := make([]*uint256.Int, ops[op])
			for j := range args {
				args[j] = randWord(r)
			}
			code := program(op, args...)
			want, _, err := runtime.Execute(code, nil, nil)
			if err != nil {
				t.Fatalf("geth %v: %v", op, err)
			}
			got := runConcrete(t, code)
			if !bytes.Equal(got, want) {
				t.Errorf("%v %x: engine %x, geth %x", op, args, got, want)
			}
			cases++
		}
	}
	if cases < 3000 {
		t.Fatalf("only %d cases", cases)
	}
}

// TestDifferentialMemoryAndKeccak covers memory, MCOPY, MSTORE8 and KECCAK256.
func TestDifferentialMemoryAndKeccak(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for i := 0; i < 50; i++ {
		a, b := randWord(r), randWord(r)
		off := uint64(r.Intn(64))
		var p []byte
		push := func(v *uint256.Int) { w := v.Bytes32(); p = append(p, byte(vm.PUSH32)); p = append(p, w[:]...) }
		push(a)
		push(uint256.NewInt(off))
		p = append(p, byte(vm.MSTORE))
		push(b)
		push(uint256.NewInt(off + 7))
		p = append(p, byte(vm.MSTORE8))
		push(uint256.NewInt(40))                 // size
		push(uint256.NewInt(off))                // src
		push(uint256.NewInt(off + 3))            // dst
		p = append(p, byte(vm.MCOPY))            //
		push(uint256.NewInt(uint64(r.Intn(90)))) // size
		push(uint256.NewInt(off))
		p = append(p, byte(vm.KECCAK256), byte(vm.PUSH0), byte(vm.MSTORE))
		p = append(p, byte(vm.MSIZE), byte(vm.PUSH0), byte(vm.RETURN))
		want, _, err := runtime.Execute(p, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := runConcrete(t, p); !bytes.Equal(got, want) {
			t.Fatalf("case %d: engine %x, geth %x", i, got, want)
		}
	}
}
