package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// ArbitrarySendEth flags ether sent to an address the caller chooses in a
// function anyone can call.
var ArbitrarySendEth = &Analyzer{
	ID:         "arbitrary-send-eth",
	Title:      "Ether sent to an arbitrary address",
	Severity:   High,
	Confidence: ConfidenceMedium,
	Category:   CatAccessControl,
	SWC:        "SWC-105",
	CWE:        []string{"CWE-284"},
	Description: "A function anyone can call sends the contract's ether (`transfer`, `send`, " +
		"`call{value: …}`) to a destination the caller chooses — a parameter, or a state variable any caller " +
		"can set — and it is not the caller's own account being paid out of the caller's own balance. Sends " +
		"to `msg.sender`, forwarding of `msg.value`, payouts that debit the caller's balance and sends behind " +
		"a check of `msg.sender` are not flagged.",
	Exploit: "The attacker calls `payout(attacker)` (or first `setBeneficiary(attacker)`, then `release()`) " +
		"and receives the contract's ether.",
	Recommendation: "Restrict who can trigger the payment (`onlyOwner`), pay only `msg.sender` out of their own " +
		"recorded balance (pull payments), or send only to addresses fixed at construction.",
	Run: runArbitrarySendEth,
}

func init() { registry = append(registry, ArbitrarySendEth) }

func runArbitrarySendEth(p *Pass) {
	prog := p.Program
	done := map[ast.Node]bool{}
	for _, c := range axsAccessRoots(p) {
		if !axsLinearizationContains(prog, c, func(n ast.Node) bool {
			call, ok := n.(*ast.FunctionCall)
			if !ok {
				return false
			}
			cl := prog.CallOf(call)
			return cl != nil && cl.SendsValue()
		}) {
			continue
		}
		attacker := axsAttackerAddresses(p, c)
		tainted := map[*ast.VariableDeclaration]bool{}
		for v := range attacker {
			tainted[v] = true
		}
		for _, f := range p.EntryPoints(c) {
			// A one-time initializer runs at deployment; whether anyone
			// can call it first is unprotected-upgrade's finding.
			if !axsReaches(p, c, f, "sends-value", axsSendsValueNode(prog)) || axsOneTime(p, c, f) {
				continue
			}
			entry := f
			abstract, debits := false, false
			guard := axsNewCallerCheck(p, c)
			outer := &axsOuterCall{prog: prog}
			commits := axsNewCommitments(prog, c)
			fromValue := map[*ast.VariableDeclaration]bool{} // locals holding msg.value
			funds := &axsFunds{prog: prog, c: c, locals: map[*ast.VariableDeclaration]bool{}}
			inits := map[*ast.VariableDeclaration]ast.Expr{} // locals' initial values
			var wk *Walker
			wk = p.NewWalker(c, f, FlowVisitor{
				Node: func(n ast.Node, st FlowState) {
					guard.visit(wk, n)
					outer.visit(n)
					commits.visit(n)
					if axsCallsAbstract(prog, c, n) {
						abstract = true
					}
					if d, ok := n.(*ast.VariableDeclarationStatement); ok && d.Value != nil && len(d.Decls) == 1 && d.Decls[0] != nil {
						inits[d.Decls[0]] = d.Value
					}
					if d, ok := n.(*ast.VariableDeclarationStatement); ok && d.Value != nil && axsMentionsMsgValue(prog, d.Value, fromValue) {
						for _, x := range d.Decls {
							if x != nil {
								fromValue[x] = true
							}
						}
					}
					funds.visit(n)
				},
				Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
					if axsSelfKeyed(wk, at) {
						debits = true // the caller is paid out of their own entry
					}
				},
				Call: func(site CallSite, st FlowState) {
					cl := site.Call
					if cl == nil || !cl.SendsValue() {
						return
					}
					var value ast.Expr
					switch cl.Kind {
					case sema.CallSend, sema.CallTransfer:
						if len(cl.Expr.Args) > 0 {
							value = cl.Expr.Args[0]
						}
					default:
						value = cl.Value
					}
					dest := cl.Receiver
					if dest == nil || value == nil || axsConstZero(prog, wk, value) {
						return // no ether moves (Address.functionCall passes value 0)
					}
					if axsMentionsMsgValue(prog, value, fromValue) || axsSenderKeyedRead(wk, value) || debits {
						return
					}
					if funds.covers(value) {
						// Forwards ether unwrapped from a token balance in this
						// call (a router's sweep), or the proceeds of what the
						// caller paid in (a sale for a token pulled from them).
						return
					}
					if axsSenderish(wk, dest) || axsIsThis(dest) || !wk.Tainted(dest) || commits.committed(dest) {
						return
					}
					if axsFreshContract(prog, dest, inits) {
						return // a contract this call just created
					}
					// Seen through the helper that sends (Address.sendValue):
					// what its caller passed.
					bDest, bValue := axsBound(prog, wk, dest), axsBound(prog, wk, value)
					if axsOwedTo(prog, c, wk, bValue, bDest, inits) || axsSameEntry(prog, bValue, bDest, inits) {
						return // pays the destination its own recorded balance
					}
					if guard.guarded(st) || abstract {
						return
					}
					at, more := outer.locate(site.Node)
					if done[at] {
						return
					}
					done[at] = true
					why := "a destination the caller chooses"
					var rel []RelatedNode
					if v := wk.StateVarOf(dest); v != nil && attacker[v] != nil {
						why = v.Name.Name + ", which any caller can set"
						rel = append(rel, RelatedNode{At: attacker[v], Message: "anyone can set " + v.Name.Name + " here"})
					}
					axsReportAt(p, at, axsQualified(c, entry)+" sends ether ("+axsCode(value)+") to "+axsCode(dest)+", "+why+
						"; no check of msg.sender guards it", append(more, rel...)...)
				},
			})
			funds.wk = wk
			wk.TaintedState(tainted)
			wk.Run()
		}
	}
}

// axsMentionsMsgValue reports expressions computed from msg.value
// (directly or through the given locals): forwarding the caller's own
// ether.
func axsMentionsMsgValue(prog *sema.Program, e ast.Expr, locals map[*ast.VariableDeclaration]bool) bool {
	return Contains(e, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		if !ok {
			return false
		}
		if IsMagic(x, "msg", "value") {
			return true
		}
		if id, ok := x.(*ast.Identifier); ok {
			if v, ok := prog.Ref(id).(*ast.VariableDeclaration); ok && locals[v] {
				return true
			}
		}
		return false
	})
}

// axsSenderKeyedRead reports amounts read from the caller's own entry:
// balances[msg.sender].
func axsSenderKeyedRead(wk *Walker, e ast.Expr) bool {
	return Contains(e, func(n ast.Node) bool {
		ix, ok := n.(*ast.IndexAccess)
		return ok && ix.Index != nil && axsSenderish(wk, ix.Index)
	})
}

// axsScope binds the parameters of an internal function whose return value
// is being expanded to the call's arguments, which live in the scope above
// (nil: the code the walker is in).
type axsScope struct {
	bind map[*ast.VariableDeclaration]ast.Expr
	up   *axsScope
}

// axsOwedTo reports amounts computed from an entry keyed by the destination
// itself: to.transfer(deposits[to]), or
// `payment = releasable(account); Address.sendValue(account, payment)` with
// releasable reading _shares[account] and _released[account] — the pull
// payment anyone may trigger, but only for the account it is owed to. It
// looks through locals' initial values, the arguments of inlined helpers,
// and the return values of internal functions. Keys are compared by the
// variable they finally come from, so a caller-chosen recipient paid from
// another account's entry (or msg.sender's) does not match.
func axsOwedTo(prog *sema.Program, c *sema.Contract, wk *Walker, value, dest ast.Expr, inits map[*ast.VariableDeclaration]ast.Expr) bool {
	d := axsDeclOf(prog, dest)
	if d == nil {
		return false
	}
	// origin resolves e in scope s to the variable it comes from.
	origin := func(e ast.Expr, s *axsScope) *ast.VariableDeclaration {
		for i := 0; i < 16; i++ {
			v := axsDeclOf(prog, e)
			if v == nil {
				return nil
			}
			if s == nil {
				return axsDeclOf(prog, axsBound(prog, wk, e))
			}
			a, ok := s.bind[v]
			if !ok {
				return v
			}
			e, s = a, s.up
		}
		return nil
	}
	budget := 200 // expressions expanded, against blow-up through helpers
	var keyed func(e ast.Expr, s *axsScope, depth int) bool
	keyed = func(e ast.Expr, s *axsScope, depth int) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if found || budget <= 0 {
				return false
			}
			budget--
			switch x := n.(type) {
			case *ast.IndexAccess:
				if x.Index != nil && origin(x.Index, s) == d {
					found = true
				}
			case *ast.Identifier:
				v, ok := prog.Ref(x).(*ast.VariableDeclaration)
				if !ok || v.IsStateVar || depth == 0 {
					break
				}
				if s != nil {
					if a, ok := s.bind[v]; ok {
						found = keyed(a, s.up, depth-1)
						break
					}
				} else if a := wk.Arg(v); a != nil {
					found = keyed(a, nil, depth-1)
					break
				}
				if inits[v] != nil {
					found = keyed(inits[v], s, depth-1)
				}
			case *ast.FunctionCall:
				cl := prog.CallOf(x)
				if cl == nil || (cl.Kind != sema.CallInternal && cl.Kind != sema.CallLibrary) || depth == 0 {
					break
				}
				fn := prog.Dispatch(c, cl)
				if fn == nil || fn.Def.Body == nil {
					break
				}
				in := &axsScope{bind: map[*ast.VariableDeclaration]ast.Expr{}, up: s}
				for i, a := range cl.Args() {
					if i < len(fn.Def.Params) {
						in.bind[fn.Def.Params[i]] = a
					}
				}
				for _, m := range flatNodes(prog, fn.Def.Body) {
					if r, ok := m.(*ast.ReturnStatement); ok && r.Value != nil && keyed(r.Value, in, depth-1) {
						found = true
						break
					}
				}
			}
			return !found
		})
		return found
	}
	return keyed(value, nil, 6)
}

// axsSameEntry reports a payment whose destination and amount are read from
// the same stored record: `c.parties[0].transfer(c.balances[0])` with
// `Channel storage c = channels[id]`, or `bet.player.transfer(bet.amount)`.
// The record pays its own recorded funds to its own recorded party; the
// caller picking the key only picks which record settles.
func axsSameEntry(prog *sema.Program, value, dest ast.Expr, inits map[*ast.VariableDeclaration]ast.Expr) bool {
	de := axsEntryOf(prog, dest, inits, 3)
	if de == "" {
		return false
	}
	found := false
	ast.Inspect(value, func(n ast.Node) bool {
		if found {
			return false
		}
		if e, ok := n.(ast.Expr); ok {
			if axsEntryOf(prog, e, inits, 3) == de {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// axsEntryOf names the stored record an expression reads, as the source of
// its first index into a state variable (`channels[id]`), looking through
// locals to their initial values; "" when it reads no such record.
func axsEntryOf(prog *sema.Program, e ast.Expr, inits map[*ast.VariableDeclaration]ast.Expr, depth int) string {
	for {
		switch x := unparen(e).(type) {
		case *ast.MemberAccess:
			e = x.X
			continue
		case *ast.IndexAccess:
			if x.Index == nil {
				return ""
			}
			if id, ok := unparen(x.X).(*ast.Identifier); ok {
				if v, ok := prog.Ref(id).(*ast.VariableDeclaration); ok && v.IsStateVar {
					return id.Name + "[" + axsCode(x.Index) + "]"
				}
			}
			e = x.X
			continue
		case *ast.Identifier:
			v, ok := prog.Ref(x).(*ast.VariableDeclaration)
			if !ok || v.IsStateVar || depth == 0 || inits[v] == nil {
				return ""
			}
			return axsEntryOf(prog, inits[v], inits, depth-1)
		}
		return ""
	}
}

// axsSendsValueNode matches calls that may transfer ether.
func axsSendsValueNode(prog *sema.Program) func(ast.Node) bool {
	return func(n ast.Node) bool {
		call, ok := n.(*ast.FunctionCall)
		if !ok {
			return false
		}
		cl := prog.CallOf(call)
		return cl != nil && cl.SendsValue()
	}
}

// axsFreshContract reports destinations created in this transaction:
// `C c = new C(); address(c).call{value: v}("")`.
func axsFreshContract(prog *sema.Program, dest ast.Expr, inits map[*ast.VariableDeclaration]ast.Expr) bool {
	isNew := func(e ast.Expr) bool {
		return Contains(e, func(n ast.Node) bool {
			_, ok := n.(*ast.NewExpression)
			return ok
		})
	}
	if isNew(dest) {
		return true
	}
	v := axsDeclOf(prog, dest)
	return v != nil && inits[v] != nil && isNew(inits[v])
}

// axsFunds follows the amounts a send may forward without paying out ether
// the contract held before the call:
//
//   - amounts unwrapped from a wrapped-ether token: `weth.withdraw(amount)`
//     turns the contract's token balance into ether in this very call, and
//     what is then sent out of it is a token sweep (which
//     arbitrary-send-erc20 does not flag either), not the contract's own
//     ether at rest — Uniswap's PeripheryPayments, and V2's router, which
//     withdraws the swap's output `amounts[amounts.length - 1]` that the
//     pair has just paid it for the caller's tokens;
//   - amounts pulled from the caller: `token.transferFrom(msg.sender,
//     address(this), amount)`, or SafeERC20's and TransferHelper's
//     safeTransferFrom, of a token the caller does not choose into an
//     account the caller does not choose. Ether computed from that amount
//     is the proceeds of what the caller paid in this same call, so a
//     caller-chosen destination only chooses where their own proceeds go.
//
// Locals computed from a marked amount, and the parameters of internal
// calls it is passed to (TransferHelper.safeTransferETH), carry the mark;
// an amount that is not a plain variable (`amounts[amounts.length - 1]`,
// `order.amount`) is kept as an expression and matched structurally. A
// local's mark ends when it is reassigned from something unmarked, an
// expression's when a variable it reads is written or handed by reference
// to another function. What reads the contract's ether or its stored
// entries (address(this).balance, deposits[who]), or asks a contract the
// caller picks, neither carries nor earns a mark: that money was there
// before the call, whatever was paid in.
type axsFunds struct {
	prog   *sema.Program
	c      *sema.Contract
	wk     *Walker
	locals map[*ast.VariableDeclaration]bool
	exprs  []ast.Expr
}

func (f *axsFunds) visit(n ast.Node) {
	switch x := n.(type) {
	case *ast.VariableDeclarationStatement:
		if x.Value != nil && f.derives(x.Value) {
			for _, d := range x.Decls {
				if d != nil {
					f.locals[d] = true
				}
			}
		}
	case *ast.Assignment:
		f.assigned(x.LHS, x.RHS, x.Op == "=")
	case *ast.UnaryOperation:
		if x.Op == "++" || x.Op == "--" || x.Op == "delete" {
			f.assigned(x.X, nil, x.Op == "delete")
		}
	case *ast.FunctionCall:
		f.call(x)
	}
}

// covers reports sent values computed from a marked amount.
func (f *axsFunds) covers(value ast.Expr) bool { return f.derives(value) }

// derives reports expressions computed from a marked amount and from
// nothing the contract held before the call.
func (f *axsFunds) derives(e ast.Expr) bool {
	return f.mentions(e) && !f.held(e)
}

func (f *axsFunds) mentions(e ast.Expr) bool {
	if e == nil || (len(f.locals) == 0 && len(f.exprs) == 0) {
		return false
	}
	return Contains(e, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		if !ok {
			return false
		}
		if id, ok := x.(*ast.Identifier); ok {
			if v, ok := f.prog.Ref(id).(*ast.VariableDeclaration); ok && f.locals[v] {
				return true
			}
		}
		for _, r := range f.exprs {
			if axsSameExpr(f.prog, x, r) {
				return true
			}
		}
		return false
	})
}

// held reports expressions reading the contract's ether, an entry of its
// storage, or the answer of a contract the caller chooses.
func (f *axsFunds) held(e ast.Expr) bool {
	return Contains(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.MemberAccess:
			return x.Member.Name == "balance" && axsIsThis(x.X)
		case *ast.IndexAccess:
			v := axsRootVar(f.prog, x)
			return v != nil && v.IsStateVar
		case *ast.FunctionCall:
			cl := f.prog.CallOf(x)
			return cl != nil && (cl.Kind == sema.CallExternal || cl.Kind == sema.CallLowLevel) &&
				cl.Receiver != nil && f.wk.Tainted(cl.Receiver)
		}
		return false
	})
}

// mark records an amount unwrapped or pulled in, and, seen through the
// helper it was passed to, what its caller passed.
func (f *axsFunds) mark(e ast.Expr) {
	if e == nil || axsConstZero(f.prog, f.wk, e) || f.held(e) {
		return
	}
	for _, x := range []ast.Expr{e, axsBound(f.prog, f.wk, e)} {
		if v := axsIdentVar(f.prog, x); v != nil {
			if !v.IsStateVar {
				f.locals[v] = true
			}
			continue
		}
		if axsStableExpr(f.prog, x) {
			f.exprs = append(f.exprs, x)
		}
	}
}

// assigned ends the marks a write invalidates: the expressions reading the
// written variable, and a local's own mark when it is given an unmarked
// value.
func (f *axsFunds) assigned(lhs, rhs ast.Expr, replace bool) {
	if t, ok := unparen(lhs).(*ast.TupleExpression); ok {
		rt, _ := unparen(rhs).(*ast.TupleExpression)
		for i, el := range t.Elems {
			if el == nil {
				continue
			}
			r := rhs
			if rt != nil && len(rt.Elems) == len(t.Elems) {
				r = rt.Elems[i]
			}
			f.assigned(el, r, replace)
		}
		return
	}
	root := axsRootVar(f.prog, lhs)
	if root == nil {
		return
	}
	f.forget(root)
	if root.IsStateVar || axsIdentVar(f.prog, lhs) != root {
		return
	}
	marked := rhs != nil && f.derives(rhs)
	if replace {
		f.locals[root] = marked
	} else if marked {
		f.locals[root] = true
	}
}

// forget drops the recorded expressions that read v.
func (f *axsFunds) forget(v *ast.VariableDeclaration) {
	kept := f.exprs[:0]
	for _, e := range f.exprs {
		if !Contains(e, func(n ast.Node) bool {
			id, ok := n.(*ast.Identifier)
			return ok && f.prog.Ref(id) == sema.Symbol(v)
		}) {
			kept = append(kept, e)
		}
	}
	f.exprs = kept
}

func (f *axsFunds) call(x *ast.FunctionCall) {
	cl := f.prog.CallOf(x)
	if cl == nil {
		return
	}
	if amt := f.pulled(x, cl); amt != nil {
		f.mark(amt)
	}
	switch cl.Kind {
	case sema.CallExternal:
		m, ok := x.Fn.(*ast.MemberAccess)
		if ok && m.Member.Name == "withdraw" && len(x.Args) == 1 && cl.Receiver != nil && !axsIsThis(cl.Receiver) {
			f.mark(x.Args[0])
		}
	case sema.CallInternal, sema.CallLibrary:
		fn := f.prog.Dispatch(f.c, cl)
		if fn == nil {
			return
		}
		for i, a := range cl.Args() {
			if i < len(fn.Def.Params) {
				// Rebound at every call: a later call of the same helper
				// with another amount is not covered.
				f.locals[fn.Def.Params[i]] = f.derives(a)
			}
			// An array or struct handed on may be written through.
			if v := axsIdentVar(f.prog, a); v != nil {
				if _, elementary := v.Type.(*ast.ElementaryTypeName); !elementary {
					f.forget(v)
				}
			}
		}
	case sema.CallBuiltin:
		if m, ok := x.Fn.(*ast.MemberAccess); ok && (cl.Builtin == "array.push" || cl.Builtin == "array.pop") {
			if v := axsRootVar(f.prog, m.X); v != nil {
				f.forget(v)
			}
		}
	}
}

// pulled returns the amount of a token the caller pays in:
// token.transferFrom(msg.sender, address(this), amount) or
// safeTransferFrom(token, msg.sender, to, amount), with neither the token
// nor the receiving account of the caller's choosing (a token they wrote
// could "pay" anything, and tokens moved to an account of theirs pay
// nothing); nil for other calls.
func (f *axsFunds) pulled(x *ast.FunctionCall, cl *sema.Call) ast.Expr {
	from := axsTransferFromOf(f.prog, x)
	if from == nil || !axsSenderish(f.wk, from) {
		return nil
	}
	var token, to, amt ast.Expr
	switch cl.Kind {
	case sema.CallExternal:
		if cl.Name != "transferFrom" || len(x.Args) != 3 {
			return nil
		}
		token, to, amt = cl.Receiver, x.Args[1], x.Args[2]
	default:
		args := cl.Args()
		token, to, amt = args[0], args[2], args[3]
	}
	if token == nil || f.wk.Tainted(token) || f.wk.Tainted(to) || axsSenderish(f.wk, to) {
		return nil
	}
	return amt
}

// axsIdentVar returns the variable a plain identifier (possibly converted)
// names; nil for member and index accesses.
func axsIdentVar(prog *sema.Program, e ast.Expr) *ast.VariableDeclaration {
	id, ok := axsStripConv(prog, e).(*ast.Identifier)
	if !ok {
		return nil
	}
	v, _ := prog.Ref(id).(*ast.VariableDeclaration)
	return v
}

// axsRootVar returns the variable an lvalue or access path starts from:
// amounts in amounts[i], s in s.f[k].
func axsRootVar(prog *sema.Program, e ast.Expr) *ast.VariableDeclaration {
	for i := 0; i < 32; i++ {
		switch x := axsStripConv(prog, e).(type) {
		case *ast.IndexAccess:
			e = x.X
		case *ast.MemberAccess:
			if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok && v.IsStateVar {
				return v
			}
			e = x.X
		case *ast.Identifier:
			v, _ := prog.Ref(x).(*ast.VariableDeclaration)
			return v
		default:
			return nil
		}
	}
	return nil
}

// axsStableExpr reports expressions built only from locals, literals,
// member and index accesses, arithmetic and conversions — whose value
// stays put until one of the locals is written — and reading at least one
// local.
func axsStableExpr(prog *sema.Program, e ast.Expr) bool {
	local := false
	var stable func(e ast.Expr) bool
	stable = func(e ast.Expr) bool {
		switch x := unparen(e).(type) {
		case *ast.Identifier:
			v, ok := prog.Ref(x).(*ast.VariableDeclaration)
			if !ok || v.IsStateVar {
				return false
			}
			local = true
			return true
		case *ast.Literal:
			return true
		case *ast.MemberAccess:
			if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok && v.IsStateVar {
				return false
			}
			return stable(x.X)
		case *ast.IndexAccess:
			return x.Index != nil && stable(x.X) && stable(x.Index)
		case *ast.BinaryOperation:
			return stable(x.X) && stable(x.Y)
		case *ast.UnaryOperation:
			return (x.Op == "-" || x.Op == "!" || x.Op == "~") && stable(x.X)
		case *ast.FunctionCall:
			return len(x.Args) == 1 && axsStripConv(prog, x) != ast.Expr(x) && stable(x.Args[0])
		}
		return false
	}
	return stable(e) && local
}

// axsSameExpr reports structurally equal expressions naming the same
// variables: amounts[amounts.length - 1] and amounts[amounts.length - 1].
func axsSameExpr(prog *sema.Program, a, b ast.Expr) bool {
	a, b = unparen(a), unparen(b)
	switch x := a.(type) {
	case *ast.Identifier:
		y, ok := b.(*ast.Identifier)
		if !ok {
			return false
		}
		rx := prog.Ref(x)
		return rx != nil && rx == prog.Ref(y)
	case *ast.Literal:
		y, ok := b.(*ast.Literal)
		return ok && x.Kind == y.Kind && x.Value == y.Value && x.Unit == y.Unit
	case *ast.MemberAccess:
		y, ok := b.(*ast.MemberAccess)
		return ok && x.Member.Name == y.Member.Name && axsSameExpr(prog, x.X, y.X)
	case *ast.IndexAccess:
		y, ok := b.(*ast.IndexAccess)
		return ok && x.Index != nil && y.Index != nil && axsSameExpr(prog, x.X, y.X) && axsSameExpr(prog, x.Index, y.Index)
	case *ast.BinaryOperation:
		y, ok := b.(*ast.BinaryOperation)
		return ok && x.Op == y.Op && axsSameExpr(prog, x.X, y.X) && axsSameExpr(prog, x.Y, y.Y)
	case *ast.UnaryOperation:
		y, ok := b.(*ast.UnaryOperation)
		return ok && x.Op == y.Op && x.Prefix == y.Prefix && axsSameExpr(prog, x.X, y.X)
	case *ast.FunctionCall:
		y, ok := b.(*ast.FunctionCall)
		return ok && len(x.Args) == 1 && len(y.Args) == 1 && axsStripConv(prog, x) != ast.Expr(x) &&
			axsStripConv(prog, y) != ast.Expr(y) && axsCode(x.Fn) == axsCode(y.Fn) && axsSameExpr(prog, x.Args[0], y.Args[0])
	}
	return false
}
