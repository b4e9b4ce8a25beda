package sevm

import (
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/compile"
	"github.com/sleuth-sec/sleuth/symbolic/replay"
)

// replayOnGeth replays an issue's witness on a fresh go-ethereum chain,
// independently of the engine's own replay and its checks, and looks at the
// property's effect directly in the state and the trace. It returns why the
// effect did not show, "" when it did. Tests use it so that "confirmed"
// never rests on the engine's word alone.
func replayOnGeth(t testing.TB, art *compile.Artifact, is *Issue) string {
	t.Helper()
	if len(is.Witness) == 0 {
		return "empty witness"
	}
	ch := replay.New()
	for _, a := range []common.Address{DeployerAddr, AttackerAddr, AttackerEOA} {
		ch.SetBalance(a, actorFunds)
	}
	args, _ := headSize(art.ABI.Constructor.Inputs)
	addr, dep := ch.Deploy(DeployerAddr, append(append([]byte(nil), art.Creation...), make([]byte, args)...), nil)
	if dep.Reverted {
		return fmt.Sprintf("deployment reverted: %v", dep.Err)
	}
	for _, st := range is.Witness {
		if st.To != addr {
			return fmt.Sprintf("witness sends to %s, the contract is at %s", st.To, addr)
		}
	}
	// Slots the constructor set to the deployer: the owner-like ones.
	deployerWord := common.BytesToHash(DeployerAddr.Bytes())
	var ownerSlots []common.Hash
	for _, s := range dep.Trace.Stores {
		if s.Addr == addr && s.New == deployerWord {
			ownerSlots = append(ownerSlots, s.Slot)
		}
	}
	bal := ch.Balance(addr)
	if is.InitialBalance != nil {
		bal.Add(bal, is.InitialBalance)
	}
	last := is.Witness[len(is.Witness)-1]
	switch is.Property {
	case Reentrancy:
		bal.Add(bal, maxValue) // others' deposits
		ch.SetCode(AttackerAddr, replay.Attacker(AttackerEOA, last.Calldata, 1))
	case UncheckedCall:
		ch.SetCode(AttackerAddr, []byte{byte(vm.PUSH0), byte(vm.PUSH0), byte(vm.REVERT)})
	}
	ch.SetBalance(addr, bal)
	attackerWealth := func() *uint256.Int {
		return new(uint256.Int).Add(ch.Balance(AttackerAddr), ch.Balance(AttackerEOA))
	}
	before := attackerWealth()
	var res *replay.Result
	for i, st := range is.Witness {
		tx := replay.Tx{From: st.From, To: addr, Value: st.Value, Data: st.Calldata, Time: st.Time, Number: st.Number}
		if st.ViaAttackerContract {
			tx = replay.Tx{From: AttackerEOA, To: AttackerAddr, Value: st.Value, Data: encodeAttack(addr, st.Value, st.Calldata),
				Time: st.Time, Number: st.Number}
		}
		res = ch.Send(tx)
		if res.Reverted && !(i == len(is.Witness)-1 && is.Property == AssertFailure) {
			return fmt.Sprintf("transaction %d (%s) reverted: %v", i+1, st.Function, res.Err)
		}
	}
	tr := res.Trace
	switch is.Property {
	case EtherTheft:
		if !attackerWealth().Gt(before) {
			return fmt.Sprintf("the attacker's balance went from %s to %s", before, attackerWealth())
		}
	case Selfdestruct:
		for _, sd := range tr.SelfDestructs {
			if sd.Addr == addr {
				return ""
			}
		}
		return "no SELFDESTRUCT of the contract"
	case OwnerOverwrite:
		if len(ownerSlots) == 0 {
			return "the constructor stored the deployer nowhere"
		}
		for _, s := range ownerSlots {
			if ch.Storage(addr, s) != deployerWord {
				return ""
			}
		}
		return "every slot the deployer was stored in still holds it"
	case DelegatecallToAttacker:
		for _, c := range tr.Calls {
			if c.Op == vm.DELEGATECALL && c.From == addr && c.To == AttackerAddr {
				return ""
			}
		}
		return "no DELEGATECALL to the attacker"
	case ArbitraryStorageWrite:
		want := common.Hash(arbitrarySlot.Bytes32())
		for _, s := range tr.Stores {
			if s.Addr == addr && s.Slot == want {
				return ""
			}
		}
		return fmt.Sprintf("slot %s not written", want)
	case Overflow:
		if !tr.Wrapped(addr, uint64(is.PC)) {
			return fmt.Sprintf("no arithmetic wrapped at pc %d (wraps: %+v)", is.PC, tr.Wraps)
		}
		for _, s := range tr.Stores {
			if s.Addr == addr {
				return ""
			}
		}
		return "the wrapped transaction stored nothing"
	case AssertFailure:
		if !res.Reverted {
			return "the last transaction did not fail"
		}
		for _, p := range tr.Panics {
			if p == 1 {
				return ""
			}
		}
		if tr.InvalidOps > 0 {
			return ""
		}
		return "neither Panic(0x01) nor INVALID"
	case Reentrancy:
		for i, c := range tr.Calls {
			if c.From != addr || c.To != AttackerAddr {
				continue
			}
			reentered := false
			for _, d := range tr.Calls[i+1:] {
				if d.Depth <= c.Depth {
					break
				}
				reentered = reentered || d.From == AttackerAddr && d.To == addr
			}
			if !reentered {
				continue
			}
			for _, s := range tr.Stores {
				if s.Addr == addr && s.Depth == c.Depth {
					return ""
				}
			}
			return "re-entered, but the outer frame wrote no state"
		}
		return "the call to the attacker did not re-enter"
	case UncheckedCall:
		for _, c := range tr.Calls {
			if c.From == addr && c.To == AttackerAddr && c.Reverted {
				return ""
			}
		}
		return "no failed call to the attacker in a transaction that succeeded"
	default:
		return "no oracle for " + string(is.Property)
	}
	return ""
}
