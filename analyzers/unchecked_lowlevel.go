package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// UncheckedLowLevel flags low-level calls whose success flag is dropped
// or never looked at.
var UncheckedLowLevel = &Analyzer{
	ID:         "unchecked-lowlevel",
	Title:      "Unchecked low-level call",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatUncheckedCall,
	SWC:        "SWC-104",
	CWE:        []string{"CWE-252"},
	Description: "`call`, `delegatecall`, `staticcall` and `callcode` do not revert when the callee fails: " +
		"they return `false`. A contract that drops that flag, or stores it and never looks at it, " +
		"carries on as if the call had succeeded. Also reported: a legacy `addr.call.value(v)` (or " +
		"`.gas(g)`, or `addr.call{value: v}`) written as a statement without the final `()`: it only " +
		"configures the call, which is never made, so no ether moves while the code after it runs as " +
		"if it had.",
	Exploit: "A payout `winner.call.value(prize)()` fails because the winner is a contract whose fallback " +
		"reverts (or the call runs out of gas). The contract still marks the prize as paid and the ether " +
		"stays locked, or an attacker arranges the failure on purpose to skip a step of the protocol.",
	Recommendation: "Check the flag: `(bool ok, ) = to.call{value: v}(\"\"); require(ok, \"call failed\");`, " +
		"or use OpenZeppelin's `Address.sendValue` / `Address.functionCall`, which revert on failure.",
	Run: runUncheckedLowLevel,
}

func init() { registry = append(registry, UncheckedLowLevel) }

func runUncheckedLowLevel(p *Pass) {
	ariBodies(p, func(b ariBody) {
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			if st, ok := n.(*ast.ExpressionStatement); ok {
				if name, ok := uncalledLowLevel(p.Program, st.X); ok {
					p.Report(Report{At: st.X, Function: b.Fn, Contract: b.Contract,
						Message: b.Label() + " never makes the low-level " + name + " `" + SpanCode(st.X.Span()) +
							"`: without the final `()` the statement only configures the call, and nothing is sent"})
				}
			}
			return true
		})
		ariCalls(p, b, func(x *ast.FunctionCall, call *sema.Call) {
			if call.Kind != sema.CallLowLevel {
				return
			}
			if ariResultUnchecked(p.Program, b, x) {
				p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
					Message: b.Label() + " ignores the success flag of the low-level " + call.Name + " `" + ariShort(x) +
						"`; a failed call does not revert"})
			}
		})
	})
}

// ariResultUnchecked reports calls whose boolean result (alone, or first in
// a tuple) is dropped or never decides anything.
func ariResultUnchecked(prog *sema.Program, b ariBody, x *ast.FunctionCall) bool {
	use := ariCallUse(prog, b.Parents, x)
	switch use.Kind {
	case ariUseDropped:
		return true
	case ariUseBound:
		if use.Stored {
			return false
		}
		if len(use.Vars) == 0 || use.Vars[0] == nil {
			return true // (, bytes memory data) = a.call(…)
		}
		if b.Fn != nil {
			for _, r := range b.Fn.Returns {
				if r == use.Vars[0] {
					return false // handed to the caller
				}
			}
		}
		return !ariVarChecked(prog, b.Body, b.Parents, use.Vars[0])
	}
	return false
}

// uncalledLowLevel matches an expression statement that sets the options of
// a low-level call and stops there: `a.call.value(v)`, `a.call.gas(g)`,
// `a.call{value: v}`. It returns the name of the call that is never made.
func uncalledLowLevel(prog *sema.Program, e ast.Expr) (string, bool) {
	e = Unparen(e)
	options := false
	for {
		switch x := e.(type) {
		case *ast.FunctionCallOptions:
			e, options = Unparen(x.X), true
			continue
		case *ast.FunctionCall:
			call := prog.CallOf(x)
			m, ok := x.Fn.(*ast.MemberAccess)
			if call == nil || call.Kind != sema.CallOption || !ok {
				return "", false
			}
			e, options = Unparen(m.X), true
			continue
		}
		break
	}
	m, ok := e.(*ast.MemberAccess)
	if !ok || !options {
		return "", false
	}
	switch m.Member.Name {
	case "call", "delegatecall", "callcode":
	default:
		return "", false
	}
	if !prog.TypeOf(m.X).IsAddress() {
		return "", false
	}
	return m.Member.Name, true
}
