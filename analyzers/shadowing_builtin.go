package analyzers

import (
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// ShadowingBuiltin flags declarations named like Solidity's global
// symbols: inside their scope the builtin silently means something else.
var ShadowingBuiltin = &Analyzer{
	ID:         "shadowing-builtin",
	Title:      "Declaration shadows a built-in symbol",
	Severity:   Low,
	Confidence: ConfidenceHigh,
	Category:   CatShadowing,
	CWE:        []string{"CWE-710"},
	Description: "A state variable, function, modifier, event, parameter or local variable named " +
		"like a global of the language (`now`, `msg`, `block`, `tx`, `require`, `assert`, " +
		"`revert`, `keccak256`, `sha3`, `ecrecover`, `selfdestruct`, `gasleft`, `blockhash`, " +
		"`abi`, …) replaces that global in its scope. Code that looks like it reads the block " +
		"timestamp or checks a condition then does something else entirely. Names the language " +
		"has since removed (`now` in 0.7, `sha3` and `suicide` in 0.5) are reported only where " +
		"the pragma admits a compiler that still has them.",
	Exploit: "A contract declares `function require(bool) internal {}` (or inherits one). Every " +
		"`require(msg.sender == owner)` in it now calls the empty function and never reverts, so " +
		"access control is gone while the code still reads as guarded. A state variable `uint now;` " +
		"likewise freezes every time check that uses `now`.",
	Recommendation: "Rename the declaration. Never reuse the names of Solidity's global variables " +
		"and functions.",
	Run: runShadowingBuiltin,
}

func init() { registry = append(registry, ShadowingBuiltin) }

// shadowableBuiltins are the globals of Solidity 0.4–0.8 that a declaration can
// shadow (the compiler warns about most of them since 0.5).
var shadowableBuiltins = map[string]bool{
	"assert": true, "require": true, "revert": true,
	"block": true, "blockhash": true, "blobhash": true, "gasleft": true, "msg": true, "now": true, "tx": true,
	"this": true, "super": true, "abi": true,
	"addmod": true, "mulmod": true, "keccak256": true, "sha256": true, "sha3": true, "ripemd160": true,
	"ecrecover": true, "selfdestruct": true, "suicide": true,
}

// removedBuiltins are globals later removed from the language: in code
// that only newer compilers accept, the name is free.
var removedBuiltins = map[string]SolcVersion{
	"now":     {Major: 0, Minor: 7, Patch: 0},
	"sha3":    {Major: 0, Minor: 5, Patch: 0},
	"suicide": {Major: 0, Minor: 5, Patch: 0},
}

func runShadowingBuiltin(p *Pass) {
	var unit *ast.SourceUnit
	reportAt := func(at ast.Node, name, kind string, c *ast.ContractDefinition, fn *ast.FunctionDefinition) {
		if !shadowableBuiltins[name] {
			return
		}
		if v, ok := removedBuiltins[name]; ok && !AllowsSolcBelow(unit, v) {
			return
		}
		p.Report(Report{At: at, Contract: c, Function: fn,
			Message: kind + " " + name + " shadows the built-in symbol " + name})
	}
	report := func(name ast.Ident, kind string, c *ast.ContractDefinition, fn *ast.FunctionDefinition) {
		reportAt(name, name.Name, kind, c, fn)
	}
	vars := func(ds []*ast.VariableDeclaration, kind string, c *ast.ContractDefinition, fn *ast.FunctionDefinition) {
		for _, d := range ds {
			if d != nil {
				reportAt(d, d.Name.Name, kind, c, fn)
			}
		}
	}
	locals := func(body ast.Node, c *ast.ContractDefinition, fn *ast.FunctionDefinition) {
		if body == nil {
			return
		}
		inspectBody(p.Program, body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.VariableDeclarationStatement:
				vars(x.Decls, "local variable", c, fn)
			case *ast.TryStatement:
				vars(x.Returns, "local variable", c, fn)
				for _, cc := range x.Catches {
					vars(cc.Params, "local variable", c, fn)
				}
			}
			return true
		})
	}
	function := func(f *ast.FunctionDefinition, c *ast.ContractDefinition) {
		if f.Kind == ast.KindFunction && !f.LegacyConstructor {
			report(f.Name, "function", c, f)
		}
		vars(f.Params, "parameter", c, f)
		vars(f.Returns, "return variable", c, f)
		if f.Body != nil {
			locals(f.Body, c, f)
		}
	}
	for _, c := range p.Contracts() {
		cd := c.Def
		unit = cd.Source
		for _, n := range cd.Nodes {
			switch d := n.(type) {
			case *ast.FunctionDefinition:
				function(d, cd)
			case *ast.ModifierDefinition:
				report(d.Name, "modifier", cd, nil)
				vars(d.Params, "parameter", cd, nil)
				if d.Body != nil {
					locals(d.Body, cd, nil)
				}
			case *ast.VariableDeclaration:
				reportAt(d, d.Name.Name, "state variable", cd, nil)
			case *ast.EventDefinition:
				report(d.Name, "event", cd, nil)
			case *ast.ErrorDefinition:
				report(d.Name, "error", cd, nil)
			case *ast.StructDefinition:
				report(d.Name, "struct", cd, nil)
			case *ast.EnumDefinition:
				report(d.Name, "enum", cd, nil)
			}
		}
	}
	for _, u := range p.Program.Units {
		if !u.InScope {
			continue
		}
		unit = u.AST
		for _, n := range u.AST.Nodes {
			switch d := n.(type) {
			case *ast.FunctionDefinition:
				function(d, nil)
			case *ast.VariableDeclaration:
				reportAt(d, d.Name.Name, "constant", nil, nil)
			case *ast.EventDefinition:
				report(d.Name, "event", nil, nil)
			case *ast.ErrorDefinition:
				report(d.Name, "error", nil, nil)
			case *ast.StructDefinition:
				report(d.Name, "struct", nil, nil)
			}
		}
	}
}
