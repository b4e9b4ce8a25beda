package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// LockedEther flags contracts that accept ether and can never send it.
var LockedEther = &Analyzer{
	ID:         "locked-ether",
	Title:      "Contract locks ether",
	Severity:   Medium,
	Confidence: ConfidenceHigh,
	Category:   CatLogic,
	CWE:        []string{"CWE-667"},
	Description: "The contract can receive ether — a payable function, a payable constructor, a payable " +
		"`receive` or `fallback` — but nothing in it or its bases can send ether out: no `transfer`, `send`, " +
		"`call{value: …}`, no `selfdestruct`, no `delegatecall` to code that might. Every wei sent to it is " +
		"lost for good.",
	Exploit: "Users buy tickets with `buy() payable`; the contract has no withdrawal function, so the proceeds " +
		"can never be recovered by anyone.",
	Recommendation: "Add a withdrawal path (an owner-restricted `withdraw`, or pull payments for users), or " +
		"remove `payable` so ether is rejected.",
	Run: runLockedEther,
}

func init() { registry = append(registry, LockedEther) }

func runLockedEther(p *Pass) {
	prog := p.Program
	for _, c := range axsAccessRoots(p) {
		if c.IsAbstract() {
			continue
		}
		var payable []*ast.FunctionDefinition
		for _, f := range c.Functions {
			if !f.IsPayable() || f.Def.Body == nil {
				continue
			}
			rejects := false
			end := p.Walk(c, f, FlowVisitor{Node: func(n ast.Node, st FlowState) {
				call, ok := n.(*ast.FunctionCall)
				if ok && IsBuiltinCall(prog, call, "require", "assert") && len(call.Args) > 0 {
					if b, ok := unparen(call.Args[0]).(*ast.BinaryOperation); ok && b.Op == "==" &&
						((IsMagic(b.X, "msg", "value") && axsIsZero(b.Y)) || (IsMagic(b.Y, "msg", "value") && axsIsZero(b.X))) {
						rejects = true
					}
				}
			}})
			if axsEndsDead(end) || rejects {
				continue // `function () payable { revert(); }` rejects ether
			}
			payable = append(payable, f.Def)
		}
		if len(payable) == 0 {
			continue
		}
		if axsLinearizationContains(prog, c, func(n ast.Node) bool { return axsMovesEther(prog, n) }) {
			continue
		}
		var rel []RelatedNode
		for _, f := range payable {
			at := ast.Node(f.Name)
			if f.Name.Name == "" {
				at = f
			}
			rel = append(rel, RelatedNode{At: at, Message: FunctionSignature(f) + " accepts ether"})
		}
		p.Report(Report{At: c.Def.Name, Contract: c.Def,
			Message: c.Name() + " receives ether through " + FunctionSignature(payable[0]) +
				" but has no way to send it out (no transfer, send, call with value, selfdestruct or delegatecall)",
			Related: rel})
	}
}

// axsMovesEther matches anything that can move ether out of a contract.
func axsMovesEther(prog *sema.Program, n ast.Node) bool {
	switch x := n.(type) {
	case *ast.FunctionCall:
		cl := prog.CallOf(x)
		if cl == nil {
			return false
		}
		switch cl.Kind {
		case sema.CallSend, sema.CallTransfer, sema.CallLibrary:
			return true
		case sema.CallLowLevel:
			return cl.Value != nil || cl.Name == "delegatecall" || cl.Name == "callcode"
		case sema.CallExternal, sema.CallNew:
			return cl.Value != nil
		case sema.CallBuiltin:
			return cl.Builtin == "selfdestruct" || cl.Builtin == "suicide"
		}
		if _, ok := x.Fn.(*ast.FunctionCallOptions); ok {
			return true // new C{value: v}(), f{value: v}()
		}
	case *ast.YulFunctionCall:
		switch x.Name.Name {
		case "call", "callcode", "delegatecall", "create", "create2", "selfdestruct":
			return true
		}
	}
	return false
}
