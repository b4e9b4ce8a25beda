package sema

import (
	"sync"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// memo is a map filled lazily while detectors run, and detectors run
// concurrently over one Program. Values are computed between load and
// store, outside the lock, so a computation may ask the memo again (types
// of nested expressions); when two goroutines race on a key they compute
// equal values and the first one stored wins, so every caller sees the
// same pointer.
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func (c *memo[K, V]) load(k K) (V, bool) {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	return v, ok
}

// store records v unless another goroutine got there first, and returns
// the value that stays.
func (c *memo[K, V]) store(k K, v V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[k]; ok {
		return old
	}
	if c.m == nil {
		c.m = map[K]V{}
	}
	c.m[k] = v
	return v
}

// refTable is what names denote. Detectors ask for identifiers and member
// accesses about a million times in a scan of OpenZeppelin; maps keyed by
// their pointer types hash a word, where one keyed by ast.Node hashes an
// interface.
type refTable struct {
	ids     map[*ast.Identifier]Symbol
	members map[*ast.MemberAccess]Symbol
	other   map[ast.Node]Symbol
}

func newRefTable() refTable {
	return refTable{ids: map[*ast.Identifier]Symbol{}, members: map[*ast.MemberAccess]Symbol{}, other: map[ast.Node]Symbol{}}
}

func (t *refTable) get(n ast.Node) Symbol {
	switch x := n.(type) {
	case *ast.Identifier:
		return t.ids[x]
	case *ast.MemberAccess:
		return t.members[x]
	}
	return t.other[n]
}

func (t *refTable) set(n ast.Node, s Symbol) {
	switch x := n.(type) {
	case *ast.Identifier:
		t.ids[x] = s
	case *ast.MemberAccess:
		t.members[x] = s
	default:
		t.other[n] = s
	}
}
