package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// UninitializedLocal flags value-type local variables that are read before
// any assignment can have reached them.
var UninitializedLocal = &Analyzer{
	ID:         "uninitialized-local",
	Title:      "Local variable read before it is assigned",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatUninitialized,
	CWE:        []string{"CWE-457"},
	Description: "A local variable of value type (integer, address, bool, fixed bytes, enum, " +
		"contract) declared without a value is zero until assigned. When it is read before any " +
		"assignment can have happened on any path, the code works with `0`, `address(0)` or " +
		"`false` where it almost certainly meant a real value: funds sent to the zero address, a " +
		"check against zero that always passes. Counters and accumulators (`uint n; … n++`, " +
		"`total += x`), loop variables `for (uint i; …)`, variables assigned in only some " +
		"branches, and variables written by inline assembly are not reported.",
	Exploit: "`function withdraw() external onlyOwner { address payable to; to.transfer(address(this).balance); }` " +
		"— the recipient was never set, so the owner's withdrawal sends the whole balance to " +
		"`address(0)`, where it is lost for good.",
	Recommendation: "Assign the variable before reading it, or initialise it explicitly " +
		"(`uint256 x = 0;`) where zero is really intended.",
	Run: runUninitializedLocal,
}

func init() { registry = append(registry, UninitializedLocal) }

func runUninitializedLocal(p *Pass) {
	for _, b := range p.Bodies() {
		candidates := uninitializedLocalDecls(b.Body)
		if len(candidates) == 0 {
			continue
		}
		inAsm := namesInAssembly(b.Body)
		updated := selfUpdatedLocals(p.Program, b.Body)
		tracked := map[*ast.VariableDeclaration]bool{}
		for _, d := range candidates {
			if d.Location == "storage" || inAsm[d.Name.Name] || updated[d] || !isValueTypeLocal(p.Program, d) {
				continue
			}
			tracked[d] = true
		}
		if len(tracked) == 0 {
			continue
		}
		reported := map[*ast.VariableDeclaration]bool{}
		b := b
		var unit *ast.SourceUnit
		if b.Contract != nil {
			unit = b.Contract.Def.Source
		} else if b.Function != nil {
			unit = unitOfNode(p, b.Function)
		}
		flow := &localFlow{prog: p.Program, tracked: tracked, resetOnDecl: unit != nil && !AllowsSolcBelow(unit, solc05), onUse: func(v *ast.VariableDeclaration, at ast.Node) {
			if reported[v] {
				return
			}
			reported[v] = true
			p.ReportIn(b, v, "local variable "+v.Name.Name+" is read before it is ever assigned: it still holds "+zeroValueOf(p.Program, v),
				RelatedNode{At: at, Message: "read here"})
		}}
		flow.run(b.Body)
	}
}

// isValueTypeLocal reports locals whose zero value is a plausible-looking
// value: integers, addresses, bools, fixed bytes, enums, value types and
// contract references.
func isValueTypeLocal(prog *sema.Program, d *ast.VariableDeclaration) bool {
	switch t := d.Type.(type) {
	case *ast.ElementaryTypeName:
		return t.Name != "string" && t.Name != "bytes"
	case *ast.UserDefinedTypeName:
		switch prog.DeclType(d).Kind {
		case sema.Enum, sema.ValueType, sema.ContractType:
			return true
		}
	}
	return false
}

func zeroValueOf(prog *sema.Program, d *ast.VariableDeclaration) string {
	t := prog.DeclType(d)
	switch t.Kind {
	case sema.Address, sema.ContractType:
		return "address(0)"
	case sema.Bool:
		return "false"
	case sema.FixedBytes:
		return "zero bytes"
	case sema.Enum:
		return "the enum's first member"
	}
	return "0"
}

// selfUpdatedLocals returns locals updated from their own value (x++,
// x += y, x = x.add(y)): counters and accumulators that rely on starting
// at zero.
func selfUpdatedLocals(prog *sema.Program, body ast.Node) map[*ast.VariableDeclaration]bool {
	out := map[*ast.VariableDeclaration]bool{}
	mark := func(e ast.Expr) {
		if id, ok := Unparen(e).(*ast.Identifier); ok {
			if v := LocalRef(prog, id); v != nil {
				out[v] = true
			}
		}
	}
	inspectBody(prog, body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Assignment:
			if x.Op != "=" {
				mark(x.LHS)
			} else if id, ok := Unparen(x.LHS).(*ast.Identifier); ok {
				if v := LocalRef(prog, id); v != nil && Contains(x.RHS, func(n ast.Node) bool {
					r, ok := n.(*ast.Identifier)
					return ok && prog.Ref(r) == ast.Node(v)
				}) {
					out[v] = true
				}
			}
		case *ast.UnaryOperation:
			if x.Op == "++" || x.Op == "--" {
				mark(x.X)
			}
		}
		return true
	})
	return out
}
