package analyzers

import (
	"sort"
	"strings"
	"sync"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// This file is the reentrancy analysis shared by reentrancy-eth,
// reentrancy-no-eth, reentrancy-benign and reentrancy-events. Every
// non-view entry point of every in-scope contract is walked once with the
// flow walker (modifiers inlined, internal calls followed, dispatched in
// the most derived contract); each state write and each event met after a
// reentrant external call is classified the way Slither does:
//
//   - eth: a call on the path sends ether (or ether left through
//     transfer/send before a reentrant call), and the variable written is
//     read before one of the calls (the re-entered call sees the stale
//     value) or, when the write reduces it, read by some non-view entry
//     point of the contract (cross-function reentrancy);
//   - no-eth: no ether on the path, and the variable was read before the
//     call it is written after;
//   - benign: any other write after a reentrant call.
//
// The guards that make the pattern safe move a write down to benign (or
// out): a flag the entry point checks and sets before the call (a lock or
// a "done" marker), a privileged caller (msg.sender compared with the
// owner, a role check), a re-check of the variable after the call, a value
// saved before the call and restored after it, and writes that follow the
// call only through a loop's back edge. Calls that cannot re-enter are
// left out: send/transfer, staticcall, view functions, the contract
// itself, a contract deployed in the same function, calls in view code,
// calls whose failure branch holds the write.
//
// The walker misses some writes and reads (member accesses of state
// structs and storage pointers, untyped `var` pointers, ERC-7201
// namespaces); the walk state below completes them.
//
// The result is computed once per program and shared by the four passes.

// reentKind classifies a write after a reentrant call; higher is worse.
type reentKind int

const (
	reentNone reentKind = iota
	reentBenign
	reentNoEth
	reentEth
)

// reentWrite is one state write after the call of a finding.
type reentWrite struct {
	v  *ast.VariableDeclaration
	at ast.Node
}

// reentFinding is one (call, entry point) pair with the writes or events
// that follow the call.
type reentFinding struct {
	call  ast.Node
	site  CallSite
	entry *sema.Function
	// ctx is the contract the finding was first seen in.
	ctx    *sema.Contract
	writes []reentWrite
	// ethSite is the transfer or send that paid out before the call,
	// when the call itself sends no ether.
	ethSite ast.Node
	// also are other writes after the same call, not dangerous by
	// themselves.
	also   []reentWrite
	events []ast.Node
}

// reentResult holds the findings of each kind, in source order.
type reentResult struct {
	writes map[reentKind][]*reentFinding
	events []*reentFinding
}

var reentCache struct {
	sync.Mutex
	prog *sema.Program
	res  *reentResult
}

// reentrancyOf returns the shared reentrancy analysis of the pass's program.
func reentrancyOf(p *Pass) *reentResult {
	reentCache.Lock()
	defer reentCache.Unlock()
	if reentCache.prog == p.Program && reentCache.res != nil {
		return reentCache.res
	}
	res := analyseReentrancy(p)
	reentCache.prog, reentCache.res = p.Program, res
	return res
}

func analyseReentrancy(p *Pass) *reentResult {
	scope := reentScopeFiles(p.Program)
	type key struct {
		call  ast.Node
		entry *sema.Function
	}
	// Per (call, entry): each write's worst classification over contexts.
	type acc struct {
		site   CallSite
		ctx    *sema.Contract
		kinds  map[ast.Node]reentKind
		vars   map[ast.Node]*ast.VariableDeclaration
		events map[ast.Node]bool
		// ethSite is where ether left before a reentrant call that does
		// not itself send any (transfer, then a token call).
		ethSite ast.Node
	}
	accs := map[key]*acc{}
	var order []key
	get := func(k key, site CallSite, ctx *sema.Contract) *acc {
		a := accs[k]
		if a == nil {
			a = &acc{site: site, ctx: ctx, kinds: map[ast.Node]reentKind{},
				vars: map[ast.Node]*ast.VariableDeclaration{}, events: map[ast.Node]bool{}}
			accs[k] = a
			order = append(order, k)
		}
		return a
	}

	for _, c := range p.Contracts() {
		if c.IsInterface() {
			continue
		}
		if !reentCallsOut(p, c) {
			continue
		}
		reader := newReentStaticReader(p.Program, c)
		var walks []*reentEntryWalk
		// Variables genuinely read (not only by x += …) by non-view entry points.
		readAnywhere := map[*ast.VariableDeclaration]bool{}
		for _, f := range p.EntryPoints(c) {
			if f.IsView() {
				continue
			}
			w := walkForReentrancy(p, c, f, reader, readAnywhere)
			if p.HasReentrancyGuard(c, f) {
				continue
			}
			walks = append(walks, w)
		}
		for _, w := range walks {
			for _, wr := range w.writes {
				kind, blame := classifyReentWrite(w, wr, readAnywhere)
				viaTransfer := kind == reentEth && !reentSendsValue(blame[0])
				if kind == reentNone || !reentAnyInScope(scope, wr.at, w.at(blame[0]), w.entry.Def) {
					continue
				}
				for _, s := range blame {
					a := get(key{w.at(s), w.entry}, s, c)
					if kind > a.kinds[wr.at] {
						a.kinds[wr.at] = kind
						a.vars[wr.at] = wr.v
					}
					if viaTransfer && a.ethSite == nil {
						a.ethSite = wr.ethSite
					}
				}
			}
			for _, em := range w.emits {
				if len(em.calls) == 0 {
					continue
				}
				s := em.calls[0]
				if !reentAnyInScope(scope, em.at, w.at(s), w.entry.Def) {
					continue
				}
				get(key{w.at(s), w.entry}, s, c).events[em.at] = true
			}
		}
	}

	res := &reentResult{writes: map[reentKind][]*reentFinding{}}
	for _, k := range order {
		a := accs[k]
		byKind := map[reentKind][]reentWrite{}
		for at, kind := range a.kinds {
			byKind[kind] = append(byKind[kind], reentWrite{v: a.vars[at], at: at})
		}
		var benign []reentWrite
		if len(byKind[reentEth]) > 0 || len(byKind[reentNoEth]) > 0 {
			// The call is already reported as a real reentrancy: benign
			// writes become related locations of that finding.
			benign = byKind[reentBenign]
			reentSortNodes(benign, func(w reentWrite) ast.Node { return w.at })
			delete(byKind, reentBenign)
		}
		for _, kind := range []reentKind{reentEth, reentNoEth, reentBenign} {
			ws := byKind[kind]
			if len(ws) == 0 {
				continue
			}
			reentSortNodes(ws, func(w reentWrite) ast.Node { return w.at })
			f := &reentFinding{call: k.call, site: a.site, entry: k.entry, ctx: a.ctx, writes: ws, also: benign}
			if kind == reentEth {
				f.ethSite = a.ethSite
			}
			res.writes[kind] = append(res.writes[kind], f)
			benign = nil
		}
		if len(a.events) > 0 {
			var evs []ast.Node
			for e := range a.events {
				evs = append(evs, e)
			}
			reentSortNodes(evs, func(n ast.Node) ast.Node { return n })
			res.events = append(res.events, &reentFinding{call: k.call, site: a.site, entry: k.entry, ctx: a.ctx, events: evs})
		}
	}
	return res
}

// classifyReentWrite decides what a write after calls is, and which calls
// to blame for it.
func classifyReentWrite(w *reentEntryWalk, wr *reentWriteEvent, readAnywhere map[*ast.VariableDeclaration]bool) (reentKind, []CallSite) {
	all := reentMergeSites(append([]CallSite(nil), wr.calls...), wr.carried)
	if len(all) == 0 || wr.restore {
		return reentNone, nil
	}
	// Calls made under a flag the entry point checked and set cannot be
	// re-entered through it: treated like a reentrancy guard.
	var open []CallSite
	for _, s := range all {
		if !w.locked[s.Node] {
			open = append(open, s)
		}
	}
	if len(open) == 0 {
		return reentNone, nil
	}
	// Dangerous calls: same iteration, not privileged, not re-checked.
	var danger []CallSite
	for _, s := range wr.calls {
		if !w.locked[s.Node] && !w.guarded[s.Node] && !wr.revalidated[s.Node] {
			danger = append(danger, s)
		}
	}
	var eth, readFirst []CallSite
	for _, s := range danger {
		if reentSendsValue(s) {
			eth = append(eth, s)
		}
		if w.before[s.Node][wr.v] {
			readFirst = append(readFirst, s)
		}
	}
	switch {
	case len(eth) > 0 && (len(readFirst) > 0 || (readAnywhere[wr.v] && !wr.credit)):
		// Read before the call, or read elsewhere and reduced after it
		// (a credit made late only hides funds from a re-entrant call).
		return reentEth, eth
	case len(readFirst) > 0 && wr.ethBefore:
		// Ether was sent (even by transfer) before a reentrant call that
		// precedes the update: re-entering repeats the payment.
		return reentEth, readFirst
	case len(eth) == 0 && len(readFirst) > 0:
		return reentNoEth, readFirst
	}
	return reentBenign, open[:1]
}

// reentEntryWalk is what one walk of an entry point saw.
type reentEntryWalk struct {
	entry *sema.Function
	sites map[ast.Node]CallSite
	// before holds, per call, the state variables read before it.
	before map[ast.Node]map[*ast.VariableDeclaration]bool
	// guarded marks calls reached only after an authorisation of the
	// caller against a privileged address or role.
	guarded map[ast.Node]bool
	// locked marks calls made after the entry point set a checked flag
	// (require(!done); done = true;): re-entering it fails.
	locked map[ast.Node]bool
	// anchor is, for calls made inside library code, the call in the
	// contract's own code that led there: the location users can act on.
	anchor map[ast.Node]ast.Node
	// writes and emits, in walk order, with the reentrant calls before them.
	writes []*reentWriteEvent
	emits  []*reentEmitEvent
}

// at is where a call is reported: the call itself, or the call in the
// contract's own code that led to it inside a library.
func (w *reentEntryWalk) at(s CallSite) ast.Node {
	if a := w.anchor[s.Node]; a != nil {
		return a
	}
	return s.Node
}

type reentWriteEvent struct {
	v  *ast.VariableDeclaration
	at ast.Node
	// calls happened before the write in the same loop iteration;
	// carried only through a loop's back edge (the call follows the
	// write in the loop body).
	calls, carried []CallSite
	// revalidated holds the calls after which v was checked again in a
	// require or a reverting if before this write.
	revalidated map[ast.Node]bool
	// restore marks `v = saved` where saved is a copy of v taken earlier.
	restore bool
	epoch   int
	// ethBefore is set when ether left the contract (transfer, send, a
	// value call) before the write: re-entering repeats the payment.
	ethBefore bool
	ethSite   ast.Node
	// credit marks writes that only add (x += …, x++).
	credit bool
}

type reentEmitEvent struct {
	at    ast.Node
	calls []CallSite
}

// reentWalkState is the bookkeeping of one walk.
type reentWalkState struct {
	p      *Pass
	c      *sema.Contract
	wk     *Walker
	reader *reentStaticReader
	w      *reentEntryWalk

	privileged bool
	// own are the spans of the contracts of the linearisation (not
	// libraries); ownCalls the latest internal calls met in them.
	own        []source.Span
	ownCalls   []*ast.FunctionCall
	cur        ast.Node
	epoch      int
	loopBodies map[ast.Node]int
	readSoFar  map[*ast.VariableDeclaration]bool
	callStmt   map[ast.Node]ast.Node
	failBranch map[ast.Node][]ast.Node
	callEpoch  map[ast.Node]int
	seenWrite  map[ast.Node]*reentWriteEvent
	seenEmit   map[ast.Node]*reentEmitEvent
	// condChecked are the state variables read by a require or a
	// reverting condition so far; checkedAfter records, per variable, the
	// calls made before such a check.
	condChecked  map[*ast.VariableDeclaration]bool
	checkedAfter map[*ast.VariableDeclaration]map[ast.Node]bool
	flagSet      bool
	deleted      map[ast.Node]bool
	// credited are lvalues of x += …, x++: the write only adds.
	credited map[ast.Node]bool
	// localReads is the state a local was computed from; localCopy the
	// state variable a local is a plain copy of.
	localReads map[*ast.VariableDeclaration]map[*ast.VariableDeclaration]bool
	localCopy  map[*ast.VariableDeclaration]*ast.VariableDeclaration
	lastRead   struct {
		v  *ast.VariableDeclaration
		at ast.Node
	}
	genuine map[*ast.VariableDeclaration]map[ast.Node]bool
	// alias and pending work around writes the walker does not see (see
	// reentPendingWrite).
	alias   map[*ast.VariableDeclaration]*ast.VariableDeclaration
	pending *reentPendingWrite
	// fresh are locals holding a contract this call deployed (new C(),
	// create2): its code is known, it cannot be an attacker.
	fresh map[*ast.VariableDeclaration]bool
	// sentEth is set once ether was sent on the walk so far, first at
	// ethSite.
	sentEth bool
	ethSite ast.Node
}

// reentPendingWrite is a state write through `x.f` (a state struct's
// field, a storage pointer's field) that the walker does not report:
// RootExpr stops at a member access of an identifier. It is recorded when
// the assignment is met and completed once its right-hand side has been
// walked, at the first event outside its span.
type reentPendingWrite struct {
	v        *ast.VariableDeclaration
	at       ast.Expr
	value    ast.Expr
	span     source.Span
	stmt     ast.Node
	st       FlowState
	compound bool
}

// reentCallsOut reports whether some state-changing entry point of c
// reaches a call that hands control to other code (what a walk adds to
// FlowState.Calls). Without one there is no reentrancy in c, and none of
// its entry points need walking.
func reentCallsOut(p *Pass, c *sema.Contract) bool {
	prog := p.Program
	callsOut := func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FunctionCall:
			call := prog.CallOf(x)
			return call != nil && (call.Kind == sema.CallExternal || call.Kind == sema.CallLowLevel)
		case *ast.YulFunctionCall:
			switch x.Name.Name {
			case "call", "delegatecall", "callcode":
				return true
			}
		}
		return false
	}
	for _, f := range p.EntryPoints(c) {
		if !f.IsView() && axsReaches(p, c, f, "calls-out", callsOut) {
			return true
		}
	}
	return false
}

// walkForReentrancy walks one entry point, recording reads, calls, writes
// and events in execution order. Genuine reads (not the implicit read of a
// compound assignment) are added to readAnywhere.
func walkForReentrancy(p *Pass, c *sema.Contract, f *sema.Function, reader *reentStaticReader, readAnywhere map[*ast.VariableDeclaration]bool) *reentEntryWalk {
	s := &reentWalkState{p: p, c: c, reader: reader,
		w: &reentEntryWalk{entry: f,
			sites:   map[ast.Node]CallSite{},
			before:  map[ast.Node]map[*ast.VariableDeclaration]bool{},
			guarded: map[ast.Node]bool{},
			locked:  map[ast.Node]bool{},
			anchor:  map[ast.Node]ast.Node{},
		},
		privileged:   reader.privileged(f),
		loopBodies:   map[ast.Node]int{},
		readSoFar:    map[*ast.VariableDeclaration]bool{},
		callStmt:     map[ast.Node]ast.Node{},
		failBranch:   map[ast.Node][]ast.Node{},
		callEpoch:    map[ast.Node]int{},
		seenWrite:    map[ast.Node]*reentWriteEvent{},
		seenEmit:     map[ast.Node]*reentEmitEvent{},
		condChecked:  map[*ast.VariableDeclaration]bool{},
		checkedAfter: map[*ast.VariableDeclaration]map[ast.Node]bool{},
		deleted:      map[ast.Node]bool{},
		credited:     map[ast.Node]bool{},
		localReads:   map[*ast.VariableDeclaration]map[*ast.VariableDeclaration]bool{},
		localCopy:    map[*ast.VariableDeclaration]*ast.VariableDeclaration{},
		genuine:      map[*ast.VariableDeclaration]map[ast.Node]bool{},
		alias:        map[*ast.VariableDeclaration]*ast.VariableDeclaration{},
		fresh:        map[*ast.VariableDeclaration]bool{},
	}
	for _, l := range c.Linearization {
		if !l.IsLibrary() && !l.IsInterface() {
			s.own = append(s.own, l.Def.Span())
		}
	}
	s.wk = p.NewWalker(c, f, FlowVisitor{Node: s.node, Read: s.read, Call: s.call, Write: s.write, Emit: s.emit})
	s.wk.Run()
	s.flush(nil)
	for v, ats := range s.genuine {
		if len(ats) > 0 {
			readAnywhere[v] = true
		}
	}
	return s.w
}

// reentrantCalls filters the calls of a state down to reentrant ones.
func (s *reentWalkState) reentrantCalls(st FlowState) []CallSite {
	var out []CallSite
	for _, cs := range st.Calls {
		if s.reentrant(cs) {
			out = append(out, cs)
		}
	}
	return out
}

// callsBefore returns the reentrant calls that precede a write or event
// at `at`, leaving out the call of the same statement and calls whose
// failure branch holds it.
func (s *reentWalkState) callsBefore(at ast.Node, st FlowState, cur ast.Node) []CallSite {
	var out []CallSite
	for _, cs := range s.reentrantCalls(st) {
		if stmt, ok := s.callStmt[cs.Node]; ok && stmt == cur {
			continue // the write or event is part of the call's own statement
		}
		failed := false
		for _, b := range s.failBranch[cs.Node] {
			if reentWithin(at.Span(), b.Span()) {
				failed = true
			}
		}
		if failed {
			continue // only reached when the call failed (and its effects reverted)
		}
		out = append(out, cs)
	}
	return out
}

// flush completes a pending write unless n is part of it.
func (s *reentWalkState) flush(n ast.Node) {
	pw := s.pending
	if pw == nil {
		return
	}
	if n != nil && reentWithin(n.Span(), pw.span) {
		return
	}
	s.pending = nil
	if pw.compound {
		s.readSoFar[pw.v] = true
	}
	s.recordWrite(pw.v, pw.at, pw.value, pw.st, pw.stmt)
}

// missed reports lvalues whose writes the walker does not report.
func (s *reentWalkState) missed(e ast.Expr) bool {
	m, ok := RootExpr(e).(*ast.MemberAccess)
	if !ok {
		return false
	}
	_, decl := s.p.Program.Ref(m).(*ast.VariableDeclaration)
	return !decl
}

// stateOf returns the state variable e is rooted in, following storage
// pointers, through any depth of member and index accesses.
func (s *reentWalkState) stateOf(e ast.Expr) *ast.VariableDeclaration {
	for {
		switch x := Unparen(e).(type) {
		case *ast.IndexAccess:
			e = x.X
			continue
		case *ast.IndexRangeAccess:
			e = x.X
			continue
		case *ast.MemberAccess:
			if v, ok := s.p.Program.Ref(x).(*ast.VariableDeclaration); ok && v.IsStateVar {
				e = x
				break
			}
			e = x.X
			continue
		}
		break
	}
	var v *ast.VariableDeclaration
	switch x := Unparen(e).(type) {
	case *ast.Identifier:
		v, _ = s.p.Program.Ref(x).(*ast.VariableDeclaration)
	case *ast.MemberAccess:
		v, _ = s.p.Program.Ref(x).(*ast.VariableDeclaration)
	}
	if v == nil {
		return nil
	}
	if v.IsStateVar {
		if v.Constant || v.Immutable {
			return nil
		}
		return v
	}
	if a := s.wk.StateVarOf(Unparen(e)); a != nil {
		return a
	}
	return s.alias[v]
}

// pend records a write the walker will not report.
func (s *reentWalkState) pend(lv, value ast.Expr, span source.Span, st FlowState, compound bool) {
	if !s.missed(lv) {
		return
	}
	if v := s.stateOf(lv); v != nil {
		s.flush(nil)
		s.pending = &reentPendingWrite{v: v, at: lv, value: value, span: span, stmt: s.cur, st: st, compound: compound}
	}
}

func (s *reentWalkState) node(n ast.Node, st FlowState) {
	if s.pending != nil {
		if reentWithin(n.Span(), s.pending.span) {
			s.pending.st = st
		} else {
			s.flush(n)
		}
	}
	if stmt, ok := n.(ast.Stmt); ok {
		if _, isBlock := stmt.(*ast.Block); !isBlock {
			s.cur = n
		}
	}
	switch x := n.(type) {
	case *ast.Identifier:
		// The walker reports reads of state variables only; reads through
		// a storage pointer (Holder storage acc = Acc[k]; acc.balance)
		// are reads of the state it points into.
		if l, ok := s.p.Program.Ref(x).(*ast.VariableDeclaration); ok && !l.IsStateVar {
			if v := s.stateOf(x); v != nil {
				s.read(v, x, st)
			}
		}
	case *ast.ForStatement:
		s.loopBodies[x.Body] += 0
	case *ast.WhileStatement:
		s.loopBodies[x.Body] += 0
	case *ast.DoWhileStatement:
		s.loopBodies[x.Body] += 0
	case *ast.InlineAssembly:
		s.freshFromYul(x.Body)
	case *ast.VariableDeclarationStatement:
		if len(x.Decls) == 1 && x.Decls[0] != nil && x.Value != nil {
			l := x.Decls[0]
			s.bindLocal(l, x.Value)
			s.fresh[l] = reentDeploys(s.p.Program, x.Value)
			if reentStoragePointer(s.p.Program, l, x.Value) {
				// Also covers what the walker misses: pointers into
				// s.inner, pre-0.5 `var acc = Acc[msg.sender];`, and
				// ERC-7201 namespaces ($ = _getStorage()).
				if v := s.stateOf(x.Value); v != nil {
					s.alias[l] = v
				} else if ns := reentNamespace(s.p.Program, s.c, x.Value); ns != nil {
					s.alias[l] = ns
					s.localReads[l] = map[*ast.VariableDeclaration]bool{ns: true}
				}
			}
		}
	case *ast.Assignment:
		if id, ok := Unparen(x.LHS).(*ast.Identifier); ok && x.Op == "=" {
			if l, ok := s.p.Program.Ref(id).(*ast.VariableDeclaration); ok && !l.IsStateVar {
				s.bindLocal(l, x.RHS)
				s.fresh[l] = reentDeploys(s.p.Program, x.RHS)
			}
		}
		if x.Op == "+=" {
			s.credited[x.LHS] = true
		}
		s.pend(x.LHS, x.RHS, x.Span(), st, x.Op != "=")
	case *ast.UnaryOperation:
		if x.Op == "delete" {
			s.deleted[x.X] = true
		}
		if x.Op == "++" {
			s.credited[x.X] = true
		}
		if x.Op == "delete" || x.Op == "++" || x.Op == "--" {
			s.pend(x.X, nil, x.Span(), st, x.Op != "delete")
		}
	case *ast.FunctionCall:
		if IsBuiltinCall(s.p.Program, x, "array.push", "array.pop") {
			if m, ok := x.Fn.(*ast.MemberAccess); ok {
				s.pend(m.X, nil, x.Span(), st, false)
			}
		}
		if IsBuiltinCall(s.p.Program, x, "require", "assert") && len(x.Args) > 0 {
			s.checked(x.Args[0], st)
		}
		if call := s.p.Program.CallOf(x); call != nil && (call.Kind == sema.CallInternal || call.Kind == sema.CallLibrary) && s.inOwn(x) {
			if len(s.ownCalls) == 16 {
				s.ownCalls = s.ownCalls[1:]
			}
			s.ownCalls = append(s.ownCalls, x)
		}
	case *ast.IfStatement:
		if reentExits(x.Then) || (x.Else != nil && reentExits(x.Else)) {
			s.checked(x.Cond, st)
		}
	}
	if stmt, ok := n.(ast.Stmt); ok {
		if visits, isBody := s.loopBodies[stmt]; isBody {
			s.loopBodies[stmt] = visits + 1
			if visits+1 >= 2 {
				s.epoch++ // a loop's back edge: later visits are a new iteration
			}
		}
	}
}

// bindLocal records what state a local is computed from.
func (s *reentWalkState) bindLocal(l *ast.VariableDeclaration, value ast.Expr) {
	reads := map[*ast.VariableDeclaration]bool{}
	s.reader.expr(value, reads, s.localReads)
	s.localReads[l] = reads
	if v := s.wk.StateVarOf(value); v != nil && reentPlainRead(value) {
		s.localCopy[l] = v
	} else {
		delete(s.localCopy, l)
	}
}

// checked records a validation: the state a condition depends on.
func (s *reentWalkState) checked(cond ast.Expr, st FlowState) {
	reads := map[*ast.VariableDeclaration]bool{}
	s.reader.expr(cond, reads, s.localReads)
	calls := s.reentrantCalls(st)
	for v := range reads {
		s.condChecked[v] = true
		if len(calls) == 0 {
			continue
		}
		m := s.checkedAfter[v]
		if m == nil {
			m = map[ast.Node]bool{}
			s.checkedAfter[v] = m
		}
		for _, cs := range calls {
			m[cs.Node] = true
		}
	}
}

func (s *reentWalkState) read(v *ast.VariableDeclaration, at ast.Node, st FlowState) {
	s.flush(at)
	s.readSoFar[v] = true
	s.lastRead.v, s.lastRead.at = v, at
	if s.genuine[v] == nil {
		s.genuine[v] = map[ast.Node]bool{}
	}
	s.genuine[v][at] = true
}

func (s *reentWalkState) call(site CallSite, st FlowState) {
	s.flush(site.Node)
	if c := site.Call; (c != nil && (c.Kind == sema.CallSend || c.Kind == sema.CallTransfer) && len(c.Expr.Args) > 0 && !reentZeroLit(c.Expr.Args[0])) || reentSendsValue(site) {
		if !s.sentEth {
			s.ethSite = site.Node
		}
		s.sentEth = true
	}
	if !s.reentrant(site) {
		return
	}
	w := s.w
	first, seen := s.callEpoch[site.Node]
	if !seen {
		s.callEpoch[site.Node] = s.epoch
		w.guarded[site.Node] = st.Guarded && s.privileged
		w.locked[site.Node] = s.flagSet
		w.sites[site.Node] = site
		w.before[site.Node] = map[*ast.VariableDeclaration]bool{}
		if !s.inOwn(site.Node) {
			for i := len(s.ownCalls) - 1; i >= 0; i-- {
				call := s.p.Program.CallOf(s.ownCalls[i])
				if fn := s.p.Program.Dispatch(s.c, call); fn != nil && s.reader.reaches(fn)[site.Node] {
					w.anchor[site.Node] = s.ownCalls[i]
					break
				}
			}
		}
	} else {
		w.guarded[site.Node] = w.guarded[site.Node] && st.Guarded && s.privileged
		w.locked[site.Node] = w.locked[site.Node] && s.flagSet
	}
	if !seen || first == s.epoch {
		for v := range s.readSoFar {
			w.before[site.Node][v] = true
		}
	}
	if s.cur != nil {
		s.callStmt[site.Node] = s.cur
		if ifs, ok := s.cur.(*ast.IfStatement); ok && reentWithin(site.Node.Span(), ifs.Cond.Span()) {
			if u, ok := Unparen(ifs.Cond).(*ast.UnaryOperation); ok && u.Op == "!" {
				s.failBranch[site.Node] = []ast.Node{ifs.Then}
			} else if ifs.Else != nil {
				s.failBranch[site.Node] = []ast.Node{ifs.Else}
			}
		}
		if ts, ok := s.cur.(*ast.TryStatement); ok && reentWithin(site.Node.Span(), ts.Call.Span()) {
			var catches []ast.Node
			for _, c := range ts.Catches {
				if c.Body != nil {
					catches = append(catches, c.Body)
				}
			}
			s.failBranch[site.Node] = catches
		}
	}
}

func (s *reentWalkState) write(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
	s.flush(at)
	if e, ok := at.(ast.Expr); ok && s.lastRead.v == v && s.lastRead.at == RootExpr(e) {
		delete(s.genuine[v], s.lastRead.at) // the read of x += …, x++
	}
	s.recordWrite(v, at, value, st, s.cur)
}

func (s *reentWalkState) recordWrite(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState, cur ast.Node) {
	calls := s.callsBefore(at, st, cur)
	if len(calls) == 0 && s.condChecked[v] && (s.deleted[at] || reentConstant(s.p.Program, value)) {
		s.flagSet = true // require(!done[id]); done[id] = true;
	}
	ev := s.seenWrite[at]
	if ev == nil {
		ev = &reentWriteEvent{v: v, at: at, epoch: s.epoch, revalidated: map[ast.Node]bool{}, credit: s.credited[at]}
		s.seenWrite[at] = ev
		s.w.writes = append(s.w.writes, ev)
	}
	if id, ok := Unparen(value).(*ast.Identifier); ok && value != nil {
		if l, ok := s.p.Program.Ref(id).(*ast.VariableDeclaration); ok && s.localCopy[l] == v {
			ev.restore = true
		}
	}
	if ev.epoch == s.epoch {
		ev.calls = reentMergeSites(ev.calls, calls)
		if s.sentEth && !ev.ethBefore {
			ev.ethBefore, ev.ethSite = true, s.ethSite
		}
	} else {
		for _, cs := range calls {
			if !reentHasSite(ev.calls, cs) {
				ev.carried = reentMergeSites(ev.carried, []CallSite{cs})
			}
		}
	}
	for _, cs := range calls {
		if s.checkedAfter[v][cs.Node] {
			ev.revalidated[cs.Node] = true
		}
	}
}

func (s *reentWalkState) emit(at ast.Node, st FlowState) {
	s.flush(at)
	calls := s.callsBefore(at, st, s.cur)
	ev := s.seenEmit[at]
	if ev == nil {
		ev = &reentEmitEvent{at: at}
		s.seenEmit[at] = ev
		s.w.emits = append(s.w.emits, ev)
	}
	ev.calls = reentMergeSites(ev.calls, calls)
}

// reentrant is reentrantSite, also excluding calls to a contract the
// entry point has just deployed.
func (s *reentWalkState) reentrant(cs CallSite) bool {
	if !reentrantSite(s.p.Program, cs) {
		return false
	}
	if s.reader.inStaticContext(cs.Node) {
		return false
	}
	if cs.Call != nil && cs.Call.Receiver != nil {
		if id, ok := reentStripConversions(s.p.Program, cs.Call.Receiver).(*ast.Identifier); ok {
			if l, ok := s.p.Program.Ref(id).(*ast.VariableDeclaration); ok && s.fresh[l] {
				return false
			}
		}
	}
	return true
}

// freshFromYul marks locals assigned from create or create2 in assembly.
func (s *reentWalkState) freshFromYul(b *ast.YulBlock) {
	if b == nil {
		return
	}
	ast.Inspect(b, func(n ast.Node) bool {
		var names []ast.Ident
		var value ast.YulExpr
		switch x := n.(type) {
		case *ast.YulAssignment:
			names, value = x.Names, x.Value
		default:
			return true
		}
		c, ok := value.(*ast.YulFunctionCall)
		if !ok || (c.Name.Name != "create" && c.Name.Name != "create2") || len(names) != 1 {
			return true
		}
		// Resolve the Solidity local by name in the walked function.
		for l := range s.localsNamed(n, names[0].Name) {
			s.fresh[l] = true
		}
		return true
	})
}

// localsNamed finds the variables of that name declared in the function
// (of the analysed contract) whose body holds the node.
func (s *reentWalkState) localsNamed(at ast.Node, name string) map[*ast.VariableDeclaration]bool {
	out := map[*ast.VariableDeclaration]bool{}
	for _, fn := range s.c.Functions {
		if fn.Def.Body == nil || !reentWithin(at.Span(), fn.Def.Body.Span()) {
			continue
		}
		var decls []*ast.VariableDeclaration
		decls = append(decls, fn.Def.Params...)
		decls = append(decls, fn.Def.Returns...)
		decls = append(decls, fn.Locals...)
		for _, l := range decls {
			if l != nil && l.Name.Name == name {
				out[l] = true
			}
		}
	}
	return out
}

// reentStoragePointer reports locals that point into storage: declared
// storage, or untyped (var) and initialised from a storage reference.
func reentStoragePointer(prog *sema.Program, l *ast.VariableDeclaration, value ast.Expr) bool {
	if l.Location == "storage" || prog.DeclType(l).Storage {
		return true
	}
	if l.Type != nil {
		return false
	}
	t := prog.TypeOf(value)
	switch t.Kind {
	case sema.Struct, sema.Array, sema.Mapping:
		return t.Storage
	}
	return false
}

// reentDeploys matches new C(…) (possibly converted).
func reentDeploys(prog *sema.Program, e ast.Expr) bool {
	fc, ok := reentStripConversions(prog, e).(*ast.FunctionCall)
	if !ok {
		return false
	}
	fn := fc.Fn
	if o, ok := fn.(*ast.FunctionCallOptions); ok {
		fn = o.X
	}
	_, isNew := fn.(*ast.NewExpression)
	return isNew
}

// reentStripConversions removes address(x), payable(x), IToken(x).
func reentStripConversions(prog *sema.Program, e ast.Expr) ast.Expr {
	e = Unparen(e)
	for {
		c, ok := e.(*ast.FunctionCall)
		if !ok || len(c.Args) != 1 {
			return e
		}
		call := prog.CallOf(c)
		if _, elem := c.Fn.(*ast.ElementaryTypeExpression); !elem && (call == nil || call.Kind != sema.CallConversion) {
			return e
		}
		e = Unparen(c.Args[0])
	}
}

// inOwn reports whether n is in the code of the analysed contract or its
// bases, as opposed to a library or a free function.
func (s *reentWalkState) inOwn(n ast.Node) bool {
	for _, sp := range s.own {
		if reentWithin(n.Span(), sp) {
			return true
		}
	}
	return false
}

func reentHasSite(list []CallSite, s CallSite) bool {
	for _, x := range list {
		if x.Node == s.Node {
			return true
		}
	}
	return false
}

// reentPlainRead matches x, x[k], x.f: a copy of state, not a computation.
func reentPlainRead(e ast.Expr) bool {
	switch x := Unparen(e).(type) {
	case *ast.Identifier:
		return true
	case *ast.IndexAccess:
		return reentPlainRead(x.X)
	case *ast.MemberAccess:
		return reentPlainRead(x.X)
	}
	return false
}

// reentConstant matches flag values: literals, constants, enum members,
// address(0), type(T).max.
func reentConstant(prog *sema.Program, e ast.Expr) bool {
	if e == nil {
		return false
	}
	switch x := Unparen(e).(type) {
	case *ast.Literal:
		return true
	case *ast.Identifier:
		v, ok := prog.Ref(x).(*ast.VariableDeclaration)
		return ok && v.Constant
	case *ast.MemberAccess:
		if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok {
			return v.Constant
		}
		if t := prog.TypeOf(x.X); t.Kind == sema.TypeName && t.Of != nil && t.Of.Kind == sema.Enum {
			return true
		}
		if _, ok := x.X.(*ast.MetaType); ok {
			return true
		}
	case *ast.FunctionCall:
		if _, conv := x.Fn.(*ast.ElementaryTypeExpression); conv && len(x.Args) == 1 {
			return reentConstant(prog, x.Args[0])
		}
	case *ast.UnaryOperation:
		return x.Op == "-" && reentConstant(prog, x.X)
	}
	return false
}

// reentExits reports statements that end the path: revert, throw,
// return, or a block ending in one.
func reentExits(s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.RevertStatement, *ast.ThrowStatement, *ast.ReturnStatement:
		return true
	case *ast.Block:
		return len(x.Stmts) > 0 && reentExits(x.Stmts[len(x.Stmts)-1])
	case *ast.ExpressionStatement:
		if c, ok := x.X.(*ast.FunctionCall); ok {
			if id, ok := c.Fn.(*ast.Identifier); ok && id.Name == "revert" {
				return true
			}
		}
	}
	return false
}

func reentMergeSites(a, b []CallSite) []CallSite {
	for _, s := range b {
		found := false
		for _, x := range a {
			if x.Node == s.Node {
				found = true
				break
			}
		}
		if !found {
			a = append(a, s)
		}
	}
	return a
}

// reentrantSite reports external interactions that hand control to code
// that can call back: not send/transfer (2300 gas), not staticcall, not
// calls of view or pure functions, not calls to the contract itself.
func reentrantSite(prog *sema.Program, s CallSite) bool {
	if s.Call == nil {
		return s.Yul == "call" || s.Yul == "callcode" || s.Yul == "delegatecall"
	}
	switch s.Call.Kind {
	case sema.CallExternal:
		if reentIsSelf(prog, s.Call.Receiver) {
			return false
		}
		if s.Call.Callee != nil {
			switch s.Call.Callee.Mutability {
			case "view", "pure", "constant":
				// A STATICCALL only from Solidity 0.5 on: before it, a call
				// to a view function was a plain CALL, and the code at the
				// receiver (not the declared one) could change state.
				if !reentLegacyCallSite(prog, s.Node) {
					return false
				}
			}
		}
		return true
	case sema.CallLowLevel:
		if s.Call.Name == "staticcall" || reentIsSelf(prog, s.Call.Receiver) {
			return false
		}
		return true
	}
	return false
}

// reentLegacyCallSite reports call sites in a file that a compiler older
// than 0.5 may build, where calls to view and pure functions are CALLs.
func reentLegacyCallSite(prog *sema.Program, n ast.Node) bool {
	if n == nil {
		return false
	}
	f := n.Span().File
	for _, u := range prog.Units {
		if u.AST != nil && u.AST.File == f {
			return AllowsSolcBelow(u.AST, solc05)
		}
	}
	return false
}

// reentSendsValue reports calls that forward ether with enough gas to
// re-enter; an explicit zero value does not count.
func reentSendsValue(s CallSite) bool {
	if s.Call == nil {
		if c, ok := s.Node.(*ast.YulFunctionCall); ok && (s.Yul == "call" || s.Yul == "callcode") && len(c.Args) > 2 {
			if l, ok := c.Args[2].(*ast.YulLiteral); ok && strings.Trim(l.Value, "0x") == "" {
				return false
			}
			return true
		}
		return false
	}
	if !s.SendsValue() {
		return false
	}
	return !reentZeroLit(s.Call.Value)
}

// reentZeroLit matches 0 (and 0x0), possibly in parentheses.
func reentZeroLit(e ast.Expr) bool {
	l, ok := Unparen(e).(*ast.Literal)
	return ok && l.Kind == ast.NumberLiteral && strings.Trim(l.Value, "0x") == "" && l.Unit == ""
}

// reentIsSelf matches this, address(this) and payable(address(this)).
func reentIsSelf(prog *sema.Program, e ast.Expr) bool {
	e = Unparen(e)
	for {
		c, ok := e.(*ast.FunctionCall)
		if !ok || len(c.Args) != 1 {
			break
		}
		if _, conv := c.Fn.(*ast.ElementaryTypeExpression); !conv {
			break
		}
		e = Unparen(c.Args[0])
	}
	id, ok := e.(*ast.Identifier)
	return ok && id.Name == "this" && prog.Ref(id) == sema.Builtin("this")
}

// reentWithin reports whether inner lies inside outer in the same file.
func reentWithin(inner, outer source.Span) bool {
	return inner.File != nil && inner.File == outer.File &&
		inner.Start.Offset >= outer.Start.Offset && inner.End.Offset <= outer.End.Offset
}

// reentScopeFiles returns the files findings may be reported in.
func reentScopeFiles(prog *sema.Program) map[*source.File]bool {
	out := map[*source.File]bool{}
	for _, u := range prog.Units {
		if u.InScope && u.AST != nil {
			out[u.AST.File] = true
		}
	}
	return out
}

// reentAnyInScope reports whether one of the nodes is in an in-scope file.
func reentAnyInScope(scope map[*source.File]bool, nodes ...ast.Node) bool {
	for _, n := range nodes {
		if n != nil && scope[n.Span().File] {
			return true
		}
	}
	return false
}

// reentSortNodes orders items by the source position of their node.
func reentSortNodes[T any](items []T, node func(T) ast.Node) {
	sort.SliceStable(items, func(i, j int) bool { return reentNodeLess(node(items[i]), node(items[j])) })
}

func reentNodeLess(a, b ast.Node) bool {
	sa, sb := a.Span(), b.Span()
	pa, pb := "", ""
	if sa.File != nil {
		pa = sa.File.Path
	}
	if sb.File != nil {
		pb = sb.File.Path
	}
	if pa != pb {
		return pa < pb
	}
	return sa.Start.Offset < sb.Start.Offset
}

// reentCode renders a node's source on one line, shortened for messages.
func reentCode(n ast.Node, max int) string {
	s := strings.Join(strings.Fields(n.Span().Text()), " ")
	if r := []rune(s); len(r) > max {
		s = string(r[:max-1]) + "…"
	}
	return s
}

// reentQualified renders Contract.f(types) for messages, naming the
// contract the code was analysed in.
func reentQualified(ctx *sema.Contract, f *sema.Function) string {
	sig := FunctionSignature(f.Def)
	if ctx != nil {
		return ctx.Name() + "." + sig
	}
	if f.Def.Contract != nil {
		return f.Def.Contract.Name.Name + "." + sig
	}
	return sig
}

// reportReentrancy turns the findings of one kind into reports.
func reportReentrancy(p *Pass, list []*reentFinding, describe func(f *reentFinding) (string, []RelatedNode)) {
	sorted := append([]*reentFinding(nil), list...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].call != sorted[j].call {
			return reentNodeLess(sorted[i].call, sorted[j].call)
		}
		return reentNodeLess(sorted[i].entry.Def, sorted[j].entry.Def)
	})
	for _, f := range sorted {
		msg, related := describe(f)
		p.Report(Report{At: f.call, Message: msg, Related: related,
			Contract: f.ctx.Def, Function: f.entry.Def})
	}
}

// reentWrittenNames lists the written lvalues for a message: "balances[msg.sender] and total".
func reentWrittenNames(ws []reentWrite) string {
	var names []string
	seen := map[string]bool{}
	for _, w := range ws {
		n := w.v.Name.Name
		if e, ok := w.at.(ast.Expr); ok {
			n = reentCode(e, 40)
		}
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// reentEventName returns the name of the emitted event: E in `emit E(…)`.
func reentEventName(n ast.Node) string {
	var call *ast.FunctionCall
	switch x := n.(type) {
	case *ast.EmitStatement:
		call = x.Call
	case *ast.FunctionCall:
		call = x
	}
	if call == nil {
		return reentCode(n, 40)
	}
	switch fn := call.Fn.(type) {
	case *ast.Identifier:
		return fn.Name
	case *ast.MemberAccess:
		return fn.Member.Name
	}
	return reentCode(call.Fn, 40)
}

// reentJoin joins names without repeats: "A, B and C".
func reentJoin(names []string) string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

// reentStaticReader answers flow-insensitive questions about code in the
// context of one contract: which state an expression depends on (through
// internal calls), and whether a function authorises its caller against a
// privileged address or role.
type reentStaticReader struct {
	prog  *sema.Program
	ctx   *sema.Contract
	reads map[*sema.Function]map[*ast.VariableDeclaration]bool
	auth  map[*sema.Function]bool
	reach map[*sema.Function]map[ast.Node]bool
	// bodies indexes function bodies by file, for inStaticContext.
	bodies map[*source.File][]*ast.FunctionDefinition
}

// inStaticContext reports calls made inside a view or pure function:
// since Solidity 0.5 those are STATICCALLs, which cannot change state
// and so cannot re-enter harmfully.
func (r *reentStaticReader) inStaticContext(n ast.Node) bool {
	if r.bodies == nil {
		r.bodies = reentStaticBodies(r.prog)
	}
	sp := n.Span()
	for _, f := range r.bodies[sp.File] {
		if reentWithin(sp, f.Body.Span()) {
			return true
		}
	}
	return false
}

var reentStaticCache progCache[map[*source.File][]*ast.FunctionDefinition]

// reentStaticBodies indexes the view and pure function bodies of prog by
// file (not those of 0.4 files), once per program.
func reentStaticBodies(prog *sema.Program) map[*source.File][]*ast.FunctionDefinition {
	return reentStaticCache.get(prog, func() map[*source.File][]*ast.FunctionDefinition {
		bodies := map[*source.File][]*ast.FunctionDefinition{}
		for _, u := range prog.Units {
			if u.AST == nil {
				continue
			}
			legacy := false
			for _, pr := range u.AST.Pragmas {
				if pr.Name == "solidity" && strings.Contains(pr.Value, "0.4.") {
					legacy = true // view functions still used CALL
				}
			}
			if legacy {
				continue
			}
			ast.Inspect(u.AST, func(x ast.Node) bool {
				if f, ok := x.(*ast.FunctionDefinition); ok {
					if f.Body != nil && (f.Mutability == "view" || f.Mutability == "pure") {
						bodies[u.AST.File] = append(bodies[u.AST.File], f)
					}
					return false
				}
				return true
			})
		}
		return bodies
	})
}

func newReentStaticReader(prog *sema.Program, ctx *sema.Contract) *reentStaticReader {
	return &reentStaticReader{prog: prog, ctx: ctx,
		reads: map[*sema.Function]map[*ast.VariableDeclaration]bool{},
		auth:  map[*sema.Function]bool{},
		reach: map[*sema.Function]map[ast.Node]bool{}}
}

// reaches returns the call nodes (Solidity and Yul) in fn and in the
// functions it calls internally, transitively.
func (r *reentStaticReader) reaches(fn *sema.Function) map[ast.Node]bool {
	if m, ok := r.reach[fn]; ok {
		return m
	}
	m := map[ast.Node]bool{}
	r.reach[fn] = m
	if fn.Def.Body == nil {
		return m
	}
	var callees []*sema.Function
	inspectBody(r.prog, fn.Def.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.YulFunctionCall:
			m[x] = true
		case *ast.FunctionCall:
			m[x] = true
			if call := r.prog.CallOf(x); call != nil && (call.Kind == sema.CallInternal || call.Kind == sema.CallLibrary) {
				if g := r.prog.Dispatch(r.ctx, call); g != nil {
					callees = append(callees, g)
				}
			}
		}
		return true
	})
	for _, g := range callees {
		for k := range r.reaches(g) {
			m[k] = true
		}
	}
	return m
}

// expr adds to out the state variables e reads, directly, through locals
// computed from state (locals) and through internal calls.
func (r *reentStaticReader) expr(e ast.Node, out map[*ast.VariableDeclaration]bool, locals map[*ast.VariableDeclaration]map[*ast.VariableDeclaration]bool) {
	if e == nil {
		return
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Identifier, *ast.MemberAccess:
			if v, ok := r.prog.Ref(x).(*ast.VariableDeclaration); ok {
				if v.IsStateVar {
					if !v.Constant && !v.Immutable {
						out[v] = true
					}
				} else {
					for s := range locals[v] {
						out[s] = true
					}
				}
			}
		case *ast.FunctionCall:
			call := r.prog.CallOf(x)
			if call == nil {
				return true
			}
			switch call.Kind {
			case sema.CallInternal:
				if fn := r.prog.Dispatch(r.ctx, call); fn != nil {
					for v := range r.function(fn) {
						out[v] = true
					}
				}
			case sema.CallExternal, sema.CallLowLevel, sema.CallSend, sema.CallTransfer:
				// The result of a call to another contract does not carry
				// the state its arguments were computed from.
				return false
			}
		}
		return true
	})
}

// function returns the state a function reads, transitively.
func (r *reentStaticReader) function(fn *sema.Function) map[*ast.VariableDeclaration]bool {
	if m, ok := r.reads[fn]; ok {
		return m
	}
	m := map[*ast.VariableDeclaration]bool{}
	r.reads[fn] = m // cycles end here
	if fn.Def.Body != nil {
		// Storage pointers to ERC-7201 namespaces stand for their
		// namespace: reading $.x reads the namespace.
		locals := map[*ast.VariableDeclaration]map[*ast.VariableDeclaration]bool{}
		inspectBody(r.prog, fn.Def.Body, func(n ast.Node) bool {
			if d, ok := n.(*ast.VariableDeclarationStatement); ok && len(d.Decls) == 1 && d.Decls[0] != nil && d.Value != nil {
				if ns := reentNamespace(r.prog, r.ctx, d.Value); ns != nil {
					locals[d.Decls[0]] = map[*ast.VariableDeclaration]bool{ns: true}
				}
			}
			return true
		})
		r.expr(fn.Def.Body, m, locals)
	}
	return m
}

// reentNamespace recognises `_getXStorage()`: an internal function that
// returns one storage struct pointer computed in assembly (ERC-7201
// namespaced storage, diamond storage). Its return variable stands for
// the namespace, as a state variable would.
func reentNamespace(prog *sema.Program, ctx *sema.Contract, value ast.Expr) *ast.VariableDeclaration {
	fc, ok := Unparen(value).(*ast.FunctionCall)
	if !ok {
		return nil
	}
	call := prog.CallOf(fc)
	if call == nil || call.Kind != sema.CallInternal {
		return nil
	}
	fn := prog.Dispatch(ctx, call)
	if fn == nil || fn.Def.Body == nil || len(fn.Def.Returns) != 1 || fn.Def.Returns[0].Location != "storage" {
		return nil
	}
	if !Contains(fn.Def.Body, func(n ast.Node) bool { _, asm := n.(*ast.InlineAssembly); return asm }) {
		return nil
	}
	return fn.Def.Returns[0]
}

// privileged reports whether f, its modifiers or the internal functions
// they call compare the caller with a privileged address (a plain state
// variable, owner(), address(this), a constant) or pass it to a role or
// ownership check. Keys of mappings (claimed[msg.sender]) and struct
// fields (order.maker) are ownership of an entry, not privilege.
func (r *reentStaticReader) privileged(f *sema.Function) bool {
	var nodes []ast.Node
	for _, m := range f.Modifiers(r.ctx) {
		if m.Def.Body != nil {
			nodes = append(nodes, m.Def.Body)
		}
	}
	if f.Def.Body != nil {
		nodes = append(nodes, f.Def.Body)
	}
	seen := map[*sema.Function]bool{f: true}
	for _, n := range nodes {
		if r.authorises(n, seen, 0) {
			return true
		}
	}
	return false
}

func (r *reentStaticReader) authorises(n ast.Node, seen map[*sema.Function]bool, depth int) bool {
	return Contains(n, func(x ast.Node) bool {
		switch y := x.(type) {
		case *ast.BinaryOperation:
			if y.Op != "==" && y.Op != "!=" {
				return false
			}
			return (IsSender(y.X) && r.privilegedRef(y.Y)) || (IsSender(y.Y) && r.privilegedRef(y.X))
		case *ast.FunctionCall:
			call := r.prog.CallOf(y)
			if call == nil {
				return false
			}
			switch call.Kind {
			case sema.CallInternal, sema.CallExternal, sema.CallLibrary:
			default:
				return false
			}
			name := strings.ToLower(call.Name)
			for _, a := range call.Args() {
				if IsSender(a) {
					for _, k := range []string{"role", "auth", "owner", "admin", "whitelist", "allow", "permission", "operator", "governance", "guardian"} {
						if strings.Contains(name, k) {
							return true
						}
					}
				}
			}
			if call.Kind == sema.CallInternal && depth < 4 {
				fn := r.prog.Dispatch(r.ctx, call)
				if fn == nil || fn.Def.Body == nil || seen[fn] {
					return false
				}
				if v, ok := r.auth[fn]; ok {
					return v
				}
				seen[fn] = true
				v := r.authorises(fn.Def.Body, seen, depth+1)
				r.auth[fn] = v
				return v
			}
		}
		return false
	})
}

// privilegedRef matches what a caller is compared with when authorising:
// a plain (non-mapping) state variable, a constant or immutable,
// address(this), or a call without arguments (owner(), _executor()).
func (r *reentStaticReader) privilegedRef(e ast.Expr) bool {
	e = Unparen(e)
	for {
		c, ok := e.(*ast.FunctionCall)
		if !ok || len(c.Args) != 1 {
			break
		}
		if _, conv := c.Fn.(*ast.ElementaryTypeExpression); !conv {
			if call := r.prog.CallOf(c); call == nil || call.Kind != sema.CallConversion {
				break
			}
		}
		e = Unparen(c.Args[0])
	}
	switch x := e.(type) {
	case *ast.Identifier:
		if x.Name == "this" {
			return true
		}
		v, ok := r.prog.Ref(x).(*ast.VariableDeclaration)
		return ok && v.IsStateVar
	case *ast.MemberAccess:
		v, ok := r.prog.Ref(x).(*ast.VariableDeclaration)
		return ok && v.IsStateVar && (v.Constant || v.Immutable)
	case *ast.FunctionCall:
		call := r.prog.CallOf(x)
		return call != nil && len(x.Args) == 0 && (call.Kind == sema.CallInternal || call.Kind == sema.CallExternal)
	}
	return false
}

// reentInnerCall names the external call inside library code when the
// finding is reported at the contract's own call that reaches it.
func reentInnerCall(f *reentFinding) []RelatedNode {
	if f.site.Node == nil || f.site.Node == f.call {
		return nil
	}
	return []RelatedNode{{At: f.site.Node, Message: "the external call it makes: " + reentCode(f.site.Node, 60)}}
}

// reentAlso lists the other writes after the call as related locations.
func reentAlso(f *reentFinding) []RelatedNode {
	var out []RelatedNode
	for _, w := range f.also {
		out = append(out, RelatedNode{At: w.at, Message: "also written after the call: " + w.v.Name.Name})
	}
	return out
}
