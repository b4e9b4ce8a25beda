package ast_test

import (
	"slices"
	"testing"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// A Preorder's Inspect visits exactly what ast.Inspect visits, in the same
// order, whatever the callback prunes.
func TestPreorderMatchesInspect(t *testing.T) {
	prunes := map[string]func(ast.Node) bool{
		"nothing": func(ast.Node) bool { return true },
		"blocks":  func(n ast.Node) bool { _, ok := n.(*ast.Block); return !ok },
		"calls":   func(n ast.Node) bool { _, ok := n.(*ast.FunctionCall); return !ok },
		// A third of all nodes, of every kind, by where they start.
		"every third": func(n ast.Node) bool { return n.Span().Start.Offset%3 != 0 },
	}
	for path, unit := range sampleUnits(t) {
		pre := ast.NewPreorder(unit)
		for name, keep := range prunes {
			var want, got []ast.Node
			ast.Inspect(unit, func(n ast.Node) bool { want = append(want, n); return keep(n) })
			pre.Inspect(func(n ast.Node) bool { got = append(got, n); return keep(n) })
			if !slices.Equal(got, want) {
				t.Fatalf("%s, pruning %s: Preorder visited %d nodes, Inspect %d, or in another order", path, name, len(got), len(want))
			}
		}
	}
}

func TestPreorderOfNothing(t *testing.T) {
	var b *ast.Block
	pre := ast.NewPreorder(b)
	pre.Inspect(func(ast.Node) bool { t.Fatal("visited a node of a nil tree"); return true })
	if len(pre.Nodes) != 0 {
		t.Errorf("nil tree flattened to %d nodes", len(pre.Nodes))
	}
}
