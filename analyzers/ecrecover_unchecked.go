package analyzers

import (
	"sort"
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// EcrecoverUnchecked flags ecrecover results trusted without a zero check
// and signature checks that can be replayed.
var EcrecoverUnchecked = &Analyzer{
	ID:         "ecrecover-unchecked",
	Title:      "Unsafe signature verification",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatSignature,
	SWC:        "SWC-117",
	CWE:        []string{"CWE-347", "CWE-294"},
	Description: "Two mistakes in hand-rolled signature checks:\n\n" +
		"- `ecrecover` returns `address(0)` for an invalid signature instead of reverting. Comparing its " +
		"result with a caller-supplied address (`require(ecrecover(h, v, r, s) == from)`) without rejecting " +
		"zero lets anyone pass `from = address(0)` with garbage signature bytes (SWC-117/SWC-122).\n" +
		"- A state-changing function accepts a signature but records nothing that stops the same signature " +
		"from being submitted again (no nonce, no used-hash mapping) and the signed hash binds neither the " +
		"chain id nor `address(this)`: the signature can be replayed here, on other deployments and on other " +
		"chains (SWC-121).\n\n" +
		"OpenZeppelin's `ECDSA.recover` reverts on invalid signatures and is not flagged for the first problem.",
	Exploit: "`transferWithSig(from, to, amount, sig)` checks `ecrecover(hash, v, r, s) == from`. The attacker " +
		"calls it with `from = address(0)` and v = 0, moving the tokens held by the zero address (burned " +
		"supply); or resubmits a victim's valid signed transfer a second time and is paid twice.",
	Recommendation: "Use OpenZeppelin's `ECDSA.recover` (or check `signer != address(0)`), include a per-signer " +
		"nonce or mark each signed hash as used, and sign EIP-712 typed data whose domain includes the chain " +
		"id and the verifying contract.",
	Run: runEcrecoverUnchecked,
}

func init() { registry = append(registry, EcrecoverUnchecked) }

func runEcrecoverUnchecked(p *Pass) {
	prog := p.Program
	problems := map[ast.Node][]string{}
	related := map[ast.Node][]RelatedNode{}
	prefix := map[ast.Node]string{}
	var order []ast.Node
	note := func(at ast.Node, where, msg string, rel ...RelatedNode) {
		if _, ok := problems[at]; !ok {
			order = append(order, at)
			prefix[at] = where
		}
		for _, m := range problems[at] {
			if m == msg {
				return
			}
		}
		problems[at] = append(problems[at], msg)
		related[at] = append(related[at], rel...)
	}

	// 1. Results trusted without a zero check.
	helpers := axsRecoverHelpers(p)
	p.FunctionsOf(func(c *sema.Contract, f *sema.Function) {
		if c != nil && c.IsLibrary() {
			return
		}
		inspectBody(p.Program, f.Def.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.FunctionCall)
			if !ok {
				return true
			}
			isRecover := IsBuiltinCall(prog, call, "ecrecover")
			var helper *ast.FunctionDefinition
			if !isRecover {
				if cl := prog.CallOf(call); cl != nil && cl.Kind == sema.CallInternal && cl.Callee != nil && helpers[cl.Callee] {
					helper = cl.Callee
				}
			}
			if !isRecover && helper == nil {
				return true
			}
			if msg := axsUncheckedRecover(p, f, call); msg != "" && msg != "returned" {
				if helper != nil {
					msg = "the result of " + helper.Name.Name + "(), which returns ecrecover's result unchecked, " + msg
				} else {
					msg = "the result of ecrecover " + msg
				}
				note(call, axsQualified(c, f), msg)
			}
			return true
		})
	})

	// 2. Signatures that can be replayed.
	for _, c := range axsAccessRoots(p) {
		isSig := func(n ast.Node) bool {
			call, ok := n.(*ast.FunctionCall)
			return ok && axsIsSignatureCheck(prog, call)
		}
		for _, f := range p.EntryPoints(c) {
			if f.IsView() || !axsReaches(p, c, f, "sigcheck", isSig) {
				continue
			}
			axsCheckReplay(p, c, f, note)
		}
	}

	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i].Span(), order[j].Span()
		if a.File.Path != b.File.Path {
			return a.File.Path < b.File.Path
		}
		return a.Start.Offset < b.Start.Offset
	})
	for _, at := range order {
		axsReportAt(p, at, prefix[at]+": "+strings.Join(problems[at], "; also, "), related[at]...)
	}
}

// axsRecoverHelpers returns functions that hand ecrecover's result back
// to their caller without checking it: `return ecrecover(h, v, r, s);`.
func axsRecoverHelpers(p *Pass) map[*ast.FunctionDefinition]bool {
	prog := p.Program
	out := map[*ast.FunctionDefinition]bool{}
	p.FunctionsOf(func(c *sema.Contract, f *sema.Function) {
		if c != nil && c.IsLibrary() {
			return
		}
		inspectBody(p.Program, f.Def.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.FunctionCall)
			if ok && IsBuiltinCall(prog, call, "ecrecover") && axsUncheckedRecover(p, f, call) == "returned" {
				out[f.Def] = true
			}
			return true
		})
	})
	return out
}

// axsUncheckedRecover analyses how a recovered address is used in f: ""
// when it is checked against zero or only compared with the caller or
// trusted state; "returned" when it is handed back to the caller;
// otherwise the reason it is unsafe.
func axsUncheckedRecover(pass *Pass, f *sema.Function, call *ast.FunctionCall) string {
	prog := pass.Program
	body := f.Def.Body
	parents := pass.parentsOf(body)
	var holder *ast.VariableDeclaration
	switch p := axsSkipParens(parents, call).(type) {
	case *ast.VariableDeclarationStatement:
		if len(p.Decls) == 1 {
			holder = p.Decls[0]
		}
	case *ast.Assignment:
		holder = axsDeclOf(prog, p.LHS)
		if holder != nil && holder.IsStateVar {
			return "is stored in " + holder.Name.Name + " without a check against address(0)"
		}
	case *ast.ReturnStatement:
		return "returned"
	case *ast.BinaryOperation:
		return axsJudgeComparison(prog, body, p, func(e ast.Expr) bool { return unparen(e) == call })
	case *ast.IndexAccess:
		if p.Index != nil && unparen(p.Index) == call && axsCheckedLookup(prog, body, parents, p) {
			return "" // a lookup in a signer registry: the zero address is not registered
		}
	}
	if holder == nil {
		return "is used without a check against address(0)"
	}
	// Uses of the holder.
	zero, returned := false, false
	var cmp *ast.BinaryOperation
	used := false
	inspectBody(pass.Program, body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BinaryOperation:
			if x.Op != "==" && x.Op != "!=" {
				return true
			}
			if axsDeclOf(prog, x.X) == holder || axsDeclOf(prog, x.Y) == holder {
				if axsIsZero(x.X) || axsIsZero(x.Y) {
					zero = true
				} else if cmp == nil {
					cmp = x
				}
			}
		case *ast.ReturnStatement:
			if x.Value != nil && Contains(x.Value, func(n ast.Node) bool {
				id, ok := n.(*ast.Identifier)
				return ok && prog.Ref(id) == holder
			}) {
				returned = true
			}
		case *ast.IndexAccess:
			if x.Index != nil && axsDeclOf(prog, x.Index) == holder && axsCheckedLookup(prog, body, parents, x) {
				zero = true // a membership lookup: the zero address is not registered
			}
		case *ast.Identifier:
			if prog.Ref(x) == holder {
				used = true
			}
		}
		return true
	})
	for _, r := range f.Def.Returns {
		if r == holder {
			returned = true
		}
	}
	switch {
	case zero:
		return ""
	case cmp != nil:
		if msg := axsJudgeComparison(prog, body, cmp, func(e ast.Expr) bool { return axsDeclOf(prog, e) == holder }); msg != "" {
			return msg
		}
		return ""
	case returned:
		return "returned"
	case used:
		return "(" + holder.Name.Name + ") is used without a check against address(0)"
	}
	return ""
}

// axsJudgeComparison decides whether comparing a recovered address with
// the other side of cmp is safe: the caller, trusted state and
// zero-checked values cannot be address(0).
func axsJudgeComparison(prog *sema.Program, body *ast.Block, cmp *ast.BinaryOperation, isRecovered func(ast.Expr) bool) string {
	other := cmp.Y
	if isRecovered(cmp.Y) {
		other = cmp.X
	}
	if IsSender(other) || IsMagic(other, "tx", "origin") {
		return ""
	}
	if axsHashDerived(prog, body, other) {
		return "" // an address the contract computes from a hash is not address(0)
	}
	if v := axsDeclOf(prog, other); v != nil {
		if v.IsStateVar || v.Constant || v.Immutable {
			return "" // an owner or signer fixed by the contract
		}
		checked := Contains(body, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryOperation)
			return ok && (b.Op == "!=" || b.Op == "==") &&
				((axsDeclOf(prog, b.X) == v && axsIsZero(b.Y)) || (axsDeclOf(prog, b.Y) == v && axsIsZero(b.X)))
		})
		if checked {
			return ""
		}
		return "is compared with " + v.Name.Name + " without rejecting address(0): a caller passing " + v.Name.Name +
			" = address(0) with an invalid signature passes the check"
	}
	if _, ok := unparen(other).(*ast.IndexAccess); ok {
		return "" // a lookup in a signer registry
	}
	if c, ok := unparen(other).(*ast.FunctionCall); ok {
		if cl := prog.CallOf(c); cl != nil && (cl.Kind == sema.CallInternal || cl.Kind == sema.CallExternal) {
			return "" // owner(), signer(): trusted state
		}
	}
	return "is compared with " + axsCode(other) + " without rejecting address(0)"
}

// axsCheckedLookup reports a lookup m[signer] in a stored mapping (a
// state variable or a storage pointer) whose value, directly or through a
// local copy (`Signer memory s = s_signers[signer]`), decides a require,
// assert or if as a membership test: the value or one of its fields used as
// a boolean or compared with a constant (`isSigner[a]`, `!s.active`,
// `o.role == Role.Signer`). The zero address passes only if it was
// registered. Amount checks (`balanceOf[a] >= x`) are not membership
// tests: the zero address may hold burned tokens.
func axsCheckedLookup(prog *sema.Program, body *ast.Block, parents map[ast.Node]ast.Node, ix *ast.IndexAccess) bool {
	if !axsStoredMapping(prog, ix.X) {
		return false
	}
	if axsDecidesCondition(prog, parents, ix) {
		return true
	}
	var local *ast.VariableDeclaration
	switch p := axsSkipParens(parents, ix).(type) {
	case *ast.VariableDeclarationStatement:
		if len(p.Decls) == 1 && p.Decls[0] != nil && p.Value != nil && unparen(p.Value) == ix {
			local = p.Decls[0]
		}
	case *ast.Assignment:
		if p.Op == "=" && unparen(p.RHS) == ix {
			if v := axsDeclOf(prog, p.LHS); v != nil && !v.IsStateVar {
				local = v
			}
		}
	}
	if local == nil {
		return false
	}
	return Contains(body, func(n ast.Node) bool {
		id, ok := n.(*ast.Identifier)
		return ok && prog.Ref(id) == local && axsDecidesCondition(prog, parents, id)
	})
}

// axsStoredMapping reports a mapping held in storage.
func axsStoredMapping(prog *sema.Program, e ast.Expr) bool {
	if t := prog.TypeOf(e); t.Kind != sema.Unknown {
		return t.Kind == sema.Mapping && t.Storage
	}
	for {
		switch x := unparen(e).(type) {
		case *ast.IndexAccess:
			e = x.X
			continue
		case *ast.MemberAccess:
			if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok && v.IsStateVar {
				return true
			}
			e = x.X
			continue
		case *ast.Identifier:
			v, ok := prog.Ref(x).(*ast.VariableDeclaration)
			return ok && (v.IsStateVar || v.Location == "storage")
		}
		return false
	}
}

// axsDecidesCondition reports a looked-up value e (or a field of it) that
// a require, assert or if lets execution past only when it is set: used as
// a boolean (`isSigner[a]`, `if (!s.active) revert`) or compared with a
// constant (`o.role == Role.Signer`, `if (idx == 0) revert`), alone or in a
// conjunction the check requires. `require(!claimed[a])` passes for the
// zero address and is no check.
func axsDecidesCondition(prog *sema.Program, parents map[ast.Node]ast.Node, e ast.Expr) bool {
	var u ast.Node = e
	for {
		p := parents[u]
		if m, ok := p.(*ast.MemberAccess); ok && m.X == u {
			u = m
			continue
		}
		if t, ok := p.(*ast.TupleExpression); ok && len(t.Elems) == 1 {
			u = t
			continue
		}
		break
	}
	// The test: the value itself, or its comparison with a constant.
	eq, cmpDefault, compared := false, false, false
	if b, ok := parents[u].(*ast.BinaryOperation); ok && (b.Op == "==" || b.Op == "!=") {
		other := b.X
		if other == u {
			other = b.Y
		}
		known, isDefault := axsConstDefault(prog, other, 0)
		if !known {
			return false
		}
		eq, cmpDefault, compared = b.Op == "==", isDefault, true
		u = b
	}
	// The path from the test up to the condition.
	path := []ast.Node{u}
	required := true // the truth the condition must have for execution to go on
	for top := false; !top; {
		switch p := parents[path[len(path)-1]].(type) {
		case *ast.TupleExpression:
			if len(p.Elems) != 1 {
				return false
			}
			path = append(path, p)
		case *ast.UnaryOperation:
			if p.Op != "!" {
				return false
			}
			path = append(path, p)
		case *ast.BinaryOperation:
			if p.Op != "&&" && p.Op != "||" {
				return false
			}
			path = append(path, p)
		case *ast.IfStatement:
			if p.Cond != path[len(path)-1] {
				return false
			}
			required = !axsRejects(prog, p.Then)
			top = true
		case *ast.FunctionCall:
			if !IsBuiltinCall(prog, p, "require", "assert") || len(p.Args) == 0 || p.Args[0] != path[len(path)-1] {
				return false
			}
			top = true
		default:
			return false
		}
	}
	// Down again: which truth must the test have?
	for i := len(path) - 1; i > 0; i-- {
		switch p := path[i].(type) {
		case *ast.UnaryOperation:
			required = !required
		case *ast.BinaryOperation:
			if (p.Op == "&&") != required {
				return false // a disjunct the check does not require, or a conjunct of a rejected condition
			}
		}
	}
	if !compared {
		return required
	}
	mustEqual := eq == required
	return mustEqual != cmpDefault
}

// axsConstDefault reports whether e is a constant whose value is known to
// be or not to be the default (0, false, address(0), an enum's first value).
func axsConstDefault(prog *sema.Program, e ast.Expr, depth int) (known, isDefault bool) {
	if axsIsZero(e) {
		return true, true
	}
	e = axsStripConv(prog, e)
	switch x := e.(type) {
	case *ast.Literal:
		switch x.Kind {
		case ast.NumberLiteral, ast.BoolLiteral:
			return true, false // not zero, not false
		}
		return false, false
	case *ast.MemberAccess:
		if en, ok := prog.Ref(x.X).(*ast.EnumDefinition); ok {
			for i, v := range en.Values {
				if v.Name == x.Member.Name {
					return true, i == 0
				}
			}
			return false, false
		}
	}
	if v := axsDeclOf(prog, e); v != nil && v.Constant && v.Value != nil && depth < 4 {
		return axsConstDefault(prog, v.Value, depth+1)
	}
	return false, false
}

// axsRejects reports a branch that stops what follows: a revert, throw,
// `return;`, `return false;` or `continue;`.
func axsRejects(prog *sema.Program, s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.RevertStatement, *ast.ThrowStatement, *ast.ContinueStatement:
		return true
	case *ast.ReturnStatement:
		return x.Value == nil || axsIsZero(x.Value)
	case *ast.ExpressionStatement:
		call, ok := x.X.(*ast.FunctionCall)
		return ok && IsBuiltinCall(prog, call, "revert")
	case *ast.Block:
		for _, st := range x.Stmts {
			if axsRejects(prog, st) {
				return true
			}
		}
	}
	return false
}

// axsHashDerived reports an address the contract computes from a hash,
// address(uint160(uint256(keccak256(…)))), directly or through a local
// initialised with such a value and only ever reassigned such values.
// The caller chooses the preimage at most, and finding one whose hash has
// 160 low zero bits is infeasible, so the value is not address(0).
func axsHashDerived(prog *sema.Program, body *ast.Block, e ast.Expr) bool {
	isHash := func(e ast.Expr) bool {
		c, ok := axsStripConv(prog, e).(*ast.FunctionCall)
		return ok && IsBuiltinCall(prog, c, "keccak256", "sha3", "sha256", "ripemd160")
	}
	if isHash(e) {
		return true
	}
	id, ok := axsStripConv(prog, e).(*ast.Identifier)
	if !ok {
		return false
	}
	v, ok := prog.Ref(id).(*ast.VariableDeclaration)
	if !ok || v.IsStateVar {
		return false
	}
	initialised, other := false, false
	names := func(x ast.Expr) bool {
		return Contains(x, func(n ast.Node) bool {
			i, ok := n.(*ast.Identifier)
			return ok && prog.Ref(i) == v
		})
	}
	inspectBody(prog, body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.VariableDeclarationStatement:
			for _, d := range x.Decls {
				if d == v {
					if len(x.Decls) == 1 && x.Value != nil && isHash(x.Value) {
						initialised = true
					} else {
						other = true
					}
				}
			}
		case *ast.Assignment:
			if names(x.LHS) && !(x.Op == "=" && axsDeclOf(prog, x.LHS) == v && isHash(x.RHS)) {
				other = true
			}
		case *ast.UnaryOperation:
			if x.Op == "delete" && names(x.X) {
				other = true
			}
		}
		return true
	})
	return initialised && !other
}

// axsCheckReplay reports signature checks in an entry point with no
// replay protection on its paths.
func axsCheckReplay(p *Pass, c *sema.Contract, f *sema.Function, note func(ast.Node, string, string, ...RelatedNode)) {
	prog := p.Program
	var site ast.Node
	nonce, domain := false, false
	conds := map[*ast.VariableDeclaration]bool{}
	writes := map[*ast.VariableDeclaration]bool{}
	ops := map[ast.Node]string{}
	// copies maps locals holding a stored record (`Callback memory cb =
	// callbacks[id]`) to the state variable it was read from.
	copies := map[*ast.VariableDeclaration]*ast.VariableDeclaration{}
	var wk *Walker
	copyOf := func(local *ast.VariableDeclaration, value ast.Expr) {
		if local == nil || local.IsStateVar {
			return
		}
		delete(copies, local)
		switch unparen(value).(type) {
		case *ast.IndexAccess, *ast.MemberAccess:
			if v := wk.StateVarOf(value); v != nil {
				copies[local] = v
			}
		}
	}
	wk = p.NewWalker(c, f, FlowVisitor{
		Node: func(n ast.Node, st FlowState) {
			switch x := n.(type) {
			case *ast.VariableDeclarationStatement:
				if len(x.Decls) == 1 && x.Value != nil {
					copyOf(x.Decls[0], x.Value)
				}
			case *ast.Assignment:
				ops[x.LHS] = x.Op
				if x.Op == "=" {
					if id, ok := unparen(x.LHS).(*ast.Identifier); ok {
						if local, ok := prog.Ref(id).(*ast.VariableDeclaration); ok {
							copyOf(local, x.RHS)
						}
					}
				}
			case *ast.UnaryOperation:
				if x.Op == "++" || x.Op == "--" {
					if wk.StateVarOf(x.X) != nil {
						nonce = true
					}
				}
			case *ast.IfStatement:
				axsMarkStateReads(prog, wk, x.Cond, copies, conds)
			case *ast.FunctionCall:
				if IsBuiltinCall(prog, x, "require", "assert") && len(x.Args) > 0 {
					axsMarkStateReads(prog, wk, x.Args[0], copies, conds)
				}
				if site == nil && axsIsSignatureCheck(prog, x) {
					if _, cd := axsEnclosingDecl(prog, x); cd == nil || cd.Kind != ast.KindLibrary {
						site = x
					}
				}
				if IsBuiltinCall(prog, x, "keccak256", "sha3", "sha256", "abi.encode", "abi.encodePacked") || axsIsDomainCall(prog, x) {
					if axsIsDomainCall(prog, x) || Contains(x, func(n ast.Node) bool {
						e, ok := n.(ast.Expr)
						return ok && axsIsDomainExpr(e)
					}) {
						domain = true
					}
				}
			case *ast.Identifier:
				if axsIsDomainExpr(x) {
					domain = true
				}
			}
		},
		Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
			writes[v] = true
			if op := ops[at]; (op == "+=" || op == "-=") && value != nil && axsNonZeroLiteral(value) {
				nonce = true // nonce += 1
			}
			if op := ops[at]; op == "=" && value != nil && axsNonZeroLiteral(value) {
				if _, ok := at.(*ast.IndexAccess); ok {
					nonce = true // used[hash] = true
				}
			}
		},
	})
	wk.Run()
	if site == nil || domain || nonce {
		return
	}
	for v := range conds {
		if writes[v] {
			// A flag or counter checked and updated, or a stored record
			// checked and deleted or overwritten (a pending request that
			// is cleared once fulfilled).
			return
		}
	}
	note(site, axsQualified(c, f), "the signature can be replayed: nothing records it as used (no nonce, no used-hash mapping) and the signed hash binds neither block.chainid nor address(this)")
}

// axsMarkStateReads records the state variables a condition reads,
// directly or through a local copy of a stored record.
func axsMarkStateReads(prog *sema.Program, wk *Walker, e ast.Expr, copies map[*ast.VariableDeclaration]*ast.VariableDeclaration, into map[*ast.VariableDeclaration]bool) {
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok {
			if v := wk.StateVarOf(x); v != nil {
				into[v] = true
			}
		}
		if id, ok := n.(*ast.Identifier); ok {
			if local, ok := prog.Ref(id).(*ast.VariableDeclaration); ok && copies[local] != nil {
				into[copies[local]] = true
			}
		}
		return true
	})
}

// axsIsSignatureCheck matches ecrecover and the usual recover helpers.
func axsIsSignatureCheck(prog *sema.Program, call *ast.FunctionCall) bool {
	if IsBuiltinCall(prog, call, "ecrecover") {
		return true
	}
	cl := prog.CallOf(call)
	if cl == nil || (cl.Kind != sema.CallInternal && cl.Kind != sema.CallLibrary) {
		return false
	}
	switch cl.Name {
	case "recover", "tryRecover", "isValidSignatureNow", "isValidERC1271SignatureNow", "recoverSigner":
		return true
	}
	return false
}

// axsIsDomainCall matches EIP-712 helpers: _hashTypedDataV4,
// _domainSeparatorV4, toTypedDataHash, DOMAIN_SEPARATOR().
func axsIsDomainCall(prog *sema.Program, call *ast.FunctionCall) bool {
	cl := prog.CallOf(call)
	if cl == nil {
		return false
	}
	n := strings.ToLower(cl.Name)
	return strings.Contains(n, "typeddata") || strings.Contains(n, "domainseparator") || strings.Contains(n, "domain_separator")
}

// axsIsDomainExpr matches address(this), block.chainid, chainid and
// domain-separator variables.
func axsIsDomainExpr(e ast.Expr) bool {
	if IsMagic(e, "block", "chainid") || axsIsThis(e) {
		return true
	}
	if id, ok := e.(*ast.Identifier); ok {
		n := strings.ToLower(id.Name)
		return strings.Contains(n, "domain_separator") || strings.Contains(n, "domainseparator") || n == "chainid" || n == "chain_id"
	}
	return false
}
