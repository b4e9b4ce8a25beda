package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// IncorrectEquality flags strict equality on balances and block values.
var IncorrectEquality = &Analyzer{
	ID:         "incorrect-equality",
	Title:      "Dangerous strict equality",
	Severity:   Medium,
	Confidence: ConfidenceHigh,
	Category:   CatLogic,
	SWC:        "SWC-132",
	CWE:        []string{"CWE-697"},
	Description: "A strict equality (`==`, `!=`) on an ether or token balance assumes the contract controls " +
		"that balance exactly. It does not: ether can be forced in with `selfdestruct` or as a block " +
		"reward, and anyone can send tokens. Strict equality on `block.timestamp` or `block.number` " +
		"is likewise fragile: the exact block may never contain the transaction.",
	Exploit: "A crowdsale finishes when `address(this).balance == goal`. An attacker force-feeds 1 wei with " +
		"`selfdestruct(payable(sale))`; the balance skips over the goal, the condition is never true again " +
		"and the funds are locked.",
	Recommendation: "Compare with `>=`/`<=` (or track deposits in a variable the contract controls) and use " +
		"ranges rather than exact blocks or timestamps.",
	Run: runIncorrectEquality,
}

func init() { registry = append(registry, IncorrectEquality) }

func runIncorrectEquality(p *Pass) {
	prog := p.Program
	bal := &ariDeriv{prog: prog, src: func(n ast.Node) bool { return ariIsBalanceRead(prog, n) }, getters: true}
	bal.init()
	blk := &ariDeriv{prog: prog, src: func(n ast.Node) bool {
		v := ariBlockValue(prog, n)
		return v == "now" || v == "block.timestamp" || v == "block.number"
	}, getters: true}
	blk.init()
	stamps := blockStamps(p, blk)

	ariBodies(p, func(b ariBody) {
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			x, ok := n.(*ast.BinaryOperation)
			if !ok || (x.Op != "==" && x.Op != "!=") {
				return true
			}
			for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
				if w := bal.witness(pair[0], x); w != nil {
					if c, isCall := w.(*ast.FunctionCall); isCall && ariIsBalanceRead(prog, c) && ariIsZero(p, pair[1]) {
						continue // balanceOf(x) == 0: does x hold any, not exact accounting
					}
					p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
						Message: b.Label() + " compares a balance with strict equality: `" + ariShort(x) +
							"`; anyone can change " + ariShort(w) + " (force-fed ether, transferred tokens)"})
					return true
				}
			}
			if x.Op != "==" {
				return true
			}
			for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
				w := blk.witness(pair[0], x)
				if w == nil || ariHasModulo(pair[0]) || ariIsConst(prog, pair[1]) || isBlockValue(prog, blk, pair[1]) || stamps.Derived(pair[1]) {
					continue
				}
				p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
					Message: b.Label() + " requires an exact block value: `" + ariShort(x) +
						"`; the transaction may land in another block, so the condition may never hold"})
				return true
			}
			return true
		})
	})
}

// blockStamps derives from the variables and struct fields the program
// sets to the current block's number or time (lastUpdateTimestamp =
// block.timestamp, Checkpoint({fromBlock: clock(), …})): comparing such a
// stamp with the current block asks "did this already happen in this
// block?", which is not a deadline that a transaction can miss.
func blockStamps(p *Pass, blk *ariDeriv) *ariDeriv {
	_, d := blockStampSet(p, blk)
	return d
}

// blockStampSet is blockStamps with the stamps themselves.
func blockStampSet(p *Pass, blk *ariDeriv) (map[*ast.VariableDeclaration]bool, *ariDeriv) {
	prog := p.Program
	// A stamp is only ever set to the block's value: a variable also set
	// to anything else (a caller's time, a deadline) is not one.
	stamp := map[*ast.VariableDeclaration]bool{}
	other := map[*ast.VariableDeclaration]bool{}
	mark := func(target ast.Expr, isStamp bool) {
		if v := stampVar(prog, target); v != nil {
			if isStamp {
				stamp[v] = true
			} else {
				other[v] = true
			}
		}
	}
	ariBodies(p, func(b ariBody) {
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Assignment:
				if x.Op != "=" || !ariIsZero(p, x.RHS) { // reset to 0: still the past
					mark(x.LHS, x.Op == "=" && isBlockValue(prog, blk, x.RHS))
				}
			case *ast.UnaryOperation:
				if x.Op == "++" || x.Op == "--" {
					mark(x.X, false)
				}
			case *ast.FunctionCall:
				call := prog.CallOf(x)
				if call == nil || call.Kind != sema.CallStruct {
					return true
				}
				def, ok := prog.Ref(x.Fn).(*ast.StructDefinition)
				if !ok {
					return true
				}
				for i, a := range x.Args {
					if ariIsZero(p, a) {
						continue
					}
					isStamp := isBlockValue(prog, blk, a)
					for j, m := range def.Members {
						if (len(x.Names) == len(x.Args) && m.Name.Name == x.Names[i].Name) || (len(x.Names) == 0 && i == j) {
							if isStamp {
								stamp[m] = true
							} else {
								other[m] = true
							}
						}
					}
				}
			}
			return true
		})
	})
	for v := range other {
		delete(stamp, v)
	}
	return stamp, newAriDeriv(prog, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		return ok && stamp[stampVar(prog, e)]
	}, true, nil)
}

// isBlockValue matches the current block's number or time itself,
// converted or through a getter (clock(), SafeCast.toUint32(…)): not a
// deadline computed from it (block.timestamp + 1 days), which a
// transaction can miss.
func isBlockValue(prog *sema.Program, blk *ariDeriv, e ast.Expr) bool {
	e = ariStripConversions(prog, e)
	if blk.src(e) {
		return true
	}
	c, ok := e.(*ast.FunctionCall)
	if !ok {
		return false
	}
	call := prog.CallOf(c)
	if call == nil || (call.Kind != sema.CallInternal && call.Kind != sema.CallLibrary) {
		return false
	}
	if call.Callee != nil && blk.funcs[call.Callee] {
		return true
	}
	return len(call.Args()) == 1 && isBlockValue(prog, blk, call.Args()[0])
}

// stampVar returns the variable, or the struct field, that e names.
func stampVar(prog *sema.Program, e ast.Expr) *ast.VariableDeclaration {
	switch x := unparen(e).(type) {
	case *ast.Identifier:
		v, _ := prog.Ref(x).(*ast.VariableDeclaration)
		return v
	case *ast.IndexAccess:
		return stampVar(prog, x.X) // lastBlock[msg.sender]: the mapping
	case *ast.MemberAccess:
		if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok {
			return v
		}
		if t := prog.TypeOf(x.X); t != nil && t.Kind == sema.Struct && t.Struct != nil {
			for _, m := range t.Struct.Members {
				if m.Name.Name == x.Member.Name {
					return m
				}
			}
		}
	}
	return nil
}

// ariIsBalanceRead matches `address.balance` (and pre-0.5 `this.balance`)
// and external `balanceOf(account)` calls.
func ariIsBalanceRead(prog *sema.Program, n ast.Node) bool {
	switch x := n.(type) {
	case *ast.MemberAccess:
		if x.Member.Name != "balance" {
			return false
		}
		if _, isDecl := prog.Ref(x).(*ast.VariableDeclaration); isDecl {
			return false // a struct field or state variable named balance
		}
		if prog.Ref(x.X) == sema.Builtin("this") {
			return true
		}
		switch prog.TypeOf(x.X).Kind {
		case sema.Address, sema.ContractType:
			return true
		}
	case *ast.FunctionCall:
		call := prog.CallOf(x)
		return call != nil && call.Kind == sema.CallExternal && call.Name == "balanceOf" && len(x.Args) == 1
	}
	return false
}
