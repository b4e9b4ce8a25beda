package analyzers

import (
	"regexp"
	"strings"
	"sync"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Helpers shared by the access-control, value-flow, signature and oracle
// detectors: which contracts to analyse, which state variables
// authorisation trusts, which initializers are one-time, where a node is
// declared, and small expression predicates.

// ---- contexts --------------------------------------------------------------------

// axsAccessRoots returns the in-scope contracts to analyse as deployed code:
// contracts (abstract or not) that no other in-scope contract inherits.
// A base contract is analysed through its derived contracts, so dispatch,
// modifiers and overrides are those of the code that is deployed, and a
// base statement is seen once per derived context (detectors dedupe by
// node).
func axsAccessRoots(p *Pass) []*sema.Contract {
	in := p.Contracts()
	inherited := map[*sema.Contract]bool{}
	for _, c := range in {
		for _, l := range c.Linearization[1:] {
			inherited[l] = true
		}
	}
	var out []*sema.Contract
	for _, c := range in {
		if c.IsInterface() || c.IsLibrary() || inherited[c] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// ---- where a node is declared -----------------------------------------------------

type axsDeclSpan struct {
	start, end int
	fn         *ast.FunctionDefinition
	mod        *ast.ModifierDefinition
	contract   *ast.ContractDefinition
}

var axsEnclosingCache struct {
	sync.Mutex
	prog   *sema.Program
	byFile map[string][]axsDeclSpan
}

// axsEnclosingDecl returns the function (or modifier) and contract whose body
// holds n, for the location of a finding.
func axsEnclosingDecl(prog *sema.Program, n ast.Node) (*ast.FunctionDefinition, *ast.ContractDefinition) {
	sp := n.Span()
	if sp.File == nil {
		return nil, nil
	}
	axsEnclosingCache.Lock()
	if axsEnclosingCache.prog != prog {
		axsEnclosingCache.prog = prog
		axsEnclosingCache.byFile = map[string][]axsDeclSpan{}
		for _, c := range prog.Contracts {
			for _, f := range c.Def.Functions {
				s := f.Span()
				if s.File != nil {
					axsEnclosingCache.byFile[s.File.Path] = append(axsEnclosingCache.byFile[s.File.Path],
						axsDeclSpan{start: s.Start.Offset, end: s.End.Offset, fn: f, contract: c.Def})
				}
			}
			for _, m := range c.Def.Modifiers {
				s := m.Span()
				if s.File != nil {
					axsEnclosingCache.byFile[s.File.Path] = append(axsEnclosingCache.byFile[s.File.Path],
						axsDeclSpan{start: s.Start.Offset, end: s.End.Offset, mod: m, contract: c.Def})
				}
			}
		}
		for _, u := range prog.Units {
			for _, x := range u.AST.Nodes {
				if f, ok := x.(*ast.FunctionDefinition); ok {
					s := f.Span()
					if s.File != nil {
						axsEnclosingCache.byFile[s.File.Path] = append(axsEnclosingCache.byFile[s.File.Path],
							axsDeclSpan{start: s.Start.Offset, end: s.End.Offset, fn: f})
					}
				}
			}
		}
	}
	spans := axsEnclosingCache.byFile[sp.File.Path]
	axsEnclosingCache.Unlock()
	var best *axsDeclSpan
	for i := range spans {
		d := &spans[i]
		if d.start <= sp.Start.Offset && sp.End.Offset <= d.end {
			if best == nil || d.end-d.start < best.end-best.start {
				best = d
			}
		}
	}
	if best == nil {
		for _, c := range prog.Contracts {
			s := c.Def.Span()
			if s.File != nil && s.File.Path == sp.File.Path && s.Start.Offset <= sp.Start.Offset && sp.End.Offset <= s.End.Offset {
				return nil, c.Def
			}
		}
		return nil, nil
	}
	return best.fn, best.contract
}

// axsReportAt reports a finding at n with the enclosing declarations as its
// location's contract and function.
func axsReportAt(p *Pass, at ast.Node, msg string, related ...RelatedNode) {
	fn, cd := axsEnclosingDecl(p.Program, at)
	p.Report(Report{At: at, Function: fn, Contract: cd, Message: msg, Related: related})
}

// ---- naming ----------------------------------------------------------------------------

// axsQualified renders Contract.f(uint256) for messages.
func axsQualified(c *sema.Contract, f *sema.Function) string {
	if f == nil {
		return c.Name()
	}
	if c == nil {
		return FunctionSignature(f.Def)
	}
	return c.Name() + "." + FunctionSignature(f.Def)
}

// axsCode renders an expression compactly for messages: whitespace collapsed,
// long text shortened.
func axsCode(n ast.Node) string {
	if n == nil {
		return ""
	}
	s := strings.Join(strings.Fields(n.Span().Text()), " ")
	if len(s) > 72 {
		s = s[:69] + "…"
	}
	return s
}

// ---- small predicates ------------------------------------------------------------------

// axsSenderish is msg.sender, _msgSender(), tx.origin, or what the walker
// knows to hold the caller.
func axsSenderish(wk *Walker, e ast.Expr) bool {
	if wk != nil && wk.IsSender(e) {
		return true
	}
	return IsSender(e) || IsMagic(e, "tx", "origin")
}

// axsIsThis reports `this` and address(this).
func axsIsThis(e ast.Expr) bool {
	e = unparen(e)
	if c, ok := e.(*ast.FunctionCall); ok && len(c.Args) == 1 {
		if _, ok := c.Fn.(*ast.ElementaryTypeExpression); ok {
			return axsIsThis(c.Args[0])
		}
	}
	id, ok := e.(*ast.Identifier)
	return ok && id.Name == "this"
}

// axsIsZero reports 0, 0x0, address(0), address(0x0), false.
func axsIsZero(e ast.Expr) bool {
	e = unparen(e)
	if c, ok := e.(*ast.FunctionCall); ok && len(c.Args) == 1 {
		if _, ok := c.Fn.(*ast.ElementaryTypeExpression); ok {
			return axsIsZero(c.Args[0])
		}
	}
	l, ok := e.(*ast.Literal)
	if !ok {
		return false
	}
	switch l.Kind {
	case ast.NumberLiteral:
		v := strings.TrimPrefix(strings.TrimPrefix(l.Value, "0x"), "0X")
		return strings.Trim(v, "0") == ""
	case ast.BoolLiteral:
		return l.Value == "false"
	}
	return false
}

// axsStripConv removes address(x), payable(x), uint160(x) and contract
// conversions: what was converted.
func axsStripConv(prog *sema.Program, e ast.Expr) ast.Expr {
	for {
		e = unparen(e)
		c, ok := e.(*ast.FunctionCall)
		if !ok || len(c.Args) != 1 {
			return e
		}
		if call := prog.CallOf(c); call != nil && call.Kind == sema.CallConversion {
			e = c.Args[0]
			continue
		}
		if _, ok := c.Fn.(*ast.ElementaryTypeExpression); ok {
			e = c.Args[0]
			continue
		}
		return e
	}
}

// axsDeclOf returns the variable an identifier (possibly converted) names.
func axsDeclOf(prog *sema.Program, e ast.Expr) *ast.VariableDeclaration {
	e = axsStripConv(prog, e)
	switch x := e.(type) {
	case *ast.Identifier, *ast.MemberAccess:
		v, _ := prog.Ref(x).(*ast.VariableDeclaration)
		return v
	}
	return nil
}

// axsStateRoot returns the state variable an expression reads: x, x[i], x.f,
// or the state variable a getter returns (owner() with `return _owner;`).
func axsStateRoot(prog *sema.Program, c *sema.Contract, e ast.Expr) *ast.VariableDeclaration {
	e = axsStripConv(prog, e)
	if call, ok := e.(*ast.FunctionCall); ok {
		cl := prog.CallOf(call)
		if cl == nil {
			return nil
		}
		var fn *sema.Function
		switch cl.Kind {
		case sema.CallInternal:
			fn = axsDispatch(prog, c, cl)
		case sema.CallExternal:
			if axsIsThis(cl.Receiver) && c != nil {
				if o, ok := c.Member(cl.Name).(*ast.VariableDeclaration); ok && o.IsStateVar {
					return o // this.owner() on a public state variable
				}
				fn = axsDispatch(prog, c, cl)
			}
		}
		if fn == nil || fn.Def.Body == nil || len(fn.Def.Body.Stmts) != 1 {
			return nil
		}
		if r, ok := fn.Def.Body.Stmts[0].(*ast.ReturnStatement); ok && r.Value != nil {
			if _, isCall := axsStripConv(prog, r.Value).(*ast.FunctionCall); isCall {
				return nil
			}
			return axsStateRoot(prog, c, r.Value)
		}
		return nil
	}
	root := RootExpr(e)
	v, ok := prog.Ref(root).(*ast.VariableDeclaration)
	if !ok || !v.IsStateVar {
		if m, ok := root.(*ast.MemberAccess); ok {
			return axsStateRoot(prog, c, m.X)
		}
		return nil
	}
	return v
}

var axsPrivilegedName = regexp.MustCompile(`(?i)(owner|admin|gov|operator|minter|manager|controller|guardian|authori|auth|role|keeper|creator|master|ceo|cfo|coo|executor|signer|moderator|pauser|superuser|root|boss|dev|whitelist|allowlist|trusted)`)

// axsLooksPrivileged reports names of privileged state: owner, admins, …
func axsLooksPrivileged(name string) bool { return axsPrivilegedName.MatchString(name) }

// axsBodies returns the function and modifier bodies of c's linearisation,
// each once, with the function they belong to (nil for modifiers).
type axsBody struct {
	body     *ast.Block
	fn       *ast.FunctionDefinition
	mod      *ast.ModifierDefinition
	contract *sema.Contract
}

func axsBodies(c *sema.Contract) []axsBody {
	var out []axsBody
	for _, l := range c.Linearization {
		for _, f := range l.Def.Functions {
			if f.Body != nil {
				out = append(out, axsBody{body: f.Body, fn: f, contract: l})
			}
		}
		for _, m := range l.Def.Modifiers {
			if m.Body != nil {
				out = append(out, axsBody{body: m.Body, mod: m, contract: l})
			}
		}
	}
	return out
}

// ---- authorisation references --------------------------------------------------------

type axsAccessFacts struct {
	auth    map[*sema.Contract]map[*ast.VariableDeclaration]ast.Node
	authPos map[*sema.Contract]map[*ast.VariableDeclaration]map[int]bool
	// authFields holds, per trusted variable, the struct members the
	// checks read ("" for the variable or entry as a whole).
	authFields map[*sema.Contract]map[*ast.VariableDeclaration]map[string]bool
	axsOneTime map[*sema.Contract]map[*sema.Function]bool
	addrCtl    map[*sema.Contract]map[*ast.VariableDeclaration]ast.Node
	open       map[*sema.Contract]map[*ast.VariableDeclaration]axsOpenWrite
	upgrades   map[*sema.Contract]bool
}

// axsMemo returns the memo of these helpers for the current run. It
// lives in the run's Facts, which belong to one goroutine.
func axsMemo(p *Pass) *axsAccessFacts {
	fa := p.facts
	if fa.axs == nil {
		fa.axs = &axsAccessFacts{
			auth:       map[*sema.Contract]map[*ast.VariableDeclaration]ast.Node{},
			authPos:    map[*sema.Contract]map[*ast.VariableDeclaration]map[int]bool{},
			authFields: map[*sema.Contract]map[*ast.VariableDeclaration]map[string]bool{},
			axsOneTime: map[*sema.Contract]map[*sema.Function]bool{},
			addrCtl:    map[*sema.Contract]map[*ast.VariableDeclaration]ast.Node{},
			open:       map[*sema.Contract]map[*ast.VariableDeclaration]axsOpenWrite{},
			upgrades:   map[*sema.Contract]bool{},
		}
	}
	return fa.axs
}

// axsAuthRefs returns the state variables of c that authorisation trusts,
// each with the guard expression that trusts it: variables compared with
// the caller (`msg.sender == owner`, `owner() != _msgSender()`), boolean
// mappings keyed by the caller (`admins[msg.sender]`,
// `_roles[role].hasRole[account]` where account is the caller), and
// address or counter mappings keyed by the caller and tested against zero
// in a modifier or an is/only/has check (`owners[msg.sender] != 0`).
// The caller is followed into internal functions through parameters.
func axsAuthRefs(p *Pass, c *sema.Contract) map[*ast.VariableDeclaration]ast.Node {
	af := axsMemo(p)
	if m, ok := af.auth[c]; ok {
		return m
	}
	prog := p.Program
	out := map[*ast.VariableDeclaration]ast.Node{}
	af.auth[c] = out
	positions := map[*ast.VariableDeclaration]map[int]bool{}
	af.authPos[c] = positions
	fields := map[*ast.VariableDeclaration]map[string]bool{}
	af.authFields[c] = fields
	bodies := axsBodies(c)
	// Variables holding the caller: locals assigned from msg.sender, and
	// parameters of functions called with the caller.
	sender := map[*ast.VariableDeclaration]bool{}
	isSenderExpr := func(e ast.Expr) bool {
		if IsSender(e) || IsMagic(e, "tx", "origin") {
			return true
		}
		v := axsDeclOf(prog, e)
		return v != nil && sender[v]
	}
	for round := 0; round < 4; round++ {
		changed := false
		mark := func(v *ast.VariableDeclaration) {
			if v != nil && !v.IsStateVar && !sender[v] {
				sender[v] = true
				changed = true
			}
		}
		for _, b := range bodies {
			inspectBody(p.Program, b.body, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.VariableDeclarationStatement:
					if len(x.Decls) == 1 && x.Decls[0] != nil && x.Value != nil && isSenderExpr(x.Value) {
						mark(x.Decls[0])
					}
				case *ast.FunctionCall:
					call := prog.CallOf(x)
					if call == nil || (call.Kind != sema.CallInternal && call.Kind != sema.CallLibrary) {
						return true
					}
					callees := []*ast.FunctionDefinition{call.Callee}
					if fn := axsDispatch(prog, c, call); fn != nil {
						callees = append(callees, fn.Def)
					}
					for i, a := range call.Args() {
						if !isSenderExpr(a) {
							continue
						}
						for _, callee := range callees {
							if callee != nil && i < len(callee.Params) {
								mark(callee.Params[i])
							}
						}
					}
				}
				return true
			})
		}
		if !changed {
			break
		}
	}
	add := func(v *ast.VariableDeclaration, at ast.Node, pos int, trusted ast.Expr) {
		if v == nil || !v.IsStateVar {
			return
		}
		if positions[v] == nil {
			positions[v] = map[int]bool{}
		}
		positions[v][pos] = true
		if fields[v] == nil {
			fields[v] = map[string]bool{}
		}
		field := ""
		t := unparen(trusted)
		for {
			ix, ok := t.(*ast.IndexAccess)
			if !ok {
				break
			}
			t = unparen(ix.X) // channels[id].parties[0]: the member holds the parties
		}
		if m, ok := t.(*ast.MemberAccess); ok && axsStateRoot(prog, c, m.X) == v {
			field = m.Member.Name // requests[0].requester: only that member is trusted
		}
		fields[v][field] = true
		if _, ok := out[v]; !ok {
			out[v] = at
		}
	}
	for _, b := range bodies {
		parents := p.parentsOf(b.body)
		checkish := b.mod != nil
		if b.fn != nil {
			n := strings.ToLower(strings.TrimLeft(b.fn.Name.Name, "_"))
			for _, pre := range []string{"is", "only", "check", "has", "require", "auth", "ensure", "verify", "assert", "can"} {
				if strings.HasPrefix(n, pre) {
					checkish = true
				}
			}
		}
		// Locals loaded from a caller-keyed lookup: `uint idx = owners[msg.sender];`.
		type lookup struct {
			v   *ast.VariableDeclaration
			at  *ast.IndexAccess
			pos int
		}
		lookups := map[*ast.VariableDeclaration]lookup{}
		var visit func(n ast.Node) bool
		visit = func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Assignment:
				ast.Inspect(x.RHS, visit) // the written entry is not a check
				return false
			case *ast.UnaryOperation:
				if x.Op == "delete" || x.Op == "++" || x.Op == "--" {
					return false
				}
			case *ast.VariableDeclarationStatement:
				if len(x.Decls) == 1 && x.Decls[0] != nil && x.Value != nil {
					if ix, ok := unparen(x.Value).(*ast.IndexAccess); ok && ix.Index != nil && isSenderExpr(axsStripConv(prog, ix.Index)) {
						if v := axsStateRoot(prog, c, ix); v != nil && prog.TypeOf(ix).Kind != sema.Bool {
							lookups[x.Decls[0]] = lookup{v, ix, axsIndexDepth(ix.X)}
						}
					}
				}
			case *ast.BinaryOperation:
				if x.Op != "==" && x.Op != "!=" && x.Op != ">" {
					return true
				}
				for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
					if d := axsDeclOf(prog, pair[0]); d != nil && axsIsZero(pair[1]) {
						if l, ok := lookups[d]; ok && (checkish || axsLooksPrivileged(l.v.Name.Name)) {
							add(l.v, l.at, l.pos, nil)
						}
					}
				}
				if x.Op == ">" {
					return true
				}
				for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
					if isSenderExpr(pair[0]) && !axsIsZero(pair[1]) && !isSenderExpr(pair[1]) {
						add(axsStateRoot(prog, c, pair[1]), x, -1, pair[1])
					}
				}
			case *ast.IndexAccess:
				if x.Index == nil || !isSenderExpr(axsStripConv(prog, x.Index)) {
					return true
				}
				t := prog.TypeOf(x)
				switch t.Kind {
				case sema.Bool:
					if !axsNegated(parents, x) {
						add(axsStateRoot(prog, c, x), x, axsIndexDepth(x.X), nil)
					}
				case sema.Address, sema.Uint, sema.ContractType:
					if cmp, ok := axsSkipParens(parents, x).(*ast.BinaryOperation); ok && (cmp.Op == "!=" || cmp.Op == ">" || cmp.Op == "==") &&
						(axsIsZero(cmp.X) || axsIsZero(cmp.Y)) {
						v := axsStateRoot(prog, c, x)
						if v != nil && (checkish || axsLooksPrivileged(v.Name.Name)) {
							add(v, x, axsIndexDepth(x.X), nil)
						}
					}
				}
			}
			return true
		}
		inspectBody(p.Program, b.body, visit)
	}
	return out
}

// axsIndexDepth counts the index accesses in e: the key position of an
// index applied to e (0 for the first key of a mapping).
func axsIndexDepth(e ast.Expr) int {
	n := 0
	for {
		switch x := unparen(e).(type) {
		case *ast.IndexAccess:
			n++
			e = x.X
		case *ast.MemberAccess:
			e = x.X
		default:
			return n
		}
	}
}

// axsWritesTrustedField reports whether a write to lvalue at (rooted in v)
// can change what authorisation reads: the whole variable or entry, or a
// struct member the checks read. Writes to other members of a struct whose
// checks read one member only (`requests[0].requester`) cannot.
func axsWritesTrustedField(p *Pass, c *sema.Contract, v *ast.VariableDeclaration, at ast.Node) bool {
	axsAuthRefs(p, c)
	fs := axsMemo(p).authFields[c][v]
	if len(fs) == 0 || fs[""] {
		return true
	}
	e, ok := at.(ast.Expr)
	if !ok {
		return true
	}
	members := false
	for {
		switch x := unparen(e).(type) {
		case *ast.MemberAccess:
			if fs[x.Member.Name] {
				return true
			}
			members = true
			e = x.X
			continue
		case *ast.IndexAccess:
			e = x.X
			continue
		}
		break
	}
	return !members
}

// axsAuthKeyPositions returns the key positions at which authorisation
// looks v up with the caller's address (-1 for a plain comparison).
func axsAuthKeyPositions(p *Pass, c *sema.Contract, v *ast.VariableDeclaration) map[int]bool {
	axsAuthRefs(p, c)
	return axsMemo(p).authPos[c][v]
}

// axsSkipParens returns the nearest ancestor that is not a parenthesis.
func axsSkipParens(parents map[ast.Node]ast.Node, n ast.Node) ast.Node {
	p := parents[n]
	for {
		t, ok := p.(*ast.TupleExpression)
		if !ok || len(t.Elems) != 1 {
			return p
		}
		p = parents[p]
	}
}

// axsNegated reports `!x` and `x == false`.
func axsNegated(parents map[ast.Node]ast.Node, n ast.Node) bool {
	switch p := axsSkipParens(parents, n).(type) {
	case *ast.UnaryOperation:
		return p.Op == "!"
	case *ast.BinaryOperation:
		if p.Op == "==" {
			return axsIsZero(p.X) || axsIsZero(p.Y)
		}
	}
	return false
}

// ---- initializers ----------------------------------------------------------------------

var axsInitializerModifiers = map[string]bool{
	"initializer": true, "reinitializer": true, "onlyInitializing": true, "initializerOnly": true,
	"only_uninitialized": true, "onlyUninitialized": true, "notInitialized": true, "uninitialized": true,
	"whenNotInitialized": true, "onlyOnce": true, "once": true, "initOnce": true,
}

// axsIsInitName reports initialize, initialise, init, initWallet, init_x.
func axsIsInitName(name string) bool {
	n := strings.TrimLeft(name, "_")
	l := strings.ToLower(n)
	if l == "initialize" || l == "initialise" || l == "init" || l == "initialize2" {
		return true
	}
	if strings.HasPrefix(l, "initiali") {
		return true
	}
	if strings.HasPrefix(n, "init") && len(n) > 4 && (n[4] == '_' || (n[4] >= 'A' && n[4] <= 'Z')) {
		return true
	}
	return false
}

// axsOneTime reports entry points that can run only once: an initializer
// modifier (OpenZeppelin's initializer, reinitializer, onlyInitializing and
// look-alikes), or a flag the function tests for its initial value
// (`require(!initialized)`, `require(owner == address(0))`) and writes.
func axsOneTime(p *Pass, c *sema.Contract, f *sema.Function) bool {
	af := axsMemo(p)
	m := af.axsOneTime[c]
	if m == nil {
		m = map[*sema.Function]bool{}
		af.axsOneTime[c] = m
	}
	if v, ok := m[f]; ok {
		return v
	}
	m[f] = false
	res := axsComputeOneTime(p, c, f)
	m[f] = res
	return res
}

func axsComputeOneTime(p *Pass, c *sema.Contract, f *sema.Function) bool {
	for _, inv := range f.Def.Modifiers {
		if axsInitializerModifiers[inv.Name.Last()] {
			return true
		}
	}
	prog := p.Program
	tested := map[*ast.VariableDeclaration]bool{}
	written := map[*ast.VariableDeclaration]bool{}
	reset := map[*ast.VariableDeclaration]bool{}
	testCond := func(cond ast.Expr) {
		ast.Inspect(cond, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.BinaryOperation:
				if x.Op == "==" || x.Op == "!=" {
					if axsIsZero(x.Y) {
						if v := axsStateRoot(prog, c, x.X); v != nil {
							tested[v] = true
						}
					}
					if axsIsZero(x.X) {
						if v := axsStateRoot(prog, c, x.Y); v != nil {
							tested[v] = true
						}
					}
				}
			case *ast.Identifier, *ast.MemberAccess, *ast.IndexAccess:
				e := x.(ast.Expr)
				if prog.TypeOf(e).Kind == sema.Bool {
					if v := axsStateRoot(prog, c, e); v != nil {
						tested[v] = true
					}
				}
			}
			return true
		})
	}
	p.Walk(c, f, FlowVisitor{
		Node: func(n ast.Node, st FlowState) {
			switch x := n.(type) {
			case *ast.IfStatement:
				testCond(x.Cond)
			case *ast.FunctionCall:
				if IsBuiltinCall(prog, x, "require", "assert") && len(x.Args) > 0 {
					testCond(x.Args[0])
				}
			}
		},
		Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
			written[v] = true
			// A lock is set and then reset in the same call; a one-time
			// flag keeps its new value.
			reset[v] = value == nil || axsIsZero(value)
		},
	})
	for v := range tested {
		if written[v] && !reset[v] {
			return true
		}
	}
	return false
}

// axsUpgradeable reports contracts meant to run behind a proxy: they inherit
// Initializable or UUPSUpgradeable (or another *Upgradeable base), declare
// upgradeTo/upgradeToAndCall/_authorizeUpgrade, or use an initializer
// modifier.
func axsUpgradeable(p *Pass, c *sema.Contract) bool {
	af := axsMemo(p)
	if v, ok := af.upgrades[c]; ok {
		return v
	}
	res := false
	for _, l := range c.Linearization {
		n := l.Name()
		if n == "Initializable" || strings.HasSuffix(n, "Upgradeable") || strings.HasPrefix(n, "ERC1967Upgrade") {
			res = true
		}
		for _, f := range l.Def.Functions {
			switch f.Name.Name {
			case "upgradeTo", "upgradeToAndCall", "_authorizeUpgrade":
				res = true
			}
			for _, inv := range f.Modifiers {
				switch inv.Name.Last() {
				case "initializer", "reinitializer", "onlyInitializing":
					res = true
				}
			}
		}
	}
	af.upgrades[c] = res
	return res
}

// axsReinitCandidate reports an initializer of an upgradeable contract that
// anyone can call again: unprotected-upgrade reports it, so
// unprotected-state-write leaves it alone.
func axsReinitCandidate(p *Pass, c *sema.Contract, f *sema.Function) bool {
	return f.IsEntryPoint() && axsIsInitName(f.Def.Name.Name) && axsUpgradeable(p, c) && !axsOneTime(p, c, f)
}

// ---- attacker-controlled addresses ------------------------------------------------------

// axsAttackerAddresses returns the state variables of c that hold an address
// any caller can choose: written without a sender check from a parameter
// (directly, in a struct field or pushed), field-sensitively enough that a
// stored depositor address (msg.sender) next to a tainted amount is not
// counted.
func axsAttackerAddresses(p *Pass, c *sema.Contract) map[*ast.VariableDeclaration]ast.Node {
	af := axsMemo(p)
	if m, ok := af.addrCtl[c]; ok {
		return m
	}
	out := map[*ast.VariableDeclaration]ast.Node{}
	af.addrCtl[c] = out
	prog := p.Program
	isAddr := func(e ast.Expr) bool {
		t := prog.TypeOf(e)
		return t.Kind == sema.Address || t.Kind == sema.ContractType
	}
	writesAddr := func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Assignment:
			if axsStateRoot(prog, c, x.LHS) == nil {
				return false
			}
			if call, ok := unparen(x.RHS).(*ast.FunctionCall); ok {
				if cl := prog.CallOf(call); cl != nil && cl.Kind == sema.CallStruct {
					return true
				}
			}
			return isAddr(x.RHS)
		case *ast.FunctionCall:
			if m, ok := x.Fn.(*ast.MemberAccess); ok && m.Member.Name == "push" && len(x.Args) == 1 {
				return true
			}
		}
		return false
	}
	for _, f := range p.EntryPoints(c) {
		if !axsReaches(p, c, f, "writes-addr", writesAddr) || axsOneTime(p, c, f) {
			continue
		}
		var wk *Walker
		taintedAddr := func(e ast.Expr) bool {
			if e == nil {
				return false
			}
			e = unparen(e)
			if call, ok := e.(*ast.FunctionCall); ok {
				if cl := prog.CallOf(call); cl != nil && cl.Kind == sema.CallStruct {
					for _, a := range call.Args {
						if isAddr(a) && wk.Tainted(a) && !wk.IsSender(a) {
							return true
						}
					}
					return false
				}
			}
			return isAddr(e) && wk.Tainted(e) && !wk.IsSender(e)
		}
		wk = p.NewWalker(c, f, FlowVisitor{
			Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
				if st.Guarded || value == nil {
					return
				}
				if taintedAddr(value) {
					if _, ok := out[v]; !ok {
						out[v] = at
					}
				}
			},
			Node: func(n ast.Node, st FlowState) {
				call, ok := n.(*ast.FunctionCall)
				if !ok || st.Guarded || !IsBuiltinCall(prog, call, "array.push") || len(call.Args) != 1 {
					return
				}
				m, ok := call.Fn.(*ast.MemberAccess)
				if !ok {
					return
				}
				if v := wk.StateVarOf(m.X); v != nil && taintedAddr(call.Args[0]) {
					if _, ok := out[v]; !ok {
						out[v] = call
					}
				}
			},
		})
		wk.Run()
	}
	return out
}

// ---- abstract hooks ---------------------------------------------------------------------

// axsCallsAbstract reports an internal call, met on a walk, to a function
// the contract leaves unimplemented: an authorisation hook such as
// _authorizeUpgrade that the deployed contract must supply.
func axsCallsAbstract(prog *sema.Program, c *sema.Contract, n ast.Node) bool {
	call, ok := n.(*ast.FunctionCall)
	if !ok {
		return false
	}
	cl := prog.CallOf(call)
	if cl == nil || cl.Kind != sema.CallInternal {
		return false
	}
	fn := axsDispatch(prog, c, cl)
	return fn != nil && fn.Def.Body == nil
}

// axsIsSelfdestruct reports selfdestruct(x) and suicide(x).
func axsIsSelfdestruct(prog *sema.Program, call *ast.FunctionCall) bool {
	return IsBuiltinCall(prog, call, "selfdestruct", "suicide")
}

// axsYulCalls returns the calls of the named Yul builtins in an assembly block.
func axsYulCalls(a *ast.InlineAssembly, names ...string) []*ast.YulFunctionCall {
	var out []*ast.YulFunctionCall
	ast.Inspect(a, func(n ast.Node) bool {
		if c, ok := n.(*ast.YulFunctionCall); ok {
			for _, name := range names {
				if c.Name.Name == name {
					out = append(out, c)
				}
			}
		}
		return true
	})
	return out
}

// bodyContains reports whether any function or modifier body of c's
// linearisation, or of a library function it calls, satisfies pred.
func axsLinearizationContains(prog *sema.Program, c *sema.Contract, pred func(ast.Node) bool) bool {
	seen := map[*ast.FunctionDefinition]bool{}
	var visitFn func(f *ast.FunctionDefinition) bool
	check := func(body ast.Node) bool {
		for _, n := range flatNodes(prog, body) {
			if pred(n) {
				return true
			}
			if call, ok := n.(*ast.FunctionCall); ok {
				if cl := prog.CallOf(call); cl != nil && (cl.Kind == sema.CallInternal || cl.Kind == sema.CallLibrary) && cl.Callee != nil {
					if owner := cl.Callee.Contract; owner != nil && owner.Kind == ast.KindLibrary || cl.Callee.Contract == nil {
						if visitFn(cl.Callee) {
							return true
						}
					}
				}
			}
		}
		return false
	}
	visitFn = func(f *ast.FunctionDefinition) bool {
		if f == nil || f.Body == nil || seen[f] {
			return false
		}
		seen[f] = true
		return check(f.Body)
	}
	for _, b := range axsBodies(c) {
		if b.fn != nil {
			if visitFn(b.fn) {
				return true
			}
		} else if check(b.body) {
			return true
		}
	}
	return false
}

// ---- locations inside libraries --------------------------------------------------------

// axsOuterCall remembers, during a walk, the last call from contract code
// into a library function, so that an operation inside a shared library
// (Address.functionDelegateCall, Address.sendValue) is reported where the
// contract calls the library.
type axsOuterCall struct {
	prog *sema.Program
	cur  ast.Node
}

func (o *axsOuterCall) visit(n ast.Node) {
	call, ok := n.(*ast.FunctionCall)
	if !ok {
		return
	}
	cl := o.prog.CallOf(call)
	if cl == nil || (cl.Kind != sema.CallInternal && cl.Kind != sema.CallLibrary) || cl.Callee == nil {
		return
	}
	if cl.Callee.Contract == nil || cl.Callee.Contract.Kind != ast.KindLibrary {
		return
	}
	if _, cd := axsEnclosingDecl(o.prog, call); cd != nil && cd.Kind == ast.KindLibrary {
		return
	}
	o.cur = call
}

// locate returns where to report an operation met on the walk, and the
// operation itself as a related location when it is inside a library.
func (o *axsOuterCall) locate(n ast.Node) (ast.Node, []RelatedNode) {
	if _, cd := axsEnclosingDecl(o.prog, n); cd != nil && cd.Kind == ast.KindLibrary && o.cur != nil {
		return o.cur, []RelatedNode{{At: n, Message: "the library performs it here"}}
	}
	return n, nil
}

// selfTarget reports an operation inside a library reached through a call
// that passes address(this): Address.functionDelegateCall(address(this), …).
func (o *axsOuterCall) selfTarget(n ast.Node) bool {
	if _, cd := axsEnclosingDecl(o.prog, n); cd == nil || cd.Kind != ast.KindLibrary || o.cur == nil {
		return false
	}
	call, ok := o.cur.(*ast.FunctionCall)
	if !ok {
		return false
	}
	cl := o.prog.CallOf(call)
	if cl == nil {
		return false
	}
	for _, a := range cl.Args() {
		if axsIsThis(a) {
			return true
		}
	}
	return false
}

// ---- taint into inline assembly ---------------------------------------------------------

// axsYulTaint carries the walker's taint into inline assembly, which the
// walker does not evaluate: Solidity variables (parameters, locals,
// parameters of internal callees) known to hold caller data, and Yul
// locals computed from them or from calldata.
type axsYulTaint struct {
	prog  *sema.Program
	c     *sema.Contract
	decls map[*ast.VariableDeclaration]bool
	// from records the state variable a local was loaded from.
	from map[*ast.VariableDeclaration]*ast.VariableDeclaration
}

func axsNewYulTaint(prog *sema.Program, c *sema.Contract, f *sema.Function) *axsYulTaint {
	t := &axsYulTaint{prog: prog, c: c, decls: map[*ast.VariableDeclaration]bool{},
		from: map[*ast.VariableDeclaration]*ast.VariableDeclaration{}}
	if f.IsEntryPoint() {
		for _, prm := range f.Def.Params {
			t.decls[prm] = true
		}
	}
	return t
}

// visit is called from the walk's Node callback.
func (t *axsYulTaint) visit(wk *Walker, n ast.Node) {
	switch x := n.(type) {
	case *ast.FunctionCall:
		cl := t.prog.CallOf(x)
		if cl == nil || (cl.Kind != sema.CallInternal && cl.Kind != sema.CallLibrary) {
			return
		}
		fn := axsDispatch(t.prog, t.c, cl)
		if fn == nil {
			return
		}
		for i, a := range cl.Args() {
			if i < len(fn.Def.Params) && wk.Tainted(a) {
				t.decls[fn.Def.Params[i]] = true
			}
		}
	case *ast.VariableDeclarationStatement:
		if x.Value != nil && len(x.Decls) == 1 && x.Decls[0] != nil {
			if v := wk.StateVarOf(x.Value); v != nil {
				t.from[x.Decls[0]] = v
			}
		}
		if x.Value != nil && wk.Tainted(x.Value) {
			for _, d := range x.Decls {
				if d != nil {
					t.decls[d] = true
				}
			}
		}
	case *ast.Assignment:
		if v := axsDeclOf(t.prog, x.LHS); v != nil && !v.IsStateVar && wk.Tainted(x.RHS) {
			t.decls[v] = true
		}
	}
}

// tainted reports whether a Yul expression inside asm depends on caller
// data.
func (t *axsYulTaint) tainted(wk *Walker, asm *ast.InlineAssembly, e ast.YulExpr) bool {
	locals := map[string]bool{}
	var eval func(e ast.YulExpr) bool
	eval = func(e ast.YulExpr) bool {
		switch x := e.(type) {
		case *ast.YulIdentifier:
			if v, ok := locals[x.Name]; ok {
				return v
			}
			if d, ok := t.prog.Ref(x).(*ast.VariableDeclaration); ok {
				return t.decls[d]
			}
		case *ast.YulFunctionCall:
			switch x.Name.Name {
			case "calldataload", "caller", "origin":
				return true
			case "sload", "mload":
				return false
			}
			for _, a := range x.Args {
				if eval(a) {
					return true
				}
			}
		}
		return false
	}
	ast.Inspect(asm.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.YulVariableDeclaration:
			v := x.Value != nil && eval(x.Value)
			for _, id := range x.Names {
				locals[id.Name] = v
			}
		case *ast.YulAssignment:
			v := eval(x.Value)
			for _, id := range x.Names {
				locals[id.Name] = locals[id.Name] || v
			}
		}
		return true
	})
	return eval(e)
}

// stateOf returns the state variable a Yul identifier's Solidity variable
// was loaded from, or nil.
func (t *axsYulTaint) stateOf(e ast.YulExpr) *ast.VariableDeclaration {
	id, ok := e.(*ast.YulIdentifier)
	if !ok {
		return nil
	}
	d, ok := t.prog.Ref(id).(*ast.VariableDeclaration)
	if !ok {
		return nil
	}
	if d.IsStateVar {
		return d
	}
	return t.from[d]
}

// ---- caller checks the walker does not see ---------------------------------------------

// axsCallerCheck supplements FlowState.Guarded with checks that compare the
// caller against trusted state in ways the walker does not model, such as
// `require(owners[msg.sender] != 0)` on an address- or counter-valued
// mapping. Once such a condition is met on the walk, later points count as
// guarded (flow-insensitively).
type axsCallerCheck struct {
	prog  *sema.Program
	c     *sema.Contract
	auth  map[*ast.VariableDeclaration]ast.Node
	extra bool
	// lookups maps locals loaded from a caller-keyed trusted lookup
	// (`uint idx = ownerIndex[msg.sender]`) to the state variable.
	lookups map[*ast.VariableDeclaration]*ast.VariableDeclaration
	// vars are the trusted state variables the supplementary checks read.
	vars []*ast.VariableDeclaration
}

func axsNewCallerCheck(p *Pass, c *sema.Contract) *axsCallerCheck {
	return &axsCallerCheck{prog: p.Program, c: c, auth: axsAuthRefs(p, c),
		lookups: map[*ast.VariableDeclaration]*ast.VariableDeclaration{}}
}

// trustedLookup returns the trusted state variable a caller-keyed,
// non-boolean lookup reads, or nil.
func (g *axsCallerCheck) trustedLookup(wk *Walker, e ast.Expr) *ast.VariableDeclaration {
	ix, ok := unparen(e).(*ast.IndexAccess)
	if !ok || ix.Index == nil || !axsSenderish(wk, axsStripConv(g.prog, ix.Index)) {
		return nil
	}
	if g.prog.TypeOf(ix).Kind == sema.Bool {
		return nil // the walker models boolean lookups itself
	}
	v := axsStateRoot(g.prog, g.c, ix)
	if _, trusted := g.auth[v]; v == nil || !trusted {
		return nil
	}
	return v
}

// visit is called from the walk's Node callback.
func (g *axsCallerCheck) visit(wk *Walker, n ast.Node) {
	var cond ast.Expr
	switch x := n.(type) {
	case *ast.IfStatement:
		cond = x.Cond
		// `if (auth != address(0)) { …check auth… }` with auth the caller:
		// the branch always runs, so the check inside it guards what
		// follows (OpenZeppelin's ERC721._approve and _update).
		if !g.extra && x.Else == nil && axsAlwaysTrueForCaller(wk, x.Cond) && Contains(x.Then, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryOperation)
			return ok && (b.Op == "==" || b.Op == "!=") &&
				((axsSenderish(wk, b.X) && !axsIsZero(b.Y)) || (axsSenderish(wk, b.Y) && !axsIsZero(b.X)))
		}) {
			g.extra = true
			return
		}
	case *ast.FunctionCall:
		if IsBuiltinCall(g.prog, x, "require", "assert") && len(x.Args) > 0 {
			cond = x.Args[0]
		}
	case *ast.VariableDeclarationStatement:
		if len(x.Decls) == 1 && x.Decls[0] != nil && x.Value != nil {
			if v := g.trustedLookup(wk, x.Value); v != nil {
				g.lookups[x.Decls[0]] = v
			}
		}
	}
	if cond == nil || g.extra {
		return
	}
	// Only what the walker does not model itself: a lookup keyed by the
	// caller in a non-boolean mapping that authorisation trusts, directly
	// or through a local loaded from it.
	ast.Inspect(cond, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		v := g.trustedLookup(wk, e)
		if v == nil {
			if id, ok := e.(*ast.Identifier); ok {
				if d, ok := g.prog.Ref(id).(*ast.VariableDeclaration); ok {
					v = g.lookups[d]
				}
			}
		}
		if v != nil {
			g.extra = true
			g.vars = append(g.vars, v)
			return false
		}
		return true
	})
}

// axsAlwaysTrueForCaller reports conditions that hold whenever the
// caller is a real account: caller != address(0), and disjunctions or
// conjunctions built from such terms.
func axsAlwaysTrueForCaller(wk *Walker, cond ast.Expr) bool {
	switch b := unparen(cond).(type) {
	case *ast.BinaryOperation:
		switch b.Op {
		case "!=":
			return (axsSenderish(wk, b.X) && axsIsZero(b.Y)) || (axsSenderish(wk, b.Y) && axsIsZero(b.X))
		case "||":
			return axsAlwaysTrueForCaller(wk, b.X) || axsAlwaysTrueForCaller(wk, b.Y)
		case "&&":
			return axsAlwaysTrueForCaller(wk, b.X) && axsAlwaysTrueForCaller(wk, b.Y)
		}
	}
	return false
}

// axsCommitments tracks, during a walk, the variables hashed on the way
// (keccak256(abi.encode(target, value, data)), hashOperation(target, …)):
// a destination that is part of a hash the contract checks — a scheduled
// operation, a signed order — was authorised when the hash was committed.
type axsCommitments struct {
	prog   *sema.Program
	c      *sema.Contract
	hashed map[*ast.VariableDeclaration]bool
	alias  map[*ast.VariableDeclaration]*ast.VariableDeclaration
}

func axsNewCommitments(prog *sema.Program, c *sema.Contract) *axsCommitments {
	return &axsCommitments{prog: prog, c: c, hashed: map[*ast.VariableDeclaration]bool{},
		alias: map[*ast.VariableDeclaration]*ast.VariableDeclaration{}}
}

// visit is called from the walk's Node callback.
func (h *axsCommitments) visit(n ast.Node) {
	if d, ok := n.(*ast.VariableDeclarationStatement); ok && len(d.Decls) == 1 && d.Decls[0] != nil && d.Value != nil {
		if v := axsDeclOf(h.prog, RootExpr(axsStripConv(h.prog, d.Value))); v != nil && v != d.Decls[0] {
			h.alias[d.Decls[0]] = v
		}
		return
	}
	call, ok := n.(*ast.FunctionCall)
	if !ok {
		return
	}
	cl := h.prog.CallOf(call)
	if cl == nil {
		return
	}
	if cl.Kind == sema.CallInternal || cl.Kind == sema.CallLibrary {
		if fn := axsDispatch(h.prog, h.c, cl); fn != nil {
			for i, a := range cl.Args() {
				if v := axsDeclOf(h.prog, RootExpr(axsStripConv(h.prog, a))); v != nil && i < len(fn.Def.Params) && fn.Def.Params[i] != v {
					h.alias[fn.Def.Params[i]] = v
				}
			}
		}
	}
	isHash := cl.Kind == sema.CallBuiltin && (cl.Builtin == "keccak256" || cl.Builtin == "sha256" || cl.Builtin == "sha3")
	if !isHash && (cl.Kind == sema.CallInternal || cl.Kind == sema.CallExternal) {
		isHash = strings.Contains(strings.ToLower(cl.Name), "hash")
	}
	if !isHash {
		return
	}
	for _, a := range cl.Args() {
		ast.Inspect(a, func(x ast.Node) bool {
			if id, ok := x.(*ast.Identifier); ok {
				if v, ok := h.prog.Ref(id).(*ast.VariableDeclaration); ok && !v.IsStateVar {
					h.hashed[v] = true
				}
			}
			return true
		})
	}
}

// committed reports whether e is a variable that was hashed on the walk.
func (h *axsCommitments) committed(e ast.Expr) bool {
	v := axsDeclOf(h.prog, RootExpr(axsStripConv(h.prog, e)))
	for i := 0; v != nil && i < 12; i++ {
		if h.hashed[v] {
			return true
		}
		v = h.alias[v]
	}
	return false
}

// guarded reports whether the caller was checked at a point of the walk.
func (g *axsCallerCheck) guarded(st FlowState) bool { return st.Guarded || g.extra }

// ---- legacy constructors ----------------------------------------------------------------

var axsPragmaVersion = regexp.MustCompile(`(\d+)\.(\d+)`)

// axsLegacyPragma reports files whose pragma admits compilers before 0.5,
// where a function named after its contract is the constructor (or files
// without a pragma).
func axsLegacyPragma(su *ast.SourceUnit) bool {
	if su == nil {
		return true
	}
	for _, pr := range su.Pragmas {
		if pr.Name != "solidity" {
			continue
		}
		m := axsPragmaVersion.FindStringSubmatch(pr.Value)
		if m == nil {
			return true
		}
		return m[1] == "0" && len(m[2]) == 1 && m[2] < "5"
	}
	return true
}

// axsEditDistance is the Levenshtein distance of two strings.
func axsEditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// axsMisnamedConstructor explains why a function of contract c (its
// declaring contract) looks like a constructor that the compiler treats
// as an ordinary public function; "" when it does not.
func axsMisnamedConstructor(p *Pass, c *sema.Contract, f *sema.Function) string {
	d := f.Def
	if d.Kind != ast.KindFunction || d.LegacyConstructor || d.Body == nil || !f.IsEntryPoint() || c == nil || c.Def.Kind != ast.KindContract {
		return ""
	}
	if !axsLegacyPragma(c.Def.Source) {
		return ""
	}
	for _, g := range c.Def.Functions {
		if g.Kind == ast.KindConstructor {
			return ""
		}
	}
	if len(d.Modifiers) > 0 {
		return "" // guarded functions are not constructor attempts
	}
	name, cname := d.Name.Name, c.Name()
	reason := ""
	switch {
	case strings.EqualFold(name, "constructor"):
		reason = "is declared as `function " + name + "()`, which before 0.5 is an ordinary public function, not the constructor"
	case strings.EqualFold(name, cname):
		reason = "differs from the contract name " + cname + " only in case, so it is an ordinary public function, not the constructor"
	case len(cname) >= 5 && axsEditDistance(strings.ToLower(name), strings.ToLower(cname)) <= 2:
		reason = "is almost the contract name " + cname + ", so it is an ordinary public function, not the constructor"
	}
	assignsCaller, writesPrivileged := false, false
	auth := axsAuthRefs(p, p.Program.ContractOf(c.Def))
	inspectBody(p.Program, d.Body, func(n ast.Node) bool {
		a, ok := n.(*ast.Assignment)
		if !ok {
			return true
		}
		v := axsStateRoot(p.Program, c, a.LHS)
		if v == nil {
			return true
		}
		if IsSender(a.RHS) || IsMagic(a.RHS, "tx", "origin") {
			assignsCaller = true
		}
		if _, ok := auth[v]; ok || axsLooksPrivileged(v.Name.Name) {
			writesPrivileged = true
		}
		return true
	})
	if reason == "" {
		// A constructor left behind by a rename (Rubixi's DynamicPyramid):
		// capitalised like a contract, it makes the caller the owner.
		r := []rune(name)
		if len(r) > 0 && r[0] >= 'A' && r[0] <= 'Z' && assignsCaller && writesPrivileged && len(d.Params) == 0 {
			reason = "is capitalised like a contract name and makes the caller the owner, but the contract is " + cname +
				", so it is an ordinary public function, not the constructor"
		}
		return reason
	}
	if !assignsCaller && !writesPrivileged {
		return ""
	}
	return reason
}

// axsSelfKeyed reports lvalues keyed by the caller: balances[msg.sender],
// votes[id][msg.sender].
func axsSelfKeyed(wk *Walker, at ast.Node) bool {
	for range 4 {
		if len(axsKeys(wk, at).sender) > 0 {
			return true
		}
		// info.deposit = … where info = deposits[msg.sender]: the entry
		// the storage pointer was bound to.
		e, ok := at.(ast.Expr)
		if !ok {
			return false
		}
		id, ok := rootVarExpr(wk.w.prog, e).(*ast.Identifier)
		if !ok {
			return false
		}
		v, ok := wk.w.prog.Ref(id).(*ast.VariableDeclaration)
		if !ok || v.IsStateVar || wk.Pointee(v) == nil {
			return false
		}
		at = wk.Pointee(v)
	}
	return false
}

// axsOpenWrite is a write any caller can make with a value or entry of
// their choosing.
type axsOpenWrite struct {
	Entry *sema.Function
	At    ast.Node
}

// axsOpenWrites returns, for each state variable of c, the first write an
// arbitrary caller can make choosing the value or the entry (owner = _new,
// owner = msg.sender, admins[_a] = true), without a check of the caller —
// the walker's or the supplementary ones — and outside one-time
// initializers.
func axsOpenWrites(p *Pass, c *sema.Contract) map[*ast.VariableDeclaration]axsOpenWrite {
	af := axsMemo(p)
	if m, ok := af.open[c]; ok {
		return m
	}
	out := map[*ast.VariableDeclaration]axsOpenWrite{}
	af.open[c] = out
	for _, f := range p.EntryPoints(c) {
		if f.IsView() || axsOneTime(p, c, f) {
			continue
		}
		entry := f
		guard := axsNewCallerCheck(p, c)
		var wk *Walker
		wk = p.NewWalker(c, f, FlowVisitor{
			Node: func(n ast.Node, st FlowState) { guard.visit(wk, n) },
			Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
				if guard.guarded(st) || value == nil {
					return
				}
				if _, seen := out[v]; seen {
					return
				}
				keys := axsKeys(wk, at)
				if wk.Tainted(value) || axsSenderish(wk, value) || (keys.chosen && axsNonZeroLiteral(value)) {
					out[v] = axsOpenWrite{Entry: entry, At: at}
				}
			},
		})
		wk.Run()
	}
	return out
}

// ---- dispatch memo ------------------------------------------------------------------------

type axsDispatchKey struct {
	c    *sema.Contract
	call *ast.FunctionCall
}

var axsDispatchCache struct {
	sync.Mutex
	prog *sema.Program
	m    map[axsDispatchKey]*sema.Function
}

// axsDispatch is Program.Dispatch memoised per contract and call: Dispatch
// recomputes the signature of every function of the contract on each
// call, and these detectors dispatch the same calls on many walks.
func axsDispatch(prog *sema.Program, c *sema.Contract, cl *sema.Call) *sema.Function {
	if cl == nil {
		return nil
	}
	if cl.Expr == nil {
		return prog.Dispatch(c, cl)
	}
	k := axsDispatchKey{c, cl.Expr}
	axsDispatchCache.Lock()
	if axsDispatchCache.prog != prog {
		axsDispatchCache.prog = prog
		axsDispatchCache.m = map[axsDispatchKey]*sema.Function{}
	}
	fn, ok := axsDispatchCache.m[k]
	axsDispatchCache.Unlock()
	if ok {
		return fn
	}
	fn = prog.Dispatch(c, cl)
	axsDispatchCache.Lock()
	axsDispatchCache.m[k] = fn
	axsDispatchCache.Unlock()
	return fn
}

// ---- reachability prefilter ---------------------------------------------------------------

var axsReachCache struct {
	sync.Mutex
	prog *sema.Program
	m    map[string]map[*ast.FunctionDefinition]bool
}

// axsReaches reports whether entry point f, with its modifiers and the
// internal and library functions it calls (dispatched in c), contains a
// node satisfying pred. It is a cheap syntactic prefilter run before the
// walks; key names the predicate for the memo, which is per contract.
func axsReaches(p *Pass, c *sema.Contract, f *sema.Function, key string, pred func(ast.Node) bool) bool {
	prog := p.Program
	memoKey := key + "\x00" + c.Name() + "\x00" + c.Def.Span().File.Path
	axsReachCache.Lock()
	if axsReachCache.prog != prog {
		axsReachCache.prog = prog
		axsReachCache.m = map[string]map[*ast.FunctionDefinition]bool{}
	}
	memo := axsReachCache.m[memoKey]
	if memo == nil {
		memo = map[*ast.FunctionDefinition]bool{}
		axsReachCache.m[memoKey] = memo
	}
	axsReachCache.Unlock()
	var visitFn func(fn *sema.Function) bool
	visiting := map[*ast.FunctionDefinition]bool{}
	scan := func(body ast.Node) bool {
		for _, n := range flatNodes(prog, body) {
			if pred(n) {
				return true
			}
			if call, ok := n.(*ast.FunctionCall); ok {
				if cl := prog.CallOf(call); cl != nil && (cl.Kind == sema.CallInternal || cl.Kind == sema.CallLibrary) {
					if g := axsDispatch(prog, c, cl); g != nil && visitFn(g) {
						return true
					}
				}
			}
		}
		return false
	}
	visitFn = func(fn *sema.Function) bool {
		d := fn.Def
		axsReachCache.Lock()
		v, ok := memo[d]
		axsReachCache.Unlock()
		if ok {
			return v
		}
		if visiting[d] || d.Body == nil {
			return false
		}
		visiting[d] = true
		// The modifiers the flow walker inlines, found as it finds them
		// (a library's own in the library), and their arguments: a
		// prefilter must see all the walk will.
		mctx := c
		if fn.Contract != nil && !c.Inherits(fn.Contract) {
			mctx = fn.Contract
		}
		res := false
		for _, m := range fn.Modifiers(mctx) {
			if m.Def.Body != nil && scan(m.Def.Body) {
				res = true
				break
			}
		}
		for _, inv := range d.Modifiers {
			for _, a := range inv.Args {
				res = res || scan(a)
			}
		}
		if !res {
			res = scan(d.Body)
		}
		delete(visiting, d)
		axsReachCache.Lock()
		memo[d] = res
		axsReachCache.Unlock()
		return res
	}
	return visitFn(f)
}

// axsWritesAny reports assignments, deletes, increments and pushes whose
// target is rooted in one of vars.
func axsWritesAny(prog *sema.Program, c *sema.Contract, vars map[*ast.VariableDeclaration]ast.Node) func(ast.Node) bool {
	rooted := func(e ast.Expr) bool {
		v := axsStateRoot(prog, c, e)
		if v == nil {
			// storage pointers: be conservative
			if d := axsDeclOf(prog, RootExpr(e)); d != nil && !d.IsStateVar && (d.Location == "storage") {
				return true
			}
			return false
		}
		_, ok := vars[v]
		return ok
	}
	return func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Assignment:
			return rooted(x.LHS)
		case *ast.UnaryOperation:
			return (x.Op == "delete" || x.Op == "++" || x.Op == "--") && rooted(x.X)
		case *ast.FunctionCall:
			if m, ok := x.Fn.(*ast.MemberAccess); ok && (m.Member.Name == "push" || m.Member.Name == "pop") {
				return rooted(m.X)
			}
		case *ast.InlineAssembly:
			return len(axsYulCalls(x, "sstore")) > 0
		}
		return false
	}
}
