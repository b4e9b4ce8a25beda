package smt

import (
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
)

// True and False are the boolean constants.
func (c *Ctx) True() *Term  { return c.tt }
func (c *Ctx) False() *Term { return c.ff }

// Bool returns the boolean constant b.
func (c *Ctx) Bool(b bool) *Term {
	if b {
		return c.tt
	}
	return c.ff
}

// Const returns the 256-bit constant v.
func (c *Ctx) Const(v *uint256.Int) *Term { return c.ConstW(v, 256) }

// Uint returns the 256-bit constant u.
func (c *Ctx) Uint(u uint64) *Term { return c.ConstW(uint256.NewInt(u), 256) }

// ConstW returns the constant v truncated to w bits.
func (c *Ctx) ConstW(v *uint256.Int, w int) *Term {
	k := constKey{w: uint16(w), v: *v}
	if w < 256 {
		k.v = *mask(new(uint256.Int).Set(v), w)
	}
	if t, ok := c.consts[k]; ok {
		return t
	}
	c.next++
	t := &Term{ID: c.next, Op: OpConst, Kind: KindBV, Width: w, Val: k.v}
	c.consts[k] = t
	return t
}

func mask(v *uint256.Int, w int) *uint256.Int {
	if w >= 256 {
		return v
	}
	m := new(uint256.Int).Lsh(uint256.NewInt(1), uint(w))
	m.SubUint64(m, 1)
	return v.And(v, m)
}

// Var returns the bit-vector variable name of width w.
func (c *Ctx) Var(name string, w int) *Term {
	return c.intern(&Term{Op: OpVar, Kind: KindBV, Width: w, Name: name})
}

// BoolVar returns the boolean variable name.
func (c *Ctx) BoolVar(name string) *Term {
	return c.intern(&Term{Op: OpVar, Kind: KindBool, Name: name})
}

// ArrayVar returns the array variable name (BV256 -> BV256).
func (c *Ctx) ArrayVar(name string) *Term {
	return c.intern(&Term{Op: OpArrayVar, Kind: KindArray, Name: name})
}

// ConstArray returns the array mapping every index to v.
func (c *Ctx) ConstArray(v *Term) *Term {
	return c.intern(&Term{Op: OpConstArray, Kind: KindArray, Args: []*Term{v}})
}

func (c *Ctx) bv(op Op, w int, args ...*Term) *Term {
	return c.intern(&Term{Op: op, Kind: KindBV, Width: w, Args: args})
}

func (c *Ctx) boolean(op Op, args ...*Term) *Term {
	return c.intern(&Term{Op: op, Kind: KindBool, Args: args})
}

func both(a, b *Term) (x, y *uint256.Int, ok bool) {
	if a.Op == OpConst && b.Op == OpConst {
		return &a.Val, &b.Val, true
	}
	return nil, nil, false
}

func isVal(t *Term, u uint64) bool {
	return t.Op == OpConst && t.Val.IsUint64() && t.Val.Uint64() == u
}

func isOnes(t *Term) bool {
	if t.Op != OpConst {
		return false
	}
	return t.Val.Eq(mask(new(uint256.Int).SetAllOne(), t.Width))
}

// commute puts a constant argument second so x+1 and 1+x intern alike.
func commute(a, b *Term) (*Term, *Term) {
	if a.Op == OpConst || (b.Op != OpConst && a.ID > b.ID) {
		return b, a
	}
	return a, b
}

// Add returns a+b modulo 2^width.
func (c *Ctx) Add(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.ConstW(new(uint256.Int).Add(x, y), a.Width)
	}
	a, b = commute(a, b)
	if isVal(b, 0) {
		return a
	}
	// (x + c1) + c2 => x + (c1+c2): offsets into arrays and structs chain this way.
	if b.Op == OpConst && a.Op == OpAdd && a.Args[1].Op == OpConst {
		return c.Add(a.Args[0], c.ConstW(new(uint256.Int).Add(&a.Args[1].Val, &b.Val), a.Width))
	}
	return c.bv(OpAdd, a.Width, a, b)
}

// Sub returns a-b modulo 2^width.
func (c *Ctx) Sub(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.ConstW(new(uint256.Int).Sub(x, y), a.Width)
	}
	if isVal(b, 0) {
		return a
	}
	if a == b {
		return c.ConstW(new(uint256.Int), a.Width)
	}
	return c.bv(OpSub, a.Width, a, b)
}

// Mul returns a*b modulo 2^width.
func (c *Ctx) Mul(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.ConstW(new(uint256.Int).Mul(x, y), a.Width)
	}
	a, b = commute(a, b)
	if isVal(b, 0) {
		return b
	}
	if isVal(b, 1) {
		return a
	}
	return c.bv(OpMul, a.Width, a, b)
}

// UDiv is EVM DIV.
func (c *Ctx) UDiv(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.ConstW(new(uint256.Int).Div(x, y), a.Width)
	}
	if isVal(b, 1) {
		return a
	}
	if isVal(b, 0) || isVal(a, 0) {
		return c.ConstW(new(uint256.Int), a.Width)
	}
	return c.bv(OpUDiv, a.Width, a, b)
}

// SDiv is EVM SDIV (256 bits).
func (c *Ctx) SDiv(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.Const(new(uint256.Int).SDiv(x, y))
	}
	if isVal(b, 1) {
		return a
	}
	if isVal(b, 0) || isVal(a, 0) {
		return c.Uint(0)
	}
	return c.bv(OpSDiv, 256, a, b)
}

// URem is EVM MOD.
func (c *Ctx) URem(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.ConstW(new(uint256.Int).Mod(x, y), a.Width)
	}
	if isVal(b, 0) || isVal(b, 1) || isVal(a, 0) {
		return c.ConstW(new(uint256.Int), a.Width)
	}
	return c.bv(OpURem, a.Width, a, b)
}

// SRem is EVM SMOD (256 bits).
func (c *Ctx) SRem(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.Const(new(uint256.Int).SMod(x, y))
	}
	if isVal(b, 0) || isVal(b, 1) || isVal(a, 0) {
		return c.Uint(0)
	}
	return c.bv(OpSRem, 256, a, b)
}

// Exp is EVM EXP. A symbolic power of two becomes a shift; any other
// symbolic exponentiation stays an uninterpreted function.
func (c *Ctx) Exp(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.Const(new(uint256.Int).Exp(x, y))
	}
	if isVal(b, 0) {
		return c.Uint(1)
	}
	if isVal(b, 1) {
		return a
	}
	if isVal(a, 2) {
		return c.Shl(c.Uint(1), b)
	}
	if isVal(a, 1) {
		return c.Uint(1)
	}
	if isVal(a, 0) {
		return c.Ite(c.Eq(b, c.Uint(0)), c.Uint(1), c.Uint(0))
	}
	if b.Op == OpConst && b.Val.IsUint64() && b.Val.Uint64() <= 8 {
		r := a
		for i := uint64(1); i < b.Val.Uint64(); i++ {
			r = c.Mul(r, a)
		}
		return r
	}
	return c.bv(OpExp, 256, a, b)
}

// AddMod is EVM ADDMOD (computed without wrapping).
func (c *Ctx) AddMod(a, b, n *Term) *Term {
	if a.Op == OpConst && b.Op == OpConst && n.Op == OpConst {
		return c.Const(new(uint256.Int).AddMod(&a.Val, &b.Val, &n.Val))
	}
	if isVal(n, 0) {
		return c.Uint(0)
	}
	return c.bv(OpAddMod, 256, a, b, n)
}

// MulMod is EVM MULMOD (computed without wrapping).
func (c *Ctx) MulMod(a, b, n *Term) *Term {
	if a.Op == OpConst && b.Op == OpConst && n.Op == OpConst {
		return c.Const(new(uint256.Int).MulMod(&a.Val, &b.Val, &n.Val))
	}
	if isVal(n, 0) || isVal(a, 0) || isVal(b, 0) {
		return c.Uint(0)
	}
	return c.bv(OpMulMod, 256, a, b, n)
}

// And is bitwise and.
func (c *Ctx) And(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.ConstW(new(uint256.Int).And(x, y), a.Width)
	}
	a, b = commute(a, b)
	if isVal(b, 0) {
		return b
	}
	if isOnes(b) || a == b {
		return a
	}
	// x & (2^k-1) where x already fits in k bits: solc masks addresses and
	// small integers after every load.
	if b.Op == OpConst && b.Val.BitLen() >= fits(a) && isOnes(c.ConstW(&b.Val, b.Val.BitLen())) {
		return a
	}
	return c.bv(OpAnd, a.Width, a, b)
}

// fits returns how many low bits of t can be non-zero, when known cheaply.
func fits(t *Term) int {
	switch t.Op {
	case OpConst:
		return t.Val.BitLen()
	case OpZeroExt:
		return t.Args[0].Width
	case OpAnd:
		if t.Args[1].Op == OpConst {
			return t.Args[1].Val.BitLen()
		}
	case OpIte:
		return max(fits(t.Args[1]), fits(t.Args[2]))
	case OpLshr:
		if t.Args[1].Op == OpConst && t.Args[1].Val.IsUint64() && t.Args[1].Val.Uint64() < 256 {
			return t.Width - int(t.Args[1].Val.Uint64())
		}
	}
	return t.Width
}

// Or is bitwise or.
func (c *Ctx) Or(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.ConstW(new(uint256.Int).Or(x, y), a.Width)
	}
	a, b = commute(a, b)
	if isVal(b, 0) || a == b {
		return a
	}
	if isOnes(b) {
		return b
	}
	return c.bv(OpOr, a.Width, a, b)
}

// Xor is bitwise exclusive or.
func (c *Ctx) Xor(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.ConstW(new(uint256.Int).Xor(x, y), a.Width)
	}
	a, b = commute(a, b)
	if isVal(b, 0) {
		return a
	}
	if a == b {
		return c.ConstW(new(uint256.Int), a.Width)
	}
	return c.bv(OpXor, a.Width, a, b)
}

// Not is bitwise complement.
func (c *Ctx) Not(a *Term) *Term {
	if a.Op == OpConst {
		return c.ConstW(new(uint256.Int).Not(&a.Val), a.Width)
	}
	if a.Op == OpNot {
		return a.Args[0]
	}
	return c.bv(OpNot, a.Width, a)
}

func shiftAmount(n *Term, w int) (uint, bool) {
	if n.Op != OpConst {
		return 0, false
	}
	if !n.Val.IsUint64() || n.Val.Uint64() >= uint64(w) {
		return uint(w), true
	}
	return uint(n.Val.Uint64()), true
}

// Shl returns x << n (0 when n >= width).
func (c *Ctx) Shl(x, n *Term) *Term {
	if k, ok := shiftAmount(n, x.Width); ok {
		if k == 0 {
			return x
		}
		if k >= uint(x.Width) {
			return c.ConstW(new(uint256.Int), x.Width)
		}
		if x.Op == OpConst {
			return c.ConstW(new(uint256.Int).Lsh(&x.Val, k), x.Width)
		}
		n = c.ConstW(uint256.NewInt(uint64(k)), x.Width)
	}
	if isVal(x, 0) {
		return x
	}
	return c.bv(OpShl, x.Width, x, n)
}

// Lshr returns x >> n, logical.
func (c *Ctx) Lshr(x, n *Term) *Term {
	if k, ok := shiftAmount(n, x.Width); ok {
		if k == 0 {
			return x
		}
		if k >= uint(x.Width) {
			return c.ConstW(new(uint256.Int), x.Width)
		}
		if x.Op == OpConst {
			return c.ConstW(new(uint256.Int).Rsh(&x.Val, k), x.Width)
		}
		if x.Width == 256 && k%8 == 0 {
			// Selector extraction: calldataload(0) >> 224.
			return c.ZeroExt(c.Extract(x, 255, int(k)), 256)
		}
		n = c.ConstW(uint256.NewInt(uint64(k)), x.Width)
	}
	if isVal(x, 0) {
		return x
	}
	return c.bv(OpLshr, x.Width, x, n)
}

// Ashr returns x >> n, arithmetic (256 bits).
func (c *Ctx) Ashr(x, n *Term) *Term {
	if x.Op == OpConst && n.Op == OpConst {
		if !n.Val.IsUint64() || n.Val.Uint64() >= 256 {
			if x.Val.Sign() < 0 {
				return c.Const(new(uint256.Int).SetAllOne())
			}
			return c.Uint(0)
		}
		return c.Const(new(uint256.Int).SRsh(&x.Val, uint(n.Val.Uint64())))
	}
	if isVal(n, 0) {
		return x
	}
	return c.bv(OpAshr, x.Width, x, n)
}

// Concat returns hi ++ lo; the widths must add up to at most 256.
func (c *Ctx) Concat(hi, lo *Term) *Term {
	w := hi.Width + lo.Width
	if x, y, ok := both(hi, lo); ok {
		v := new(uint256.Int).Lsh(x, uint(lo.Width))
		return c.ConstW(v.Or(v, y), w)
	}
	// Adjacent slices of one word fuse back: memory splits words into bytes
	// and MLOAD reassembles them.
	if hi.Op == OpExtract && lo.Op == OpExtract && hi.Args[0] == lo.Args[0] && hi.P1 == lo.P0+1 {
		return c.Extract(hi.Args[0], hi.P0, lo.P1)
	}
	if hi.Op == OpConst && hi.Val.IsZero() {
		return c.ZeroExt(lo, w)
	}
	return c.bv(OpConcat, w, hi, lo)
}

// Extract returns bits hi..lo of x.
func (c *Ctx) Extract(x *Term, hi, lo int) *Term {
	w := hi - lo + 1
	if lo == 0 && hi == x.Width-1 {
		return x
	}
	switch x.Op {
	case OpConst:
		return c.ConstW(new(uint256.Int).Rsh(&x.Val, uint(lo)), w)
	case OpExtract:
		return c.Extract(x.Args[0], x.P1+hi, x.P1+lo)
	case OpConcat:
		l := x.Args[1]
		if hi < l.Width {
			return c.Extract(l, hi, lo)
		}
		if lo >= l.Width {
			return c.Extract(x.Args[0], hi-l.Width, lo-l.Width)
		}
	case OpZeroExt:
		in := x.Args[0]
		if hi < in.Width {
			return c.Extract(in, hi, lo)
		}
		if lo >= in.Width {
			return c.ConstW(new(uint256.Int), w)
		}
	}
	return c.intern(&Term{Op: OpExtract, Kind: KindBV, Width: w, Args: []*Term{x}, P0: hi, P1: lo})
}

// ZeroExt widens x to w bits.
func (c *Ctx) ZeroExt(x *Term, w int) *Term {
	if x.Width == w {
		return x
	}
	if x.Op == OpConst {
		return c.ConstW(&x.Val, w)
	}
	return c.bv(OpZeroExt, w, x)
}

// Ite returns cond ? a : b.
func (c *Ctx) Ite(cond, a, b *Term) *Term {
	switch {
	case cond.Op == OpTrue:
		return a
	case cond.Op == OpFalse:
		return b
	case a == b:
		return a
	case cond.Op == OpBNot:
		return c.Ite(cond.Args[0], b, a)
	}
	w := a.Width
	return c.intern(&Term{Op: OpIte, Kind: a.Kind, Width: w, Args: []*Term{cond, a, b}})
}

// Eq returns a = b.
func (c *Ctx) Eq(a, b *Term) *Term {
	if a == b {
		return c.tt
	}
	if x, y, ok := both(a, b); ok {
		return c.Bool(x.Eq(y))
	}
	a, b = commute(a, b)
	// (ite c k1 k2) = k: solc's ISZERO chains on comparison results.
	if b.Op == OpConst && a.Op == OpIte && a.Args[1].Op == OpConst && a.Args[2].Op == OpConst {
		t, f := a.Args[1].Val.Eq(&b.Val), a.Args[2].Val.Eq(&b.Val)
		switch {
		case t && f:
			return c.tt
		case t:
			return a.Args[0]
		case f:
			return c.BNot(a.Args[0])
		default:
			return c.ff
		}
	}
	if a.Kind == KindBool {
		return c.BOr(c.BAnd(a, b), c.BAnd(c.BNot(a), c.BNot(b)))
	}
	return c.boolean(OpEq, a, b)
}

// Ult returns a < b, unsigned.
func (c *Ctx) Ult(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.Bool(x.Lt(y))
	}
	if a == b || isVal(b, 0) {
		return c.ff
	}
	return c.boolean(OpUlt, a, b)
}

// Slt returns a < b, signed (256 bits).
func (c *Ctx) Slt(a, b *Term) *Term {
	if x, y, ok := both(a, b); ok {
		return c.Bool(x.Slt(y))
	}
	if a == b {
		return c.ff
	}
	return c.boolean(OpSlt, a, b)
}

// Ule returns a <= b, unsigned.
func (c *Ctx) Ule(a, b *Term) *Term { return c.BNot(c.Ult(b, a)) }

// BNot is boolean negation.
func (c *Ctx) BNot(a *Term) *Term {
	switch a.Op {
	case OpTrue:
		return c.ff
	case OpFalse:
		return c.tt
	case OpBNot:
		return a.Args[0]
	}
	return c.boolean(OpBNot, a)
}

// BAnd is boolean conjunction.
func (c *Ctx) BAnd(a, b *Term) *Term {
	switch {
	case a.Op == OpFalse || b.Op == OpFalse:
		return c.ff
	case a.Op == OpTrue:
		return b
	case b.Op == OpTrue || a == b:
		return a
	}
	a, b = commute(a, b)
	return c.boolean(OpBAnd, a, b)
}

// BOr is boolean disjunction.
func (c *Ctx) BOr(a, b *Term) *Term {
	switch {
	case a.Op == OpTrue || b.Op == OpTrue:
		return c.tt
	case a.Op == OpFalse:
		return b
	case b.Op == OpFalse || a == b:
		return a
	}
	a, b = commute(a, b)
	return c.boolean(OpBOr, a, b)
}

// BoolToBV returns 1 when b holds, else 0 (256 bits).
func (c *Ctx) BoolToBV(b *Term) *Term { return c.Ite(b, c.Uint(1), c.Uint(0)) }

// NonZero returns x != 0.
func (c *Ctx) NonZero(x *Term) *Term { return c.BNot(c.Eq(x, c.ConstW(new(uint256.Int), x.Width))) }

// Select reads arr[i]. Stores at other constant indices are skipped.
func (c *Ctx) Select(arr, i *Term) *Term {
	for {
		switch arr.Op {
		case OpStore:
			j := arr.Args[1]
			if j == i {
				return arr.Args[2]
			}
			if j.Op == OpConst && i.Op == OpConst {
				arr = arr.Args[0]
				continue
			}
		case OpConstArray:
			return arr.Args[0]
		}
		return c.bv(OpSelect, 256, arr, i)
	}
}

// Store returns arr with arr[i] = v.
func (c *Ctx) Store(arr, i, v *Term) *Term {
	// Overwriting the same index drops the older store.
	if arr.Op == OpStore && arr.Args[1] == i {
		arr = arr.Args[0]
	}
	return c.intern(&Term{Op: OpStore, Kind: KindArray, Args: []*Term{arr, i, v}})
}

// Keccak returns keccak256 of the concatenation of parts (widths multiples
// of 8). Concrete input folds to the real hash; symbolic input gives an
// application of the uninterpreted function keccak_<bytes>.
func (c *Ctx) Keccak(parts ...*Term) *Term {
	n := 0
	concrete := true
	for _, p := range parts {
		n += p.Width / 8
		concrete = concrete && p.Op == OpConst
	}
	if concrete {
		buf := make([]byte, 0, n)
		for _, p := range parts {
			b := p.Val.Bytes32()
			buf = append(buf, b[32-p.Width/8:]...)
		}
		out := c.Const(new(uint256.Int).SetBytes(crypto.Keccak256(buf)))
		if !c.seenK[string(buf)] {
			c.seenK[string(buf)] = true
			c.byHash[out.Val] = len(c.keccaks)
			c.keccaks = append(c.keccaks, KeccakPair{In: buf, Out: out})
		}
		return out
	}
	return c.intern(&Term{Op: OpKeccak, Kind: KindBV, Width: 256, Args: parts, P0: n})
}
