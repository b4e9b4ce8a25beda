package analyzers

import (
	"math/big"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// IncorrectShift flags assembly shifts whose operands look swapped.
var IncorrectShift = &Analyzer{
	ID:         "incorrect-shift",
	Title:      "Shift operands in the wrong order",
	Severity:   High,
	Confidence: ConfidenceHigh,
	Category:   CatLogic,
	CWE:        []string{"CWE-682"},
	Description: "In assembly, `shl(s, v)`, `shr(s, v)` and `sar(s, v)` shift the value `v` by `s` bits: the " +
		"shift amount comes first, unlike Solidity's `v << s`. Writing `shr(x, 8)` shifts the constant 8 " +
		"by `x` bits instead of shifting `x` by 8, and silently yields 0 or garbage.",
	Exploit: "A decoder extracts a length with `len := shr(word, 224)` meaning `word >> 224`; the result is " +
		"`224 >> word`, almost always 0, so bounds checks built on it pass and out-of-range data is read.",
	Recommendation: "Put the shift amount first: `shr(224, word)`.",
	Run:            runIncorrectShift,
}

func init() { registry = append(registry, IncorrectShift) }

func runIncorrectShift(p *Pass) {
	ariBodies(p, func(b ariBody) {
		var defs yulDefs
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			if a, ok := n.(*ast.InlineAssembly); ok {
				defs = collectYulDefs(a)
			}
			c, ok := n.(*ast.YulFunctionCall)
			if !ok || len(c.Args) != 2 {
				return true
			}
			switch c.Name.Name {
			case "shl", "shr", "sar":
			default:
				return true
			}
			if _, amountIsLit := c.Args[0].(*ast.YulLiteral); amountIsLit {
				return true
			}
			if defs.deliberateAmount(c.Args[0], 3) {
				return true
			}
			lit, ok := c.Args[1].(*ast.YulLiteral)
			if !ok || lit.Kind != ast.NumberLiteral {
				return true
			}
			v, ok := ariLiteralValue(&ast.Literal{Kind: ast.NumberLiteral, Value: lit.Value})
			if !ok || !ariLooksLikeShiftAmount(v) {
				return true
			}
			p.Report(Report{At: c, Function: b.Fn, Contract: b.Contract,
				Message: b.Label() + " calls `" + ariShort(c) + "`, which shifts the constant " + lit.Value + " by `" +
					ariShort(c.Args[0]) + "` bits; the shift amount goes first: `" + c.Name.Name + "(" + lit.Value + ", " + ariShort(c.Args[0]) + ")`"})
			return true
		})
	})
}

// ariLooksLikeShiftAmount accepts the constants people shift by — multiples
// of 4 up to 256 (8, 32, 96, 224…) — but not 1 or bit masks (2^k − 1):
// shl(i, 1) and shl(n, 0xff) build masks on purpose.
func ariLooksLikeShiftAmount(v *big.Int) bool {
	if v.Cmp(big.NewInt(2)) < 0 || v.Cmp(big.NewInt(256)) > 0 {
		return false
	}
	n := v.Int64()
	if n&(n+1) == 0 { // 2^k − 1
		return false
	}
	return n%8 == 0 || n%4 == 0
}

// yulDefs maps the Yul variables of an assembly block to the expressions
// assigned to them, and Yul function parameters to the arguments of the
// calls of their function.
type yulDefs map[string][]ast.YulExpr

func collectYulDefs(a *ast.InlineAssembly) yulDefs {
	d := yulDefs{}
	params := map[string][]string{} // function name → parameter names
	ast.Inspect(a, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.YulVariableDeclaration:
			for _, id := range x.Names {
				d[id.Name] = append(d[id.Name], x.Value)
			}
		case *ast.YulAssignment:
			for _, id := range x.Names {
				d[id.Name] = append(d[id.Name], x.Value)
			}
		case *ast.YulFunctionDefinition:
			for _, prm := range x.Params {
				params[x.Name.Name] = append(params[x.Name.Name], prm.Name)
			}
		}
		return true
	})
	ast.Inspect(a, func(n ast.Node) bool {
		if c, ok := n.(*ast.YulFunctionCall); ok {
			for i, prm := range params[c.Name.Name] {
				if i < len(c.Args) {
					d[prm] = append(d[prm], c.Args[i])
				}
			}
		}
		return true
	})
	return d
}

// deliberateAmount reports shift amounts that are computed on purpose: a
// flag (shl(isWide, 16) is 16 or 32, the width of a packed field), or a
// bit count built from shifts and masks. A plain variable holding a value
// is what the reversed-operand mistake looks like, and stays reported.
func (d yulDefs) deliberateAmount(e ast.YulExpr, depth int) bool {
	switch x := e.(type) {
	case *ast.YulFunctionCall:
		switch x.Name.Name {
		case "lt", "gt", "slt", "sgt", "eq", "iszero", "shl", "shr":
			return true
		}
	case *ast.YulIdentifier:
		vals := d[x.Name]
		if depth == 0 || len(vals) == 0 {
			return false
		}
		for _, v := range vals {
			if v == nil || !d.deliberateAmount(v, depth-1) {
				return false
			}
		}
		return true
	}
	return false
}
