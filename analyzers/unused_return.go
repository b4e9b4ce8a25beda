package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// UnusedReturn flags external calls whose return values are ignored.
var UnusedReturn = &Analyzer{
	ID:         "unused-return",
	Title:      "Return value of an external call ignored",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatUncheckedCall,
	SWC:        "SWC-104",
	CWE:        []string{"CWE-252"},
	Description: "The contract calls an external function that returns values and uses none of them. The " +
		"result often carries what actually happened: the amounts a swap produced, whether an `approve` " +
		"succeeded, the id of what was created.",
	Exploit: "A strategy calls `router.swapExactTokensForTokens(amountIn, 0, path, this, deadline)` and books " +
		"`amountIn * price` as received instead of the returned amounts. Whenever the pool price differs " +
		"(or is manipulated), the accounting drifts from the real balance and users withdraw more than exists.",
	Recommendation: "Use the returned values, or check them (`require(token.approve(spender, v))`); for ERC20 " +
		"approvals use `SafeERC20.forceApprove`.",
	Run: runUnusedReturn,
}

func init() { registry = append(registry, UnusedReturn) }

func runUnusedReturn(p *Pass) {
	ariBodies(p, func(b ariBody) {
		ariCalls(p, b, func(x *ast.FunctionCall, call *sema.Call) {
			if call.Kind != sema.CallExternal || call.Callee == nil || len(call.Callee.Returns) == 0 {
				return
			}
			if ariIsERC20Transfer(p.Program, call) {
				return // unchecked-transfer
			}
			if !ariResultUnused(p.Program, b, x) {
				return
			}
			if ariViewProbe(b, x, call.Callee) {
				return
			}
			var rets []string
			for _, r := range call.Callee.Returns {
				s := TypeString(r.Type)
				if r.Name.Name != "" {
					s += " " + r.Name.Name
				}
				rets = append(rets, s)
			}
			p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
				Message: b.Label() + " ignores the return value of `" + ariShort(x) + "` (" +
					strings.Join(rets, ", ") + ")"})
		})
	})
}

// ariViewProbe recognises a view call made as a statement of its own,
// `IGateway(g).supportsAttribute(bytes4(0));`: it changes nothing and its
// only effect is to revert when the target does not implement the
// function (or has no code), so the call is there as an interface check
// and dropping its result is the point.
func ariViewProbe(b ariBody, x *ast.FunctionCall, callee *ast.FunctionDefinition) bool {
	switch callee.Mutability {
	case "view", "pure", "constant":
	default:
		return false
	}
	_, stmt := b.Parents[x].(*ast.ExpressionStatement)
	return stmt
}
