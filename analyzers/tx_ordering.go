package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// TxOrdering flags payouts whose amount another transaction can change
// first, and rewards paid to whoever submits a public answer first.
var TxOrdering = &Analyzer{
	ID:         "tx-ordering",
	Title:      "Transaction-order dependence",
	Severity:   Medium,
	Confidence: ConfidenceLow,
	Category:   CatFrontRunning,
	SWC:        "SWC-114",
	CWE:        []string{"CWE-362"},
	Description: "The outcome of a transaction depends on transactions mined before it, which anyone watching " +
		"the mempool can insert:\n\n" +
		"- an ether payout whose amount is read from a state variable that a function overwrites with a " +
		"caller-supplied value (`reward = msg.value`, `price = newPrice`), so the owner or a competitor can " +
		"change it between submission and mining;\n" +
		"- a puzzle or bounty that pays `msg.sender` when the submitted answer matches a stored hash: the " +
		"answer is visible in the pending transaction and can be copied with a higher gas price.\n\n" +
		"Severity is medium because what is lost is the payout, not the contract; confidence is low " +
		"because whether the ordering matters depends on the contract's intent.",
	Exploit: "A bounty pays 10 ether for the preimage of a stored hash. Alice submits `solve(\"secret\")`; " +
		"a bot copies the answer from the mempool into its own transaction with a higher fee and is paid " +
		"first. Or: a seller lowers `reward` with `setReward` just before the buyer's `claimReward` is mined.",
	Recommendation: "Use commit–reveal (submit `keccak256(answer, msg.sender, salt)` first, reveal later), bind " +
		"answers to the submitter, and let callers state the amount they expect (a minimum payout or a " +
		"maximum price) so a changed value makes their transaction revert.",
	Run: runTxOrdering,
}

func init() { registry = append(registry, TxOrdering) }

type axsOverwrite struct {
	at    ast.Node
	entry *sema.Function
}

func runTxOrdering(p *Pass) {
	prog := p.Program
	done := map[ast.Node]bool{}
	for _, c := range axsAccessRoots(p) {
		if !axsLinearizationContains(prog, c, func(n ast.Node) bool {
			call, ok := n.(*ast.FunctionCall)
			if !ok {
				return false
			}
			cl := prog.CallOf(call)
			return cl != nil && (cl.SendsValue() || (cl.Kind == sema.CallExternal && cl.Name == "transfer"))
		}) {
			continue
		}
		over := axsOverwrites(p, c)
		pays := func(n ast.Node) bool {
			call, ok := n.(*ast.FunctionCall)
			if !ok {
				return false
			}
			cl := prog.CallOf(call)
			return cl != nil && (cl.SendsValue() || (cl.Kind == sema.CallExternal && cl.Name == "transfer"))
		}
		for _, f := range p.EntryPoints(c) {
			if f.IsView() || !axsReaches(p, c, f, "pays", pays) {
				continue
			}
			entry := f
			var wk *Walker
			var solved ast.Node // a condition comparing a submitted answer
			bound := false      // a commitment that includes the caller's address
			locals := map[*ast.VariableDeclaration][]*ast.VariableDeclaration{}
			// Choices a player submits in the clear: state written from a
			// parameter in a payable entry point, later used to decide a
			// payout.
			choices := map[*ast.VariableDeclaration]ast.Node{}
			decided := map[*ast.VariableDeclaration]bool{}
			// State this transaction has itself overwritten before paying:
			// `v = …;` as a statement of the entry's own body, so on every
			// path. What an earlier transaction wrote there no longer counts.
			top := map[ast.Node]bool{}
			if f.Def.Body != nil {
				for _, st := range f.Def.Body.Stmts {
					top[st] = true
				}
			}
			rewritten := map[*ast.VariableDeclaration]bool{}
			wk = p.NewWalker(c, f, FlowVisitor{
				Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
					if !entry.IsPayable() || st.Guarded || value == nil {
						return
					}
					if _, ok := choices[v]; !ok && axsClearChoice(prog, wk, value) {
						choices[v] = at
					}
				},
				Node: func(n ast.Node, st FlowState) {
					switch x := n.(type) {
					case *ast.ExpressionStatement:
						if a, ok := Unparen(x.X).(*ast.Assignment); ok && a.Op == "=" && top[x] {
							if id, ok := Unparen(a.LHS).(*ast.Identifier); ok {
								if v, ok := prog.Ref(id).(*ast.VariableDeclaration); ok && v.IsStateVar {
									rewritten[v] = true
								}
							}
						}
					case *ast.VariableDeclarationStatement:
						if x.Value != nil {
							reads := axsStateReads(prog, wk, x.Value, locals)
							for _, d := range x.Decls {
								if d != nil {
									locals[d] = reads
								}
							}
						}
					case *ast.IfStatement:
						for _, r := range axsStateReads(prog, wk, x.Cond, locals) {
							if _, ok := choices[r]; ok {
								decided[r] = true
							}
						}
						bound = bound || axsBindsCaller(prog, wk, x.Cond)
						if solved == nil && axsComparesAnswer(prog, wk, x.Cond) {
							solved = x.Cond
						}
					case *ast.FunctionCall:
						if IsBuiltinCall(prog, x, "require", "assert") && len(x.Args) > 0 {
							bound = bound || axsBindsCaller(prog, wk, x.Args[0])
							if solved == nil && axsComparesAnswer(prog, wk, x.Args[0]) {
								solved = x.Args[0]
							}
						}
					}
				},
				Call: func(site CallSite, st FlowState) {
					cl := site.Call
					if cl == nil || done[site.Node] {
						return
					}
					var dest, value ast.Expr
					switch {
					case cl.Kind == sema.CallSend || cl.Kind == sema.CallTransfer:
						dest = cl.Receiver
						if len(cl.Expr.Args) > 0 {
							value = cl.Expr.Args[0]
						}
					case cl.Value != nil && (cl.Kind == sema.CallLowLevel || cl.Kind == sema.CallExternal):
						dest, value = cl.Receiver, cl.Value
					case cl.Kind == sema.CallExternal && cl.Name == "transfer" && len(cl.Expr.Args) == 2:
						dest, value = cl.Expr.Args[0], cl.Expr.Args[1] // a token reward
					default:
						return
					}
					if value == nil || axsIsZero(value) {
						return
					}
					if dest != nil && cl.Kind != sema.CallExternal {
						for _, r := range axsStateReads(prog, wk, dest, locals) {
							if at, ok := choices[r]; ok && decided[r] && !done[at] {
								done[at] = true
								axsReportAt(p, at, axsQualified(c, entry)+" stores the player's choice in "+r.Name.Name+
									", readable by everyone (and visible in the pending transaction), and the payout "+axsCode(site.Node)+
									" is decided from it: the next player can pick the winning choice",
									RelatedNode{At: site.Node, Message: "the payout decided from " + r.Name.Name})
								return
							}
						}
					}
					if solved != nil && !bound && !st.Guarded && dest != nil && axsSenderish(wk, dest) {
						done[site.Node] = true
						axsReportAt(p, site.Node, axsQualified(c, entry)+" pays "+axsCode(value)+" to whoever first submits the answer checked in "+
							axsCode(solved)+"; the answer is public in the pending transaction and can be front-run",
							RelatedNode{At: solved, Message: "the submitted answer is compared here"})
						return
					}
					if cl.Kind == sema.CallExternal && cl.Value == nil {
						return // token amounts: only the puzzle shape
					}
					for _, v := range axsStateReads(prog, wk, value, locals) {
						w, ok := over[v]
						if !ok || rewritten[v] {
							continue
						}
						done[site.Node] = true
						from := ", computed from " + v.Name.Name + ","
						if axsCode(value) == v.Name.Name {
							from = ","
						}
						axsReportAt(p, site.Node, axsQualified(c, entry)+" sends "+axsCode(value)+from+
							" which "+axsQualified(c, w.entry)+" can overwrite in a transaction mined first; the amount paid depends on transaction order",
							RelatedNode{At: w.at, Message: v.Name.Name + " is overwritten here"})
						return
					}
				},
			})
			wk.Run()
		}
	}
}

// axsOverwrites returns the state variables of c that some entry point
// overwrites (plain `=`, not an accumulation) with a caller-supplied
// value — a parameter or msg.value — outside entries keyed by the caller.
func axsOverwrites(p *Pass, c *sema.Contract) map[*ast.VariableDeclaration]axsOverwrite {
	out := map[*ast.VariableDeclaration]axsOverwrite{}
	assigns := func(n ast.Node) bool {
		a, ok := n.(*ast.Assignment)
		return ok && a.Op == "=" && axsStateRoot(p.Program, c, a.LHS) != nil
	}
	for _, f := range p.EntryPoints(c) {
		if f.IsView() || !axsReaches(p, c, f, "assigns-state", assigns) || axsOneTime(p, c, f) {
			continue
		}
		entry := f
		ops := map[ast.Node]string{}
		var wk *Walker
		wk = p.NewWalker(c, f, FlowVisitor{
			Node: func(n ast.Node, st FlowState) {
				if a, ok := n.(*ast.Assignment); ok {
					ops[a.LHS] = a.Op
				}
			},
			Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
				if value == nil || ops[at] != "=" || !wk.Tainted(value) || axsSelfKeyed(wk, at) {
					return
				}
				if t := p.Program.DeclType(v); !t.IsInteger() && t.Kind != sema.Mapping {
					return
				}
				if _, ok := out[v]; !ok {
					out[v] = axsOverwrite{at: at, entry: entry}
				}
			},
		})
		wk.Run()
	}
	return out
}

// axsStateReads returns the state variables an amount is computed from,
// through locals; reads keyed by the caller (their own balance) and
// address(this).balance do not count.
func axsStateReads(prog *sema.Program, wk *Walker, e ast.Expr, locals map[*ast.VariableDeclaration][]*ast.VariableDeclaration) []*ast.VariableDeclaration {
	var out []*ast.VariableDeclaration
	seen := map[*ast.VariableDeclaration]bool{}
	visit := func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.IndexAccess:
			if x.Index != nil && axsSenderish(wk, x.Index) {
				return false
			}
		case *ast.Identifier:
			if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok {
				if v.IsStateVar && !v.Constant && !v.Immutable && !seen[v] {
					seen[v] = true
					out = append(out, v)
				}
				for _, r := range locals[v] {
					if !seen[r] {
						seen[r] = true
						out = append(out, r)
					}
				}
			}
		}
		return true
	}
	ast.Inspect(e, visit)
	return out
}

// axsComparesAnswer reports conditions that compare a submitted answer:
// a hash of caller data compared for equality (without the caller's
// address in the hash), or a string/bytes parameter compared with state.
func axsComparesAnswer(prog *sema.Program, wk *Walker, cond ast.Expr) bool {
	return Contains(cond, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryOperation)
		if !ok || b.Op != "==" {
			return false
		}
		for _, side := range []ast.Expr{b.X, b.Y} {
			call, ok := unparen(side).(*ast.FunctionCall)
			if ok && IsBuiltinCall(prog, call, "keccak256", "sha3", "sha256", "ripemd160") {
				if wk.Tainted(call) && !Contains(call, func(n ast.Node) bool {
					e, ok := n.(ast.Expr)
					return ok && axsSenderish(wk, e)
				}) && !Contains(call, func(n ast.Node) bool {
					e, ok := n.(ast.Expr)
					return ok && IsMagic(e, "msg", "value")
				}) {
					return true
				}
			}
		}
		for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			v := axsDeclOf(prog, pair[0])
			if v == nil || v.IsStateVar || !wk.Tainted(pair[0]) {
				continue
			}
			t := prog.DeclType(v)
			if (t.Kind == sema.String || t.Kind == sema.Bytes || (t.Kind == sema.FixedBytes && t.Bits == 32)) && wk.StateVarOf(pair[1]) != nil {
				return true
			}
		}
		return false
	})
}

// axsBindsCaller reports a condition comparing a hash that includes the
// caller's address: a commitment (commit-reveal) that a front-runner cannot
// reuse.
func axsBindsCaller(prog *sema.Program, wk *Walker, cond ast.Expr) bool {
	return Contains(cond, func(n ast.Node) bool {
		call, ok := n.(*ast.FunctionCall)
		return ok && IsBuiltinCall(prog, call, "keccak256", "sha3", "sha256") && Contains(call, func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			return ok && axsSenderish(wk, e)
		})
	})
}

// axsClearChoice reports a value written from a non-address parameter
// (a number, a guess, a move), not from msg.value: directly or as a field
// of a struct.
func axsClearChoice(prog *sema.Program, wk *Walker, value ast.Expr) bool {
	args := []ast.Expr{value}
	if call, ok := unparen(value).(*ast.FunctionCall); ok {
		if cl := prog.CallOf(call); cl != nil && cl.Kind == sema.CallStruct {
			args = call.Args
		}
	}
	for _, a := range args {
		t := prog.TypeOf(a)
		if t.Kind == sema.Address || t.Kind == sema.ContractType {
			continue
		}
		if wk.Tainted(a) && !axsMentionsMsgValue(prog, a, nil) {
			return true
		}
	}
	return false
}
