package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// IncorrectEquality flags strict equality on balances and block values.
var IncorrectEquality = &Analyzer{
	ID:         "incorrect-equality",
	Title:      "Dangerous strict equality",
	Severity:   Medium,
	Confidence: ConfidenceHigh,
	Category:   CatLogic,
	SWC:        "SWC-132",
	CWE:        []string{"CWE-697"},
	Description: "A strict equality (`==`, `!=`) on an ether or token balance assumes the contract controls " +
		"that balance exactly. It does not: ether can be forced in with `selfdestruct` or as a block " +
		"reward, and anyone can send tokens. Strict equality on `block.timestamp` or `block.number` " +
		"is likewise fragile: the exact block may never contain the transaction.",
	Exploit: "A crowdsale finishes when `address(this).balance == goal`. An attacker force-feeds 1 wei with " +
		"`selfdestruct(payable(sale))`; the balance skips over the goal, the condition is never true again " +
		"and the funds are locked.",
	Recommendation: "Compare with `>=`/`<=` (or track deposits in a variable the contract controls) and use " +
		"ranges rather than exact blocks or timestamps.",
	Run: runIncorrectEquality,
}

func init() { registry = append(registry, IncorrectEquality) }

func runIncorrectEquality(p *Pass) {
	prog := p.Program
	bal := &ariDeriv{prog: prog, src: func(n ast.Node) bool { return ariIsBalanceRead(prog, n) }, getters: true}
	bal.init()
	blk := &ariDeriv{prog: prog, src: func(n ast.Node) bool {
		v := ariBlockValue(prog, n)
		return v == "now" || v == "block.timestamp" || v == "block.number"
	}, getters: true}
	blk.init()
	blkState := p.blockDerivation()

	ariBodies(p, func(b ariBody) {
		ast.Inspect(b.Body, func(n ast.Node) bool {
			x, ok := n.(*ast.BinaryOperation)
			if !ok || (x.Op != "==" && x.Op != "!=") {
				return true
			}
			for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
				if w := bal.witness(pair[0], x); w != nil {
					if c, isCall := w.(*ast.FunctionCall); isCall && ariIsBalanceRead(prog, c) && ariIsZero(p, pair[1]) {
						continue // balanceOf(x) == 0: does x hold any, not exact accounting
					}
					p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
						Message: b.Label() + " compares a balance with strict equality: `" + ariShort(x) +
							"`; anyone can change " + ariShort(w) + " (force-fed ether, transferred tokens)"})
					return true
				}
			}
			if x.Op != "==" {
				return true
			}
			for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
				w := blk.witness(pair[0], x)
				if w == nil || ariHasModulo(pair[0]) || ariIsConst(prog, pair[1]) || blkState.Derived(pair[1]) {
					continue
				}
				p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
					Message: b.Label() + " requires an exact block value: `" + ariShort(x) +
						"`; the transaction may land in another block, so the condition may never hold"})
				return true
			}
			return true
		})
	})
}

// ariIsBalanceRead matches `address.balance` (and pre-0.5 `this.balance`)
// and external `balanceOf(account)` calls.
func ariIsBalanceRead(prog *sema.Program, n ast.Node) bool {
	switch x := n.(type) {
	case *ast.MemberAccess:
		if x.Member.Name != "balance" {
			return false
		}
		if _, isDecl := prog.Ref(x).(*ast.VariableDeclaration); isDecl {
			return false // a struct field or state variable named balance
		}
		if prog.Ref(x.X) == sema.Builtin("this") {
			return true
		}
		switch prog.TypeOf(x.X).Kind {
		case sema.Address, sema.ContractType:
			return true
		}
	case *ast.FunctionCall:
		call := prog.CallOf(x)
		return call != nil && call.Kind == sema.CallExternal && call.Name == "balanceOf" && len(x.Args) == 1
	}
	return false
}
