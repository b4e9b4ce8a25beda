package replay

import (
	"bytes"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
)

// Trace is what the transaction did, recorded through go-ethereum's tracing hooks.
type Trace struct {
	// Calls holds every CALL/CALLCODE/DELEGATECALL/STATICCALL/CREATE/CREATE2
	// made by code, at any depth, in execution order; the transaction itself
	// is not one of them.
	//
	// Depths count as go-ethereum's interpreter does: the code the
	// transaction runs is at depth 1, code it calls at 2, and so on. A
	// Call's Depth is the depth of the code that made it, a Store's the depth
	// of the code that executed the SSTORE: a frame's writes and the calls it
	// makes share a depth (what reentrancy checks compare).
	Calls []Call
	// Stores holds every SSTORE that took effect: those of frames that
	// reverted (or of the whole transaction, when it reverted) are dropped.
	Stores        []Store
	SelfDestructs []SelfDestruct
	Panics        []uint64 // Solidity Panic(uint256) codes seen in revert data; 0x01 = assert
	InvalidOps    int      // INVALID (0xfe) executed: assert in solc < 0.8
	// Wraps holds each ADD, SUB and MUL whose result did not fit in 256
	// bits, once per code address and pc, in execution order (also in
	// frames that later reverted: the arithmetic ran).
	Wraps []Wrap
}

// Wrap is an arithmetic instruction that wrapped around.
type Wrap struct {
	Addr common.Address // the account whose code ran (the caller's, under DELEGATECALL)
	PC   uint64
	Op   vm.OpCode
}

// Wrapped reports whether the code at addr wrapped around at pc.
func (t *Trace) Wrapped(addr common.Address, pc uint64) bool {
	for _, w := range t.Wraps {
		if w.Addr == addr && w.PC == pc {
			return true
		}
	}
	return false
}

// Call is one message call or creation made by code.
type Call struct {
	Depth    int
	Op       vm.OpCode
	From, To common.Address
	Value    *uint256.Int
	Input    []byte
	Reverted bool
}

// Store is one SSTORE.
type Store struct {
	Depth     int
	Addr      common.Address
	Slot, Old common.Hash
	New       common.Hash
}

// SelfDestruct is one SELFDESTRUCT executed. Under EIP-6780 the account is
// only deleted when it was created in the same transaction; it is recorded
// either way, with the balance it sent to Beneficiary.
type SelfDestruct struct {
	Addr, Beneficiary common.Address
	Value             *uint256.Int
}

// panicSelector is the selector of Solidity's Panic(uint256).
var panicSelector = []byte{0x4e, 0x48, 0x7b, 0x71}

// frame is the recorder's view of one executing call frame.
type frame struct {
	call       int    // index in trace.Calls, -1 for the top level and selfdestructs
	storeMark  int    // len(trace.Stores) when the frame was entered
	sdMark     int    // len(trace.SelfDestructs) when the frame was entered
	childPanic []byte // revert data of the last child that reverted with a Panic
}

// recorder turns tracing hooks into a Trace.
type recorder struct {
	state  *state.StateDB
	trace  Trace
	frames []frame
	wraps  map[Wrap]bool
}

func newRecorder(s *state.StateDB) *recorder { return &recorder{state: s} }

func (r *recorder) hooks() *tracing.Hooks {
	return &tracing.Hooks{OnEnter: r.enter, OnExit: r.exit, OnOpcode: r.opcode}
}

func (r *recorder) enter(depth int, typ byte, from, to common.Address, input []byte, _ uint64, value *big.Int) {
	op := vm.OpCode(typ)
	if op == vm.SELFDESTRUCT {
		// go-ethereum reports a selfdestruct as an enter/exit pair.
		r.trace.SelfDestructs = append(r.trace.SelfDestructs, SelfDestruct{Addr: from, Beneficiary: to, Value: toU256(value)})
		r.frames = append(r.frames, frame{call: -1, storeMark: len(r.trace.Stores), sdMark: len(r.trace.SelfDestructs)})
		return
	}
	f := frame{call: -1, storeMark: len(r.trace.Stores), sdMark: len(r.trace.SelfDestructs)}
	if depth > 0 {
		f.call = len(r.trace.Calls)
		r.trace.Calls = append(r.trace.Calls, Call{
			Depth: depth, Op: op, From: from, To: to,
			Value: toU256(value), Input: common.CopyBytes(input),
		})
	}
	r.frames = append(r.frames, f)
}

func (r *recorder) exit(_ int, output []byte, _ uint64, _ error, reverted bool) {
	if len(r.frames) == 0 {
		return
	}
	f := r.frames[len(r.frames)-1]
	r.frames = r.frames[:len(r.frames)-1]
	var parent *frame
	if len(r.frames) > 0 {
		parent = &r.frames[len(r.frames)-1]
	}
	if !reverted {
		return
	}
	if f.call >= 0 {
		r.trace.Calls[f.call].Reverted = true
	}
	// What a reverted frame wrote never happened.
	r.trace.Stores = r.trace.Stores[:f.storeMark]
	if isPanic(output) {
		// A panic bubbles up unchanged through every Solidity caller;
		// count it once, where it was raised.
		if !bytes.Equal(output, f.childPanic) {
			r.trace.Panics = append(r.trace.Panics, new(uint256.Int).SetBytes(output[4:36]).Uint64())
		}
		if parent != nil {
			parent.childPanic = common.CopyBytes(output)
		}
	}
}

func (r *recorder) opcode(pc uint64, op byte, _, _ uint64, scope tracing.OpContext, _ []byte, depth int, _ error) {
	switch vm.OpCode(op) {
	case vm.ADD, vm.SUB, vm.MUL:
		st := scope.StackData()
		if len(st) < 2 {
			return
		}
		a, b := &st[len(st)-1], &st[len(st)-2]
		var wrapped bool
		switch vm.OpCode(op) {
		case vm.ADD:
			_, wrapped = new(uint256.Int).AddOverflow(a, b)
		case vm.SUB:
			wrapped = a.Lt(b)
		case vm.MUL:
			_, wrapped = new(uint256.Int).MulOverflow(a, b)
		}
		if !wrapped {
			return
		}
		w := Wrap{Addr: scope.Address(), PC: pc, Op: vm.OpCode(op)}
		if r.wraps == nil {
			r.wraps = map[Wrap]bool{}
		}
		if !r.wraps[w] {
			r.wraps[w] = true
			r.trace.Wraps = append(r.trace.Wraps, w)
		}
	case vm.INVALID:
		r.trace.InvalidOps++
	case vm.SSTORE:
		st := scope.StackData()
		if len(st) < 2 {
			return // the interpreter fails the opcode on stack underflow
		}
		addr := scope.Address()
		slot := common.Hash(st[len(st)-1].Bytes32())
		r.trace.Stores = append(r.trace.Stores, Store{
			Depth: depth, Addr: addr, Slot: slot,
			Old: r.state.GetState(addr, slot),
			New: common.Hash(st[len(st)-2].Bytes32()),
		})
	}
}

// isPanic reports whether revert data is an ABI-encoded Panic(uint256).
func isPanic(data []byte) bool {
	return len(data) == 36 && bytes.Equal(data[:4], panicSelector)
}

func toU256(v *big.Int) *uint256.Int {
	if v == nil {
		return new(uint256.Int)
	}
	u, overflow := uint256.FromBig(v)
	if overflow {
		return new(uint256.Int).SetAllOne()
	}
	return u
}
