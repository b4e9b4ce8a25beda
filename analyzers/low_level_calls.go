package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// LowLevelCalls lists call, delegatecall, staticcall and callcode: calls
// that skip the existence check and the ABI decoding of a typed call.
var LowLevelCalls = &Analyzer{
	ID:         "low-level-calls",
	Title:      "Low-level call",
	Severity:   Info,
	Confidence: ConfidenceHigh,
	Category:   CatUncheckedCall,
	CWE:        []string{"CWE-695"},
	Description: "`address.call`, `delegatecall`, `staticcall` and `callcode` bypass Solidity's " +
		"type checking: they do not check that the target has code, they report failure only " +
		"through a returned boolean, and their return data is raw bytes. Each one is listed so " +
		"reviewers confirm the success flag is checked, the target is trusted (for delegatecall) " +
		"and reentrancy is accounted for.",
	Exploit: "`token.call(abi.encodeWithSelector(IERC20.transfer.selector, to, amount))` returns " +
		"`true` when `token` is an address without code, so a contract that trusts the flag " +
		"credits a transfer that never happened.",
	Recommendation: "Prefer typed interface calls, `Address.functionCall` or `SafeERC20`, which " +
		"check the target's code and bubble up reverts. Where a low-level call is needed, check " +
		"the returned boolean and, for calls that must reach a contract, `target.code.length`.",
	Run: runLowLevelCalls,
}

func init() { registry = append(registry, LowLevelCalls) }

func runLowLevelCalls(p *Pass) {
	for _, b := range p.Bodies() {
		b := b
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			fc, ok := n.(*ast.FunctionCall)
			if !ok {
				return true
			}
			c := p.Program.CallOf(fc)
			if c == nil || c.Kind != sema.CallLowLevel {
				return true
			}
			target := "?"
			if c.Receiver != nil {
				target = c.Receiver.Span().Text()
			}
			msg := "low-level " + c.Name + " to " + target
			if c.Name == "delegatecall" || c.Name == "callcode" {
				msg += ": the callee runs with this contract's storage and balance"
			}
			p.ReportIn(b, fc, msg)
			return true
		})
	}
}
