package analyzers

// Guards that make wrapping arithmetic safe: the checks written before an
// operation (require(a >= b) before a - b), the checks after it in the
// SafeMath style (c = a + b; require(c >= a)), and bounds on both
// operands that keep a sum or product in range. Conditions are compared
// by their normalised source text.

import (
	"math/big"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// ariFact is a condition known to hold (or, with neg, known not to hold).
type ariFact struct {
	cond ast.Expr
	neg  bool
}

// ariRel is big > small (strict) or big >= small.
type ariRel struct {
	big, small ast.Expr
	strict     bool
}

// ariDominatingFacts returns the conditions that hold whenever n runs:
// require/assert and `if (…) revert` before it in enclosing blocks, the
// conditions of enclosing if/else, ?:, loops, && and ||.
func ariDominatingFacts(prog *sema.Program, parents map[ast.Node]ast.Node, n ast.Node) []ariFact {
	var out []ariFact
	child := n
	for p := parents[child]; p != nil; child, p = p, parents[p] {
		switch x := p.(type) {
		case *ast.Block:
			for _, s := range x.Stmts {
				if s == child {
					break
				}
				out = append(out, ariStmtFacts(prog, s)...)
			}
		case *ast.IfStatement:
			if child == x.Then {
				out = append(out, ariFact{x.Cond, false})
			} else if child == x.Else {
				out = append(out, ariFact{x.Cond, true})
			}
		case *ast.Conditional:
			if child == x.Then {
				out = append(out, ariFact{x.Cond, false})
			} else if child == x.Else {
				out = append(out, ariFact{x.Cond, true})
			}
		case *ast.WhileStatement:
			if child == x.Body {
				out = append(out, ariFact{x.Cond, false})
			}
		case *ast.ForStatement:
			if child == x.Body && x.Cond != nil {
				out = append(out, ariFact{x.Cond, false})
			}
			// for (; len >= 32; len -= 32): the step runs after an
			// iteration the condition let in, and holds it still when
			// the body changes nothing the condition reads.
			if child == x.Post && x.Cond != nil && !ariWritesAny(x.Body, ariNamesIn(x.Cond)) {
				out = append(out, ariFact{x.Cond, false})
			}
		case *ast.BinaryOperation:
			if child == x.Y && x.Op == "&&" {
				out = append(out, ariFact{x.X, false})
			} else if child == x.Y && x.Op == "||" {
				out = append(out, ariFact{x.X, true})
			}
		}
	}
	return out
}

// ariStmtFacts returns what a statement establishes for the code after it.
func ariStmtFacts(prog *sema.Program, s ast.Stmt) []ariFact {
	switch x := s.(type) {
	case *ast.ExpressionStatement:
		if c, ok := unparen(x.X).(*ast.FunctionCall); ok {
			if cond := ariRequiredArg(prog, c); cond != nil {
				return []ariFact{{cond, false}}
			}
		}
	case *ast.ForStatement:
		// A loop without break ends only when its condition fails (or
		// the function returns or reverts).
		if x.Cond != nil && !ariBreaks(x.Body) {
			return []ariFact{{x.Cond, true}}
		}
	case *ast.WhileStatement:
		if !ariBreaks(x.Body) {
			return []ariFact{{x.Cond, true}}
		}
	case *ast.IfStatement:
		if ariIsTerminating(prog, x.Then) && (x.Else == nil || !ariIsTerminating(prog, x.Else)) {
			return []ariFact{{x.Cond, true}}
		}
		if x.Else != nil && ariIsTerminating(prog, x.Else) && !ariIsTerminating(prog, x.Then) {
			return []ariFact{{x.Cond, false}}
		}
	}
	return nil
}

// ariBreaks reports a break that leaves this loop (not one of an inner
// loop).
func ariBreaks(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.BreakStatement:
			found = true
		case *ast.ForStatement, *ast.WhileStatement, *ast.DoWhileStatement, *ast.InlineAssembly:
			return n == body
		}
		return !found
	})
	return found
}

// ariNamesIn returns the names an expression reads.
func ariNamesIn(e ast.Node) map[string]bool {
	names := map[string]bool{}
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Identifier); ok {
			names[id.Name] = true
		}
		return true
	})
	return names
}

// ariWritesAny reports an assignment, ++, -- or delete in body (or a Yul
// assignment) to a variable named in names.
func ariWritesAny(body ast.Node, names map[string]bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		var target ast.Expr
		switch x := n.(type) {
		case *ast.Assignment:
			target = x.LHS
		case *ast.UnaryOperation:
			if x.Op == "++" || x.Op == "--" || x.Op == "delete" {
				target = x.X
			}
		case *ast.YulAssignment:
			for _, id := range x.Names {
				found = found || names[id.Name]
			}
		}
		if target != nil {
			for name := range ariNamesIn(target) {
				found = found || names[name]
			}
		}
		return !found
	})
	return found
}

// ariAllChecks returns every require/assert/if-revert condition in body,
// wherever it is: SafeMath checks the result after computing it.
func ariAllChecks(prog *sema.Program, body ast.Node) []ariFact {
	var out []ariFact
	inspectBody(prog, body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.ExpressionStatement:
			out = append(out, ariStmtFacts(prog, x)...)
		case *ast.IfStatement:
			out = append(out, ariStmtFacts(prog, x)...)
		case *ast.FunctionCall:
			// require(...) nested in expressions is rare; statements cover it.
		}
		return true
	})
	return out
}

// ariRelations flattens facts into relations big >(=) small.
func ariRelations(prog *sema.Program, facts []ariFact) []ariRel {
	var out []ariRel
	var add func(e ast.Expr, neg bool)
	add = func(e ast.Expr, neg bool) {
		e = unparen(e)
		switch x := e.(type) {
		case *ast.UnaryOperation:
			if x.Op == "!" {
				add(x.X, !neg)
			}
		case *ast.BinaryOperation:
			switch {
			case x.Op == "&&" && !neg, x.Op == "||" && neg:
				add(x.X, neg)
				add(x.Y, neg)
				return
			}
			op := x.Op
			if neg {
				switch op {
				case "<":
					op = ">="
				case "<=":
					op = ">"
				case ">":
					op = "<="
				case ">=":
					op = "<"
				case "==":
					op = "!="
				case "!=":
					op = "=="
				}
			}
			switch op {
			case ">=":
				out = append(out, ariRel{x.X, x.Y, false})
			case ">":
				out = append(out, ariRel{x.X, x.Y, true})
			case "<=":
				out = append(out, ariRel{x.Y, x.X, false})
			case "<":
				out = append(out, ariRel{x.Y, x.X, true})
			case "!=":
				// x != 0 on an unsigned value is x > 0.
				if ariIsZero0(prog, x.Y) {
					out = append(out, ariRel{x.X, x.Y, true})
				} else if ariIsZero0(prog, x.X) {
					out = append(out, ariRel{x.Y, x.X, true})
				}
			}
		}
	}
	for _, f := range facts {
		add(f.cond, f.neg)
	}
	return out
}

func ariIsZero0(prog *sema.Program, e ast.Expr) bool {
	v, ok := ariConstValue(prog, e)
	return ok && v.Sign() == 0
}

// ariSideTexts returns the texts a comparison side stands for: the side
// itself and, for `(z = x + y)`, both z and x + y.
func ariSideTexts(e ast.Expr) []string {
	e = unparen(e)
	if a, ok := e.(*ast.Assignment); ok && a.Op == "=" {
		return append(ariSideTexts(a.LHS), ariSideTexts(a.RHS)...)
	}
	return []string{ariText(e)}
}

func ariAnyIn(texts []string, set map[string]bool) bool {
	for _, t := range texts {
		if set[t] {
			return true
		}
	}
	return false
}

// ariArith describes one wrapping-prone operation.
type ariArith struct {
	node ast.Node
	op   string // "+", "-", "*", "**"
	a, b ast.Expr
	// results are the texts that denote the result: the expression and
	// the variables it is assigned to.
	results map[string]bool
}

// ariArithOf recognises a + b, a - b, a * b, a ** b and their compound
// assignments.
func ariArithOf(n ast.Node) *ariArith {
	switch x := n.(type) {
	case *ast.BinaryOperation:
		switch x.Op {
		case "+", "-", "*", "**":
			return &ariArith{node: x, op: x.Op, a: x.X, b: x.Y, results: map[string]bool{ariText(x): true}}
		}
	case *ast.Assignment:
		switch x.Op {
		case "+=", "-=", "*=":
			op := x.Op[:1]
			return &ariArith{node: x, op: op, a: x.LHS, b: x.RHS,
				results: map[string]bool{ariText(x.LHS) + op + ariText(x.RHS): true, ariText(x.LHS): true}}
		}
	}
	return nil
}

// addAliases records the variables the result of a binary operation is
// stored in: uint c = a + b; c = a + b.
func (ar *ariArith) addAliases(parents map[ast.Node]ast.Node) {
	var cur = ar.node
	for {
		p := parents[cur]
		switch x := p.(type) {
		case *ast.TupleExpression:
			if len(x.Elems) == 1 {
				cur = x
				continue
			}
		case *ast.VariableDeclarationStatement:
			if len(x.Decls) == 1 && x.Decls[0] != nil {
				ar.results[x.Decls[0].Name.Name] = true
			}
		case *ast.Assignment:
			if x.RHS == cur && x.Op == "=" {
				ar.results[ariText(x.LHS)] = true
			}
		}
		return
	}
}

// ariGuarded reports whether checks in the function make the operation
// safe. dom are the facts that hold at the operation; all are every check
// of the function.
func ariGuarded(prog *sema.Program, ar *ariArith, dom, all []ariFact, bits int) bool {
	ta, tb := ariText(ar.a), ariText(ar.b)
	domRel := ariRelations(prog, dom)
	allRel := ariRelations(prog, all)
	switch ar.op {
	case "-":
		bConst, bIsConst := ariConstValue(prog, ar.b)
		for _, r := range domRel {
			if !ariAnyIn(ariSideTexts(r.big), map[string]bool{ta: true}) {
				continue
			}
			if ariAnyIn(ariSideTexts(r.small), map[string]bool{tb: true}) {
				return true // a >= b (or a > b) before a - b
			}
			if s, ok := ariConstValue(prog, r.small); ok && bIsConst {
				if r.strict {
					s = new(big.Int).Add(s, big.NewInt(1))
				}
				if s.Cmp(bConst) >= 0 {
					return true // a > 0 before a - 1
				}
			}
		}
		// Post-check: require((z = a - b) <= a).
		for _, r := range allRel {
			if ariAnyIn(ariSideTexts(r.big), map[string]bool{ta: true}) && ariAnyIn(ariSideTexts(r.small), ar.results) {
				return true
			}
		}
	case "+":
		if ariProductSumGuarded(prog, ar, domRel, bits) {
			return true // a <= (MAX - c) / b before a * b + c
		}
		operands := map[string]bool{ta: true, tb: true}
		// a + b > a as a condition the operation runs under:
		// if (… && a + b > a) { a += b; }.
		for _, r := range append(append([]ariRel(nil), domRel...), allRel...) {
			// c >= a after c = a + b, or a + b >= a before a += b.
			if ariAnyIn(ariSideTexts(r.big), ar.results) && ariAnyIn(ariSideTexts(r.small), operands) {
				return true
			}
		}
	case "*":
		if ariProductGuarded(prog, ar, domRel, ariMaxOf(bits)) {
			return true // a <= (MAX - c) / b before a * b
		}
		operands := map[string]bool{ta: true, tb: true}
		guarded := false
		for _, f := range all {
			ast.Inspect(f.cond, func(n ast.Node) bool {
				d, ok := n.(*ast.BinaryOperation)
				if !ok || d.Op != "/" || guarded {
					return !guarded
				}
				// c / a == b, or a <= MAX / b.
				if (ariAnyIn(ariSideTexts(d.X), ar.results) || ariIsConst(prog, d.X)) && operands[ariText(d.Y)] {
					guarded = true
				}
				return true
			})
		}
		if guarded {
			return true
		}
	}
	// Both operands bounded by checks or constants so that the result fits.
	if ar.op == "+" || ar.op == "*" {
		ba, okA := ariUpperBound(prog, ar.a, domRel)
		bb, okB := ariUpperBound(prog, ar.b, domRel)
		if ar.op == "*" && ((okA && ba.Cmp(big.NewInt(1)) <= 0) || (okB && bb.Cmp(big.NewInt(1)) <= 0)) {
			return true // multiplying by 0 or 1 (flag.toUint() * x)
		}
		if okA && okB {
			var r *big.Int
			if ar.op == "+" {
				r = new(big.Int).Add(ba, bb)
			} else {
				r = new(big.Int).Mul(ba, bb)
			}
			if bits <= 0 {
				bits = 256
			}
			return r.BitLen() <= bits
		}
	}
	return false
}

// ariUpperBound is a constant upper bound of e: its value if constant,
// else the smallest c with a check e <= c (or e < c+1).
func ariUpperBound(prog *sema.Program, e ast.Expr, rels []ariRel) (*big.Int, bool) {
	if v, ok := ariConstValue(prog, e); ok {
		return v, v.Sign() >= 0
	}
	// A boolean turned into a number: b.toUint(), SafeCast.toUint(b), uint(b).
	if c, ok := unparen(e).(*ast.FunctionCall); ok {
		name := ""
		switch fn := c.Fn.(type) {
		case *ast.MemberAccess:
			name = fn.Member.Name
		case *ast.Identifier:
			name = fn.Name
		}
		if name == "toUint" {
			return big.NewInt(1), true
		}
	}
	t := ariText(e)
	var best *big.Int
	for _, r := range rels {
		if !ariAnyIn(ariSideTexts(r.small), map[string]bool{t: true}) {
			continue
		}
		c, ok := ariConstValue(prog, r.big)
		if !ok {
			continue
		}
		if r.strict {
			c = new(big.Int).Sub(c, big.NewInt(1))
		}
		if best == nil || c.Cmp(best) < 0 {
			best = c
		}
	}
	return best, best != nil
}

// ariRequiredArg returns the condition a require-like call demands: the
// first argument of require and assert, or the bool parameter of a helper
// whose whole body aborts unless it holds (`function _require(bool
// condition, uint256 errorCode) { if (!condition) _revert(errorCode); }`,
// Balancer's; `function check(bool ok) { require(ok); }`). Nil for other
// calls.
func ariRequiredArg(prog *sema.Program, c *ast.FunctionCall) ast.Expr {
	if IsBuiltinCall(prog, c, "require", "assert") {
		if len(c.Args) > 0 {
			return c.Args[0]
		}
		return nil
	}
	call := prog.CallOf(c)
	if call == nil || call.Kind != sema.CallInternal || call.Callee == nil || call.Callee.Body == nil {
		return nil
	}
	f := call.Callee
	if len(f.Body.Stmts) != 1 || len(c.Args) != len(f.Params) {
		return nil
	}
	for i, param := range f.Params {
		if prog.DeclType(param).Kind != sema.Bool {
			continue
		}
		isParam := func(e ast.Expr) bool {
			id, ok := unparen(e).(*ast.Identifier)
			return ok && prog.Ref(id) == sema.Symbol(param)
		}
		switch x := f.Body.Stmts[0].(type) {
		case *ast.IfStatement:
			if u, ok := unparen(x.Cond).(*ast.UnaryOperation); ok && u.Op == "!" && isParam(u.X) && x.Else == nil && ariAborts(prog, x.Then) {
				return c.Args[i]
			}
		case *ast.ExpressionStatement:
			if inner, ok := unparen(x.X).(*ast.FunctionCall); ok && IsBuiltinCall(prog, inner, "require", "assert") && len(inner.Args) > 0 && isParam(inner.Args[0]) {
				return c.Args[i]
			}
		}
	}
	return nil
}

// ariAborts reports a statement that always reverts: revert, throw, or a
// call of a function that always reverts (Balancer's _revert(code)).
func ariAborts(prog *sema.Program, s ast.Stmt) bool {
	if dosAborts(s) {
		return true
	}
	if b, ok := s.(*ast.Block); ok && len(b.Stmts) == 1 {
		s = b.Stmts[0]
	}
	es, ok := s.(*ast.ExpressionStatement)
	if !ok {
		return false
	}
	c, ok := unparen(es.X).(*ast.FunctionCall)
	if !ok {
		return false
	}
	call := prog.CallOf(c)
	return call != nil && call.Kind == sema.CallInternal && call.Callee != nil && alwaysReverts(prog, call.Callee)
}

// ariIsOwnCheck reports an addition compared with one of its operands, the
// overflow test itself: `a + b > a`, `a + b >= b`, `a <= a + b`. Wrapping
// there is what the test detects.
func ariIsOwnCheck(parents map[ast.Node]ast.Node, n ast.Node, ar *ariArith) bool {
	if ar == nil || ar.op != "+" {
		return false
	}
	var cur ast.Node = n
	up := parents[cur]
	for {
		t, ok := up.(*ast.TupleExpression)
		if !ok || len(t.Elems) != 1 {
			break
		}
		cur, up = up, parents[up]
	}
	b, ok := up.(*ast.BinaryOperation)
	if !ok {
		return false
	}
	operands := map[string]bool{ariText(ar.a): true, ariText(ar.b): true}
	switch {
	case (b.Op == ">" || b.Op == ">=") && b.X == cur:
		return operands[ariText(b.Y)]
	case (b.Op == "<" || b.Op == "<=") && b.Y == cur:
		return operands[ariText(b.X)]
	}
	return false
}

// ---- bounds that need no check ---------------------------------------------------------

// ariLengthMinus recognises `X.length - k` on an array (or bytes) X with a
// small positive constant k, and returns X and k.
func ariLengthMinus(prog *sema.Program, e ast.Expr) (ast.Expr, *big.Int, bool) {
	d, ok := unparen(e).(*ast.BinaryOperation)
	if !ok || d.Op != "-" {
		return nil, nil, false
	}
	m, ok := unparen(d.X).(*ast.MemberAccess)
	if !ok || m.Member.Name != "length" {
		return nil, nil, false
	}
	if t := prog.TypeOf(m.X); t == nil || (t.Kind != sema.Array && t.Kind != sema.Bytes) {
		return nil, nil, false
	}
	k, ok := ariConstValue(prog, d.Y)
	if !ok || k.Sign() <= 0 || k.BitLen() > 64 {
		return nil, nil, false
	}
	return m.X, k, true
}

// ariIsBoundsChecked reports an index access Solidity checks against the
// length: any array or bytes, not a mapping.
func ariIsBoundsChecked(prog *sema.Program, ix *ast.IndexAccess) bool {
	t := prog.TypeOf(ix.X)
	return t != nil && (t.Kind == sema.Array || t.Kind == sema.Bytes)
}

// ariLengthIndexSafe recognises `X.length - k` whose result is only used
// as an index or as the bound of a loop that indexes an array (directly
// or through a local holding it), and `X.length - k` inside a loop whose
// bound `i < X.length - j` (with k <= j + 1) is such a use. It can only
// wrap when X is shorter than k, and then the index is out of bounds — or
// the loop runs on until it indexes out of bounds — and the call reverts.
// A result assigned to a `.length`, paid out or used in other arithmetic
// is not covered.
func ariLengthIndexSafe(prog *sema.Program, ar *ariArith, parents map[ast.Node]ast.Node, body ast.Node) bool {
	if ar.op != "-" {
		return false
	}
	e, ok := ar.node.(*ast.BinaryOperation)
	if !ok {
		return false
	}
	x, k, ok := ariLengthMinus(prog, e)
	if !ok {
		return false
	}
	if ariIndexOnlyUse(prog, parents, body, e, x, 0) {
		return true
	}
	return ariLengthBoundedByLoop(prog, parents, e, x, k)
}

// ariIndexOnlyUse reports that the value of e (X.length - k) only ever
// reaches bounds-checked indexes: X[e], Y[e] on a memory or calldata Y, a
// loop bound (ariIsIndexingLoopBound) or a local whose every read is such
// a use.
func ariIndexOnlyUse(prog *sema.Program, parents map[ast.Node]ast.Node, body ast.Node, e ast.Expr, arr ast.Expr, depth int) bool {
	var cur ast.Node = e
	for {
		t, ok := parents[cur].(*ast.TupleExpression)
		if !ok || len(t.Elems) != 1 {
			break
		}
		cur = t
	}
	switch p := parents[cur].(type) {
	case *ast.IndexAccess:
		if p.Index != cur || !ariIsBoundsChecked(prog, p) {
			return false
		}
		// The index is past the end of X itself; another array is only
		// known to be short when it is not in storage (a storage array's
		// length may have been corrupted before 0.6).
		if ariText(p.X) == ariText(arr) {
			return true
		}
		t := prog.TypeOf(p.X)
		return !t.Storage && !ariIsStorageRef(prog, p.X)
	case *ast.BinaryOperation:
		return ariIsIndexingLoopBound(prog, parents, p, cur)
	case *ast.VariableDeclarationStatement:
		if depth > 1 || len(p.Decls) != 1 || p.Decls[0] == nil || p.Value != cur {
			return false
		}
		v := p.Decls[0]
		if v.IsStateVar || v.Location == "storage" {
			return false
		}
		reads := 0
		safe := true
		inspectBody(prog, body, func(n ast.Node) bool {
			if !safe {
				return false
			}
			id, ok := n.(*ast.Identifier)
			if !ok {
				return true
			}
			if d, ok := prog.Ref(id).(*ast.VariableDeclaration); !ok || d != v {
				return true
			}
			reads++
			if !ariIndexOnlyUse(prog, parents, body, id, arr, depth+1) {
				safe = false
			}
			return true
		})
		return safe && reads > 0
	}
	return false
}

// ariLoopOf returns the loop whose condition holds cond (possibly as a
// conjunct), or nil.
func ariLoopOf(parents map[ast.Node]ast.Node, cond ast.Node) ast.Stmt {
	cur := cond
	for {
		switch p := parents[cur].(type) {
		case *ast.TupleExpression:
			if len(p.Elems) != 1 {
				return nil
			}
		case *ast.BinaryOperation:
			if p.Op != "&&" {
				return nil
			}
		case *ast.ForStatement:
			if p.Cond == cur {
				return p
			}
			return nil
		case *ast.WhileStatement:
			if p.Cond == cur {
				return p
			}
			return nil
		case *ast.DoWhileStatement:
			if p.Cond == cur {
				return p
			}
			return nil
		default:
			return nil
		}
		cur = parents[cur]
	}
}

// ariLoopCounter returns the variable cmp compares with bound so that the
// loop runs while it stays below: i < bound, bound > i, i <= bound,
// bound >= i, i != bound.
func ariLoopCounter(prog *sema.Program, cmp *ast.BinaryOperation, bound ast.Node) *ast.VariableDeclaration {
	var other ast.Expr
	switch {
	case cmp.Y == bound && (cmp.Op == "<" || cmp.Op == "<=" || cmp.Op == "!="):
		other = cmp.X
	case cmp.X == bound && (cmp.Op == ">" || cmp.Op == ">=" || cmp.Op == "!="):
		other = cmp.Y
	default:
		return nil
	}
	id, ok := unparen(other).(*ast.Identifier)
	if !ok {
		return nil
	}
	v, ok := prog.Ref(id).(*ast.VariableDeclaration)
	if !ok || v.IsStateVar || prog.DeclType(v).Kind != sema.Uint {
		return nil
	}
	return v
}

// ariIsIndexingLoopBound reports that bound is the upper bound of a loop
// counter in the loop's condition (cmp), and that the loop body indexes an
// array with the counter and cannot leave the loop early (no break or
// return) nor reset the counter: a wrapped bound then runs the counter
// past the end of the array, and the index reverts.
func ariIsIndexingLoopBound(prog *sema.Program, parents map[ast.Node]ast.Node, cmp *ast.BinaryOperation, bound ast.Node) bool {
	v := ariLoopCounter(prog, cmp, bound)
	if v == nil {
		return false
	}
	var body ast.Stmt
	switch l := ariLoopOf(parents, cmp).(type) {
	case *ast.ForStatement:
		body = l.Body
	case *ast.WhileStatement:
		body = l.Body
	case *ast.DoWhileStatement:
		body = l.Body
	}
	if body == nil {
		return false
	}
	isV := func(e ast.Expr) bool {
		id, ok := unparen(e).(*ast.Identifier)
		return ok && prog.Ref(id) == sema.Symbol(v)
	}
	indexes, exits := false, false
	inspectBody(prog, body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BreakStatement, *ast.ReturnStatement:
			exits = true
		case *ast.Assignment:
			if x.Op == "=" && isV(x.LHS) {
				exits = true
			}
		case *ast.UnaryOperation:
			if (x.Op == "--" || x.Op == "delete") && isV(x.X) {
				exits = true
			}
		case *ast.IndexAccess:
			if x.Index != nil && ariIsBoundsChecked(prog, x) {
				ast.Inspect(x.Index, func(m ast.Node) bool {
					if id, ok := m.(*ast.Identifier); ok && isV(id) {
						indexes = true
					}
					return !indexes
				})
			}
		}
		return !exits
	})
	return indexes && !exits
}

// ariLengthBoundedByLoop recognises X.length - k inside a loop that runs
// while i < X.length - j, a bound that reverts when it wraps
// (ariIsIndexingLoopBound): otherwise X.length > j + i >= j, so any
// k <= j + 1 fits. X must be a memory or calldata array, whose length the
// loop cannot change.
func ariLengthBoundedByLoop(prog *sema.Program, parents map[ast.Node]ast.Node, e ast.Expr, arr ast.Expr, k *big.Int) bool {
	if prog.TypeOf(arr).Storage || ariIsStorageRef(prog, arr) {
		return false
	}
	want := ariText(arr)
	var child ast.Node = e
	for p := parents[child]; p != nil; child, p = p, parents[p] {
		var cond ast.Expr
		switch l := p.(type) {
		case *ast.ForStatement:
			if child == l.Body {
				cond = l.Cond
			}
		case *ast.WhileStatement:
			if child == l.Body {
				cond = l.Cond
			}
		}
		if cond == nil {
			continue
		}
		found := false
		var visit func(c ast.Expr)
		visit = func(c ast.Expr) {
			b, ok := unparen(c).(*ast.BinaryOperation)
			if !ok || found {
				return
			}
			if b.Op == "&&" {
				visit(b.X)
				visit(b.Y)
				return
			}
			for _, side := range []ast.Expr{b.X, b.Y} {
				bound := side
				for {
					t, ok := bound.(*ast.TupleExpression)
					if !ok || len(t.Elems) != 1 {
						break
					}
					bound = t.Elems[0]
				}
				x, j, ok := ariLengthMinus(prog, bound)
				if !ok || ariText(x) != want || ariLoopCounter(prog, b, side) == nil {
					continue
				}
				if !ariIsIndexingLoopBound(prog, parents, b, side) {
					continue
				}
				limit := new(big.Int).Set(j)
				if b.Op == "<" || b.Op == ">" {
					limit.Add(limit, big.NewInt(1))
				}
				if k.Cmp(limit) <= 0 {
					found = true
				}
			}
		}
		visit(cond)
		if found {
			return true
		}
	}
	return false
}

// ariSubtractsFromMax recognises MAX - x where MAX is the largest value of
// the unsigned type of the difference and x is unsigned and no wider:
// type(uint256).max - c, uint256(-1) - c, 2**256 - 1 - c never wrap.
func ariSubtractsFromMax(prog *sema.Program, ar *ariArith) bool {
	if ar.op != "-" {
		return false
	}
	if _, ok := ar.node.(*ast.BinaryOperation); !ok {
		return false
	}
	t := prog.TypeOf(ariExprOf(ar.node))
	if t == nil || t.Kind != sema.Uint {
		return false
	}
	_, hi, ok := ariIntRange(t)
	if !ok {
		return false
	}
	m, ok := ariConstValue(prog, ar.a)
	if !ok || m.Cmp(hi) != 0 {
		return false
	}
	tb := prog.TypeOf(ar.b)
	return tb != nil && tb.Kind == sema.Uint && tb.Bits > 0 && tb.Bits <= t.Bits
}

// ariNumeratorBound is an upper bound of the numerator of a `MAX / b`
// style check: its value when constant, else M for a difference M - c
// that cannot wrap (ariSafeMinuend).
func ariNumeratorBound(prog *sema.Program, e ast.Expr) (*big.Int, bool) {
	if v, ok := ariConstValue(prog, e); ok {
		return v, v.Sign() >= 0
	}
	d, ok := unparen(e).(*ast.BinaryOperation)
	if !ok || d.Op != "-" {
		return nil, false
	}
	return ariSafeMinuend(prog, d)
}

// ariSafeMinuend returns the constant M of a difference M - c that cannot
// wrap: c is a constant no larger than M, or an unsigned value whose type's
// maximum is at most M.
func ariSafeMinuend(prog *sema.Program, d *ast.BinaryOperation) (*big.Int, bool) {
	m, ok := ariConstValue(prog, d.X)
	if !ok || m.Sign() < 0 {
		return nil, false
	}
	if c, ok := ariConstValue(prog, d.Y); ok {
		return m, c.Sign() >= 0 && c.Cmp(m) <= 0
	}
	t := prog.TypeOf(d.Y)
	_, hi, ok := ariIntRange(t)
	if !ok || t.Kind != sema.Uint || m.Cmp(hi) < 0 {
		return nil, false
	}
	return m, true
}

// ariQuotientLimit matches a relation small <= D / y (or small < D / y)
// where small is x, and returns D.
func ariQuotientLimit(r ariRel, x, y ast.Expr) ast.Expr {
	if !ariAnyIn(ariSideTexts(r.small), map[string]bool{ariText(x): true}) {
		return nil
	}
	q, ok := unparen(r.big).(*ast.BinaryOperation)
	if !ok || q.Op != "/" || ariText(q.Y) != ariText(y) {
		return nil
	}
	return q.X
}

// ariProductGuarded recognises a dominating check x <= D / y (or
// y <= D / x) before x * y with D at most the type's maximum: then
// x * y <= D. A zero divisor reverts in the check itself.
func ariProductGuarded(prog *sema.Program, ar *ariArith, domRel []ariRel, max *big.Int) bool {
	if !ariUnsignedResult(prog, ar) {
		return false
	}
	x, y := ar.a, ar.b
	for _, r := range domRel {
		for _, pair := range [][2]ast.Expr{{x, y}, {y, x}} {
			d := ariQuotientLimit(r, pair[0], pair[1])
			if d == nil {
				continue
			}
			if b, ok := ariNumeratorBound(prog, d); ok && b.Cmp(max) <= 0 {
				return true
			}
		}
	}
	return false
}

// ariProductSumGuarded recognises the round-half-up products of fixed-point
// libraries (WadRayMath, PercentageMath): a dominating check
// x <= (M - c) / y before x * y + c proves x * y + c <= M; so does
// x <= D / y with a constant D when D + c fits. x <= MAX / y alone does not
// cover the added c.
func ariProductSumGuarded(prog *sema.Program, ar *ariArith, domRel []ariRel, bits int) bool {
	if ar.op != "+" || !ariUnsignedResult(prog, ar) {
		return false
	}
	if _, ok := ar.node.(*ast.BinaryOperation); !ok {
		return false
	}
	max := ariMaxOf(bits)
	for _, pc := range [][2]ast.Expr{{ar.a, ar.b}, {ar.b, ar.a}} {
		prod, ok := unparen(pc[0]).(*ast.BinaryOperation)
		if !ok || prod.Op != "*" {
			continue
		}
		c := pc[1]
		for _, r := range domRel {
			for _, pair := range [][2]ast.Expr{{prod.X, prod.Y}, {prod.Y, prod.X}} {
				d := ariQuotientLimit(r, pair[0], pair[1])
				if d == nil {
					continue
				}
				// x <= (M - c) / y, c the same expression as the addend.
				if sub, ok := unparen(d).(*ast.BinaryOperation); ok && sub.Op == "-" && ariText(sub.Y) == ariText(c) {
					if m, ok := ariSafeMinuend(prog, sub); ok && m.Cmp(max) <= 0 {
						return true
					}
				}
				// x <= D / y with D + c <= MAX.
				dv, ok := ariConstValue(prog, d)
				if !ok || dv.Sign() < 0 {
					continue
				}
				cv, ok := ariUpperBound(prog, c, domRel)
				if ok && new(big.Int).Add(dv, cv).Cmp(max) <= 0 {
					return true
				}
			}
		}
	}
	return false
}

// ariMaxOf is the largest unsigned value of the width (256 when unknown).
func ariMaxOf(bits int) *big.Int {
	if bits <= 0 {
		bits = 256
	}
	return new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(bits)), big.NewInt(1))
}

// ariUnsignedResult reports an operation on unsigned integers.
func ariUnsignedResult(prog *sema.Program, ar *ariArith) bool {
	t := prog.TypeOf(ariExprOf(ar.node))
	return t != nil && t.Kind == sema.Uint
}
