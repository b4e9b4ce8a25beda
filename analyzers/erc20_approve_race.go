package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Erc20ApproveRace flags ERC20 approve functions that overwrite a
// non-zero allowance.
var Erc20ApproveRace = &Analyzer{
	ID:         "erc20-approve-race",
	Title:      "ERC20 approve overwrites a non-zero allowance",
	Severity:   Low,
	Confidence: ConfidenceMedium,
	Category:   CatFrontRunning,
	SWC:        "SWC-114",
	CWE:        []string{"CWE-362"},
	Description: "`approve(spender, amount)` replaces the current allowance with a new one. When the owner " +
		"changes a non-zero allowance N to M, the spender can watch the mempool and spend N before the " +
		"change is mined and M after it: N+M in total. The token neither requires the allowance to be " +
		"reset to zero first nor offers `increaseAllowance`/`decreaseAllowance`.",
	Exploit: "Alice approved Bob for 100 tokens and now sends `approve(bob, 50)`. Bob sees it pending and " +
		"front-runs it with `transferFrom(alice, bob, 100)`; after Alice's transaction he calls " +
		"`transferFrom(alice, bob, 50)` — 150 tokens instead of at most 100.",
	Recommendation: "Offer `increaseAllowance`/`decreaseAllowance` (or EIP-2612 permits), or require " +
		"`amount == 0 || allowance[msg.sender][spender] == 0` in `approve`; clients should set the allowance " +
		"to zero before changing it.",
	Run: runErc20ApproveRace,
}

func init() { registry = append(registry, Erc20ApproveRace) }

func runErc20ApproveRace(p *Pass) {
	prog := p.Program
	done := map[ast.Node]bool{}
	for _, c := range axsAccessRoots(p) {
		if axsHasAllowanceAdjusters(c) {
			continue
		}
		for _, f := range p.EntryPoints(c) {
			d := f.Def
			if d.Name.Name != "approve" || len(d.Params) != 2 {
				continue
			}
			if t := prog.DeclType(d.Params[0]); t.Kind != sema.Address {
				continue
			}
			if t := prog.DeclType(d.Params[1]); t.Kind != sema.Uint {
				continue
			}
			entry := f
			amount := d.Params[1]
			zeroChecked := false
			var wk *Walker
			var writes []ast.Node
			wk = p.NewWalker(c, f, FlowVisitor{
				Node: func(n ast.Node, st FlowState) {
					var cond ast.Expr
					switch x := n.(type) {
					case *ast.IfStatement:
						cond = x.Cond
					case *ast.FunctionCall:
						if IsBuiltinCall(prog, x, "require", "assert") && len(x.Args) > 0 {
							cond = x.Args[0]
						}
					}
					if cond != nil && Contains(cond, func(n ast.Node) bool {
						b, ok := n.(*ast.BinaryOperation)
						if !ok || (b.Op != "==" && b.Op != "!=") {
							return false
						}
						// value == 0, or allowed[owner][spender] == 0
						other := b.X
						if !axsIsZero(b.Y) {
							if !axsIsZero(b.X) {
								return false
							}
							other = b.Y
						}
						if v := axsDeclOf(prog, other); v != nil && v == amount {
							return true
						}
						_, isIndex := unparen(other).(*ast.IndexAccess)
						return isIndex || wk.StateVarOf(other) != nil
					}) {
						zeroChecked = true
					}
				},
				Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
					if value == nil || !wk.Tainted(value) {
						return
					}
					e, ok := at.(ast.Expr)
					if !ok {
						return
					}
					ix, ok := unparen(e).(*ast.IndexAccess)
					if !ok {
						return
					}
					if _, nested := unparen(ix.X).(*ast.IndexAccess); !nested {
						return // allowances are owner => spender => amount
					}
					writes = append(writes, at)
				},
			})
			wk.Run()
			if zeroChecked {
				continue
			}
			for _, at := range writes {
				if done[at] {
					continue
				}
				done[at] = true
				axsReportAt(p, at, axsQualified(c, entry)+" overwrites the allowance "+axsCode(at)+
					" without requiring it to be zero first, and the token has no increaseAllowance/decreaseAllowance: "+
					"a spender can front-run a change and spend both the old and the new allowance")
			}
		}
	}
}

// axsHasAllowanceAdjusters reports tokens that offer a race-free way to
// change an allowance.
func axsHasAllowanceAdjusters(c *sema.Contract) bool {
	for _, f := range c.Functions {
		switch strings.ToLower(f.Def.Name.Name) {
		case "increaseallowance", "decreaseallowance", "increaseapproval", "decreaseapproval",
			"safeincreaseallowance", "safedecreaseallowance":
			return true
		}
	}
	return false
}
