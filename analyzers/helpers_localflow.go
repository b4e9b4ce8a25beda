package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// A forward "may have been assigned" analysis of local variables over one
// function or modifier body, for uninitialized-local and
// uninitialized-storage. Branches join by union; loops are walked once
// silently and then again from the joined state, so a use is reported only
// when no assignment can reach it on any path.

type lfState struct {
	dead     bool
	assigned map[*ast.VariableDeclaration]bool // shared; copied on write
}

func (s lfState) has(v *ast.VariableDeclaration) bool { return s.assigned[v] }

func (s lfState) with(v *ast.VariableDeclaration) lfState {
	if s.dead || s.assigned[v] {
		return s
	}
	m := make(map[*ast.VariableDeclaration]bool, len(s.assigned)+1)
	for k := range s.assigned {
		m[k] = true
	}
	m[v] = true
	return lfState{assigned: m}
}

func (s lfState) without(v *ast.VariableDeclaration) lfState {
	if s.dead || !s.assigned[v] {
		return s
	}
	m := make(map[*ast.VariableDeclaration]bool, len(s.assigned))
	for k := range s.assigned {
		if k != v {
			m[k] = true
		}
	}
	return lfState{assigned: m}
}

func lfJoin(a, b lfState) lfState {
	if a.dead {
		return b
	}
	if b.dead {
		return a
	}
	if len(b.assigned) == 0 {
		return a
	}
	if len(a.assigned) == 0 {
		return b
	}
	m := make(map[*ast.VariableDeclaration]bool, len(a.assigned)+len(b.assigned))
	for k := range a.assigned {
		m[k] = true
	}
	for k := range b.assigned {
		m[k] = true
	}
	return lfState{assigned: m}
}

var lfDead = lfState{dead: true}

type lfLoop struct{ breaks, continues lfState }

// localFlow runs the analysis; onUse is called for each use of a tracked
// variable that no assignment reaches.
type localFlow struct {
	prog    *sema.Program
	tracked map[*ast.VariableDeclaration]bool
	onUse   func(v *ast.VariableDeclaration, at ast.Node)
	// resetOnDecl makes a declaration without value zero its variable
	// again, as it does since 0.5 (block scoping) when a loop runs it
	// again; before 0.5 locals were function-scoped and kept their value.
	resetOnDecl bool
	// must makes branches join by intersection: a use is reported when
	// some path reaches it without an assignment (for storage pointers,
	// where one such path is enough to write slot 0).
	must   bool
	silent int
	loops  []*lfLoop
}

// join merges the states of two paths.
func (f *localFlow) join(a, b lfState) lfState {
	if !f.must || a.dead || b.dead {
		return lfJoin(a, b)
	}
	m := map[*ast.VariableDeclaration]bool{}
	for k := range a.assigned {
		if b.assigned[k] {
			m[k] = true
		}
	}
	return lfState{assigned: m}
}

func (f *localFlow) run(body *ast.Block) {
	f.stmt(body, lfState{})
}

func (f *localFlow) use(v *ast.VariableDeclaration, at ast.Node, st lfState) {
	if st.dead || f.silent > 0 || !f.tracked[v] || st.has(v) {
		return
	}
	f.onUse(v, at)
}

func (f *localFlow) ref(e ast.Node) *ast.VariableDeclaration {
	v, ok := f.prog.Ref(e).(*ast.VariableDeclaration)
	if !ok || v.IsStateVar || !f.tracked[v] {
		return nil
	}
	return v
}

func (f *localFlow) stmt(s ast.Stmt, st lfState) lfState {
	if s == nil || st.dead {
		return st
	}
	switch x := s.(type) {
	case *ast.Block:
		for _, c := range x.Stmts {
			st = f.stmt(c, st)
		}
		return st
	case *ast.VariableDeclarationStatement:
		if x.Value == nil {
			if f.resetOnDecl {
				for _, d := range x.Decls {
					if d != nil {
						st = st.without(d)
					}
				}
			}
			return st
		}
		st = f.expr(x.Value, st)
		for _, d := range x.Decls {
			if d != nil {
				st = st.with(d)
			}
		}
		return st
	case *ast.ExpressionStatement:
		return f.expr(x.X, st)
	case *ast.IfStatement:
		st = f.expr(x.Cond, st)
		return f.join(f.stmt(x.Then, st), f.stmt(x.Else, st))
	case *ast.ForStatement:
		st = f.stmt(x.Init, st)
		return f.loop(x.Cond, x.Body, x.Post, st, false)
	case *ast.WhileStatement:
		return f.loop(x.Cond, x.Body, nil, st, false)
	case *ast.DoWhileStatement:
		return f.loop(x.Cond, x.Body, nil, st, true)
	case *ast.ReturnStatement:
		f.expr(x.Value, st)
		return lfDead
	case *ast.ThrowStatement:
		return lfDead
	case *ast.RevertStatement:
		if x.Call != nil {
			f.exprs(x.Call.Args, st)
		}
		return lfDead
	case *ast.EmitStatement:
		if x.Call != nil {
			return f.exprs(x.Call.Args, st)
		}
		return st
	case *ast.BreakStatement:
		if n := len(f.loops); n > 0 {
			f.loops[n-1].breaks = f.join(f.loops[n-1].breaks, st)
		}
		return lfDead
	case *ast.ContinueStatement:
		if n := len(f.loops); n > 0 {
			f.loops[n-1].continues = f.join(f.loops[n-1].continues, st)
		}
		return lfDead
	case *ast.TryStatement:
		st = f.expr(x.Call, st)
		out := f.stmt(x.Body, st)
		for _, c := range x.Catches {
			out = f.join(out, f.stmt(c.Body, st))
		}
		return out
	}
	return st
}

// loop walks cond/body/post once silently, then again from the state
// joined with the first iteration's end.
func (f *localFlow) loop(cond ast.Expr, body ast.Stmt, post ast.Expr, in lfState, bodyFirst bool) lfState {
	iter := func(st lfState) (end, exit lfState) {
		lc := &lfLoop{breaks: lfDead, continues: lfDead}
		f.loops = append(f.loops, lc)
		if bodyFirst {
			st = f.stmt(body, st)
			st = f.join(st, lc.continues)
			st = f.expr(cond, st)
			f.loops = f.loops[:len(f.loops)-1]
			return st, f.join(st, lc.breaks)
		}
		st = f.expr(cond, st)
		exit = st
		b := f.stmt(body, st)
		b = f.join(b, lc.continues)
		b = f.expr(post, b)
		f.loops = f.loops[:len(f.loops)-1]
		return b, f.join(exit, lc.breaks)
	}
	f.silent++
	end1, _ := iter(in)
	f.silent--
	_, exit := iter(f.join(in, end1))
	return exit
}

func (f *localFlow) exprs(es []ast.Expr, st lfState) lfState {
	for _, e := range es {
		st = f.expr(e, st)
	}
	return st
}

func (f *localFlow) expr(e ast.Expr, st lfState) lfState {
	if e == nil || st.dead {
		return st
	}
	switch x := e.(type) {
	case *ast.Identifier:
		if v := f.ref(x); v != nil {
			f.use(v, x, st)
		}
	case *ast.Assignment:
		st = f.expr(x.RHS, st)
		return f.lhs(x.LHS, st, x.Op != "=")
	case *ast.UnaryOperation:
		switch x.Op {
		case "++", "--":
			return f.lhs(x.X, st, true)
		case "delete":
			return f.lhs(x.X, st, false)
		}
		return f.expr(x.X, st)
	case *ast.BinaryOperation:
		st = f.expr(x.X, st)
		if x.Op == "&&" || x.Op == "||" {
			return f.join(st, f.expr(x.Y, st))
		}
		return f.expr(x.Y, st)
	case *ast.Conditional:
		st = f.expr(x.Cond, st)
		return f.join(f.expr(x.Then, st), f.expr(x.Else, st))
	case *ast.FunctionCall:
		st = f.expr(x.Fn, st)
		return f.exprs(x.Args, st)
	case *ast.FunctionCallOptions:
		st = f.expr(x.X, st)
		return f.exprs(x.Values, st)
	case *ast.MemberAccess:
		return f.expr(x.X, st)
	case *ast.IndexAccess:
		st = f.expr(x.X, st)
		return f.expr(x.Index, st)
	case *ast.IndexRangeAccess:
		st = f.expr(x.X, st)
		st = f.expr(x.Start, st)
		return f.expr(x.End, st)
	case *ast.TupleExpression:
		return f.exprs(x.Elems, st)
	case *ast.InlineArray:
		return f.exprs(x.Elems, st)
	}
	return st
}

// lhs records an assignment target: a tracked variable becomes assigned
// (after being read, for compound assignments); writing into x[i] or x.f
// uses x.
func (f *localFlow) lhs(e ast.Expr, st lfState, alsoRead bool) lfState {
	switch x := Unparen(e).(type) {
	case *ast.Identifier:
		if v := f.ref(x); v != nil {
			if alsoRead {
				f.use(v, x, st)
			}
			return st.with(v)
		}
		return st
	case *ast.TupleExpression:
		for _, el := range x.Elems {
			st = f.lhs(el, st, alsoRead)
		}
		return st
	}
	return f.expr(e, st)
}

// namesInAssembly returns the names used in the inline assembly of a
// body, as identifiers or assignment targets, without .slot/.offset (or
// the pre-0.7 _slot/_offset) suffixes: variables that assembly may write.
func namesInAssembly(body ast.Node) map[string]bool {
	out := map[string]bool{}
	add := func(name string) {
		if i := strings.IndexByte(name, '.'); i >= 0 {
			name = name[:i]
		}
		for _, suf := range []string{"_slot", "_offset"} {
			if strings.HasSuffix(name, suf) {
				out[strings.TrimSuffix(name, suf)] = true
			}
		}
		out[name] = true
	}
	ast.Inspect(body, func(n ast.Node) bool {
		asm, ok := n.(*ast.InlineAssembly)
		if !ok {
			return true
		}
		ast.Inspect(asm.Body, func(y ast.Node) bool {
			switch x := y.(type) {
			case *ast.YulIdentifier:
				add(x.Name)
			case *ast.YulAssignment:
				for _, id := range x.Names {
					add(id.Name)
				}
			case *ast.YulStackAssignment:
				add(x.Name.Name)
			}
			return true
		})
		return false
	})
	return out
}

// uninitializedLocalDecls returns the locals declared without a value in a
// body, excluding for-loop initialisers (the usual `for (uint i; …)`).
func uninitializedLocalDecls(body ast.Node) []*ast.VariableDeclaration {
	var out []*ast.VariableDeclaration
	forInit := map[ast.Stmt]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.ForStatement:
			if x.Init != nil {
				forInit[x.Init] = true
			}
		case *ast.VariableDeclarationStatement:
			if x.Value == nil && !forInit[x] {
				for _, d := range x.Decls {
					if d != nil && d.Name.Name != "" && d.Type != nil {
						out = append(out, d)
					}
				}
			}
		}
		return true
	})
	return out
}
