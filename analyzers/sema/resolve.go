package sema

import (
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// resolver walks one body with its block scopes and records what every
// identifier denotes and where every call sits.
type resolver struct {
	p        *Program
	unit     *Unit
	contract *Contract
	fn       *Function
	mod      *Modifier
	scopes   []map[string]Symbol
	// hoisted holds every local of the function: before 0.5 locals were
	// function-scoped, so a use may precede its declaration.
	hoisted map[string]Symbol
	pending []pendingCall
}

type pendingCall struct {
	call *ast.FunctionCall
	ctx  callContext
}

// callContext is where a call appears, for classifying it afterwards.
type callContext struct {
	unit     *Unit
	contract *Contract
	fn       *Function
	mod      *Modifier
}

func (p *Program) resolveUnit(u *Unit) {
	var pending []pendingCall
	run := func(r *resolver, n ast.Node) {
		r.walk(n)
		pending = append(pending, r.pending...)
	}
	for _, n := range u.AST.Nodes {
		switch x := n.(type) {
		case *ast.ContractDefinition:
			c := p.contractOf[x]
			for _, b := range x.Bases {
				run(&resolver{p: p, unit: u, contract: c}, b)
			}
			for _, m := range x.Nodes {
				switch d := m.(type) {
				case *ast.FunctionDefinition:
					f := p.funcs[d]
					run(p.functionResolver(u, c, f), d)
				case *ast.ModifierDefinition:
					md := p.modifiers[d]
					r := &resolver{p: p, unit: u, contract: c, mod: md}
					r.push()
					for _, prm := range d.Params {
						r.declare(prm)
					}
					run(r, d)
				case *ast.VariableDeclaration, *ast.StructDefinition, *ast.EventDefinition,
					*ast.ErrorDefinition, *ast.UsingForDirective:
					run(&resolver{p: p, unit: u, contract: c}, d)
				}
			}
		case *ast.FunctionDefinition:
			run(p.functionResolver(u, nil, p.funcs[x]), x)
		case *ast.VariableDeclaration, *ast.StructDefinition, *ast.EventDefinition,
			*ast.ErrorDefinition, *ast.UsingForDirective:
			run(&resolver{p: p, unit: u}, x)
		}
	}
	for _, pc := range pending {
		p.callCtx[pc.call] = pc.ctx
	}
	for _, pc := range pending {
		call := p.CallOf(pc.call)
		switch {
		case pc.ctx.fn != nil:
			pc.ctx.fn.Calls = append(pc.ctx.fn.Calls, call)
		case pc.ctx.mod != nil:
			pc.ctx.mod.Calls = append(pc.ctx.mod.Calls, call)
		}
	}
}

func (p *Program) functionResolver(u *Unit, c *Contract, f *Function) *resolver {
	r := &resolver{p: p, unit: u, contract: c, fn: f, hoisted: map[string]Symbol{}}
	r.push()
	for _, prm := range f.Def.Params {
		r.declare(prm)
	}
	for _, ret := range f.Def.Returns {
		r.declare(ret)
	}
	if f.Def.Body != nil {
		ast.Inspect(f.Def.Body, func(n ast.Node) bool {
			if v, ok := n.(*ast.VariableDeclarationStatement); ok {
				for _, d := range v.Decls {
					if d != nil && d.Name.Name != "" {
						f.Locals = append(f.Locals, d)
						r.hoisted[d.Name.Name] = d
					}
				}
			}
			if t, ok := n.(*ast.TryStatement); ok {
				f.Locals = append(f.Locals, t.Returns...)
				for _, cc := range t.Catches {
					f.Locals = append(f.Locals, cc.Params...)
				}
			}
			return true
		})
	}
	return r
}

func (r *resolver) push() { r.scopes = append(r.scopes, map[string]Symbol{}) }
func (r *resolver) pop()  { r.scopes = r.scopes[:len(r.scopes)-1] }

func (r *resolver) declare(v *ast.VariableDeclaration) {
	if v != nil && v.Name.Name != "" {
		r.scopes[len(r.scopes)-1][v.Name.Name] = v
	}
}

func (r *resolver) lookup(name string) Symbol {
	for i := len(r.scopes) - 1; i >= 0; i-- {
		if s, ok := r.scopes[i][name]; ok {
			return s
		}
	}
	if s, ok := r.hoisted[name]; ok {
		return s
	}
	if r.contract != nil {
		if s := r.contract.Member(name); s != nil {
			return s
		}
	}
	return r.p.lookupFile(r.unit, name)
}

// walk visits a node, managing scopes for blocks and declarations.
func (r *resolver) walk(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Block:
			r.push()
			for _, s := range x.Stmts {
				r.walk(s)
			}
			r.pop()
			return false
		case *ast.ForStatement:
			r.push()
			if x.Init != nil {
				r.walk(x.Init)
			}
			if x.Cond != nil {
				r.walk(x.Cond)
			}
			if x.Post != nil {
				r.walk(x.Post)
			}
			r.walk(x.Body)
			r.pop()
			return false
		case *ast.VariableDeclarationStatement:
			if x.Value != nil {
				r.walk(x.Value)
			}
			for _, d := range x.Decls {
				if d != nil {
					if d.Type != nil {
						r.walk(d.Type)
					}
					r.declare(d)
				}
			}
			return false
		case *ast.TryStatement:
			r.walk(x.Call)
			r.push()
			for _, d := range x.Returns {
				r.declare(d)
			}
			if x.Body != nil {
				r.walk(x.Body)
			}
			r.pop()
			for _, c := range x.Catches {
				r.push()
				for _, d := range c.Params {
					r.declare(d)
				}
				if c.Body != nil {
					r.walk(c.Body)
				}
				r.pop()
			}
			return false
		case *ast.Identifier:
			if s := r.lookup(x.Name); s != nil {
				r.p.refs.set(x, s)
			}
		case *ast.MemberAccess:
			r.walk(x.X)
			if s := r.memberSymbol(x); s != nil {
				r.p.refs.set(x, s)
			}
			return false
		case *ast.UserDefinedTypeName:
			if s := r.p.resolvePath(r.unit, r.contract, x.Path); s != nil {
				r.p.refs.set(x, s)
			}
		case *ast.ModifierInvocation:
			if s := r.p.resolvePath(r.unit, r.contract, x.Name); s != nil {
				r.p.refs.set(x, s)
			}
		case *ast.InheritanceSpecifier:
			if s := r.p.resolvePath(r.unit, r.contract, x.Name); s != nil {
				r.p.refs.set(x, s)
			}
		case *ast.FunctionCall:
			r.pending = append(r.pending, pendingCall{call: x, ctx: callContext{unit: r.unit, contract: r.contract, fn: r.fn, mod: r.mod}})
		case *ast.InlineAssembly:
			r.walkYul(x.Body)
			return false
		}
		return true
	})
}

// memberSymbol resolves X.name where X denotes a namespace, a contract or
// library name, `this` or `super`.
func (r *resolver) memberSymbol(m *ast.MemberAccess) Symbol {
	switch xs := r.p.refs.get(m.X).(type) {
	case *Namespace, *Contract:
		return memberOfSymbol(r.p, xs, m.Member.Name)
	case *ast.EnumDefinition:
		return xs
	case Builtin:
		if xs == "this" && r.contract != nil {
			if o, ok := r.contract.Member(m.Member.Name).(Overloads); ok {
				return o
			}
		}
	}
	return nil
}

// walkYul resolves Solidity names used inside inline assembly (x, x.slot,
// x.offset) so detectors see storage accessed from Yul.
func (r *resolver) walkYul(b *ast.YulBlock) {
	if b == nil {
		return
	}
	yulLocals := map[string]bool{}
	ast.Inspect(b, func(n ast.Node) bool {
		switch y := n.(type) {
		case *ast.YulVariableDeclaration:
			for _, id := range y.Names {
				yulLocals[id.Name] = true
			}
		case *ast.YulFunctionDefinition:
			for _, id := range append(append([]ast.Ident(nil), y.Params...), y.Returns...) {
				yulLocals[id.Name] = true
			}
		}
		return true
	})
	resolveName := func(node ast.Node, name string) {
		base := name
		for i := 0; i < len(name); i++ {
			if name[i] == '.' {
				base = name[:i]
				break
			}
		}
		if yulLocals[base] {
			return
		}
		if v, ok := r.lookup(base).(*ast.VariableDeclaration); ok {
			r.p.refs.set(node, v)
		}
	}
	ast.Inspect(b, func(n ast.Node) bool {
		switch y := n.(type) {
		case *ast.YulIdentifier:
			resolveName(y, y.Name)
		}
		return true
	})
}
