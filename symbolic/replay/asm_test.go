package replay

import (
	"bytes"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
)

func TestAsm(t *testing.T) {
	code := newAsm().
		push(0).push(1).push(0x1234).pushLabel("end").op(vm.JUMP).
		dataAt("blob", []byte{0xaa, 0xbb}).
		label("end").op(vm.STOP).bytes()
	want := []byte{
		byte(vm.PUSH0), byte(vm.PUSH1), 1, byte(vm.PUSH2), 0x12, 0x34,
		byte(vm.PUSH2), 0x00, 0x0c, byte(vm.JUMP),
		0xaa, 0xbb,
		byte(vm.JUMPDEST), byte(vm.STOP),
	}
	if !bytes.Equal(code, want) {
		t.Errorf("got %x, want %x", code, want)
	}
	for name, f := range map[string]func(){
		"undefined label": func() { newAsm().pushLabel("x").bytes() },
		"twice":           func() { newAsm().label("x").label("x") },
		"push via op":     func() { newAsm().op(vm.PUSH1) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

// Only the owner drives the attacker: anyone else's call, whatever its
// calldata, is a callback.
func TestAttackerOnlyOwnerDrives(t *testing.T) {
	c := New()
	recorder := common.HexToAddress("0x0000000000000000000000000000000000000ec0")
	c.SetCode(recorder, newAsm().push(1).push(0).op(vm.SSTORE).op(vm.STOP).bytes())
	evil := common.HexToAddress("0x000000000000000000000000000000000000e011")
	c.SetCode(evil, Attacker(attacker, []byte{0xde, 0xad}, 2))

	res := send(t, c, Tx{From: victim, To: evil, Data: driveCall(t, recorder, new(uint256.Int), nil)})
	if c.Storage(recorder, common.Hash{}) != (common.Hash{}) {
		t.Fatal("a stranger made the attacker call its target")
	}
	// The callback re-entered the (unset) last target with `reenter`.
	if len(res.Trace.Calls) != 1 || !bytes.Equal(res.Trace.Calls[0].Input, []byte{0xde, 0xad}) || res.Trace.Calls[0].To != (common.Address{}) {
		t.Errorf("calls %+v, want one call to the zero address with dead", res.Trace.Calls)
	}

	send(t, c, Tx{From: attacker, To: evil, Data: driveCall(t, recorder, new(uint256.Int), nil)})
	if c.Storage(recorder, common.Hash{}) != common.BigToHash(common.Big1) {
		t.Fatal("the owner could not drive the attacker")
	}
	// One re-entry left of two, then none.
	for i, want := range []int{1, 0} {
		res = send(t, c, Tx{From: victim, To: evil})
		if len(res.Trace.Calls) != want {
			t.Errorf("callback %d: %d calls, want %d", i+2, len(res.Trace.Calls), want)
		}
	}
}
