package sevm

import (
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/replay"
)

var actorFunds = new(uint256.Int).Mul(uint256.NewInt(1000), uint256.NewInt(1e18))

// replay runs the witness on go-ethereum's EVM and confirms the issue when
// the property's effect shows.
func (e *engine) replay(is *Issue, w *witness) {
	start := time.Now()
	defer func() { e.stats.ReplayTime += time.Since(start) }()
	is.Replayed = true
	ok, note := e.runReplay(w)
	is.Confirmed = ok
	is.ReplayNote = note
	if w.check.kind == checkReentrancy {
		for i := range is.Witness {
			if is.Witness[i].From == AttackerAddr {
				is.Witness[i].ViaAttackerContract = true
			}
		}
	}
}

func (e *engine) runReplay(w *witness) (bool, string) {
	ch := replay.New()
	for _, a := range []common.Address{DeployerAddr, AttackerAddr, AttackerEOA} {
		ch.SetBalance(a, actorFunds)
	}
	var addr common.Address
	if len(e.target.Creation) > 0 {
		code := append(append([]byte(nil), e.target.Creation...), make([]byte, 32*e.ctorArgs())...)
		var res *replay.Result
		addr, res = ch.Deploy(DeployerAddr, code, nil)
		if res.Reverted {
			return false, fmt.Sprintf("deployment failed: %v", res.Err)
		}
	} else {
		addr = contractAddr()
		ch.SetCode(addr, e.target.Runtime)
	}
	if addr != contractAddr() {
		return false, "the contract was deployed at an unexpected address"
	}
	bal := new(uint256.Int).Add(ch.Balance(addr), w.initBal)
	if w.check.kind == checkReentrancy {
		// Others' deposits the re-entrant withdrawals can drain.
		bal.Add(bal, maxValue)
	}
	ch.SetBalance(addr, bal)
	last := w.steps[len(w.steps)-1]
	switch w.check.kind {
	case checkReentrancy:
		ch.SetCode(AttackerAddr, replay.Attacker(AttackerEOA, last.Calldata, 1))
	case checkUnchecked:
		ch.SetCode(AttackerAddr, []byte{byte(vm.PUSH0), byte(vm.PUSH0), byte(vm.REVERT)})
	}
	atk := func() *uint256.Int { return new(uint256.Int).Add(ch.Balance(AttackerAddr), ch.Balance(AttackerEOA)) }
	before := atk()
	var res *replay.Result
	for i, st := range w.steps {
		tx := replay.Tx{From: st.From, To: addr, Value: st.Value, Data: st.Calldata, Time: st.Time, Number: st.Number}
		if w.check.kind == checkReentrancy && st.From == AttackerAddr {
			tx = replay.Tx{From: AttackerEOA, To: AttackerAddr, Value: st.Value,
				Data: encodeAttack(addr, st.Value, st.Calldata), Time: st.Time, Number: st.Number}
		}
		res = ch.Send(tx)
		final := i == len(w.steps)-1
		if res.Reverted && !(final && (w.check.kind == checkPanic || w.check.kind == checkInvalid)) {
			return false, fmt.Sprintf("transaction %d reverted: %v", i+1, res.Err)
		}
	}
	tr := res.Trace
	switch w.check.kind {
	case checkEther:
		if atk().Gt(before) {
			return true, ""
		}
		return false, "the attacker's balance did not grow"
	case checkSelfdestruct:
		for _, sd := range tr.SelfDestructs {
			if sd.Addr == addr {
				return true, ""
			}
		}
		return false, "no SELFDESTRUCT executed"
	case checkDelegate:
		for _, c := range tr.Calls {
			if c.Op == vm.DELEGATECALL && c.From == addr && c.To == AttackerAddr {
				return true, ""
			}
		}
		return false, "no DELEGATECALL to the attacker"
	case checkPanic:
		for _, p := range tr.Panics {
			if p == 1 && res.Reverted {
				return true, ""
			}
		}
		return false, "no Panic(0x01)"
	case checkInvalid:
		if tr.InvalidOps > 0 {
			return true, ""
		}
		return false, "no INVALID executed"
	case checkUnchecked:
		for _, c := range tr.Calls {
			if c.From == addr && c.To == AttackerAddr && c.Reverted && !res.Reverted {
				return true, ""
			}
		}
		return false, "no failed call went unnoticed"
	case checkStore, checkReentrancy:
		return e.checkStore(w, tr, addr)
	}
	return false, "unknown check"
}

func (e *engine) checkStore(w *witness, tr replay.Trace, addr common.Address) (bool, string) {
	slot, ok := w.eval(e.ctx, w.check.slot)
	if !ok {
		return false, "the slot could not be evaluated"
	}
	want := common.Hash(slot.Bytes32())
	depth := -1
	if w.check.kind == checkReentrancy {
		depth = reentryDepth(tr, addr)
		if depth < 0 {
			return false, "the external call did not re-enter"
		}
	}
	if w.check.wraps && !tr.Wrapped(addr, uint64(w.check.wrapPC)) {
		return false, "the arithmetic did not wrap around"
	}
	var value *uint256.Int
	if w.check.value != nil {
		if value, ok = w.eval(e.ctx, w.check.value); !ok {
			return false, "the stored value could not be evaluated"
		}
	}
	for _, s := range tr.Stores {
		if s.Addr != addr || s.Slot != want {
			continue
		}
		if depth >= 0 && s.Depth != depth {
			continue
		}
		if value != nil && s.New != common.Hash(value.Bytes32()) {
			continue
		}
		if w.check.changed && s.Old == s.New {
			continue
		}
		return true, ""
	}
	return false, "the expected storage write did not happen"
}

// reentryDepth finds a call from the victim to the attacker during which the
// attacker called the victim again, and returns the depth of the victim's
// outer frame (whose later writes are the re-entrancy), or -1.
func reentryDepth(tr replay.Trace, victim common.Address) int {
	for i, c := range tr.Calls {
		if c.From != victim || c.To != AttackerAddr {
			continue
		}
		for _, d := range tr.Calls[i+1:] {
			if d.Depth <= c.Depth {
				break
			}
			if d.From == AttackerAddr && d.To == victim {
				// The victim's frame runs at the depth its own calls
				// are entered at.
				return c.Depth
			}
		}
	}
	return -1
}

// encodeAttack is abi.encode(address target, uint256 value, bytes data), the
// attacker contract's command.
func encodeAttack(target common.Address, value *uint256.Int, data []byte) []byte {
	word := func(v *uint256.Int) []byte { b := v.Bytes32(); return b[:] }
	if value == nil {
		value = new(uint256.Int)
	}
	out := append([]byte(nil), common.LeftPadBytes(target.Bytes(), 32)...)
	out = append(out, word(value)...)
	out = append(out, word(uint256.NewInt(0x60))...)
	out = append(out, word(uint256.NewInt(uint64(len(data))))...)
	out = append(out, data...)
	if pad := len(data) % 32; pad != 0 {
		out = append(out, make([]byte, 32-pad)...)
	}
	return out
}
