package ast

import "testing"

func TestIsNil(t *testing.T) {
	var id *Identifier
	var blk *Block
	var vd *VariableDeclaration
	var yul *YulBlock
	var e Expr = id
	var s Stmt = blk
	for i, n := range []Node{nil, id, blk, vd, yul, e, s} {
		if !isNil(n) {
			t.Errorf("node %d (%T) is nil, isNil says not", i, n)
		}
	}
	for i, n := range []Node{&Identifier{Name: "x"}, &Block{}, &BreakStatement{}, Ident{Name: "x"}, &Ident{}} {
		if isNil(n) {
			t.Errorf("node %d (%T) is not nil, isNil says it is", i, n)
		}
	}
}

// Typed nil children, as the builder leaves them for optional parts, are
// skipped rather than visited or dereferenced.
func TestInspectSkipsTypedNilChildren(t *testing.T) {
	var body *Block
	var cond Expr = (*BinaryOperation)(nil)
	tree := &IfStatement{Cond: cond, Then: &ExpressionStatement{X: &Identifier{Name: "a"}}, Else: body}
	var seen []string
	Inspect(tree, func(n Node) bool {
		if id, ok := n.(*Identifier); ok {
			seen = append(seen, id.Name)
		}
		return true
	})
	if len(seen) != 1 || seen[0] != "a" {
		t.Fatalf("visited identifiers %v, want [a]", seen)
	}
}
