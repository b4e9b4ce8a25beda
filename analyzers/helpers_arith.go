package analyzers

// Shared helpers of the arithmetic, unchecked-result, randomness and
// correctness detectors (integer-overflow, unchecked-*, unused-return,
// weak-prng, timestamp, incorrect-equality, divide-before-multiply,
// tautology, …). Package-level names carry the prefix "ari" so they do not
// collide with other detector families in this package.

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// ---- pragmas -------------------------------------------------------------------

var ariComparatorRE = regexp.MustCompile(`(\^|~|>=|<=|>|<|=)?\s*v?(\d+)(?:\.(\d+|\*|x|X))?(?:\.(\d+|\*|x|X))?`)

// ariVersion is major, minor, patch.
type ariVersion [3]int

func (a ariVersion) less(b ariVersion) bool {
	for i := 0; i < 3; i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// ariPragmaAllowsBelow reports whether the solidity pragma of unit u admits
// a compiler older than major.minor.0. A file without a version pragma
// admits every compiler.
func ariPragmaAllowsBelow(u *ast.SourceUnit, major, minor int) bool {
	if u == nil {
		return false
	}
	limit := ariVersion{major, minor, 0}
	for _, pr := range u.Pragmas {
		if pr.Name == "solidity" && !ariRangeAllowsBelow(pr.Value, limit) {
			return false // every pragma must hold
		}
	}
	return true
}

// ariRangeAllowsBelow reports whether some alternative of a version range
// has a lower bound under limit.
func ariRangeAllowsBelow(rng string, limit ariVersion) bool {
	for _, alt := range strings.Split(rng, "||") {
		lower := ariVersion{0, 0, 0}
		for _, m := range ariComparatorRE.FindAllStringSubmatch(alt, -1) {
			op := m[1]
			v := ariVersion{}
			v[0], _ = strconv.Atoi(m[2])
			if n, err := strconv.Atoi(m[3]); err == nil {
				v[1] = n
			}
			if n, err := strconv.Atoi(m[4]); err == nil {
				v[2] = n
			}
			switch op {
			case "<", "<=":
				continue // an upper bound
			}
			if lower.less(v) {
				lower = v
			}
		}
		if lower.less(limit) {
			return true
		}
	}
	return false
}

// ---- enclosing declarations ----------------------------------------------------------

// ariOwner is the declaration a node is written in.
type ariOwner struct {
	Fn       *ast.FunctionDefinition // nil in modifiers and state variable initialisers
	Mod      *ast.ModifierDefinition
	Contract *ast.ContractDefinition
	Body     ast.Node // the function or modifier body (or the initialiser)
}

// ariOwners finds the declaration enclosing a node by position.
type ariOwners struct {
	prog  *sema.Program
	units map[*source.File]*sema.Unit
}

func newAriOwners(prog *sema.Program) *ariOwners {
	o := &ariOwners{prog: prog, units: map[*source.File]*sema.Unit{}}
	for _, u := range prog.Units {
		if u.AST != nil {
			o.units[u.AST.File] = u
		}
	}
	return o
}

func ariSpanWithin(inner, outer source.Span) bool {
	return inner.File == outer.File && outer.Start.Offset <= inner.Start.Offset && inner.End.Offset <= outer.End.Offset
}

// Of returns the declaration that encloses n.
func (o *ariOwners) Of(n ast.Node) ariOwner {
	sp := n.Span()
	u := o.units[sp.File]
	if u == nil {
		return ariOwner{}
	}
	for _, top := range u.AST.Nodes {
		if !ariSpanWithin(sp, top.Span()) {
			continue
		}
		switch x := top.(type) {
		case *ast.FunctionDefinition:
			return ariOwner{Fn: x, Body: x.Body}
		case *ast.ContractDefinition:
			for _, m := range x.Nodes {
				if !ariSpanWithin(sp, m.Span()) {
					continue
				}
				switch d := m.(type) {
				case *ast.FunctionDefinition:
					return ariOwner{Fn: d, Contract: x, Body: d.Body}
				case *ast.ModifierDefinition:
					return ariOwner{Mod: d, Contract: x, Body: d.Body}
				case *ast.VariableDeclaration:
					return ariOwner{Contract: x, Body: d.Value}
				}
				return ariOwner{Contract: x}
			}
			return ariOwner{Contract: x}
		}
	}
	return ariOwner{}
}

// InScope reports whether n is in an in-scope file.
func (o *ariOwners) InScope(n ast.Node) bool {
	u := o.units[n.Span().File]
	return u != nil && u.InScope
}

// Unit returns the syntax tree of the file holding n.
func (o *ariOwners) Unit(n ast.Node) *ast.SourceUnit {
	if u := o.units[n.Span().File]; u != nil {
		return u.AST
	}
	return nil
}

// ariFuncLabel renders "Contract.f(uint256)" for messages.
func ariFuncLabel(ow ariOwner) string {
	name := ""
	switch {
	case ow.Fn != nil:
		name = FunctionSignature(ow.Fn)
	case ow.Mod != nil:
		name = "modifier " + ow.Mod.Name.Name
	}
	if ow.Contract != nil {
		if name == "" {
			return ow.Contract.Name.Name
		}
		return ow.Contract.Name.Name + "." + name
	}
	return name
}

// ---- tree shape -------------------------------------------------------------------------

// ariText is the source text of an expression without parentheses around
// it and without whitespace, for comparing expressions.
func ariText(e ast.Expr) string {
	if e == nil {
		return ""
	}
	e = unparen(e)
	return normaliseCode(e.Span().Text())
}

// ariShort abbreviates code for messages.
func ariShort(n ast.Node) string {
	s := strings.Join(strings.Fields(n.Span().Text()), " ")
	if len(s) > 80 {
		s = s[:77] + "…"
	}
	return s
}

// ariStripConversions removes value-preserving wrappers: uint256(x), int(x).
func ariStripConversions(prog *sema.Program, e ast.Expr) ast.Expr {
	for {
		e = unparen(e)
		c, ok := e.(*ast.FunctionCall)
		if !ok || len(c.Args) != 1 {
			return e
		}
		if _, ok := c.Fn.(*ast.ElementaryTypeExpression); !ok {
			return e
		}
		e = c.Args[0]
	}
}

// ariIsTerminating reports statements after which the path ends: throw,
// revert, return, require(false), or a block ending in one.
func ariIsTerminating(prog *sema.Program, s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.ThrowStatement, *ast.RevertStatement, *ast.ReturnStatement:
		return true
	case *ast.Block:
		if len(x.Stmts) == 0 {
			return false
		}
		return ariIsTerminating(prog, x.Stmts[len(x.Stmts)-1])
	case *ast.ExpressionStatement:
		if c, ok := unparen(x.X).(*ast.FunctionCall); ok {
			if IsBuiltinCall(prog, c, "revert", "selfdestruct", "suicide") {
				return true
			}
			if IsBuiltinCall(prog, c, "require", "assert") && len(c.Args) > 0 && isFalse(c.Args[0]) {
				return true
			}
		}
	}
	return false
}

// ---- constants -----------------------------------------------------------------------------

var ariUnits = map[string]*big.Int{
	"wei": big.NewInt(1), "gwei": big.NewInt(1e9), "szabo": big.NewInt(1e12), "finney": big.NewInt(1e15),
	"ether": big.NewInt(1e18), "seconds": big.NewInt(1), "minutes": big.NewInt(60), "hours": big.NewInt(3600),
	"days": big.NewInt(86400), "weeks": big.NewInt(604800), "years": big.NewInt(31536000),
}

// ariLiteralValue is the value of a number literal, units applied.
func ariLiteralValue(l *ast.Literal) (*big.Int, bool) {
	if l == nil || l.Kind != ast.NumberLiteral {
		return nil, false
	}
	s := strings.ReplaceAll(l.Value, "_", "")
	var v *big.Int
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		n, ok := new(big.Int).SetString(s[2:], 16)
		if !ok {
			return nil, false
		}
		v = n
	} else {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			return nil, false
		}
		if u, ok := ariUnits[l.Unit]; ok {
			r.Mul(r, new(big.Rat).SetInt(u))
		}
		if !r.IsInt() {
			return nil, false
		}
		return new(big.Int).Set(r.Num()), true
	}
	if u, ok := ariUnits[l.Unit]; ok {
		v.Mul(v, u)
	}
	return v, true
}

// ariConstValue folds a constant integer expression: literals, constant
// state variables, type(T).max/min, conversions and arithmetic on them.
func ariConstValue(prog *sema.Program, e ast.Expr) (*big.Int, bool) {
	return ariConstValueDepth(prog, e, 0)
}

func ariConstValueDepth(prog *sema.Program, e ast.Expr, depth int) (*big.Int, bool) {
	if e == nil || depth > 12 {
		return nil, false
	}
	switch x := unparen(e).(type) {
	case *ast.Literal:
		return ariLiteralValue(x)
	case *ast.Identifier:
		if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok && v.Constant && v.Value != nil {
			return ariConstValueDepth(prog, v.Value, depth+1)
		}
	case *ast.MemberAccess:
		if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok && v.Constant && v.Value != nil {
			return ariConstValueDepth(prog, v.Value, depth+1)
		}
		if mt, ok := unparen(x.X).(*ast.FunctionCall); ok && len(mt.Args) == 1 {
			if id, ok := mt.Fn.(*ast.Identifier); ok && id.Name == "type" {
				if et, ok := unparen(mt.Args[0]).(*ast.ElementaryTypeExpression); ok {
					lo, hi, ok := ariIntRange(prog.TypeOfName(nil, nil, et.Type))
					if ok && x.Member.Name == "max" {
						return hi, true
					}
					if ok && x.Member.Name == "min" {
						return lo, true
					}
				}
			}
		}
		if mt, ok := unparen(x.X).(*ast.MetaType); ok {
			lo, hi, ok := ariIntRange(prog.TypeOfName(nil, nil, mt.Type))
			if ok && x.Member.Name == "max" {
				return hi, true
			}
			if ok && x.Member.Name == "min" {
				return lo, true
			}
		}
	case *ast.FunctionCall:
		if et, ok := x.Fn.(*ast.ElementaryTypeExpression); ok && len(x.Args) == 1 {
			v, ok := ariConstValueDepth(prog, x.Args[0], depth+1)
			if !ok {
				return nil, false
			}
			// uint112(-1) wraps to the type's maximum.
			t := prog.TypeOfName(nil, nil, et.Type)
			if lo, hi, ok := ariIntRange(t); ok && (v.Cmp(lo) < 0 || v.Cmp(hi) > 0) {
				mod := new(big.Int).Lsh(big.NewInt(1), uint(t.Bits))
				v = new(big.Int).Mod(v, mod)
				if v.Cmp(hi) > 0 {
					v.Sub(v, mod)
				}
			}
			return v, true
		}
	case *ast.UnaryOperation:
		if x.Op == "-" {
			if v, ok := ariConstValueDepth(prog, x.X, depth+1); ok {
				return new(big.Int).Neg(v), true
			}
		}
	case *ast.BinaryOperation:
		a, ok := ariConstValueDepth(prog, x.X, depth+1)
		if !ok {
			return nil, false
		}
		b, ok := ariConstValueDepth(prog, x.Y, depth+1)
		if !ok {
			return nil, false
		}
		switch x.Op {
		case "+":
			return new(big.Int).Add(a, b), true
		case "-":
			return new(big.Int).Sub(a, b), true
		case "*":
			return new(big.Int).Mul(a, b), true
		case "/":
			if b.Sign() == 0 {
				return nil, false
			}
			return new(big.Int).Quo(a, b), true
		case "%":
			if b.Sign() == 0 {
				return nil, false
			}
			return new(big.Int).Rem(a, b), true
		case "**":
			if b.Sign() < 0 || b.BitLen() > 16 {
				return nil, false
			}
			return new(big.Int).Exp(a, b, nil), true
		case "<<":
			if b.Sign() < 0 || b.BitLen() > 16 {
				return nil, false
			}
			return new(big.Int).Lsh(a, uint(b.Int64())), true
		case ">>":
			if b.Sign() < 0 || b.BitLen() > 16 {
				return nil, false
			}
			return new(big.Int).Rsh(a, uint(b.Int64())), true
		}
	}
	return nil, false
}

// ariIsConst reports expressions whose value is fixed at compile time.
func ariIsConst(prog *sema.Program, e ast.Expr) bool {
	if _, ok := ariConstValue(prog, e); ok {
		return true
	}
	switch x := unparen(e).(type) {
	case *ast.Literal:
		return true
	case *ast.Identifier:
		v, ok := prog.Ref(x).(*ast.VariableDeclaration)
		return ok && (v.Constant || v.Immutable)
	case *ast.MemberAccess:
		v, ok := prog.Ref(x).(*ast.VariableDeclaration)
		return ok && (v.Constant || v.Immutable)
	}
	return false
}

// ariIntRange is the range of an integer type.
func ariIntRange(t *sema.Type) (lo, hi *big.Int, ok bool) {
	if t == nil || t.Bits <= 0 {
		return nil, nil, false
	}
	one := big.NewInt(1)
	switch t.Kind {
	case sema.Uint:
		hi = new(big.Int).Sub(new(big.Int).Lsh(one, uint(t.Bits)), one)
		return big.NewInt(0), hi, true
	case sema.Int:
		hi = new(big.Int).Sub(new(big.Int).Lsh(one, uint(t.Bits-1)), one)
		lo = new(big.Int).Neg(new(big.Int).Lsh(one, uint(t.Bits-1)))
		return lo, hi, true
	}
	return nil, nil, false
}

// ---- block values -----------------------------------------------------------------------------

// ariBlockValue names the block-level value e reads directly, or "".
// Timestamps: block.timestamp and now; the rest: block.number,
// block.difficulty, block.prevrandao, block.coinbase, block.gaslimit and
// blockhash(…) / block.blockhash(…).
func ariBlockValue(prog *sema.Program, n ast.Node) string {
	switch x := n.(type) {
	case *ast.Identifier:
		if x.Name == "now" && prog.Ref(x) == sema.Builtin("now") {
			return "now"
		}
	case *ast.MemberAccess:
		for _, m := range []string{"timestamp", "number", "difficulty", "prevrandao", "coinbase", "gaslimit"} {
			if IsMagic(x, "block", m) {
				return "block." + m
			}
		}
	case *ast.FunctionCall:
		if IsBuiltinCall(prog, x, "blockhash") {
			return "blockhash"
		}
		if m, ok := x.Fn.(*ast.MemberAccess); ok && m.Member.Name == "blockhash" && IsMagic(m, "block", "blockhash") {
			return "blockhash"
		}
	}
	return ""
}

// ariIsTimestamp reports block.timestamp and now.
func ariIsTimestamp(prog *sema.Program, n ast.Node) bool {
	v := ariBlockValue(prog, n)
	return v == "now" || v == "block.timestamp"
}

// ---- derived values -----------------------------------------------------------------------------

// ariDeriv answers "does this expression depend on a source?" for one kind
// of source (timestamps, balances, block values …): through local
// variables assigned from it, through internal functions returning it and,
// optionally, through state variables assigned from it anywhere. It is
// flow-insensitive and computed once over the whole program.
type ariDeriv struct {
	prog   *sema.Program
	src    func(ast.Node) bool
	vars   map[*ast.VariableDeclaration]ast.Node // derived variable → where it became derived
	funcs  map[*ast.FunctionDefinition]bool
	states bool
	// getters limits propagation through function returns to functions
	// that return the source itself (possibly converted): Time.timestamp(),
	// clock(), _blockTimestamp().
	getters bool
	// stop, if set, cuts the dependency at nodes it accepts (their
	// children are not looked at).
	stop func(ast.Node) bool
	// sums memoises summary while compute runs.
	sums map[ast.Node]*ariSum
}

func newAriDeriv(prog *sema.Program, src func(ast.Node) bool, states bool, stop func(ast.Node) bool) *ariDeriv {
	d := &ariDeriv{prog: prog, src: src, states: states, stop: stop}
	d.init()
	return d
}

// init computes the derived variables and functions of a configured
// ariDeriv.
func (d *ariDeriv) init() {
	d.vars = map[*ast.VariableDeclaration]ast.Node{}
	d.funcs = map[*ast.FunctionDefinition]bool{}
	d.compute()
}

// ariStripNot removes logical negations and parentheses.
func ariStripNot(e ast.Expr) ast.Expr {
	for {
		e = unparen(e)
		u, ok := e.(*ast.UnaryOperation)
		if !ok || u.Op != "!" {
			return e
		}
		e = u.X
	}
}

// Derived reports whether e depends on the source.
func (d *ariDeriv) Derived(e ast.Node) bool {
	return d.Witness(e) != nil
}

// DerivedBefore is Derived where a local variable only counts if it got
// its derived value before position `at` (a rough flow-sensitivity for
// straight-line code).
func (d *ariDeriv) DerivedBefore(e ast.Node, at ast.Node) bool {
	return d.witness(e, at) != nil
}

// Witness returns the node in e that makes it derived: a source, a
// derived variable or a call to a derived function.
func (d *ariDeriv) Witness(e ast.Node) ast.Node { return d.witness(e, nil) }

func (d *ariDeriv) witness(e ast.Node, at ast.Node) ast.Node {
	if e == nil {
		return nil
	}
	counts := func(v *ast.VariableDeclaration) bool {
		origin, ok := d.vars[v]
		if !ok {
			return false
		}
		if at == nil || v.IsStateVar || origin.Span().File != at.Span().File {
			return true
		}
		return origin.Span().Start.Offset < at.Span().Start.Offset
	}
	var found ast.Node
	ast.Inspect(e, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if d.stop != nil && n != e && d.stop(n) {
			return false
		}
		if d.src(n) {
			found = n
			return false
		}
		switch x := n.(type) {
		case *ast.Identifier:
			if v, ok := d.prog.Ref(x).(*ast.VariableDeclaration); ok && counts(v) {
				found = n
			}
		case *ast.MemberAccess:
			if v, ok := d.prog.Ref(x).(*ast.VariableDeclaration); ok && counts(v) {
				found = n
			}
		case *ast.FunctionCall:
			if call := d.prog.CallOf(x); call != nil && (call.Kind == sema.CallInternal || call.Kind == sema.CallLibrary) && call.Callee != nil && d.funcs[call.Callee] {
				found = n
			}
		case *ast.VariableDeclaration:
			return false
		}
		return found == nil
	})
	return found
}

// returnsDerived reports a returned value that makes the function a
// derived function.
func (d *ariDeriv) returnsDerived(e ast.Expr) bool {
	if !d.getters {
		return d.derivedNow(e)
	}
	e = ariStripConversions(d.prog, e)
	switch x := e.(type) {
	case *ast.Identifier, *ast.MemberAccess:
		return d.isOwnWitness(x)
	case *ast.FunctionCall:
		if d.isOwnWitness(x) {
			return true
		}
		// Single-argument helpers behave like conversions:
		// SafeCast.toUint48(block.timestamp).
		if call := d.prog.CallOf(x); call != nil && (call.Kind == sema.CallInternal || call.Kind == sema.CallLibrary) && len(call.Args()) == 1 {
			return d.returnsDerived(call.Args()[0])
		}
	}
	return d.src(e)
}

// Origin returns where a derived variable got its value.
func (d *ariDeriv) Origin(v *ast.VariableDeclaration) ast.Node { return d.vars[v] }

func (d *ariDeriv) mark(v *ast.VariableDeclaration, at ast.Node) bool {
	if v == nil {
		return false
	}
	if v.IsStateVar && (!d.states || v.Constant) {
		return false
	}
	if _, ok := d.vars[v]; ok {
		return false
	}
	d.vars[v] = at
	return true
}

func (d *ariDeriv) rootVar(e ast.Expr) *ast.VariableDeclaration {
	v, _ := d.prog.Ref(RootExpr(e)).(*ast.VariableDeclaration)
	return v
}

// ariSiteBody is one function or modifier body with the nodes that can
// make a variable or a function derived, in the order ast.Inspect meets
// them: declarations with a value, assignments and returns.
type ariSiteBody struct {
	fn    *ast.FunctionDefinition // nil for a modifier
	sites []ast.Node
}

// ariSiteList is the program's propagation sites, shared by every ariDeriv.
type ariSiteList struct {
	bodies []ariSiteBody
	inits  []*ast.VariableDeclaration
}

var ariSitesCache progCache[*ariSiteList]

// ariSites returns the propagation sites of prog, computed once per program.
func ariSites(prog *sema.Program) *ariSiteList {
	return ariSitesCache.get(prog, func() *ariSiteList { return buildAriSites(prog) })
}

func buildAriSites(prog *sema.Program) *ariSiteList {
	s := &ariSiteList{}
	add := func(fn *ast.FunctionDefinition, body ast.Node) {
		b := ariSiteBody{fn: fn}
		inspectBody(prog, body, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.VariableDeclarationStatement, *ast.Assignment, *ast.ReturnStatement:
				b.sites = append(b.sites, n)
			}
			return true
		})
		s.bodies = append(s.bodies, b)
	}
	for _, u := range prog.Units {
		if u.AST == nil {
			continue
		}
		for _, top := range u.AST.Nodes {
			switch x := top.(type) {
			case *ast.FunctionDefinition:
				if x.Body != nil {
					add(x, x.Body)
				}
			case *ast.ContractDefinition:
				for _, f := range x.Functions {
					if f.Body != nil {
						add(f, f.Body)
					}
				}
				for _, m := range x.Modifiers {
					if m.Body != nil {
						add(nil, m.Body)
					}
				}
				for _, v := range x.StateVars {
					if v.Value != nil {
						s.inits = append(s.inits, v)
					}
				}
			}
		}
	}
	return s
}

// ariSum is what can make an expression derived: a source inside it, or
// one of the variables it reads or the functions it calls becoming
// derived. It is the set of nodes Witness looks at, gathered once.
type ariSum struct {
	src   bool
	vars  []*ast.VariableDeclaration
	funcs []*ast.FunctionDefinition
}

// summary returns the ariSum of e, memoised: the fixpoint asks the same
// expressions again each round.
func (d *ariDeriv) summary(e ast.Node) *ariSum {
	if s, ok := d.sums[e]; ok {
		return s
	}
	s := &ariSum{}
	ast.Inspect(e, func(n ast.Node) bool {
		if s.src {
			return false
		}
		if d.stop != nil && n != e && d.stop(n) {
			return false
		}
		if d.src(n) {
			s.src = true
			return false
		}
		switch x := n.(type) {
		case *ast.Identifier:
			if v, ok := d.prog.Ref(x).(*ast.VariableDeclaration); ok {
				s.vars = append(s.vars, v)
			}
		case *ast.MemberAccess:
			if v, ok := d.prog.Ref(x).(*ast.VariableDeclaration); ok {
				s.vars = append(s.vars, v)
			}
		case *ast.FunctionCall:
			if call := d.prog.CallOf(x); call != nil && (call.Kind == sema.CallInternal || call.Kind == sema.CallLibrary) && call.Callee != nil {
				s.funcs = append(s.funcs, call.Callee)
			}
		case *ast.VariableDeclaration:
			return false
		}
		return true
	})
	if s.src {
		s.vars, s.funcs = nil, nil
	}
	d.sums[e] = s
	return s
}

// derivedNow is Derived(e) from e's summary and what is derived so far.
func (d *ariDeriv) derivedNow(e ast.Node) bool {
	if e == nil {
		return false
	}
	s := d.summary(e)
	if s.src {
		return true
	}
	for _, v := range s.vars {
		if _, ok := d.vars[v]; ok {
			return true
		}
	}
	for _, f := range s.funcs {
		if d.funcs[f] {
			return true
		}
	}
	return false
}

// isOwnWitness is Witness(x) == x: x is a source, a derived variable or a
// call of a derived function itself.
func (d *ariDeriv) isOwnWitness(x ast.Node) bool {
	if d.src(x) {
		return true
	}
	switch y := x.(type) {
	case *ast.Identifier:
		v, ok := d.prog.Ref(y).(*ast.VariableDeclaration)
		if ok {
			_, ok = d.vars[v]
		}
		return ok
	case *ast.MemberAccess:
		v, ok := d.prog.Ref(y).(*ast.VariableDeclaration)
		if ok {
			_, ok = d.vars[v]
		}
		return ok
	case *ast.FunctionCall:
		call := d.prog.CallOf(y)
		return call != nil && (call.Kind == sema.CallInternal || call.Kind == sema.CallLibrary) && call.Callee != nil && d.funcs[call.Callee]
	}
	return false
}

func (d *ariDeriv) compute() {
	all := ariSites(d.prog)
	d.sums = map[ast.Node]*ariSum{}
	defer func() { d.sums = nil }()
	for changed, rounds := true, 0; changed && rounds < 8; rounds++ {
		changed = false
		for _, v := range all.inits {
			if d.derivedNow(v.Value) && d.mark(v, v.Value) {
				changed = true
			}
		}
		for _, b := range all.bodies {
			for _, n := range b.sites {
				switch x := n.(type) {
				case *ast.VariableDeclarationStatement:
					if x.Value != nil && d.derivedNow(x.Value) {
						for _, dcl := range x.Decls {
							if d.mark(dcl, x) {
								changed = true
							}
						}
					}
				case *ast.Assignment:
					if d.derivedNow(x.RHS) {
						if t, ok := unparen(x.LHS).(*ast.TupleExpression); ok {
							for _, el := range t.Elems {
								if el != nil && d.mark(d.rootVar(el), x) {
									changed = true
								}
							}
						} else if d.mark(d.rootVar(x.LHS), x) {
							changed = true
						}
					}
				case *ast.ReturnStatement:
					if b.fn != nil && x.Value != nil && !d.funcs[b.fn] && d.returnsDerived(x.Value) {
						d.funcs[b.fn] = true
						changed = true
					}
				}
			}
			if b.fn != nil && !d.funcs[b.fn] && !d.getters {
				for _, r := range b.fn.Returns {
					if _, ok := d.vars[r]; ok {
						d.funcs[b.fn] = true
						changed = true
						break
					}
				}
			}
		}
	}
}

// ---- conditions ------------------------------------------------------------------------------------

// ariConditionRoots calls fn for every expression that decides control
// flow in body: require/assert arguments, if/while/for/do conditions and
// the conditions of ?: expressions.
func ariConditionRoots(prog *sema.Program, body ast.Node, fn func(cond ast.Expr, holder ast.Node)) {
	inspectBody(prog, body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.IfStatement:
			fn(x.Cond, x)
		case *ast.WhileStatement:
			fn(x.Cond, x)
		case *ast.DoWhileStatement:
			fn(x.Cond, x)
		case *ast.ForStatement:
			if x.Cond != nil {
				fn(x.Cond, x)
			}
		case *ast.Conditional:
			fn(x.Cond, x)
		case *ast.FunctionCall:
			if cond := ariRequiredArg(prog, x); cond != nil {
				fn(cond, x)
			}
		}
		return true
	})
}

// ariIsComparison reports the relational operators.
func ariIsComparison(op string) bool {
	switch op {
	case "<", ">", "<=", ">=", "==", "!=":
		return true
	}
	return false
}
