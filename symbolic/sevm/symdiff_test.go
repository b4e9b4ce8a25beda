package sevm

import (
	"context"
	"math/rand"
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// TestSymbolicByteAndSignExtend checks the symbolic encodings of BYTE and
// SIGNEXTEND (built from shifts, extracts and if-then-else chains) against
// their concrete folding, through z3.
func TestSymbolicByteAndSignExtend(t *testing.T) {
	requireZ3(t)
	c := smt.NewCtx()
	z, err := smt.NewZ3(c, smt.Z3Options{Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	i, x := c.Var("i", 256), c.Var("x", 256)
	ops := []struct {
		name string
		f    func(a, b *smt.Term) *smt.Term
	}{
		{"byte", func(a, b *smt.Term) *smt.Term { return byteOp(c, a, b) }},
		{"signextend", func(a, b *smt.Term) *smt.Term { return signExtend(c, a, b) }},
	}
	r := rand.New(rand.NewSource(3))
	for _, op := range ops {
		name, f := op.name, op.f
		sym := f(i, x)
		for n := 0; n < 25; n++ {
			a := uint256.NewInt(uint64(r.Intn(40)))
			b := randWord(r)
			want := f(c.Const(a), c.Const(b))
			res, err := z.CheckAssuming(context.Background(), c.Eq(i, c.Const(a)), c.Eq(x, c.Const(b)))
			if err != nil || res != smt.Sat {
				t.Fatalf("%s: %v %v", name, res, err)
			}
			got, err := z.Values(sym)
			if err != nil {
				t.Fatal(err)
			}
			if !got[0].Eq(&want.Val) {
				t.Errorf("%s(%s, %s): symbolic %s, concrete %s", name, a, b.Hex(), got[0].Hex(), want.Val.Hex())
			}
		}
	}
}
