package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// DelegatecallLoop flags delegatecall inside a loop of a payable
// function: every delegated call sees the transaction's msg.value.
var DelegatecallLoop = &Analyzer{
	ID:         "delegatecall-loop",
	Title:      "delegatecall inside a loop in a payable function",
	Severity:   High,
	Confidence: ConfidenceMedium,
	Category:   CatLogic,
	CWE:        []string{"CWE-837"},
	Description: "A payable function runs `delegatecall` in a loop, typically a `multicall` that " +
		"delegates each element of a batch to the contract itself. A delegated call keeps the " +
		"caller's context, including `msg.value`, so every call in the batch sees the full ether " +
		"of the transaction: a function that credits `msg.value` can be run many times for the " +
		"price of one.\n\nNot reported when the batch delegates to the contract itself and no " +
		"function of the contract reads `msg.value`. When only an authorised caller can run the " +
		"loop the finding is reported with medium severity.",
	Exploit: "A router inherits a payable `multicall(bytes[] data)` that delegatecalls itself for " +
		"each element, and has a payable `deposit()` that credits `msg.value`. The attacker calls " +
		"`multicall` with ten encoded `deposit()` calls and 1 ether, and is credited 10 ether.",
	Recommendation: "Do not make batching functions payable, or make sure no delegated function " +
		"reads `msg.value` (track the ether actually spent in the batch instead, as Uniswap's " +
		"v3 periphery had to after this issue was reported).",
	Run: runDelegatecallLoop,
}

func init() { registry = append(registry, DelegatecallLoop) }

func runDelegatecallLoop(p *Pass) {
	// Contracts none of whose code reads msg.value cannot be fooled by a
	// self-delegating batch.
	// Asked only of contracts with a delegatecall to themselves in a loop.
	readsValue := map[*sema.Contract]bool{}
	reads := func(c *sema.Contract) bool {
		v, ok := readsValue[c]
		if !ok {
			v = loopContractReadsMsgValue(c)
			readsValue[c] = v
		}
		return v
	}
	selfTarget := map[ast.Node]bool{}
	loopRunPayable(p, func(prog *sema.Program, n ast.Node, parents []ast.Node) bool {
		fc, ok := n.(*ast.FunctionCall)
		if !ok {
			return false
		}
		call := prog.CallOf(fc)
		if call == nil || call.Kind != sema.CallLowLevel || call.Name != "delegatecall" {
			return false
		}
		if reentIsSelf(prog, call.Receiver) {
			selfTarget[n] = true
		}
		return true
	}, func(cd *ast.ContractDefinition, h loopHit) (string, string) {
		name := loopFuncName(cd, h.fn)
		if h.site == h.target {
			return name + " runs " + reentCode(h.site, 50) + " inside a " + loopKeyword(h.loop) +
				" of a payable function; every delegated call sees the same msg.value", "the delegatecall"
		}
		return name + " calls " + reentCode(h.site, 50) + ", which delegatecalls, inside a " + loopKeyword(h.loop) +
			" of a payable function; every delegated call sees the same msg.value", "the delegatecall"
	}, func(c *sema.Contract, h loopHit) bool {
		return !selfTarget[h.target] || reads(c)
	})
}

// loopContractReadsMsgValue reports whether any code of c (functions and
// modifiers of its linearisation) reads msg.value.
func loopContractReadsMsgValue(c *sema.Contract) bool {
	for _, l := range c.Linearization {
		for _, f := range l.Def.Functions {
			if f.Body != nil && Contains(f.Body, func(n ast.Node) bool {
				e, ok := n.(ast.Expr)
				return ok && IsMagic(e, "msg", "value")
			}) {
				return true
			}
		}
		for _, m := range l.Def.Modifiers {
			if m.Body != nil && Contains(m.Body, func(n ast.Node) bool {
				e, ok := n.(ast.Expr)
				return ok && IsMagic(e, "msg", "value")
			}) {
				return true
			}
		}
	}
	return false
}
