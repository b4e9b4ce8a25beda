package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// UnboundedLoop flags loops of state-changing code whose bound is the
// length of a storage array (or a counter) that any caller can grow.
var UnboundedLoop = &Analyzer{
	ID:         "unbounded-loop",
	Title:      "Loop bound that any caller can grow",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatDenialOfService,
	SWC:        "SWC-128",
	CWE:        []string{"CWE-834"},
	Description: "A loop in a state-changing function iterates over a storage array (or up to a " +
		"counter) that any caller can make longer: a public function pushes to the array, or " +
		"increments the counter, without checking who calls it. Each entry costs the attacker " +
		"one cheap transaction, while the loop pays for all of them every time; once the array is " +
		"long enough the loop needs more gas than a block holds and the function can never run " +
		"again.\n\nLoops that also stop at another bound (`i < arr.length && i < max`, " +
		"pagination), arrays only the owner can grow, and per-caller arrays " +
		"(`deposits[msg.sender].push(…)`, which only hurt their owner) are not reported, nor " +
		"loops in view functions that no state-changing function runs.\n\nAlso reported: clearing " +
		"such an array as a whole (`delete arr`, `arr = new T[](0)`, before 0.6 `arr.length = 0`), " +
		"which zeroes every element and so is a loop over the array in disguise.",
	Exploit: "A lottery stores `players.push(msg.sender)` in a public `enter()` and pays out in " +
		"`pickWinner()` after looping over `players`. The attacker calls `enter()` from many " +
		"addresses (or many times) until the loop exceeds the block gas limit; `pickWinner()` " +
		"reverts forever and the pot is locked.",
	Recommendation: "Bound the work per transaction: process the array in pages with a start " +
		"index and a maximum count, cap the array's length where entries are added, or replace " +
		"the loop by bookkeeping that is updated as entries are added (a running total, a pull " +
		"pattern where each user claims their own share).",
	Run: runUnboundedLoop,
}

func init() { registry = append(registry, UnboundedLoop) }

// loopGrowth is a place where any caller can lengthen an array or bump a
// counter.
type loopGrowth struct {
	at    ast.Node
	entry *sema.Function
	// self is true when the entry grown is keyed by the caller
	// (deposits[msg.sender].push), which only hurts the caller.
	self bool
	// target is the grown array or counter as written.
	target ast.Expr
}

func runUnboundedLoop(p *Pass) {
	scope := reentScopeFiles(p.Program)
	done := map[ast.Node]bool{}
	for _, c := range p.Contracts() {
		if c.IsInterface() || c.IsLibrary() {
			continue
		}
		arrays, counters := loopGrowthOf(p, c)
		if len(arrays) == 0 && len(counters) == 0 {
			continue
		}
		sc := newLoopScanner(p.Program, c, func(ast.Node) bool { return false })
		looped := map[loopKey]bool{}
		for _, f := range p.EntryPoints(c) {
			if f.IsView() {
				continue
			}
			loops := sc.loopsReached(f)
			var list []ast.Stmt
			for l := range loops {
				list = append(list, l)
			}
			reentSortNodes(list, func(l ast.Stmt) ast.Node { return l })
			for _, loop := range list {
				fn := loops[loop]
				cond := loopCondition(loop)
				if cond == nil || done[loop] || !scope[loop.Span().File] {
					continue
				}
				v, what := loopGrowableBound(p.Program, fn, loop, arrays, counters)
				if v == nil {
					continue
				}
				done[loop] = true
				looped[loopKey{fn.Def, v}] = true
				sites := arrays[v]
				grown, verb := v.Name.Name, "lengthen"
				if what == "counter" {
					sites = counters[v]
					verb = "increment"
				} else if len(sites) > 0 && sites[0].target != nil {
					grown = reentCode(sites[0].target, 40)
				}
				var related []RelatedNode
				var names []string
				for i, g := range sites {
					if i == 3 {
						break
					}
					related = append(related, RelatedNode{At: g.at, Message: "any caller can " + verb + " " + grown + " here, through " + FunctionSignature(g.entry.Def)})
					names = append(names, FunctionSignature(g.entry.Def))
				}
				over, size := " over ", "long"
				if what == "counter" {
					over, size = " up to ", "large"
				}
				msg := loopFuncName(c.Def, fn) + " runs a " + loopKeyword(loop) + over + grown + " (" + reentCode(cond, 40) +
					"), which any caller can " + verb + " through " + reentJoin(names) +
					"; once it is " + size + " enough the loop needs more gas than a block holds"
				p.Report(Report{At: cond, Contract: c.Def, Function: fn.Def, Message: msg, Related: related})
			}
		}
		loopReportClears(p, c, arrays, scope, done, looped)
	}
}

// loopKey names a reported loop: the entry point and the array it runs over.
type loopKey struct {
	fn *ast.FunctionDefinition
	v  *ast.VariableDeclaration
}

// loopReportClears reports the hidden loop of clearing a whole dynamic
// storage array that any caller can lengthen: `delete arr`, `arr = new
// T[](0)` and (before 0.6) `arr.length = 0` zero every element, so they
// cost gas in proportion to the array's length.
func loopReportClears(p *Pass, c *sema.Contract, arrays map[*ast.VariableDeclaration][]loopGrowth, scope map[*source.File]bool, done map[ast.Node]bool, looped map[loopKey]bool) {
	if len(arrays) == 0 {
		return
	}
	cleared := func(n ast.Node) *ast.VariableDeclaration {
		var target ast.Expr
		switch x := n.(type) {
		case *ast.UnaryOperation:
			if x.Op == "delete" {
				target = x.X
			}
		case *ast.Assignment:
			if x.Op != "=" {
				break
			}
			if m, ok := Unparen(x.LHS).(*ast.MemberAccess); ok && m.Member.Name == "length" {
				if l, ok := Unparen(x.RHS).(*ast.Literal); ok && l.Kind == ast.NumberLiteral && strings.Trim(l.Value, "0x") == "" {
					target = m.X
				}
				break
			}
			target = x.LHS
		}
		id, ok := Unparen(target).(*ast.Identifier)
		if !ok {
			return nil
		}
		v, ok := p.Program.Ref(id).(*ast.VariableDeclaration)
		if !ok || !v.IsStateVar || len(arrays[v]) == 0 || loopLengthCapped(p.Program, v, arrays[v]) {
			return nil
		}
		if at, ok := v.Type.(*ast.ArrayTypeName); !ok || at.Length != nil {
			return nil
		}
		return v
	}
	sc := newLoopScanner(p.Program, c, func(n ast.Node) bool { return cleared(n) != nil })
	for _, f := range p.EntryPoints(c) {
		if f.IsView() {
			continue
		}
		for _, n := range sc.reaches(f) {
			if done[n] || !scope[n.Span().File] {
				continue
			}
			done[n] = true
			v := cleared(n)
			// The loop over it, in the same function, is reported already.
			if looped[loopKey{f.Def, v}] {
				continue
			}
			if in, _ := axsEnclosingDecl(p.Program, n); in != nil && looped[loopKey{in, v}] {
				continue
			}
			sites := arrays[v]
			var related []RelatedNode
			var names []string
			for i, g := range sites {
				if i == 3 {
					break
				}
				related = append(related, RelatedNode{At: g.at, Message: "any caller can lengthen " + v.Name.Name + " here, through " + FunctionSignature(g.entry.Def)})
				names = append(names, FunctionSignature(g.entry.Def))
			}
			msg := loopFuncName(c.Def, f) + " clears the whole of " + v.Name.Name + " (`" + reentCode(n, 40) +
				"`), which zeroes every element, and any caller can lengthen " + v.Name.Name + " through " + reentJoin(names) +
				"; once it is long enough clearing it needs more gas than a block holds"
			p.Report(Report{At: n, Contract: c.Def, Function: f.Def, Message: msg, Related: related})
		}
	}
}

// loopCondition returns the loop's condition, nil for `for (;;)`.
func loopCondition(loop ast.Stmt) ast.Expr {
	switch x := loop.(type) {
	case *ast.ForStatement:
		return x.Cond
	case *ast.WhileStatement:
		return x.Cond
	case *ast.DoWhileStatement:
		return x.Cond
	}
	return nil
}

// loopGrowthOf walks every entry point of c and returns, per state
// variable, the places where a caller who passed no sender check
// lengthens it (arrays) or increments it (integer counters).
func loopGrowthOf(p *Pass, c *sema.Contract) (arrays, counters map[*ast.VariableDeclaration][]loopGrowth) {
	arrays = map[*ast.VariableDeclaration][]loopGrowth{}
	counters = map[*ast.VariableDeclaration][]loopGrowth{}
	seen := map[ast.Node]bool{}
	for _, f := range p.EntryPoints(c) {
		if f.IsView() || !axsReaches(p, c, f, "grows-state", loopGrowthCandidate(p.Program)) {
			continue
		}
		entry := f
		var wk *Walker
		add := func(m map[*ast.VariableDeclaration][]loopGrowth, v *ast.VariableDeclaration, at ast.Node, target ast.Expr) {
			if v == nil || seen[at] {
				return
			}
			seen[at] = true
			self := Contains(target, func(n ast.Node) bool {
				ix, ok := n.(*ast.IndexAccess)
				return ok && ix.Index != nil && wk.IsSender(ix.Index)
			})
			m[v] = append(m[v], loopGrowth{at: at, entry: entry, self: self, target: target})
		}
		wk = p.NewWalker(c, f, FlowVisitor{Node: func(n ast.Node, st FlowState) {
			if st.Guarded {
				return
			}
			switch x := n.(type) {
			case *ast.FunctionCall:
				if IsBuiltinCall(p.Program, x, "array.push") {
					if m, ok := x.Fn.(*ast.MemberAccess); ok {
						add(arrays, loopStateOf(p.Program, wk, m.X), x, m.X)
					}
				}
			case *ast.UnaryOperation:
				if x.Op != "++" {
					return
				}
				if m, ok := Unparen(x.X).(*ast.MemberAccess); ok && m.Member.Name == "length" {
					add(arrays, loopStateOf(p.Program, wk, m.X), x, m.X) // arr.length++ (before 0.6)
				} else if v := loopCounterOf(p.Program, x.X); v != nil {
					add(counters, v, x, x.X)
				}
			case *ast.Assignment:
				if m, ok := Unparen(x.LHS).(*ast.MemberAccess); ok && m.Member.Name == "length" {
					if x.Op == "+=" || (x.Op == "=" && wk.Tainted(x.RHS)) {
						add(arrays, loopStateOf(p.Program, wk, m.X), x, m.X)
					}
				} else if v := loopCounterOf(p.Program, x.LHS); v != nil {
					if x.Op == "+=" || (x.Op == "=" && loopIncrements(p.Program, x.RHS, v)) {
						add(counters, v, x, x.LHS)
					}
				}
			}
		}})
		wk.Run()
	}
	// Arrays only ever grown per caller hurt nobody else.
	for v, sites := range arrays {
		all := true
		for _, s := range sites {
			if !s.self {
				all = false
			}
		}
		if all {
			delete(arrays, v)
		}
	}
	return arrays, counters
}

// loopGrowthCandidate matches the nodes loopGrowthOf's walk records, before
// what only the walk knows (guards, taint, storage pointers): a push, an
// increment or assignment of a length or of an integer state variable.
// Entry points that reach none are not walked.
func loopGrowthCandidate(prog *sema.Program) func(ast.Node) bool {
	isLength := func(e ast.Expr) bool {
		m, ok := Unparen(e).(*ast.MemberAccess)
		return ok && m.Member.Name == "length"
	}
	return func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FunctionCall:
			return IsBuiltinCall(prog, x, "array.push")
		case *ast.UnaryOperation:
			return x.Op == "++" && (isLength(x.X) || loopCounterOf(prog, x.X) != nil)
		case *ast.Assignment:
			return (x.Op == "+=" || x.Op == "=") && (isLength(x.LHS) || loopCounterOf(prog, x.LHS) != nil)
		}
		return false
	}
}

// loopStateOf returns the state variable an expression is rooted in,
// through storage pointers and any depth of member and index accesses.
func loopStateOf(prog *sema.Program, wk *Walker, e ast.Expr) *ast.VariableDeclaration {
	if v := wk.StateVarOf(e); v != nil {
		return v
	}
	return loopRoot(prog, e, func(local *ast.Identifier) *ast.VariableDeclaration { return wk.StateVarOf(local) })
}

// loopRoot walks down index and member accesses to the variable an
// expression starts from: a state variable, or whatever local resolves a
// local (a storage pointer) to.
func loopRoot(prog *sema.Program, e ast.Expr, local func(*ast.Identifier) *ast.VariableDeclaration) *ast.VariableDeclaration {
	for {
		switch x := Unparen(e).(type) {
		case *ast.IndexAccess:
			e = x.X
			continue
		case *ast.MemberAccess:
			if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok && v.IsStateVar {
				return loopMutable(v)
			}
			e = x.X
			continue
		case *ast.Identifier:
			v, ok := prog.Ref(x).(*ast.VariableDeclaration)
			if !ok {
				return nil
			}
			if v.IsStateVar {
				return loopMutable(v)
			}
			return local(x)
		}
		return nil
	}
}

func loopMutable(v *ast.VariableDeclaration) *ast.VariableDeclaration {
	if v.Constant || v.Immutable {
		return nil
	}
	return v
}

// loopCounterOf matches a plain integer state variable: count, not
// counts[k] or s.count.
func loopCounterOf(prog *sema.Program, e ast.Expr) *ast.VariableDeclaration {
	id, ok := Unparen(e).(*ast.Identifier)
	if !ok {
		return nil
	}
	v, ok := prog.Ref(id).(*ast.VariableDeclaration)
	if !ok || !v.IsStateVar || v.Constant || v.Immutable || !prog.DeclType(v).IsInteger() {
		return nil
	}
	return v
}

// loopIncrements matches `v + …` on the right of `v = v + 1`.
func loopIncrements(prog *sema.Program, rhs ast.Expr, v *ast.VariableDeclaration) bool {
	b, ok := Unparen(rhs).(*ast.BinaryOperation)
	if !ok || b.Op != "+" {
		return false
	}
	return loopRefersTo(prog, b.X, v) || loopRefersTo(prog, b.Y, v)
}

func loopRefersTo(prog *sema.Program, e ast.Expr, v *ast.VariableDeclaration) bool {
	id, ok := Unparen(e).(*ast.Identifier)
	return ok && prog.Ref(id) == v
}

// loopGrowableBound decides whether the loop's iteration count is set by
// a growable array's length or a growable counter, and returns it.
func loopGrowableBound(prog *sema.Program, fn *sema.Function, loop ast.Stmt, arrays, counters map[*ast.VariableDeclaration][]loopGrowth) (*ast.VariableDeclaration, string) {
	cond := loopCondition(loop)
	var comparisons []ast.Expr
	var split func(e ast.Expr) bool
	split = func(e ast.Expr) bool {
		switch x := Unparen(e).(type) {
		case *ast.BinaryOperation:
			switch x.Op {
			case "&&":
				return split(x.X) && split(x.Y)
			case "<", "<=", ">", ">=", "!=":
				comparisons = append(comparisons, x)
				return true
			}
		}
		return false
	}
	if !split(cond) || len(comparisons) == 0 {
		return nil, ""
	}
	// The parts that run every iteration: a local they change is the
	// loop's index, not its bound.
	var body ast.Stmt = loopBody(loop)
	if f, ok := loop.(*ast.ForStatement); ok && f.Post != nil {
		body = &ast.Block{Stmts: []ast.Stmt{body, &ast.ExpressionStatement{X: f.Post}}}
	}
	var found *ast.VariableDeclaration
	what := ""
	for _, cmp := range comparisons {
		b := cmp.(*ast.BinaryOperation)
		v, w := loopBoundOf(prog, fn, body, b.X, arrays, counters)
		if v == nil {
			v, w = loopBoundOf(prog, fn, body, b.Y, arrays, counters)
		}
		if v == nil && len(comparisons) == 1 {
			// A countdown: for (uint i = arr.length; i > 0; i--), or
			// uint i = arr.length; while (i > 0) { i--; … }.
			if f, ok := loop.(*ast.ForStatement); ok && f.Init != nil {
				v, w = loopInitBound(prog, fn, body, f.Init, arrays, counters)
			}
			if v == nil {
				for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
					if _, lit := Unparen(pair[1]).(*ast.Literal); !lit {
						continue
					}
					if id, ok := Unparen(pair[0]).(*ast.Identifier); ok {
						if l, ok := prog.Ref(id).(*ast.VariableDeclaration); ok && !l.IsStateVar {
							if init := loopLocalInit(prog, fn, l); init != nil {
								v, w = loopBoundOf(prog, fn, body, init, arrays, counters)
							}
						}
					}
				}
			}
		}
		if v == nil {
			// Another bound (a page size, a parameter) limits the loop.
			return nil, ""
		}
		if found == nil {
			found, what = v, w
		}
	}
	return found, what
}

func loopBody(loop ast.Stmt) ast.Stmt {
	switch x := loop.(type) {
	case *ast.ForStatement:
		return x.Body
	case *ast.WhileStatement:
		return x.Body
	case *ast.DoWhileStatement:
		return x.Body
	}
	return nil
}

// loopBoundOf resolves one side of a loop comparison: arr.length, a
// counter, or a local initialised from one and not changed in the loop.
func loopBoundOf(prog *sema.Program, fn *sema.Function, body ast.Stmt, e ast.Expr, arrays, counters map[*ast.VariableDeclaration][]loopGrowth) (*ast.VariableDeclaration, string) {
	return loopBoundDepth(prog, fn, body, e, arrays, counters, 0)
}

func loopBoundDepth(prog *sema.Program, fn *sema.Function, body ast.Stmt, e ast.Expr, arrays, counters map[*ast.VariableDeclaration][]loopGrowth, depth int) (*ast.VariableDeclaration, string) {
	e = Unparen(e)
	switch x := e.(type) {
	case *ast.MemberAccess:
		if x.Member.Name == "length" {
			if v := loopStaticRoot(prog, x.X); v != nil && len(arrays[v]) > 0 {
				return v, "array"
			}
		}
	case *ast.Identifier:
		v, ok := prog.Ref(x).(*ast.VariableDeclaration)
		if !ok {
			return nil, ""
		}
		if v.IsStateVar {
			// A counter the loop itself moves is its index, not its bound.
			if len(counters[v]) > 0 && !loopAssigns(prog, body, v) {
				return v, "counter"
			}
			return nil, ""
		}
		if depth > 2 || loopAssigns(prog, body, v) {
			return nil, ""
		}
		if init := loopLocalInit(prog, fn, v); init != nil {
			return loopBoundDepth(prog, fn, body, init, arrays, counters, depth+1)
		}
	case *ast.BinaryOperation:
		if x.Op == "-" || x.Op == "+" {
			return loopBoundDepth(prog, fn, body, x.X, arrays, counters, depth)
		}
	}
	return nil, ""
}

// loopInitBound resolves `uint i = arr.length` in a countdown's init.
func loopInitBound(prog *sema.Program, fn *sema.Function, body ast.Stmt, init ast.Stmt, arrays, counters map[*ast.VariableDeclaration][]loopGrowth) (*ast.VariableDeclaration, string) {
	switch x := init.(type) {
	case *ast.VariableDeclarationStatement:
		if x.Value != nil {
			return loopBoundOf(prog, fn, body, x.Value, arrays, counters)
		}
	case *ast.ExpressionStatement:
		if a, ok := x.X.(*ast.Assignment); ok && a.Op == "=" {
			return loopBoundOf(prog, fn, body, a.RHS, arrays, counters)
		}
	}
	return nil, ""
}

// loopStaticRoot resolves the state variable behind players, s.players
// and lists[k] without a walk; a local (a storage pointer) gives nil.
func loopStaticRoot(prog *sema.Program, e ast.Expr) *ast.VariableDeclaration {
	return loopRoot(prog, e, func(*ast.Identifier) *ast.VariableDeclaration { return nil })
}

// loopAssigns reports whether the loop body assigns the local.
func loopAssigns(prog *sema.Program, body ast.Stmt, v *ast.VariableDeclaration) bool {
	return Contains(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Assignment:
			return loopRefersTo(prog, x.LHS, v)
		case *ast.UnaryOperation:
			return (x.Op == "++" || x.Op == "--") && loopRefersTo(prog, x.X, v)
		}
		return false
	})
}

// loopLocalInit returns the initial value of a local declared in fn
// (uint n = arr.length), or the value of its only assignment.
func loopLocalInit(prog *sema.Program, fn *sema.Function, v *ast.VariableDeclaration) ast.Expr {
	if fn.Def.Body == nil {
		return nil
	}
	var init ast.Expr
	count := 0
	inspectBody(prog, fn.Def.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.VariableDeclarationStatement:
			if len(x.Decls) == 1 && x.Decls[0] == v && x.Value != nil {
				init = x.Value
				count++
			}
		case *ast.Assignment:
			if loopRefersTo(prog, x.LHS, v) {
				if x.Op == "=" {
					init = x.RHS
				}
				count++
			}
		}
		return true
	})
	if count != 1 {
		return nil
	}
	return init
}

// loopLengthCapped reports arrays whose growth is capped: a function that
// lengthens the array also compares its length with a constant
// (`require(arr.length < MAX)` before the push, `if (arr.length == ROUND)`
// starting over after it), so clearing it costs a bounded amount.
func loopLengthCapped(prog *sema.Program, v *ast.VariableDeclaration, sites []loopGrowth) bool {
	isLen := func(e ast.Expr) bool {
		m, ok := Unparen(e).(*ast.MemberAccess)
		if !ok || m.Member.Name != "length" {
			return false
		}
		id, ok := Unparen(m.X).(*ast.Identifier)
		return ok && prog.Ref(id) == sema.Symbol(v)
	}
	isConst := func(e ast.Expr) bool {
		switch x := Unparen(e).(type) {
		case *ast.Literal:
			return x.Kind == ast.NumberLiteral
		case *ast.Identifier:
			d, ok := prog.Ref(x).(*ast.VariableDeclaration)
			return ok && (d.Constant || d.Immutable)
		}
		return false
	}
	for _, g := range sites {
		if g.entry.Def.Body == nil {
			return false
		}
		capped := Contains(g.entry.Def.Body, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryOperation)
			if !ok {
				return false
			}
			switch b.Op {
			case "==", "<", "<=", ">", ">=":
			default:
				return false
			}
			return (isLen(b.X) && isConst(b.Y)) || (isLen(b.Y) && isConst(b.X))
		})
		if !capped {
			return false
		}
	}
	return true
}
