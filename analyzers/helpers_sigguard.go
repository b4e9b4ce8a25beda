package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Signature guards. A call authorised by a signature of a stored authority
// is as strong as one made by that authority: once a check has established
// that an address recovered from a signature (ecrecover, or a function
// returning ecrecover's result such as ECDSA.recover and tryRecover) equals
// trusted state (`signer == owner`) or is a member of a stored set
// (`owners[signer] != address(0)`, `isSigner[signer]`, `hasRole(r, signer)`),
// the path is guarded. Checks inside helpers whose result is the condition
// (`require(isValidSignatureNow(owner, hash, sig))`, `require(verify(req,
// sig))`) are evaluated with the helper's parameters bound to the call's
// arguments, and an EIP-1271 answer (`owner.isValidSignature(…) == MAGIC`)
// stands for a recovered signature of the address asked. A signer compared
// with a caller-chosen value (a parameter, a field of a caller-supplied
// request, state anyone can set) or only with address(0) proves nothing:
// anyone can sign their own request.

// sigSummary is what a function body says about recovered addresses,
// computed once per body.
type sigSummary struct {
	// locals may hold an address recovered from a signature.
	locals map[*ast.VariableDeclaration]bool
	// answers hold the EIP-1271 answer of an address (the receiver
	// expression, in the body's scope).
	answers map[*ast.VariableDeclaration]ast.Expr
	// returns[i] is true when the i-th return value may be a recovered
	// address.
	returns []bool
	// recovers is true when the body recovers a signer or asks for an
	// EIP-1271 answer, itself or through the functions it calls.
	recovers bool
}

var sigEmpty = &sigSummary{}

var sigSummaries progCache[*nodeMemo[*sigSummary]]

// sigVisiting is the stack of definitions being summarised (a cycle, or
// a chain deeper than the stack, is cut with the empty summary).
type sigVisiting struct {
	defs [12]*ast.FunctionDefinition
	n    int
}

func (v *sigVisiting) has(def *ast.FunctionDefinition) bool {
	for i := 0; i < v.n; i++ {
		if v.defs[i] == def {
			return true
		}
	}
	return v.n == len(v.defs)
}

// sigSummaryOf returns the summary of a function definition; visiting is
// nil outside a summary's construction.
func sigSummaryOf(prog *sema.Program, def *ast.FunctionDefinition, visiting *sigVisiting) *sigSummary {
	if def == nil || def.Body == nil || (visiting != nil && visiting.has(def)) {
		return sigEmpty
	}
	m := sigSummaries.get(prog, func() *nodeMemo[*sigSummary] { return &nodeMemo[*sigSummary]{} })
	return m.Get(def, func() *sigSummary {
		var top sigVisiting
		vis := visiting
		if vis == nil {
			vis = &top
		}
		vis.defs[vis.n] = def
		vis.n++
		s := buildSigSummary(prog, def, vis)
		vis.n--
		return s
	})
}

// sigCallee returns the summary of an internal or library call's static
// callee, nil for other calls.
func sigCallee(prog *sema.Program, call *ast.FunctionCall, visiting *sigVisiting) *sigSummary {
	cl := prog.CallOf(call)
	if cl == nil || (cl.Kind != sema.CallInternal && cl.Kind != sema.CallLibrary) || cl.Callee == nil {
		return nil
	}
	return sigSummaryOf(prog, cl.Callee, visiting)
}

// sigReturned reports whether the i-th value a call returns may be a
// recovered address: ecrecover itself, or a helper returning its result.
func sigReturned(prog *sema.Program, call *ast.FunctionCall, i int, visiting *sigVisiting) bool {
	if i == 0 && IsBuiltinCall(prog, call, "ecrecover") {
		return true
	}
	s := sigCallee(prog, call, visiting)
	return s != nil && i < len(s.returns) && s.returns[i]
}

// sigAsked returns the address whose EIP-1271 answer a call asks for:
// X in `X.isValidSignature(…)`, or in `X.staticcall(abi.encodeWithSelector(
// IERC1271.isValidSignature.selector, …))`; nil otherwise.
func sigAsked(prog *sema.Program, call *ast.FunctionCall) ast.Expr {
	cl := prog.CallOf(call)
	if cl == nil || cl.Receiver == nil {
		return nil
	}
	switch cl.Kind {
	case sema.CallExternal:
		if cl.Name == "isValidSignature" {
			return cl.Receiver
		}
	case sema.CallLowLevel:
		if cl.Name != "staticcall" && cl.Name != "call" {
			return nil
		}
		for _, a := range call.Args {
			if Contains(a, func(n ast.Node) bool {
				m, ok := n.(*ast.MemberAccess)
				return ok && m.Member.Name == "isValidSignature"
			}) {
				return cl.Receiver
			}
		}
	}
	return nil
}

// sigMayRecover reports bodies with a call that may recover a signer or
// ask for an EIP-1271 answer: ecrecover, an internal or library call, an
// external or low-level call.
func sigMayRecover(prog *sema.Program, flat []ast.Node) bool {
	for _, n := range flat {
		call, ok := n.(*ast.FunctionCall)
		if !ok {
			continue
		}
		cl := prog.CallOf(call)
		if cl == nil {
			continue
		}
		switch cl.Kind {
		case sema.CallInternal, sema.CallLibrary, sema.CallExternal, sema.CallLowLevel:
			return true
		case sema.CallBuiltin:
			if cl.Builtin == "ecrecover" {
				return true
			}
		}
	}
	return false
}

func buildSigSummary(prog *sema.Program, def *ast.FunctionDefinition, visiting *sigVisiting) *sigSummary {
	flat := flatNodes(prog, def.Body)
	// Most bodies have nothing to summarise: no call that could recover.
	if !sigMayRecover(prog, flat) {
		return sigEmpty
	}
	s := &sigSummary{}
	// recovered is the static, flow-insensitive question inside the body.
	var recovered func(e ast.Expr) bool
	recovered = func(e ast.Expr) bool {
		switch x := axsStripConv(prog, e).(type) {
		case *ast.Identifier:
			v, ok := prog.Ref(x).(*ast.VariableDeclaration)
			return ok && s.locals[v]
		case *ast.FunctionCall:
			return sigReturned(prog, x, 0, visiting)
		case *ast.Conditional:
			return recovered(x.Then) || recovered(x.Else)
		}
		return false
	}
	// component reports whether the i-th value of a tuple-valued
	// expression may be a recovered address.
	component := func(e ast.Expr, i int) bool {
		switch x := unparen(e).(type) {
		case *ast.TupleExpression:
			return i < len(x.Elems) && x.Elems[i] != nil && recovered(x.Elems[i])
		case *ast.FunctionCall:
			return sigReturned(prog, x, i, visiting)
		}
		return false
	}
	changed := false
	mark := func(e ast.Node) {
		var v *ast.VariableDeclaration
		switch x := e.(type) {
		case *ast.VariableDeclaration:
			v = x
		case ast.Expr:
			v, _ = prog.Ref(unparen(x)).(*ast.VariableDeclaration)
		}
		if v == nil || v.IsStateVar || s.locals[v] {
			return
		}
		if s.locals == nil {
			s.locals = map[*ast.VariableDeclaration]bool{}
		}
		s.locals[v] = true
		s.recovers = true
		changed = true
	}
	for round := 0; round < 3; round++ {
		changed = false
		for _, n := range flat {
			switch x := n.(type) {
			case *ast.VariableDeclarationStatement:
				if x.Value == nil {
					break
				}
				if len(x.Decls) == 1 {
					if x.Decls[0] != nil && recovered(x.Value) {
						mark(x.Decls[0])
					}
					break
				}
				for i, d := range x.Decls {
					if d != nil && component(x.Value, i) {
						mark(d)
					}
				}
			case *ast.Assignment:
				if x.Op != "=" {
					break
				}
				if t, ok := unparen(x.LHS).(*ast.TupleExpression); ok && len(t.Elems) > 1 {
					for i, el := range t.Elems {
						if el != nil && component(x.RHS, i) {
							mark(el)
						}
					}
				} else if recovered(x.RHS) {
					mark(x.LHS)
				}
			}
		}
		if !changed {
			break
		}
	}
	for _, n := range flat {
		switch x := n.(type) {
		case *ast.FunctionCall:
			if IsBuiltinCall(prog, x, "ecrecover") {
				s.recovers = true
			} else if sigAsked(prog, x) != nil {
				s.recovers = true
			} else if c := sigCallee(prog, x, visiting); c != nil && c.recovers {
				s.recovers = true
			}
		case *ast.VariableDeclarationStatement:
			call, ok := unparen(x.Value).(*ast.FunctionCall)
			if !ok {
				break
			}
			if at := sigAsked(prog, call); at != nil {
				for _, d := range x.Decls {
					if d != nil {
						if s.answers == nil {
							s.answers = map[*ast.VariableDeclaration]ast.Expr{}
						}
						s.answers[d] = at
					}
				}
			}
		}
	}
	if !s.recovers || len(def.Returns) == 0 {
		return s
	}
	s.returns = make([]bool, len(def.Returns))
	for i, r := range def.Returns {
		s.returns[i] = s.locals[r]
	}
	for _, n := range flat {
		r, ok := n.(*ast.ReturnStatement)
		if !ok || r.Value == nil {
			continue
		}
		if len(s.returns) == 1 {
			s.returns[0] = s.returns[0] || recovered(r.Value)
			continue
		}
		for i := range s.returns {
			s.returns[i] = s.returns[i] || component(r.Value, i)
		}
	}
	return s
}

// ---- the walker's side ---------------------------------------------------------------

// sigScope evaluates a condition inside a helper whose result is the
// condition: its parameters are bound to the arguments of call, which live
// in the scope above (nil: the code the walker is in).
type sigScope struct {
	fn   *ast.FunctionDefinition
	call *sema.Call
	sum  *sigSummary
	up   *sigScope
}

// arg returns the argument bound to a parameter of the scope's function.
func (s *sigScope) arg(v *ast.VariableDeclaration) (ast.Expr, bool) {
	for i, p := range s.fn.Params {
		if p != v {
			continue
		}
		j := i
		if s.call.UsingFor && s.call.Receiver != nil {
			if i == 0 {
				return s.call.Receiver, true
			}
			j = i - 1
		}
		if j < len(s.call.Expr.Args) {
			return s.call.Expr.Args[j], true
		}
		return nil, false
	}
	return nil, false
}

// maxSigDepth bounds the helpers a condition is followed into.
const maxSigDepth = 4

// recovered reports whether e may be an address recovered from a
// signature, in scope s.
func (w *walker) recovered(e ast.Expr, s *sigScope) bool {
	switch x := axsStripConv(w.prog, e).(type) {
	case *ast.Identifier:
		v, ok := w.prog.Ref(x).(*ast.VariableDeclaration)
		if !ok || v.IsStateVar {
			return false
		}
		if s == nil {
			return w.isSigner(v)
		}
		if a, ok := s.arg(v); ok {
			return a != nil && w.recovered(a, s.up)
		}
		return s.sum.locals[v]
	case *ast.FunctionCall:
		return sigReturned(w.prog, x, 0, nil)
	case *ast.Conditional:
		return w.recovered(x.Then, s) || w.recovered(x.Else, s)
	}
	return false
}

// stored reports whether e is trusted state, in scope s: rooted in a
// state variable no caller can set (the walk's tainted state excluded),
// directly, through a getter (owner()) or through the arguments bound to
// parameters; never zero.
func (w *walker) stored(e ast.Expr, s *sigScope) bool {
	for i := 0; i <= maxInlineDepth+maxSigDepth; i++ {
		e = axsStripConv(w.prog, e)
		if axsIsZero(e) {
			return false
		}
		if _, ok := e.(*ast.FunctionCall); ok {
			v := axsStateRoot(w.prog, w.ctx, e)
			return v != nil && !w.tainted[v]
		}
		v, ok := w.prog.Ref(rootVarExpr(w.prog, e)).(*ast.VariableDeclaration)
		if !ok {
			return false
		}
		if v.IsStateVar {
			return !w.tainted[v]
		}
		if s != nil {
			a, ok := s.arg(v)
			if !ok || a == nil {
				return false
			}
			e, s = a, s.up
			continue
		}
		if e = w.args[v]; e == nil {
			return false
		}
	}
	return false
}

// keyedLookup reports an entry of trusted state keyed by a recovered
// address: owners[signer], _roles[role].members[signer], signers[signer].active.
func (w *walker) keyedLookup(e ast.Expr, s *sigScope) bool {
	for {
		m, ok := unparen(e).(*ast.MemberAccess)
		if !ok {
			break
		}
		e = m.X
	}
	ix, ok := unparen(e).(*ast.IndexAccess)
	return ok && ix.Index != nil && w.recovered(ix.Index, s) && w.stored(ix.X, s)
}

// answer returns the address whose EIP-1271 answer e holds, or nil.
func (w *walker) answer(e ast.Expr, s *sigScope) ast.Expr {
	switch x := axsStripConv(w.prog, e).(type) {
	case *ast.FunctionCall:
		if IsBuiltinCall(w.prog, x, "abi.decode") && len(x.Args) > 0 {
			return w.answer(x.Args[0], s)
		}
		return sigAsked(w.prog, x)
	case *ast.Identifier:
		if s != nil {
			if v, ok := w.prog.Ref(x).(*ast.VariableDeclaration); ok {
				return s.sum.answers[v]
			}
		}
	}
	return nil
}

// sigCompare says which outcomes of a comparison establish a signature of
// a stored authority: signer == owner, owners[signer] != address(0),
// isSigner[signer] == true, owner.isValidSignature(…) == MAGIC.
func (w *walker) sigCompare(x *ast.BinaryOperation, s *sigScope) (onTrue, onFalse bool) {
	eq := x.Op == "=="
	if eq || x.Op == "!=" {
		if (w.recovered(x.X, s) && w.stored(x.Y, s)) || (w.recovered(x.Y, s) && w.stored(x.X, s)) {
			return eq, !eq
		}
		for _, pair := range [2][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
			if a := w.answer(pair[0], s); a != nil && w.stored(a, s) {
				return eq, !eq
			}
			if !w.keyedLookup(pair[0], s) {
				continue
			}
			// Members of a set are flagged or linked (bool or address
			// entries); a balance or a nonce keyed by the signer is not
			// membership.
			if k := w.prog.TypeOf(pair[0]).Kind; k != sema.Bool && k != sema.Address && k != sema.ContractType {
				continue
			}
			if axsIsZero(pair[1]) {
				return !eq, eq // a member's entry is not zero
			}
			if l, ok := unparen(pair[1]).(*ast.Literal); ok && l.Kind == ast.BoolLiteral {
				return eq, !eq // == true
			}
		}
	}
	return false, false
}

// sigLeaf says whether a condition that is neither a comparison nor a
// logical operation establishes a signature of a stored authority: a
// boolean entry keyed by the signer (isSigner[signer]), or a helper whose
// every return does (hasRole(r, signer), isValidSignatureNow(owner, h, sig)).
func (w *walker) sigLeaf(e ast.Expr, s *sigScope) bool {
	if call, ok := unparen(e).(*ast.FunctionCall); ok {
		return w.sigCall(call, s)
	}
	return w.keyedLookup(e, s) && w.prog.TypeOf(e).Kind == sema.Bool
}

// sigCall evaluates the returns of an internal helper used as a condition,
// with its parameters bound to the call's arguments: true when every
// return either is false or establishes a signature of a stored authority.
func (w *walker) sigCall(call *ast.FunctionCall, s *sigScope) bool {
	cl := w.prog.CallOf(call)
	if cl == nil || (cl.Kind != sema.CallInternal && cl.Kind != sema.CallLibrary) {
		return false
	}
	depth := 0
	for u := s; u != nil; u = u.up {
		depth++
	}
	if depth >= maxSigDepth {
		return false
	}
	fn := w.prog.Dispatch(w.ctx, cl)
	if fn == nil || fn.Def.Body == nil {
		return false
	}
	sum := sigSummaryOf(w.prog, fn.Def, nil)
	if !sum.recovers {
		// Only a lookup of the signer passed in can make it a guard.
		signerArg := false
		if cl.UsingFor && cl.Receiver != nil {
			signerArg = w.recovered(cl.Receiver, s)
		}
		for _, a := range call.Args {
			signerArg = signerArg || w.recovered(a, s)
		}
		if !signerArg {
			return false
		}
	}
	in := &sigScope{fn: fn.Def, call: cl, sum: sum, up: s}
	found := false
	for _, n := range flatNodes(w.prog, fn.Def.Body) {
		r, ok := n.(*ast.ReturnStatement)
		if !ok || r.Value == nil {
			continue
		}
		if isFalse(r.Value) {
			continue
		}
		if t, _ := w.sigCond(r.Value, in); !t {
			return false
		}
		found = true
	}
	return found
}

// sigCond is senderGuard for signatures inside a helper's scope.
func (w *walker) sigCond(e ast.Expr, s *sigScope) (onTrue, onFalse bool) {
	switch x := unparen(e).(type) {
	case *ast.UnaryOperation:
		if x.Op == "!" {
			t, f := w.sigCond(x.X, s)
			return f, t
		}
		return false, false
	case *ast.BinaryOperation:
		switch x.Op {
		case "&&":
			tx, fx := w.sigCond(x.X, s)
			ty, fy := w.sigCond(x.Y, s)
			return tx || ty, fx && fy
		case "||":
			tx, fx := w.sigCond(x.X, s)
			ty, fy := w.sigCond(x.Y, s)
			return tx && ty, fx || fy
		}
		return w.sigCompare(x, s)
	}
	return w.sigLeaf(e, s), false
}

func (w *walker) isSigner(v *ast.VariableDeclaration) bool {
	for i := 0; i < w.nsigner && i < len(w.signer); i++ {
		if w.signer[i] == v {
			return true
		}
	}
	return false
}

func (w *walker) markSigner(v *ast.VariableDeclaration) {
	if !w.isSigner(v) {
		w.signer[w.nsigner%len(w.signer)] = v
		w.nsigner++
	}
}

// noteSigner records that a local now may hold a recovered address
// (flow-insensitively, as taint is: `signer = ecrecover(…)` on one branch).
func (w *walker) noteSigner(v *ast.VariableDeclaration, value ast.Expr) {
	if v == nil || v.IsStateVar || value == nil || !w.recovered(value, nil) {
		return
	}
	w.markSigner(v)
}

// noteSignerAt records the i-th value of a tuple-valued expression assigned
// to v: `(address recovered, RecoverError err) = ECDSA.tryRecover(h, sig)`.
func (w *walker) noteSignerAt(v *ast.VariableDeclaration, value ast.Expr, i int) {
	if v == nil || v.IsStateVar {
		return
	}
	switch x := unparen(value).(type) {
	case *ast.TupleExpression:
		if i < len(x.Elems) {
			w.noteSigner(v, x.Elems[i])
		}
	case *ast.FunctionCall:
		if sigReturned(w.prog, x, i, nil) {
			w.markSigner(v)
		}
	}
}

// bindSigner rebinds a parameter of an internal call: it holds a recovered
// address exactly when its argument does.
func (w *walker) bindSigner(prm *ast.VariableDeclaration, arg ast.Expr) {
	if w.recovered(arg, nil) {
		w.markSigner(prm)
		return
	}
	for i := 0; i < w.nsigner && i < len(w.signer); i++ {
		if w.signer[i] == prm {
			w.signer[i] = nil
		}
	}
}
