package smt

import (
	"fmt"

	"github.com/holiman/uint256"
)

// Vars returns the variables t depends on (bit-vector and boolean), each
// once, in first-visit order.
func Vars(ts ...*Term) []*Term {
	seen := map[*Term]bool{}
	var out []*Term
	var walk func(t *Term)
	walk = func(t *Term) {
		if seen[t] {
			return
		}
		seen[t] = true
		if t.Op == OpVar {
			out = append(out, t)
		}
		for _, a := range t.Args {
			walk(a)
		}
	}
	for _, t := range ts {
		walk(t)
	}
	return out
}

// Eval computes t with every variable replaced by its value in env
// (booleans as 0/1). Folding does the work, so keccak256 gets the real hash
// rather than whatever a model picked for the uninterpreted function.
func (c *Ctx) Eval(t *Term, env map[*Term]*uint256.Int) (*Term, error) {
	memo := map[*Term]*Term{}
	var ev func(t *Term) (*Term, error)
	ev = func(t *Term) (*Term, error) {
		if r, ok := memo[t]; ok {
			return r, nil
		}
		var r *Term
		switch t.Op {
		case OpConst, OpTrue, OpFalse:
			return t, nil
		case OpVar:
			v, ok := env[t]
			if !ok {
				return nil, fmt.Errorf("smt: no value for %s", t.Name)
			}
			if t.Kind == KindBool {
				r = c.Bool(!v.IsZero())
			} else {
				r = c.ConstW(v, t.Width)
			}
			memo[t] = r
			return r, nil
		case OpArrayVar:
			return nil, fmt.Errorf("smt: no value for array %s", t.Name)
		}
		a := make([]*Term, len(t.Args))
		for i, x := range t.Args {
			v, err := ev(x)
			if err != nil {
				return nil, err
			}
			a[i] = v
		}
		r = c.rebuild(t, a)
		memo[t] = r
		return r, nil
	}
	return ev(t)
}

// rebuild applies t's operation to new arguments.
func (c *Ctx) rebuild(t *Term, a []*Term) *Term {
	switch t.Op {
	case OpConstArray:
		return c.ConstArray(a[0])
	case OpAdd:
		return c.Add(a[0], a[1])
	case OpSub:
		return c.Sub(a[0], a[1])
	case OpMul:
		return c.Mul(a[0], a[1])
	case OpUDiv:
		return c.UDiv(a[0], a[1])
	case OpSDiv:
		return c.SDiv(a[0], a[1])
	case OpURem:
		return c.URem(a[0], a[1])
	case OpSRem:
		return c.SRem(a[0], a[1])
	case OpExp:
		return c.Exp(a[0], a[1])
	case OpAddMod:
		return c.AddMod(a[0], a[1], a[2])
	case OpMulMod:
		return c.MulMod(a[0], a[1], a[2])
	case OpAnd:
		return c.And(a[0], a[1])
	case OpOr:
		return c.Or(a[0], a[1])
	case OpXor:
		return c.Xor(a[0], a[1])
	case OpNot:
		return c.Not(a[0])
	case OpShl:
		return c.Shl(a[0], a[1])
	case OpLshr:
		return c.Lshr(a[0], a[1])
	case OpAshr:
		return c.Ashr(a[0], a[1])
	case OpConcat:
		return c.Concat(a[0], a[1])
	case OpExtract:
		return c.Extract(a[0], t.P0, t.P1)
	case OpZeroExt:
		return c.ZeroExt(a[0], t.Width)
	case OpIte:
		return c.Ite(a[0], a[1], a[2])
	case OpEq:
		return c.Eq(a[0], a[1])
	case OpUlt:
		return c.Ult(a[0], a[1])
	case OpSlt:
		return c.Slt(a[0], a[1])
	case OpBNot:
		return c.BNot(a[0])
	case OpBAnd:
		return c.BAnd(a[0], a[1])
	case OpBOr:
		return c.BOr(a[0], a[1])
	case OpSelect:
		return c.Select(a[0], a[1])
	case OpStore:
		return c.Store(a[0], a[1], a[2])
	case OpKeccak:
		return c.Keccak(a...)
	}
	return t
}
