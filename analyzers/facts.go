package analyzers

import (
	"strings"
	"sync"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Facts are per-contract results several detectors need, computed once
// per worker of a run and shared by the passes that worker runs. A Facts
// belongs to one goroutine.
type Facts struct {
	prog       *sema.Program
	pass       *Pass
	entryCache map[*sema.Contract][]*sema.Function
	// exprRefs memoises the variables each expression names, for the
	// taint queries of every walk.
	exprRefs map[ast.Expr]*exprRefs
	// axs memoises the access-control helpers (helpers_access.go).
	axs *axsAccessFacts
}

// blockDerivation returns the derivation from every block value, built
// once per program for every worker: an ariDeriv is read-only once built.
func (p *Pass) blockDerivation() *ariDeriv {
	prog := p.Program
	return blockDerived.get(prog, func() *ariDeriv {
		return newAriDeriv(prog, func(n ast.Node) bool { return ariBlockValue(prog, n) != "" }, true, nil)
	})
}

var blockDerived progCache[*ariDeriv]

// parentsOf returns the parent of every node below body. The map is
// shared by all detectors and all workers: read it, never change it.
func (p *Pass) parentsOf(body ast.Node) map[ast.Node]ast.Node {
	m := bodyParents.get(p.Program, func() *nodeMemo[map[ast.Node]ast.Node] { return &nodeMemo[map[ast.Node]ast.Node]{} })
	return m.Get(body, func() map[ast.Node]ast.Node { return preorderOf(p.Program, body).Parents() })
}

// bodyParents holds parentsOf's maps for the program being analysed.
var bodyParents progCache[*nodeMemo[map[ast.Node]ast.Node]]

// WriteSite is a state write reachable from an entry point.
type WriteSite struct {
	Entry *sema.Function // the entry point
	At    ast.Node       // the lvalue, or the sstore
	Value ast.Expr       // the value written, nil for ++, delete, push…
	// Tainted is true when the value depends on the caller's input.
	Tainted bool
}

func newFacts(prog *sema.Program) *Facts {
	f := &Facts{prog: prog,
		entryCache: map[*sema.Contract][]*sema.Function{},
		exprRefs:   map[ast.Expr]*exprRefs{}}
	f.pass = &Pass{Program: prog, facts: f}
	return f
}

// EntryPoints returns the functions of c anyone can call in a transaction,
// after overriding: public and external functions, fallback and receive.
func (p *Pass) EntryPoints(c *sema.Contract) []*sema.Function {
	fa := p.facts
	if eps, ok := fa.entryCache[c]; ok {
		return eps
	}
	var out []*sema.Function
	for _, f := range c.Functions {
		if f.IsEntryPoint() && f.Def.Body != nil {
			out = append(out, f)
		}
	}
	fa.entryCache[c] = out
	return out
}

// UnguardedWrites returns, for each state variable of c, the writes that
// entry points make without any check of msg.sender on the way: what an
// arbitrary caller can change.
func (p *Pass) UnguardedWrites(c *sema.Contract) map[*ast.VariableDeclaration][]WriteSite {
	cell := unguardedWrites.get(p.Program, newUnguardedTable).cell(c)
	// Computed once for every worker; the walk asks for no other
	// contract's writes, so it cannot wait on itself.
	cell.once.Do(func() { cell.m = p.unguardedWrites(c) })
	return cell.m
}

// unguardedTable holds UnguardedWrites' answers for one program.
type unguardedTable struct {
	mu    sync.Mutex
	cells map[*sema.Contract]*unguardedCell
}

type unguardedCell struct {
	once sync.Once
	m    map[*ast.VariableDeclaration][]WriteSite
}

var unguardedWrites progCache[*unguardedTable]

func newUnguardedTable() *unguardedTable {
	return &unguardedTable{cells: map[*sema.Contract]*unguardedCell{}}
}

func (t *unguardedTable) cell(c *sema.Contract) *unguardedCell {
	t.mu.Lock()
	defer t.mu.Unlock()
	cell := t.cells[c]
	if cell == nil {
		cell = &unguardedCell{}
		t.cells[c] = cell
	}
	return cell
}

func (p *Pass) unguardedWrites(c *sema.Contract) map[*ast.VariableDeclaration][]WriteSite {
	m := map[*ast.VariableDeclaration][]WriteSite{}
	for _, f := range p.EntryPoints(c) {
		if !axsReaches(p, c, f, "writes", writesSomething(p.Program)) {
			continue // a getter: no write to walk for
		}
		entry := f
		var wk *Walker
		wk = p.NewWalker(c, f, FlowVisitor{
			Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
				if st.Guarded {
					return
				}
				m[v] = append(m[v], WriteSite{Entry: entry, At: at, Value: value, Tainted: value != nil && wk.Tainted(value)})
			},
		})
		wk.Run()
	}
	return m
}

// writesSomething matches every node the flow walker reports a state write
// for, and more: assignments, ++, --, delete, push, pop and sstore.
func writesSomething(prog *sema.Program) func(ast.Node) bool {
	return func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Assignment:
			return true
		case *ast.UnaryOperation:
			return x.Op == "++" || x.Op == "--" || x.Op == "delete"
		case *ast.FunctionCall:
			return IsBuiltinCall(prog, x, "array.push") || IsBuiltinCall(prog, x, "array.pop")
		case *ast.YulFunctionCall:
			return x.Name.Name == "sstore"
		}
		return false
	}
}

// AttackerControlled returns the state variables of c that any caller can
// set to a value of their choosing.
func (p *Pass) AttackerControlled(c *sema.Contract) map[*ast.VariableDeclaration]bool {
	out := map[*ast.VariableDeclaration]bool{}
	for v, sites := range p.UnguardedWrites(c) {
		for _, s := range sites {
			if s.Tainted {
				out[v] = true
			}
		}
	}
	return out
}

// HasReentrancyGuard reports whether f runs under a reentrancy lock in
// contract c: OpenZeppelin's nonReentrant and its look-alikes (recognised
// by name), or a modifier that checks and sets the same state variable
// before `_`.
func (p *Pass) HasReentrancyGuard(c *sema.Contract, f *sema.Function) bool {
	for _, inv := range f.Def.Modifiers {
		name := strings.ToLower(inv.Name.Last())
		if strings.Contains(name, "reentran") || strings.Contains(name, "reentry") || name == "lock" || name == "locked" ||
			name == "mutex" || name == "nonreentrant" || strings.Contains(name, "noreenter") {
			return true
		}
	}
	for _, m := range f.Modifiers(c) {
		if m.Def.Body != nil && isLockModifier(p.Program, m.Def.Body) {
			return true
		}
	}
	return false
}

// isLockModifier recognises `require(!locked); locked = true; _; locked = false;`.
func isLockModifier(prog *sema.Program, body *ast.Block) bool {
	checked := map[*ast.VariableDeclaration]bool{}
	set := map[*ast.VariableDeclaration]bool{}
	for _, s := range body.Stmts {
		if _, ok := s.(*ast.PlaceholderStatement); ok {
			for v := range checked {
				if set[v] {
					return true
				}
			}
			return false
		}
		ast.Inspect(s, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FunctionCall:
				if IsBuiltinCall(prog, x, "require", "assert") && len(x.Args) > 0 {
					markStateRefs(prog, x.Args[0], checked)
				}
			case *ast.IfStatement:
				markStateRefs(prog, x.Cond, checked)
			case *ast.Assignment:
				markStateRefs(prog, x.LHS, set)
			}
			return true
		})
	}
	return false
}

func markStateRefs(prog *sema.Program, e ast.Expr, into map[*ast.VariableDeclaration]bool) {
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Identifier); ok {
			if v, ok := prog.Ref(id).(*ast.VariableDeclaration); ok && v.IsStateVar {
				into[v] = true
			}
		}
		return true
	})
}
