// Package sema is sleuth's semantic model of a Solidity project, built once
// from the syntax trees and shared by every detector: symbols resolved
// through each file's own import graph (never one global namespace), C3
// linearisation of contracts, scopes, overloads, virtual dispatch,
// best-effort expression types, and a classification of every call.
package sema

import (
	"sort"

	"github.com/sleuth-sec/sleuth/internal/memo"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Program is the semantic model of a loaded project.
type Program struct {
	Project *parser.Project
	Units   []*Unit
	// Contracts holds every contract, interface and library, in scope or
	// not, in unit order.
	Contracts []*Contract

	unitOf     map[*ast.SourceUnit]*Unit
	contractOf map[*ast.ContractDefinition]*Contract
	funcs      map[*ast.FunctionDefinition]*Function
	modifiers  map[*ast.ModifierDefinition]*Modifier

	// refs maps identifiers, and member accesses that name declarations
	// (Lib.f, Ns.C, this.f, super.f, C.f), to what they denote.
	refs refTable
	// calls classifies every call in a body; Build fills it, so it is
	// only read afterwards.
	calls   map[*ast.FunctionCall]*Call
	callCtx map[*ast.FunctionCall]callContext

	// Types are computed on demand, and detectors ask for them
	// concurrently: these memos are safe for that.
	declTypes memo.Map[*ast.VariableDeclaration, *Type]
	exprTypes memo.Map[ast.Expr, *Type]

	// Memos for virtual dispatch, which detectors ask for at every call
	// they walk: rebuilding signature strings each time was a quarter of
	// a scan.
	sigKeys    memo.Map[*ast.FunctionDefinition, string]
	dispatched memo.Map[dispatchKey, *Function]

	// Diagnostics collects problems of the model itself, such as
	// inheritance that cannot be linearised.
	Diagnostics []source.Diagnostic
}

// Unit is one source file in the model.
type Unit struct {
	AST     *ast.SourceUnit
	Parsed  *parser.Unit
	InScope bool
	// declared are the file-level declarations of this file.
	declared map[string]Symbol
	// exported is what `import "this-file"` brings in: own declarations
	// and, transitively, what this file imports. Computed on demand.
	exported map[string]Symbol
	// scope is what names resolve to at file level here.
	scope map[string]Symbol
}

// Namespace is a unit alias: X in `import "x" as X` or `import * as X`.
type Namespace struct {
	Name string
	Unit *Unit
}

// Symbol is anything a name can denote: *ast.VariableDeclaration,
// Overloads (functions), *ast.ModifierDefinition, *Contract,
// *ast.StructDefinition, *ast.EnumDefinition, *ast.EventDefinition,
// *ast.ErrorDefinition, *ast.UserDefinedValueTypeDefinition, *Namespace,
// or Builtin.
type Symbol any

// Overloads is a set of functions sharing a name.
type Overloads []*ast.FunctionDefinition

// Builtin is a global of the language: msg, block, tx, abi, this, super,
// now, keccak256, require, selfdestruct, …
type Builtin string

// Build constructs the model of a loaded project.
func Build(project *parser.Project) *Program {
	p := &Program{
		Project:    project,
		unitOf:     map[*ast.SourceUnit]*Unit{},
		contractOf: map[*ast.ContractDefinition]*Contract{},
		funcs:      map[*ast.FunctionDefinition]*Function{},
		modifiers:  map[*ast.ModifierDefinition]*Modifier{},
		refs:       newRefTable(),
		calls:      map[*ast.FunctionCall]*Call{},
		callCtx:    map[*ast.FunctionCall]callContext{},
	}
	for _, pu := range project.Units {
		if pu.AST == nil {
			continue
		}
		u := &Unit{AST: pu.AST, Parsed: pu, InScope: pu.InScope}
		p.Units = append(p.Units, u)
		p.unitOf[pu.AST] = u
		u.declared = declarations(p, u)
	}
	for _, u := range p.Units {
		u.scope = p.fileScope(u)
	}
	for _, c := range p.Contracts {
		p.resolveBases(c)
	}
	for _, c := range p.Contracts {
		p.linearize(c, nil)
	}
	for _, c := range p.Contracts {
		c.buildMembers()
	}
	for _, u := range p.Units {
		p.resolveUnit(u)
	}
	// What `import "x" as X` exports is otherwise computed when X.name is
	// first resolved; computing it now leaves nothing for concurrent
	// detectors to write.
	for _, u := range p.Units {
		p.exports(u, map[*Unit]bool{})
	}
	source.SortDiagnostics(p.Diagnostics)
	return p
}

// declarations indexes a file's top-level declarations and creates the
// model objects for its contracts and functions.
func declarations(p *Program, u *Unit) map[string]Symbol {
	d := map[string]Symbol{}
	for _, n := range u.AST.Nodes {
		switch x := n.(type) {
		case *ast.ContractDefinition:
			c := newContract(p, u, x)
			d[x.Name.Name] = c
		case *ast.FunctionDefinition:
			p.newFunction(x, nil)
			if o, ok := d[x.Name.Name].(Overloads); ok {
				d[x.Name.Name] = append(o, x)
			} else {
				d[x.Name.Name] = Overloads{x}
			}
		case *ast.StructDefinition:
			d[x.Name.Name] = x
		case *ast.EnumDefinition:
			d[x.Name.Name] = x
		case *ast.UserDefinedValueTypeDefinition:
			d[x.Name.Name] = x
		case *ast.ErrorDefinition:
			d[x.Name.Name] = x
		case *ast.EventDefinition:
			d[x.Name.Name] = x
		case *ast.VariableDeclaration:
			d[x.Name.Name] = x
		}
	}
	return d
}

// exports returns the symbols `import "u"` makes visible: u's own
// declarations plus everything u imports, transitively. Cycles are legal in
// Solidity; the visiting set stops them.
func (p *Program) exports(u *Unit, visiting map[*Unit]bool) map[string]Symbol {
	if u.exported != nil {
		return u.exported
	}
	if visiting[u] {
		return u.declared
	}
	visiting[u] = true
	out := map[string]Symbol{}
	for i, imp := range u.AST.Imports {
		target := p.importTarget(u, i)
		if target == nil {
			continue
		}
		p.addImport(out, imp, target, visiting)
	}
	for k, v := range u.declared {
		out[k] = v
	}
	delete(visiting, u)
	u.exported = out
	return out
}

func (p *Program) importTarget(u *Unit, i int) *Unit {
	if u.Parsed == nil || i >= len(u.Parsed.Imports) || u.Parsed.Imports[i] == nil {
		return nil
	}
	return p.unitOf[u.Parsed.Imports[i].AST]
}

func (p *Program) addImport(into map[string]Symbol, imp *ast.ImportDirective, target *Unit, visiting map[*Unit]bool) {
	switch {
	case imp.UnitAlias != "":
		into[imp.UnitAlias] = &Namespace{Name: imp.UnitAlias, Unit: target}
	case len(imp.Symbols) > 0:
		ex := p.exports(target, visiting)
		for _, s := range imp.Symbols {
			if sym, ok := ex[s.Name.Name]; ok {
				into[s.LocalName()] = sym
			}
		}
	default:
		for k, v := range p.exports(target, visiting) {
			if _, taken := into[k]; !taken {
				into[k] = v
			}
		}
	}
}

// fileScope is what a name means at file level in u.
func (p *Program) fileScope(u *Unit) map[string]Symbol {
	scope := map[string]Symbol{}
	for i, imp := range u.AST.Imports {
		if target := p.importTarget(u, i); target != nil {
			p.addImport(scope, imp, target, map[*Unit]bool{u: true})
		}
	}
	for k, v := range u.declared {
		scope[k] = v
	}
	return scope
}

// UnitOf returns the model unit of a syntax tree.
func (p *Program) UnitOf(su *ast.SourceUnit) *Unit { return p.unitOf[su] }

// ContractOf returns the model of a contract definition.
func (p *Program) ContractOf(def *ast.ContractDefinition) *Contract { return p.contractOf[def] }

// FunctionOf returns the model of a function definition.
func (p *Program) FunctionOf(def *ast.FunctionDefinition) *Function { return p.funcs[def] }

// ModifierOf returns the model of a modifier definition.
func (p *Program) ModifierOf(def *ast.ModifierDefinition) *Modifier { return p.modifiers[def] }

// Ref returns what an identifier or member access denotes, or nil.
func (p *Program) Ref(n ast.Node) Symbol { return p.refs.get(n) }

// CallOf returns the classification of a call expression (nil for calls
// outside any analysed body). Build classifies every call, so after it
// this only reads.
func (p *Program) CallOf(c *ast.FunctionCall) *Call {
	if call, ok := p.calls[c]; ok {
		return call
	}
	ctx, ok := p.callCtx[c]
	if !ok {
		return nil
	}
	// Classification may need the types of nested calls; mark this one
	// first so a cycle ends in "unknown" instead of recursing forever.
	p.calls[c] = &Call{Expr: c, Context: ctx.contract}
	call := p.classify(c, ctx)
	p.calls[c] = call
	return call
}

// InScopeContracts returns the contracts findings may be reported on, in
// file and source order.
func (p *Program) InScopeContracts() []*Contract {
	var out []*Contract
	for _, c := range p.Contracts {
		if c.Unit.InScope {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Def.Src, out[j].Def.Src
		if a.File.Path != b.File.Path {
			return a.File.Path < b.File.Path
		}
		return a.Start.Offset < b.Start.Offset
	})
	return out
}

// lookupFile resolves a name at file level of u, then among builtins.
func (p *Program) lookupFile(u *Unit, name string) Symbol {
	if s, ok := u.scope[name]; ok {
		return s
	}
	if isBuiltin(name) {
		return Builtin(name)
	}
	return nil
}
