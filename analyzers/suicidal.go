package analyzers

import (
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Suicidal flags selfdestruct reachable by any caller: no check of
// msg.sender on the way, or a check against a variable anyone can set.
var Suicidal = &Analyzer{
	ID:         "suicidal",
	Title:      "Anyone can destroy the contract",
	Severity:   High,
	Confidence: ConfidenceHigh,
	Category:   CatAccessControl,
	SWC:        "SWC-106",
	CWE:        []string{"CWE-284"},
	Description: "A `selfdestruct` (or the pre-0.5 `suicide`) is reachable from a public or external " +
		"function without any check of `msg.sender` on the way, or the only check compares " +
		"`msg.sender` with a state variable that any caller can overwrite first. Anyone can then " +
		"destroy the contract and send its ether wherever the call says.",
	Exploit: "The attacker calls `kill()` (or first calls the unprotected `setOwner(attacker)` and then " +
		"`kill()`); the contract's code is removed (before Cancun) and its ether balance is sent to the " +
		"beneficiary, which may be the attacker. Every contract and user that depends on it breaks — " +
		"the Parity library freeze locked 513,774 ether this way.",
	Recommendation: "Remove `selfdestruct` if it is not essential (since EIP-6780 it no longer deletes code " +
		"in most cases). Otherwise restrict the function with an owner check such as OpenZeppelin's " +
		"`onlyOwner`, and make sure the variables that check relies on can only be changed by the " +
		"current owner.",
	Run: runSuicidal,
}

func init() { registry = append(registry, Suicidal) }

func runSuicidal(p *Pass) {
	prog := p.Program
	done := map[ast.Node]bool{}
	for _, c := range axsAccessRoots(p) {
		if !axsLinearizationContains(prog, c, func(n ast.Node) bool {
			if call, ok := n.(*ast.FunctionCall); ok {
				return axsIsSelfdestruct(prog, call)
			}
			if y, ok := n.(*ast.YulFunctionCall); ok {
				return y.Name.Name == "selfdestruct"
			}
			return false
		}) {
			continue
		}
		auth := axsAuthRefs(p, c)
		destroys := func(n ast.Node) bool {
			if call, ok := n.(*ast.FunctionCall); ok {
				return axsIsSelfdestruct(prog, call)
			}
			if a, ok := n.(*ast.InlineAssembly); ok {
				return len(axsYulCalls(a, "selfdestruct")) > 0
			}
			return false
		}
		for _, f := range p.EntryPoints(c) {
			if !axsReaches(p, c, f, "selfdestruct", destroys) {
				continue
			}
			entry := f
			var guards []*ast.VariableDeclaration
			guardSeen := map[*ast.VariableDeclaration]bool{}
			abstract := false
			guard := axsNewCallerCheck(p, c)
			var wk *Walker
			noteGuard := func(cond ast.Expr) {
				ast.Inspect(cond, func(n ast.Node) bool {
					if e, ok := n.(ast.Expr); ok {
						if v := axsStateRoot(prog, c, e); v != nil {
							if _, trusted := auth[v]; trusted && !guardSeen[v] {
								guardSeen[v] = true
								guards = append(guards, v)
							}
						}
					}
					return true
				})
			}
			check := func(at ast.Node, what string, st FlowState) {
				if done[at] || abstract {
					return
				}
				if !guard.guarded(st) {
					done[at] = true
					axsReportAt(p, at, axsQualified(c, entry)+" lets any caller reach "+what+": no check of msg.sender guards it")
					return
				}
				if len(guards) == 0 && len(guard.vars) == 0 {
					return
				}
				var rel []RelatedNode
				var setters string
				all := append(append([]*ast.VariableDeclaration(nil), guards...), guard.vars...)
				seen := map[*ast.VariableDeclaration]bool{}
				for _, v := range all {
					if seen[v] {
						continue
					}
					seen[v] = true
					w, ok := axsOpenWrites(p, c)[v]
					if !ok {
						return
					}
					rel = append(rel, RelatedNode{At: w.At, Message: "anyone can overwrite " + v.Name.Name + " here"})
					if setters != "" {
						setters += ", "
					}
					setters += v.Name.Name + " (through " + axsQualified(c, w.Entry) + ")"
				}
				done[at] = true
				axsReportAt(p, at, axsQualified(c, entry)+" reaches "+what+" behind a caller check that trusts "+setters+
					", which any caller can set first", rel...)
			}
			wk = p.NewWalker(c, f, FlowVisitor{
				Node: func(n ast.Node, st FlowState) {
					guard.visit(wk, n)
					switch x := n.(type) {
					case *ast.IfStatement:
						noteGuard(x.Cond)
					case *ast.FunctionCall:
						if axsCallsAbstract(prog, c, x) {
							abstract = true
						}
						if IsBuiltinCall(prog, x, "require", "assert") && len(x.Args) > 0 {
							noteGuard(x.Args[0])
						}
						if axsIsSelfdestruct(prog, x) {
							check(x, axsCode(x), st)
						}
					case *ast.InlineAssembly:
						for _, y := range axsYulCalls(x, "selfdestruct") {
							check(y, "selfdestruct in assembly", st)
						}
					}
				},
			})
			wk.Run()
		}
	}
}
