package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Helpers shared by the declaration-level detectors (shadowing,
// uninitialized variables, deprecated syntax, assembly, …).

// SpanNode is a node for a span no syntax node covers exactly: one
// character, a keyword inside a header.
type SpanNode struct{ Src source.Span }

// Span returns the span.
func (n SpanNode) Span() source.Span { return n.Src }

// CodeBody is a function or modifier body of an in-scope contract or file.
type CodeBody struct {
	Contract *sema.Contract          // nil for free functions
	Function *ast.FunctionDefinition // nil for modifiers
	Modifier *ast.ModifierDefinition // nil for functions
	Body     *ast.Block
}

// ContractDef returns the declaring contract's definition, or nil.
func (b CodeBody) ContractDef() *ast.ContractDefinition {
	if b.Contract == nil {
		return nil
	}
	return b.Contract.Def
}

// Bodies returns every function and modifier body written in the in-scope
// files, each once, in source order per contract.
func (p *Pass) Bodies() []CodeBody {
	var out []CodeBody
	for _, c := range p.Contracts() {
		for _, n := range c.Def.Nodes {
			switch d := n.(type) {
			case *ast.FunctionDefinition:
				if d.Body != nil {
					out = append(out, CodeBody{Contract: c, Function: d, Body: d.Body})
				}
			case *ast.ModifierDefinition:
				if d.Body != nil {
					out = append(out, CodeBody{Contract: c, Modifier: d, Body: d.Body})
				}
			}
		}
	}
	for _, u := range p.Program.Units {
		if !u.InScope {
			continue
		}
		for _, n := range u.AST.Nodes {
			if d, ok := n.(*ast.FunctionDefinition); ok && d.Body != nil {
				out = append(out, CodeBody{Function: d, Body: d.Body})
			}
		}
	}
	return out
}

// ReportIn reports at a node inside a body, filling in the enclosing
// contract and function.
func (p *Pass) ReportIn(b CodeBody, at ast.Node, msg string, related ...RelatedNode) {
	p.Report(Report{At: at, Message: msg, Contract: b.ContractDef(), Function: b.Function, Related: related})
}

// EnclosingAt returns the in-scope contract and function (or modifier)
// whose source covers a byte offset of a file.
func (p *Pass) EnclosingAt(f *source.File, offset int) (*ast.ContractDefinition, *ast.FunctionDefinition) {
	within := func(s source.Span) bool {
		return s.File == f && s.Start.Offset <= offset && offset < s.End.Offset
	}
	for _, c := range p.Contracts() {
		if !within(c.Def.Src) {
			continue
		}
		for _, fn := range c.Def.Functions {
			if within(fn.Src) {
				return c.Def, fn
			}
		}
		return c.Def, nil
	}
	return nil, nil
}

// StateVarRef returns the state variable an identifier or member access
// (this.x is not one: that is a getter call) denotes, or nil.
func StateVarRef(prog *sema.Program, e ast.Node) *ast.VariableDeclaration {
	v, ok := prog.Ref(e).(*ast.VariableDeclaration)
	if ok && v.IsStateVar {
		return v
	}
	return nil
}

// LocalRef returns the local variable or parameter an identifier denotes,
// or nil.
func LocalRef(prog *sema.Program, e ast.Node) *ast.VariableDeclaration {
	v, ok := prog.Ref(e).(*ast.VariableDeclaration)
	if ok && !v.IsStateVar {
		return v
	}
	return nil
}

// isPrivateDecl reports private state variables and functions.
func isPrivateDecl(n ast.Node) bool {
	switch d := n.(type) {
	case *ast.VariableDeclaration:
		return d.Visibility == "private"
	case *ast.FunctionDefinition:
		return d.Visibility == "private"
	}
	return false
}

// declKindName names a declaration for messages.
func declKindName(n ast.Node) string {
	switch d := n.(type) {
	case *ast.VariableDeclaration:
		if d.IsStateVar {
			return "state variable"
		}
		return "variable"
	case *ast.FunctionDefinition:
		return "function"
	case *ast.ModifierDefinition:
		return "modifier"
	case *ast.EventDefinition:
		return "event"
	case *ast.ErrorDefinition:
		return "error"
	case *ast.StructDefinition:
		return "struct"
	case *ast.EnumDefinition:
		return "enum"
	}
	return "declaration"
}

// unitOfNode returns the in-scope source unit whose file holds n.
func unitOfNode(p *Pass, n ast.Node) *ast.SourceUnit {
	f := n.Span().File
	for _, u := range p.Program.Units {
		if u.AST != nil && u.AST.File == f {
			return u.AST
		}
	}
	return nil
}
