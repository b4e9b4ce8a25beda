package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Shared expression predicates for detectors.

// IsMagic reports whether e is base.member for a magic variable:
// IsMagic(e, "tx", "origin"), IsMagic(e, "block", "timestamp").
func IsMagic(e ast.Expr, base, member string) bool {
	m, ok := unparen(e).(*ast.MemberAccess)
	if !ok || m.Member.Name != member {
		return false
	}
	id, ok := unparen(m.X).(*ast.Identifier)
	return ok && id.Name == base
}

// IsSender reports msg.sender and the _msgSender() of OpenZeppelin's Context.
func IsSender(e ast.Expr) bool {
	if IsMagic(e, "msg", "sender") {
		return true
	}
	if c, ok := unparen(e).(*ast.FunctionCall); ok && len(c.Args) == 0 {
		if id, ok := c.Fn.(*ast.Identifier); ok && (id.Name == "_msgSender" || id.Name == "msgSender") {
			return true
		}
	}
	// address(msg.sender), payable(msg.sender)
	if c, ok := unparen(e).(*ast.FunctionCall); ok && len(c.Args) == 1 {
		if _, ok := c.Fn.(*ast.ElementaryTypeExpression); ok {
			return IsSender(c.Args[0])
		}
	}
	return false
}

// unparen strips parentheses: ((x)) is x.
func unparen(e ast.Expr) ast.Expr {
	for {
		t, ok := e.(*ast.TupleExpression)
		if !ok || len(t.Elems) != 1 || t.Elems[0] == nil {
			return e
		}
		e = t.Elems[0]
	}
}

// Unparen is unparen for detectors.
func Unparen(e ast.Expr) ast.Expr { return unparen(e) }

// Contains reports whether any node under n satisfies pred.
func Contains(n ast.Node, pred func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if found {
			return false
		}
		if pred(x) {
			found = true
			return false
		}
		return true
	})
	return found
}

// IsBuiltinCall reports whether call is a call of the named builtin
// ("require", "keccak256", "abi.encodePacked", …).
func IsBuiltinCall(prog *sema.Program, call *ast.FunctionCall, names ...string) bool {
	c := prog.CallOf(call)
	if c == nil || c.Kind != sema.CallBuiltin {
		return false
	}
	for _, n := range names {
		if c.Builtin == n {
			return true
		}
	}
	return false
}

// FunctionsOf calls fn for every function with a body declared in the
// in-scope contracts and files, with its declaring contract (nil for free
// functions). Each function is visited once, where it is written.
func (p *Pass) FunctionsOf(fn func(c *sema.Contract, f *sema.Function)) {
	for _, c := range p.Contracts() {
		for _, d := range c.Def.Functions {
			if d.Body != nil {
				fn(c, p.Program.FunctionOf(d))
			}
		}
	}
	for _, u := range p.Program.Units {
		if !u.InScope {
			continue
		}
		for _, n := range u.AST.Nodes {
			if d, ok := n.(*ast.FunctionDefinition); ok && d.Body != nil {
				fn(nil, p.Program.FunctionOf(d))
			}
		}
	}
}

// ModifiersOf calls fn for every modifier with a body in in-scope contracts.
func (p *Pass) ModifiersOf(fn func(c *sema.Contract, m *ast.ModifierDefinition)) {
	for _, c := range p.Contracts() {
		for _, m := range c.Def.Modifiers {
			if m.Body != nil {
				fn(c, m)
			}
		}
	}
}
