package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// UncheckedSend flags `.send()` whose result is dropped or never checked.
var UncheckedSend = &Analyzer{
	ID:         "unchecked-send",
	Title:      "Unchecked send",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatUncheckedCall,
	SWC:        "SWC-104",
	CWE:        []string{"CWE-252"},
	Description: "`address.send(amount)` returns `false` instead of reverting when the transfer fails " +
		"(the recipient's fallback reverts or needs more than the 2300 gas stipend). Ignoring the " +
		"result lets the contract continue as if the ether had been paid.",
	Exploit: "A game pays the winner with `winner.send(prize)` and then resets the pot. The winner is a " +
		"contract whose fallback spends more than 2300 gas, so `send` fails silently: the prize stays in the " +
		"contract while the game records it as paid, and the owner later sweeps it.",
	Recommendation: "Check the result (`require(to.send(v))`) or use `transfer`/`Address.sendValue`, which revert; " +
		"better, let recipients withdraw (pull payments).",
	Run: runUncheckedSend,
}

func init() { registry = append(registry, UncheckedSend) }

func runUncheckedSend(p *Pass) {
	ariBodies(p, func(b ariBody) {
		ariCalls(p, b, func(x *ast.FunctionCall, call *sema.Call) {
			if call.Kind != sema.CallSend {
				return
			}
			if ariResultUnchecked(p.Program, b, x) {
				p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
					Message: b.Label() + " ignores the result of `" + ariShort(x) + "`; a failed send does not revert"})
			}
		})
	})
}
