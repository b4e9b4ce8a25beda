package smt

import (
	"testing"

	"github.com/holiman/uint256"
)

func TestHashConsAndFolding(t *testing.T) {
	c := NewCtx()
	x := c.Var("x", 256)
	if c.Add(x, c.Uint(1)) != c.Add(c.Uint(1), x) {
		t.Error("x+1 and 1+x are not the same term")
	}
	if c.Add(c.Add(x, c.Uint(1)), c.Uint(2)) != c.Add(x, c.Uint(3)) {
		t.Error("(x+1)+2 did not fold to x+3")
	}
	if got := c.Add(c.Uint(2), c.Uint(3)); !got.IsConst() || got.Val.Uint64() != 5 {
		t.Errorf("2+3 = %v", got)
	}
	if c.UDiv(c.Uint(7), c.Uint(0)).Val.Uint64() != 0 {
		t.Error("EVM division by zero must give 0")
	}
	// Splitting a word into bytes and joining them gives the word back.
	w := c.Extract(x, 255, 248)
	for i := 1; i < 32; i++ {
		w = c.Concat(w, c.Extract(x, 255-8*i, 248-8*i))
	}
	if w != x {
		t.Errorf("bytes of x rejoined = %v", w)
	}
	// ISZERO(ISZERO(a < b)) is the comparison again.
	lt := c.Ult(x, c.Uint(9))
	b := c.BoolToBV(lt)
	if c.NonZero(c.BoolToBV(c.Eq(c.BoolToBV(c.Eq(b, c.Uint(0))), c.Uint(0)))) != lt {
		t.Error("double ISZERO did not simplify")
	}
	// Reading a stored slot.
	s := c.Store(c.ArrayVar("s"), c.Uint(1), x)
	s = c.Store(s, c.Uint(2), c.Uint(5))
	if c.Select(s, c.Uint(1)) != x {
		t.Error("select over a store at another constant index")
	}
	// Address masking of a value already 160 bits wide is dropped.
	addr := c.ZeroExt(c.Var("caller", 160), 256)
	m := new(uint256.Int).Lsh(uint256.NewInt(1), 160)
	m.SubUint64(m, 1)
	if c.And(addr, c.Const(m)) != addr {
		t.Error("mask of a 160-bit value not dropped")
	}
	if c.Lshr(c.Uint(0x1234), c.Const(new(uint256.Int).SetAllOne())).Val.Uint64() != 0 {
		t.Error("huge shift")
	}
}
