package smt

import (
	"context"
	"errors"

	"github.com/holiman/uint256"
)

// modelsKept is how many recent models a ModelCache tries before it asks
// the solver.
const modelsKept = 8

// ModelCache is a Solver in front of another that answers a check from a
// recent model when one already satisfies every assumption: a symbolic
// branch asks about both of its sides, and one of them always holds in the
// model that proved the path feasible, so about half of the checks never
// reach the solver. Models are checked by evaluation (Ctx.Eval), with
// keccak256 computed for real, so a cached Sat is a genuine one. Every
// Sat from the solver adds its model (the values of the assumptions'
// variables) to the cache.
//
// Scoped assertions (Push, Assert, Pop) clear the cache: a model of the
// old assertions need not satisfy the new ones. The engine speaks only in
// assumptions.
type ModelCache struct {
	inner  Solver
	ctx    *Ctx
	models []*cachedModel // newest first
	// answered is the model that answered the last check, nil when the
	// solver did: Values reads that model.
	answered *cachedModel
	hits     int
	misses   int
}

type cachedModel struct {
	env  map[*Term]*uint256.Int
	memo map[*Term]bool // boolean terms evaluated under env
}

// NewModelCache puts a model cache in front of inner, for terms of c.
func NewModelCache(c *Ctx, inner Solver) *ModelCache {
	return &ModelCache{inner: inner, ctx: c}
}

// Hits and Misses count the checks answered from a model and by the solver.
func (m *ModelCache) Hits() int   { return m.hits }
func (m *ModelCache) Misses() int { return m.misses }

func (m *ModelCache) reset() { m.models, m.answered = nil, nil }

func (m *ModelCache) Push() error          { m.reset(); return m.inner.Push() }
func (m *ModelCache) Pop() error           { m.reset(); return m.inner.Pop() }
func (m *ModelCache) Assert(t *Term) error { m.reset(); return m.inner.Assert(t) }
func (m *ModelCache) Close() error         { m.reset(); return m.inner.Close() }

func (m *ModelCache) Check(ctx context.Context) (Result, error) { return m.CheckAssuming(ctx) }

// CheckAssuming answers from the newest model satisfying every assumption,
// else asks the solver and keeps its model when the answer is Sat.
func (m *ModelCache) CheckAssuming(ctx context.Context, as ...*Term) (Result, error) {
	for i, md := range m.models {
		if md.satisfies(m.ctx, as) {
			m.hits++
			m.answered = md
			if i > 0 { // most recently useful first
				copy(m.models[1:i+1], m.models[:i])
				m.models[0] = md
			}
			return Sat, nil
		}
	}
	m.misses++
	m.answered = nil
	r, err := m.inner.CheckAssuming(ctx, as...)
	if err != nil || r != Sat {
		return r, err
	}
	vars := Vars(as...)
	vals, verr := m.inner.Values(vars...)
	if verr != nil || len(vals) != len(vars) {
		return r, nil // the answer stands; the model is just not cached
	}
	md := &cachedModel{env: make(map[*Term]*uint256.Int, len(vars)), memo: map[*Term]bool{}}
	for i, v := range vars {
		md.env[v] = vals[i]
	}
	m.models = append([]*cachedModel{md}, m.models...)
	if len(m.models) > modelsKept {
		m.models = m.models[:modelsKept]
	}
	return r, nil
}

// satisfies reports whether every assumption evaluates to true under the
// model; a variable the model has no value for makes it false.
func (md *cachedModel) satisfies(c *Ctx, as []*Term) bool {
	for _, a := range as {
		if ok, seen := md.memo[a]; seen {
			if !ok {
				return false
			}
			continue
		}
		ok := false
		if r, err := c.Eval(a, md.env); err == nil {
			ok = r.IsTrue()
		}
		md.memo[a] = ok
		if !ok {
			return false
		}
	}
	return true
}

// Values reads the model of the last check: the cached one that answered
// it, or the solver's. Variables the cached model does not constrain get
// 0, kept in the model so later answers agree.
func (m *ModelCache) Values(ts ...*Term) ([]*uint256.Int, error) {
	md := m.answered
	if md == nil {
		return m.inner.Values(ts...)
	}
	for _, v := range Vars(ts...) {
		if _, ok := md.env[v]; !ok {
			md.env[v] = new(uint256.Int)
		}
	}
	out := make([]*uint256.Int, len(ts))
	for i, t := range ts {
		r, err := m.ctx.Eval(t, md.env)
		if err != nil {
			return nil, err
		}
		switch {
		case r.IsTrue():
			out[i] = uint256.NewInt(1)
		case r.IsFalse():
			out[i] = new(uint256.Int)
		default:
			v, ok := r.Uint()
			if !ok {
				return nil, errors.New("smt: a cached model does not give the term a value")
			}
			out[i] = new(uint256.Int).Set(v)
		}
	}
	return out, nil
}
