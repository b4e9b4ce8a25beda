package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// DosFailedCall flags payments that revert when they fail, made to an
// address that any caller can put in a single shared state slot: the
// payee can make the function fail for everyone (SWC-113).
var DosFailedCall = &Analyzer{
	ID:         "dos-failed-call",
	Title:      "Payment that reverts on failure, to an address any caller can set",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatDenialOfService,
	SWC:        "SWC-113",
	CWE:        []string{"CWE-703"},
	Description: "A function anyone can call pays ether to an address held in a single state slot " +
		"(`leader`, `highestBidder`, `game.winner`, not an entry of a mapping or array), and the " +
		"payment reverts the whole transaction when it fails: `transfer`, or `send`/`call` whose " +
		"result goes straight into `require`/`assert` or an `if (!…) revert`. Some public function " +
		"lets any caller store their own address (or one they choose) in that slot. A contract " +
		"that puts itself there and reverts in its `receive()`/fallback makes every later call " +
		"fail, so nobody can outbid, replace or pay it, and the function is blocked for good.\n\n" +
		"Not reported: payments to `msg.sender` (the caller only blocks itself), to addresses kept " +
		"per user in a mapping or array (a failing payee only blocks its own entry), to addresses " +
		"only a privileged caller can set, payments behind a check of `msg.sender`, and payments " +
		"inside loops (`calls-loop` reports those).",
	Exploit: "An auction refunds the previous leader in `bid()` with " +
		"`require(leader.send(highestBid))` before recording the new one. The attacker bids from a " +
		"contract whose fallback always reverts. Every later `bid()` tries to refund the attacker, " +
		"the send fails, the `require` reverts, and the attacker wins the auction with their bid.",
	Recommendation: "Do not push ether to an address a caller chose as part of another caller's " +
		"transaction. Record what is owed (`pendingReturns[leader] += highestBid`) and let each " +
		"payee withdraw it in their own transaction (pull payments), or, where a push is needed, " +
		"ignore its failure and credit the amount for later withdrawal.",
	Run: runDosFailedCall,
}

func init() { registry = append(registry, DosFailedCall) }

func runDosFailedCall(p *Pass) {
	prog := p.Program
	scope := reentScopeFiles(prog)
	done := map[ast.Node]bool{}
	parents := map[*ast.FunctionDefinition]map[ast.Node]ast.Node{}
	for _, c := range p.Contracts() {
		if c.IsInterface() || c.IsLibrary() {
			continue
		}
		var payers []*sema.Function
		for _, f := range p.EntryPoints(c) {
			if !f.IsView() && axsReaches(p, c, f, "pushes-ether", dosPayment(prog)) {
				payers = append(payers, f)
			}
		}
		if len(payers) == 0 {
			continue // nothing pays anyone: no need to know who sets what
		}
		// State variables any caller can point at an address of their choosing.
		chosen := map[*ast.VariableDeclaration]WriteSite{}
		for v, sites := range p.UnguardedWrites(c) {
			for _, s := range sites {
				if dosClaimOnce(prog, s.Entry, v) {
					continue // only while it is still empty: set once
				}
				if s.Value != nil && (IsSender(s.Value) || s.Tainted) {
					chosen[v] = s
					break
				}
			}
		}
		if len(chosen) == 0 {
			continue
		}
		for _, f := range payers {
			var wk *Walker
			wk = p.NewWalker(c, f, FlowVisitor{Node: func(n ast.Node, st FlowState) {
				x, ok := n.(*ast.FunctionCall)
				if !ok || st.Guarded || done[x] || !scope[x.Span().File] {
					return
				}
				call := prog.CallOf(x)
				if call == nil || call.Receiver == nil {
					return
				}
				fn, _ := axsEnclosingDecl(prog, x)
				if fn == nil || fn.Body == nil {
					return
				}
				par := parents[fn]
				if par == nil {
					par = p.parentsOf(fn.Body)
					parents[fn] = par
				}
				switch call.Kind {
				case sema.CallTransfer:
				case sema.CallSend:
					if !dosRevertsOnFailure(prog, par, x) {
						return
					}
				case sema.CallLowLevel:
					if call.Name != "call" || call.Value == nil || reentZeroLit(call.Value) || !dosRevertsOnFailure(prog, par, x) {
						return
					}
				default:
					return
				}
				recv := call.Receiver
				if wk.IsSender(recv) || IsSender(recv) || dosIndexed(prog, recv) || dosInLoop(par, x) {
					return
				}
				v := wk.StateVarOf(axsStripConv(prog, recv))
				if v == nil {
					if id, ok := Unparen(axsStripConv(prog, recv)).(*ast.Identifier); ok {
						if sv, ok := prog.Ref(id).(*ast.VariableDeclaration); ok && sv.IsStateVar {
							v = sv
						}
					}
				}
				site, ok := chosen[v]
				if v == nil || !ok {
					return
				}
				done[x] = true
				p.Report(Report{At: x, Contract: c.Def, Function: f.Def,
					Message: loopFuncName(c.Def, f) + " pays " + reentCode(recv, 40) + " with `" + reentCode(x, 60) +
						"`, which reverts if the payment fails, and any caller can put their own address in " + v.Name.Name +
						" through " + FunctionSignature(site.Entry.Def) + "; a payee that rejects ether blocks " +
						FunctionSignature(f.Def) + " for everyone",
					Related: []RelatedNode{{At: site.At, Message: "any caller sets " + v.Name.Name + " here"}}})
			}})
			wk.Run()
		}
	}
}

// dosPayment matches the calls the walk looks at: transfer, send and
// call with a value. Entry points that reach none are not walked.
func dosPayment(prog *sema.Program) func(ast.Node) bool {
	return func(n ast.Node) bool {
		x, ok := n.(*ast.FunctionCall)
		if !ok {
			return false
		}
		call := prog.CallOf(x)
		if call == nil {
			return false
		}
		switch call.Kind {
		case sema.CallTransfer, sema.CallSend:
			return true
		case sema.CallLowLevel:
			return call.Name == "call" && call.Value != nil
		}
		return false
	}
}

// dosRevertsOnFailure reports a send or call whose success flag goes
// straight into require/assert, or into `if (!ok) revert`/`throw`.
func dosRevertsOnFailure(prog *sema.Program, parents map[ast.Node]ast.Node, x *ast.FunctionCall) bool {
	var cur ast.Node = x
	up := parents[cur]
	negated := false
	for {
		if t, ok := up.(*ast.TupleExpression); ok && len(t.Elems) == 1 {
			cur, up = up, parents[up]
			continue
		}
		if u, ok := up.(*ast.UnaryOperation); ok && u.Op == "!" {
			negated = !negated
			cur, up = up, parents[up]
			continue
		}
		break
	}
	switch y := up.(type) {
	case *ast.FunctionCall:
		return !negated && IsBuiltinCall(prog, y, "require", "assert") && len(y.Args) > 0 && y.Args[0] == cur
	case *ast.IfStatement:
		return negated && y.Cond == cur && dosAborts(y.Then)
	case *ast.VariableDeclarationStatement:
		// (bool ok, ) = to.call{value: v}(""); require(ok);
		if negated || len(y.Decls) == 0 || y.Decls[0] == nil {
			return false
		}
		blk, ok := parents[y].(*ast.Block)
		if !ok {
			return false
		}
		after := false
		for _, st := range blk.Stmts {
			if st == ast.Stmt(y) {
				after = true
				continue
			}
			if after && dosChecks(prog, st, y.Decls[0]) {
				return true
			}
		}
	}
	return false
}

// dosChecks reports a statement that reverts unless ok holds:
// require(ok), assert(ok), if (!ok) revert.
func dosChecks(prog *sema.Program, st ast.Stmt, ok *ast.VariableDeclaration) bool {
	isOK := func(e ast.Expr) bool {
		id, is := Unparen(e).(*ast.Identifier)
		return is && prog.Ref(id) == sema.Symbol(ok)
	}
	switch x := st.(type) {
	case *ast.ExpressionStatement:
		c, is := Unparen(x.X).(*ast.FunctionCall)
		return is && IsBuiltinCall(prog, c, "require", "assert") && len(c.Args) > 0 && isOK(c.Args[0])
	case *ast.IfStatement:
		u, is := Unparen(x.Cond).(*ast.UnaryOperation)
		return is && u.Op == "!" && isOK(u.X) && dosAborts(x.Then)
	}
	return false
}

// dosAborts reports a branch that always reverts: throw, revert(…), or a
// block whose first statement does.
func dosAborts(s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.ThrowStatement, *ast.RevertStatement:
		return true
	case *ast.Block:
		return len(x.Stmts) > 0 && dosAborts(x.Stmts[0])
	case *ast.ExpressionStatement:
		if c, ok := Unparen(x.X).(*ast.FunctionCall); ok {
			if id, ok := c.Fn.(*ast.Identifier); ok && id.Name == "revert" {
				return true
			}
		}
	}
	return false
}

// dosIndexed reports recipients read from a mapping or array entry: a
// failing payee there blocks only its own entry.
func dosIndexed(prog *sema.Program, e ast.Expr) bool {
	return Contains(axsStripConv(prog, e), func(n ast.Node) bool {
		_, ok := n.(*ast.IndexAccess)
		return ok
	})
}

// dosInLoop reports calls written inside a loop of their function.
func dosInLoop(parents map[ast.Node]ast.Node, x ast.Node) bool {
	for n := parents[x]; n != nil; n = parents[n] {
		if loopIsLoop(n) {
			return true
		}
	}
	return false
}

// dosClaimOnce reports an entry point that requires v to be empty before
// setting it (`require(owner == address(0))`): it can set v only once.
func dosClaimOnce(prog *sema.Program, f *sema.Function, v *ast.VariableDeclaration) bool {
	if f.Def.Body == nil {
		return false
	}
	isV := func(e ast.Expr) bool {
		id, ok := Unparen(axsStripConv(prog, e)).(*ast.Identifier)
		return ok && prog.Ref(id) == sema.Symbol(v)
	}
	return Contains(f.Def.Body, func(n ast.Node) bool {
		c, ok := n.(*ast.FunctionCall)
		if !ok || !IsBuiltinCall(prog, c, "require", "assert") || len(c.Args) == 0 {
			return false
		}
		b, ok := Unparen(c.Args[0]).(*ast.BinaryOperation)
		return ok && b.Op == "==" && ((isV(b.X) && axsIsZero(axsStripConv(prog, b.Y))) || (isV(b.Y) && axsIsZero(axsStripConv(prog, b.X))))
	})
}
