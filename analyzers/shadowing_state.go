package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// ShadowingState flags state variables redeclared in a derived contract:
// the base's code keeps using its own copy.
var ShadowingState = &Analyzer{
	ID:         "shadowing-state",
	Title:      "State variable shadows a base contract's state variable",
	Severity:   High,
	Confidence: ConfidenceHigh,
	Category:   CatShadowing,
	SWC:        "SWC-119",
	CWE:        []string{"CWE-710"},
	Description: "A derived contract declares a state variable with the same name as one of a " +
		"base contract. They are two distinct storage slots: the base's functions and modifiers " +
		"read and write the base's variable, the derived contract's code the other one. Before " +
		"0.6 this compiles with at most a warning. A redeclared private base variable (the only " +
		"case 0.6+ accepts) is not reported: derived code never could use the base's copy, so " +
		"the two are separate by design (as OpenZeppelin's storage gaps and private fields are).",
	Exploit: "`Base` declares `address owner` and a modifier `onlyOwner` that checks it; " +
		"`Wallet is Base` redeclares `address owner` and sets it in its constructor. The base's " +
		"`owner` stays zero, so `onlyOwner` either locks the owner out or, with a check like " +
		"`owner == address(0) || msg.sender == owner`, lets anyone through.",
	Recommendation: "Remove the redeclaration and use the inherited variable (make it internal " +
		"if it is private), or give the new variable a distinct name.",
	Run: runShadowingState,
}

func init() { registry = append(registry, ShadowingState) }

func runShadowingState(p *Pass) {
	for _, c := range p.Contracts() {
		if len(c.Linearization) < 2 {
			continue
		}
		for _, v := range c.Def.StateVars {
			name := v.Name.Name
			if name == "" || strings.HasPrefix(name, "__gap") {
				continue // upgradeable storage gaps are redeclared on purpose
			}
			var shadowed []*ast.VariableDeclaration
			var owners []*sema.Contract
			for _, base := range c.Linearization[1:] {
				for _, bv := range base.Def.StateVars {
					// A private base variable was never visible here: the
					// derived contract had to declare its own, and the
					// base's code keeps working on the base's (0.6+
					// allows only this case).
					if bv.Name.Name == name && bv.Visibility != "private" {
						shadowed = append(shadowed, bv)
						owners = append(owners, base)
					}
				}
			}
			if len(shadowed) == 0 {
				continue
			}
			r := Report{At: v, Contract: c.Def,
				Message: c.Name() + "." + name + " shadows " + owners[0].Name() + "." + name +
					": the base's code uses its own, separate variable"}
			for i, bv := range shadowed {
				r.Related = append(r.Related, RelatedNode{At: bv, Message: "shadowed " + owners[i].Name() + "." + name})
			}
			// Slither's shadowing-abstract: a base without any code only
			// declares storage, so the split is less likely to bite.
			if !contractHasCode(owners[0]) {
				r.Severity = Medium
			}
			p.Report(r)
		}
	}
}

// contractHasCode reports whether a contract has any implemented
// function or modifier.
func contractHasCode(c *sema.Contract) bool {
	for _, f := range c.Def.Functions {
		if f.Body != nil {
			return true
		}
	}
	for _, m := range c.Def.Modifiers {
		if m.Body != nil {
			return true
		}
	}
	return false
}
