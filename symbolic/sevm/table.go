package sevm

import (
	"errors"

	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
)

// The errors that end a path. errStack and errInvalid are exceptional halts
// (the EVM consumes all gas and reverts); errDrop abandons a path the engine
// cannot follow soundly (a huge symbolic memory size…), reporting nothing.
var (
	errStack   = errors.New("stack underflow or overflow")
	errInvalid = errors.New("invalid opcode or jump")
	errDrop    = errors.New("path dropped")
)

// operation mirrors go-ethereum's core/vm jump table entries: the stack
// items it needs and its execution.
type operation struct {
	pops int
	exec func(e *engine, s *pstate) error
}

// table is the Cancun opcode set, indexed by opcode like vm.JumpTable.
var table [256]*operation

func def(op vm.OpCode, pops int, f func(e *engine, s *pstate) error) {
	table[op] = &operation{pops: pops, exec: f}
}

func u64(v uint64) *uint256.Int { return uint256.NewInt(v) }

func init() {
	defArith()
	defEnv()
	defMemory()
	defFlow()
	defCalls()
	for i := 0; i <= 32; i++ {
		n := i
		def(vm.PUSH0+vm.OpCode(i), 0, func(e *engine, s *pstate) error { return opPush(e, s, n) })
	}
	for i := 1; i <= 16; i++ {
		n := i
		def(vm.DUP1+vm.OpCode(i-1), n, func(e *engine, s *pstate) error { return s.push(s.peek(n - 1)) })
		def(vm.SWAP1+vm.OpCode(i-1), n+1, func(e *engine, s *pstate) error {
			top := len(s.stack) - 1
			s.stack[top], s.stack[top-n] = s.stack[top-n], s.stack[top]
			return nil
		})
	}
	def(vm.POP, 1, func(e *engine, s *pstate) error { s.pop(); return nil })
}

func opPush(e *engine, s *pstate, n int) error {
	start := s.pc + 1
	var b [32]byte
	for i := 0; i < n; i++ {
		if start+i < len(s.code) {
			b[32-n+i] = s.code[start+i]
		}
	}
	s.pc += n
	return s.push(e.ctx.Const(new(uint256.Int).SetBytes32(b[:])))
}
