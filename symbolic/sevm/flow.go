package sevm

import (
	"bytes"

	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

var panicSelector = []byte{0x4e, 0x48, 0x7b, 0x71}

func defFlow() {
	def(vm.STOP, 0, func(e *engine, s *pstate) error { s.halted = true; return nil })
	def(vm.JUMPDEST, 0, func(e *engine, s *pstate) error { return nil })
	def(vm.INVALID, 0, func(e *engine, s *pstate) error {
		e.addCandidate(s, candidate{prop: AssertFailure, pc: s.pc, cond: e.ctx.True(),
			msg:   "an assert-style check fails (INVALID opcode: assert, array bounds or division by zero before solc 0.8)",
			check: check{kind: checkInvalid}})
		return errInvalid
	})
	def(vm.JUMP, 1, func(e *engine, s *pstate) error { return jump(s, s.pop()) })
	def(vm.JUMPI, 2, opJumpi)
	def(vm.RETURN, 2, func(e *engine, s *pstate) error {
		off, n, err := region(e, s, s.pop(), s.pop())
		if err != nil {
			return err
		}
		s.output = s.mem.bytes(e.ctx, off, n)
		s.halted = true
		return nil
	})
	def(vm.REVERT, 2, func(e *engine, s *pstate) error {
		off, n, err := region(e, s, s.pop(), s.pop())
		if err != nil {
			return err
		}
		if n == 36 && s.mem.concrete(off, 36) && bytes.Equal(s.mem.data[off:off+4], panicSelector) {
			code := s.mem.load32(e.ctx, off+4)
			if v, _ := code.Uint(); v != nil && v.IsUint64() && v.Uint64() == 1 {
				e.addCandidate(s, candidate{prop: AssertFailure, pc: s.pc, cond: e.ctx.True(),
					msg: "an assert fails (Panic 0x01)", check: check{kind: checkPanic}})
			}
		}
		s.halted, s.reverted = true, true
		return nil
	})
	def(vm.SELFDESTRUCT, 1, func(e *engine, s *pstate) error {
		c := e.ctx
		ben := s.pop()
		toAtk := c.Eq(ben, e.attacker)
		s.atkIn = c.Add(s.atkIn, c.Ite(toAtk, s.balance, c.Uint(0)))
		if !toAtk.IsFalse() {
			s.gainPC = s.pc
		}
		if ben != e.self {
			s.balance = c.Uint(0)
		}
		e.addCandidate(s, candidate{prop: Selfdestruct, pc: s.pc, cond: e.onlyAttacker(s),
			msg: "the attacker can make the contract SELFDESTRUCT", check: check{kind: checkSelfdestruct}})
		s.halted, s.changed = true, true
		return nil
	})
}

func jump(s *pstate, dest *smt.Term) error {
	v, ok := dest.Uint()
	if !ok || !v.IsUint64() || v.Uint64() >= uint64(len(s.code)) || !s.jumpdests[v.Uint64()] {
		// A symbolic jump target only arises from corrupted function
		// pointers; the engine does not follow it.
		if !ok {
			return errDrop
		}
		return errInvalid
	}
	s.pc = int(v.Uint64()) - 1 // the loop adds one
	return nil
}

func opJumpi(e *engine, s *pstate) error {
	c := e.ctx
	dest, condT := s.pop(), s.pop()
	cond := c.NonZero(condT)
	e.markChecked(s, condT)
	switch {
	case cond.IsTrue():
		return jump(s, dest)
	case cond.IsFalse():
		return nil
	}
	s.visits[s.pc]++
	if s.visits[s.pc] > e.cfg.LoopBound {
		return errDrop
	}
	// Both sides are symbolic: keep the feasible ones.
	takenOK := e.feasible(s, cond)
	notOK := true
	if takenOK {
		notOK = e.feasible(s, c.BNot(cond))
	}
	if takenOK && notOK {
		other := s.fork()
		other.assume(c.BNot(cond))
		other.pc++
		e.work = append(e.work, other)
	}
	if !takenOK {
		s.assume(c.BNot(cond))
		return nil
	}
	s.assume(cond)
	return jump(s, dest)
}
