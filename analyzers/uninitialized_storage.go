package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// UninitializedStorage flags local storage pointers used before they are
// assigned: before 0.5 they point at storage slot 0.
var UninitializedStorage = &Analyzer{
	ID:         "uninitialized-storage",
	Title:      "Uninitialized storage pointer",
	Severity:   High,
	Confidence: ConfidenceHigh,
	Category:   CatUninitialized,
	SWC:        "SWC-109",
	CWE:        []string{"CWE-824"},
	Description: "Before Solidity 0.5, a local variable of struct, array or mapping type declared " +
		"without a data location was a storage pointer, and without a value it pointed at " +
		"storage slot 0. Writing to its fields overwrites the contract's first state variables " +
		"(often the owner or a lock). Since 0.5 such locals need an explicit location and the " +
		"compiler rejects any use of a storage pointer before it is assigned, so only files " +
		"whose pragma admits an older compiler (or that have no pragma) are checked; pointers " +
		"assigned on some path before their use, or set from inline assembly, are not reported.",
	Exploit: "A 0.4 name registrar declares `NameRecord newRecord;` inside `register()` and sets " +
		"`newRecord.name = _name;`. The pointer aliases slot 0, which holds the `unlocked` flag: " +
		"registering any name with a non-zero first byte unlocks the registrar for everyone " +
		"(SWC-109's NameRegistrar). With `owner` in slot 0, the same write hands over the " +
		"contract.",
	Recommendation: "Declare the local with `memory` when a temporary is meant, or initialise the " +
		"storage pointer from the intended state (`Record storage r = records[id];`), and move " +
		"to Solidity ≥0.5, which forbids uninitialized storage pointers.",
	Run: runUninitializedStorage,
}

func init() { registry = append(registry, UninitializedStorage) }

var solc05 = SolcVersion{Major: 0, Minor: 5, Patch: 0}

func runUninitializedStorage(p *Pass) {
	for _, b := range p.Bodies() {
		if b.Contract == nil || !AllowsSolcBelow(b.Contract.Def.Source, solc05) {
			continue
		}
		candidates := uninitializedLocalDecls(b.Body)
		if len(candidates) == 0 {
			continue
		}
		inAsm := namesInAssembly(b.Body)
		tracked := map[*ast.VariableDeclaration]bool{}
		for _, d := range candidates {
			if inAsm[d.Name.Name] || !isStoragePointerLocal(p.Program, d) {
				continue
			}
			tracked[d] = true
		}
		if len(tracked) == 0 {
			continue
		}
		reported := map[*ast.VariableDeclaration]bool{}
		b := b
		flow := &localFlow{prog: p.Program, tracked: tracked, must: true, onUse: func(v *ast.VariableDeclaration, at ast.Node) {
			if reported[v] {
				return
			}
			reported[v] = true
			msg := "storage pointer " + v.Name.Name + " is used before it is assigned: it points at storage slot 0"
			var related []RelatedNode
			related = append(related, RelatedNode{At: at, Message: "used here"})
			if sv := b.Contract.StateVars; len(sv) > 0 {
				msg += ", so writes through it overwrite " + sv[0].Name.Name
				related = append(related, RelatedNode{At: sv[0], Message: "state variable at slot 0"})
			}
			p.ReportIn(b, v, msg, related...)
		}}
		flow.run(b.Body)
	}
}

// isStoragePointerLocal reports locals that are storage references: an
// explicit `storage` location, or before 0.5 a struct, array, mapping,
// string or bytes local without a location.
func isStoragePointerLocal(prog *sema.Program, d *ast.VariableDeclaration) bool {
	switch d.Location {
	case "storage":
		return true
	case "":
	default:
		return false
	}
	switch t := d.Type.(type) {
	case *ast.ArrayTypeName, *ast.MappingTypeName:
		return true
	case *ast.ElementaryTypeName:
		return t.Name == "string" || t.Name == "bytes"
	case *ast.UserDefinedTypeName:
		return prog.DeclType(d).Kind == sema.Struct
	}
	return false
}
