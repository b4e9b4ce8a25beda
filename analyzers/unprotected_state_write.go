package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// UnprotectedStateWrite flags functions anyone can call that change the
// state authorisation relies on: the owner, admins, roles.
var UnprotectedStateWrite = &Analyzer{
	ID:         "unprotected-state-write",
	Title:      "Anyone can change privileged state",
	Severity:   High,
	Confidence: ConfidenceMedium,
	Category:   CatAccessControl,
	SWC:        "SWC-105",
	CWE:        []string{"CWE-284"},
	Description: "A public or external function writes a state variable that another part of the contract " +
		"uses to authorise callers — `owner` in `require(msg.sender == owner)`, `admins[msg.sender]`, a role " +
		"mapping — and nothing checks `msg.sender` before the write. Any caller can make themselves the " +
		"owner or an admin and pass every check that trusts it. In a contract that guards its functions, " +
		"an unguarded setter of an address the contract pays ether to (`setTreasury(_t)`) is reported too: " +
		"anyone can redirect the payouts. Constructors and one-time initializers (an `initializer` modifier " +
		"or a flag that is tested and set) are not flagged, nor is a caller taking a payout slot for " +
		"themselves (`winner = msg.sender`).",
	Exploit: "The attacker calls `changeOwner(attacker)` (or `addAdmin(attacker)`), then calls the functions " +
		"restricted to the owner: withdraws the funds, mints tokens, or destroys the contract. Or the attacker " +
		"calls `setTreasury(attacker)` and receives the owner's next `sweep()`.",
	Recommendation: "Restrict the function with the same check it feeds (`onlyOwner`, `onlyRole(...)`), or " +
		"make it a constructor or a one-time initializer.",
	Run: runUnprotectedStateWrite,
}

func init() { registry = append(registry, UnprotectedStateWrite) }

func runUnprotectedStateWrite(p *Pass) {
	prog := p.Program
	done := map[ast.Node]bool{}
	for _, c := range axsAccessRoots(p) {
		auth := axsAuthRefs(p, c)
		if len(auth) == 0 {
			continue
		}
		// Payout destinations: plain address state variables the
		// contract sends its ether to. In a contract that guards some of
		// its functions, letting anyone set one redirects the payouts.
		payouts := axsPayoutRefs(prog, c)
		for v := range auth {
			delete(payouts, v)
		}
		watched := auth
		if len(payouts) > 0 {
			watched = map[*ast.VariableDeclaration]ast.Node{}
			for v, n := range auth {
				watched[v] = n
			}
			for v, n := range payouts {
				watched[v] = n
			}
		}
		writesAuth := axsWritesAny(prog, c, watched)
		reachKey := "writes-auth" // memoised per key: a wider set needs its own
		if len(payouts) > 0 {
			reachKey = "writes-auth-or-payout"
		}
		for _, f := range p.EntryPoints(c) {
			if f.IsView() || !axsReaches(p, c, f, reachKey, writesAuth) {
				continue
			}
			if axsOneTime(p, c, f) || axsReinitCandidate(p, c, f) {
				continue
			}
			if axsMisnamedConstructor(p, f.Contract, f) != "" {
				continue // misnamed-constructor reports it
			}
			entry := f
			abstract := false
			purchase := f.IsPayable() && Contains(f.Def.Body, func(n ast.Node) bool {
				e, ok := n.(ast.Expr)
				return ok && IsMagic(e, "msg", "value")
			})
			var wk *Walker
			guard := axsNewCallerCheck(p, c)
			// lastCall is the latest call written in f's own body: the one
			// the walk is inside of when a write happens in a callee.
			var lastCall ast.Node
			wk = p.NewWalker(c, f, FlowVisitor{
				Node: func(n ast.Node, st FlowState) {
					guard.visit(wk, n)
					if axsCallsAbstract(prog, c, n) {
						abstract = true
					}
					if fc, ok := n.(*ast.FunctionCall); ok && f.Def.Body != nil && reentWithin(fc.Span(), f.Def.Body.Span()) {
						lastCall = fc
					}
				},
				Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
					if send, ok := payouts[v]; ok {
						// Only a destination the caller names outright
						// (setTreasury(_t)); taking the slot for oneself
						// (winner = msg.sender) is a game's design.
						if guard.guarded(st) || abstract || done[at] || axsIsIndexed(at) || value == nil ||
							!wk.Tainted(value) || axsSenderish(wk, value) || axsMentionsMsgValue(prog, value, nil) {
							return
						}
						if e, ok := at.(ast.Expr); !ok || RootExpr(e) != unparen(e) {
							return
						}
						done[at] = true
						axsReportAt(p, at, axsQualified(c, entry)+" lets any caller set "+v.Name.Name+
							", the address the contract pays ether to; no check of msg.sender guards the write",
							RelatedNode{At: send, Message: "ether is sent to " + v.Name.Name + " here"})
						return
					}
					trust, ok := auth[v]
					if !ok || guard.guarded(st) || abstract || !axsWritesTrustedField(p, c, v, at) {
						return
					}
					// A write inside another public entry point is reported
					// there; this entry point is reported at its call.
					site := at
					if lastCall != nil && axsInOtherEntry(p, c, f, at) {
						site = lastCall
					}
					if done[site] {
						return
					}
					keys := axsKeys(wk, at)
					// Writes whose value or entry the caller picks (owner = _new,
					// owner = msg.sender, admins[_a] = true), and revocations
					// (admins[_a] = false, delete owner) of someone else's rights.
					clears := value == nil || axsIsZero(value)
					picked := false
					switch {
					case clears:
						picked = len(keys.sender) == 0 && (keys.chosen || !axsIsIndexed(at))
					default:
						picked = wk.Tainted(value) || axsSenderish(wk, value) || (keys.chosen && axsNonZeroLiteral(value))
					}
					if !picked {
						return
					}
					if e, ok := at.(ast.Expr); ok {
						if u, ok := unparen(e).(*ast.UnaryOperation); ok && (u.Op == "++" || u.Op == "--") {
							return
						}
					}
					if len(keys.sender) > 0 {
						checked := axsAuthKeyPositions(p, c, v)
						for pos := range keys.sender {
							if !checked[pos] {
								return // the caller writes only its own namespace: approvals it grants
							}
						}
						if !axsLooksPrivileged(v.Name.Name) || clears {
							return // open self-registration of a non-privileged set
						}
					}
					if purchase && value != nil && axsSenderish(wk, value) {
						return // paying to become the holder is the contract's design
					}
					done[site] = true
					verb := " lets any caller write "
					if clears {
						verb = " lets any caller clear "
					}
					if site != at {
						p.Report(Report{At: site, Function: f.Def, Contract: c.Def,
							Message: axsQualified(c, entry) + verb + axsCode(at) + " through " + axsCode(site) + "; " + v.Name.Name +
								" authorises callers elsewhere and no check of msg.sender guards the write",
							Related: []RelatedNode{{At: at, Message: "the write"}, {At: trust, Message: "authorisation trusts " + v.Name.Name + " here"}}})
						return
					}
					axsReportAt(p, at, axsQualified(c, entry)+verb+axsCode(at)+"; "+v.Name.Name+
						" authorises callers elsewhere and no check of msg.sender guards the write",
						RelatedNode{At: trust, Message: "authorisation trusts " + v.Name.Name + " here"})
				},
			})
			wk.Run()
		}
	}
}

// axsKeyInfo describes the keys of an lvalue: the positions keyed by the
// caller, and whether any key is chosen by the caller.
type axsKeyInfo struct {
	sender map[int]bool
	chosen bool
}

func axsKeys(wk *Walker, at ast.Node) axsKeyInfo {
	info := axsKeyInfo{sender: map[int]bool{}}
	e, ok := at.(ast.Expr)
	if !ok {
		return info
	}
	for {
		switch x := unparen(e).(type) {
		case *ast.IndexAccess:
			if x.Index != nil {
				k := x.Index
				if c, ok := unparen(k).(*ast.FunctionCall); ok && len(c.Args) == 1 {
					if _, conv := c.Fn.(*ast.ElementaryTypeExpression); conv {
						k = c.Args[0]
					}
				}
				if axsSenderish(wk, k) {
					info.sender[axsIndexDepth(x.X)] = true
					info.chosen = true
				} else if wk.Tainted(k) {
					info.chosen = true
				}
			}
			e = x.X
		case *ast.MemberAccess:
			e = x.X
		default:
			return info
		}
	}
}

// axsNonZeroLiteral reports true and non-zero number literals.
func axsNonZeroLiteral(e ast.Expr) bool {
	l, ok := unparen(e).(*ast.Literal)
	if !ok {
		return false
	}
	switch l.Kind {
	case ast.BoolLiteral:
		return l.Value == "true"
	case ast.NumberLiteral:
		return !axsIsZero(l)
	}
	return false
}

// axsIsIndexed reports lvalues that are mapping or array entries.
func axsIsIndexed(at ast.Node) bool {
	e, ok := at.(ast.Expr)
	if !ok {
		return false
	}
	for {
		switch x := unparen(e).(type) {
		case *ast.IndexAccess:
			return true
		case *ast.MemberAccess:
			e = x.X
		default:
			return false
		}
	}
}

// axsInOtherEntry reports writes that happen in the body of a public or
// external function of c other than f: f reaches them by calling it.
func axsInOtherEntry(p *Pass, c *sema.Contract, f *sema.Function, at ast.Node) bool {
	if f.Def.Body != nil && reentWithin(at.Span(), f.Def.Body.Span()) {
		return false
	}
	for _, g := range p.EntryPoints(c) {
		if g != f && g.Def.Body != nil && reentWithin(at.Span(), g.Def.Body.Span()) {
			return true
		}
	}
	return false
}

// axsPayoutRefs returns the address state variables of c that some code of
// its linearisation sends ether to (treasury.transfer(x),
// payable(feeTo).call{value: x}(""), or through an internal or library
// helper that sends to its parameter: Address.sendValue(treasury, x)),
// each with one such send. Constants and immutables are left out.
func axsPayoutRefs(prog *sema.Program, c *sema.Contract) map[*ast.VariableDeclaration]ast.Node {
	out := map[*ast.VariableDeclaration]ast.Node{}
	add := func(dest ast.Expr, at ast.Node) {
		v := axsDeclOf(prog, dest)
		if v == nil || !v.IsStateVar || v.Constant || v.Immutable {
			return
		}
		if t := prog.DeclType(v); t.Kind != sema.Address && t.Kind != sema.ContractType {
			return
		}
		if _, seen := out[v]; !seen {
			out[v] = at
		}
	}
	// sendsTo reports, per helper, which parameter positions it sends
	// ether to.
	helper := map[*ast.FunctionDefinition]map[int]bool{}
	sendsTo := func(fn *sema.Function) map[int]bool {
		if fn == nil || fn.Def.Body == nil {
			return nil
		}
		if m, ok := helper[fn.Def]; ok {
			return m
		}
		m := map[int]bool{}
		helper[fn.Def] = m
		inspectBody(prog, fn.Def.Body, func(n ast.Node) bool {
			x, ok := n.(*ast.FunctionCall)
			if !ok {
				return true
			}
			cl := prog.CallOf(x)
			if cl == nil || !cl.SendsValue() || cl.Receiver == nil {
				return true
			}
			if d := axsDeclOf(prog, cl.Receiver); d != nil {
				for i, prm := range fn.Def.Params {
					if prm == d {
						m[i] = true
					}
				}
			}
			return true
		})
		return m
	}
	for _, b := range axsBodies(c) {
		inspectBody(prog, b.body, func(n ast.Node) bool {
			x, ok := n.(*ast.FunctionCall)
			if !ok {
				return true
			}
			cl := prog.CallOf(x)
			if cl == nil {
				return true
			}
			if cl.SendsValue() && cl.Receiver != nil {
				add(cl.Receiver, x)
				return true
			}
			if cl.Kind == sema.CallInternal || cl.Kind == sema.CallLibrary {
				pos := sendsTo(prog.Dispatch(c, cl))
				for i, a := range cl.Args() {
					if pos[i] {
						add(a, x)
					}
				}
			}
			return true
		})
	}
	return out
}
