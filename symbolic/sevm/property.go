package sevm

import (
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// Property is a class of vulnerability the engine looks for.
type Property string

const (
	EtherTheft             Property = "ether-theft"
	Selfdestruct           Property = "unprotected-selfdestruct"
	OwnerOverwrite         Property = "owner-overwrite"
	DelegatecallToAttacker Property = "delegatecall-to-attacker"
	ArbitraryStorageWrite  Property = "arbitrary-storage-write"
	Overflow               Property = "integer-overflow"
	AssertFailure          Property = "assert-failure"
	Reentrancy             Property = "reentrancy"
	UncheckedCall          Property = "unchecked-call"
)

// Properties lists every property, in report order.
var Properties = []Property{EtherTheft, Selfdestruct, OwnerOverwrite, DelegatecallToAttacker,
	ArbitraryStorageWrite, Overflow, AssertFailure, Reentrancy, UncheckedCall}

// arbitrarySlot is the slot an arbitrary-write witness targets: below 2^64,
// so no mapping or dynamic-array element (keccak outputs) can land on it by
// the solver's axioms, and not a slot solc assigns to ordinary variables.
var arbitrarySlot = uint256.NewInt(0x5ee1_0000_0000_1337)

// addCandidate records a violation the path may reach.
func (e *engine) addCandidate(s *pstate, c candidate) {
	if c.cond.IsFalse() || e.settled(c.prop, c.pc) {
		return
	}
	if e.target.Source != nil {
		c.near = s.nearJumps()
	}
	s.cands = append(s.cands, c)
}

// noteOverflow remembers that r wraps when cond holds; it becomes a finding
// when r is stored on a path that completes.
func (e *engine) noteOverflow(s *pstate, r, cond *smt.Term, op string) {
	if r.IsConst() || cond.IsFalse() || s.tx.index == 0 {
		return
	}
	if _, ok := s.overflows[r]; !ok {
		s.overflows[r] = overflow{pc: s.pc, cond: cond, op: op}
	}
}

// mentions reports whether pred holds for a node of t's DAG, visiting at
// most limit nodes.
func mentions(t *smt.Term, pred func(*smt.Term) bool, limit int) bool {
	seen := map[*smt.Term]bool{}
	var walk func(t *smt.Term) bool
	walk = func(t *smt.Term) bool {
		if seen[t] || len(seen) > limit {
			return false
		}
		seen[t] = true
		if pred(t) {
			return true
		}
		for _, a := range t.Args {
			if a.Kind != smt.KindArray && walk(a) {
				return true
			}
		}
		return false
	}
	return walk(t)
}

// storageSlot returns the constant slot of an SLOAD inside t, if any.
func storageSlot(t *smt.Term) (*uint256.Int, bool) {
	var slot *uint256.Int
	mentions(t, func(x *smt.Term) bool {
		if x.Op == smt.OpSelect {
			if v, ok := x.Args[1].Uint(); ok {
				slot = v
				return true
			}
		}
		return false
	}, 16)
	return slot, slot != nil
}

// noteOwnerCompare marks a slot owner-like when its value is compared with
// CALLER: `require(msg.sender == owner)`. The caller is concrete, so the
// slot is found through the value SLOAD produced (masking an address keeps
// the same term) or, for symbolic storage, inside the term.
func (e *engine) noteOwnerCompare(s *pstate, a, b *smt.Term) {
	for _, p := range [][2]*smt.Term{{a, b}, {b, a}} {
		if p[0] != s.tx.caller {
			continue
		}
		if slot, ok := s.loadedVal[p[1]]; ok {
			e.ownerSlots[slot] = true
		} else if slot, ok := storageSlot(p[1]); ok {
			e.ownerSlots[*slot] = true
		}
	}
}

// onStore applies the properties an SSTORE can violate.
func (e *engine) onStore(s *pstate, slot, v *smt.Term) {
	c := e.ctx
	atk := e.onlyAttacker(s)
	if s.tx.index == 0 {
		// The constructor storing its caller: `owner = msg.sender`.
		if sv, ok := slot.Uint(); ok {
			if vv, ok := v.Uint(); ok {
				low := new(uint256.Int).And(vv, addrMask)
				if low.Eq(&e.deployer.Val) {
					e.ownerSlots[*sv] = true
				}
			}
		}
		return
	}
	if sv, ok := slot.Uint(); ok && e.ownerSlots[*sv] {
		old := c.Select(s.storage, slot)
		e.addCandidate(s, candidate{prop: OwnerOverwrite, pc: s.pc,
			cond:  c.BAnd(atk, c.BNot(c.Eq(old, v))),
			msg:   "the attacker overwrites an owner-like storage slot (one compared with msg.sender or set to the deployer)",
			check: check{kind: checkStore, slot: slot, changed: true}})
	}
	if !slot.IsConst() {
		target := c.Const(arbitrarySlot)
		e.addCandidate(s, candidate{prop: ArbitraryStorageWrite, pc: s.pc,
			cond:  c.BAnd(atk, c.Eq(slot, target)),
			msg:   "the attacker controls the slot of a storage write and can overwrite any variable",
			check: check{kind: checkStore, slot: target}})
	}
	if s.callPC >= 0 && s.loadedPre[slot] {
		e.addCandidate(s, candidate{prop: Reentrancy, pc: s.callPC,
			cond:  atk,
			msg:   "state read before an external call to the attacker is written after it (the call can re-enter)",
			check: check{kind: checkReentrancy, slot: slot}})
	}
	if len(s.overflows) > 0 {
		var hit *overflow
		mentions(v, func(x *smt.Term) bool {
			if o, ok := s.overflows[x]; ok {
				hit = &o
				return true
			}
			return false
		}, 256)
		if hit != nil {
			e.addCandidate(s, candidate{prop: Overflow, pc: hit.pc, cond: hit.cond,
				msg:   "arithmetic " + hit.op + " wraps around and the wrapped value is stored",
				check: check{kind: checkStore, slot: slot, value: v, wraps: true, wrapPC: hit.pc}})
		}
	}
}

// onlyAttacker is the condition that every transaction after deployment
// came from the attacker: what the deployer hands over on purpose (making
// the attacker owner) is not an attack.
func (e *engine) onlyAttacker(s *pstate) *smt.Term {
	c := e.ctx
	r := c.True()
	for _, tx := range s.txs {
		if tx.index > 0 {
			r = c.BAnd(r, c.Eq(tx.caller, e.attacker))
		}
	}
	return r
}

// markChecked notes the call flags a branch condition depends on.
func (e *engine) markChecked(s *pstate, cond *smt.Term) {
	for i := range s.flags {
		f := &s.flags[i]
		if !f.checked && mentions(cond, func(x *smt.Term) bool { return x == f.flag }, 64) {
			f.checked = true
		}
	}
}

var addrMask = func() *uint256.Int {
	m := new(uint256.Int).Lsh(uint256.NewInt(1), 160)
	return m.SubUint64(m, 1)
}()
