package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// TxOrigin flags authorisation through tx.origin: a comparison of
// tx.origin with anything but msg.sender, or a membership test keyed by it
// (admins[tx.origin], hasRole(R, tx.origin)) that decides a condition.
var TxOrigin = &Analyzer{
	ID:         "tx-origin",
	Title:      "Authorisation through tx.origin",
	Severity:   Medium,
	Confidence: ConfidenceHigh,
	Category:   CatTxOrigin,
	SWC:        "SWC-115",
	CWE:        []string{"CWE-477"},
	Description: "tx.origin is the externally owned account that started the transaction, not the " +
		"immediate caller. A check such as `require(tx.origin == owner)` — or a lookup keyed by it, " +
		"`require(admins[tx.origin])` — passes for any contract the owner can be lured into calling.",
	Exploit: "The attacker deploys a contract and persuades the owner to call it (a fake airdrop, " +
		"a token with a malicious hook). That contract calls the wallet; `tx.origin` is the owner, " +
		"so the check passes and the attacker drains the wallet.",
	Recommendation: "Authorise with `msg.sender`. Comparing `tx.origin == msg.sender` to reject " +
		"contract callers is a different pattern and is not flagged.",
	Run: runTxOrigin,
}

func init() { registry = append(registry, TxOrigin) }

func runTxOrigin(p *Pass) {
	prog := p.Program
	check := func(body ast.Node, fn *ast.FunctionDefinition, contract *ast.ContractDefinition) {
		if body == nil {
			return
		}
		var parents map[ast.Node]ast.Node
		inspectBody(p.Program, body, func(n ast.Node) bool {
			// admins[tx.origin], hasRole(R, tx.origin): a membership test
			// keyed by the origin that decides a condition.
			if key := txOriginKeyedTest(prog, n); key != nil {
				if parents == nil {
					parents = p.parentsOf(body)
				}
				if txOriginDecides(prog, parents, n.(ast.Expr)) {
					p.Report(Report{At: n, Function: fn, Contract: contract,
						Message: "authorisation looks up tx.origin in `" + axsCode(n) + "`; use msg.sender"})
				}
				return true
			}
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
			if ariIsZero(p, other) {
				// tx.origin == address(0) holds only in an off-chain
				// simulation (eth_call from the zero address): a
				// simulation-only gate that no phishing contract can pass.
				return true
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

// txOriginKeyedTest returns tx.origin when n is a boolean lookup or call
// keyed by it: `admins[tx.origin]`, `hasRole(ADMIN, tx.origin)`,
// `isOwner(tx.origin)`.
func txOriginKeyedTest(prog *sema.Program, n ast.Node) ast.Expr {
	// The syntax first: this runs on every node, and a type is dear.
	var key ast.Expr
	switch x := n.(type) {
	case *ast.IndexAccess:
		if x.Index != nil && IsMagic(unparen(x.Index), "tx", "origin") {
			key = x.Index
		}
	case *ast.FunctionCall:
		for _, a := range x.Args {
			if IsMagic(unparen(a), "tx", "origin") {
				key = a
				break
			}
		}
		if key == nil {
			return nil
		}
		if call := prog.CallOf(x); call == nil || call.Kind == sema.CallBuiltin || call.Kind == sema.CallConversion {
			return nil
		}
	}
	if key == nil || prog.TypeOf(n.(ast.Expr)).Kind != sema.Bool {
		return nil
	}
	return key
}

// txOriginDecides reports a boolean that decides a require, an assert, an
// if or a loop condition, possibly through !, && and ||.
func txOriginDecides(prog *sema.Program, parents map[ast.Node]ast.Node, e ast.Expr) bool {
	var cur ast.Node = e
	for {
		par := parents[cur]
		switch x := par.(type) {
		case *ast.TupleExpression:
		case *ast.UnaryOperation:
			if x.Op != "!" {
				return false
			}
		case *ast.BinaryOperation:
			if x.Op != "&&" && x.Op != "||" {
				return false
			}
		case *ast.FunctionCall:
			return IsBuiltinCall(prog, x, "require", "assert") && len(x.Args) > 0 && x.Args[0] == cur
		case *ast.IfStatement:
			return x.Cond == cur
		case *ast.WhileStatement:
			return x.Cond == cur
		case *ast.Conditional:
			return x.Cond == cur
		default:
			return false
		}
		cur = par
	}
}
