package smt

import (
	"github.com/holiman/uint256"
)

// KeccakAxioms returns what a solver must know about the keccak
// applications in ts for mappings to behave: keccak is injective (equal
// outputs iff equal inputs; different lengths never collide), agrees with
// the concrete hashes the formula mentions, and its outputs are at least
// 2^64, far from the slots of ordinary state variables. Only the
// applications and hash constants that occur in ts are related, so the
// axioms grow with the query, not with everything hashed so far.
func KeccakAxioms(c *Ctx, ts []*Term) []*Term {
	var apps []*Term
	var hashes []KeccakPair
	seen := map[*Term]bool{}
	var walk func(t *Term)
	walk = func(t *Term) {
		if seen[t] {
			return
		}
		seen[t] = true
		switch t.Op {
		case OpKeccak:
			apps = append(apps, t)
		case OpConst:
			if i, ok := c.byHash[t.Val]; ok && t.Width == 256 {
				hashes = append(hashes, c.keccaks[i])
			}
		}
		for _, a := range t.Args {
			walk(a)
		}
	}
	for _, t := range ts {
		walk(t)
	}
	if len(apps) == 0 {
		return nil
	}
	var out []*Term
	bound := c.Const(new(uint256.Int).Lsh(uint256.NewInt(1), 64))
	for i, a := range apps {
		out = append(out, c.Ule(bound, a))
		for _, b := range apps[i+1:] {
			if a.P0 != b.P0 || !sameShape(a.Args, b.Args) {
				out = append(out, c.BNot(c.Eq(a, b)))
				continue
			}
			out = append(out, c.Eq(c.Eq(a, b), partsEq(c, a.Args, b.Args)))
		}
		for _, h := range hashes {
			if len(h.In) != a.P0 {
				out = append(out, c.BNot(c.Eq(a, h.Out)))
				continue
			}
			parts := make([]*Term, len(a.Args))
			off := 0
			for k, p := range a.Args {
				n := p.Width / 8
				parts[k] = c.ConstW(new(uint256.Int).SetBytes(h.In[off:off+n]), p.Width)
				off += n
			}
			out = append(out, c.Eq(c.Eq(a, h.Out), partsEq(c, a.Args, parts)))
		}
	}
	return out
}

func sameShape(a, b []*Term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Width != b[i].Width {
			return false
		}
	}
	return true
}

func partsEq(c *Ctx, a, b []*Term) *Term {
	r := c.True()
	for i := range a {
		r = c.BAnd(r, c.Eq(a[i], b[i]))
	}
	return r
}
