package sema

import (
	"fmt"
	"strings"

	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Contract is a contract, interface or library with its place in the
// inheritance hierarchy.
type Contract struct {
	Def  *ast.ContractDefinition
	Unit *Unit
	// Bases are the direct bases that resolved, in declaration order.
	Bases []*Contract
	// Linearization is the C3 order, this contract first.
	Linearization []*Contract
	// StateVars are the storage variables of this contract including
	// inherited ones, base-most first (storage order).
	StateVars []*ast.VariableDeclaration
	// Functions are the functions callable on this contract after
	// overriding: for each signature the most derived implementation
	// (or declaration), in linearization order.
	Functions []*Function

	p         *Program
	byName    map[string]Symbol // members visible in the contract, most derived first
	linearOK  bool
	linearing bool
}

func newContract(p *Program, u *Unit, def *ast.ContractDefinition) *Contract {
	c := &Contract{Def: def, Unit: u, p: p}
	p.Contracts = append(p.Contracts, c)
	p.contractOf[def] = c
	for _, f := range def.Functions {
		p.newFunction(f, c)
	}
	for _, m := range def.Modifiers {
		p.modifiers[m] = &Modifier{Def: m, Contract: c}
	}
	return c
}

// Name is the contract's name.
func (c *Contract) Name() string { return c.Def.Name.Name }

// IsInterface, IsLibrary and IsAbstract classify the contract.
func (c *Contract) IsInterface() bool { return c.Def.Kind == ast.KindInterface }
func (c *Contract) IsLibrary() bool   { return c.Def.Kind == ast.KindLibrary }
func (c *Contract) IsAbstract() bool  { return c.Def.Abstract }

// Inherits reports whether c is or derives from base.
func (c *Contract) Inherits(base *Contract) bool {
	for _, l := range c.Linearization {
		if l == base {
			return true
		}
	}
	return false
}

// InheritsName reports whether c or one of its bases has the given name.
func (c *Contract) InheritsName(name string) bool {
	for _, l := range c.Linearization {
		if l.Name() == name {
			return true
		}
	}
	return false
}

func (p *Program) resolveBases(c *Contract) {
	for _, b := range c.Def.Bases {
		if base, ok := p.resolvePath(c.Unit, nil, b.Name).(*Contract); ok && base != c {
			c.Bases = append(c.Bases, base)
		}
	}
}

// resolvePath resolves a dotted name (A, Ns.A, C.S) from a contract's scope
// (or file scope when c is nil).
func (p *Program) resolvePath(u *Unit, c *Contract, path *ast.IdentifierPath) Symbol {
	if path == nil || len(path.Parts) == 0 {
		return nil
	}
	var sym Symbol
	if c != nil {
		sym = c.Member(path.Parts[0].Name)
	}
	if sym == nil {
		sym = p.lookupFile(u, path.Parts[0].Name)
	}
	for _, part := range path.Parts[1:] {
		sym = memberOfSymbol(p, sym, part.Name)
		if sym == nil {
			return nil
		}
	}
	return sym
}

// memberOfSymbol resolves `X.name` where X is a namespace or a contract.
func memberOfSymbol(p *Program, sym Symbol, name string) Symbol {
	switch s := sym.(type) {
	case *Namespace:
		return p.exports(s.Unit, map[*Unit]bool{})[name]
	case *Contract:
		return s.Member(name)
	}
	return nil
}

// linearize computes the C3 linearisation. Solidity lists bases from "most
// base-like" to "most derived", so the merge takes them in reverse.
func (p *Program) linearize(c *Contract, _ []*Contract) []*Contract {
	if c.linearOK {
		return c.Linearization
	}
	if c.linearing {
		p.Diagnostics = append(p.Diagnostics, source.At(c.Def.Name.Src, source.Warning,
			fmt.Sprintf("inheritance of %s is cyclic", c.Name())))
		return []*Contract{c}
	}
	c.linearing = true
	var seqs [][]*Contract
	for i := len(c.Bases) - 1; i >= 0; i-- {
		seqs = append(seqs, append([]*Contract(nil), p.linearize(c.Bases[i], nil)...))
	}
	var direct []*Contract
	for i := len(c.Bases) - 1; i >= 0; i-- {
		direct = append(direct, c.Bases[i])
	}
	seqs = append(seqs, direct)
	result := []*Contract{c}
	for {
		seqs = nonEmpty(seqs)
		if len(seqs) == 0 {
			break
		}
		var next *Contract
		for _, s := range seqs {
			if !inTail(s[0], seqs) {
				next = s[0]
				break
			}
		}
		if next == nil {
			// Not linearisable (solc rejects it); fall back to a depth-first
			// order so analysis can go on.
			p.Diagnostics = append(p.Diagnostics, source.At(c.Def.Name.Src, source.Warning,
				fmt.Sprintf("inheritance graph of %s cannot be linearised", c.Name())))
			for _, s := range seqs {
				for _, x := range s {
					if !containsContract(result, x) {
						result = append(result, x)
					}
				}
			}
			break
		}
		result = append(result, next)
		for i, s := range seqs {
			if s[0] == next {
				seqs[i] = s[1:]
			}
		}
	}
	c.Linearization = result
	c.linearing = false
	c.linearOK = true
	return result
}

func nonEmpty(seqs [][]*Contract) [][]*Contract {
	out := seqs[:0]
	for _, s := range seqs {
		if len(s) > 0 {
			out = append(out, s)
		}
	}
	return out
}

func inTail(x *Contract, seqs [][]*Contract) bool {
	for _, s := range seqs {
		for _, y := range s[1:] {
			if y == x {
				return true
			}
		}
	}
	return false
}

func containsContract(cs []*Contract, x *Contract) bool {
	for _, c := range cs {
		if c == x {
			return true
		}
	}
	return false
}

// buildMembers indexes the members visible in c, walking the
// linearisation so the most derived declaration of a name wins, and
// computes storage order and the overriding function set.
func (c *Contract) buildMembers() {
	c.byName = map[string]Symbol{}
	for _, l := range c.Linearization {
		d := l.Def
		for _, v := range d.StateVars {
			c.setMember(v.Name.Name, v)
		}
		for _, f := range d.Functions {
			if f.Kind != ast.KindFunction || f.LegacyConstructor {
				continue
			}
			o, _ := c.byName[f.Name.Name].(Overloads)
			if _, isOther := c.byName[f.Name.Name]; isOther && o == nil {
				continue // a more derived non-function member shadows it
			}
			c.byName[f.Name.Name] = append(o, f)
		}
		for _, m := range d.Modifiers {
			c.setMember(m.Name.Name, m)
		}
		for _, e := range d.Events {
			c.setMember(e.Name.Name, e)
		}
		for _, e := range d.Errors {
			c.setMember(e.Name.Name, e)
		}
		for _, s := range d.Structs {
			c.setMember(s.Name.Name, s)
		}
		for _, e := range d.Enums {
			c.setMember(e.Name.Name, e)
		}
		for _, v := range d.ValueTypes {
			c.setMember(v.Name.Name, v)
		}
	}
	// Storage: base-most contract first.
	for i := len(c.Linearization) - 1; i >= 0; i-- {
		for _, v := range c.Linearization[i].Def.StateVars {
			if !v.Constant && !v.Immutable {
				c.StateVars = append(c.StateVars, v)
			}
		}
	}
	// Overriding: the first implementation of a signature in
	// linearisation order wins; declarations without body only when no
	// implementation exists.
	seen := map[string]int{}
	for _, l := range c.Linearization {
		for _, f := range l.Def.Functions {
			key := signatureKey(f)
			if i, ok := seen[key]; ok {
				if c.Functions[i].Def.Body == nil && f.Body != nil {
					c.Functions[i] = c.p.funcs[f]
				}
				continue
			}
			if f.Kind == ast.KindConstructor && l != c {
				continue // base constructors run, but are not callable
			}
			seen[key] = len(c.Functions)
			c.Functions = append(c.Functions, c.p.funcs[f])
		}
	}
}

func (c *Contract) setMember(name string, s Symbol) {
	if name == "" {
		return
	}
	if _, taken := c.byName[name]; !taken {
		c.byName[name] = s
	}
}

// Member returns the member visible under name in c, most derived first.
// Before the members are built (while bases are being resolved), only the
// contract's own type and function declarations are visible.
func (c *Contract) Member(name string) Symbol {
	if c.byName != nil {
		return c.byName[name]
	}
	d := c.Def
	for _, s := range d.Structs {
		if s.Name.Name == name {
			return s
		}
	}
	for _, e := range d.Enums {
		if e.Name.Name == name {
			return e
		}
	}
	for _, v := range d.ValueTypes {
		if v.Name.Name == name {
			return v
		}
	}
	var o Overloads
	for _, f := range d.Functions {
		if f.Kind == ast.KindFunction && f.Name.Name == name {
			o = append(o, f)
		}
	}
	if o != nil {
		return o
	}
	return nil
}

// signatureKey identifies a function for overriding: kind, name and
// parameter types as written.
func signatureKey(f *ast.FunctionDefinition) string {
	var b strings.Builder
	b.WriteString(string(f.Kind))
	b.WriteByte(' ')
	b.WriteString(f.Name.Name)
	b.WriteByte('(')
	for i, p := range f.Params {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(typeKey(p.Type))
	}
	b.WriteByte(')')
	return b.String()
}

func typeKey(t ast.TypeName) string {
	switch x := t.(type) {
	case *ast.ElementaryTypeName:
		return x.Canonical()
	case *ast.UserDefinedTypeName:
		return x.Path.Last()
	case *ast.ArrayTypeName:
		return typeKey(x.Elem) + "[]"
	case *ast.MappingTypeName:
		return "mapping(" + typeKey(x.Key) + "=>" + typeKey(x.Value) + ")"
	case *ast.FunctionTypeName:
		return "function"
	}
	return "?"
}

// Constructor returns c's own constructor, or nil.
func (c *Contract) Constructor() *Function {
	for _, f := range c.Def.Functions {
		if f.Kind == ast.KindConstructor {
			return c.p.funcs[f]
		}
	}
	return nil
}

// FunctionsNamed returns the overriding-resolved functions of c with the
// given name.
func (c *Contract) FunctionsNamed(name string) []*Function {
	var out []*Function
	for _, f := range c.Functions {
		if f.Def.Name.Name == name && f.Def.Kind == ast.KindFunction {
			out = append(out, f)
		}
	}
	return out
}

// ModifierNamed returns the most derived modifier of that name visible in c.
func (c *Contract) ModifierNamed(name string) *Modifier {
	for _, l := range c.Linearization {
		for _, m := range l.Def.Modifiers {
			if m.Name.Name == name && m.Body != nil {
				return c.p.modifiers[m]
			}
		}
	}
	for _, l := range c.Linearization {
		for _, m := range l.Def.Modifiers {
			if m.Name.Name == name {
				return c.p.modifiers[m]
			}
		}
	}
	return nil
}

// StateVar returns the state variable of that name visible in c.
func (c *Contract) StateVar(name string) *ast.VariableDeclaration {
	v, _ := c.Member(name).(*ast.VariableDeclaration)
	return v
}
