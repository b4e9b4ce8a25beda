package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// UncheckedTransfer flags ERC20 transfer/transferFrom calls whose boolean
// result is ignored.
var UncheckedTransfer = &Analyzer{
	ID:         "unchecked-transfer",
	Title:      "Unchecked ERC20 transfer",
	Severity:   High,
	Confidence: ConfidenceMedium,
	Category:   CatUncheckedCall,
	SWC:        "SWC-104",
	CWE:        []string{"CWE-252"},
	Description: "ERC20 `transfer` and `transferFrom` return a boolean. Several widely used tokens return " +
		"`false` on failure instead of reverting, so a contract that ignores the result treats a failed " +
		"token movement as a successful one.",
	Exploit: "A vault credits `deposits[msg.sender] += amount` after `token.transferFrom(msg.sender, this, amount)`. " +
		"With a token that returns false when the allowance is missing, the attacker deposits nothing, is " +
		"credited anyway, and withdraws other users' tokens.",
	Recommendation: "Use OpenZeppelin's `SafeERC20` (`safeTransfer`, `safeTransferFrom`), which reverts on a " +
		"false result and also supports tokens that return nothing, or `require(token.transfer(to, v))`.",
	Run: runUncheckedTransfer,
}

func init() { registry = append(registry, UncheckedTransfer) }

func runUncheckedTransfer(p *Pass) {
	ariBodies(p, func(b ariBody) {
		ariCalls(p, b, func(x *ast.FunctionCall, call *sema.Call) {
			if !ariIsERC20Transfer(p.Program, call) {
				return
			}
			if ariAlwaysTrueOrReverts(call.Callee) || ariIsWETH(p.Program, call) {
				return // the token type in use reverts instead of returning false
			}
			if ariResultUnused(p.Program, b, x) {
				p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
					Message: b.Label() + " ignores the boolean returned by `" + ariShort(x) +
						"`; tokens that return false on failure are treated as paid"})
			}
		})
	})
}

// ariIsERC20Transfer matches external transfer(address,uint256) and
// transferFrom(address,address,uint256) calls to a callee that returns bool.
func ariIsERC20Transfer(prog *sema.Program, call *sema.Call) bool {
	if call.Kind != sema.CallExternal || call.Callee == nil {
		return false
	}
	switch {
	case call.Name == "transfer" && len(call.Expr.Args) == 2:
	case call.Name == "transferFrom" && len(call.Expr.Args) == 3:
	default:
		return false
	}
	rets := call.Callee.Returns
	return len(rets) == 1 && prog.DeclType(rets[0]).Kind == sema.Bool
}

// ariAlwaysTrueOrReverts reports implemented functions whose every return
// returns the literal true (failure can only revert).
func ariAlwaysTrueOrReverts(f *ast.FunctionDefinition) bool {
	if f == nil || f.Body == nil {
		return false
	}
	returns, ok := 0, true
	ast.Inspect(f.Body, func(n ast.Node) bool {
		if r, isRet := n.(*ast.ReturnStatement); isRet {
			returns++
			l, isLit := unparen(r.Value).(*ast.Literal)
			if r.Value == nil || !isLit || l.Kind != ast.BoolLiteral || l.Value != "true" {
				ok = false
			}
		}
		return true
	})
	return ok && returns > 0
}

// ariResultUnused reports calls whose value is dropped, or bound to
// variables that are never read.
func ariResultUnused(prog *sema.Program, b ariBody, x *ast.FunctionCall) bool {
	use := ariCallUse(prog, b.Parents, x)
	switch use.Kind {
	case ariUseDropped:
		return true
	case ariUseBound:
		if use.Stored {
			return false
		}
		for _, v := range use.Vars {
			if v != nil && ariVarRead(prog, b.Body, b.Parents, v) {
				return false
			}
		}
		// Named return variables are read by the caller.
		if b.Fn != nil {
			for _, v := range use.Vars {
				for _, r := range b.Fn.Returns {
					if v != nil && v == r {
						return false
					}
				}
			}
		}
		return true
	}
	return false
}

// ariIsWETH recognises wrapped ether, whose transfer reverts on failure.
func ariIsWETH(prog *sema.Program, call *sema.Call) bool {
	if call.Receiver == nil {
		return false
	}
	if t := prog.TypeOf(call.Receiver); t.Kind == sema.ContractType && t.Contract != nil && strings.Contains(strings.ToUpper(t.Contract.Name()), "WETH") {
		return true
	}
	return strings.Contains(strings.ToUpper(ariShort(call.Receiver)), "WETH")
}
