package analyzers

import (
	"fmt"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// TestReachSeesAllTheWalkVisits holds the invariant the detectors'
// prefilters rest on: every node the flow walker visits from an entry
// point is among the nodes axsReaches scans for it. A walk skipped because
// axsReaches found nothing would otherwise lose findings.
func TestReachSeesAllTheWalkVisits(t *testing.T) {
	paths := append(fixtureDirs(t), installedCorpora(t, "solmate", "@openzeppelin/contracts")...)
	proj, err := parser.Load(parser.Config{Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	prog := sema.Build(proj)
	p := &Pass{Program: prog, facts: newFacts(prog)}
	entries, visited := 0, 0
	for _, c := range prog.InScopeContracts() {
		for _, f := range p.EntryPoints(c) {
			entries++
			scanned := map[ast.Node]bool{}
			key := fmt.Sprintf("test-all-%p", f)
			axsReaches(p, c, f, key, func(n ast.Node) bool { scanned[n] = true; return false })
			missed := 0
			p.Walk(c, f, FlowVisitor{Node: func(n ast.Node, _ FlowState) {
				visited++
				if !scanned[n] {
					if missed == 0 {
						t.Errorf("%s.%s: the walk visits %T at %+v, which axsReaches never scans",
							c.Name(), f.Signature(), n, LocationOf(n.Span()))
					}
					missed++
				}
			}})
		}
	}
	if entries < 100 || visited < 1000 {
		t.Fatalf("only %d entry points and %d visits: the test saw too little", entries, visited)
	}
}
