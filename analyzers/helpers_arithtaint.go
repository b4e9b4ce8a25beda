package analyzers

// A caller-influence tracker for the arithmetic detectors. Unlike
// Walker.Tainted it tells parameters (and state any caller can set) from
// msg.value — ether amounts are bounded and adding them cannot overflow —
// and it does not let an index taint the value it selects: balances[_to]
// is not chosen by whoever chooses _to.

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

const (
	ariTParam uint8 = 1 << iota // chosen by the caller: parameters, msg.data, attacker-set state
	ariTValue                   // msg.value
	// ariTDirect marks a caller choice that reaches the value as chosen
	// (through locals, conversions and arithmetic) rather than as the
	// result of the contract's own internal or library functions (a fee
	// its math computed from the caller's amount).
	ariTDirect
)

type ariTaint struct {
	prog  *sema.Program
	ctx   *sema.Contract
	entry *sema.Function
	vars  map[*ast.VariableDeclaration]uint8
	ctl   map[*ast.VariableDeclaration]string // attacker-settable state → the setter
	// asked, when set, records every variable whose membership in ctl
	// an answer of of depended on.
	asked map[*ast.VariableDeclaration]bool
}

func newAriTaint(prog *sema.Program, c *sema.Contract, f *sema.Function, ctl map[*ast.VariableDeclaration]string) *ariTaint {
	t := &ariTaint{prog: prog, ctx: c, entry: f, vars: map[*ast.VariableDeclaration]uint8{}, ctl: ctl}
	if f.IsEntryPoint() {
		for _, prm := range f.Def.Params {
			t.vars[prm] = ariTParam | ariTDirect
		}
	}
	return t
}

// observe binds locals and callee parameters as the walker meets
// declarations, assignments and internal calls (before evaluating them).
func (t *ariTaint) observe(n ast.Node) {
	switch x := n.(type) {
	case *ast.VariableDeclarationStatement:
		if x.Value == nil {
			return
		}
		if tup, ok := unparen(x.Value).(*ast.TupleExpression); ok && len(tup.Elems) == len(x.Decls) && len(x.Decls) > 1 {
			for i, d := range x.Decls {
				if d != nil {
					t.vars[d] |= t.of(tup.Elems[i])
				}
			}
			return
		}
		tv := t.of(x.Value)
		for _, d := range x.Decls {
			if d != nil {
				t.vars[d] |= tv
			}
		}
	case *ast.Assignment:
		t.bind(x.LHS, x.RHS)
	case *ast.FunctionCall:
		call := t.prog.CallOf(x)
		if call == nil || (call.Kind != sema.CallInternal && call.Kind != sema.CallLibrary) {
			return
		}
		fn := t.prog.Dispatch(t.ctx, call)
		if fn == nil {
			return
		}
		for i, a := range call.Args() {
			if i < len(fn.Def.Params) {
				t.vars[fn.Def.Params[i]] |= t.of(a)
			}
		}
	}
}

func (t *ariTaint) bind(lhs, rhs ast.Expr) {
	if tup, ok := unparen(lhs).(*ast.TupleExpression); ok {
		rt, _ := unparen(rhs).(*ast.TupleExpression)
		for i, el := range tup.Elems {
			if el == nil {
				continue
			}
			if rt != nil && i < len(rt.Elems) {
				t.bind(el, rt.Elems[i])
			} else {
				t.bind(el, rhs)
			}
		}
		return
	}
	if id, ok := unparen(lhs).(*ast.Identifier); ok {
		if v, ok := t.prog.Ref(id).(*ast.VariableDeclaration); ok && !v.IsStateVar {
			t.vars[v] |= t.of(rhs)
		}
	}
}

// of returns the influence bits of an expression's value.
func (t *ariTaint) of(e ast.Expr) uint8 {
	if e == nil {
		return 0
	}
	switch x := unparen(e).(type) {
	case *ast.Identifier:
		v, ok := t.prog.Ref(x).(*ast.VariableDeclaration)
		if !ok {
			return 0
		}
		out := t.vars[v]
		if t.asked != nil {
			t.asked[v] = true
		}
		if _, ok := t.ctl[v]; ok {
			out |= ariTParam | ariTDirect
		}
		return out
	case *ast.MemberAccess:
		if IsMagic(x, "msg", "value") {
			return ariTValue
		}
		if IsMagic(x, "msg", "data") {
			return ariTParam | ariTDirect
		}
		if v, ok := t.prog.Ref(x).(*ast.VariableDeclaration); ok {
			if t.asked != nil {
				t.asked[v] = true
			}
			if _, ok := t.ctl[v]; ok {
				return ariTParam | ariTDirect // a state variable or struct field any caller sets
			}
			if v.IsStateVar {
				return 0
			}
		}
		return t.of(x.X)
	case *ast.IndexAccess:
		return t.of(x.X)
	case *ast.IndexRangeAccess:
		return t.of(x.X)
	case *ast.FunctionCall:
		call := t.prog.CallOf(x)
		if call == nil {
			return 0
		}
		var out uint8
		switch call.Kind {
		case sema.CallExternal:
			// A callee the caller picked returns whatever it likes.
			if call.Receiver != nil {
				return t.of(call.Receiver) & ariTParam
			}
			return 0
		case sema.CallBuiltin:
			switch call.Builtin {
			case "keccak256", "sha3", "sha256", "ripemd160", "ecrecover", "blockhash", "gasleft", "addmod", "mulmod":
				return 0
			}
		case sema.CallLowLevel, sema.CallSend, sema.CallTransfer, sema.CallNew, sema.CallEvent, sema.CallError:
			return 0
		}
		for _, a := range call.Args() {
			out |= t.of(a)
		}
		if call.Kind == sema.CallInternal || call.Kind == sema.CallLibrary {
			out &^= ariTDirect // computed by the contract's own code
		}
		return out
	case *ast.Conditional:
		return t.of(x.Then) | t.of(x.Else)
	case *ast.BinaryOperation:
		if ariIsComparison(x.Op) || x.Op == "&&" || x.Op == "||" {
			return 0
		}
		return t.of(x.X) | t.of(x.Y)
	case *ast.UnaryOperation:
		if x.Op == "!" || x.Op == "delete" {
			return 0
		}
		return t.of(x.X)
	case *ast.TupleExpression:
		var out uint8
		for _, el := range x.Elems {
			out |= t.of(el)
		}
		return out
	case *ast.Assignment:
		return t.of(x.RHS)
	}
	return 0
}

// why explains where the caller's influence on e comes from, naming up to
// two sources.
func (t *ariTaint) why(e ast.Expr) string {
	var reasons []string
	add := func(r string) {
		if r == "" || len(reasons) >= 2 {
			return
		}
		for _, x := range reasons {
			if x == r {
				return
			}
		}
		reasons = append(reasons, r)
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.MemberAccess:
			if IsMagic(x, "msg", "value") {
				add("msg.value is chosen by the caller")
				return false
			}
			if IsMagic(x, "msg", "data") {
				add("msg.data is chosen by the caller")
				return false
			}
			if v, ok := t.prog.Ref(x).(*ast.VariableDeclaration); ok {
				if setter, ok := t.ctl[v]; ok {
					add("`" + v.Name.Name + "` can be set by any caller through " + setter)
					return false
				}
			}
		case *ast.IndexAccess:
			// The value of balances[_to] is not chosen by whoever picks _to.
			ast.Inspect(x.X, func(m ast.Node) bool {
				if id, ok := m.(*ast.Identifier); ok {
					add(t.whyIdent(id))
				}
				return true
			})
			return false
		case *ast.Identifier:
			add(t.whyIdent(x))
		}
		return true
	})
	if len(reasons) == 0 {
		return "it depends on caller input"
	}
	return strings.Join(reasons, " and ")
}

func (t *ariTaint) whyIdent(id *ast.Identifier) string {
	v, ok := t.prog.Ref(id).(*ast.VariableDeclaration)
	if !ok {
		return ""
	}
	if setter, ok := t.ctl[v]; ok {
		return "`" + v.Name.Name + "` can be set by any caller through " + setter
	}
	if t.vars[v]&ariTParam == 0 {
		return ""
	}
	for _, prm := range t.entry.Def.Params {
		if prm == v {
			return "`" + v.Name.Name + "` is a parameter of " + t.entry.Signature()
		}
	}
	return "`" + v.Name.Name + "` is derived from the arguments of " + t.entry.Signature()
}

// isPlainAssignment matches `x = …`, the only writes ariControlledState
// looks at.
func isPlainAssignment(n ast.Node) bool {
	a, ok := n.(*ast.Assignment)
	return ok && a.Op == "="
}

// ariControlledState returns the state variables (or struct fields of
// state) any caller can set to a value of their choosing with a plain
// assignment (rate = _rate), each with the entry point that does it. Updates that read the variable they
// write (balance = balance + v) adjust rather than set and do not count.
func ariControlledState(p *Pass, c *sema.Contract) map[*ast.VariableDeclaration]string {
	ctl := map[*ast.VariableDeclaration]string{}
	var added []*ast.VariableDeclaration // ctl's keys, in the order they came
	// A second walk of an entry point can only find more when one of the
	// variables its taint answers asked about joined ctl after its first
	// walk began; otherwise it would repeat the first walk's answers, and
	// add nothing. Skipping those walks is a third of the detector's time.
	type walked struct {
		from  int
		asked map[*ast.VariableDeclaration]bool
	}
	last := map[*sema.Function]walked{}
	stale := func(w walked) bool {
		for _, v := range added[w.from:] {
			if w.asked[v] {
				return true
			}
		}
		return false
	}
	for round := 0; round < 2; round++ {
		before := len(ctl)
		for _, f := range p.EntryPoints(c) {
			if w, ok := last[f]; ok && !stale(w) {
				continue
			}
			if !axsReaches(p, c, f, "assigns", isPlainAssignment) {
				continue // nothing here sets anything
			}
			tt := newAriTaint(p.Program, c, f, ctl)
			tt.asked = map[*ast.VariableDeclaration]bool{}
			last[f] = walked{from: len(added), asked: tt.asked}
			var wk *Walker
			sig := f.Signature()
			wk = p.NewWalker(c, f, FlowVisitor{Node: func(n ast.Node, st FlowState) {
				tt.observe(n)
				a, ok := n.(*ast.Assignment)
				if !ok || a.Op != "=" || st.Guarded {
					return
				}
				v := wk.StateVarOf(a.LHS)
				if v == nil || tt.of(a.RHS)&ariTParam == 0 {
					return
				}
				// acc.unlockTime = _t makes the field caller-chosen, not
				// the other fields of the struct.
				if m, ok := unparen(a.LHS).(*ast.MemberAccess); ok {
					if field, ok := p.Program.Ref(m).(*ast.VariableDeclaration); ok && !field.IsStateVar {
						if _, done := ctl[field]; !done {
							ctl[field] = sig
							added = append(added, field)
						}
						return
					}
				}
				if _, done := ctl[v]; done {
					return
				}
				reads := Contains(a.RHS, func(m ast.Node) bool {
					id, ok := m.(*ast.Identifier)
					return ok && p.Program.Ref(id) == sema.Symbol(v)
				})
				if !reads {
					ctl[v] = sig
					added = append(added, v)
				}
			}})
			wk.Run()
		}
		if len(ctl) == before {
			break
		}
	}
	return ctl
}
