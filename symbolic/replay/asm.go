package replay

import (
	"fmt"

	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
)

// asm is a tiny two-pass EVM assembler: opcodes, pushes of constants, and
// labels whose addresses are pushed as 2-byte immediates, so hand-written
// contracts (the attacker) stay readable and their jumps stay right when
// they are edited.
type asm struct {
	items  []asmItem
	labels map[string]bool
}

type asmItem struct {
	op    vm.OpCode
	imm   []byte // immediate of a PUSH of a constant
	ref   string // PUSH2 of this label's address
	label string // JUMPDEST (or data position, when data != nil) named label
	data  []byte // raw bytes placed in the code
}

func newAsm() *asm { return &asm{labels: map[string]bool{}} }

// op appends opcodes without immediates.
func (a *asm) op(ops ...vm.OpCode) *asm {
	for _, o := range ops {
		if o.IsPush() && o != vm.PUSH0 {
			panic(fmt.Sprintf("asm: %v needs an immediate: use push", o))
		}
		a.items = append(a.items, asmItem{op: o})
	}
	return a
}

// push appends the shortest PUSH of v (PUSH0 for zero).
func (a *asm) push(v uint64) *asm { return a.pushU(new(uint256.Int).SetUint64(v)) }

// pushBytes pushes a big-endian constant of 1 to 32 bytes as given.
func (a *asm) pushBytes(b []byte) *asm {
	if len(b) == 0 || len(b) > 32 {
		panic(fmt.Sprintf("asm: push of %d bytes", len(b)))
	}
	a.items = append(a.items, asmItem{op: vm.PUSH1 + vm.OpCode(len(b)-1), imm: append([]byte(nil), b...)})
	return a
}

func (a *asm) pushU(v *uint256.Int) *asm {
	if v.IsZero() {
		return a.op(vm.PUSH0)
	}
	return a.pushBytes(v.Bytes())
}

// pushLabel pushes the code offset of label (resolved at assembly).
func (a *asm) pushLabel(label string) *asm {
	a.items = append(a.items, asmItem{op: vm.PUSH2, ref: label})
	return a
}

// label places a JUMPDEST named label.
func (a *asm) label(label string) *asm {
	a.define(label)
	a.items = append(a.items, asmItem{op: vm.JUMPDEST, label: label})
	return a
}

// dataAt places raw bytes at the current position, named label.
func (a *asm) dataAt(label string, b []byte) *asm {
	a.define(label)
	a.items = append(a.items, asmItem{label: label, data: append([]byte{}, b...)})
	return a
}

func (a *asm) define(label string) {
	if a.labels[label] {
		panic("asm: label defined twice: " + label)
	}
	a.labels[label] = true
}

func (it asmItem) size() int {
	switch {
	case it.data != nil:
		return len(it.data)
	case it.ref != "":
		return 3
	default:
		return 1 + len(it.imm)
	}
}

// bytes assembles the program. Assembly errors are programming errors in
// this package (the programs are fixed), so they panic.
func (a *asm) bytes() []byte {
	addr := map[string]int{}
	pc := 0
	for _, it := range a.items {
		if it.label != "" {
			addr[it.label] = pc
		}
		pc += it.size()
	}
	code := make([]byte, 0, pc)
	for _, it := range a.items {
		switch {
		case it.data != nil:
			code = append(code, it.data...)
		case it.ref != "":
			at, ok := addr[it.ref]
			if !ok {
				panic("asm: undefined label " + it.ref)
			}
			if at > 0xffff {
				panic("asm: label beyond PUSH2 range: " + it.ref)
			}
			code = append(code, byte(vm.PUSH2), byte(at>>8), byte(at))
		default:
			code = append(code, byte(it.op))
			code = append(code, it.imm...)
		}
	}
	return code
}
