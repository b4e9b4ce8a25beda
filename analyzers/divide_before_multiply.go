package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// DivideBeforeMultiply flags a product one of whose factors is the result
// of an integer division.
var DivideBeforeMultiply = &Analyzer{
	ID:         "divide-before-multiply",
	Title:      "Division before multiplication",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatArithmetic,
	CWE:        []string{"CWE-682"},
	Description: "Solidity's integer division truncates. Dividing first and multiplying the truncated " +
		"result afterwards multiplies the rounding error too: `(a / b) * c` can be far below `a * c / b`, " +
		"and is 0 whenever `a < b`.",
	Exploit: "A fee is computed as `amount / 10000 * feeBps`. Any transfer below 10000 units pays no fee at " +
		"all, so a user splits a large transfer into many small ones and never pays; interest computed " +
		"as `rate / secondsPerYear * elapsed` rounds to zero for small rates.",
	Recommendation: "Multiply before dividing (`a * c / b`), or use a full-precision helper such as " +
		"OpenZeppelin's `Math.mulDiv(a, c, b)` to avoid overflow of the intermediate product.",
	Run: runDivideBeforeMultiply,
}

func init() { registry = append(registry, DivideBeforeMultiply) }

func runDivideBeforeMultiply(p *Pass) {
	prog := p.Program
	ariBodies(p, func(b ariBody) {
		// Local variables holding a quotient: x = a / b, x /= b.
		quotients := map[*ast.VariableDeclaration]*ast.BinaryOperation{}
		markDiv := func(v *ast.VariableDeclaration, val ast.Expr) {
			if v == nil || v.IsStateVar || val == nil {
				return
			}
			if d, ok := ariStripConversions(prog, val).(*ast.BinaryOperation); ok && d.Op == "/" && !ariIsConst(prog, d) {
				quotients[v] = d
			}
		}
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.VariableDeclarationStatement:
				if len(x.Decls) == 1 {
					markDiv(x.Decls[0], x.Value)
				}
			case *ast.Assignment:
				if id, ok := unparen(x.LHS).(*ast.Identifier); ok {
					v, _ := prog.Ref(id).(*ast.VariableDeclaration)
					switch x.Op {
					case "=":
						markDiv(v, x.RHS)
					case "/=":
						if v != nil && !v.IsStateVar {
							quotients[v] = &ast.BinaryOperation{Base: x.Base, Op: "/", X: x.LHS, Y: x.RHS}
						}
					}
				}
			}
			return true
		})
		quotientOf := func(e ast.Expr) *ast.BinaryOperation {
			e = ariStripConversions(prog, e)
			if d, ok := e.(*ast.BinaryOperation); ok && d.Op == "/" && !ariIsConst(prog, d) {
				return d
			}
			if id, ok := e.(*ast.Identifier); ok {
				if v, ok := prog.Ref(id).(*ast.VariableDeclaration); ok {
					if d := quotients[v]; d != nil && d.Span().Start.Offset < id.Span().Start.Offset {
						return d
					}
				}
			}
			return nil
		}
		// Remainders the function computes too: the truncation is handled.
		remainders := map[string]bool{}
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			if x, ok := n.(*ast.BinaryOperation); ok && x.Op == "%" {
				remainders[ariText(x.X)+"%"+ariText(x.Y)] = true
			}
			return true
		})
		intended := func(d *ast.BinaryOperation, factor, operand ast.Expr) bool {
			if ariRoundsToMultiple(prog, d, factor) || remainders[ariText(d.X)+"%"+ariText(d.Y)] || ariCeilDiv(prog, d) {
				return true
			}
			// A variable named as a quotient is an integer quotient on purpose.
			if id, ok := ariStripConversions(prog, operand).(*ast.Identifier); ok {
				name := strings.ToLower(id.Name)
				return strings.Contains(name, "quotient") || name == "q"
			}
			return false
		}
		check := func(mul ast.Node, a, c ast.Expr) {
			for _, pair := range [][2]ast.Expr{{a, c}, {c, a}} {
				d := quotientOf(pair[0])
				if d == nil || intended(d, pair[1], pair[0]) {
					continue
				}
				rel := []RelatedNode{}
				if d.Span().Start.Line != mul.Span().Start.Line || d.Span().File != mul.Span().File {
					rel = append(rel, RelatedNode{At: d, Message: "the division"})
				}
				p.Report(Report{At: mul, Function: b.Fn, Contract: b.Contract, Related: rel,
					Message: b.Label() + " multiplies the truncated result of `" + ariShort(d) + "` in `" + ariShort(mul) +
						"`; multiply first to keep precision"})
				return
			}
		}
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.BinaryOperation:
				if x.Op == "*" {
					check(x, x.X, x.Y)
				}
			case *ast.Assignment:
				if x.Op == "*=" {
					check(x, x.LHS, x.RHS)
				}
			}
			return true
		})
	})
}

// ariCeilDiv recognises the rounding-up idiom (x + k - 1) / k, (x + 2) / 3.
func ariCeilDiv(prog *sema.Program, d *ast.BinaryOperation) bool {
	if !ariIsConst(prog, d.Y) {
		return false
	}
	sum, ok := unparen(d.X).(*ast.BinaryOperation)
	if !ok || (sum.Op != "+" && sum.Op != "-") {
		return false
	}
	return ariIsConst(prog, sum.Y) || (sum.Op == "+" && ariIsConst(prog, sum.X))
}

// ariRoundsToMultiple recognises deliberate rounding: (a / b) * b.
func ariRoundsToMultiple(prog *sema.Program, div *ast.BinaryOperation, factor ast.Expr) bool {
	if ariText(ariStripConversions(prog, div.Y)) == ariText(ariStripConversions(prog, factor)) {
		return true
	}
	dv, ok1 := ariConstValue(prog, div.Y)
	fv, ok2 := ariConstValue(prog, factor)
	return ok1 && ok2 && dv.Cmp(fv) == 0
}
