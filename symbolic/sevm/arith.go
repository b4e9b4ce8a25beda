package sevm

import (
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

func bin(op vm.OpCode, f func(c *smt.Ctx, a, b *smt.Term) *smt.Term) {
	def(op, 2, func(e *engine, s *pstate) error {
		a, b := s.pop(), s.pop()
		return s.push(f(e.ctx, a, b))
	})
}

func defArith() {
	def(vm.ADD, 2, func(e *engine, s *pstate) error {
		c := e.ctx
		a, b := s.pop(), s.pop()
		r := c.Add(a, b)
		e.noteOverflow(s, r, c.Ult(r, a), "addition")
		return s.push(r)
	})
	def(vm.SUB, 2, func(e *engine, s *pstate) error {
		c := e.ctx
		a, b := s.pop(), s.pop()
		r := c.Sub(a, b)
		e.noteOverflow(s, r, c.Ult(a, b), "subtraction")
		return s.push(r)
	})
	def(vm.MUL, 2, func(e *engine, s *pstate) error {
		c := e.ctx
		a, b := s.pop(), s.pop()
		r := c.Mul(a, b)
		if !r.IsConst() {
			e.noteOverflow(s, r, mulOverflow(c, a, b), "multiplication")
		}
		return s.push(r)
	})
	bin(vm.DIV, (*smt.Ctx).UDiv)
	bin(vm.SDIV, (*smt.Ctx).SDiv)
	bin(vm.MOD, (*smt.Ctx).URem)
	bin(vm.SMOD, (*smt.Ctx).SRem)
	bin(vm.EXP, (*smt.Ctx).Exp)
	def(vm.ADDMOD, 3, func(e *engine, s *pstate) error {
		a, b, n := s.pop(), s.pop(), s.pop()
		return s.push(e.ctx.AddMod(a, b, n))
	})
	def(vm.MULMOD, 3, func(e *engine, s *pstate) error {
		a, b, n := s.pop(), s.pop(), s.pop()
		return s.push(e.ctx.MulMod(a, b, n))
	})
	def(vm.SIGNEXTEND, 2, func(e *engine, s *pstate) error {
		k, x := s.pop(), s.pop()
		return s.push(signExtend(e.ctx, k, x))
	})
	bin(vm.LT, func(c *smt.Ctx, a, b *smt.Term) *smt.Term { return c.BoolToBV(c.Ult(a, b)) })
	bin(vm.GT, func(c *smt.Ctx, a, b *smt.Term) *smt.Term { return c.BoolToBV(c.Ult(b, a)) })
	bin(vm.SLT, func(c *smt.Ctx, a, b *smt.Term) *smt.Term { return c.BoolToBV(c.Slt(a, b)) })
	bin(vm.SGT, func(c *smt.Ctx, a, b *smt.Term) *smt.Term { return c.BoolToBV(c.Slt(b, a)) })
	def(vm.EQ, 2, func(e *engine, s *pstate) error {
		a, b := s.pop(), s.pop()
		e.noteOwnerCompare(s, a, b)
		return s.push(e.ctx.BoolToBV(e.ctx.Eq(a, b)))
	})
	def(vm.ISZERO, 1, func(e *engine, s *pstate) error {
		c := e.ctx
		return s.push(c.BoolToBV(c.Eq(s.pop(), c.Uint(0))))
	})
	bin(vm.AND, (*smt.Ctx).And)
	bin(vm.OR, (*smt.Ctx).Or)
	bin(vm.XOR, (*smt.Ctx).Xor)
	def(vm.NOT, 1, func(e *engine, s *pstate) error { return s.push(e.ctx.Not(s.pop())) })
	def(vm.BYTE, 2, func(e *engine, s *pstate) error {
		i, x := s.pop(), s.pop()
		return s.push(byteOp(e.ctx, i, x))
	})
	// SHL, SHR and SAR take the shift first, the value second.
	bin(vm.SHL, func(c *smt.Ctx, n, x *smt.Term) *smt.Term { return c.Shl(x, n) })
	bin(vm.SHR, func(c *smt.Ctx, n, x *smt.Term) *smt.Term { return c.Lshr(x, n) })
	bin(vm.SAR, func(c *smt.Ctx, n, x *smt.Term) *smt.Term { return c.Ashr(x, n) })
	def(vm.KECCAK256, 2, opKeccak)
}

// byteOp is BYTE(i, x): the i-th most significant byte, 0 when i >= 32.
func byteOp(c *smt.Ctx, i, x *smt.Term) *smt.Term {
	if v, ok := i.Uint(); ok {
		if !v.IsUint64() || v.Uint64() >= 32 {
			return c.Uint(0)
		}
		k := int(v.Uint64())
		return c.ZeroExt(c.Extract(x, 255-8*k, 248-8*k), 256)
	}
	shift := c.Mul(c.Sub(c.Uint(31), i), c.Uint(8))
	v := c.And(c.Lshr(x, shift), c.Uint(0xff))
	return c.Ite(c.Ult(i, c.Uint(32)), v, c.Uint(0))
}

// signExtend is SIGNEXTEND(k, x): extend the sign of byte k (from the right).
func signExtend(c *smt.Ctx, k, x *smt.Term) *smt.Term {
	if v, ok := k.Uint(); ok {
		if !v.IsUint64() || v.Uint64() >= 31 {
			return x
		}
		if xv, ok := x.Uint(); ok {
			return c.Const(new(uint256.Int).ExtendSign(xv, v))
		}
		bits := 8 * (int(v.Uint64()) + 1)
		low := c.Extract(x, bits-1, 0)
		neg := c.Eq(c.Extract(x, bits-1, bits-1), c.ConstW(u64(1), 1))
		ones := c.ConstW(new(uint256.Int).SetAllOne(), 256-bits)
		zeros := c.ConstW(u64(0), 256-bits)
		return c.Ite(neg, c.Concat(ones, low), c.Concat(zeros, low))
	}
	r := x
	for b := 30; b >= 0; b-- {
		r = c.Ite(c.Eq(k, c.Uint(uint64(b))), signExtend(c, c.Uint(uint64(b)), x), r)
	}
	return r
}

// mulOverflow is the condition under which a*b wraps. With a constant
// factor k it is x > MAX/k, which the solver decides at once; only a product
// of two symbolic values needs the division form.
func mulOverflow(c *smt.Ctx, a, b *smt.Term) *smt.Term {
	if b.IsConst() {
		a, b = b, a
	}
	if k, ok := a.Uint(); ok {
		if k.IsZero() || k.IsUint64() && k.Uint64() == 1 {
			return c.False()
		}
		lim := new(uint256.Int).Div(new(uint256.Int).SetAllOne(), k)
		return c.Ult(c.Const(lim), b)
	}
	// a*b wraps iff a != 0 and (a*b)/a != b.
	return c.BAnd(c.NonZero(a), c.BNot(c.Eq(c.UDiv(c.Mul(a, b), a), b)))
}
