package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// ArbitrarySendErc20 flags transferFrom with a `from` the caller chooses.
var ArbitrarySendErc20 = &Analyzer{
	ID:         "arbitrary-send-erc20",
	Title:      "transferFrom with an arbitrary from address",
	Severity:   High,
	Confidence: ConfidenceHigh,
	Category:   CatAccessControl,
	SWC:        "SWC-105",
	CWE:        []string{"CWE-284", "CWE-639"},
	Description: "A function anyone can call moves tokens with `token.transferFrom(from, to, amount)` (or " +
		"`safeTransferFrom` through SafeERC20, TransferHelper or an NFT's own `safeTransferFrom`) where " +
		"`from` is a parameter or attacker-set state rather than `msg.sender` or the contract itself. Every " +
		"user who approved this contract can be drained by anyone.",
	Exploit: "Alice approves the contract for her USDC to use its `deposit`. The attacker calls " +
		"`deposit(alice, attacker, aliceBalance)`; the contract pulls Alice's tokens and credits the attacker.",
	Recommendation: "Use `msg.sender` as `from`, or require a signature from `from` (EIP-2612 permit with a " +
		"nonce), or restrict the function to trusted callers.",
	Run: runArbitrarySendErc20,
}

func init() { registry = append(registry, ArbitrarySendErc20) }

func runArbitrarySendErc20(p *Pass) {
	prog := p.Program
	done := map[ast.Node]bool{}
	for _, c := range axsAccessRoots(p) {
		if !axsLinearizationContains(prog, c, func(n ast.Node) bool {
			call, ok := n.(*ast.FunctionCall)
			return ok && axsTransferFromOf(prog, call) != nil
		}) {
			continue
		}
		attacker := axsAttackerAddresses(p, c)
		tainted := map[*ast.VariableDeclaration]bool{}
		for v := range attacker {
			tainted[v] = true
		}
		isTransferFrom := func(n ast.Node) bool {
			call, ok := n.(*ast.FunctionCall)
			return ok && axsTransferFromOf(prog, call) != nil
		}
		for _, f := range p.EntryPoints(c) {
			if !axsReaches(p, c, f, "transferfrom", isTransferFrom) {
				continue
			}
			entry := f
			abstract := false
			permitted := map[*ast.VariableDeclaration]bool{}
			guard := axsNewCallerCheck(p, c)
			outer := &axsOuterCall{prog: prog}
			commits := axsNewCommitments(prog, c)
			var wk *Walker
			wk = p.NewWalker(c, f, FlowVisitor{
				Node: func(n ast.Node, st FlowState) {
					guard.visit(wk, n)
					outer.visit(n)
					commits.visit(n)
					if axsCallsAbstract(prog, c, n) {
						abstract = true
					}
					call, ok := n.(*ast.FunctionCall)
					if !ok {
						return
					}
					cl := prog.CallOf(call)
					if cl != nil && (cl.Name == "permit" || cl.Name == "safePermit") {
						// A signed permit by `from` precedes the transfer.
						for _, a := range cl.Args() {
							if v := axsDeclOf(prog, a); v != nil {
								permitted[v] = true
							}
						}
					}
					from := axsTransferFromOf(prog, call)
					if from == nil || done[call] || guard.guarded(st) || abstract {
						return
					}
					if axsSenderish(wk, from) || axsIsThis(from) || !wk.Tainted(from) || commits.committed(from) {
						return
					}
					if v := axsDeclOf(prog, from); v != nil && permitted[v] {
						return
					}
					at, more := outer.locate(call)
					if done[at] {
						return
					}
					done[call], done[at] = true, true
					why := "a value the caller chooses"
					var rel []RelatedNode
					if v := wk.StateVarOf(from); v != nil && attacker[v] != nil {
						why = v.Name.Name + ", which any caller can set"
						rel = append(rel, RelatedNode{At: attacker[v], Message: "anyone can set " + v.Name.Name + " here"})
					}
					axsReportAt(p, at, axsQualified(c, entry)+" moves tokens from "+axsCode(from)+", "+why+
						", with "+axsCode(call.Fn)+"; anyone can spend the allowance of every account that approved this contract",
						append(more, rel...)...)
				},
			})
			wk.TaintedState(tainted)
			wk.Run()
		}
	}
}

// axsTransferFromOf returns the `from` argument of token.transferFrom(from,
// to, amount), nft.safeTransferFrom(from, to, id[, data]), and
// SafeERC20/TransferHelper-style library calls safeTransferFrom(token,
// from, to, amount); nil for other calls.
func axsTransferFromOf(prog *sema.Program, call *ast.FunctionCall) ast.Expr {
	cl := prog.CallOf(call)
	if cl == nil || (cl.Name != "transferFrom" && cl.Name != "safeTransferFrom") {
		return nil
	}
	switch cl.Kind {
	case sema.CallExternal:
		if len(call.Args) >= 3 {
			return call.Args[0]
		}
	case sema.CallInternal, sema.CallLibrary:
		if cl.Callee == nil || cl.Callee.Contract == nil || cl.Callee.Contract.Kind != ast.KindLibrary {
			return nil
		}
		if args := cl.Args(); len(args) == 4 {
			return args[1]
		}
	}
	return nil
}
