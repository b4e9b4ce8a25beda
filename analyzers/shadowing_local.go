package analyzers

import (
	"strconv"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// ShadowingLocal flags parameters and local variables named like a state
// variable, function, modifier or event visible in the contract.
var ShadowingLocal = &Analyzer{
	ID:         "shadowing-local",
	Title:      "Local variable shadows a contract member",
	Severity:   Low,
	Confidence: ConfidenceHigh,
	Category:   CatShadowing,
	SWC:        "SWC-119",
	CWE:        []string{"CWE-710"},
	Description: "A parameter or local variable with the name of a state variable, function, " +
		"modifier or event of the contract (or of a base contract) hides that member for the " +
		"whole function. Reads and writes that were meant for the state variable go to the " +
		"local, and the member can no longer be used by name there. Private members of base " +
		"contracts are not visible and are not considered; neither are the parameter names of " +
		"functions without a body (interface and abstract declarations).",
	Exploit: "`function setOwner(address owner) external onlyOwner { owner = owner; }` assigns " +
		"the parameter to itself: the state variable never changes, ownership transfer silently " +
		"fails, and a key rotation after a compromise leaves the attacker in control.",
	Recommendation: "Rename the local (a common convention is a leading or trailing underscore: " +
		"`newOwner`, `owner_`).",
	Run: runShadowingLocal,
}

func init() { registry = append(registry, ShadowingLocal) }

// shadowMember is a contract member a local may shadow.
type shadowMember struct {
	node  ast.Node
	owner *sema.Contract
}

func runShadowingLocal(p *Pass) {
	for _, c := range p.Contracts() {
		if c.IsInterface() {
			continue
		}
		members := shadowableMembers(c)
		check := func(v *ast.VariableDeclaration, fn *ast.FunctionDefinition, kind string) {
			if v == nil || v.Name.Name == "" {
				return
			}
			ms := members[v.Name.Name]
			if len(ms) == 0 {
				return
			}
			first := ms[0]
			msg := kind + " " + v.Name.Name + " shadows " + declKindName(first.node) + " " + first.owner.Name() + "." + v.Name.Name
			if len(ms) > 1 {
				msg += " (and " + strconv.Itoa(len(ms)-1) + " more)"
			}
			r := Report{At: v, Contract: c.Def, Function: fn, Message: msg}
			for _, m := range ms {
				r.Related = append(r.Related, RelatedNode{At: shadowMemberNode(m.node),
					Message: "shadowed " + declKindName(m.node) + " " + m.owner.Name() + "." + v.Name.Name})
			}
			p.Report(r)
		}
		for _, n := range c.Def.Nodes {
			switch d := n.(type) {
			case *ast.FunctionDefinition:
				if d.Body == nil {
					continue // a declaration: its parameter names cannot be misused
				}
				for _, prm := range d.Params {
					check(prm, d, "parameter")
				}
				for _, ret := range d.Returns {
					check(ret, d, "return variable")
				}
				for _, l := range bodyLocalDecls(d.Body) {
					check(l, d, "local variable")
				}
			case *ast.ModifierDefinition:
				if d.Body == nil {
					continue
				}
				for _, prm := range d.Params {
					check(prm, nil, "modifier parameter")
				}
				for _, l := range bodyLocalDecls(d.Body) {
					check(l, nil, "local variable")
				}
			}
		}
	}
}

// shadowableMembers indexes by name the state variables, functions,
// modifiers and events a function of c can see: declared in c or
// inherited, private members of bases excluded.
func shadowableMembers(c *sema.Contract) map[string][]shadowMember {
	out := map[string][]shadowMember{}
	seen := map[string]bool{} // functions: the most derived declaration only
	for _, l := range c.Linearization {
		own := l == c
		add := func(name string, n ast.Node) {
			if name == "" || (!own && isPrivateDecl(n)) {
				return
			}
			out[name] = append(out[name], shadowMember{node: n, owner: l})
		}
		for _, v := range l.Def.StateVars {
			add(v.Name.Name, v)
		}
		for _, f := range l.Def.Functions {
			if f.Kind != ast.KindFunction || f.LegacyConstructor || seen[f.Name.Name] || (l != c && isPrivateDecl(f)) {
				continue
			}
			seen[f.Name.Name] = true
			add(f.Name.Name, f)
		}
		for _, m := range l.Def.Modifiers {
			add(m.Name.Name, m)
		}
		for _, e := range l.Def.Events {
			add(e.Name.Name, e)
		}
	}
	return out
}

// bodyLocalDecls returns the local variables declared in a body, including
// try/catch variables.
func bodyLocalDecls(body ast.Node) []*ast.VariableDeclaration {
	var out []*ast.VariableDeclaration
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.VariableDeclarationStatement:
			for _, d := range x.Decls {
				if d != nil {
					out = append(out, d)
				}
			}
		case *ast.TryStatement:
			out = append(out, x.Returns...)
			for _, cc := range x.Catches {
				out = append(out, cc.Params...)
			}
		}
		return true
	})
	return out
}

// shadowMemberNode is the part of a member declaration to point at: the
// whole declaration for variables, the name for the rest.
func shadowMemberNode(n ast.Node) ast.Node {
	switch d := n.(type) {
	case *ast.FunctionDefinition:
		if d.Name.Src.Valid() {
			return d.Name
		}
	case *ast.ModifierDefinition:
		return d.Name
	case *ast.EventDefinition:
		return d.Name
	}
	return n
}
