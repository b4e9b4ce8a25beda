package sevm

import (
	"bytes"
	"context"
	"math/big"
	"math/rand"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
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

// concreteEnv is the transaction a concrete differential run executes.
type concreteEnv struct {
	calldata     []byte
	caller       common.Address
	value        *uint256.Int
	time, number uint64
}

// gethContract is where go-ethereum's runtime.Execute runs code.
var gethContract = common.BytesToAddress([]byte("contract"))

// runConcreteEnv executes code on the engine as one transaction with
// concrete inputs, at the address runtime.Execute uses, so ADDRESS and
// SELFBALANCE agree with go-ethereum's.
func runConcreteEnv(t *testing.T, code []byte, env concreteEnv) []byte {
	t.Helper()
	c := smt.NewCtx()
	e := &engine{ctx: c, cfg: Config{}.withDefaults(), target: &Target{Runtime: code}, gctx: context.Background(),
		deadline: time.Now().Add(time.Minute), self: addrTerm(c, gethContract), attacker: addrTerm(c, AttackerAddr),
		deployer: addrTerm(c, DeployerAddr), ownerSlots: map[uint256.Int]bool{}, issues: map[issueKey]*Issue{}, attempts: map[issueKey]int{}}
	tx := &txInput{index: 1, caller: addrTerm(c, env.caller), value: c.Const(env.value), time: c.Uint(env.time),
		number: c.Uint(env.number), cdsize: c.Uint(uint64(len(env.calldata))), cd: map[int]*smt.Term{},
		selector: env.calldata, maxLen: len(env.calldata)}
	s := &pstate{tx: tx, txs: []*txInput{tx}, code: code, jumpdests: jumpdests(code), storage: c.ConstArray(c.Uint(0)),
		transient: c.ConstArray(c.Uint(0)), balance: c.Const(env.value), atkIn: c.Uint(0), atkOut: c.Uint(0),
		visits: map[int]int{}, loaded: map[*smt.Term]bool{}, loadedVal: map[*smt.Term]uint256.Int{}, overflows: map[*smt.Term]overflow{},
		callPC: -1, gainPC: -1}
	if err := e.step(s); err != nil {
		t.Fatalf("engine: %v\ncode %x", err, code)
	}
	if s.reverted {
		t.Fatalf("engine reverted\ncode %x", code)
	}
	out := make([]byte, len(s.output))
	for i, b := range s.output {
		v, ok := b.Uint()
		if !ok {
			t.Fatalf("symbolic output byte %d\ncode %x", i, code)
		}
		out[i] = byte(v.Uint64())
	}
	return out
}

// randomProgram builds a valid straight-line program with forward
// conditional jumps over stack, arithmetic, memory, storage, transient
// storage, calldata, code, environment and log opcodes. Memory offsets and
// sizes are pushed as small constants just before the instruction that uses
// them. It ends by writing the stack, storage slots 0–3 and transient slots
// 0–3 to memory and returning all of memory.
func randomProgram(r *rand.Rand) []byte {
	var p []byte
	depth := 0
	push := func(v *uint256.Int) {
		b := v.Bytes()
		if len(b) == 0 {
			p = append(p, byte(vm.PUSH0))
		} else {
			p = append(p, byte(vm.PUSH1)+byte(len(b)-1))
			p = append(p, b...)
		}
		depth++
	}
	small := func(n int) { push(uint256.NewInt(uint64(r.Intn(n)))) }
	op := func(o vm.OpCode, pops, pushes int) { p = append(p, byte(o)); depth += pushes - pops }
	nullary := []vm.OpCode{vm.ADDRESS, vm.ORIGIN, vm.CALLER, vm.CALLVALUE, vm.CALLDATASIZE, vm.CODESIZE,
		vm.RETURNDATASIZE, vm.TIMESTAMP, vm.NUMBER, vm.SELFBALANCE, vm.PC, vm.MSIZE}
	unary := []vm.OpCode{vm.ISZERO, vm.NOT}
	binary := []vm.OpCode{vm.ADD, vm.MUL, vm.SUB, vm.DIV, vm.SDIV, vm.MOD, vm.SMOD, vm.EXP, vm.SIGNEXTEND,
		vm.LT, vm.GT, vm.SLT, vm.SGT, vm.EQ, vm.AND, vm.OR, vm.XOR, vm.BYTE, vm.SHL, vm.SHR, vm.SAR}
	for n := 40 + r.Intn(60); n > 0; n-- {
		switch k := r.Intn(20); {
		case k < 4 || depth < 3:
			if r.Intn(3) == 0 {
				small(300)
			} else {
				push(randWord(r))
			}
		case k < 6:
			op(nullary[r.Intn(len(nullary))], 0, 1)
		case k < 7:
			op(unary[r.Intn(len(unary))], 1, 1)
		case k < 10:
			op(binary[r.Intn(len(binary))], 2, 1)
		case k < 11:
			op([]vm.OpCode{vm.ADDMOD, vm.MULMOD}[r.Intn(2)], 3, 1)
		case k < 12:
			i := 1 + r.Intn(min(depth, 16))
			op(vm.DUP1+vm.OpCode(i-1), i, i+1)
		case k < 13 && depth >= 2:
			i := 1 + r.Intn(min(depth-1, 16))
			op(vm.SWAP1+vm.OpCode(i-1), i+1, i+1)
		case k < 14:
			switch r.Intn(5) {
			case 0:
				small(128)
				op(vm.MLOAD, 1, 1)
			case 1:
				small(128)
				op(vm.MSTORE, 2, 0)
			case 2:
				small(160)
				op(vm.MSTORE8, 2, 0)
			case 3:
				small(100)
				op(vm.CALLDATALOAD, 1, 1)
			case 4:
				op(vm.POP, 1, 0)
			}
		case k < 15:
			slot := func() { small(4) }
			switch r.Intn(4) {
			case 0:
				slot()
				op(vm.SLOAD, 1, 1)
			case 1:
				slot()
				op(vm.SSTORE, 2, 0)
			case 2:
				slot()
				op(vm.TLOAD, 1, 1)
			case 3:
				slot()
				op(vm.TSTORE, 2, 0)
			}
		case k < 17:
			// size, source, destination (pushed in reverse order).
			small(70)
			small(120)
			small(128)
			op([]vm.OpCode{vm.CALLDATACOPY, vm.CODECOPY, vm.MCOPY}[r.Intn(3)], 3, 0)
		case k < 18:
			small(90)
			small(128)
			op(vm.KECCAK256, 2, 1)
		case k < 19 && depth >= 4:
			topics := r.Intn(min(depth, 5))
			small(64)
			small(128)
			op(vm.LOG0+vm.OpCode(topics), 2+topics, 0)
		default:
			// if cond { skip: slot[v] = w }: the skipped block is stack-neutral.
			p = append(p, byte(vm.PUSH2), 0, 0, byte(vm.JUMPI))
			depth--
			at := len(p) - 3
			v, s := uint64(r.Intn(256)), uint64(r.Intn(4))
			p = append(p, byte(vm.PUSH1), byte(v), byte(vm.PUSH1), byte(s), byte(vm.SSTORE), byte(vm.PC), byte(vm.POP))
			p[at], p[at+1] = byte(len(p)>>8), byte(len(p))
			p = append(p, byte(vm.JUMPDEST))
		}
	}
	// Dump: the stack's top 16 at 0x200…, then storage and transient slots.
	const dump = 0x200
	k := 0
	for ; depth > 0 && k < 16; k++ {
		push(uint256.NewInt(uint64(dump + 32*k)))
		op(vm.MSTORE, 2, 0)
	}
	for s := 0; s < 4; s++ {
		for _, load := range []vm.OpCode{vm.SLOAD, vm.TLOAD} {
			push(uint256.NewInt(uint64(s)))
			op(load, 1, 1)
			push(uint256.NewInt(uint64(dump + 32*k)))
			op(vm.MSTORE, 2, 0)
			k++
		}
	}
	op(vm.MSIZE, 0, 1)
	push(uint256.NewInt(0))
	op(vm.RETURN, 2, 0)
	return p
}

// TestDifferentialRandomPrograms runs random programs mixing every
// deterministic opcode class (stack, arithmetic, memory, storage, transient
// storage, calldata, code, environment, logs, jumps) on the engine and on
// go-ethereum's interpreter, with random calldata, caller, value, time and
// block number, and compares the returned memory.
func TestDifferentialRandomPrograms(t *testing.T) {
	r := rand.New(rand.NewSource(20240313))
	for i := 0; i < 400; i++ {
		code := randomProgram(r)
		cd := make([]byte, r.Intn(100))
		r.Read(cd)
		env := concreteEnv{
			calldata: cd,
			caller:   common.BigToAddress(randWord(r).ToBig()),
			value:    uint256.NewInt(uint64(r.Intn(1 << 20))),
			time:     1_700_000_000 + uint64(r.Intn(1<<20)),
			number:   19_000_000 + uint64(r.Intn(1<<20)),
		}
		st, err := state.New(types.EmptyRootHash, state.NewDatabaseForTesting())
		if err != nil {
			t.Fatal(err)
		}
		st.SetBalance(env.caller, uint256.NewInt(1<<40), tracing.BalanceChangeUnspecified)
		want, _, err := runtime.Execute(code, cd, &runtime.Config{
			Origin: env.caller, Value: env.value.ToBig(), Time: env.time,
			BlockNumber: new(big.Int).SetUint64(env.number), State: st,
		})
		if err != nil {
			t.Fatalf("program %d: geth: %v\ncode %x", i, err, code)
		}
		if got := runConcreteEnv(t, code, env); !bytes.Equal(got, want) {
			t.Fatalf("program %d differs\ncode     %x\ncalldata %x\nengine %x\ngeth   %x", i, code, cd, got, want)
		}
	}
}
