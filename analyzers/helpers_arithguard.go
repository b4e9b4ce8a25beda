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
		if c, ok := unparen(x.X).(*ast.FunctionCall); ok && ariRequireLike(prog, c) && len(c.Args) > 0 {
			return []ariFact{{c.Args[0], false}}
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

// ariAllChecks returns every require/assert/if-revert condition in body,
// wherever it is: SafeMath checks the result after computing it.
func ariAllChecks(prog *sema.Program, body ast.Node) []ariFact {
	var out []ariFact
	ast.Inspect(body, func(n ast.Node) bool {
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

// ariRequireLike matches require and assert, and the wrappers old contracts
// declare for them: an internal function of one boolean parameter whose
// body is `if (!b) throw;` (or revert, or require(b)), often itself named
// assert. A call to it establishes its argument like require does.
func ariRequireLike(prog *sema.Program, c *ast.FunctionCall) bool {
	if IsBuiltinCall(prog, c, "require", "assert") {
		return true
	}
	call := prog.CallOf(c)
	if call == nil || call.Kind != sema.CallInternal || call.Callee == nil || call.Callee.Body == nil {
		return false
	}
	f := call.Callee
	if len(f.Params) != 1 || len(c.Args) != 1 || len(f.Body.Stmts) != 1 {
		return false
	}
	param := f.Params[0]
	if prog.DeclType(param).Kind != sema.Bool {
		return false
	}
	isParam := func(e ast.Expr) bool {
		id, ok := unparen(e).(*ast.Identifier)
		return ok && prog.Ref(id) == sema.Symbol(param)
	}
	switch x := f.Body.Stmts[0].(type) {
	case *ast.IfStatement:
		u, ok := unparen(x.Cond).(*ast.UnaryOperation)
		return ok && u.Op == "!" && isParam(u.X) && x.Else == nil && dosAborts(x.Then)
	case *ast.ExpressionStatement:
		inner, ok := unparen(x.X).(*ast.FunctionCall)
		return ok && IsBuiltinCall(prog, inner, "require", "assert") && len(inner.Args) > 0 && isParam(inner.Args[0])
	}
	return false
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
