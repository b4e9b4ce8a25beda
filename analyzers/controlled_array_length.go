package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// ControlledArrayLength flags writes to a storage array's length that any
// caller can make (Solidity before 0.6).
var ControlledArrayLength = &Analyzer{
	ID:         "controlled-array-length",
	Title:      "Caller-controlled array length",
	Severity:   High,
	Confidence: ConfidenceMedium,
	Category:   CatAccessControl,
	SWC:        "SWC-124",
	CWE:        []string{"CWE-123"},
	Description: "Before Solidity 0.6 a storage array's `length` could be assigned. A function anyone can call " +
		"that sets `arr.length` to a value the caller chooses, or decrements it without checking that the " +
		"array is non-empty, lets the caller make the array span the whole storage: an empty array's " +
		"`length--` underflows to 2^256-1, after which `arr[i] = x` writes any storage slot — the owner " +
		"included.",
	Exploit: "The attacker calls `popBonusCode()` on an empty array (length becomes 2^256-1), computes the " +
		"index whose slot `keccak256(p) + i` wraps onto slot 0, and calls `updateBonusCodeAt(i, attacker)` to " +
		"overwrite the owner.",
	Recommendation: "Use `push()` and `pop()` (the only forms since 0.6), check `arr.length > 0` before " +
		"shrinking, and restrict functions that resize arrays.",
	Run: runControlledArrayLength,
}

func init() { registry = append(registry, ControlledArrayLength) }

func runControlledArrayLength(p *Pass) {
	prog := p.Program
	done := map[ast.Node]bool{}
	isLength := func(e ast.Expr) (*ast.MemberAccess, bool) {
		m, ok := unparen(e).(*ast.MemberAccess)
		if !ok || m.Member.Name != "length" {
			return nil, false
		}
		t := prog.TypeOf(m.X)
		return m, (t.Kind == sema.Array || t.Kind == sema.Bytes) && t.Length < 0
	}
	for _, c := range axsAccessRoots(p) {
		if !axsLinearizationContains(prog, c, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Assignment:
				_, ok := isLength(x.LHS)
				return ok
			case *ast.UnaryOperation:
				_, ok := isLength(x.X)
				return ok && (x.Op == "--" || x.Op == "++")
			}
			return false
		}) {
			continue
		}
		for _, f := range p.EntryPoints(c) {
			entry := f
			guard := axsNewCallerCheck(p, c)
			nonEmpty := map[*ast.VariableDeclaration]bool{}
			var wk *Walker
			report := func(at ast.Node, m *ast.MemberAccess, why string) {
				if done[at] {
					return
				}
				done[at] = true
				// The arbitrary write the resized array enables, when the
				// same function makes it.
				var rel []RelatedNode
				if arr := axsDeclOf(prog, RootExpr(m.X)); arr != nil && f.Def.Body != nil {
					inspectBody(p.Program, f.Def.Body, func(n ast.Node) bool {
						a, ok := n.(*ast.Assignment)
						if !ok {
							return true
						}
						if ix, ok := unparen(a.LHS).(*ast.IndexAccess); ok && axsDeclOf(prog, RootExpr(ix)) == arr {
							rel = append(rel, RelatedNode{At: a, Message: "writes an index of the resized array"})
						}
						return true
					})
				}
				axsReportAt(p, at, axsQualified(c, entry)+" "+why+" "+axsCode(m.X)+".length; no check of msg.sender guards it", rel...)
			}
			wk = p.NewWalker(c, f, FlowVisitor{
				Node: func(n ast.Node, st FlowState) {
					guard.visit(wk, n)
					axsNoteNonEmpty(prog, wk, n, nonEmpty)
					if guard.guarded(st) {
						return
					}
					switch x := n.(type) {
					case *ast.Assignment:
						m, ok := isLength(x.LHS)
						if !ok {
							return
						}
						arr := wk.StateVarOf(m.X)
						switch {
						case wk.Tainted(x.RHS):
							report(x, m, "lets any caller set")
						case x.Op == "-=" && !nonEmpty[arr]:
							report(x, m, "lets any caller shrink (and underflow)")
						case x.Op == "=" && axsShrinks(prog, x.RHS, m) && !nonEmpty[arr]:
							report(x, m, "lets any caller shrink (and underflow)")
						}
					case *ast.UnaryOperation:
						m, ok := isLength(x.X)
						if ok && x.Op == "--" && !nonEmpty[wk.StateVarOf(m.X)] {
							report(x, m, "lets any caller decrement (and underflow)")
						}
					}
				},
			})
			wk.Run()
		}
	}
}

// axsShrinks reports `arr.length - k` assigned back to arr.length.
func axsShrinks(prog *sema.Program, rhs ast.Expr, m *ast.MemberAccess) bool {
	b, ok := unparen(rhs).(*ast.BinaryOperation)
	if !ok || b.Op != "-" {
		return false
	}
	l, ok := unparen(b.X).(*ast.MemberAccess)
	return ok && l.Member.Name == "length" && axsCode(l.X) == axsCode(m.X)
}

// axsNoteNonEmpty records arrays checked to be non-empty by a condition
// (arr.length > 0, arr.length != 0, 0 < arr.length, arr.length >= 1) or
// just pushed to.
func axsNoteNonEmpty(prog *sema.Program, wk *Walker, n ast.Node, into map[*ast.VariableDeclaration]bool) {
	var cond ast.Expr
	switch x := n.(type) {
	case *ast.IfStatement:
		cond = x.Cond
	case *ast.FunctionCall:
		// arr.push(x) earlier in the transaction: the array holds an entry.
		if IsBuiltinCall(prog, x, "array.push") {
			if m, ok := x.Fn.(*ast.MemberAccess); ok {
				if v := wk.StateVarOf(m.X); v != nil {
					into[v] = true
				}
			}
			return
		}
		if IsBuiltinCall(prog, x, "require", "assert") && len(x.Args) > 0 {
			cond = x.Args[0]
		}
	}
	if cond == nil {
		return
	}
	ast.Inspect(cond, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryOperation)
		if !ok {
			return true
		}
		lenOf := func(e ast.Expr) *ast.VariableDeclaration {
			m, ok := unparen(e).(*ast.MemberAccess)
			if !ok || m.Member.Name != "length" {
				return nil
			}
			return wk.StateVarOf(m.X)
		}
		one := func(e ast.Expr) bool {
			l, ok := unparen(e).(*ast.Literal)
			return ok && l.Kind == ast.NumberLiteral && l.Value == "1"
		}
		switch {
		case (b.Op == ">" || b.Op == "!=") && axsIsZero(b.Y):
			if v := lenOf(b.X); v != nil {
				into[v] = true
			}
		case (b.Op == "<" || b.Op == "!=") && axsIsZero(b.X):
			if v := lenOf(b.Y); v != nil {
				into[v] = true
			}
		case b.Op == ">=" && one(b.Y):
			if v := lenOf(b.X); v != nil {
				into[v] = true
			}
		}
		return true
	})
}
