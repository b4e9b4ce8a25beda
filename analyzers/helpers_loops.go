package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// This file is the loop scanner shared by calls-loop, msg-value-loop,
// delegatecall-loop and unbounded-loop. It works on the syntax tree: the
// loops of a function (for, while, do-while), what is inside them, and
// what the internal functions called from inside them do, transitively.
// A finding is reported at the node that is syntactically inside the
// loop: the dangerous operation itself, or the internal call that leads
// to it (with the operation as a related location).

// loopHit is one dangerous operation reached from inside a loop.
type loopHit struct {
	loop ast.Stmt // the innermost loop around site
	site ast.Node // inside the loop: the target, or the internal call reaching it
	// target is the dangerous node (site itself, or a node in a function
	// the site calls).
	target ast.Node
	// fn is the function whose body holds the loop.
	fn *sema.Function
}

// loopScanner finds loops and what they reach, in the context of one
// contract (dispatch of virtual functions, modifiers).
type loopScanner struct {
	prog  *sema.Program
	ctx   *sema.Contract
	match func(n ast.Node) bool
	// reach memoises, per function, the matching nodes it and its
	// internal callees contain.
	reach map[*sema.Function][]ast.Node
}

func newLoopScanner(prog *sema.Program, ctx *sema.Contract, match func(n ast.Node) bool) *loopScanner {
	return &loopScanner{prog: prog, ctx: ctx, match: match, reach: map[*sema.Function][]ast.Node{}}
}

// bodies returns the code a call to fn runs: its modifiers' bodies and
// its own.
func (s *loopScanner) bodies(fn *sema.Function) []ast.Node {
	var out []ast.Node
	for _, m := range fn.Modifiers(s.ctx) {
		if m.Def.Body != nil {
			out = append(out, m.Def.Body)
		}
	}
	if fn.Def.Body != nil {
		out = append(out, fn.Def.Body)
	}
	return out
}

// callee resolves an internal or internal-library call in the scanner's
// context; nil for anything else.
func (s *loopScanner) callee(n ast.Node) *sema.Function {
	fc, ok := n.(*ast.FunctionCall)
	if !ok {
		return nil
	}
	call := s.prog.CallOf(fc)
	if call == nil || call.Kind != sema.CallInternal {
		return nil
	}
	fn := s.prog.Dispatch(s.ctx, call)
	if fn == nil || fn.Def.Body == nil {
		return nil
	}
	return fn
}

// reaches returns the matching nodes fn runs, through internal calls.
func (s *loopScanner) reaches(fn *sema.Function) []ast.Node {
	if r, ok := s.reach[fn]; ok {
		return r
	}
	s.reach[fn] = nil // cycles end here
	var out []ast.Node
	seen := map[ast.Node]bool{}
	add := func(n ast.Node) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, b := range s.bodies(fn) {
		inspectBody(s.prog, b, func(n ast.Node) bool {
			if s.match(n) {
				add(n)
			}
			if g := s.callee(n); g != nil {
				for _, t := range s.reaches(g) {
					add(t)
				}
			}
			return true
		})
	}
	s.reach[fn] = out
	return out
}

// inLoops returns the hits inside the loops written in root (and, when
// follow is set, in the loops of the internal functions root calls from
// outside any loop, transitively).
func (s *loopScanner) inLoops(root *sema.Function, follow bool) []loopHit {
	var hits []loopHit
	visited := map[*sema.Function]bool{}
	var outside func(fn *sema.Function)
	var inside func(fn *sema.Function, loop ast.Stmt, n ast.Node)
	inside = func(fn *sema.Function, loop ast.Stmt, n ast.Node) {
		ast.Inspect(n, func(x ast.Node) bool {
			if loopIsLoop(x) && x != ast.Node(loop) {
				inner := x.(ast.Stmt)
				for _, part := range loopParts(inner) {
					inside(fn, inner, part)
				}
				return false
			}
			if s.match(x) {
				hits = append(hits, loopHit{loop: loop, site: x, target: x, fn: fn})
			}
			if g := s.callee(x); g != nil {
				for _, t := range s.reaches(g) {
					hits = append(hits, loopHit{loop: loop, site: x, target: t, fn: fn})
				}
			}
			return true
		})
	}
	outside = func(fn *sema.Function) {
		if visited[fn] {
			return
		}
		visited[fn] = true
		for _, b := range s.bodies(fn) {
			inspectBody(s.prog, b, func(x ast.Node) bool {
				if loopIsLoop(x) {
					loop := x.(ast.Stmt)
					for _, part := range loopParts(loop) {
						inside(fn, loop, part)
					}
					return false
				}
				if follow {
					if g := s.callee(x); g != nil {
						outside(g)
					}
				}
				return true
			})
		}
	}
	outside(root)
	return hits
}

// loopsReached returns every loop statement root runs: in its body, its
// modifiers and the internal functions it calls, transitively, with the
// function that holds each.
func (s *loopScanner) loopsReached(root *sema.Function) map[ast.Stmt]*sema.Function {
	out := map[ast.Stmt]*sema.Function{}
	visited := map[*sema.Function]bool{}
	var visit func(fn *sema.Function)
	visit = func(fn *sema.Function) {
		if visited[fn] {
			return
		}
		visited[fn] = true
		for _, b := range s.bodies(fn) {
			inspectBody(s.prog, b, func(x ast.Node) bool {
				if loopIsLoop(x) {
					out[x.(ast.Stmt)] = fn
				}
				if g := s.callee(x); g != nil {
					visit(g)
				}
				return true
			})
		}
	}
	visit(root)
	return out
}

func loopIsLoop(n ast.Node) bool {
	switch n.(type) {
	case *ast.ForStatement, *ast.WhileStatement, *ast.DoWhileStatement:
		return true
	}
	return false
}

// loopParts are the parts of a loop that run once per iteration: the
// condition, the post expression and the body (not a for's init).
func loopParts(loop ast.Stmt) []ast.Node {
	var out []ast.Node
	add := func(n ast.Node) {
		if n != nil && !loopNilNode(n) {
			out = append(out, n)
		}
	}
	switch x := loop.(type) {
	case *ast.ForStatement:
		if x.Cond != nil {
			add(x.Cond)
		}
		if x.Post != nil {
			add(x.Post)
		}
		add(x.Body)
	case *ast.WhileStatement:
		add(x.Cond)
		add(x.Body)
	case *ast.DoWhileStatement:
		add(x.Body)
		add(x.Cond)
	}
	return out
}

// loopNilNode guards against typed nil interfaces.
func loopNilNode(n ast.Node) bool {
	switch x := n.(type) {
	case *ast.Block:
		return x == nil
	case ast.Expr:
		return x == nil
	}
	return false
}

// loopKeyword names a loop for messages: "for loop", "while loop".
func loopKeyword(loop ast.Stmt) string {
	switch loop.(type) {
	case *ast.WhileStatement:
		return "while loop"
	case *ast.DoWhileStatement:
		return "do-while loop"
	}
	return "for loop"
}

// loopHeader is the loop's span for related locations: the whole
// statement (its header line is where it starts).
func loopHeader(loop ast.Stmt) ast.Node { return loop }

// loopGuards walks root with the flow walker and records whether
// msg.sender was checked on every path reaching each loop statement.
func loopGuards(p *Pass, c *sema.Contract, root *sema.Function) map[ast.Node]bool {
	out := map[ast.Node]bool{}
	p.Walk(c, root, FlowVisitor{Node: func(n ast.Node, st FlowState) {
		if !loopIsLoop(n) {
			return
		}
		if g, ok := out[n]; ok {
			out[n] = g && st.Guarded
		} else {
			out[n] = st.Guarded
		}
	}})
	return out
}
