package analyzers

import (
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// BooleanCst flags boolean constants misused in conditions and logic.
var BooleanCst = &Analyzer{
	ID:         "boolean-cst",
	Title:      "Misuse of a boolean constant",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatLogic,
	CWE:        []string{"CWE-570", "CWE-571"},
	Description: "A boolean literal inside a condition or a logical expression makes part of the code dead or " +
		"a check meaningless: `if (false) {…}` never runs, `ok || true` is always true, `x && false` " +
		"always false. Such code is usually a leftover from debugging or a typo for a variable.",
	Exploit: "An access check written as `require(isOwner(msg.sender) || true)` during testing ships to " +
		"production; anyone passes it and calls the privileged function.",
	Recommendation: "Remove the constant or replace it with the variable that was meant; write `x` and `!x` " +
		"instead of `x == true` and `x == false`.",
	Run: runBooleanCst,
}

func init() { registry = append(registry, BooleanCst) }

func ariBoolLit(e ast.Expr) (string, bool) {
	l, ok := unparen(e).(*ast.Literal)
	if !ok || l.Kind != ast.BoolLiteral {
		return "", false
	}
	return l.Value, true
}

func runBooleanCst(p *Pass) {
	ariBodies(p, func(b ariBody) {
		report := func(at ast.Node, msg string, sev Severity) {
			p.Report(Report{At: at, Function: b.Fn, Contract: b.Contract, Severity: sev, Message: b.Label() + " " + msg})
		}
		cond := func(c ast.Expr, loop bool) {
			v, ok := ariBoolLit(c)
			if !ok || (loop && v == "true") {
				return // while (true) is an idiom
			}
			if v == "true" {
				report(c, "uses the constant `true` as a condition: the check does nothing", "")
			} else {
				report(c, "uses the constant `false` as a condition: the guarded code never runs", "")
			}
		}
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.IfStatement:
				cond(x.Cond, false)
			case *ast.WhileStatement:
				cond(x.Cond, true)
			case *ast.DoWhileStatement:
				cond(x.Cond, true)
			case *ast.ForStatement:
				if x.Cond != nil {
					cond(x.Cond, true)
				}
			case *ast.Conditional:
				cond(x.Cond, false)
			case *ast.BinaryOperation:
				switch x.Op {
				case "&&", "||":
					for _, side := range []ast.Expr{x.X, x.Y} {
						if v, ok := ariBoolLit(side); ok {
							report(x, "combines a boolean constant in `"+ariShort(x)+"`: the expression is always "+
								ariLogicResult(x.Op, v)+"", "")
							return true
						}
					}
				case "==", "!=":
					for _, side := range []ast.Expr{x.X, x.Y} {
						if _, ok := ariBoolLit(side); ok {
							report(x, "compares with a boolean constant in `"+ariShort(x)+"`; use the value itself", Info)
							return true
						}
					}
				}
			case *ast.UnaryOperation:
				if x.Op == "!" {
					if _, ok := ariBoolLit(x.X); ok {
						report(x, "negates a boolean constant in `"+ariShort(x)+"`", "")
					}
				}
			}
			return true
		})
	})
}

// ariLogicResult describes `x op lit`.
func ariLogicResult(op, lit string) string {
	switch {
	case op == "||" && lit == "true":
		return "true"
	case op == "&&" && lit == "false":
		return "false"
	}
	return "equal to the other operand"
}
