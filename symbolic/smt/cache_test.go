package smt

import (
	"context"
	"math/rand"
	"testing"

	"github.com/holiman/uint256"
)

func TestModelCacheAnswersFromRecentModels(t *testing.T) {
	c := NewCtx()
	m := NewModelCache(c, newZ3(t, c))
	ctx := context.Background()
	x, y := c.Var("x", 8), c.Var("y", 8)
	w := func(v uint64) *Term { return c.ConstW(uint256.NewInt(v), 8) }
	val := func(x *Term) uint64 {
		t.Helper()
		vs, err := m.Values(x)
		if err != nil {
			t.Fatal(err)
		}
		return vs[0].Uint64()
	}
	check := func(want Result, hits, misses int, as ...*Term) {
		t.Helper()
		r, err := m.CheckAssuming(ctx, as...)
		if err != nil || r != want {
			t.Fatalf("check: %v %v, want %v", r, err, want)
		}
		if m.Hits() != hits || m.Misses() != misses {
			t.Fatalf("hits %d misses %d, want %d and %d", m.Hits(), m.Misses(), hits, misses)
		}
	}
	check(Sat, 0, 1, c.Ult(w(100), x), c.Ult(x, w(200)))
	v := val(x)
	if v <= 100 || v >= 200 {
		t.Fatalf("model x = %d", v)
	}
	// The model satisfies a narrower question: no solver.
	check(Sat, 1, 1, c.Ult(w(100), x), c.Eq(x, w(v)))
	if got := val(x); got != v {
		t.Fatalf("cached x = %d, want %d", got, v)
	}
	// Another value needs the solver, and its model is kept too.
	other := 101 + (v-100)%98
	check(Sat, 1, 2, c.Eq(x, w(other)))
	if got := val(x); got != other {
		t.Fatalf("x = %d, want %d", got, other)
	}
	// The older model still answers.
	check(Sat, 2, 2, c.Eq(x, w(v)))
	if got := val(x); got != v {
		t.Fatalf("older model x = %d, want %d", got, v)
	}
	// Unsat comes from the solver, never from a model.
	check(Unsat, 2, 3, c.Ult(x, w(3)), c.Ult(w(5), x))
	// A variable the answering model does not constrain reads 0, and stays 0.
	check(Sat, 3, 3, c.Eq(x, w(v)))
	if got := val(y); got != 0 {
		t.Fatalf("unconstrained y = %d", got)
	}
	check(Sat, 4, 3, c.Eq(x, w(v)), c.Eq(y, w(0)))
	// Scoped assertions clear the cache.
	if err := m.Push(); err != nil {
		t.Fatal(err)
	}
	check(Sat, 4, 4, c.Eq(x, w(v)))
	if err := m.Pop(); err != nil {
		t.Fatal(err)
	}
}

// TestModelCacheAgreesWithTheSolver sends the same random queries to a
// cached and a bare z3: the answers must agree, and every cached Sat's
// model must satisfy its query.
func TestModelCacheAgreesWithTheSolver(t *testing.T) {
	c := NewCtx()
	m := NewModelCache(c, newZ3(t, c))
	bare := newZ3(t, c)
	ctx := context.Background()
	r := rand.New(rand.NewSource(11))
	vars := []*Term{c.Var("a", 16), c.Var("b", 16), c.Var("d", 16)}
	atom := func() *Term {
		a, b := vars[r.Intn(3)], vars[r.Intn(3)]
		k := c.ConstW(uint256.NewInt(uint64(r.Intn(1<<16))), 16)
		switch r.Intn(4) {
		case 0:
			return c.Ult(a, k)
		case 1:
			return c.Ult(k, c.Add(a, b))
		case 2:
			return c.BNot(c.Eq(c.Xor(a, b), k))
		}
		return c.Ult(a, b)
	}
	for i := 0; i < 200; i++ {
		as := make([]*Term, 1+r.Intn(4))
		for j := range as {
			as[j] = atom()
		}
		got, err := m.CheckAssuming(ctx, as...)
		if err != nil {
			t.Fatal(err)
		}
		want, err := bare.CheckAssuming(ctx, as...)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("query %d: cached %v, z3 %v", i, got, want)
		}
		if got != Sat {
			continue
		}
		vals, err := m.Values(vars...)
		if err != nil {
			t.Fatal(err)
		}
		env := map[*Term]*uint256.Int{}
		for k, v := range vars {
			env[v] = vals[k]
		}
		for _, a := range as {
			if e, err := c.Eval(a, env); err != nil || !e.IsTrue() {
				t.Fatalf("query %d: the model %v does not satisfy %v", i, vals, a)
			}
		}
	}
	if m.Hits() == 0 || m.Misses() == 0 {
		t.Errorf("hits %d misses %d: the cache was not exercised both ways", m.Hits(), m.Misses())
	}
}
