package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// TxOrigin flags authorisation through tx.origin: a comparison of
// tx.origin with anything but msg.sender.
var TxOrigin = &Analyzer{
	ID:         "tx-origin",
	Title:      "Authorisation through tx.origin",
	Severity:   Medium,
	Confidence: ConfidenceHigh,
	Category:   CatTxOrigin,
	SWC:        "SWC-115",
	CWE:        []string{"CWE-477"},
	Description: "tx.origin is the externally owned account that started the transaction, not the " +
		"immediate caller. A check such as `require(tx.origin == owner)` passes for any contract " +
		"the owner can be lured into calling.",
	Exploit: "The attacker deploys a contract and persuades the owner to call it (a fake airdrop, " +
		"a token with a malicious hook). That contract calls the wallet; `tx.origin` is the owner, " +
		"so the check passes and the attacker drains the wallet.",
	Recommendation: "Authorise with `msg.sender`. Comparing `tx.origin == msg.sender` to reject " +
		"contract callers is a different pattern and is not flagged.",
	Run: runTxOrigin,
}

func init() { registry = append(registry, TxOrigin) }

func runTxOrigin(p *Pass) {
	check := func(body ast.Node, fn *ast.FunctionDefinition, contract *ast.ContractDefinition) {
		ast.Inspect(body, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryOperation)
			if !ok || (b.Op != "==" && b.Op != "!=") {
				return true
			}
			var other ast.Expr
			switch {
			case IsMagic(b.X, "tx", "origin"):
				other = b.Y
			case IsMagic(b.Y, "tx", "origin"):
				other = b.X
			default:
				return true
			}
			if IsSender(other) {
				return true // tx.origin == msg.sender: an EOA check, not authorisation
			}
			p.Report(Report{At: b, Function: fn, Contract: contract,
				Message: "authorisation compares tx.origin with " + other.Span().Text() + "; use msg.sender"})
			return true
		})
	}
	p.FunctionsOf(func(c *sema.Contract, f *sema.Function) {
		var cd *ast.ContractDefinition
		if c != nil {
			cd = c.Def
		}
		check(f.Def.Body, f.Def, cd)
	})
	p.ModifiersOf(func(c *sema.Contract, m *ast.ModifierDefinition) {
		check(m.Body, nil, c.Def)
	})
}
