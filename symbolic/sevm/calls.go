package sevm

import (
	"fmt"

	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// stipend is the gas a transfer()/send() forwards; calls with at most this
// much gas cannot re-enter.
const stipend = 2300

func defCalls() {
	def(vm.CALL, 7, func(e *engine, s *pstate) error { return opCall(e, s, vm.CALL) })
	def(vm.CALLCODE, 7, func(e *engine, s *pstate) error { return opCall(e, s, vm.CALLCODE) })
	def(vm.DELEGATECALL, 6, func(e *engine, s *pstate) error { return opCall(e, s, vm.DELEGATECALL) })
	def(vm.STATICCALL, 6, func(e *engine, s *pstate) error { return opCall(e, s, vm.STATICCALL) })
	def(vm.CREATE, 3, func(e *engine, s *pstate) error { return opCreate(e, s, false) })
	def(vm.CREATE2, 4, func(e *engine, s *pstate) error { return opCreate(e, s, true) })
}

// opCall models a message call to code the engine does not run: the callee
// is any code, so the call succeeds or fails freely (a fresh flag) and
// returns fresh data. A gas-forwarding call to the attacker is where a
// re-entrant call would happen; the reentrancy property looks for state
// written after it, and the replay runs the real re-entry.
func opCall(e *engine, s *pstate, op vm.OpCode) error {
	c := e.ctx
	gas, addr := s.pop(), s.pop()
	value := c.Uint(0)
	if op == vm.CALL || op == vm.CALLCODE {
		value = s.pop()
	}
	inOff, inN, outOffT, outNT := s.pop(), s.pop(), s.pop(), s.pop()
	if _, _, err := region(e, s, inOff, inN); err != nil {
		return err
	}
	outOff, outN, err := region(e, s, outOffT, outNT)
	if err != nil {
		return err
	}
	e.calls++
	flag := c.BoolVar(fmt.Sprintf("callok%d", e.calls))
	ok := flag
	if !value.IsConst() || !value.Val.IsZero() {
		ok = c.BAnd(flag, c.Ule(value, s.balance))
	}
	if op == vm.CALL {
		sent := c.Ite(ok, value, c.Uint(0))
		s.balance = c.Sub(s.balance, sent)
		s.atkIn = c.Add(s.atkIn, c.Ite(c.Eq(addr, e.attacker), sent, c.Uint(0)))
		if sent != c.Uint(0) {
			s.changed = true
			if !toAtkFalse(c, addr, e.attacker) {
				s.gainPC = s.pc
			}
		}
	}
	toAtk := c.Eq(addr, e.attacker)
	forwards := true
	if g, isC := gas.Uint(); isC && g.IsUint64() && g.Uint64() <= stipend {
		forwards = false
	}
	if op == vm.CALL && forwards && s.callPC < 0 && !toAtk.IsFalse() && e.feasible(s, toAtk) {
		s.callPC = s.pc
		s.loadedPre = copyMap(s.loaded)
	}
	if op == vm.DELEGATECALL && !toAtk.IsFalse() {
		e.addCandidate(s, candidate{prop: DelegatecallToAttacker, pc: s.pc, cond: c.BAnd(e.onlyAttacker(s), toAtk),
			msg: "DELEGATECALL to an address the attacker chooses", check: check{kind: checkDelegate}})
	}
	// Fresh return data of the size the caller expects.
	ret := make([]*smt.Term, outN)
	for i := range ret {
		ret[i] = c.Var(fmt.Sprintf("ret%d_%d", e.calls, i), 8)
	}
	s.ret = ret
	if outN > 0 {
		s.mem.write(outOff, ret)
	}
	s.flags = append(s.flags, callFlag{pc: s.pc, flag: flag, target: addr})
	return s.push(c.BoolToBV(ok))
}

func toAtkFalse(c *smt.Ctx, addr, atk *smt.Term) bool { return c.Eq(addr, atk).IsFalse() }

func opCreate(e *engine, s *pstate, salted bool) error {
	s.pop() // value
	off, n := s.pop(), s.pop()
	if salted {
		s.pop()
	}
	if _, _, err := region(e, s, off, n); err != nil {
		return err
	}
	s.ret = nil
	return s.push(e.ctx.ZeroExt(e.ctx.Extract(e.fresh("created"), 159, 0), 256))
}
