package sevm

import (
	"testing"

	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"
)

// TestOpcodeTableMatchesCancun compares the engine's opcode table with
// go-ethereum's Cancun jump table: the same opcodes defined (INVALID, 0xfe,
// which go-ethereum leaves undefined, is the engine's assert hook), each
// taking the same number of stack items.
func TestOpcodeTableMatchesCancun(t *testing.T) {
	cancun := params.Rules{IsHomestead: true, IsEIP150: true, IsEIP155: true, IsEIP158: true, IsByzantium: true,
		IsConstantinople: true, IsPetersburg: true, IsIstanbul: true, IsBerlin: true, IsLondon: true,
		IsMerge: true, IsShanghai: true, IsCancun: true}
	jt, err := vm.LookupInstructionSet(cancun)
	if err != nil {
		t.Fatal(err)
	}
	defined := 0
	for i := 0; i < 256; i++ {
		op := vm.OpCode(i)
		geth := jt[i].HasCost() || op == vm.STOP
		mine := table[i] != nil
		if op == vm.INVALID {
			if !mine {
				t.Error("INVALID is not defined: asserts before solc 0.8 would go unseen")
			}
			continue
		}
		if geth != mine {
			t.Errorf("%v (0x%02x): defined by go-ethereum's Cancun table %v, by the engine %v", op, i, geth, mine)
			continue
		}
		if !geth {
			continue
		}
		defined++
		if min, _ := jt[i].Stack(); min != table[i].pops {
			t.Errorf("%v: go-ethereum pops %d stack items, the engine %d", op, min, table[i].pops)
		}
	}
	// Cancun defines 148 opcodes (STOP included, INVALID not); fewer means the comparison
	// itself broke (another fork's table).
	if defined != 148 {
		t.Errorf("%d opcodes compared, want 148", defined)
	}
	for _, op := range []vm.OpCode{vm.PUSH0, vm.TLOAD, vm.TSTORE, vm.MCOPY, vm.BLOBHASH, vm.BLOBBASEFEE, vm.BASEFEE, vm.SELFBALANCE, vm.CHAINID} {
		if table[op] == nil {
			t.Errorf("%v missing", op)
		}
	}
}
