package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// MsgValueLoop flags msg.value read inside a loop of a payable function:
// the ether of one transaction is counted once per iteration.
var MsgValueLoop = &Analyzer{
	ID:         "msg-value-loop",
	Title:      "msg.value used inside a loop",
	Severity:   High,
	Confidence: ConfidenceMedium,
	Category:   CatLogic,
	CWE:        []string{"CWE-837"},
	Description: "A payable function reads `msg.value` inside a loop, directly or in an internal " +
		"function the loop calls. `msg.value` is the ether of the whole transaction, not of one " +
		"iteration: crediting it, forwarding it or checking a per-item price against it once per " +
		"iteration counts the same ether many times.\n\nComparisons with zero and shares such as " +
		"`msg.value / n` are not reported. When only an authorised caller can run the loop the " +
		"finding is reported with medium severity.",
	Exploit: "`batchDeposit(address[] to)` does `balances[to[i]] += msg.value` for each address. " +
		"The attacker sends 1 ether with a list of 100 of their own addresses, is credited 100 " +
		"ether, and withdraws the other depositors' funds.",
	Recommendation: "Take an explicit amount per item, sum the amounts in the loop, and check " +
		"once, outside the loop, that the sum equals `msg.value` (or track the remaining value " +
		"in a local variable that each iteration decreases).",
	Run: runMsgValueLoop,
}

func init() { registry = append(registry, MsgValueLoop) }

func runMsgValueLoop(p *Pass) {
	loopRunPayable(p, func(prog *sema.Program, n ast.Node, parents []ast.Node) bool {
		return loopMsgValueUse(n, parents)
	}, func(cd *ast.ContractDefinition, h loopHit) (string, string) {
		name := loopFuncName(cd, h.fn)
		if h.site == h.target {
			return name + " reads msg.value inside a " + loopKeyword(h.loop) +
				"; every iteration counts the same ether", "msg.value read in the loop"
		}
		return name + " calls " + reentCode(h.site, 50) + ", which reads msg.value, inside a " + loopKeyword(h.loop) +
			"; every iteration counts the same ether", "msg.value read by the called function"
	}, nil)
}

// loopMsgValueUse matches msg.value except in comparisons with zero and as
// the dividend of a share (msg.value / n).
func loopMsgValueUse(n ast.Node, parents []ast.Node) bool {
	e, ok := n.(ast.Expr)
	if !ok || !IsMagic(e, "msg", "value") {
		return false
	}
	// Climb parentheses to the operation using it.
	var parent ast.Node
	for i := len(parents) - 1; i >= 0; i-- {
		if t, ok := parents[i].(*ast.TupleExpression); ok && len(t.Elems) == 1 {
			continue
		}
		parent = parents[i]
		break
	}
	if b, ok := parent.(*ast.BinaryOperation); ok {
		switch b.Op {
		case "==", "!=", ">", "<", ">=", "<=":
			other := b.Y
			if Unparen(b.Y) == Unparen(e) || IsMagic(b.Y, "msg", "value") {
				other = b.X
			}
			if reentZeroLit(other) {
				return false
			}
		case "/":
			if IsMagic(b.X, "msg", "value") {
				return false
			}
		}
	}
	return true
}

// loopRunPayable reports, for the payable entry points of each contract,
// the nodes inside their loops (or reached from them) that match.
func loopRunPayable(p *Pass, match func(prog *sema.Program, n ast.Node, parents []ast.Node) bool,
	describe func(cd *ast.ContractDefinition, h loopHit) (msg, targetNote string),
	keep func(c *sema.Contract, h loopHit) bool) {
	scope := reentScopeFiles(p.Program)
	reported := map[ast.Node]*Report{}
	var order []ast.Node
	seen := map[[2]ast.Node]bool{}
	matches := loopMatchSet(p.Program, match)
	for _, c := range p.Contracts() {
		if c.IsInterface() {
			continue
		}
		sc := newLoopScanner(p.Program, c, func(n ast.Node) bool { return matches[n] })
		for _, f := range p.EntryPoints(c) {
			if !f.IsPayable() {
				continue
			}
			hits := sc.inLoops(f, true)
			if len(hits) == 0 {
				continue
			}
			guards := loopGuards(p, c, f)
			for _, h := range hits {
				if !scope[h.site.Span().File] || seen[[2]ast.Node{h.site, h.target}] || (keep != nil && !keep(c, h)) {
					continue
				}
				seen[[2]ast.Node{h.site, h.target}] = true
				r := reported[h.site]
				if r == nil {
					msg, _ := describe(c.Def, h)
					if h.fn != f {
						msg += " (reached from the payable " + FunctionSignature(f.Def) + ")"
					}
					r = &Report{At: h.site, Contract: c.Def, Function: h.fn.Def, Message: msg,
						Related: []RelatedNode{{At: loopHeader(h.loop), Message: "the " + loopKeyword(h.loop)}}}
					if guards[h.loop] {
						r.Severity = Medium
						r.Message += " (only an authorised caller reaches it)"
					}
					reported[h.site] = r
					order = append(order, h.site)
				}
				if h.site != h.target {
					_, note := describe(c.Def, h)
					r.Related = append(r.Related, RelatedNode{At: h.target, Message: note})
				}
			}
		}
	}
	for _, n := range order {
		p.Report(*reported[n])
	}
}

// loopMatchSet evaluates match over every function and modifier body of
// the program, with the chain of parents of each node, and returns the
// matching nodes.
func loopMatchSet(prog *sema.Program, match func(prog *sema.Program, n ast.Node, parents []ast.Node) bool) map[ast.Node]bool {
	out := map[ast.Node]bool{}
	var roots []ast.Node
	for _, u := range prog.Units {
		if u.AST == nil {
			continue
		}
		for _, n := range u.AST.Nodes {
			switch x := n.(type) {
			case *ast.FunctionDefinition:
				if x.Body != nil {
					roots = append(roots, x.Body)
				}
			case *ast.ContractDefinition:
				for _, f := range x.Functions {
					if f.Body != nil {
						roots = append(roots, f.Body)
					}
				}
				for _, m := range x.Modifiers {
					if m.Body != nil {
						roots = append(roots, m.Body)
					}
				}
			}
		}
	}
	for _, r := range roots {
		ast.InspectStack(r, func(n ast.Node, stack []ast.Node) bool {
			if match(prog, n, stack) {
				out[n] = true
			}
			return true
		})
	}
	return out
}
