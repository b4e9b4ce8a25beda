package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// ControlledDelegatecall flags delegatecall to an address the caller
// chooses, in a function anyone can call.
var ControlledDelegatecall = &Analyzer{
	ID:         "controlled-delegatecall",
	Title:      "Delegatecall to a caller-controlled address",
	Severity:   High,
	Confidence: ConfidenceMedium,
	Category:   CatAccessControl,
	SWC:        "SWC-112",
	CWE:        []string{"CWE-829"},
	Description: "`delegatecall` runs the target's code with this contract's storage, balance and " +
		"address. When the target comes from a parameter, from `msg.data`, from the caller itself, or " +
		"from a state variable anyone can overwrite, and no check of `msg.sender` guards the function, " +
		"any caller can run arbitrary code as the contract. A proxy that forwards to a stored " +
		"implementation is not flagged unless anyone can change that implementation.",
	Exploit: "The attacker deploys a contract whose function writes storage slot 0 (the owner) and calls " +
		"`selfdestruct`, then calls `forward(attackerContract, data)`. The victim delegatecalls into it: " +
		"the attacker becomes owner, drains the balance or destroys the contract.",
	Recommendation: "Only delegatecall into trusted code: a constant or immutable library, or an " +
		"implementation that only an authorised account can change. Guard functions that take the " +
		"target as an argument with an access-control check, or use a plain `call` instead.",
	Run: runControlledDelegatecall,
}

func init() { registry = append(registry, ControlledDelegatecall) }

func runControlledDelegatecall(p *Pass) {
	prog := p.Program
	done := map[ast.Node]bool{}
	for _, c := range axsAccessRoots(p) {
		if !axsLinearizationContains(prog, c, axsIsDelegatecallNode(prog)) {
			continue
		}
		attacker := axsAttackerAddresses(p, c)
		tainted := map[*ast.VariableDeclaration]bool{}
		for v := range attacker {
			tainted[v] = true
		}
		for _, f := range p.EntryPoints(c) {
			// A one-time initializer runs at deployment (unprotected-upgrade
			// reports the ones anyone can call first).
			if !axsReaches(p, c, f, "delegatecall", axsIsDelegatecallNode(prog)) || alwaysReverts(prog, f.Def) || axsOneTime(p, c, f) {
				continue
			}
			entry := f
			abstract := false
			outer := &axsOuterCall{prog: prog}
			yt := axsNewYulTaint(prog, c, f)
			guard := axsNewCallerCheck(p, c)
			var wk *Walker
			report := func(site ast.Node, target ast.Expr, stateVar *ast.VariableDeclaration, targetText string, st FlowState) {
				if abstract || guard.guarded(st) {
					return
				}
				at, more := outer.locate(site)
				if done[at] {
					return
				}
				done[at] = true
				why := "a value the caller chooses"
				var rel []RelatedNode
				if target != nil {
					stateVar = wk.StateVarOf(target)
				}
				if v := stateVar; v != nil && attacker[v] != nil {
					why = v.Name.Name + ", which any caller can overwrite"
					rel = append(rel, RelatedNode{At: attacker[v], Message: "anyone can set " + v.Name.Name + " here"})
				} else if target != nil && axsSenderish(wk, target) {
					why = "the caller's own address"
				}
				rel = append(more, rel...)
				axsReportAt(p, at, axsQualified(c, entry)+" delegatecalls into "+targetText+", "+why+
					"; no check of msg.sender guards it", rel...)
			}
			wk = p.NewWalker(c, f, FlowVisitor{
				Node: func(n ast.Node, st FlowState) {
					outer.visit(n)
					yt.visit(wk, n)
					guard.visit(wk, n)
					switch x := n.(type) {
					case *ast.FunctionCall:
						if axsCallsAbstract(prog, c, x) {
							abstract = true
						}
						cl := prog.CallOf(x)
						if cl == nil || cl.Kind != sema.CallLowLevel || (cl.Name != "delegatecall" && cl.Name != "callcode") {
							return
						}
						target := cl.Receiver
						if target == nil || axsIsThis(target) {
							return
						}
						if wk.Tainted(target) || axsSenderish(wk, target) {
							report(x, target, nil, axsCode(target), st)
						}
					case *ast.InlineAssembly:
						for _, y := range axsYulCalls(x, "delegatecall", "callcode") {
							if len(y.Args) > 1 && yt.tainted(wk, x, y.Args[1]) {
								report(y, nil, yt.stateOf(y.Args[1]), axsCode(y.Args[1]), st)
							}
						}
					}
				},
			})
			wk.TaintedState(tainted)
			wk.Run()
		}
	}
}

// axsIsDelegatecallNode matches Solidity and Yul delegatecall and callcode.
func axsIsDelegatecallNode(prog *sema.Program) func(ast.Node) bool {
	return func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FunctionCall:
			cl := prog.CallOf(x)
			return cl != nil && cl.Kind == sema.CallLowLevel && (cl.Name == "delegatecall" || cl.Name == "callcode")
		case *ast.YulFunctionCall:
			return x.Name.Name == "delegatecall" || x.Name.Name == "callcode"
		}
		return false
	}
}

// alwaysReverts reports a function whose body ends in an unconditional
// revert with no way out before it (no return, no Yul return or stop):
// simulateAndRevert-style helpers run arbitrary code only to report what
// it would do, and every effect is undone.
func alwaysReverts(prog *sema.Program, f *ast.FunctionDefinition) bool {
	return alwaysRevertsDepth(prog, f, 3)
}

// alwaysRevertsDepth is alwaysReverts, following a final call of another
// function that always reverts (Balancer's _revert(code) calls
// _revert(code, prefix), which reverts in assembly) up to depth deep.
func alwaysRevertsDepth(prog *sema.Program, f *ast.FunctionDefinition, depth int) bool {
	if f.Body == nil || len(f.Body.Stmts) == 0 {
		return false
	}
	exits := false
	inspectBody(prog, f.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.ReturnStatement:
			exits = true
		case *ast.YulFunctionCall:
			exits = exits || x.Name.Name == "return" || x.Name.Name == "stop"
		}
		return !exits
	})
	if exits {
		return false
	}
	switch last := f.Body.Stmts[len(f.Body.Stmts)-1].(type) {
	case *ast.RevertStatement:
		return true
	case *ast.ExpressionStatement:
		call, ok := last.X.(*ast.FunctionCall)
		if !ok {
			return false
		}
		if IsBuiltinCall(prog, call, "revert") {
			return true
		}
		cl := prog.CallOf(call)
		return depth > 0 && cl != nil && cl.Kind == sema.CallInternal && cl.Callee != nil && cl.Callee != f &&
			alwaysRevertsDepth(prog, cl.Callee, depth-1)
	case *ast.InlineAssembly:
		if last.Body == nil || len(last.Body.Stmts) == 0 {
			return false
		}
		es, ok := last.Body.Stmts[len(last.Body.Stmts)-1].(*ast.YulExpressionStatement)
		if !ok {
			return false
		}
		call, ok := es.X.(*ast.YulFunctionCall)
		return ok && call.Name.Name == "revert"
	}
	return false
}
