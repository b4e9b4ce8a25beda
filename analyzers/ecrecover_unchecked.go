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
		ast.Inspect(f.Def.Body, func(n ast.Node) bool {
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
			if msg := axsUncheckedRecover(prog, f, call); msg != "" && msg != "returned" {
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
		ast.Inspect(f.Def.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.FunctionCall)
			if ok && IsBuiltinCall(prog, call, "ecrecover") && axsUncheckedRecover(prog, f, call) == "returned" {
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
func axsUncheckedRecover(prog *sema.Program, f *sema.Function, call *ast.FunctionCall) string {
	body := f.Def.Body
	parents := axsParents(body)
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
		if p.Index != nil && unparen(p.Index) == call {
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
	ast.Inspect(body, func(n ast.Node) bool {
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

// axsCheckReplay reports signature checks in an entry point with no
// replay protection on its paths.
func axsCheckReplay(p *Pass, c *sema.Contract, f *sema.Function, note func(ast.Node, string, string, ...RelatedNode)) {
	prog := p.Program
	var site ast.Node
	nonce, domain := false, false
	conds := map[*ast.VariableDeclaration]bool{}
	writes := map[*ast.VariableDeclaration]bool{}
	ops := map[ast.Node]string{}
	var wk *Walker
	wk = p.NewWalker(c, f, FlowVisitor{
		Node: func(n ast.Node, st FlowState) {
			switch x := n.(type) {
			case *ast.Assignment:
				ops[x.LHS] = x.Op
			case *ast.UnaryOperation:
				if x.Op == "++" || x.Op == "--" {
					if wk.StateVarOf(x.X) != nil {
						nonce = true
					}
				}
			case *ast.IfStatement:
				axsMarkStateReads(prog, wk, x.Cond, conds)
			case *ast.FunctionCall:
				if IsBuiltinCall(prog, x, "require", "assert") && len(x.Args) > 0 {
					axsMarkStateReads(prog, wk, x.Args[0], conds)
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
			return // a flag or counter checked and updated
		}
	}
	note(site, axsQualified(c, f), "the signature can be replayed: nothing records it as used (no nonce, no used-hash mapping) and the signed hash binds neither block.chainid nor address(this)")
}

func axsMarkStateReads(prog *sema.Program, wk *Walker, e ast.Expr, into map[*ast.VariableDeclaration]bool) {
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok {
			if v := wk.StateVarOf(x); v != nil {
				into[v] = true
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
