package analyzers

import (
	"regexp"
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// UnprotectedUpgrade flags upgradeable contracts whose upgrade or
// initialisation anyone can perform.
var UnprotectedUpgrade = &Analyzer{
	ID:         "unprotected-upgrade",
	Title:      "Unprotected upgrade or initialisation",
	Severity:   High,
	Confidence: ConfidenceHigh,
	Category:   CatUpgradeability,
	SWC:        "SWC-105",
	CWE:        []string{"CWE-284", "CWE-665"},
	Description: "Three ways an upgradeable contract hands itself to any caller:\n\n" +
		"- an upgrade entry point (`upgradeTo`, `upgradeToAndCall`, `setImplementation`, …) or the UUPS " +
		"hook `_authorizeUpgrade` without a check of `msg.sender`, so anyone can replace the implementation;\n" +
		"- an implementation contract whose initializer anyone can call on the implementation itself " +
		"(the constructor does not call `_disableInitializers()`), while some function reachable after " +
		"initialisation performs `selfdestruct` or `delegatecall`, so the new \"owner\" can destroy the " +
		"logic contract and brick every proxy that uses it;\n" +
		"- an `initialize`-style function without the `initializer` modifier or an initialized flag, so " +
		"anyone can initialise the contract again and take it over (the Parity wallet pattern).\n\n" +
		"Also reported, for contracts that are not upgradeable: a contract without a constructor whose " +
		"owners are set by a one-time initializer and which can `selfdestruct` (the second Parity bug): " +
		"nothing initialises it at deployment, so the first caller of the initializer owns it and can " +
		"destroy it, together with every wallet that delegates to it.",
	Exploit: "UUPS: the attacker calls `upgradeToAndCall(attackerImpl, data)` on the proxy; the empty " +
		"`_authorizeUpgrade` lets it through and the proxy now runs the attacker's code. Logic contract: the " +
		"attacker calls `initialize()` on the implementation, becomes its owner, and calls " +
		"`upgradeToAndCall` with a contract that selfdestructs — every proxy now points at empty code. " +
		"Re-initialisation: the attacker calls `initWallet([attacker], …)` and owns the wallet.",
	Recommendation: "Guard `_authorizeUpgrade` and every upgrade function with `onlyOwner` or a role; " +
		"call `_disableInitializers()` in the implementation's constructor; give every initializer " +
		"OpenZeppelin's `initializer` (or `reinitializer(n)`) modifier, or a flag that is checked and set " +
		"on the first call.",
	Run: runUnprotectedUpgrade,
}

func init() { registry = append(registry, UnprotectedUpgrade) }

var axsUpgradeEntryName = regexp.MustCompile(`^(upgradeTo\w*|upgrade|upgradeAndCall|upgradeImplementation|upgradeLogic|upgradeBeacon|(set|change|update)(Implementation|Impl|Logic|LogicContract|LogicAddress|MasterCopy|Beacon))$`)
var axsUpgradeEffectName = regexp.MustCompile(`^_*(upgradeTo|upgradeToAndCall|upgradeToAndCallUUPS|upgradeBeaconToAndCall|setImplementation|setBeacon|upgradeToAndCallSecure)$`)

func runUnprotectedUpgrade(p *Pass) {
	done := map[ast.Node]bool{}
	for _, c := range axsAccessRoots(p) {
		axsCheckUpgradeEntries(p, c, done)
		if axsUpgradeable(p, c) {
			axsCheckReinitialisation(p, c, done)
			axsCheckDestructibleLogic(p, c, done)
		} else {
			axsCheckUninitialisedKill(p, c, done)
		}
	}
}

// axsCheckUpgradeEntries reports upgrade functions anyone can call, and
// UUPS _authorizeUpgrade overrides that check nothing.
func axsCheckUpgradeEntries(p *Pass, c *sema.Contract, done map[ast.Node]bool) {
	prog := p.Program
	for _, f := range p.EntryPoints(c) {
		if !axsUpgradeEntryName.MatchString(f.Def.Name.Name) {
			continue
		}
		entry := f
		reported := false
		abstract := false
		guard := axsNewCallerCheck(p, c)
		report := func(at ast.Node, msg string, st FlowState) {
			if reported || abstract || guard.guarded(st) || done[at] {
				return
			}
			reported = true
			done[at] = true
			axsReportAt(p, at, msg)
		}
		var wk *Walker
		wk = p.NewWalker(c, f, FlowVisitor{
			Node: func(n ast.Node, st FlowState) {
				guard.visit(wk, n)
				call, ok := n.(*ast.FunctionCall)
				if !ok {
					return
				}
				cl := prog.CallOf(call)
				if cl == nil || cl.Kind != sema.CallInternal {
					return
				}
				fn := axsDispatch(prog, c, cl)
				if fn == nil {
					return
				}
				if fn.Def.Name.Name == "_authorizeUpgrade" {
					if fn.Def.Body == nil {
						abstract = true
						return
					}
					// The hook is implemented; it must check the caller.
					end := p.Walk(c, fn, FlowVisitor{})
					if !st.Guarded && !end.Guarded && !axsEndsDead(end) {
						report(fn.Def.Name, c.Name()+"."+FunctionSignature(fn.Def)+" authorises every caller: anyone can call "+
							axsQualified(c, entry)+" and replace the implementation", st)
					}
					return
				}
				if fn.Def.Body == nil {
					abstract = true
					return
				}
				if axsUpgradeEffectName.MatchString(fn.Def.Name.Name) {
					report(call, axsQualified(c, entry)+" lets any caller replace the implementation through "+axsCode(call)+
						": no check of msg.sender guards it", st)
				}
			},
			Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
				if y, ok := at.(*ast.YulFunctionCall); ok && y.Name.Name == "sstore" {
					// sstore(IMPL_SLOT, newImpl): the implementation kept
					// in an ERC-1967-style slot.
					if axsImplementationSlot(v) {
						report(at, axsQualified(c, entry)+" lets any caller replace the implementation stored in slot "+v.Name.Name+
							": no check of msg.sender guards it", st)
					}
					return
				}
				t := prog.DeclType(v)
				if t.Kind != sema.Address && t.Kind != sema.ContractType {
					return
				}
				if e, ok := at.(ast.Expr); !ok || RootExpr(e) != unparen(e) {
					return // a mapping or array entry, not the implementation slot
				}
				report(at, axsQualified(c, entry)+" lets any caller replace the implementation stored in "+v.Name.Name+": no check of msg.sender guards it", st)
			},
		})
		wk.Run()
	}
}

// axsEndsDead reports a walk whose every path reverted.
func axsEndsDead(st FlowState) bool { return st.dead }

// axsCheckReinitialisation reports initializers of upgradeable contracts
// that anyone can call again and that overwrite privileged state.
func axsCheckReinitialisation(p *Pass, c *sema.Contract, done map[ast.Node]bool) {
	auth := axsAuthRefs(p, c)
	for _, f := range p.EntryPoints(c) {
		if !axsReinitCandidate(p, c, f) {
			continue
		}
		entry := f
		reported := false
		guard := axsNewCallerCheck(p, c)
		var wk *Walker
		wk = p.NewWalker(c, f, FlowVisitor{
			Node: func(n ast.Node, st FlowState) { guard.visit(wk, n) },
			Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
				if reported || guard.guarded(st) || done[at] {
					return
				}
				if _, trusted := auth[v]; !trusted && !axsLooksPrivileged(v.Name.Name) {
					return
				}
				reported = true
				done[at] = true
				axsReportAt(p, at, axsQualified(c, entry)+" can be called again by anyone — it has no initializer modifier and "+
					"checks no initialized flag — and it overwrites "+v.Name.Name)
			},
		})
		wk.Run()
	}
}

// axsCheckDestructibleLogic reports implementation contracts whose
// initializer anyone can call on the implementation itself while some
// function can selfdestruct or delegatecall.
func axsCheckDestructibleLogic(p *Pass, c *sema.Contract, done map[ast.Node]bool) {
	prog := p.Program
	// A proxy is not an implementation: its initializer initialises the
	// proxy itself (the reinitialisation check covers it), and its
	// delegatecalls are its purpose.
	if c.IsAbstract() || axsConstructorDisablesInit(p, c) || axsIsProxy(p, c) {
		return
	}
	var inits []*sema.Function
	for _, f := range p.EntryPoints(c) {
		if axsHasInitializerModifier(f) || (axsIsInitName(f.Def.Name.Name) && !f.IsView()) {
			inits = append(inits, f)
		}
	}
	if len(inits) == 0 {
		return
	}
	// A function that destroys the logic contract when called on it
	// directly: selfdestruct, or delegatecall to another address, not
	// behind an onlyProxy/notDelegated check.
	var destroyAt ast.Node
	var destroyer *sema.Function
	for _, g := range p.EntryPoints(c) {
		if destroyAt != nil {
			break
		}
		if axsProxyOnly(g) || axsIsProxyFallback(g) {
			continue
		}
		outer := &axsOuterCall{prog: prog}
		p.Walk(c, g, FlowVisitor{
			Node: func(n ast.Node, st FlowState) {
				if destroyAt != nil {
					return
				}
				outer.visit(n)
				switch x := n.(type) {
				case *ast.FunctionCall:
					if axsCallsProxyCheck(prog, c, x) {
						return
					}
					if axsIsSelfdestruct(prog, x) {
						destroyAt, destroyer = x, g
						return
					}
					cl := prog.CallOf(x)
					if cl != nil && cl.Kind == sema.CallLowLevel && (cl.Name == "delegatecall" || cl.Name == "callcode") &&
						!axsIsThis(cl.Receiver) && !outer.selfTarget(x) {
						destroyAt, destroyer = x, g
					}
				case *ast.InlineAssembly:
					if ys := axsYulCalls(x, "selfdestruct", "delegatecall", "callcode"); len(ys) > 0 && !outer.selfTarget(x) {
						destroyAt, destroyer = ys[0], g
					}
				}
			},
		})
	}
	if destroyAt == nil {
		return
	}
	f := inits[0]
	at := ast.Node(f.Def.Name)
	if done[at] {
		return
	}
	done[at] = true
	what := "selfdestruct"
	if !Contains(destroyAt, func(n ast.Node) bool {
		if call, ok := n.(*ast.FunctionCall); ok {
			return axsIsSelfdestruct(prog, call)
		}
		y, ok := n.(*ast.YulFunctionCall)
		return ok && y.Name.Name == "selfdestruct"
	}) {
		what = "delegatecall"
	}
	rel := []RelatedNode{{At: destroyAt, Message: what + " reachable through " + axsQualified(c, destroyer)}}
	if ctor := c.Constructor(); ctor != nil {
		rel = append(rel, RelatedNode{At: ctor.Def.Name, Message: "the constructor does not disable initializers"})
	}
	axsReportAt(p, at, c.Name()+" is an upgradeable implementation whose "+FunctionSignature(f.Def)+
		" anyone can call on the implementation contract itself (the constructor does not call _disableInitializers()); "+
		"the new owner can then reach "+what+" through "+axsQualified(c, destroyer)+" and destroy the logic contract", rel...)
}

// axsCheckUninitialisedKill reports a contract with no constructor whose
// owners are set by a one-time initializer and which can selfdestruct: the
// Parity library pattern. Nothing initialises it at deployment, so the first
// caller of the initializer owns it and can destroy it, and with it every
// wallet that delegates to it.
func axsCheckUninitialisedKill(p *Pass, c *sema.Contract, done map[ast.Node]bool) {
	prog := p.Program
	if c.IsAbstract() || c.IsLibrary() || c.IsInterface() {
		return
	}
	for _, l := range c.Linearization {
		for _, fd := range l.Def.Functions {
			if fd.Kind == ast.KindConstructor {
				return
			}
		}
	}
	var inits []*sema.Function
	for _, f := range p.EntryPoints(c) {
		if axsIsInitName(f.Def.Name.Name) && !f.IsView() && axsOneTime(p, c, f) {
			inits = append(inits, f)
		}
	}
	if len(inits) == 0 {
		return
	}
	// Report the outermost initializer: the one no other initializer calls.
	calls := func(g, f *sema.Function) bool {
		return Contains(g.Def.Body, func(n ast.Node) bool {
			x, ok := n.(*ast.FunctionCall)
			if !ok {
				return false
			}
			cl := prog.CallOf(x)
			return cl != nil && cl.Kind == sema.CallInternal && prog.Dispatch(c, cl) == f
		})
	}
	top := inits[0]
	for _, f := range inits {
		outer := true
		for _, g := range inits {
			if g != f && calls(g, f) {
				outer = false
				break
			}
		}
		if outer {
			top = f
			break
		}
	}
	var destroyAt ast.Node
	var destroyer *sema.Function
	for _, g := range p.EntryPoints(c) {
		if destroyAt != nil {
			break
		}
		p.Walk(c, g, FlowVisitor{Node: func(n ast.Node, st FlowState) {
			if x, ok := n.(*ast.FunctionCall); ok && destroyAt == nil && axsIsSelfdestruct(prog, x) {
				destroyAt, destroyer = x, g
			}
		}})
	}
	at := ast.Node(top.Def.Name)
	if destroyAt == nil || done[at] {
		return
	}
	done[at] = true
	axsReportAt(p, at, c.Name()+" has no constructor and is set up by "+FunctionSignature(top.Def)+
		", which anyone can call once the contract is deployed; whoever calls it first controls the contract and can reach "+
		"selfdestruct through "+axsQualified(c, destroyer),
		RelatedNode{At: destroyAt, Message: "selfdestruct reachable through " + axsQualified(c, destroyer)})
}

func axsHasInitializerModifier(f *sema.Function) bool {
	for _, inv := range f.Def.Modifiers {
		switch inv.Name.Last() {
		case "initializer", "reinitializer":
			return true
		}
	}
	return false
}

// axsConstructorDisablesInit reports constructors that lock initialisation
// of the implementation: an initializer modifier, a call of
// _disableInitializers(), or a write of an initialized flag.
func axsConstructorDisablesInit(p *Pass, c *sema.Contract) bool {
	for _, l := range c.Linearization {
		for _, fd := range l.Def.Functions {
			if fd.Kind != ast.KindConstructor || fd.Body == nil {
				continue
			}
			for _, inv := range fd.Modifiers {
				if axsInitializerModifiers[inv.Name.Last()] {
					return true
				}
			}
			found := Contains(fd.Body, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.FunctionCall:
					if id, ok := x.Fn.(*ast.Identifier); ok && (id.Name == "_disableInitializers" || id.Name == "_disableInitializer") {
						return true
					}
				case *ast.Assignment:
					if v := axsDeclOf(p.Program, RootExpr(x.LHS)); v != nil && strings.Contains(strings.ToLower(v.Name.Name), "initiali") {
						return true
					}
				}
				return false
			})
			if found {
				return true
			}
		}
	}
	return false
}

// axsProxyOnly reports functions guarded by onlyProxy or notDelegated: they
// cannot run on the implementation itself (or cannot run through a proxy).
func axsProxyOnly(f *sema.Function) bool {
	for _, inv := range f.Def.Modifiers {
		switch inv.Name.Last() {
		case "onlyProxy", "notDelegated", "onlyDelegateCall", "noDelegateCall", "onlyDelegated":
			return true
		}
	}
	return false
}

// axsCallsProxyCheck reports calls of OpenZeppelin's _checkProxy or
// _checkNotDelegated and comparisons of address(this) with an immutable.
func axsCallsProxyCheck(prog *sema.Program, c *sema.Contract, call *ast.FunctionCall) bool {
	cl := prog.CallOf(call)
	if cl != nil && cl.Kind == sema.CallInternal {
		switch cl.Name {
		case "_checkProxy", "_checkNotDelegated", "checkNotDelegateCall", "_checkDelegateCall":
			return true
		}
	}
	if IsBuiltinCall(prog, call, "require", "assert") && len(call.Args) > 0 {
		return Contains(call.Args[0], func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryOperation)
			return ok && (b.Op == "==" || b.Op == "!=") && (axsIsThis(b.X) || axsIsThis(b.Y))
		})
	}
	return false
}

// axsIsProxyFallback reports fallback functions: a proxy's own forwarding
// delegatecall does not destroy its implementation.
// axsIsProxy reports a contract whose fallback delegatecalls: a proxy.
func axsIsProxy(p *Pass, c *sema.Contract) bool {
	for _, f := range p.EntryPoints(c) {
		if f.Def.Kind != ast.KindFallback {
			continue
		}
		found := false
		p.Walk(c, f, FlowVisitor{Node: func(n ast.Node, _ FlowState) {
			switch x := n.(type) {
			case *ast.FunctionCall:
				if cl := p.Program.CallOf(x); cl != nil && cl.Kind == sema.CallLowLevel && cl.Name == "delegatecall" {
					found = true
				}
			case *ast.InlineAssembly:
				found = found || len(axsYulCalls(x, "delegatecall")) > 0
			}
		}})
		if found {
			return true
		}
	}
	return false
}

func axsIsProxyFallback(f *sema.Function) bool {
	return f.Def.Kind == ast.KindFallback || f.Def.Kind == ast.KindReceive
}

// axsImplementationSlot reports a constant that names the storage slot of
// a proxy's implementation or beacon: ERC-1967's slots (by value or as
// keccak256("eip1967.proxy.implementation") - 1), or a slot constant
// named after the implementation.
func axsImplementationSlot(v *ast.VariableDeclaration) bool {
	if v == nil || !v.Constant {
		return false
	}
	if v.Value != nil {
		val := strings.ToLower(v.Value.Span().Text())
		for _, k := range []string{
			"360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc", // implementation
			"a3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50", // beacon
			"eip1967.proxy.implementation", "eip1967.proxy.beacon",
		} {
			if strings.Contains(val, k) {
				return true
			}
		}
	}
	name := strings.ToLower(v.Name.Name)
	return strings.Contains(name, "slot") && (strings.Contains(name, "impl") || strings.Contains(name, "beacon"))
}
