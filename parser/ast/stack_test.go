package ast_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// InspectStack visits what Inspect visits, in the same order, and each
// node's stack is the chain of nodes Inspect went through to reach it.
func TestInspectStackMatchesInspect(t *testing.T) {
	for path, unit := range sampleUnits(t) {
		var want []ast.Node
		ast.Inspect(unit, func(n ast.Node) bool { want = append(want, n); return true })

		var got []ast.Node
		stackTop := map[ast.Node]ast.Node{}
		ast.InspectStack(unit, func(n ast.Node, stack []ast.Node) bool {
			got = append(got, n)
			if len(stack) > 0 {
				stackTop[n] = stack[len(stack)-1]
			}
			if len(stack) == 0 {
				if n != ast.Node(unit) {
					t.Errorf("%s: %T has no ancestors but is not the root", path, n)
				}
				return true
			}
			// The parent is the one node whose own children include n.
			parent := stack[len(stack)-1]
			if !slices.Contains(children(parent), n) {
				t.Errorf("%s: %T at %v is not a child of its stack top %T", path, n, n.Span().Start, parent)
			}
			return true
		})
		if !slices.Equal(got, want) {
			t.Errorf("%s: InspectStack visited %d nodes, Inspect %d, or in another order", path, len(got), len(want))
		}

		parents := ast.NewPreorder(unit).Parents()
		if len(parents) != len(want)-1 {
			t.Errorf("%s: Parents has %d entries for %d nodes below the root", path, len(parents), len(want)-1)
		}
		if _, ok := parents[unit]; ok {
			t.Errorf("%s: the root has a parent", path)
		}
		for n, parent := range stackTop {
			if parents[n] != parent {
				t.Fatalf("%s: Parents gives %T at %v the parent %T, InspectStack %T", path, n, n.Span().Start, parents[n], parent)
			}
		}
	}
}

// Returning false prunes the subtree, as with Inspect.
func TestInspectStackPrunes(t *testing.T) {
	inner := &ast.Identifier{Name: "b"}
	tree := &ast.Block{Stmts: []ast.Stmt{
		&ast.ExpressionStatement{X: &ast.Identifier{Name: "a"}},
		&ast.Block{Stmts: []ast.Stmt{&ast.ExpressionStatement{X: inner}}},
	}}
	var seen []ast.Node
	ast.InspectStack(tree, func(n ast.Node, stack []ast.Node) bool {
		seen = append(seen, n)
		_, nested := n.(*ast.Block)
		return !nested || len(stack) == 0
	})
	if slices.Contains(seen, ast.Node(inner)) || len(seen) != 4 {
		t.Errorf("visited %d nodes, inner block's contents included: %v", len(seen), slices.Contains(seen, ast.Node(inner)))
	}
}

// sampleUnits parses examples/ and the detector fixtures: real code of
// every construct the walks must get right.
func sampleUnits(t *testing.T) map[string]*ast.SourceUnit {
	t.Helper()
	files, _ := filepath.Glob("../../examples/*.sol")
	more, _ := filepath.Glob("../../testdata/detectors/*/*.sol")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("only %d files to walk", len(files))
	}
	units := map[string]*ast.SourceUnit{}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		units[path], _ = parser.ParseFile(source.NewFile(path, path, src))
	}
	return units
}

// children lists n's direct children in Inspect's order.
func children(n ast.Node) []ast.Node {
	var out []ast.Node
	ast.Inspect(n, func(x ast.Node) bool {
		if x == n {
			return true
		}
		out = append(out, x)
		return false
	})
	return out
}
