// Package smt builds terms over bit-vectors, booleans and arrays, prints them
// as SMT-LIB2 and hands them to a solver process.
//
// Terms are immutable and hash-consed by a Ctx: building the same operation on
// the same arguments twice returns the same *Term, so structural equality is
// pointer equality and the printer can share subterms. Constructors fold
// constant arguments with holiman/uint256 so the concrete part of symbolic
// execution never grows a term tree.
//
// Arithmetic follows the EVM, not SMT-LIB, where they differ: division and
// remainder by zero give zero, EXP, ADDMOD and MULMOD exist as operations.
// The printer emits the SMT-LIB encoding of those semantics.
package smt

import (
	"fmt"
	"strconv"

	"github.com/holiman/uint256"
)

// Kind is the sort of a term.
type Kind uint8

const (
	KindBool  Kind = iota + 1
	KindBV         // bit-vector of Width bits, 1..256
	KindArray      // (Array (_ BitVec 256) (_ BitVec 256))
)

// Op is the operation at the root of a term.
type Op uint8

// Operations. Bit-vector operations take BV arguments of equal width unless
// noted; boolean ones produce KindBool.
const (
	OpConst Op = iota + 1 // BV constant (Val)
	OpTrue
	OpFalse
	OpVar      // BV or Bool variable (Name)
	OpArrayVar // array variable (Name)
	OpConstArray
	OpAdd
	OpSub
	OpMul
	OpUDiv // EVM: x/0 = 0
	OpSDiv // EVM: x/0 = 0
	OpURem // EVM: x%0 = 0
	OpSRem // EVM SMOD: sign of the dividend, x%0 = 0
	OpExp  // uninterpreted unless folded
	OpAddMod
	OpMulMod
	OpAnd
	OpOr
	OpXor
	OpNot
	OpShl  // Shl(x, n): x << n, 0 when n >= width
	OpLshr // Lshr(x, n)
	OpAshr // Ashr(x, n)
	OpConcat
	OpExtract // Extract(x) bits [P0..P1] (hi, lo)
	OpZeroExt
	OpIte // Ite(cond, a, b)
	OpEq
	OpUlt
	OpSlt
	OpBNot
	OpBAnd
	OpBOr
	OpSelect // Select(array, index)
	OpStore  // Store(array, index, value)
	OpKeccak // keccak256 of the concatenated args (P0 bytes)
)

// Term is an immutable node. Fields are exported for reading; build terms only
// through a Ctx.
type Term struct {
	ID    uint32
	Op    Op
	Kind  Kind
	Width int // bits, for KindBV
	Args  []*Term
	P0    int // Extract hi, Keccak length in bytes
	P1    int // Extract lo
	Name  string
	Val   uint256.Int // OpConst
}

// IsConst reports whether t is a bit-vector constant.
func (t *Term) IsConst() bool { return t.Op == OpConst }

// IsTrue and IsFalse report boolean constants.
func (t *Term) IsTrue() bool  { return t.Op == OpTrue }
func (t *Term) IsFalse() bool { return t.Op == OpFalse }

// Uint returns the constant's value; ok is false for a non-constant.
func (t *Term) Uint() (v *uint256.Int, ok bool) {
	if t.Op != OpConst {
		return nil, false
	}
	return &t.Val, true
}

func (t *Term) String() string {
	switch t.Op {
	case OpConst:
		return "0x" + t.Val.Hex()[2:]
	case OpVar, OpArrayVar:
		return t.Name
	case OpTrue:
		return "true"
	case OpFalse:
		return "false"
	}
	s := fmt.Sprintf("(op%d", t.Op)
	for _, a := range t.Args {
		s += " " + a.String()
	}
	return s + ")"
}

type key struct {
	op     Op
	w      uint16
	p0, p1 int32
	a0, a1 uint32
	a2     uint32
	name   string
}

type constKey struct {
	w uint16
	v uint256.Int
}

// KeccakPair is a keccak256 folded on concrete input: the solver states
// keccak_n(In) = Out so symbolic applications stay consistent with it.
type KeccakPair struct {
	In  []byte
	Out *Term
}

// Ctx creates and interns terms. It is not safe for concurrent use; use one
// per analysis.
type Ctx struct {
	terms   map[key]*Term
	consts  map[constKey]*Term
	next    uint32
	tt, ff  *Term
	keccaks []KeccakPair
	seenK   map[string]bool
	byHash  map[uint256.Int]int // keccak output -> index in keccaks
}

// NewCtx returns an empty term context.
func NewCtx() *Ctx {
	c := &Ctx{terms: map[key]*Term{}, consts: map[constKey]*Term{}, seenK: map[string]bool{}, byHash: map[uint256.Int]int{}}
	c.tt = c.intern(&Term{Op: OpTrue, Kind: KindBool})
	c.ff = c.intern(&Term{Op: OpFalse, Kind: KindBool})
	return c
}

// Keccaks returns the concrete keccak evaluations made so far.
func (c *Ctx) Keccaks() []KeccakPair { return c.keccaks }

func (c *Ctx) intern(t *Term) *Term {
	k := key{op: t.Op, w: uint16(t.Width), p0: int32(t.P0), p1: int32(t.P1), name: t.Name}
	switch {
	case len(t.Args) > 3:
		b := make([]byte, 0, 8*len(t.Args))
		for _, a := range t.Args {
			b = strconv.AppendUint(b, uint64(a.ID), 36)
			b = append(b, ',')
		}
		k.name += "|" + string(b)
	default:
		if len(t.Args) > 0 {
			k.a0 = t.Args[0].ID
		}
		if len(t.Args) > 1 {
			k.a1 = t.Args[1].ID
		}
		if len(t.Args) > 2 {
			k.a2 = t.Args[2].ID
		}
	}
	if e, ok := c.terms[k]; ok {
		return e
	}
	c.next++
	t.ID = c.next
	c.terms[k] = t
	return t
}

// Len returns how many distinct terms the context holds.
func (c *Ctx) Len() int { return len(c.terms) + len(c.consts) }
