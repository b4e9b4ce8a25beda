package analyzers

// What happens to the value a call returns: dropped, bound to variables
// that are (or are not) looked at later, or consumed on the spot. Shared
// by unchecked-lowlevel, unchecked-send, unchecked-transfer and
// unused-return.

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

type ariUseKind int

const (
	// ariUseDropped: the call is an expression statement; its value is lost.
	ariUseDropped ariUseKind = iota
	// ariUseBound: the value is assigned to variables (Vars).
	ariUseBound
	// ariUseConsumed: the value feeds an expression directly.
	ariUseConsumed
)

// ariUse is the fate of a call's return value.
type ariUse struct {
	Kind ariUseKind
	// Vars are the variables the value is bound to, parallel to a tuple
	// (nil for holes and for targets that are not plain variables).
	Vars []*ast.VariableDeclaration
	// Stored is true when the value was written somewhere we do not
	// follow (a state variable, an array element, a struct field).
	Stored bool
}

// ariCallUse classifies the use of call's value; parents is the parent map
// of the enclosing body.
func ariCallUse(prog *sema.Program, parents map[ast.Node]ast.Node, call *ast.FunctionCall) ariUse {
	var cur ast.Node = call
	p := parents[cur]
	for {
		t, ok := p.(*ast.TupleExpression)
		if !ok || len(t.Elems) != 1 {
			break
		}
		cur, p = p, parents[p]
	}
	switch x := p.(type) {
	case *ast.ExpressionStatement:
		return ariUse{Kind: ariUseDropped}
	case *ast.VariableDeclarationStatement:
		return ariUse{Kind: ariUseBound, Vars: x.Decls}
	case *ast.Assignment:
		if x.RHS != cur || x.Op != "=" {
			return ariUse{Kind: ariUseConsumed}
		}
		u := ariUse{Kind: ariUseBound}
		targets := []ast.Expr{x.LHS}
		if t, ok := unparen(x.LHS).(*ast.TupleExpression); ok && len(t.Elems) > 1 {
			targets = t.Elems
		}
		for _, el := range targets {
			if el == nil {
				u.Vars = append(u.Vars, nil)
				continue
			}
			if id, ok := unparen(el).(*ast.Identifier); ok {
				if v, ok := prog.Ref(id).(*ast.VariableDeclaration); ok {
					if v.IsStateVar {
						u.Stored = true
					}
					u.Vars = append(u.Vars, v)
					continue
				}
			}
			u.Stored = true
			u.Vars = append(u.Vars, nil)
		}
		return u
	case *ast.TupleExpression:
		// (a.send(x), b.send(y)); as a statement.
		if _, ok := parents[x].(*ast.ExpressionStatement); ok {
			return ariUse{Kind: ariUseDropped}
		}
	}
	return ariUse{Kind: ariUseConsumed}
}

// ariVarRefs returns the identifiers under body that denote v, except
// where v is being declared or assigned to.
func ariVarRefs(prog *sema.Program, body ast.Node, parents map[ast.Node]ast.Node, v *ast.VariableDeclaration) []*ast.Identifier {
	var out []*ast.Identifier
	inspectBody(prog, body, func(n ast.Node) bool {
		// Inline assembly reads the variable by name: let x := and(data, m).
		if y, ok := n.(*ast.YulIdentifier); ok && (y.Name == v.Name.Name || prog.Ref(y) == sema.Symbol(v)) {
			out = append(out, &ast.Identifier{Base: y.Base, Name: y.Name})
			return true
		}
		id, ok := n.(*ast.Identifier)
		if !ok {
			return true
		}
		if d, ok := prog.Ref(id).(*ast.VariableDeclaration); !ok || d != v {
			return true
		}
		if ariIsAssignTarget(parents, id) {
			return true
		}
		out = append(out, id)
		return true
	})
	return out
}

// ariIsAssignTarget reports identifiers written by `x = …` or `(x, y) = …`.
func ariIsAssignTarget(parents map[ast.Node]ast.Node, id *ast.Identifier) bool {
	var cur ast.Node = id
	for {
		p := parents[cur]
		switch x := p.(type) {
		case *ast.TupleExpression:
			cur = x
			continue
		case *ast.Assignment:
			return x.LHS == cur && x.Op == "="
		}
		return false
	}
}

// ariVarRead reports whether v is read anywhere in body.
func ariVarRead(prog *sema.Program, body ast.Node, parents map[ast.Node]ast.Node, v *ast.VariableDeclaration) bool {
	if v == nil {
		return false
	}
	if v.IsStateVar {
		return true // read elsewhere, possibly
	}
	return len(ariVarRefs(prog, body, parents, v)) > 0
}

// ariVarChecked reports whether the value of v decides something later:
// it appears in a condition, is returned, is handed to a function (which
// may check it, as OpenZeppelin's verifyCallResult does), is stored in
// state, or flows into another variable that is checked.
func ariVarChecked(prog *sema.Program, body ast.Node, parents map[ast.Node]ast.Node, v *ast.VariableDeclaration) bool {
	return ariVarCheckedSeen(prog, body, parents, v, map[*ast.VariableDeclaration]bool{})
}

func ariVarCheckedSeen(prog *sema.Program, body ast.Node, parents map[ast.Node]ast.Node, v *ast.VariableDeclaration, seen map[*ast.VariableDeclaration]bool) bool {
	if v == nil {
		return false
	}
	if v.IsStateVar {
		return true
	}
	if seen[v] {
		return false
	}
	seen[v] = true
	for _, id := range ariVarRefs(prog, body, parents, v) {
		if _, inTree := parents[id]; !inTree {
			return true // read by inline assembly: assume it is checked there
		}
		if ariRefDecides(prog, body, parents, id, seen) {
			return true
		}
	}
	return false
}

// ariRefDecides climbs from a use of a variable to what consumes it.
func ariRefDecides(prog *sema.Program, body ast.Node, parents map[ast.Node]ast.Node, ref ast.Node, seen map[*ast.VariableDeclaration]bool) bool {
	cur := ref
	for {
		p := parents[cur]
		switch x := p.(type) {
		case nil:
			return false
		case *ast.IfStatement:
			return x.Cond == cur
		case *ast.WhileStatement:
			return x.Cond == cur
		case *ast.DoWhileStatement:
			return x.Cond == cur
		case *ast.ForStatement:
			return x.Cond == cur
		case *ast.Conditional:
			if x.Cond == cur {
				return true
			}
		case *ast.ReturnStatement:
			return true
		case *ast.EmitStatement:
			return false
		case *ast.FunctionCall:
			if x.Fn == cur {
				return false
			}
			call := prog.CallOf(x)
			if call == nil {
				return true
			}
			switch call.Kind {
			case sema.CallEvent:
				return false
			case sema.CallConversion, sema.CallStruct:
				// uint(ok), S(ok, …): keep climbing.
			case sema.CallBuiltin:
				switch call.Builtin {
				case "require", "assert":
					return true
				case "abi.encode", "abi.encodePacked", "abi.encodeWithSelector", "abi.encodeWithSignature", "abi.encodeCall",
					"keccak256", "sha256", "sha3":
					// keep climbing: the encoding is what matters
				default:
					return true
				}
			default:
				return true
			}
		case *ast.Assignment:
			if x.LHS == cur {
				return false
			}
			if id, ok := unparen(x.LHS).(*ast.Identifier); ok {
				if v, ok := prog.Ref(id).(*ast.VariableDeclaration); ok {
					return ariVarCheckedSeen(prog, body, parents, v, seen)
				}
			}
			return true // stored in state, an array or a struct
		case *ast.VariableDeclarationStatement:
			for _, d := range x.Decls {
				if ariVarCheckedSeen(prog, body, parents, d, seen) {
					return true
				}
			}
			return false
		case *ast.ExpressionStatement, *ast.Block:
			return false
		case *ast.IndexAccess:
			if x.Index == cur {
				return true
			}
		}
		cur = p
	}
}

// ariBody is one function or modifier body with its parent map.
type ariBody struct {
	Contract *ast.ContractDefinition
	Fn       *ast.FunctionDefinition // nil in modifiers
	Mod      *ast.ModifierDefinition
	Body     ast.Node
	Parents  map[ast.Node]ast.Node
}

// Label renders "Contract.f(uint256)" or "Contract.modifier m".
func (b ariBody) Label() string {
	return ariFuncLabel(ariOwner{Fn: b.Fn, Mod: b.Mod, Contract: b.Contract})
}

// ariBodies calls fn for every function and modifier body written in the
// in-scope files, once each.
func ariBodies(p *Pass, fn func(b ariBody)) {
	p.FunctionsOf(func(c *sema.Contract, f *sema.Function) {
		var cd *ast.ContractDefinition
		if c != nil {
			cd = c.Def
		}
		fn(ariBody{Contract: cd, Fn: f.Def, Body: f.Def.Body, Parents: p.parentsOf(f.Def.Body)})
	})
	p.ModifiersOf(func(c *sema.Contract, m *ast.ModifierDefinition) {
		fn(ariBody{Contract: c.Def, Mod: m, Body: m.Body, Parents: p.parentsOf(m.Body)})
	})
}

// ariCalls calls fn for every call expression in a body.
func ariCalls(p *Pass, b ariBody, fn func(x *ast.FunctionCall, call *sema.Call)) {
	inspectBody(p.Program, b.Body, func(n ast.Node) bool {
		if x, ok := n.(*ast.FunctionCall); ok {
			if call := p.Program.CallOf(x); call != nil {
				fn(x, call)
			}
		}
		return true
	})
}
