package analyzers

import (
	"sync"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/internal/memo"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// progCache holds one value derived from a program alone, built once per
// program and safe for concurrent passes. build runs under the cache's
// lock, so it must not ask the same cache again.
type progCache[T any] struct {
	mu   sync.Mutex
	prog *sema.Program
	v    T
}

func (c *progCache[T]) get(prog *sema.Program, build func() T) T {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.prog != prog {
		c.v = build()
		c.prog = prog
	}
	return c.v
}

// nodeMemo maps syntax nodes to values computed from the node alone (and
// the program), safe for concurrent passes.
type nodeMemo[V any] = memo.Map[ast.Node, V]

// exprRefs is what a taint query needs to know of an expression: whether
// it reads msg.data or msg.value, and every variable it names.
type exprRefs struct {
	msg  bool
	vars []*ast.VariableDeclaration
}

func buildExprRefs(prog *sema.Program, e ast.Expr) *exprRefs {
	r := &exprRefs{}
	ast.Inspect(e, func(n ast.Node) bool {
		if r.msg {
			return false
		}
		switch x := n.(type) {
		case *ast.Identifier:
			if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok {
				r.vars = append(r.vars, v)
			}
		case *ast.MemberAccess:
			if IsMagic(x, "msg", "data") || IsMagic(x, "msg", "value") {
				r.msg = true
				return false
			}
			if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok {
				r.vars = append(r.vars, v)
			}
		}
		return true
	})
	if r.msg {
		r.vars = nil
	}
	return r
}

// refsOf returns the exprRefs of e, shared by every walk of the run.
func (f *Facts) refsOf(prog *sema.Program, e ast.Expr) *exprRefs {
	if f == nil {
		return buildExprRefs(prog, e)
	}
	if r, ok := f.exprRefs[e]; ok {
		return r
	}
	r := buildExprRefs(prog, e)
	f.exprRefs[e] = r
	return r
}

// flatBodies holds, per function or modifier body, the body flattened in
// ast.Inspect order: every detector walks every body, and ranging over
// the shared slice costs a fraction of re-walking the tree.
var flatBodies progCache[*nodeMemo[*ast.Preorder]]

// preorderOf returns body's shared Preorder: read it, never change it.
// Only for bodies and other roots walked by many passes; a root walked
// once is cheaper to walk with ast.Inspect than to flatten and keep.
func preorderOf(prog *sema.Program, body ast.Node) *ast.Preorder {
	m := flatBodies.get(prog, func() *nodeMemo[*ast.Preorder] { return &nodeMemo[*ast.Preorder]{} })
	return m.Get(body, func() *ast.Preorder { return ast.NewPreorder(body) })
}

// flatNodes returns body and the nodes below it in ast.Inspect order.
func flatNodes(prog *sema.Program, body ast.Node) []ast.Node {
	return preorderOf(prog, body).Nodes
}

// inspectBody is ast.Inspect(body, f) over body's shared Preorder.
func inspectBody(prog *sema.Program, body ast.Node, f func(ast.Node) bool) {
	preorderOf(prog, body).Inspect(f)
}
