package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// CallsLoop flags external calls made inside a loop, directly or through
// internal functions called from the loop: one failing or gas-hungry
// callee blocks every iteration.
var CallsLoop = &Analyzer{
	ID:         "calls-loop",
	Title:      "External call inside a loop",
	Severity:   Low,
	Confidence: ConfidenceMedium,
	Category:   CatDenialOfService,
	SWC:        "SWC-113",
	CWE:        []string{"CWE-703"},
	Description: "An external call (an interface call, `call`, `send` or `transfer`) runs once per " +
		"iteration of a loop, either written in the loop body or inside an internal function " +
		"the loop calls. If any one callee reverts (a contract without a payable fallback, a " +
		"blacklisted token holder, a recipient that deliberately consumes all gas), the whole " +
		"transaction reverts and no iteration takes effect, so every recipient is held hostage " +
		"by the worst one.\n\nCalls to the contract itself, library calls, `staticcall` and calls of " +
		"view functions are not reported, nor loops in constructors.",
	Exploit: "`distribute()` pays every shareholder with `holders[i].transfer(share)` in a loop. " +
		"One shareholder is a contract whose `receive()` always reverts; from then on " +
		"`distribute()` reverts for everyone and the funds are stuck.",
	Recommendation: "Favour pull over push: record what each recipient is owed and let them " +
		"withdraw it in their own transaction. Where pushing is needed, do not let one failure " +
		"revert the loop (check the result of a low-level call and record the failure) and " +
		"bound the work per transaction.",
	Run: runCallsLoop,
}

func init() { registry = append(registry, CallsLoop) }

func runCallsLoop(p *Pass) {
	scope := reentScopeFiles(p.Program)
	type hitKey struct{ site, target ast.Node }
	seen := map[hitKey]bool{}
	reported := map[ast.Node]*Report{}
	var order []ast.Node
	scan := func(c *sema.Contract, fn *sema.Function, cd *ast.ContractDefinition) {
		sc := newLoopScanner(p.Program, c, func(n ast.Node) bool { return loopExternalCall(p.Program, n) })
		for _, h := range sc.inLoops(fn, false) {
			if !scope[h.site.Span().File] || seen[hitKey{h.site, h.target}] {
				continue
			}
			seen[hitKey{h.site, h.target}] = true
			r := reported[h.site]
			if r == nil {
				var what string
				if h.site != h.target {
					what = "calls " + reentCode(h.site, 50) + ", which makes an external call,"
				} else {
					what = "calls " + reentCode(h.site, 60)
				}
				r = &Report{At: h.site, Contract: cd, Function: h.fn.Def,
					Message: loopFuncName(cd, h.fn) + " " + what + " inside a " + loopKeyword(h.loop) +
						"; one failing or expensive callee reverts every iteration",
					Related: []RelatedNode{{At: loopHeader(h.loop), Message: "the " + loopKeyword(h.loop)}}}
				reported[h.site] = r
				order = append(order, h.site)
			}
			if h.site != h.target {
				r.Related = append(r.Related, RelatedNode{At: h.target, Message: "external call reached from the loop: " + reentCode(h.target, 60)})
			}
		}
	}
	for _, c := range p.Contracts() {
		if c.IsInterface() {
			continue
		}
		for _, f := range c.Functions {
			// A loop in a constructor can only fail the deployment.
			if f.Def.Body != nil && f.Def.Kind != ast.KindConstructor && !f.Def.LegacyConstructor {
				scan(c, f, c.Def)
			}
		}
	}
	p.FunctionsOf(func(c *sema.Contract, f *sema.Function) {
		if c == nil {
			scan(nil, f, nil)
		}
	})
	for _, n := range order {
		p.Report(*reported[n])
	}
}

// loopExternalCall matches calls that leave the contract and can fail
// on the callee's side: external and low-level calls (not to the contract
// itself, not staticcall), send and transfer.
func loopExternalCall(prog *sema.Program, n ast.Node) bool {
	fc, ok := n.(*ast.FunctionCall)
	if !ok {
		return false
	}
	call := prog.CallOf(fc)
	if call == nil {
		return false
	}
	switch call.Kind {
	case sema.CallExternal:
		if call.Callee != nil {
			switch call.Callee.Mutability {
			case "view", "pure", "constant":
				return false // a read cannot refuse a payment or lock state
			}
		}
		return !reentIsSelf(prog, call.Receiver)
	case sema.CallLowLevel:
		return call.Name != "staticcall" && !reentIsSelf(prog, call.Receiver)
	case sema.CallSend, sema.CallTransfer:
		return true
	}
	return false
}

// loopFuncName renders Contract.f(types) for loop findings.
func loopFuncName(cd *ast.ContractDefinition, fn *sema.Function) string {
	if cd != nil {
		return cd.Name.Name + "." + FunctionSignature(fn.Def)
	}
	return FunctionSignature(fn.Def)
}
