package replay

import (
	"bytes"
	"errors"
	"math/big"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/compile"
	"github.com/sleuth-sec/sleuth/symbolic/compile/compiletest"
)

var (
	deployer = common.HexToAddress("0x00000000000000000000000000000000000d0001")
	victim   = common.HexToAddress("0x00000000000000000000000000000000000b0b01")
	attacker = common.HexToAddress("0x0000000000000000000000000000000000a77ac0")
)

func ether(n uint64) *uint256.Int {
	return new(uint256.Int).Mul(uint256.NewInt(n), uint256.NewInt(1e18))
}

// compiled caches fixture compilations across tests: each costs a node
// process and a second or two.
var (
	compiledMu sync.Mutex
	compiled   = map[string][]*compile.Artifact{}
)

func compileFixture(t testing.TB, dir, version, name string) *compile.Artifact {
	t.Helper()
	compiledMu.Lock()
	defer compiledMu.Unlock()
	key := dir + "@" + version
	arts, ok := compiled[key]
	if !ok {
		root := filepath.Join(compiletest.ModuleRoot(t), "testdata", "compile", dir)
		arts = compiletest.Compile(t, version, root)
		compiled[key] = arts
	}
	return compiletest.Artifact(t, arts, name)
}

func pack(t *testing.T, a abi.ABI, method string, args ...any) []byte {
	t.Helper()
	data, err := a.Pack(method, args...)
	if err != nil {
		t.Fatalf("packing %s: %v", method, err)
	}
	return data
}

func deploy(t *testing.T, c *Chain, a *compile.Artifact) common.Address {
	t.Helper()
	addr, res := c.Deploy(deployer, a.Creation, nil)
	if res.Err != nil {
		t.Fatalf("deploying %s: %v", a.Name, res.Err)
	}
	if !bytes.Equal(c.Code(addr), a.Runtime) {
		t.Fatalf("deployed code of %s differs from the artifact's runtime code", a.Name)
	}
	return addr
}

func send(t *testing.T, c *Chain, tx Tx) *Result {
	t.Helper()
	res := c.Send(tx)
	if res.Err != nil {
		t.Fatalf("tx %x from %s: %v", tx.Data, tx.From, res.Err)
	}
	return res
}

// driveCall is the calldata the attacker contract's owner sends it.
func driveCall(t testing.TB, target common.Address, value *uint256.Int, data []byte) []byte {
	t.Helper()
	addrT, _ := abi.NewType("address", "", nil)
	uintT, _ := abi.NewType("uint256", "", nil)
	bytesT, _ := abi.NewType("bytes", "", nil)
	out, err := abi.Arguments{{Type: addrT}, {Type: uintT}, {Type: bytesT}}.Pack(target, value.ToBig(), data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAttackerDrainsBank is the reentrancy the symbolic engine's witnesses
// replay: the attacker deposits, withdraws, and re-enters withdraw from its
// fallback until the 0.4 bank (which pays before it zeroes the balance) is
// empty.
func TestAttackerDrainsBank(t *testing.T) {
	bank := compileFixture(t, "v04", "0.4.26", "Bank")
	c := New()
	c.SetBalance(victim, ether(100))
	c.SetBalance(attacker, ether(100))
	b := deploy(t, c, bank)
	send(t, c, Tx{From: victim, To: b, Value: ether(10), Data: pack(t, bank.ABI, "deposit")})

	evil := common.HexToAddress("0x000000000000000000000000000000000000e011")
	c.SetCode(evil, Attacker(attacker, pack(t, bank.ABI, "withdraw"), 10))
	send(t, c, Tx{From: attacker, To: evil, Data: driveCall(t, b, ether(1), pack(t, bank.ABI, "deposit")), Value: ether(1)})
	if got := c.Balance(b); !got.Eq(ether(11)) {
		t.Fatalf("bank holds %v after the deposits, want 11 ether", got)
	}
	res := send(t, c, Tx{From: attacker, To: evil, Data: driveCall(t, b, new(uint256.Int), pack(t, bank.ABI, "withdraw"))})

	if got := c.Balance(b); !got.IsZero() {
		t.Errorf("bank still holds %v wei after the attack", got)
	}
	if got := c.Balance(evil); !got.Eq(ether(11)) {
		t.Errorf("attacker contract holds %v, want 11 ether", got)
	}
	// The trace shows the re-entry: the bank pays the attacker from inside
	// calls the attacker made into the bank.
	var pays, reenters int
	for _, call := range res.Trace.Calls {
		if call.From == b && call.To == evil && call.Value.Eq(ether(1)) {
			pays++
		}
		if call.From == evil && call.To == b && call.Depth > 1 {
			reenters++
		}
		if call.Reverted {
			t.Errorf("call %+v reverted", call)
		}
	}
	if pays != 11 || reenters != 10 {
		t.Errorf("%d payouts and %d re-entries in the trace, want 11 and 10", pays, reenters)
	}
	// The bank's outer frame wrote balances[attacker] after its call out:
	// the write and the call share a depth.
	first := -1
	for _, call := range res.Trace.Calls {
		if call.From == b && call.To == evil {
			first = call.Depth
			break
		}
	}
	late := false
	for _, st := range res.Trace.Stores {
		// Old is already 0 here: the innermost re-entry zeroed it first.
		late = late || st.Addr == b && st.Depth == first && st.New == (common.Hash{})
	}
	if first != 2 || !late {
		t.Errorf("no write of the bank's outer frame (depth %d) after its call: %+v", first, res.Trace.Stores)
	}
	// The counter is spent: a later payment to the attacker just succeeds.
	send(t, c, Tx{From: victim, To: evil, Value: ether(1)})
	if got := c.Storage(evil, common.BigToHash(big.NewInt(slotCount))); got != common.BigToHash(big.NewInt(10)) {
		t.Errorf("re-entry counter %v, want 10", got.Big())
	}
}

func TestAttackerBubblesRevert(t *testing.T) {
	c := New()
	// A target that always reverts with "no".
	target := common.HexToAddress("0x0000000000000000000000000000000000007a67")
	c.SetCode(target, newAsm().push(0x6e6f).push(0).op(vm.MSTORE).push(2).push(30).op(vm.REVERT).bytes())
	evil := common.HexToAddress("0x000000000000000000000000000000000000e011")
	c.SetCode(evil, Attacker(attacker, nil, 1))
	res := c.Send(Tx{From: attacker, To: evil, Data: driveCall(t, target, new(uint256.Int), []byte{1, 2, 3})})
	if !res.Reverted || !errors.Is(res.Err, vm.ErrExecutionReverted) || string(res.Return) != "no" {
		t.Fatalf("got reverted=%v err=%v return=%q, want the target's revert bubbled", res.Reverted, res.Err, res.Return)
	}
	if len(res.Trace.Calls) != 1 || !bytes.Equal(res.Trace.Calls[0].Input, []byte{1, 2, 3}) || !res.Trace.Calls[0].Reverted {
		t.Errorf("calls %+v, want one reverted call with input 010203", res.Trace.Calls)
	}
}

func TestTraceStoresAndAsserts(t *testing.T) {
	bank := compileFixture(t, "v04", "0.4.26", "Bank")
	c := New()
	c.SetBalance(victim, ether(10))
	b := deploy(t, c, bank)
	res := send(t, c, Tx{From: victim, To: b, Value: ether(2), Data: pack(t, bank.ABI, "deposit")})
	if len(res.Trace.Stores) != 1 {
		t.Fatalf("stores %+v, want one (balances[victim])", res.Trace.Stores)
	}
	st := res.Trace.Stores[0]
	if st.Addr != b || st.Old != (common.Hash{}) || st.New != common.Hash(ether(2).Bytes32()) || st.Depth != 1 {
		t.Errorf("store %+v, want balances[victim]: 0 -> 2 ether at depth 1", st)
	}
	if got := c.Storage(b, st.Slot); got != st.New {
		t.Errorf("slot %v holds %v after the tx, want %v", st.Slot, got, st.New)
	}

	// assert in solc 0.4 is INVALID (0xfe): it consumes all gas.
	res = c.Send(Tx{From: victim, To: b, Data: pack(t, bank.ABI, "check", big.NewInt(42))})
	if !res.Reverted || res.Trace.InvalidOps != 1 || len(res.Trace.Panics) != 0 {
		t.Errorf("check(42): reverted=%v invalid=%d panics=%v, want an INVALID", res.Reverted, res.Trace.InvalidOps, res.Trace.Panics)
	}
	var invalid *vm.ErrInvalidOpCode
	if !errors.As(res.Err, &invalid) {
		t.Errorf("check(42): err %v, want invalid opcode", res.Err)
	}
	if res = send(t, c, Tx{From: victim, To: b, Data: pack(t, bank.ABI, "check", big.NewInt(41))}); res.Trace.InvalidOps != 0 {
		t.Errorf("check(41) executed INVALID")
	}

	// assert in solc 0.8 is Panic(0x01).
	vault := compileFixture(t, "v08", "0.8.28", "Vault")
	v := deploy(t, c, vault)
	res = c.Send(Tx{From: victim, To: v, Data: pack(t, vault.ABI, "invariant", big.NewInt(7))})
	if !res.Reverted || len(res.Trace.Panics) != 1 || res.Trace.Panics[0] != 1 || res.Trace.InvalidOps != 0 {
		t.Errorf("invariant(7): reverted=%v panics=%v invalid=%d, want Panic(1)", res.Reverted, res.Trace.Panics, res.Trace.InvalidOps)
	}
	// unchecked arithmetic wraps.
	res = send(t, c, Tx{From: victim, To: v, Data: pack(t, vault.ABI, "unchecked_dec", big.NewInt(0))})
	if !bytes.Equal(res.Return, bytes.Repeat([]byte{0xff}, 32)) {
		t.Errorf("unchecked_dec(0) = %x, want 2^256-1", res.Return)
	}
	var sub *Wrap
	for i, w := range res.Trace.Wraps {
		if w.Addr == v && w.Op == vm.SUB {
			sub = &res.Trace.Wraps[i]
		}
	}
	if sub == nil || !res.Trace.Wrapped(v, sub.PC) {
		t.Fatalf("unchecked_dec(0): wraps %+v, want the SUB that wrapped", res.Trace.Wraps)
	}
	// The same instruction with an operand that fits does not wrap.
	res = send(t, c, Tx{From: victim, To: v, Data: pack(t, vault.ABI, "unchecked_dec", big.NewInt(5))})
	if res.Trace.Wrapped(v, sub.PC) {
		t.Errorf("unchecked_dec(5): pc %d recorded as wrapped: %+v", sub.PC, res.Trace.Wraps)
	}
}

func TestSelfDestruct(t *testing.T) {
	bank := compileFixture(t, "v04", "0.4.26", "Bank")
	c := New()
	c.SetBalance(victim, ether(10))
	b := deploy(t, c, bank)
	send(t, c, Tx{From: victim, To: b, Value: ether(3), Data: pack(t, bank.ABI, "deposit")})
	res := send(t, c, Tx{From: attacker, To: b, Data: pack(t, bank.ABI, "kill")})
	want := SelfDestruct{Addr: b, Beneficiary: attacker, Value: ether(3)}
	if len(res.Trace.SelfDestructs) != 1 || res.Trace.SelfDestructs[0].Addr != want.Addr ||
		res.Trace.SelfDestructs[0].Beneficiary != want.Beneficiary || !res.Trace.SelfDestructs[0].Value.Eq(want.Value) {
		t.Fatalf("selfdestructs %+v, want %+v", res.Trace.SelfDestructs, want)
	}
	if !c.Balance(attacker).Eq(ether(3)) || !c.Balance(b).IsZero() {
		t.Errorf("balances after kill: attacker %v bank %v", c.Balance(attacker), c.Balance(b))
	}
	// EIP-6780: a contract created in an earlier transaction keeps its code.
	if len(c.Code(b)) == 0 {
		t.Errorf("code deleted by a SELFDESTRUCT in a later transaction (EIP-6780 forbids it)")
	}

	// Created and destroyed in one transaction: deleted.
	initcode := newAsm().pushBytes(attacker.Bytes()).op(vm.SELFDESTRUCT).bytes()
	addr, res := c.Deploy(victim, initcode, ether(1))
	if res.Err != nil || len(res.Trace.SelfDestructs) != 1 {
		t.Fatalf("deploy+selfdestruct: err %v, selfdestructs %+v", res.Err, res.Trace.SelfDestructs)
	}
	if len(c.Code(addr)) != 0 || !c.Balance(addr).IsZero() || !c.Balance(attacker).Eq(ether(4)) {
		t.Errorf("after create+selfdestruct: code %x balance %v attacker %v", c.Code(addr), c.Balance(addr), c.Balance(attacker))
	}
}

func TestRevertLeavesStateUnchanged(t *testing.T) {
	c := New()
	// inner stores 1 at slot 7 and reverts; outer stores 2 at slot 0,
	// calls inner, ignores the failure, and stores 3 at slot 1.
	inner := common.HexToAddress("0x0000000000000000000000000000000000000111")
	outer := common.HexToAddress("0x0000000000000000000000000000000000000222")
	c.SetCode(inner, newAsm().push(1).push(7).op(vm.SSTORE).push(0).push(0).op(vm.REVERT).bytes())
	c.SetCode(outer, newAsm().
		push(2).push(0).op(vm.SSTORE).
		push(0).push(0).push(0).push(0).push(0).pushBytes(inner.Bytes()).op(vm.GAS, vm.CALL, vm.POP).
		push(3).push(1).op(vm.SSTORE).op(vm.STOP).bytes())
	res := send(t, c, Tx{From: victim, To: outer})
	if len(res.Trace.Stores) != 2 || res.Trace.Stores[0].Addr != outer || res.Trace.Stores[1].Addr != outer || res.Trace.Stores[1].Depth != 1 {
		t.Errorf("stores %+v, want outer's two (inner's was reverted)", res.Trace.Stores)
	}
	if len(res.Trace.Calls) != 1 || !res.Trace.Calls[0].Reverted || res.Trace.Calls[0].Depth != 1 || res.Trace.Calls[0].Op != vm.CALL {
		t.Errorf("calls %+v, want one reverted CALL at depth 1", res.Trace.Calls)
	}
	if got := c.Storage(inner, common.BigToHash(big.NewInt(7))); got != (common.Hash{}) {
		t.Errorf("inner slot 7 = %v after its revert", got)
	}

	// A whole transaction that reverts changes nothing but the nonce.
	reverter := common.HexToAddress("0x0000000000000000000000000000000000000333")
	c.SetCode(reverter, newAsm().push(5).push(0).op(vm.SSTORE).push(0).push(0).op(vm.REVERT).bytes())
	c.SetBalance(victim, ether(1))
	nonce := c.Nonce(victim)
	res = c.Send(Tx{From: victim, To: reverter, Value: ether(1)})
	if !res.Reverted || !errors.Is(res.Err, vm.ErrExecutionReverted) || len(res.Trace.Stores) != 0 {
		t.Errorf("reverted=%v err=%v stores=%+v", res.Reverted, res.Err, res.Trace.Stores)
	}
	if c.Storage(reverter, common.Hash{}) != (common.Hash{}) || !c.Balance(victim).Eq(ether(1)) || !c.Balance(reverter).IsZero() {
		t.Errorf("state changed by a reverted transaction")
	}
	if c.Nonce(victim) != nonce+1 {
		t.Errorf("nonce %d, want %d", c.Nonce(victim), nonce+1)
	}

	// An invalid transaction (value beyond the balance) does nothing at all.
	res = c.Send(Tx{From: victim, To: reverter, Value: ether(5)})
	if res.Err == nil || !res.Reverted || c.Nonce(victim) != nonce+1 {
		t.Errorf("overspending tx: err=%v nonce=%d", res.Err, c.Nonce(victim))
	}
}

func TestBlockValues(t *testing.T) {
	c := New()
	// Returns TIMESTAMP and NUMBER.
	clock := common.HexToAddress("0x0000000000000000000000000000000000000c10")
	c.SetCode(clock, newAsm().op(vm.TIMESTAMP).push(0).op(vm.MSTORE).op(vm.NUMBER).push(32).op(vm.MSTORE).push(64).push(0).op(vm.RETURN).bytes())
	word := func(r *Result, i int) uint64 { return new(big.Int).SetBytes(r.Return[32*i : 32*i+32]).Uint64() }
	tm, num := c.Block()
	res := send(t, c, Tx{From: victim, To: clock})
	if word(res, 0) != tm || word(res, 1) != num {
		t.Errorf("block (%d, %d), want (%d, %d)", word(res, 0), word(res, 1), tm, num)
	}
	res = send(t, c, Tx{From: victim, To: clock, Time: tm + 86400, Number: num + 7})
	if word(res, 0) != tm+86400 || word(res, 1) != num+7 {
		t.Errorf("per-tx block (%d, %d)", word(res, 0), word(res, 1))
	}
	c.SetBlock(5, 6)
	if res = send(t, c, Tx{From: victim, To: clock}); word(res, 0) != 5 || word(res, 1) != 6 {
		t.Errorf("after SetBlock: (%d, %d)", word(res, 0), word(res, 1))
	}
}

func TestClone(t *testing.T) {
	c := New()
	c.SetBalance(victim, ether(5))
	store := common.HexToAddress("0x0000000000000000000000000000000000000444")
	c.SetCode(store, newAsm().op(vm.CALLVALUE).push(0).op(vm.SSTORE).op(vm.STOP).bytes())
	d := c.Clone()
	send(t, d, Tx{From: victim, To: store, Value: ether(2)})
	if !c.Balance(victim).Eq(ether(5)) || c.Storage(store, common.Hash{}) != (common.Hash{}) {
		t.Errorf("the original chain changed with its clone")
	}
	if !d.Balance(store).Eq(ether(2)) || d.Storage(store, common.Hash{}) != common.Hash(ether(2).Bytes32()) {
		t.Errorf("the clone did not apply its transaction")
	}
	send(t, c, Tx{From: victim, To: store, Value: ether(1)})
	if !d.Balance(store).Eq(ether(2)) || !c.Balance(store).Eq(ether(1)) {
		t.Errorf("chains not independent: clone %v original %v", d.Balance(store), c.Balance(store))
	}
}
