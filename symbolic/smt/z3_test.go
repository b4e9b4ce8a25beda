package smt

import (
	"context"
	"math/rand"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/holiman/uint256"
)

// newZ3 starts z3 or skips the test (fails under SLEUTH_REQUIRE_Z3=1).
func newZ3(t *testing.T, c *Ctx) *Z3 {
	t.Helper()
	if _, err := exec.LookPath("z3"); err != nil {
		if os.Getenv("SLEUTH_REQUIRE_Z3") == "1" {
			t.Fatal("z3 required (SLEUTH_REQUIRE_Z3=1) but not found")
		}
		t.Skip("z3 not installed")
	}
	z, err := NewZ3(c, Z3Options{Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { z.Close() })
	return z
}

func edgeOrRandom(r *rand.Rand) *uint256.Int {
	edges := []*uint256.Int{
		uint256.NewInt(0), uint256.NewInt(1), uint256.NewInt(2),
		new(uint256.Int).Lsh(uint256.NewInt(1), 255), new(uint256.Int).SetAllOne(),
		uint256.NewInt(255), uint256.NewInt(256),
	}
	if r.Intn(3) == 0 {
		return edges[r.Intn(len(edges))]
	}
	var b [32]byte
	r.Read(b[:])
	if r.Intn(2) == 0 { // small values exercise shifts and byte indices
		return uint256.NewInt(uint64(b[0]))
	}
	return new(uint256.Int).SetBytes(b[:])
}

// TestPrinterAgreesWithFolding checks that the SMT-LIB printed for each
// operation on variables means, in z3, what constant folding computes.
func TestPrinterAgreesWithFolding(t *testing.T) {
	c := NewCtx()
	z := newZ3(t, c)
	r := rand.New(rand.NewSource(7))
	x, y, n := c.Var("x", 256), c.Var("y", 256), c.Var("n", 256)
	type op struct {
		name string
		f    func(a, b, m *Term) *Term
	}
	ops := []op{
		{"add", func(a, b, _ *Term) *Term { return c.Add(a, b) }},
		{"sub", func(a, b, _ *Term) *Term { return c.Sub(a, b) }},
		{"mul", func(a, b, _ *Term) *Term { return c.Mul(a, b) }},
		{"udiv", func(a, b, _ *Term) *Term { return c.UDiv(a, b) }},
		{"sdiv", func(a, b, _ *Term) *Term { return c.SDiv(a, b) }},
		{"urem", func(a, b, _ *Term) *Term { return c.URem(a, b) }},
		{"srem", func(a, b, _ *Term) *Term { return c.SRem(a, b) }},
		{"addmod", func(a, b, m *Term) *Term { return c.AddMod(a, b, m) }},
		{"mulmod", func(a, b, m *Term) *Term { return c.MulMod(a, b, m) }},
		{"shl", func(a, b, _ *Term) *Term { return c.Shl(a, b) }},
		{"lshr", func(a, b, _ *Term) *Term { return c.Lshr(a, b) }},
		{"ashr", func(a, b, _ *Term) *Term { return c.Ashr(a, b) }},
		{"and", func(a, b, _ *Term) *Term { return c.And(a, b) }},
		{"xor", func(a, b, _ *Term) *Term { return c.Xor(a, b) }},
		{"not", func(a, _, _ *Term) *Term { return c.Not(a) }},
		{"slt", func(a, b, _ *Term) *Term { return c.BoolToBV(c.Slt(a, b)) }},
		{"ult", func(a, b, _ *Term) *Term { return c.BoolToBV(c.Ult(a, b)) }},
		{"extract", func(a, _, _ *Term) *Term { return c.ZeroExt(c.Extract(a, 200, 9), 256) }},
	}
	for _, o := range ops {
		sym := o.f(x, y, n)
		for i := 0; i < 6; i++ {
			a, b, m := edgeOrRandom(r), edgeOrRandom(r), edgeOrRandom(r)
			want := o.f(c.Const(a), c.Const(b), c.Const(m))
			if !want.IsConst() {
				t.Fatalf("%s did not fold on constants", o.name)
			}
			z.Push()
			z.Assert(c.Eq(x, c.Const(a)))
			z.Assert(c.Eq(y, c.Const(b)))
			z.Assert(c.Eq(n, c.Const(m)))
			res, err := z.Check(context.Background())
			if err != nil || res != Sat {
				t.Fatalf("%s: %v %v", o.name, res, err)
			}
			got, err := z.Values(sym)
			if err != nil {
				t.Fatal(err)
			}
			if !got[0].Eq(&want.Val) {
				t.Errorf("%s(%s, %s, %s): z3 says %s, folding says %s", o.name, a.Hex(), b.Hex(), m.Hex(), got[0].Hex(), want.Val.Hex())
			}
			z.Pop()
		}
	}
}

func TestPushPopAndModel(t *testing.T) {
	c := NewCtx()
	z := newZ3(t, c)
	x := c.Var("x", 256)
	ctx := context.Background()
	if err := z.Assert(c.Ult(x, c.Uint(10))); err != nil {
		t.Fatal(err)
	}
	z.Push()
	z.Assert(c.Ult(c.Uint(20), x))
	if r, err := z.Check(ctx); err != nil || r != Unsat {
		t.Fatalf("x<10 && x>20: got %v %v, want unsat", r, err)
	}
	z.Pop()
	z.Push()
	z.Assert(c.Eq(c.Mul(x, c.Uint(3)), c.Uint(21)))
	if r, err := z.Check(ctx); err != nil || r != Sat {
		t.Fatalf("3x=21: got %v %v", r, err)
	}
	v, err := z.Values(x, c.Add(x, c.Uint(1)), c.Ult(x, c.Uint(8)))
	if err != nil {
		t.Fatal(err)
	}
	if v[0].Uint64() != 7 || v[1].Uint64() != 8 || v[2].Uint64() != 1 {
		t.Fatalf("model: %v", v)
	}
	z.Pop()
	if err := z.Pop(); err == nil {
		t.Fatal("pop of the base scope should fail")
	}
}

func TestKeccakAxioms(t *testing.T) {
	c := NewCtx()
	z := newZ3(t, c)
	ctx := context.Background()
	a, b := c.Var("a", 256), c.Var("b", 256)
	slot := c.Uint(3)
	ka, kb := c.Keccak(a, slot), c.Keccak(b, slot)
	// Distinct keys cannot collide.
	z.Push()
	z.Assert(c.BNot(c.Eq(a, b)))
	z.Assert(c.Eq(ka, kb))
	if r, _ := z.Check(ctx); r != Unsat {
		t.Fatalf("collision of distinct keys: %v, want unsat", r)
	}
	z.Pop()
	// Mapping entries are never small slots.
	z.Push()
	z.Assert(c.Eq(ka, c.Uint(5)))
	if r, _ := z.Check(ctx); r != Unsat {
		t.Fatalf("keccak = 5: %v, want unsat", r)
	}
	z.Pop()
	// Consistency with a concrete hash: keccak(7 . 3) computed concretely.
	h := c.Keccak(c.Uint(7), slot)
	if !h.IsConst() {
		t.Fatal("concrete keccak did not fold")
	}
	z.Push()
	z.Assert(c.Eq(c.Keccak(b, slot), h))
	if r, _ := z.Check(ctx); r != Sat {
		t.Fatalf("keccak(b.3) = keccak(7.3): %v", r)
	}
	v, err := z.Values(b)
	if err != nil || v[0].Uint64() != 7 {
		t.Fatalf("b = %v (%v), want 7", v, err)
	}
	z.Pop()
}

func TestTimeoutAndRestart(t *testing.T) {
	c := NewCtx()
	z := newZ3(t, c)
	// Factoring a 256-bit product is hard for bit-blasting.
	x, y := c.Var("p", 256), c.Var("q", 256)
	prod, _ := uint256.FromHex("0xd3c21bcecceda1000000d3c21bcecceda1000000d3c21bcecceda1000001")
	z.Assert(c.Ult(c.Uint(1), x))
	z.Assert(c.Ult(c.Uint(1), y))
	z.Assert(c.Ult(x, c.Const(uint256.NewInt(1<<62))))
	z.Assert(c.Ult(y, c.Const(new(uint256.Int).Lsh(uint256.NewInt(1), 200))))
	z.Assert(c.Eq(c.Mul(x, y), c.Const(prod)))
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	r, err := z.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r != Unknown {
		t.Fatalf("factoring within 300ms: got %v, want unknown (timeout)", r)
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Fatalf("timeout not honoured: %v", el)
	}
	// The session survives: a fresh scope still answers.
	z.Push()
	z.Assert(c.Eq(x, c.Uint(1)))
	if r, err := z.Check(context.Background()); err != nil || r != Unsat {
		t.Fatalf("after timeout: %v %v, want unsat", r, err)
	}
	z.Pop()
}

func TestParseErrors(t *testing.T) {
	for _, s := range []string{"(", ")", "((a b)", "|abc", ""} {
		if _, err := parseSexp(s); err == nil {
			t.Errorf("parseSexp(%q) succeeded", s)
		}
	}
	e, err := parseSexp("((x #x0f) (|y z| (_ bv12 256)) (b true))")
	if err != nil || len(e.list) != 3 {
		t.Fatal(err)
	}
	for i, want := range []uint64{15, 12, 1} {
		v, err := e.list[i].list[1].value()
		if err != nil || v.Uint64() != want {
			t.Errorf("value %d = %v %v", i, v, err)
		}
	}
}

// A solver that never answers is killed at the deadline: the check gives
// Unknown in bounded time and the next operation starts a new process.
func TestStuckSolverIsKilled(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	fake := t.TempDir() + "/z3"
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nexec sleep 600\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	c := NewCtx()
	z, err := NewZ3(c, Z3Options{Path: fake, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	z.Assert(c.Eq(c.Var("x", 256), c.Uint(1)))
	start := time.Now()
	r, err := z.Check(context.Background())
	if err != nil || r != Unknown {
		t.Fatalf("stuck solver: %v %v, want unknown", r, err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("stuck solver held the check for %v", el)
	}
	if z.proc != nil {
		t.Fatal("the stuck process was not killed")
	}
	if err := z.Push(); err != nil || z.proc == nil {
		t.Fatalf("no restart after the kill: %v", err)
	}
}
