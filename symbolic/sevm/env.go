package sevm

import (
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

func env(op vm.OpCode, f func(e *engine, s *pstate) *smt.Term) {
	def(op, 0, func(e *engine, s *pstate) error { return s.push(f(e, s)) })
}

// fresh returns a new unconstrained 256-bit variable: what the engine does
// not model precisely (gas left, block hashes, other accounts' code) is any
// value.
func fresh(name string) func(e *engine, s *pstate) *smt.Term {
	return func(e *engine, s *pstate) *smt.Term { return e.fresh(name) }
}

func defEnv() {
	env(vm.ADDRESS, func(e *engine, s *pstate) *smt.Term { return e.self })
	env(vm.ORIGIN, func(e *engine, s *pstate) *smt.Term { return s.tx.caller })
	env(vm.CALLER, func(e *engine, s *pstate) *smt.Term { return s.tx.caller })
	env(vm.CALLVALUE, func(e *engine, s *pstate) *smt.Term { return s.tx.value })
	env(vm.CALLDATASIZE, func(e *engine, s *pstate) *smt.Term { return s.tx.cdsize })
	env(vm.CODESIZE, func(e *engine, s *pstate) *smt.Term { return e.ctx.Uint(uint64(len(s.code))) })
	env(vm.GASPRICE, fresh("gasprice"))
	env(vm.RETURNDATASIZE, func(e *engine, s *pstate) *smt.Term { return e.ctx.Uint(uint64(len(s.ret))) })
	env(vm.COINBASE, fresh("coinbase"))
	env(vm.TIMESTAMP, func(e *engine, s *pstate) *smt.Term { return s.tx.time })
	env(vm.NUMBER, func(e *engine, s *pstate) *smt.Term { return s.tx.number })
	env(vm.PREVRANDAO, fresh("prevrandao"))
	env(vm.GASLIMIT, fresh("gaslimit"))
	env(vm.CHAINID, fresh("chainid"))
	env(vm.SELFBALANCE, func(e *engine, s *pstate) *smt.Term { return s.balance })
	env(vm.BASEFEE, fresh("basefee"))
	env(vm.BLOBBASEFEE, fresh("blobbasefee"))
	env(vm.GAS, fresh("gas"))
	env(vm.MSIZE, func(e *engine, s *pstate) *smt.Term { return e.ctx.Uint(uint64(s.mem.size())) })
	env(vm.PC, func(e *engine, s *pstate) *smt.Term { return e.ctx.Uint(uint64(s.pc)) })

	def(vm.BALANCE, 1, func(e *engine, s *pstate) error {
		a := s.pop()
		if a == e.self {
			return s.push(s.balance)
		}
		return s.push(e.fresh("balance"))
	})
	for _, op := range []vm.OpCode{vm.EXTCODESIZE, vm.EXTCODEHASH, vm.BLOCKHASH, vm.BLOBHASH} {
		def(op, 1, func(e *engine, s *pstate) error {
			a := s.pop()
			if a == e.self && op == vm.EXTCODESIZE {
				return s.push(e.ctx.Uint(uint64(len(e.runtime))))
			}
			return s.push(e.fresh(op.String()))
		})
	}
	def(vm.CALLDATALOAD, 1, func(e *engine, s *pstate) error {
		off, err := e.concretize(s, s.pop(), 1<<16)
		if err != nil {
			return err
		}
		bs := make([]*smt.Term, 32)
		for i := range bs {
			bs[i] = s.tx.cdByte(e, off+i)
		}
		return s.push(wordOf(e.ctx, bs))
	})
	def(vm.CALLDATACOPY, 3, func(e *engine, s *pstate) error {
		return copyTo(e, s, func(i int) *smt.Term { return s.tx.cdByte(e, i) })
	})
	def(vm.CODECOPY, 3, func(e *engine, s *pstate) error {
		return copyTo(e, s, func(i int) *smt.Term {
			var b uint64
			if i < len(s.code) {
				b = uint64(s.code[i])
			}
			return e.ctx.ConstW(u64(b), 8)
		})
	})
	def(vm.RETURNDATACOPY, 3, func(e *engine, s *pstate) error {
		return copyTo(e, s, func(i int) *smt.Term {
			if i < len(s.ret) {
				return s.ret[i]
			}
			return e.ctx.ConstW(u64(0), 8)
		})
	})
	def(vm.EXTCODECOPY, 4, func(e *engine, s *pstate) error {
		s.pop() // the address: other accounts' code is unknown
		n := e.fresh("extcode")
		return copyTo(e, s, func(i int) *smt.Term {
			return e.ctx.Extract(n, 255-8*(i%32), 248-8*(i%32))
		})
	})
}

// copyTo implements the *COPY opcodes: memory[dst:dst+n] = src(off+i).
func copyTo(e *engine, s *pstate, src func(i int) *smt.Term) error {
	dstT, offT, nT := s.pop(), s.pop(), s.pop()
	n, err := e.concretize(s, nT, 1<<14)
	if err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	dst, err := e.concretize(s, dstT, maxMemory)
	if err != nil {
		return err
	}
	off := 0
	if v, ok := offT.Uint(); ok && !v.IsUint64() {
		off = 1 << 30 // past any data: reads zeros
	} else if off, err = e.concretize(s, offT, 1<<30); err != nil {
		return err
	}
	if !s.mem.grow(dst, n) {
		return errDrop
	}
	bs := make([]*smt.Term, n)
	for i := range bs {
		bs[i] = src(off + i)
	}
	s.mem.write(dst, bs)
	return nil
}
