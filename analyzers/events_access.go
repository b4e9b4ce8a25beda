package analyzers

import (
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// EventsAccess flags privileged functions that change access-control
// state without emitting an event.
var EventsAccess = &Analyzer{
	ID:         "events-access",
	Title:      "Access-control change without an event",
	Severity:   Low,
	Confidence: ConfidenceMedium,
	Category:   CatAccessControl,
	CWE:        []string{"CWE-778"},
	Description: "A function changes a state variable that authorises callers — the owner, an admin set, " +
		"a role mapping — and emits no event anywhere on its paths. Off-chain monitoring, indexers and users " +
		"cannot see who controls the contract, and a hijacked key changing ownership goes unnoticed.",
	Exploit: "An attacker who obtained the owner's key calls `setOwner(attacker)`. No `OwnershipTransferred` " +
		"event is emitted, so the team's monitoring never fires and the attacker has days to prepare the drain.",
	Recommendation: "Emit an event for every change of ownership, admins and roles, with the old and new " +
		"values (as OpenZeppelin's `OwnershipTransferred` and `RoleGranted` do).",
	Run: runEventsAccess,
}

func init() { registry = append(registry, EventsAccess) }

func runEventsAccess(p *Pass) {
	done := map[ast.Node]bool{}
	for _, c := range axsAccessRoots(p) {
		auth := axsAuthRefs(p, c)
		if len(auth) == 0 {
			continue
		}
		writesAuth := axsWritesAny(p.Program, c, auth)
		for _, f := range p.EntryPoints(c) {
			if f.IsView() || !axsReaches(p, c, f, "writes-auth", writesAuth) || axsOneTime(p, c, f) {
				continue
			}
			type write struct {
				v  *ast.VariableDeclaration
				at ast.Node
			}
			var writes []write
			emitted := false
			guard := axsNewCallerCheck(p, c)
			var wk *Walker
			wk = p.NewWalker(c, f, FlowVisitor{
				Node: func(n ast.Node, st FlowState) { guard.visit(wk, n) },
				Emit: func(at ast.Node, st FlowState) { emitted = true },
				Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
					if _, ok := auth[v]; ok && guard.guarded(st) {
						writes = append(writes, write{v, at})
					}
				},
			})
			wk.Run()
			if emitted {
				continue
			}
			perVar := map[*ast.VariableDeclaration]bool{}
			for _, w := range writes {
				if done[w.at] || perVar[w.v] {
					continue
				}
				perVar[w.v] = true
				done[w.at] = true
				axsReportAt(p, w.at, axsQualified(c, f)+" changes "+w.v.Name.Name+", which authorises callers, without emitting an event",
					RelatedNode{At: auth[w.v], Message: "authorisation trusts " + w.v.Name.Name + " here"})
			}
		}
	}
}
