package sema

import (
	"strings"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Function is a function, constructor, fallback or receive function.
type Function struct {
	Def *ast.FunctionDefinition
	// Contract is the declaring contract; nil for free functions.
	Contract *Contract
	// Locals are the local variables declared in the body.
	Locals []*ast.VariableDeclaration
	// Calls are the call expressions in the body, in source order.
	Calls []*Call
}

// Modifier is a modifier definition.
type Modifier struct {
	Def      *ast.ModifierDefinition
	Contract *Contract
	Calls    []*Call
}

func (p *Program) newFunction(def *ast.FunctionDefinition, c *Contract) *Function {
	f := &Function{Def: def, Contract: c}
	p.funcs[def] = f
	return f
}

// Name is the function's display name: f, constructor, fallback, receive.
func (f *Function) Name() string { return f.Def.DisplayName() }

// Signature renders name(type,…) with canonical elementary types.
func (f *Function) Signature() string {
	var ps []string
	for _, p := range f.Def.Params {
		ps = append(ps, typeKey(p.Type))
	}
	return f.Name() + "(" + strings.Join(ps, ",") + ")"
}

// Visibility returns the declared visibility, or the default: public for
// functions before 0.5 (where it could be omitted), internal for free
// functions.
func (f *Function) Visibility() string {
	if f.Def.Visibility != "" {
		return f.Def.Visibility
	}
	if f.Contract == nil {
		return "internal"
	}
	return "public"
}

// IsEntryPoint reports whether anyone can call the function in a
// transaction: public or external functions, fallback and receive.
// Constructors are not entry points once deployed.
func (f *Function) IsEntryPoint() bool {
	switch f.Def.Kind {
	case ast.KindConstructor:
		return false
	case ast.KindFallback, ast.KindReceive:
		return true
	}
	if f.Contract != nil && f.Contract.IsLibrary() {
		return false
	}
	v := f.Visibility()
	return v == "public" || v == "external"
}

// IsView reports view, pure and pre-0.5 constant functions.
func (f *Function) IsView() bool {
	m := f.Def.Mutability
	return m == "view" || m == "pure" || m == "constant"
}

// IsPayable reports payable functions (and pre-0.4 fallbacks are not).
func (f *Function) IsPayable() bool { return f.Def.Mutability == "payable" }

// HasModifier reports whether the function invokes a modifier with that name.
func (f *Function) HasModifier(name string) bool {
	for _, m := range f.Def.Modifiers {
		if m.Name.Last() == name {
			return true
		}
	}
	return false
}

// Modifiers resolves the function's modifier invocations in the context of
// contract c (virtual modifiers dispatch to the most derived). Base
// constructor calls in constructor headers are skipped.
func (f *Function) Modifiers(c *Contract) []*Modifier {
	if c == nil {
		c = f.Contract
	}
	if c == nil {
		return nil
	}
	var out []*Modifier
	for _, inv := range f.Def.Modifiers {
		if m := c.ModifierNamed(inv.Name.Last()); m != nil {
			out = append(out, m)
		}
	}
	return out
}
