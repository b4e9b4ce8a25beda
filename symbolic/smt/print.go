package smt

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/holiman/uint256"
)

// Printer turns terms into SMT-LIB2 commands for one incremental session.
// Every compound term is defined once with define-fun and referred to by name
// afterwards, so shared subterms (hash-consing makes them pointer-equal) are
// printed once. Definitions live in the assertion scope they were made in;
// Push and Pop keep the printer's memory of them in step with the solver's.
type Printer struct {
	ctx    *Ctx
	scopes []*scope
}

type scope struct {
	defined map[uint32]bool
	funcs   map[string]bool
}

// NewPrinter returns a printer for terms of ctx.
func NewPrinter(ctx *Ctx) *Printer {
	return &Printer{ctx: ctx, scopes: []*scope{newScope()}}
}

func newScope() *scope {
	return &scope{defined: map[uint32]bool{}, funcs: map[string]bool{}}
}

// Push opens a scope.
func (p *Printer) Push() { p.scopes = append(p.scopes, newScope()) }

// Pop forgets the definitions of the innermost scope.
func (p *Printer) Pop() {
	if len(p.scopes) > 1 {
		p.scopes = p.scopes[:len(p.scopes)-1]
	}
}

func (p *Printer) isDefined(id uint32) bool {
	for _, s := range p.scopes {
		if s.defined[id] {
			return true
		}
	}
	return false
}

func (p *Printer) hasFunc(name string) bool {
	for _, s := range p.scopes {
		if s.funcs[name] {
			return true
		}
	}
	return false
}

func (p *Printer) top() *scope { return p.scopes[len(p.scopes)-1] }

// Define returns the commands that declare and define everything t needs,
// and the expression naming t.
func (p *Printer) Define(t *Term) (cmds []string, expr string) {
	var b []string
	e := p.term(t, &b)
	return b, e
}

// Sort prints the sort of t.
func Sort(t *Term) string {
	switch t.Kind {
	case KindBool:
		return "Bool"
	case KindArray:
		return "(Array (_ BitVec 256) (_ BitVec 256))"
	}
	return fmt.Sprintf("(_ BitVec %d)", t.Width)
}

// Literal prints a bit-vector constant of width w.
func Literal(v *uint256.Int, w int) string {
	if w%4 == 0 {
		h := v.Hex()[2:]
		if len(h) < w/4 {
			h = strings.Repeat("0", w/4-len(h)) + h
		}
		return "#x" + h
	}
	s := v.ToBig().Text(2)
	if len(s) < w {
		s = strings.Repeat("0", w-len(s)) + s
	}
	return "#b" + s
}

// Name returns the SMT-LIB symbol of a variable or defined term.
func Name(t *Term) string {
	if t.Op == OpVar || t.Op == OpArrayVar {
		return "|" + strings.ReplaceAll(t.Name, "|", "_") + "|"
	}
	return "t" + strconv.FormatUint(uint64(t.ID), 10)
}

func (p *Printer) term(t *Term, out *[]string) string {
	switch t.Op {
	case OpConst:
		return Literal(&t.Val, t.Width)
	case OpTrue:
		return "true"
	case OpFalse:
		return "false"
	}
	name := Name(t)
	if p.isDefined(t.ID) {
		return name
	}
	if t.Op == OpVar || t.Op == OpArrayVar {
		*out = append(*out, fmt.Sprintf("(declare-const %s %s)", name, Sort(t)))
		p.top().defined[t.ID] = true
		return name
	}
	args := make([]string, len(t.Args))
	for i, a := range t.Args {
		args[i] = p.term(a, out)
	}
	body := p.body(t, args, out)
	*out = append(*out, fmt.Sprintf("(define-fun %s () %s %s)", name, Sort(t), body))
	p.top().defined[t.ID] = true
	return name
}

func (p *Printer) declare(name, decl string, out *[]string) {
	if !p.hasFunc(name) {
		*out = append(*out, decl)
		p.top().funcs[name] = true
	}
}

func zero(w int) string { return Literal(new(uint256.Int), w) }

func (p *Printer) body(t *Term, a []string, out *[]string) string {
	w := t.Width
	bin := func(op string) string { return "(" + op + " " + a[0] + " " + a[1] + ")" }
	switch t.Op {
	case OpConstArray:
		return "((as const " + Sort(t) + ") " + a[0] + ")"
	case OpAdd:
		return bin("bvadd")
	case OpSub:
		return bin("bvsub")
	case OpMul:
		return bin("bvmul")
	case OpUDiv, OpSDiv, OpURem, OpSRem:
		op := map[Op]string{OpUDiv: "bvudiv", OpSDiv: "bvsdiv", OpURem: "bvurem", OpSRem: "bvsrem"}[t.Op]
		// The EVM defines x/0 and x%0 as 0; SMT-LIB does not.
		return fmt.Sprintf("(ite (= %s %s) %s %s)", a[1], zero(w), zero(w), bin(op))
	case OpExp:
		p.declare("evm_exp", "(declare-fun evm_exp ((_ BitVec 256) (_ BitVec 256)) (_ BitVec 256))", out)
		return bin("evm_exp")
	case OpAddMod, OpMulMod:
		ext, op := 1, "bvadd"
		if t.Op == OpMulMod {
			ext, op = 256, "bvmul"
		}
		z := func(s string) string { return fmt.Sprintf("((_ zero_extend %d) %s)", ext, s) }
		return fmt.Sprintf("(ite (= %s %s) %s ((_ extract 255 0) (bvurem (%s %s %s) %s)))",
			a[2], zero(256), zero(256), op, z(a[0]), z(a[1]), z(a[2]))
	case OpAnd:
		return bin("bvand")
	case OpOr:
		return bin("bvor")
	case OpXor:
		return bin("bvxor")
	case OpNot:
		return "(bvnot " + a[0] + ")"
	case OpShl:
		return bin("bvshl")
	case OpLshr:
		return bin("bvlshr")
	case OpAshr:
		return bin("bvashr")
	case OpConcat:
		return bin("concat")
	case OpExtract:
		return fmt.Sprintf("((_ extract %d %d) %s)", t.P0, t.P1, a[0])
	case OpZeroExt:
		return fmt.Sprintf("((_ zero_extend %d) %s)", w-t.Args[0].Width, a[0])
	case OpIte:
		return "(ite " + a[0] + " " + a[1] + " " + a[2] + ")"
	case OpEq:
		return bin("=")
	case OpUlt:
		return bin("bvult")
	case OpSlt:
		return bin("bvslt")
	case OpBNot:
		return "(not " + a[0] + ")"
	case OpBAnd:
		return bin("and")
	case OpBOr:
		return bin("or")
	case OpSelect:
		return bin("select")
	case OpStore:
		return "(store " + a[0] + " " + a[1] + " " + a[2] + ")"
	case OpKeccak:
		f := keccakFunc(t.P0)
		p.declare(f, fmt.Sprintf("(declare-fun %s ((_ BitVec %d)) (_ BitVec 256))", f, 8*t.P0), out)
		return "(" + f + " " + concatAll(a) + ")"
	}
	return "false"
}

func keccakFunc(n int) string { return "keccak_" + strconv.Itoa(n) }

func concatAll(a []string) string {
	if len(a) == 1 {
		return a[0]
	}
	return "(concat " + strings.Join(a, " ") + ")"
}
