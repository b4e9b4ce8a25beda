package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// IncorrectModifier flags modifiers with a path that neither executes `_`
// nor reverts: on that path the function body is skipped and the call
// succeeds with default return values.
var IncorrectModifier = &Analyzer{
	ID:         "incorrect-modifier",
	Title:      "Modifier can finish without executing `_` or reverting",
	Severity:   Low,
	Confidence: ConfidenceHigh,
	Category:   CatLogic,
	CWE:        []string{"CWE-393"},
	Description: "A modifier should, on every path, either run the function body (`_`) or revert. " +
		"When some path does neither — `if (cond) { _; }` without an `else` that reverts, an " +
		"early `return`, a `_` only inside a loop — the call returns successfully without " +
		"running the body, and the caller receives zeros, `false` or empty values it cannot " +
		"tell from a real result. `require`/`assert` with a variable condition are not counted " +
		"as reverting; calls to functions that always revert are.",
	Exploit: "A token guards `function transfer(address to, uint256 amount) returns (bool)` with " +
		"`modifier whenActive() { if (active) { _; } }`. While the token is paused, `transfer` " +
		"moves nothing but succeeds and returns `false`; a vault that does not check the return " +
		"value credits the deposit anyway, and the depositor later withdraws funds that were " +
		"never paid in.",
	Recommendation: "Make every path of the modifier execute `_` or revert: replace the `if` by " +
		"`require(cond, \"…\")` or add `else { revert(...); }`, and avoid `return` in modifiers.",
	Run: runIncorrectModifier,
}

func init() { registry = append(registry, IncorrectModifier) }

// modPath is the abstract state of the paths through a modifier.
type modPath struct {
	pending bool     // a live path has not executed `_`
	done    bool     // a live path has executed `_`
	culprit ast.Node // the statement where a path without `_` split off
}

func joinModPath(a, b modPath) modPath {
	out := modPath{pending: a.pending || b.pending, done: a.done || b.done, culprit: a.culprit}
	if out.culprit == nil {
		out.culprit = b.culprit
	}
	return out
}

// modWalker follows the paths of a modifier (or of a function, to tell
// whether it always reverts).
type modWalker struct {
	prog    *sema.Program
	ctx     *sema.Contract
	escapes []ast.Node // `return` reached before `_`
	loops   []*modPath // states at break, per enclosing loop
	reverts map[*ast.FunctionDefinition]int
}

func runIncorrectModifier(p *Pass) {
	reverts := map[*ast.FunctionDefinition]int{}
	p.ModifiersOf(func(c *sema.Contract, m *ast.ModifierDefinition) {
		w := &modWalker{prog: p.Program, ctx: c, reverts: reverts}
		end := w.stmt(m.Body, modPath{pending: true})
		if !end.pending && len(w.escapes) == 0 {
			return
		}
		var at ast.Node
		var msg string
		switch {
		case len(w.escapes) > 0:
			at = w.escapes[0]
			msg = "modifier " + m.Name.Name + " returns before executing `_`: the function body is skipped and the call succeeds with default return values"
		case end.culprit != nil:
			at = end.culprit
			msg = "modifier " + m.Name.Name + " can finish without executing `_` or reverting " + culpritPath(end.culprit) +
				": the function body is skipped and the call succeeds with default return values"
		case !end.done:
			at = m.Name
			msg = "modifier " + m.Name.Name + " never executes `_` and does not always revert: functions using it never run their body"
		default:
			at = m.Name
			msg = "modifier " + m.Name.Name + " can finish without executing `_` or reverting: the function body is skipped and the call succeeds with default return values"
		}
		r := Report{At: at, Contract: c.Def, Message: msg}
		for _, e := range w.escapes[min(1, len(w.escapes)):] {
			r.Related = append(r.Related, RelatedNode{At: e, Message: "another return before `_`"})
		}
		if at != end.culprit && end.pending && end.culprit != nil {
			r.Related = append(r.Related, RelatedNode{At: end.culprit, Message: "a path without `_` or revert starts here"})
		}
		r.Related = append(r.Related, RelatedNode{At: m.Name, Message: "the modifier"})
		p.Report(r)
	})
}

func (w *modWalker) stmt(s ast.Stmt, st modPath) modPath {
	if s == nil || (!st.pending && !st.done) {
		return st
	}
	in := st
	switch x := s.(type) {
	case *ast.Block:
		for _, c := range x.Stmts {
			st = w.stmt(c, st)
		}
		return st
	case *ast.PlaceholderStatement:
		return modPath{done: true, culprit: st.culprit}
	case *ast.ThrowStatement, *ast.RevertStatement:
		return modPath{}
	case *ast.ReturnStatement:
		if st.pending {
			w.escapes = append(w.escapes, x)
		}
		return modPath{}
	case *ast.ExpressionStatement:
		if w.alwaysReverts(x.X) {
			return modPath{}
		}
		return st
	case *ast.VariableDeclarationStatement:
		if x.Value != nil && w.alwaysReverts(x.Value) {
			return modPath{}
		}
		return st
	case *ast.IfStatement:
		then := w.stmt(x.Then, st)
		els := st
		if x.Else != nil {
			els = w.stmt(x.Else, st)
		}
		return w.diverged(in, joinModPath(then, els), x)
	case *ast.ForStatement:
		st = w.stmt(x.Init, st)
		return w.diverged(in, w.loop(x.Body, st, true), x)
	case *ast.WhileStatement:
		return w.diverged(in, w.loop(x.Body, st, true), x)
	case *ast.DoWhileStatement:
		return w.diverged(in, w.loop(x.Body, st, false), x)
	case *ast.BreakStatement, *ast.ContinueStatement:
		if n := len(w.loops); n > 0 {
			*w.loops[n-1] = joinModPath(*w.loops[n-1], st)
		}
		return modPath{}
	case *ast.TryStatement:
		out := w.stmt(x.Body, st)
		for _, c := range x.Catches {
			out = joinModPath(out, w.stmt(c.Body, st))
		}
		return w.diverged(in, out, x)
	case *ast.InlineAssembly:
		if yulBlockTerminates(x.Body) {
			return modPath{}
		}
		return st
	}
	return st
}

// loop walks a loop body that may run zero times (mayskip) or at least once.
func (w *modWalker) loop(body ast.Stmt, st modPath, mayskip bool) modPath {
	exit := modPath{}
	w.loops = append(w.loops, &exit)
	out := w.stmt(body, st)
	w.loops = w.loops[:len(w.loops)-1]
	out = joinModPath(out, exit)
	if mayskip {
		out = joinModPath(out, st)
	}
	return out
}

// diverged marks s as the culprit when it split paths that had not run
// `_` into some that do and some that do not.
func (w *modWalker) diverged(in, out modPath, s ast.Node) modPath {
	if in.pending && !in.done && out.pending && out.done && out.culprit == nil {
		out.culprit = s
	}
	return out
}

// alwaysReverts reports expressions that cannot complete: revert(…),
// require(false)/assert(false), and calls of internal functions all of
// whose paths revert.
func (w *modWalker) alwaysReverts(e ast.Expr) bool {
	fc, ok := Unparen(e).(*ast.FunctionCall)
	if !ok {
		return false
	}
	call := w.prog.CallOf(fc)
	if call == nil {
		return false
	}
	switch call.Kind {
	case sema.CallBuiltin:
		switch call.Builtin {
		case "revert":
			return true
		case "require", "assert":
			if len(fc.Args) > 0 {
				if l, ok := Unparen(fc.Args[0]).(*ast.Literal); ok && l.Kind == ast.BoolLiteral && l.Value == "false" {
					return true
				}
			}
		}
	case sema.CallInternal, sema.CallLibrary:
		fn := w.prog.Dispatch(w.ctx, call)
		return fn != nil && w.functionReverts(fn)
	}
	return false
}

// functionReverts reports functions whose every path reverts.
func (w *modWalker) functionReverts(fn *sema.Function) bool {
	d := fn.Def
	if d.Body == nil {
		return false
	}
	switch w.reverts[d] {
	case 1:
		return true
	case 2, 3:
		return false // unknown on a cycle counts as "may return"
	}
	w.reverts[d] = 3
	ctx := w.ctx
	if fn.Contract != nil && (ctx == nil || !ctx.Inherits(fn.Contract)) {
		ctx = fn.Contract
	}
	sub := &modWalker{prog: w.prog, ctx: ctx, reverts: w.reverts}
	end := sub.stmt(d.Body, modPath{pending: true})
	res := !end.pending && !end.done && len(sub.escapes) == 0
	if len(d.Modifiers) > 0 {
		res = false // keep it simple: modifiers may return early themselves
	}
	if res {
		w.reverts[d] = 1
	} else {
		w.reverts[d] = 2
	}
	return res
}

// yulBlockTerminates reports assembly blocks that unconditionally end the call
// at their top level: revert, return, stop, invalid.
func yulBlockTerminates(b *ast.YulBlock) bool {
	if b == nil {
		return false
	}
	for _, s := range b.Stmts {
		switch y := s.(type) {
		case *ast.YulExpressionStatement:
			if c, ok := y.X.(*ast.YulFunctionCall); ok {
				switch c.Name.Name {
				case "revert", "return", "stop", "invalid", "selfdestruct":
					return true
				}
			}
		case *ast.YulBlock:
			if yulBlockTerminates(y) {
				return true
			}
		}
	}
	return false
}

// culpritPath describes the path that skips `_` at a branching statement.
func culpritPath(n ast.Node) string {
	switch n.(type) {
	case *ast.ForStatement, *ast.WhileStatement:
		return "when the loop runs zero times"
	case *ast.DoWhileStatement:
		return "when the loop body skips `_`"
	case *ast.TryStatement:
		return "on one of the try/catch paths"
	}
	return "when this branch is not taken"
}
