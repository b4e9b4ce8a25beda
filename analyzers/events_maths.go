package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// EventsMaths flags privileged setters of numeric parameters that emit no
// event.
var EventsMaths = &Analyzer{
	ID:         "events-maths",
	Title:      "Missing event for a critical arithmetic parameter",
	Severity:   Low,
	Confidence: ConfidenceMedium,
	Category:   CatCodeQuality,
	CWE:        []string{"CWE-778"},
	Description: "An owner-only function changes a numeric state variable that the contract uses in its " +
		"arithmetic (a fee, a rate, a price, a cap) without emitting an event. Users, monitors and " +
		"indexers cannot see the change happen.",
	Exploit: "The owner (or whoever stole the owner key) raises `feeBps` from 30 to 3000 just before a large " +
		"user trade. Nothing is logged, so no monitoring alert fires and the users only notice afterwards.",
	Recommendation: "Emit an event with the old and new value in every setter of a critical parameter " +
		"(`emit FeeUpdated(oldFee, newFee)`).",
	Run: runEventsMaths,
}

func init() { registry = append(registry, EventsMaths) }

func runEventsMaths(p *Pass) {
	prog := p.Program
	reported := map[ast.Node]bool{}
	owners := newAriOwners(prog)
	for _, c := range p.Contracts() {
		if c.IsInterface() || c.IsLibrary() {
			continue
		}
		arith := ariArithmeticStateVars(prog, c)
		if len(arith) == 0 {
			continue
		}
		for _, f := range p.EntryPoints(c) {
			// Only an assignment writes a value the walk can look at.
			if f.IsView() || f.Def.Kind != ast.KindFunction || !axsReaches(p, c, f, "assigns-any", isAssignment) {
				continue
			}
			type write struct {
				v  *ast.VariableDeclaration
				at ast.Node
			}
			var writes []write
			emitted := false
			var wk *Walker
			wk = p.NewWalker(c, f, FlowVisitor{
				Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
					if !st.Guarded || value == nil || !arith[v] || !wk.Tainted(value) {
						return
					}
					writes = append(writes, write{v, at})
				},
				Emit: func(ast.Node, FlowState) { emitted = true },
			})
			wk.Run()
			if emitted {
				continue
			}
			for _, w := range writes {
				if reported[w.at] || !owners.InScope(w.at) {
					continue
				}
				reported[w.at] = true
				ow := owners.Of(w.at)
				p.Report(Report{At: w.at, Function: ow.Fn, Contract: ow.Contract,
					Message: c.Name() + "." + f.Signature() + " sets the arithmetic parameter " + w.v.Name.Name +
						" without emitting an event"})
			}
		}
	}
}

func isAssignment(n ast.Node) bool {
	_, ok := n.(*ast.Assignment)
	return ok
}

// ariArithmeticStateVars returns the integer state variables of c (not
// mappings or arrays) that appear as operands of arithmetic in c's code.
func ariArithmeticStateVars(prog *sema.Program, c *sema.Contract) map[*ast.VariableDeclaration]bool {
	out := map[*ast.VariableDeclaration]bool{}
	mark := func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			var v *ast.VariableDeclaration
			switch x := n.(type) {
			case *ast.Identifier:
				v, _ = prog.Ref(x).(*ast.VariableDeclaration)
			case *ast.MemberAccess:
				v, _ = prog.Ref(x).(*ast.VariableDeclaration)
			case *ast.IndexAccess:
				return false
			}
			if v != nil && v.IsStateVar && !v.Constant && prog.DeclType(v).IsInteger() {
				out[v] = true
			}
			return true
		})
	}
	for _, l := range c.Linearization {
		ast.Inspect(l.Def, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.BinaryOperation:
				switch x.Op {
				case "+", "-", "*", "/", "%", "**":
					mark(x.X)
					mark(x.Y)
				}
			case *ast.Assignment:
				switch x.Op {
				case "+=", "-=", "*=", "/=", "%=":
					mark(x.RHS)
				}
			}
			return true
		})
	}
	return out
}
