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
		"carries on as if the call had succeeded.",
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
