package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// ChainlinkStalePrice flags Chainlink price reads that skip the freshness
// and validity checks.
var ChainlinkStalePrice = &Analyzer{
	ID:         "chainlink-stale-price",
	Title:      "Chainlink price used without staleness or validity checks",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatOracle,
	CWE:        []string{"CWE-20", "CWE-672"},
	Description: "`latestRoundData()` returns the last answer the feed reported, however old, and the answer " +
		"may be zero or negative when the feed is broken. Code that uses `answer` without checking " +
		"`updatedAt` against `block.timestamp` (a heartbeat threshold) and `answer > 0` prices assets with " +
		"stale or invalid data. The deprecated `latestAnswer()` returns no timestamp at all, so freshness " +
		"cannot be checked.",
	Exploit: "The ETH/USD feed stops updating during a network congestion while the market falls 20%. The " +
		"lending pool keeps valuing ETH collateral at the old price; the attacker borrows against it and " +
		"leaves the protocol with bad debt.",
	Recommendation: "Read `(uint80 roundId, int256 answer, , uint256 updatedAt, ) = feed.latestRoundData()` and " +
		"require `answer > 0` and `block.timestamp - updatedAt <= HEARTBEAT` for the feed's heartbeat (and, " +
		"on L2s, check the sequencer uptime feed). Replace `latestAnswer()` with `latestRoundData()`.",
	Run: runChainlinkStalePrice,
}

func init() { registry = append(registry, ChainlinkStalePrice) }

func runChainlinkStalePrice(p *Pass) {
	prog := p.Program
	p.FunctionsOf(func(c *sema.Contract, f *sema.Function) {
		body := f.Def.Body
		var parents map[ast.Node]ast.Node
		inspectBody(p.Program, body, func(n ast.Node) bool {
			call, ok := n.(*ast.FunctionCall)
			if !ok || len(call.Args) != 0 {
				return true
			}
			cl := prog.CallOf(call)
			if cl == nil || cl.Kind != sema.CallExternal {
				return true
			}
			switch cl.Name {
			case "latestAnswer":
				axsReportAt(p, call, axsQualified(c, f)+" reads "+axsCode(call)+", deprecated and without a timestamp: "+
					"the price may be stale and cannot be checked; use latestRoundData() and check updatedAt and answer > 0")
			case "latestRoundData":
				if parents == nil {
					parents = p.parentsOf(body)
				}
				if missing := axsRoundDataChecks(prog, f, call, parents); missing != "" {
					axsReportAt(p, call, axsQualified(c, f)+" uses "+axsCode(call)+" without "+missing)
				}
			}
			return true
		})
	})
}

// axsRoundDataChecks returns what a latestRoundData() call's caller fails
// to check ("" when it checks enough or hands the values back).
func axsRoundDataChecks(prog *sema.Program, f *sema.Function, call *ast.FunctionCall, parents map[ast.Node]ast.Node) string {
	var answer, updatedAt *ast.VariableDeclaration
	switch p := axsSkipParens(parents, call).(type) {
	case *ast.ReturnStatement:
		return "" // a wrapper: its caller checks
	case *ast.VariableDeclarationStatement:
		if len(p.Decls) == 5 {
			answer, updatedAt = p.Decls[1], p.Decls[3]
		}
	case *ast.Assignment:
		if t, ok := unparen(p.LHS).(*ast.TupleExpression); ok && len(t.Elems) == 5 {
			answer, updatedAt = axsDeclOf(prog, t.Elems[1]), axsDeclOf(prog, t.Elems[3])
		}
	default:
		return "checking its results"
	}
	body := f.Def.Body
	compared := func(v *ast.VariableDeclaration) bool {
		if v == nil {
			return false
		}
		if axsReturnsVar(prog, f, v) {
			return true // handed to the caller to check
		}
		return Contains(body, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryOperation)
			if !ok {
				return false
			}
			switch b.Op {
			case "<", ">", "<=", ">=", "==", "!=", "-":
			default:
				return false
			}
			return axsMentions(prog, b, v)
		})
	}
	var missing []string
	if !compared(updatedAt) {
		missing = append(missing, "checking updatedAt against block.timestamp (stale prices)")
	}
	if answer != nil && !compared(answer) {
		missing = append(missing, "checking answer > 0")
	}
	return strings.Join(missing, " or ")
}

// axsReturnsVar reports whether f hands v back as it is: a named return,
// `return v` or `return (…, v, …)`.
func axsReturnsVar(prog *sema.Program, f *sema.Function, v *ast.VariableDeclaration) bool {
	for _, r := range f.Def.Returns {
		if r == v {
			return true
		}
	}
	return Contains(f.Def.Body, func(n ast.Node) bool {
		r, ok := n.(*ast.ReturnStatement)
		if !ok || r.Value == nil {
			return false
		}
		if t, ok := unparen(r.Value).(*ast.TupleExpression); ok {
			for _, el := range t.Elems {
				if el != nil && axsDeclOf(prog, el) == v && unparen(el) == RootExpr(el) {
					if _, ok := unparen(el).(*ast.Identifier); ok {
						return true
					}
				}
			}
			return false
		}
		id, ok := unparen(r.Value).(*ast.Identifier)
		return ok && prog.Ref(id) == v
	})
}

// axsMentions reports whether v occurs in n.
func axsMentions(prog *sema.Program, n ast.Node, v *ast.VariableDeclaration) bool {
	return Contains(n, func(x ast.Node) bool {
		id, ok := x.(*ast.Identifier)
		return ok && prog.Ref(id) == v
	})
}
