package analyzers

import (
	"math/big"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Tautology flags comparisons whose result is fixed by the operand's type.
var Tautology = &Analyzer{
	ID:         "tautology",
	Title:      "Tautology or contradiction",
	Severity:   Medium,
	Confidence: ConfidenceHigh,
	Category:   CatLogic,
	CWE:        []string{"CWE-570", "CWE-571"},
	Description: "A comparison between an integer and a constant outside (or at the edge of) the integer " +
		"type's range always has the same result: `x >= 0` for an unsigned `x` is always true, " +
		"`y < 256` for a `uint8` always true, `x < 0` always false. The check the author meant is " +
		"not performed.",
	Exploit: "A token checks `require(balances[msg.sender] - amount >= 0)` to prevent overdrafts. The " +
		"subtraction of unsigned integers can never be negative (before 0.8 it wraps), so the check " +
		"passes for any amount and the attacker's balance underflows to a huge number.",
	Recommendation: "Compare the operands themselves (`require(balances[msg.sender] >= amount)`), use a " +
		"signed or wider type where negative or larger values are meant, or delete the dead check.",
	Run: runTautology,
}

func init() { registry = append(registry, Tautology) }

func runTautology(p *Pass) {
	prog := p.Program
	ariBodies(p, func(b ariBody) {
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			x, ok := n.(*ast.BinaryOperation)
			if !ok || !ariIsComparison(x.Op) {
				return true
			}
			varSide, constSide, op := x.X, x.Y, x.Op
			c, isConst := ariConstValue(prog, constSide)
			if !isConst {
				varSide, constSide, op = x.Y, x.X, ariMirror(x.Op)
				if c, isConst = ariConstValue(prog, constSide); !isConst {
					return true
				}
			}
			if ariIsConst(prog, varSide) {
				return true
			}
			lo, hi, ok := ariIntRange(prog.TypeOf(varSide))
			if !ok {
				return true
			}
			always, fixed := ariFixedComparison(op, c, lo, hi)
			if !fixed {
				return true
			}
			word := "false"
			if always {
				word = "true"
			}
			p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
				Message: b.Label() + ": `" + ariShort(x) + "` is always " + word + " because `" + ariShort(varSide) +
					"` is " + prog.TypeOf(varSide).String()})
			return true
		})
	})
}

// ariMirror swaps the sides of a comparison: c < x is x > c.
func ariMirror(op string) string {
	switch op {
	case "<":
		return ">"
	case ">":
		return "<"
	case "<=":
		return ">="
	case ">=":
		return "<="
	}
	return op
}

// ariFixedComparison decides `v op c` for every v in [lo, hi].
func ariFixedComparison(op string, c, lo, hi *big.Int) (always, fixed bool) {
	switch op {
	case ">=":
		if c.Cmp(lo) <= 0 {
			return true, true
		}
		if c.Cmp(hi) > 0 {
			return false, true
		}
	case ">":
		if c.Cmp(lo) < 0 {
			return true, true
		}
		if c.Cmp(hi) >= 0 {
			return false, true
		}
	case "<=":
		if c.Cmp(hi) >= 0 {
			return true, true
		}
		if c.Cmp(lo) < 0 {
			return false, true
		}
	case "<":
		if c.Cmp(hi) > 0 {
			return true, true
		}
		if c.Cmp(lo) <= 0 {
			return false, true
		}
	case "==":
		if c.Cmp(lo) < 0 || c.Cmp(hi) > 0 {
			return false, true
		}
	case "!=":
		if c.Cmp(lo) < 0 || c.Cmp(hi) > 0 {
			return true, true
		}
	}
	return false, false
}
