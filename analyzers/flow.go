package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// This file is sleuth's analysis IR for ordering questions: an abstract
// interpreter that walks a function in execution order, with its modifiers
// inlined at `_` and internal calls followed (dispatched in the context of
// the most derived contract). Branches are walked separately and joined;
// loops twice (so effects of one iteration reach the next) and may run zero
// times; return and revert end paths. It answers "on some path, did an
// external call happen before this write?" and "on every path, was
// msg.sender checked before this point?" for the detectors.

// CallSite is an external interaction met on a path: a Solidity call or a
// call/delegatecall/staticcall/create in inline assembly.
type CallSite struct {
	Node ast.Node
	Call *sema.Call // nil for assembly
	// Yul is the assembly instruction name ("call", "delegatecall", …).
	Yul string
	// ZeroValue is set when the value sent is the constant 0 on this
	// path (OpenZeppelin 4's Address.functionCall passes 0 down to
	// call{value: value}).
	ZeroValue bool
}

// SendsValue reports calls that may transfer ether with enough gas to
// re-enter: value-bearing calls, not send/transfer (2300 gas stipend).
func (c CallSite) SendsValue() bool {
	if c.Call == nil {
		return c.Yul == "call" || c.Yul == "callcode"
	}
	return c.Call.Value != nil && !c.ZeroValue && (c.Call.Kind == sema.CallLowLevel || c.Call.Kind == sema.CallExternal)
}

// Reentrant reports calls that hand control to other code with enough gas
// to call back: everything but send and transfer.
func (c CallSite) Reentrant() bool {
	if c.Call == nil {
		return c.Yul == "call" || c.Yul == "delegatecall" || c.Yul == "callcode" || c.Yul == "staticcall"
	}
	switch c.Call.Kind {
	case sema.CallExternal, sema.CallLowLevel:
		return true
	}
	return false
}

// FlowState is what holds on the paths reaching a point.
type FlowState struct {
	dead bool
	// Calls are the external interactions that happened on some path.
	Calls []CallSite
	// Guarded is true when msg.sender was checked on every path, or a
	// signature of a stored authority (helpers_sigguard.go).
	Guarded bool
}

func (s FlowState) withCall(c CallSite) FlowState {
	for _, x := range s.Calls {
		if x.Node == c.Node {
			return s
		}
	}
	s.Calls = append(append([]CallSite(nil), s.Calls...), c)
	return s
}

func join(a, b FlowState) FlowState {
	if a.dead {
		return b
	}
	if b.dead {
		return a
	}
	out := FlowState{Guarded: a.Guarded && b.Guarded, Calls: append([]CallSite(nil), a.Calls...)}
	for _, c := range b.Calls {
		out = out.withCall(c)
	}
	return out
}

var deadState = FlowState{dead: true}

// FlowVisitor receives the events of a walk. Every callback is optional.
type FlowVisitor struct {
	// Call is called before an external interaction is added to the state.
	Call func(site CallSite, st FlowState)
	// Write is called when a state variable is written; value is the
	// assigned expression, nil for ++, --, delete, push and pop.
	Write func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState)
	// Read is called when a state variable is read.
	Read func(v *ast.VariableDeclaration, at ast.Node, st FlowState)
	// Emit is called for each event emission.
	Emit func(at ast.Node, st FlowState)
	// Node is called for every expression and statement met, in order.
	Node func(n ast.Node, st FlowState)
}

// Walker walks one function; callbacks may query it (Tainted, StateVarOf)
// while it runs.
type Walker struct{ w *walker }

// NewWalker prepares a walk of function f in the context of contract c
// (nil for free functions). The parameters of f are taint sources when f
// is an entry point, as are msg.data and msg.value; TaintedState adds
// state variables an attacker can set.
func (p *Pass) NewWalker(c *sema.Contract, f *sema.Function, v FlowVisitor) *Walker {
	w := &walker{prog: p.Program, facts: p.facts, ctx: c, v: v, entry: f,
		onStack: map[*sema.Function]bool{},
		alias:   map[*ast.VariableDeclaration]*ast.VariableDeclaration{},
		pointee: map[*ast.VariableDeclaration]ast.Expr{},
		tainted: map[*ast.VariableDeclaration]bool{},
		sender:  map[*ast.VariableDeclaration]bool{},
		args:    map[*ast.VariableDeclaration]ast.Expr{}}
	if f.IsEntryPoint() {
		for _, prm := range f.Def.Params {
			w.tainted[prm] = true
		}
	}
	return &Walker{w}
}

// TaintedState marks state variables as attacker-controlled for Tainted.
func (wk *Walker) TaintedState(vars map[*ast.VariableDeclaration]bool) {
	for v := range vars {
		wk.w.tainted[v] = true
	}
}

// Run walks the function and returns the state at its end.
func (wk *Walker) Run() FlowState { return wk.w.function(wk.w.entry, FlowState{}) }

// Tainted reports whether e depends on data the caller chooses: the
// entry point's parameters (followed through locals and internal calls),
// msg.data, msg.value, or attacker-controlled state.
func (wk *Walker) Tainted(e ast.Expr) bool { return wk.w.isTainted(e) }

// IsSender reports msg.sender and values derived from it on this walk
// (a local or parameter holding the caller's address).
func (wk *Walker) IsSender(e ast.Expr) bool { return wk.w.isSender(e) }

// Pointee returns the storage expression a local storage pointer was
// last bound to on this walk (`Info storage i = deposits[msg.sender]`), or
// nil.
func (wk *Walker) Pointee(local *ast.VariableDeclaration) ast.Expr { return wk.w.pointee[local] }

// Arg returns the argument a parameter of an internal call on the current
// path was bound to (an expression in the caller's scope), nil for the
// entry point's parameters and functions not being walked.
func (wk *Walker) Arg(param *ast.VariableDeclaration) ast.Expr { return wk.w.args[param] }

// axsBound follows a parameter of an inlined internal call to the argument
// it was bound to, up the call chain: in Address.sendValue(account,
// payment), `recipient` is `account`.
func axsBound(prog *sema.Program, wk *Walker, e ast.Expr) ast.Expr {
	for i := 0; i < maxInlineDepth+1; i++ {
		v := axsDeclOf(prog, e)
		if v == nil || v.IsStateVar || wk.Arg(v) == nil {
			return e
		}
		e = wk.Arg(v)
	}
	return e
}

// axsConstZero reports values that are the constant 0 on this path: 0,
// uint256(0), a constant declared 0, or a parameter bound to one of them.
func axsConstZero(prog *sema.Program, wk *Walker, e ast.Expr) bool {
	e = axsBound(prog, wk, e)
	if axsIsZero(e) {
		return true
	}
	v := axsDeclOf(prog, e)
	return v != nil && v.Constant && v.Value != nil && axsIsZero(v.Value)
}

// StateVarOf returns the state variable an expression is rooted in,
// following storage pointers.
func (wk *Walker) StateVarOf(e ast.Expr) *ast.VariableDeclaration {
	v, _ := wk.w.stateVarOf(e)
	return v
}

// Walk walks function f in the context of contract c with visitor v and
// returns the state at its end.
func (p *Pass) Walk(c *sema.Contract, f *sema.Function, v FlowVisitor) FlowState {
	return p.NewWalker(c, f, v).Run()
}

type walker struct {
	facts   *Facts // nil outside a run
	entry   *sema.Function
	tainted map[*ast.VariableDeclaration]bool
	sender  map[*ast.VariableDeclaration]bool
	prog    *sema.Program
	ctx     *sema.Contract
	v       FlowVisitor
	onStack map[*sema.Function]bool
	depth   int
	// placeholders is the stack of continuations for `_` in the modifiers
	// being walked.
	placeholders []placeholder
	// returns collects the states at `return` in the functions being
	// walked, innermost last.
	returns []FlowState
	loops   []*loopCtx
	// alias maps storage pointers to the state variable they point into,
	// pointee to the expression they were bound to (deposits[msg.sender]).
	alias   map[*ast.VariableDeclaration]*ast.VariableDeclaration
	pointee map[*ast.VariableDeclaration]ast.Expr
	// args maps the parameters of the internal calls being walked to the
	// arguments they were bound to.
	args map[*ast.VariableDeclaration]ast.Expr
	// signer holds locals and parameters that may hold an address
	// recovered from a signature: the last few, in a fixed ring (one
	// dropped is a guard missed, never one invented).
	signer  [4]*ast.VariableDeclaration
	nsigner int
	// positive holds locals and parameters a check on the walk established
	// to be nonzero (require(n > 0)), for loops that must run once: the
	// last few, in a fixed ring, so that no walk allocates for them.
	positive  [4]*ast.VariableDeclaration
	npositive int
}

type loopCtx struct{ breaks, continues FlowState }

// paramBinding is a parameter's binding before an internal call rebound it.
type paramBinding struct {
	param *ast.VariableDeclaration
	arg   ast.Expr
}

const maxInlineDepth = 6

func (w *walker) function(f *sema.Function, st FlowState) FlowState {
	if f == nil || f.Def.Body == nil || w.onStack[f] || w.depth > maxInlineDepth {
		return st
	}
	// No defers or closures here: this runs for every inlined call of
	// every walk, and they cost three allocations a call. A panic abandons
	// the whole walk, so nothing needs unwinding.
	w.onStack[f] = true
	w.depth++
	w.returns = append(w.returns, deadState)
	out := w.chain(f, w.modifiersOf(f), 0, st)
	w.returns = w.returns[:len(w.returns)-1]
	delete(w.onStack, f)
	w.depth--
	return out
}

// placeholder is the continuation of `_` in modifier mods[next-1] of f:
// the remaining modifiers, then f's body.
type placeholder struct {
	f    *sema.Function
	mods []modUse
	next int
}

// chain walks f from its i-th modifier on: the modifier's body, whose `_`
// walks the rest, and after the last modifier f's body itself.
func (w *walker) chain(f *sema.Function, mods []modUse, i int, st FlowState) FlowState {
	if i == len(mods) {
		end := w.stmt(f.Def.Body, st)
		top := len(w.returns) - 1
		r := w.returns[top]
		w.returns[top] = deadState
		return join(end, r)
	}
	inv, m := mods[i].inv, mods[i].mod
	for _, a := range inv.Args {
		st = w.expr(a, st)
	}
	w.placeholders = append(w.placeholders, placeholder{f: f, mods: mods, next: i + 1})
	var out FlowState
	if m.Def.Body == nil {
		out = w.chain(f, mods, i+1, st)
	} else {
		out = w.stmt(m.Def.Body, st)
	}
	w.placeholders = w.placeholders[:len(w.placeholders)-1]
	return out
}

type modUse struct {
	inv *ast.ModifierInvocation
	mod *sema.Modifier
}

func (w *walker) modifiersOf(f *sema.Function) []modUse {
	ctx := w.ctx
	if ctx == nil || (f.Contract != nil && !ctx.Inherits(f.Contract)) {
		ctx = f.Contract
	}
	if ctx == nil {
		return nil
	}
	var out []modUse
	for _, inv := range f.Def.Modifiers {
		if m := ctx.ModifierNamed(inv.Name.Last()); m != nil {
			out = append(out, modUse{inv, m})
		}
	}
	return out
}

func (w *walker) node(n ast.Node, st FlowState) {
	if w.v.Node != nil && !st.dead {
		w.v.Node(n, st)
	}
}

func (w *walker) stmt(s ast.Stmt, st FlowState) FlowState {
	if s == nil || st.dead {
		return st
	}
	w.node(s, st)
	switch x := s.(type) {
	case *ast.Block:
		for _, c := range x.Stmts {
			st = w.stmt(c, st)
		}
		return st
	case *ast.ExpressionStatement:
		return w.expr(x.X, st)
	case *ast.VariableDeclarationStatement:
		if x.Value != nil {
			st = w.expr(x.Value, st)
			if len(x.Decls) == 1 && x.Decls[0] != nil {
				w.bindAlias(x.Decls[0], x.Value)
				w.propagate(x.Decls[0], x.Value)
				w.noteSigner(x.Decls[0], x.Value)
			} else {
				tainted := w.isTainted(x.Value)
				for i, d := range x.Decls {
					if d != nil {
						if tainted {
							w.tainted[d] = true
						}
						w.noteSignerAt(d, x.Value, i)
					}
				}
			}
		}
		return st
	case *ast.IfStatement:
		st = w.expr(x.Cond, st)
		// Only the branch the check lets through is guarded:
		// `if (msg.sender == owner) {…}` guards the then-branch,
		// `if (msg.sender != owner) revert();` what follows the if.
		thenSt, elseSt := st, st
		onTrue, onFalse := w.senderGuard(x.Cond)
		thenSt.Guarded = st.Guarded || onTrue
		elseSt.Guarded = st.Guarded || onFalse
		thenOut := w.stmt(x.Then, thenSt)
		if thenOut.dead {
			w.notePositive(x.Cond, false) // if (n == 0) revert();
		}
		return join(thenOut, w.stmt(x.Else, elseSt))
	case *ast.ForStatement:
		st = w.stmt(x.Init, st)
		return w.loop(x.Cond, x.Body, x.Post, st, w.runsOnce(x.Init, x.Cond))
	case *ast.WhileStatement:
		return w.loop(x.Cond, x.Body, nil, st, false)
	case *ast.DoWhileStatement:
		st = w.stmt(x.Body, st)
		return w.loop(x.Cond, x.Body, nil, st, false)
	case *ast.ReturnStatement:
		if x.Value != nil {
			st = w.expr(x.Value, st)
		}
		if n := len(w.returns); n > 0 {
			w.returns[n-1] = join(w.returns[n-1], st)
		}
		return deadState
	case *ast.BreakStatement:
		if n := len(w.loops); n > 0 {
			w.loops[n-1].breaks = join(w.loops[n-1].breaks, st)
		}
		return deadState
	case *ast.ContinueStatement:
		if n := len(w.loops); n > 0 {
			w.loops[n-1].continues = join(w.loops[n-1].continues, st)
		}
		return deadState
	case *ast.ThrowStatement, *ast.RevertStatement:
		return deadState
	case *ast.EmitStatement:
		for _, a := range x.Call.Args {
			st = w.expr(a, st)
		}
		if w.v.Emit != nil && !st.dead {
			w.v.Emit(x, st)
		}
		return st
	case *ast.PlaceholderStatement:
		if n := len(w.placeholders); n > 0 {
			k := w.placeholders[n-1]
			w.placeholders = w.placeholders[:n-1]
			out := w.chain(k.f, k.mods, k.next, st)
			w.placeholders = append(w.placeholders, k)
			return out
		}
		return st
	case *ast.TryStatement:
		st = w.expr(x.Call, st)
		out := w.stmt(x.Body, st)
		for _, c := range x.Catches {
			out = join(out, w.stmt(c.Body, st))
		}
		return out
	case *ast.InlineAssembly:
		return w.yul(x.Body, st)
	}
	return st
}

// loop walks a loop twice; once is true when it certainly runs at least
// once (runsOnce), so no path skips the body.
func (w *walker) loop(cond ast.Expr, body ast.Stmt, post ast.Expr, in FlowState, once bool) FlowState {
	exit, head := in, in
	if once {
		exit, head = deadState, deadState
	}
	st := in
	for iter := 0; iter < 2; iter++ {
		if cond != nil {
			st = w.expr(cond, st)
		}
		if !once || iter > 0 {
			exit = join(exit, st)
		}
		w.loops = append(w.loops, &loopCtx{breaks: deadState, continues: deadState})
		out := w.stmt(body, st)
		lc := w.loops[len(w.loops)-1]
		w.loops = w.loops[:len(w.loops)-1]
		out = join(out, lc.continues)
		if post != nil {
			out = w.expr(post, out)
		}
		exit = join(exit, lc.breaks)
		st = join(head, out)
		if once {
			head = st
		}
	}
	return join(exit, st)
}

// runsOnce reports a for loop whose counter starts at zero and is bounded
// by a value a check on the walk established to be nonzero:
// `require(n > 0); for (i = 0; i < n; i++)`, also when n reaches the loop
// as the argument of an internal call.
func (w *walker) runsOnce(init ast.Stmt, cond ast.Expr) bool {
	if w.npositive == 0 || init == nil || cond == nil {
		return false
	}
	var ctr *ast.VariableDeclaration
	switch x := init.(type) {
	case *ast.VariableDeclarationStatement:
		if len(x.Decls) == 1 && (x.Value == nil || axsIsZero(x.Value)) {
			ctr = x.Decls[0]
		}
	case *ast.ExpressionStatement:
		if a, ok := x.X.(*ast.Assignment); ok && a.Op == "=" && axsIsZero(a.RHS) {
			ctr, _ = w.prog.Ref(unparen(a.LHS)).(*ast.VariableDeclaration)
		}
	}
	b, ok := unparen(cond).(*ast.BinaryOperation)
	if ctr == nil || !ok {
		return false
	}
	var bound ast.Expr
	switch {
	case (b.Op == "<" || b.Op == "!=") && w.prog.Ref(unparen(b.X)) == ctr:
		bound = b.Y
	case b.Op == ">" && w.prog.Ref(unparen(b.Y)) == ctr:
		bound = b.X
	default:
		return false
	}
	for i := 0; i <= maxInlineDepth; i++ {
		v, ok := w.prog.Ref(unparen(bound)).(*ast.VariableDeclaration)
		if !ok || v.IsStateVar {
			return false
		}
		if w.isPositive(v) {
			return true
		}
		if bound = w.args[v]; bound == nil {
			return false
		}
	}
	return false
}

// notePositive records the locals a condition shows nonzero when it holds
// (holds=true: require(n > 0 && m != 0)) or when it fails (holds=false:
// the condition of `if (n == 0 || m == 0) revert();`).
func (w *walker) notePositive(cond ast.Expr, holds bool) {
	b, ok := unparen(cond).(*ast.BinaryOperation)
	if !ok {
		return
	}
	var e ast.Expr
	switch {
	case holds && b.Op == "&&", !holds && b.Op == "||":
		w.notePositive(b.X, holds)
		w.notePositive(b.Y, holds)
		return
	case holds && (b.Op == ">" || b.Op == "!=") && axsIsZero(b.Y):
		e = b.X
	case holds && (b.Op == "<" || b.Op == "!=") && axsIsZero(b.X):
		e = b.Y
	case !holds && b.Op == "==" && axsIsZero(b.Y):
		e = b.X
	case !holds && b.Op == "==" && axsIsZero(b.X):
		e = b.Y
	default:
		return
	}
	if v, ok := w.prog.Ref(unparen(e)).(*ast.VariableDeclaration); ok && !v.IsStateVar && !w.isPositive(v) {
		w.positive[w.npositive%len(w.positive)] = v
		w.npositive++
	}
}

func (w *walker) isPositive(v *ast.VariableDeclaration) bool {
	for i := 0; i < w.npositive && i < len(w.positive); i++ {
		if w.positive[i] == v {
			return true
		}
	}
	return false
}

// forget drops what the walk knew of a local it reassigns.
func (w *walker) forget(v *ast.VariableDeclaration) {
	for i := 0; i < w.npositive && i < len(w.positive); i++ {
		if w.positive[i] == v {
			w.positive[i] = nil
		}
	}
}

func (w *walker) expr(e ast.Expr, st FlowState) FlowState {
	if e == nil || st.dead {
		return st
	}
	w.node(e, st)
	switch x := e.(type) {
	case *ast.Identifier:
		w.read(x, st)
	case *ast.Assignment:
		st = w.expr(x.RHS, st)
		st = w.lvalueWith(x.LHS, x.RHS, st, x.Op != "=")
		if id, ok := x.LHS.(*ast.Identifier); ok {
			if local, ok := w.prog.Ref(id).(*ast.VariableDeclaration); ok && !local.IsStateVar {
				if x.Op == "=" {
					w.bindAlias(local, x.RHS)
					w.noteSigner(local, x.RHS)
				}
				w.propagate(local, x.RHS)
				w.forget(local)
			}
		} else if t, ok := unparen(x.LHS).(*ast.TupleExpression); ok && x.Op == "=" {
			for i, el := range t.Elems {
				if el == nil {
					continue
				}
				if local, ok := w.prog.Ref(unparen(el)).(*ast.VariableDeclaration); ok {
					w.noteSignerAt(local, x.RHS, i)
					w.forget(local)
				}
			}
		}
	case *ast.UnaryOperation:
		if x.Op == "++" || x.Op == "--" || x.Op == "delete" {
			if local, ok := w.prog.Ref(unparen(x.X)).(*ast.VariableDeclaration); ok {
				w.forget(local)
			}
			return w.lvalue(x.X, st, x.Op != "delete")
		}
		return w.expr(x.X, st)
	case *ast.BinaryOperation:
		st = w.expr(x.X, st)
		if x.Op == "&&" || x.Op == "||" {
			return join(st, w.expr(x.Y, st)) // short-circuit: Y may not run
		}
		return w.expr(x.Y, st)
	case *ast.Conditional:
		st = w.expr(x.Cond, st)
		return join(w.expr(x.Then, st), w.expr(x.Else, st))
	case *ast.MemberAccess:
		if _, isState := w.prog.Ref(x).(*ast.VariableDeclaration); isState {
			w.read(x, st)
		}
		return w.expr(x.X, st)
	case *ast.IndexAccess:
		st = w.expr(x.X, st)
		return w.expr(x.Index, st)
	case *ast.IndexRangeAccess:
		st = w.expr(x.X, st)
		st = w.expr(x.Start, st)
		return w.expr(x.End, st)
	case *ast.TupleExpression:
		for _, el := range x.Elems {
			st = w.expr(el, st)
		}
	case *ast.InlineArray:
		for _, el := range x.Elems {
			st = w.expr(el, st)
		}
	case *ast.FunctionCallOptions:
		st = w.expr(x.X, st)
		for _, v := range x.Values {
			st = w.expr(v, st)
		}
	case *ast.FunctionCall:
		return w.call(x, st)
	}
	return st
}

func (w *walker) call(x *ast.FunctionCall, st FlowState) FlowState {
	call := w.prog.CallOf(x)
	// The callee expression (receiver, options) is evaluated before the
	// arguments, and the arguments before the call.
	if m, ok := x.Fn.(*ast.MemberAccess); ok {
		st = w.expr(m.X, st)
	} else if o, ok := x.Fn.(*ast.FunctionCallOptions); ok {
		st = w.expr(o, st)
	} else if inner, ok := x.Fn.(*ast.FunctionCall); ok {
		st = w.expr(inner, st)
	}
	for _, a := range x.Args {
		st = w.expr(a, st)
	}
	if call == nil || st.dead {
		return st
	}
	switch call.Kind {
	case sema.CallInternal, sema.CallLibrary:
		// _require(msg.sender == owner, code) guards like require does.
		if cond := ariRequiredArg(w.prog, x); cond != nil {
			if onTrue, _ := w.senderGuard(cond); onTrue {
				st.Guarded = true
			}
		}
		if fn := w.prog.Dispatch(w.ctx, call); fn != nil && fn.Def.Body != nil {
			bind := !w.onStack[fn]  // a recursive call is not walked: keep the outer bindings
			var buf [6]paramBinding // on the stack for all but long parameter lists
			saved := buf[:0]
			for i, a := range call.Args() {
				if i < len(fn.Def.Params) {
					prm := fn.Def.Params[i]
					w.propagate(prm, a)
					if bind {
						saved = append(saved, paramBinding{prm, w.args[prm]})
						w.args[prm] = a
						w.bindSigner(prm, a)
						w.forget(prm)
					}
				}
			}
			st = w.function(fn, st)
			for _, b := range saved {
				if b.arg == nil {
					delete(w.args, b.param)
				} else {
					w.args[b.param] = b.arg
				}
			}
			return st
		}
	case sema.CallExternal, sema.CallLowLevel, sema.CallSend, sema.CallTransfer:
		site := CallSite{Node: x, Call: call}
		if call.Value != nil {
			site.ZeroValue = axsConstZero(w.prog, &Walker{w: w}, call.Value)
		}
		if w.v.Call != nil {
			w.v.Call(site, st)
		}
		if call.Kind == sema.CallLowLevel || call.Kind == sema.CallExternal {
			st = st.withCall(site)
		}
	case sema.CallEvent:
		if w.v.Emit != nil {
			w.v.Emit(x, st)
		}
	case sema.CallBuiltin:
		switch call.Builtin {
		case "require", "assert":
			if len(x.Args) > 0 {
				if onTrue, _ := w.senderGuard(x.Args[0]); onTrue {
					st.Guarded = true
				}
				w.notePositive(x.Args[0], true)
			}
			if len(x.Args) > 0 && isFalse(x.Args[0]) {
				return deadState
			}
		case "revert", "selfdestruct", "suicide":
			return deadState
		case "array.push", "array.pop":
			if m, ok := x.Fn.(*ast.MemberAccess); ok {
				st = w.lvalue(m.X, st, true)
			}
		}
	case sema.CallError:
		return st
	}
	return st
}

func isFalse(e ast.Expr) bool {
	l, ok := unparen(e).(*ast.Literal)
	return ok && l.Kind == ast.BoolLiteral && l.Value == "false"
}

// lvalue records a write to the state variable an lvalue designates, after
// evaluating its index and base expressions. A compound assignment also
// reads it.
func (w *walker) lvalue(e ast.Expr, st FlowState, alsoRead bool) FlowState {
	return w.lvalueWith(e, nil, st, alsoRead)
}

func (w *walker) lvalueWith(e, value ast.Expr, st FlowState, alsoRead bool) FlowState {
	switch x := unparen(e).(type) {
	case *ast.TupleExpression:
		rhs, _ := unparen(value).(*ast.TupleExpression)
		for i, el := range x.Elems {
			var v ast.Expr = value
			if rhs != nil && i < len(rhs.Elems) {
				v = rhs.Elems[i]
			}
			st = w.lvalueWith(el, v, st, alsoRead)
		}
		return st
	case *ast.IndexAccess:
		st = w.expr(x.Index, st)
		st = w.lvalueBase(x.X, st)
	case *ast.MemberAccess:
		st = w.lvalueBase(x.X, st)
	}
	if v, at := w.stateVarOf(e); v != nil {
		if alsoRead && w.v.Read != nil && !st.dead {
			w.v.Read(v, at, st)
		}
		if w.v.Write != nil && !st.dead {
			w.v.Write(v, e, value, st)
		}
	}
	return st
}

// lvalueBase evaluates the index expressions inside an lvalue's base
// without reporting reads of the variable being written.
func (w *walker) lvalueBase(e ast.Expr, st FlowState) FlowState {
	switch x := unparen(e).(type) {
	case *ast.IndexAccess:
		st = w.expr(x.Index, st)
		return w.lvalueBase(x.X, st)
	case *ast.MemberAccess:
		return w.lvalueBase(x.X, st)
	case *ast.FunctionCall:
		return w.expr(x, st)
	}
	return st
}

// StateVarOf returns the state variable an lvalue or expression is rooted
// in: x, x[i], x.f, x[i].f[j] — following storage pointers declared in the
// function being walked.
func (w *walker) stateVarOf(e ast.Expr) (*ast.VariableDeclaration, ast.Node) {
	root := rootVarExpr(w.prog, e)
	v, ok := w.prog.Ref(root).(*ast.VariableDeclaration)
	if !ok {
		return nil, nil
	}
	if v.IsStateVar {
		if v.Constant || v.Immutable {
			return nil, nil
		}
		return v, root
	}
	if target, ok := w.alias[v]; ok {
		return target, root
	}
	return nil, nil
}

// rootVarExpr strips indexing, struct member access and parentheses down
// to the variable an lvalue is rooted in: s.f[i].g → s. A member access
// that itself names a declaration (C.x, a constant of contract C) is the
// root.
func rootVarExpr(prog *sema.Program, e ast.Expr) ast.Expr {
	for {
		switch x := unparen(e).(type) {
		case *ast.IndexAccess:
			e = x.X
		case *ast.IndexRangeAccess:
			e = x.X
		case *ast.MemberAccess:
			if _, named := prog.Ref(x).(*ast.VariableDeclaration); named {
				return x
			}
			e = x.X
		default:
			return unparen(e)
		}
	}
}

// RootExpr strips indexing, member access and parentheses: x[i].f → x.
func RootExpr(e ast.Expr) ast.Expr {
	for {
		switch x := unparen(e).(type) {
		case *ast.IndexAccess:
			e = x.X
		case *ast.IndexRangeAccess:
			e = x.X
		case *ast.MemberAccess:
			if _, isDecl := x.X.(*ast.Identifier); isDecl {
				return unparen(e)
			}
			e = x.X
		default:
			return unparen(e)
		}
	}
}

func (w *walker) bindAlias(local *ast.VariableDeclaration, value ast.Expr) {
	if local.IsStateVar {
		return
	}
	if v, _ := w.stateVarOf(value); v != nil && (local.Location == "storage" || w.prog.DeclType(local).Storage) {
		w.alias[local] = v
		w.pointee[local] = value
	} else {
		delete(w.pointee, local)
	}
}

func (w *walker) read(e ast.Expr, st FlowState) {
	if w.v.Read == nil || st.dead {
		return
	}
	if v, ok := w.prog.Ref(e).(*ast.VariableDeclaration); ok && v.IsStateVar && !v.Constant && !v.Immutable {
		w.v.Read(v, e, st)
	}
}

// checksSender reports conditions that authorise the caller: msg.sender
// (or tx.origin) compared with == or !=, passed to a check such as
// hasRole(r, msg.sender), or used as the key of a boolean mapping
// (admins[msg.sender]). Reading balances[msg.sender] is not a check.
func (w *walker) checksSender(cond ast.Expr) bool {
	senderish := func(e ast.Expr) bool { return w.isSender(e) || IsMagic(e, "tx", "origin") }
	return Contains(cond, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BinaryOperation:
			if x.Op != "==" && x.Op != "!=" {
				return false
			}
			return (senderish(x.X) && !isZeroAddress(x.Y)) || (senderish(x.Y) && !isZeroAddress(x.X))
		case *ast.FunctionCall:
			call := w.prog.CallOf(x)
			if call == nil || (call.Kind != sema.CallInternal && call.Kind != sema.CallExternal && call.Kind != sema.CallLibrary) {
				return false
			}
			for _, a := range call.Args() {
				if senderish(a) {
					return true
				}
			}
		case *ast.IndexAccess:
			if x.Index != nil && senderish(x.Index) && w.prog.TypeOf(x).Kind == sema.Bool {
				return true
			}
		}
		return false
	}) || w.callsGuardFunction(cond)
}

// senderGuard says which outcomes of cond authorise the caller: onTrue
// when the condition can only hold for an authorised sender
// (msg.sender == owner, hasRole(r, msg.sender), admins[msg.sender]),
// onFalse when it can only fail for one (msg.sender != owner). Negation
// swaps them, so require(!claimed[msg.sender]) — "not done before" — is
// no authorisation.
func (w *walker) senderGuard(cond ast.Expr) (onTrue, onFalse bool) {
	switch x := unparen(cond).(type) {
	case *ast.UnaryOperation:
		if x.Op == "!" {
			t, f := w.senderGuard(x.X)
			return f, t
		}
		return false, false
	case *ast.BinaryOperation:
		switch x.Op {
		case "&&":
			tx, fx := w.senderGuard(x.X)
			ty, fy := w.senderGuard(x.Y)
			return tx || ty, fx && fy
		case "||":
			tx, fx := w.senderGuard(x.X)
			ty, fy := w.senderGuard(x.Y)
			return tx && ty, fx || fy
		case "==", "!=":
			// modules[msg.sender] != address(0): a member of a stored
			// registry of addresses, as admins[msg.sender] is of a set.
			if (w.senderKeyedEntry(x.X) && isZeroAddress(x.Y)) || (w.senderKeyedEntry(x.Y) && isZeroAddress(x.X)) {
				return x.Op == "!=", x.Op == "=="
			}
			if !w.checksSender(x) {
				return w.sigCompare(x, nil)
			}
			return x.Op == "==", x.Op == "!="
		}
		return w.sigCompare(x, nil)
	}
	return w.checksSender(cond) || w.sigLeaf(cond, nil), false
}

// senderKeyedEntry matches an address-valued entry of a state mapping
// keyed by the caller: modules[msg.sender].
func (w *walker) senderKeyedEntry(e ast.Expr) bool {
	ix, ok := unparen(e).(*ast.IndexAccess)
	if !ok || ix.Index == nil || !w.isSender(ix.Index) {
		return false
	}
	if v := StateVarRef(w.prog, ix.X); v == nil {
		return false
	}
	t := w.prog.TypeOf(ix)
	return t != nil && (t.Kind == sema.Address || t.Kind == sema.ContractType)
}

// isZeroAddress matches address(0) and 0.
func isZeroAddress(e ast.Expr) bool {
	e = unparen(e)
	if c, ok := e.(*ast.FunctionCall); ok && len(c.Args) == 1 {
		if _, ok := c.Fn.(*ast.ElementaryTypeExpression); ok {
			e = unparen(c.Args[0])
		}
	}
	l, ok := e.(*ast.Literal)
	return ok && l.Kind == ast.NumberLiteral && strings.Trim(l.Value, "0x") == ""
}

// callsGuardFunction reports conditions like `isOwner()` or
// `_isAuthorized()` whose internal callee checks msg.sender.
func (w *walker) callsGuardFunction(cond ast.Expr) bool {
	return Contains(cond, func(n ast.Node) bool {
		c, ok := n.(*ast.FunctionCall)
		if !ok {
			return false
		}
		call := w.prog.CallOf(c)
		if call == nil || call.Kind != sema.CallInternal {
			return false
		}
		fn := w.prog.Dispatch(w.ctx, call)
		if fn == nil || fn.Def.Body == nil || w.onStack[fn] {
			return false
		}
		// The callee authorises when one of its own conditions does.
		w.onStack[fn] = true
		defer delete(w.onStack, fn)
		for _, n := range flatNodes(w.prog, fn.Def.Body) {
			switch y := n.(type) {
			case *ast.ReturnStatement:
				if y.Value != nil && w.checksSender(y.Value) {
					return true
				}
			case *ast.IfStatement:
				if w.checksSender(y.Cond) {
					return true
				}
			case *ast.FunctionCall:
				if IsBuiltinCall(w.prog, y, "require", "assert") && len(y.Args) > 0 && w.checksSender(y.Args[0]) {
					return true
				}
			}
		}
		return false
	})
}

// yul walks inline assembly for external calls and storage writes, with
// the same path structure as Solidity code: if, switch and for branch and
// join; revert, return, stop and invalid end the path.
func (w *walker) yul(b *ast.YulBlock, st FlowState) FlowState {
	if b == nil {
		return st
	}
	for _, s := range b.Stmts {
		st = w.yulStmt(s, st)
	}
	return st
}

func (w *walker) yulStmt(s ast.YulStmt, st FlowState) FlowState {
	if st.dead {
		return st
	}
	switch x := s.(type) {
	case *ast.YulBlock:
		return w.yul(x, st)
	case *ast.YulVariableDeclaration:
		return w.yulExpr(x.Value, st)
	case *ast.YulAssignment:
		return w.yulExpr(x.Value, st)
	case *ast.YulExpressionStatement:
		return w.yulExpr(x.X, st)
	case *ast.YulIf:
		st = w.yulExpr(x.Cond, st)
		return join(st, w.yul(x.Body, st))
	case *ast.YulSwitch:
		st = w.yulExpr(x.X, st)
		out, hasDefault := deadState, false
		for _, c := range x.Cases {
			if c.Value == nil {
				hasDefault = true
			}
			out = join(out, w.yul(c.Body, st))
		}
		if !hasDefault {
			out = join(out, st)
		}
		return out
	case *ast.YulFor:
		st = w.yul(x.Init, st)
		in := st
		for iter := 0; iter < 2; iter++ {
			st = w.yulExpr(x.Cond, st)
			st = join(in, w.yul(x.Post, w.yul(x.Body, st)))
		}
		return st
	}
	return st
}

func (w *walker) yulExpr(e ast.YulExpr, st FlowState) FlowState {
	c, ok := e.(*ast.YulFunctionCall)
	if !ok || st.dead {
		return st
	}
	for _, a := range c.Args {
		st = w.yulExpr(a, st)
	}
	switch c.Name.Name {
	case "call", "delegatecall", "staticcall", "callcode":
		site := CallSite{Node: c, Yul: c.Name.Name}
		if w.v.Call != nil {
			w.v.Call(site, st)
		}
		if c.Name.Name != "staticcall" {
			st = st.withCall(site)
		}
	case "sstore":
		if len(c.Args) > 0 && w.v.Write != nil {
			if id, ok := c.Args[0].(*ast.YulIdentifier); ok {
				if v, ok := w.prog.Ref(id).(*ast.VariableDeclaration); ok && v.IsStateVar {
					w.v.Write(v, c, nil, st)
				}
			}
		}
	case "revert", "return", "stop", "invalid", "selfdestruct":
		return deadState
	}
	return st
}

// propagate carries taint and sender-ness from a value into the variable
// it is assigned or bound to.
func (w *walker) propagate(to *ast.VariableDeclaration, value ast.Expr) {
	if value == nil || to == nil {
		return
	}
	if w.isTainted(value) {
		w.tainted[to] = true
	}
	if w.isSender(value) {
		w.sender[to] = true
	}
}

func (w *walker) isSender(e ast.Expr) bool {
	if IsSender(e) {
		return true
	}
	if id, ok := unparen(e).(*ast.Identifier); ok {
		if v, ok := w.prog.Ref(id).(*ast.VariableDeclaration); ok {
			return w.sender[v]
		}
	}
	return false
}

func (w *walker) isTainted(e ast.Expr) bool {
	if e == nil {
		return false
	}
	r := w.facts.refsOf(w.prog, e)
	if r.msg {
		return true
	}
	for _, v := range r.vars {
		if w.tainted[v] {
			return true
		}
	}
	return false
}
