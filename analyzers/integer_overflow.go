package analyzers

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// IntegerOverflow flags wrapping arithmetic on caller-influenced values:
// any + - * ** in code compiled without overflow checks (pragma < 0.8) or
// inside `unchecked { }`, unless a check makes it safe.
var IntegerOverflow = &Analyzer{
	ID:         "integer-overflow",
	Title:      "Integer overflow or underflow",
	Severity:   High,
	Confidence: ConfidenceMedium,
	Category:   CatArithmetic,
	SWC:        "SWC-101",
	CWE:        []string{"CWE-190", "CWE-191"},
	Description: "Before Solidity 0.8, and inside `unchecked { }` blocks after it, integer arithmetic wraps " +
		"around silently: `0 - 1` is `2**256 - 1` and a large product drops its high bits. When a value " +
		"the caller chooses reaches such an operation and the result is stored, compared or paid out, the " +
		"caller chooses the wrapped result too. A statement whose comment says the wrap is wanted " +
		"(\"overflow is desired\", as in Uniswap v2's price accumulators) is taken as the author's decision " +
		"and not reported.",
	Exploit: "BeautyChain's `batchTransfer(address[] _receivers, uint256 _value)` computed " +
		"`uint256 amount = uint256(cnt) * _value` and checked `balances[msg.sender] >= amount`. With two " +
		"receivers and `_value = 2**255` the product wraps to 0, the check passes, and each receiver is " +
		"credited 2**255 tokens out of nothing.",
	Recommendation: "Compile with Solidity 0.8 or later (checked arithmetic by default) and keep `unchecked` " +
		"for operations proven safe; before 0.8 use SafeMath (`a.add(b)`, `a.sub(b)`, `a.mul(b)`) or check " +
		"explicitly (`require(balance >= amount)` before `balance - amount`, `require(c / a == b)` after a product).",
	Run: runIntegerOverflow,
}

func init() { registry = append(registry, IntegerOverflow) }

// ariOverflowCand is one finding in the making; walks of several entry
// points may reach the same operation.
type ariOverflowCand struct {
	rep  Report
	rank int
}

func runIntegerOverflow(p *Pass) {
	prog := p.Program
	owners := newAriOwners(prog)
	unchecked := ariUncheckedNodes(prog)
	pre08 := map[*ast.SourceUnit]bool{}
	oldCompiler := func(n ast.Node) bool {
		u := owners.Unit(n)
		if u == nil {
			return false
		}
		v, ok := pre08[u]
		if !ok {
			v = ariPragmaAllowsBelow(u, 0, 8)
			pre08[u] = v
		}
		return v
	}
	type bodyInfo struct {
		owner   ariOwner
		parents map[ast.Node]ast.Node
		checks  []ariFact
	}
	bodies := map[ast.Node]*bodyInfo{}
	infoOf := func(n ast.Node) *bodyInfo {
		ow := owners.Of(n)
		if ow.Body == nil {
			return nil
		}
		if bi, ok := bodies[ow.Body]; ok {
			return bi
		}
		bi := &bodyInfo{owner: ow, parents: p.parentsOf(ow.Body)}
		bi.checks = ariAllChecks(prog, ow.Body)
		bodies[ow.Body] = bi
		return bi
	}
	var sumPairs map[string]bool
	sums := func() map[string]bool {
		if sumPairs == nil {
			sumPairs = ariSumPairs(prog)
		}
		return sumPairs
	}
	cands := map[ast.Node]*ariOverflowCand{}
	reach := ariCandidateOwners(prog, owners, unchecked, oldCompiler)
	clock := &ariClock{p: p, owners: owners}

	// candidate matches the operations the walk below looks at: the walk
	// starts from it, and entry points reaching none are not walked.
	candidate := func(n ast.Node) bool {
		dec := false
		if ariArithOf(n) == nil {
			u, ok := n.(*ast.UnaryOperation)
			if !ok || u.Op != "--" {
				return false
			}
			dec = true
		}
		if !owners.InScope(n) {
			return false
		}
		inUnchecked := unchecked[n]
		if !inUnchecked && !oldCompiler(n) {
			return false
		}
		ow := owners.Of(n)
		if ow.Body == nil {
			return false
		}
		// A library's unchecked block is part of its documented semantics
		// (Math, Strings…), and an unchecked decrement is left alone.
		return !inUnchecked || !dec && (ow.Contract == nil || ow.Contract.Kind != ast.KindLibrary)
	}
	for _, c := range p.Contracts() {
		if c.IsInterface() || c.IsLibrary() || !reach.reachableFrom(c) {
			continue
		}
		var ctl map[*ast.VariableDeclaration]string // computed for the first entry point walked
		for _, f := range p.EntryPoints(c) {
			if !axsReaches(p, c, f, "unchecked-arith", candidate) {
				continue // no operation the walk would look at
			}
			if ctl == nil {
				ctl = ariControlledState(p, c)
			}
			tt := newAriTaint(prog, c, f, ctl)
			entry := f
			var wk *Walker
			wk = p.NewWalker(c, f, FlowVisitor{Node: func(n ast.Node, st FlowState) {
				tt.observe(n)
				if st.Guarded || !candidate(n) {
					return
				}
				certain := "" // set when the operation underflows whatever the caller does
				ar := ariArithOf(n)
				var dec *ast.UnaryOperation
				if ar == nil {
					dec = n.(*ast.UnaryOperation) // candidate admits only `--` besides arithmetic
				}
				inUnchecked := unchecked[n]
				bi := infoOf(n)
				if dec != nil {
					ar = ariDecrementOf(dec)
					if ar == nil || !ariOwnEntry(wk, tt, ar.a) {
						return
					}
				} else if !ariInfluenced(prog, ar, tt) {
					if ar.op != "-" || inUnchecked {
						return // an opted-out 0 - 1 is usually the max-value idiom
					}
					if certain = ariCertainUnderflow(prog, bi.owner.Body, ar); certain == "" {
						return
					}
				} else if inUnchecked && ar.op == "+" && (tt.of(ar.a)|tt.of(ar.b))&ariTDirect == 0 {
					// An opted-out sum of amounts the contract's own math
					// computed (protocolFees[c] += feeOf(amount)): they are
					// bounded by what that checked code produced.
					return
				}
				ar.addAliases(bi.parents)
				if ariIsConst(prog, ar.a) && ariIsConst(prog, ar.b) {
					return
				}
				if ariIsMinusOneMinus(prog, ar) {
					return
				}
				if ariIsOwnCheck(bi.parents, n, ar) {
					return
				}
				dom := ariDominatingFacts(prog, bi.parents, n)
				if ariCounterStep(prog, ar, tt) || ariSubtractsMin(prog, ar, bi.owner.Body) || ariSubtractsFraction(prog, ar, bi.owner.Body, dom) {
					return
				}
				if ariGuarded(prog, ar, dom, bi.checks, prog.TypeOf(ariExprOf(n)).Bits) {
					return
				}
				if ariSubtractsFromMax(prog, ar) || ariLengthIndexSafe(prog, ar, bi.parents, bi.owner.Body) ||
					ariFitsByWidth(prog, ar) || clock.elapsed(ar) {
					return
				}
				if inUnchecked && ariBoundedByAccounting(prog, ar, bi.owner.Body, bi.parents, unchecked, dom, sums) {
					return
				}
				sev, conf, use := ariResultUse(prog, wk, bi.parents, n, entry)
				if certain != "" && sev.Rank() > Medium.Rank() {
					// A wrap nobody chooses is a bug, not an attack.
					sev, conf = Medium, ConfidenceHigh
				}
				rank := sev.Rank()*10 + conf.Rank()
				if old, ok := cands[n]; ok && old.rank >= rank {
					return
				}
				// Name the caller-chosen operands (both for a * b).
				var influenced ast.Expr = ar.b
				switch {
				case dec != nil || tt.of(ar.b) == 0:
					influenced = ar.a
				case tt.of(ar.a)&ariTParam != 0 && ar.op != "-":
					influenced = &ast.TupleExpression{Base: ast.Base{Src: n.Span()}, Elems: []ast.Expr{ar.a, ar.b}}
				}
				where := "compiled without overflow checks (pragma allows solc < 0.8)"
				if inUnchecked {
					where = "inside an unchecked block"
				}
				kind := map[string]string{"+": "overflow", "*": "overflow", "**": "overflow", "-": "underflow"}[ar.op]
				msg := ariFuncLabel(bi.owner) + ": `" + ariShort(n) + "` can " + kind + " — " + tt.why(influenced)
				if dec != nil {
					msg = ariFuncLabel(bi.owner) + ": `" + ariShort(n) + "` can underflow — the caller's own entry may be 0 and nothing checks it"
				}
				if certain != "" {
					msg = ariFuncLabel(bi.owner) + ": `" + ariShort(n) + "` always underflows — " + certain
				}
				msg += "; the arithmetic is " + where + " and the result " + use
				cands[n] = &ariOverflowCand{rank: rank, rep: Report{At: n, Function: bi.owner.Fn, Contract: bi.owner.Contract,
					Severity: sev, Confidence: conf, Message: msg}}
			}})
			wk.Run()
		}
	}
	// One finding per statement: the most severe (then outermost)
	// operation; the others of the statement become related locations.
	type group struct {
		best   *ariOverflowCand
		others []*ariOverflowCand
	}
	groups := map[ast.Node]*group{}
	var order []ast.Node
	var nodes []ast.Node
	for n := range cands {
		nodes = append(nodes, n)
	}
	sort.Slice(nodes, func(i, j int) bool {
		a, b := nodes[i].Span(), nodes[j].Span()
		if a.File.Path != b.File.Path {
			return a.File.Path < b.File.Path
		}
		return a.Start.Offset < b.Start.Offset
	})
	for _, n := range nodes {
		cd := cands[n]
		bi := infoOf(n)
		stmt := n
		if bi != nil {
			stmt = ariStmtOf(bi.parents, n)
		}
		g := groups[stmt]
		if g == nil {
			g = &group{}
			groups[stmt] = g
			order = append(order, stmt)
		}
		if g.best == nil || cd.rank > g.best.rank ||
			(cd.rank == g.best.rank && ariSpanLen(cd.rep.At) > ariSpanLen(g.best.rep.At)) {
			if g.best != nil {
				g.others = append(g.others, g.best)
			}
			g.best = cd
		} else {
			g.others = append(g.others, cd)
		}
	}
	for _, stmt := range order {
		if ariWrapDocumented(owners.Unit(stmt), stmt) {
			continue
		}
		g := groups[stmt]
		rep := g.best.rep
		for _, o := range g.others {
			rep.Related = append(rep.Related, RelatedNode{At: o.rep.At, Message: "also unchecked: " + ariShort(o.rep.At)})
		}
		p.Report(rep)
	}
}

// ariWrapDocumented reports a statement whose own comments say its wrap
// is wanted ("addition overflow is desired", as in Uniswap v2's oracle):
// the comment block right above it or a comment at its end. The author has
// opted out of checks, as unchecked does since 0.8; a comment claiming
// the wrap cannot happen is no such opt-out.
func ariWrapDocumented(u *ast.SourceUnit, stmt ast.Node) bool {
	if u == nil {
		return false
	}
	span := stmt.Span()
	content := span.File.Content
	cs := u.Comments
	// The first comment starting at or after the statement.
	i := sort.Search(len(cs), func(i int) bool { return cs[i].Span().Start.Offset >= span.Start.Offset })
	// At its end: comments starting inside it or on its last line.
	for j := i; j < len(cs) && cs[j].Span().Start.Line <= span.End.Line; j++ {
		if ariSaysWrapWanted(cs[j].Text) {
			return true
		}
	}
	// Above it: comments separated from it, and from each other, by
	// whitespace only.
	next := span.Start.Offset
	for j := i - 1; j >= 0; j-- {
		c := cs[j].Span()
		if c.End.Offset > next || strings.TrimSpace(string(content[c.End.Offset:next])) != "" {
			break
		}
		if ariSaysWrapWanted(cs[j].Text) {
			return true
		}
		next = c.Start.Offset
	}
	return false
}

// ariSaysWrapWanted matches comments that call an overflow or wrap
// intended: "overflow is desired", "wraps around by design", and not
// "overflow is not intended".
func ariSaysWrapWanted(text string) bool {
	t := strings.ToLower(text)
	if !strings.Contains(t, "overflow") && !strings.Contains(t, "underflow") && !strings.Contains(t, "wrap") {
		return false
	}
	for _, no := range []string{"not ", "never", "cannot", "can't", "won't", "no overflow", "no underflow"} {
		if strings.Contains(t, no) {
			return false // "overflow is not intended", "can never overflow"
		}
	}
	for _, w := range []string{"desired", "intended", "intentional", "on purpose", "by design"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// ariCandidates says where wrapping arithmetic the walk could report is
// written. A walk only reaches the bodies of the contract's own
// linearisation, of libraries and of free functions, so a contract none of
// whose bases holds such arithmetic is skipped without walking: in 0.8
// code that is most of them, and the walks are this detector's cost.
type ariCandidates struct {
	contracts map[*ast.ContractDefinition]bool
	anywhere  bool // in a library, a free function or outside any known contract
}

func (r ariCandidates) reachableFrom(c *sema.Contract) bool {
	if r.anywhere {
		return true
	}
	for _, l := range c.Linearization {
		if r.contracts[l.Def] {
			return true
		}
	}
	return false
}

// ariCandidateOwners applies the walk's own first filters (an operation
// in scope, unchecked or compiled before 0.8, in a body, not a library's
// unchecked block) to every operation of the program.
func ariCandidateOwners(prog *sema.Program, owners *ariOwners, unchecked map[ast.Node]bool, oldCompiler func(ast.Node) bool) ariCandidates {
	r := ariCandidates{contracts: map[*ast.ContractDefinition]bool{}}
	known := map[*ast.ContractDefinition]bool{}
	for _, c := range prog.Contracts {
		known[c.Def] = true
	}
	for _, u := range prog.Units {
		if u.AST == nil || !u.InScope {
			continue
		}
		ast.Inspect(u.AST, func(n ast.Node) bool {
			if r.anywhere {
				return false
			}
			switch x := n.(type) {
			case *ast.BinaryOperation:
				if x.Op != "+" && x.Op != "-" && x.Op != "*" && x.Op != "**" {
					return true
				}
			case *ast.Assignment:
				if x.Op != "+=" && x.Op != "-=" && x.Op != "*=" {
					return true
				}
			case *ast.UnaryOperation:
				if x.Op != "--" {
					return true
				}
			default:
				return true
			}
			inUnchecked := unchecked[n]
			if !inUnchecked && !oldCompiler(n) {
				return true
			}
			ow := owners.Of(n)
			switch {
			case ow.Body == nil:
			case ow.Contract == nil || !known[ow.Contract]:
				r.anywhere = true
			case ow.Contract.Kind == ast.KindLibrary:
				r.anywhere = r.anywhere || !inUnchecked
			default:
				r.contracts[ow.Contract] = true
			}
			return true
		})
	}
	return r
}

func ariSpanLen(n ast.Node) int {
	sp := n.Span()
	return sp.End.Offset - sp.Start.Offset
}

// ariExprOf returns the expression whose type is the arithmetic's type.
func ariExprOf(n ast.Node) ast.Expr {
	if e, ok := n.(ast.Expr); ok {
		return e
	}
	return nil
}

// ariInfluenced applies the per-operator taint rules: sums and products
// need a caller-chosen operand (ether amounts are too small to overflow
// when added), differences underflow when the caller picks the subtrahend
// (or the minuend of a fixed subtrahend).
func ariInfluenced(prog *sema.Program, ar *ariArith, tt *ariTaint) bool {
	ta, tb := tt.of(ar.a), tt.of(ar.b)
	switch ar.op {
	case "+":
		return (ta|tb)&ariTParam != 0
	case "-":
		if tb == ariTValue && ariIsBalanceRead(prog, ariStripConversions(prog, ar.a)) {
			return false // address(this).balance - msg.value: the balance before the call
		}
		return tb != 0 || ta&ariTParam != 0
	case "*":
		if (ta|tb)&ariTParam != 0 {
			return true
		}
		return (ta|tb)&ariTValue != 0 && !ariIsConst(prog, ar.a) && !ariIsConst(prog, ar.b)
	case "**":
		return ta|tb != 0
	}
	return false
}

// ariDecrementOf turns x-- into the subtraction x - 1.
func ariDecrementOf(u *ast.UnaryOperation) *ariArith {
	one := &ast.Literal{Base: u.Base, Kind: ast.NumberLiteral, Value: "1"}
	return &ariArith{node: u, op: "-", a: u.X, b: one, results: map[string]bool{ariText(u.X): true}}
}

// ariOwnEntry reports a storage mapping entry keyed by the caller (or by
// a caller-chosen key): balances[msg.sender].
func ariOwnEntry(wk *Walker, tt *ariTaint, e ast.Expr) bool {
	ix, ok := unparen(e).(*ast.IndexAccess)
	if !ok || ix.Index == nil || wk.StateVarOf(ix) == nil {
		return false
	}
	return wk.IsSender(ix.Index) || tt.of(ix.Index)&ariTParam != 0
}

// ariUncheckedNodes returns every node inside an unchecked block.
func ariUncheckedNodes(prog *sema.Program) map[ast.Node]bool {
	out := map[ast.Node]bool{}
	for _, u := range prog.Units {
		if u.AST == nil || !u.InScope {
			continue
		}
		ast.Inspect(u.AST, func(n ast.Node) bool {
			if b, ok := n.(*ast.Block); ok && b.Unchecked {
				ast.Inspect(b, func(m ast.Node) bool {
					out[m] = true
					return true
				})
				return false
			}
			return true
		})
	}
	return out
}

// ariBoundedByAccounting recognises the reasoning behind most `unchecked`
// blocks of audited 0.8 code: a sum whose operand is also added with
// checked arithmetic elsewhere in the function (balance + value is at most
// totalSupply, which is checked), and a difference whose subtrahend was
// checked against some other amount first (value <= fromBalance <=
// totalSupply).
func ariBoundedByAccounting(prog *sema.Program, ar *ariArith, body ast.Node, parents map[ast.Node]ast.Node,
	unchecked map[ast.Node]bool, dom []ariFact, sums func() map[string]bool) bool {
	tb := ariText(ar.b)
	switch ar.op {
	case "+":
		// A part (a mapping entry) grows by what a checked total grew by.
		ix, part := unparen(ar.a).(*ast.IndexAccess)
		if !part {
			return false
		}
		// Or by what another entry of the same mapping lost first: the
		// sum of the entries is unchanged (a transfer).
		m := ariText(ix.X)
		if ariIsStorageRef(prog, ix.X) && ariRemovedBefore(prog, body, parents, unchecked, ar.node, tb,
			func(base ast.Expr) bool { return ariText(base) == m }) {
			return true
		}
		found := false
		inspectBody(prog, body, func(n ast.Node) bool {
			if found || unchecked[n] {
				return false
			}
			if other := ariArithOf(n); other != nil && other.op == "+" && n != ar.node {
				// The total is a scalar in storage: _totalSupply, $._totalSupply.
				if ariIsStorageScalar(prog, other.a) && ariText(other.b) == tb {
					found = true
				}
			}
			return true
		})
		return found
	case "-":
		// A total loses what an entry summed into it lost first (a burn):
		// x <= entry <= total.
		if ariIsStorageScalar(prog, ar.a) {
			t := ariStorageKey(prog, ar.a)
			if ariRemovedBefore(prog, body, parents, unchecked, ar.node, tb,
				func(base ast.Expr) bool { return sums()[t+"|"+ariStorageKey(prog, base)] }) {
				return true
			}
		}
		// The subtrahend was checked against some balance, or is added
		// with checked arithmetic on another path (supply accounting).
		for _, r := range ariRelations(prog, ariAllChecks(prog, body)) {
			if ariAnyIn(ariSideTexts(r.small), map[string]bool{tb: true}) {
				return true
			}
		}
		found := false
		inspectBody(prog, body, func(n ast.Node) bool {
			if found || unchecked[n] {
				return false
			}
			if other := ariArithOf(n); other != nil && other.op == "+" && (ariText(other.a) == tb || ariText(other.b) == tb) {
				found = true
			}
			return true
		})
		return found
	}
	return false
}

// ariRemovedBefore reports that x is taken out of an entry M[k] (with
// mapping(M)) by a statement that runs before n on every path, and that
// the removal cannot wrap: checked arithmetic, or a check that the entry
// (or the local it was read into) covers x.
func ariRemovedBefore(prog *sema.Program, body ast.Node, parents map[ast.Node]ast.Node, unchecked map[ast.Node]bool,
	n ast.Node, x string, mapping func(ast.Expr) bool) bool {
	removes := func(e ast.Expr) bool {
		as, ok := unparen(e).(*ast.Assignment)
		if !ok {
			return false
		}
		ix, ok := unparen(as.LHS).(*ast.IndexAccess)
		if !ok || !mapping(ix.X) {
			return false
		}
		entry := ariText(ix)
		var sub ast.Node = as
		minuend := entry
		switch as.Op {
		case "-=":
			if ariText(as.RHS) != x {
				return false
			}
		case "=":
			d, ok := unparen(as.RHS).(*ast.BinaryOperation)
			if !ok || d.Op != "-" || ariText(d.Y) != x {
				return false
			}
			minuend = ariText(d.X)
			if minuend != entry {
				// b = M[k]; …; M[k] = b - x
				id, ok := unparen(d.X).(*ast.Identifier)
				if !ok {
					return false
				}
				if def := ariDefinitionOf(prog, body, id); def == nil || ariText(def) != entry {
					return false
				}
			}
			sub = d
		default:
			return false
		}
		if !unchecked[sub] {
			return true
		}
		for _, r := range ariRelations(prog, ariDominatingFacts(prog, parents, sub)) {
			if ariAnyIn(ariSideTexts(r.small), map[string]bool{x: true}) &&
				ariAnyIn(ariSideTexts(r.big), map[string]bool{entry: true, minuend: true}) {
				return true
			}
		}
		return false
	}
	// Statements before n in its enclosing blocks, and inside plain or
	// unchecked blocks among them; branches and loops may not run.
	var scan func(s ast.Stmt) bool
	scan = func(s ast.Stmt) bool {
		switch y := s.(type) {
		case *ast.Block:
			for _, t := range y.Stmts {
				if scan(t) {
					return true
				}
			}
		case *ast.ExpressionStatement:
			return removes(y.X)
		}
		return false
	}
	for child, p := n, parents[n]; p != nil; child, p = p, parents[p] {
		if b, ok := p.(*ast.Block); ok {
			for _, s := range b.Stmts {
				if s == child {
					break
				}
				if scan(s) {
					return true
				}
			}
		}
	}
	return false
}

// ariSumPairs returns "T|M" for every storage total T and mapping M that
// some function credits with the same amount (a mint: totalSupply += x
// and balances[to] += x): M's entries then sum into T.
func ariSumPairs(prog *sema.Program) map[string]bool {
	out := map[string]bool{}
	for _, u := range prog.Units {
		if u.AST == nil {
			continue
		}
		ast.Inspect(u.AST, func(n ast.Node) bool {
			var body *ast.Block
			switch f := n.(type) {
			case *ast.FunctionDefinition:
				body = f.Body
			case *ast.ModifierDefinition:
				body = f.Body
			default:
				return true
			}
			if body == nil {
				return false
			}
			totals, parts := map[string][]string{}, map[string][]string{}
			inspectBody(prog, body, func(m ast.Node) bool {
				as, ok := m.(*ast.Assignment)
				if !ok {
					return true
				}
				var amount string
				switch sum, _ := unparen(as.RHS).(*ast.BinaryOperation); {
				case as.Op == "+=":
					amount = ariText(as.RHS)
				case as.Op == "=" && sum != nil && sum.Op == "+" && ariText(sum.X) == ariText(as.LHS):
					amount = ariText(sum.Y) // T = T + x
				default:
					return true
				}
				if ix, ok := unparen(as.LHS).(*ast.IndexAccess); ok && ariIsStorageRef(prog, ix.X) {
					parts[amount] = append(parts[amount], ariStorageKey(prog, ix.X))
				} else if ariIsStorageScalar(prog, as.LHS) {
					totals[amount] = append(totals[amount], ariStorageKey(prog, as.LHS))
				}
				return true
			})
			for amount, ts := range totals {
				for _, t := range ts {
					for _, m := range parts[amount] {
						out[t+"|"+m] = true
					}
				}
			}
			return false
		})
	}
	return out
}

// ariStorageKey names a storage location across functions: its text,
// tied to the state variable it is rooted in when there is one.
func ariStorageKey(prog *sema.Program, e ast.Expr) string {
	t := ariText(e)
	if id, ok := RootExpr(e).(*ast.Identifier); ok {
		if v, ok := prog.Ref(id).(*ast.VariableDeclaration); ok && v.IsStateVar {
			return fmt.Sprintf("%s@%p", t, v)
		}
	}
	return t
}

// ariIsStorageRef reports an expression rooted in a state variable or a
// storage pointer: balances, $._balances, allowance[owner].
func ariIsStorageRef(prog *sema.Program, e ast.Expr) bool {
	for {
		switch x := unparen(e).(type) {
		case *ast.IndexAccess:
			e = x.X
		case *ast.MemberAccess:
			e = x.X
		case *ast.Identifier:
			v, ok := prog.Ref(x).(*ast.VariableDeclaration)
			return ok && (v.IsStateVar || v.Location == "storage")
		default:
			return false
		}
	}
}

// ariIsMinusOneMinus recognises -1 - x on a signed integer: it is ~x,
// which is in range for every x.
func ariIsMinusOneMinus(prog *sema.Program, ar *ariArith) bool {
	if ar.op != "-" {
		return false
	}
	if v, ok := ariConstValue(prog, ar.a); !ok || v.Cmp(big.NewInt(-1)) != 0 {
		return false
	}
	t := prog.TypeOf(ariExprOf(ar.node))
	return t != nil && t.Kind == sema.Int
}

// ariIsStorageScalar reports a state variable or a field of a storage
// struct that is not itself indexed: _totalSupply, $._totalSupply.
func ariIsStorageScalar(prog *sema.Program, e ast.Expr) bool {
	switch x := unparen(e).(type) {
	case *ast.Identifier:
		v, ok := prog.Ref(x).(*ast.VariableDeclaration)
		return ok && v.IsStateVar
	case *ast.MemberAccess:
		var base ast.Expr = x
		for {
			switch y := unparen(base).(type) {
			case *ast.MemberAccess:
				base = y.X
				continue
			case *ast.Identifier:
				root, ok := prog.Ref(y).(*ast.VariableDeclaration)
				return ok && (root.IsStateVar || root.Location == "storage")
			}
			return false
		}
	}
	return false
}

// ariCounterStep recognises a counter bumped by a small constant
// (nonce + 1, count += 1): reaching the limit takes billions of calls.
func ariCounterStep(prog *sema.Program, ar *ariArith, tt *ariTaint) bool {
	if ar.op != "+" {
		return false
	}
	for _, pair := range [][2]ast.Expr{{ar.a, ar.b}, {ar.b, ar.a}} {
		v, ok := ariConstValue(prog, pair[1])
		if !ok || v.Sign() < 0 || v.BitLen() > 32 {
			continue
		}
		root, _ := prog.Ref(RootExpr(pair[0])).(*ast.VariableDeclaration)
		if root != nil && root.IsStateVar {
			return true
		}
		if pair[0] == ar.a {
			if _, isAssign := ar.node.(*ast.Assignment); isAssign {
				return true // x += 1
			}
		}
	}
	return false
}

// ariSubtractsMin recognises a - min(a, x): spend = Math.min(current,
// value); current - spend.
func ariSubtractsMin(prog *sema.Program, ar *ariArith, body ast.Node) bool {
	if ar.op != "-" {
		return false
	}
	b := unparen(ar.b)
	if id, ok := b.(*ast.Identifier); ok {
		b = ariDefinitionOf(prog, body, id)
	}
	ta := ariText(ar.a)
	// a < b ? a : b
	if cond, ok := b.(*ast.Conditional); ok {
		if cmp, ok := unparen(cond.Cond).(*ast.BinaryOperation); ok && (ariIsComparison(cmp.Op) && cmp.Op != "==" && cmp.Op != "!=") {
			sides := map[string]bool{ariText(cmp.X): true, ariText(cmp.Y): true}
			if sides[ta] && sides[ariText(cond.Then)] && sides[ariText(cond.Else)] {
				lessFirst := (cmp.Op == "<" || cmp.Op == "<=") == (ariText(cmp.X) == ariText(cond.Then))
				return lessFirst
			}
		}
		return false
	}
	c, ok := b.(*ast.FunctionCall)
	if !ok || len(c.Args) != 2 {
		return false
	}
	name := ""
	switch fn := c.Fn.(type) {
	case *ast.Identifier:
		name = fn.Name
	case *ast.MemberAccess:
		name = fn.Member.Name
	}
	if name != "min" && name != "_min" {
		return false
	}
	return ariText(c.Args[0]) == ta || ariText(c.Args[1]) == ta
}

// ariSubtractsFraction recognises a - a * f / d with f <= d (a fee taken
// out of an amount): the fraction cannot exceed a.
func ariSubtractsFraction(prog *sema.Program, ar *ariArith, body ast.Node, dom []ariFact) bool {
	if ar.op != "-" {
		return false
	}
	b := unparen(ar.b)
	if id, ok := b.(*ast.Identifier); ok {
		b = ariDefinitionOf(prog, body, id)
	}
	div, ok := b.(*ast.BinaryOperation)
	if ok && div.Op == "%" && ariText(div.X) == ariText(ar.a) {
		return true // a - a % k: the remainder is never more than a
	}
	if ok && div.Op == "%" {
		// K - x % M with constants M <= K: an unsigned remainder is below M.
		k, okK := ariConstValue(prog, ar.a)
		m, okM := ariConstValue(prog, div.Y)
		if t := prog.TypeOf(div); okK && okM && m.Sign() > 0 && m.Cmp(k) <= 0 && t != nil && t.Kind == sema.Uint {
			return true
		}
	}
	if !ok || div.Op != "/" {
		return false
	}
	den, ok := ariConstValue(prog, div.Y)
	if !ok {
		return false
	}
	var x, f ast.Expr
	switch num := unparen(div.X).(type) {
	case *ast.BinaryOperation:
		if num.Op != "*" {
			return false
		}
		x, f = num.X, num.Y
	case *ast.FunctionCall:
		m, ok := num.Fn.(*ast.MemberAccess)
		if !ok || m.Member.Name != "mul" || len(num.Args) != 1 {
			return false
		}
		x, f = m.X, num.Args[0]
	default:
		return false
	}
	ta := ariText(ar.a)
	if ariText(x) != ta {
		if ariText(f) != ta {
			return false
		}
		x, f = f, x
	}
	// The bound on f may be checked anywhere before (require(fee <= 100)).
	bound, ok := ariUpperBound(prog, f, ariRelations(prog, append(dom, ariAllChecks(prog, body)...)))
	return ok && bound.Cmp(den) <= 0
}

// ariDefinitionOf returns the initial value of a local declared once in
// body and never reassigned, or nil.
func ariDefinitionOf(prog *sema.Program, body ast.Node, id *ast.Identifier) ast.Expr {
	v, ok := prog.Ref(id).(*ast.VariableDeclaration)
	if !ok || v.IsStateVar {
		return nil
	}
	var def ast.Expr
	assigned := false
	inspectBody(prog, body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.VariableDeclarationStatement:
			if len(x.Decls) == 1 && x.Decls[0] == v {
				def = x.Value
			}
		case *ast.Assignment:
			if t, ok := unparen(x.LHS).(*ast.Identifier); ok && prog.Ref(t) == sema.Symbol(v) {
				assigned = true
			}
		}
		return true
	})
	if assigned || def == nil {
		return nil
	}
	return unparen(def)
}

// ariResultUse classifies where the result of the operation goes and
// derives the severity: stored, paid or compared results are high; a
// result that is discarded, or computed in a view call, is low.
func ariResultUse(prog *sema.Program, wk *Walker, parents map[ast.Node]ast.Node, n ast.Node, entry *sema.Function) (Severity, Confidence, string) {
	low := func(s string) (Severity, Confidence, string) { return Low, ConfidenceLow, s }
	if entry.IsView() {
		return low("is only returned by a view function")
	}
	localUse := func(v *ast.VariableDeclaration, body ast.Node) (Severity, Confidence, string) {
		if v == nil {
			return High, ConfidenceMedium, "is used"
		}
		if v.IsStateVar {
			return High, ConfidenceMedium, "is written to storage"
		}
		if len(ariVarRefs(prog, body, parents, v)) == 0 {
			return low("is discarded (stored in the unused local `" + v.Name.Name + "`)")
		}
		return High, ConfidenceMedium, "flows into `" + v.Name.Name + "`, which is used later"
	}
	root := n
	for parents[root] != nil {
		root = parents[root]
	}
	targetOf := func(lhs ast.Expr) (Severity, Confidence, string) {
		if wk.StateVarOf(lhs) != nil {
			return High, ConfidenceMedium, "is written to storage (" + ariShort(lhs) + ")"
		}
		if id, ok := unparen(lhs).(*ast.Identifier); ok {
			v, _ := prog.Ref(id).(*ast.VariableDeclaration)
			return localUse(v, root)
		}
		return High, ConfidenceMedium, "is stored in " + ariShort(lhs)
	}
	switch x := n.(type) {
	case *ast.Assignment:
		return targetOf(x.LHS)
	case *ast.UnaryOperation:
		return targetOf(x.X)
	}
	cur := n
	for {
		par := parents[cur]
		switch x := par.(type) {
		case nil:
			return High, ConfidenceMedium, "is used"
		case *ast.TupleExpression, *ast.BinaryOperation, *ast.UnaryOperation:
			if b, ok := par.(*ast.BinaryOperation); ok && (ariIsComparison(b.Op) || b.Op == "&&" || b.Op == "||") {
				return High, ConfidenceMedium, "decides the comparison `" + ariShort(b) + "`"
			}
		case *ast.Conditional:
			if x.Cond == cur {
				return High, ConfidenceMedium, "decides a condition"
			}
		case *ast.Assignment:
			if x.RHS == cur {
				return targetOf(x.LHS)
			}
			return High, ConfidenceMedium, "is used as a storage location"
		case *ast.VariableDeclarationStatement:
			if len(x.Decls) == 1 {
				return localUse(x.Decls[0], root)
			}
			return High, ConfidenceMedium, "is used"
		case *ast.FunctionCall:
			if x.Fn == cur {
				return High, ConfidenceMedium, "is used"
			}
			call := prog.CallOf(x)
			if call == nil {
				return High, ConfidenceMedium, "is passed to a call"
			}
			switch call.Kind {
			case sema.CallConversion:
				cur = par
				continue
			case sema.CallEvent:
				return low("is only logged")
			case sema.CallBuiltin:
				if call.Builtin == "require" || call.Builtin == "assert" {
					return High, ConfidenceMedium, "decides a require/assert"
				}
				return High, ConfidenceMedium, "is passed to " + call.Builtin
			case sema.CallSend, sema.CallTransfer, sema.CallLowLevel, sema.CallExternal:
				return High, ConfidenceMedium, "is used as an amount in `" + ariShort(x) + "`"
			}
			return High, ConfidenceMedium, "is passed to " + call.Name + "()"
		case *ast.FunctionCallOptions:
			return High, ConfidenceMedium, "is sent as value"
		case *ast.IfStatement, *ast.WhileStatement, *ast.ForStatement, *ast.DoWhileStatement:
			return High, ConfidenceMedium, "decides a condition"
		case *ast.ReturnStatement:
			return High, ConfidenceMedium, "is returned"
		case *ast.IndexAccess:
			if x.Index == cur {
				return High, ConfidenceMedium, "is used as an index"
			}
		case *ast.EmitStatement:
			return low("is only logged")
		case *ast.ExpressionStatement:
			return low("is discarded")
		case ast.Stmt:
			return High, ConfidenceMedium, "is used"
		}
		cur = par
	}
}

// ariCertainUnderflow recognises a difference that wraps on every run:
// the minuend is a local still holding its constant initial value (or the
// zero of a declaration without one) and the subtrahend is a larger
// constant — `uint8 x = 0; x = x - 10;`. It returns the explanation, or ""
// when the underflow is not certain.
func ariCertainUnderflow(prog *sema.Program, body ast.Node, ar *ariArith) string {
	bv, ok := ariConstValue(prog, ar.b)
	if !ok || bv.Sign() <= 0 {
		return ""
	}
	id, ok := unparen(ar.a).(*ast.Identifier)
	if !ok {
		return ""
	}
	v, ok := prog.Ref(id).(*ast.VariableDeclaration)
	if !ok || v.IsStateVar || body == nil {
		return ""
	}
	t := prog.DeclType(v)
	if t.Kind != sema.Uint {
		return ""
	}
	at := ar.node.Span().Start.Offset
	var decl *ast.VariableDeclarationStatement
	changed := false
	inspectBody(prog, body, func(n ast.Node) bool {
		if changed {
			return false
		}
		var target ast.Expr
		switch x := n.(type) {
		case *ast.VariableDeclarationStatement:
			if len(x.Decls) == 1 && x.Decls[0] == v {
				decl = x
			}
		case *ast.Assignment:
			target = x.LHS
		case *ast.UnaryOperation:
			if x.Op == "++" || x.Op == "--" || x.Op == "delete" {
				target = x.X
			}
		}
		if target != nil && n != ar.node && !reentWithin(ar.node.Span(), n.Span()) {
			if tid, ok := unparen(target).(*ast.Identifier); ok && prog.Ref(tid) == sema.Symbol(v) {
				if off := n.Span().Start.Offset; decl == nil || off < at {
					changed = true
				}
			}
		}
		return true
	})
	if changed || decl == nil || decl.Span().Start.Offset > at {
		return ""
	}
	av := new(big.Int)
	if decl.Value != nil {
		c, ok := ariConstValue(prog, decl.Value)
		if !ok {
			return ""
		}
		av = c
	}
	if av.Cmp(bv) >= 0 {
		return ""
	}
	return "`" + v.Name.Name + "` still holds " + av.String() + " here and " + bv.String() + " is subtracted"
}

// ariFitsByWidth reports a sum or product of unsigned operands too narrow
// to leave the result's type: a uint224 price times a uint32 time fits in
// 256 bits, whatever the values.
func ariFitsByWidth(prog *sema.Program, ar *ariArith) bool {
	if ar.op != "+" && ar.op != "*" {
		return false
	}
	t := prog.TypeOf(ariExprOf(ar.node))
	if a, ok := ar.node.(*ast.Assignment); ok {
		t = prog.TypeOf(a.LHS)
	}
	if t == nil || t.Kind != sema.Uint || t.Bits <= 0 {
		return false
	}
	wa, wb := ariUnsignedWidth(prog, ar.a), ariUnsignedWidth(prog, ar.b)
	if wa == 0 || wb == 0 {
		return false
	}
	if ar.op == "*" {
		return wa+wb <= t.Bits
	}
	return max(wa, wb)+1 <= t.Bits
}

// ariUnsignedWidth returns how many bits an unsigned expression's value can
// take: the narrowest type it passes through (uint(x._x) of a uint224 is
// 224 bits), or a literal's length; 0 when unknown or signed.
func ariUnsignedWidth(prog *sema.Program, e ast.Expr) int {
	width := 0
	narrow := func(t *sema.Type) bool {
		if t == nil || t.Kind != sema.Uint || t.Bits <= 0 {
			return false
		}
		if width == 0 || t.Bits < width {
			width = t.Bits
		}
		return true
	}
	for {
		e = unparen(e)
		if v, ok := ariConstValue(prog, e); ok {
			if v.Sign() < 0 {
				return 0
			}
			if l := v.BitLen(); width == 0 || l < width {
				width = max(l, 1)
			}
			return width
		}
		if !narrow(prog.TypeOf(e)) {
			return 0
		}
		c, ok := e.(*ast.FunctionCall)
		if !ok || len(c.Args) != 1 {
			return width
		}
		if _, conv := c.Fn.(*ast.ElementaryTypeExpression); !conv {
			return width
		}
		e = c.Args[0]
	}
}

// ariClock knows the program's block values and the stamps it records
// from them, built on first use.
type ariClock struct {
	p        *Pass
	owners   *ariOwners
	built    bool
	blk      *ariDeriv                         // the current block's time or number
	stamps   map[*ast.VariableDeclaration]bool // variables and fields recorded from them
	truncate *ariDeriv                         // the current time truncated to fewer bits (uint32(block.timestamp % 2**32))
}

func (c *ariClock) build() {
	if c.built {
		return
	}
	c.built = true
	prog := c.p.Program
	c.blk = &ariDeriv{prog: prog, src: func(n ast.Node) bool {
		v := ariBlockValue(prog, n)
		return v == "now" || v == "block.timestamp" || v == "block.number"
	}, getters: true}
	c.blk.init()
	c.stamps, _ = blockStampSet(c.p, c.blk)
	// block.timestamp % 2**32: what a getter returning uint32 of it
	// returns once its conversion is stripped.
	modTime := func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return false
		}
		m, ok := ariStripConversions(prog, e).(*ast.BinaryOperation)
		if !ok || m.Op != "%" || !isBlockValue(prog, c.blk, m.X) {
			return false
		}
		v, ok := ariConstValue(prog, m.Y)
		return ok && v.BitLen() > 1 && v.BitLen() <= 256 && new(big.Int).And(v, new(big.Int).Sub(v, big.NewInt(1))).Sign() == 0
	}
	c.truncate = &ariDeriv{prog: prog, src: func(n ast.Node) bool {
		if modTime(n) {
			return true
		}
		conv, ok := n.(*ast.FunctionCall)
		if !ok || len(conv.Args) != 1 {
			return false
		}
		if _, ok := conv.Fn.(*ast.ElementaryTypeExpression); !ok {
			return false
		}
		t := prog.TypeOf(conv)
		if t == nil || t.Kind != sema.Uint || t.Bits <= 0 || t.Bits >= 256 {
			return false
		}
		return isBlockValue(prog, c.blk, conv.Args[0]) || modTime(conv.Args[0])
	}, getters: true}
	c.truncate.init()
}

// elapsed reports the time that passed since a recorded stamp: now - then
// cannot underflow, because block time and number only grow; and when
// both are truncated to fewer bits (uint32 timestamps), the wrap of the
// difference is the intended modular arithmetic (Uniswap's oracles).
func (c *ariClock) elapsed(ar *ariArith) bool {
	if ar.op != "-" {
		return false
	}
	if _, ok := ar.node.(*ast.BinaryOperation); !ok {
		return false
	}
	prog := c.p.Program
	c.build()
	if isBlockValue(prog, c.blk, ar.a) && c.isStamp(ar.b, 2) {
		return true
	}
	t := prog.TypeOf(ariExprOf(ar.node))
	return t != nil && t.Kind == sema.Uint && t.Bits < 256 && c.truncate.Derived(ar.a)
}

// isStamp reports a recorded stamp itself (converted, or copied into a
// local): not arithmetic on one, since a deadline computed from a stamp
// may lie in the future.
func (c *ariClock) isStamp(e ast.Expr, depth int) bool {
	prog := c.p.Program
	e = ariStripConversions(prog, e)
	v := stampVar(prog, e)
	if v == nil {
		return false
	}
	if c.stamps[v] {
		return true
	}
	if v.IsStateVar || depth == 0 {
		return false
	}
	// A local: every definition in its function is a stamp.
	defs := 0
	ok := true
	body := c.owners.Of(v).Body
	if body == nil {
		return false
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.VariableDeclarationStatement:
			for _, d := range x.Decls {
				if d == v {
					defs++
					ok = ok && len(x.Decls) == 1 && x.Value != nil && c.isStamp(x.Value, depth-1)
				}
			}
		case *ast.Assignment:
			if stampVar(prog, x.LHS) == v {
				defs++
				ok = ok && x.Op == "=" && c.isStamp(x.RHS, depth-1)
			}
		}
		return true
	})
	return defs > 0 && ok
}
