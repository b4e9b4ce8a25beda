package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// MissingZeroCheck flags address parameters stored in state or paid
// without a check against address(0).
var MissingZeroCheck = &Analyzer{
	ID:         "missing-zero-check",
	Title:      "Missing zero-address check",
	Severity:   Low,
	Confidence: ConfidenceMedium,
	Category:   CatLogic,
	CWE:        []string{"CWE-20"},
	Description: "An address parameter is stored in an address state variable (an owner, a treasury, a " +
		"token) or receives ether, and nothing on the function's paths compares it with `address(0)`. A " +
		"mistaken or default-valued argument then silently burns the ether or sets a critical address to " +
		"zero, which often cannot be undone (ownership lost, fees sent to nowhere). Checks made in a " +
		"caller or callee on the same path — OpenZeppelin's `transferOwnership` checking before " +
		"`_transferOwnership` — count.",
	Exploit: "The admin calls `setTreasury(address(0))` by mistake (an unset environment variable in the " +
		"deployment script); from then on every fee is sent to the zero address.",
	Recommendation: "Add `require(newAddress != address(0))` (or a custom error) before storing or paying " +
		"an address parameter, unless zero is a deliberate value such as renouncing ownership — then " +
		"document it.",
	Run: runMissingZeroCheck,
}

func init() { registry = append(registry, MissingZeroCheck) }

func runMissingZeroCheck(p *Pass) {
	done := map[ast.Node]bool{}
	for _, c := range axsAccessRoots(p) {
		var fns []*sema.Function
		for _, f := range p.EntryPoints(c) {
			if !f.IsView() && axsHasAddressParam(p.Program, f) {
				fns = append(fns, f)
			}
		}
		for _, l := range c.Linearization {
			for _, d := range l.Def.Functions {
				if d.Kind == ast.KindConstructor && d.Body != nil {
					if f := p.Program.FunctionOf(d); f != nil && axsHasAddressParam(p.Program, f) {
						fns = append(fns, f)
					}
				}
			}
		}
		relevant := func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Assignment:
				if v := axsStateRoot(p.Program, c, x.LHS); v != nil {
					t := p.Program.TypeOf(x.LHS)
					return t.Kind == sema.Address || t.Kind == sema.ContractType
				}
			case *ast.FunctionCall:
				cl := p.Program.CallOf(x)
				return cl != nil && cl.SendsValue()
			}
			return false
		}
		for _, f := range fns {
			if axsReaches(p, c, f, "addr-write-or-send", relevant) {
				axsZeroCheckFunction(p, c, f, done)
			}
		}
	}
}

func axsHasAddressParam(prog *sema.Program, f *sema.Function) bool {
	for _, prm := range f.Def.Params {
		if t := prog.DeclType(prm); t.Kind == sema.Address || t.Kind == sema.ContractType {
			return true
		}
	}
	return false
}

func axsZeroCheckFunction(p *Pass, c *sema.Contract, f *sema.Function, done map[ast.Node]bool) {
	prog := p.Program
	params := map[*ast.VariableDeclaration]bool{}
	for _, prm := range f.Def.Params {
		params[prm] = true
	}
	alias := map[*ast.VariableDeclaration]*ast.VariableDeclaration{}
	src := func(v *ast.VariableDeclaration) *ast.VariableDeclaration {
		for i := 0; v != nil && i < 12; i++ {
			if params[v] {
				return v
			}
			v = alias[v]
		}
		return nil
	}
	checked := map[*ast.VariableDeclaration]bool{}
	mark := func(e ast.Expr) {
		if v := axsDeclOf(prog, e); v != nil {
			checked[v] = true
			if s := src(v); s != nil {
				checked[s] = true
			}
		}
	}
	type pending struct {
		at   ast.Node
		prm  *ast.VariableDeclaration
		what string
	}
	var todo []pending
	p.Walk(c, f, FlowVisitor{
		Node: func(n ast.Node, st FlowState) {
			switch x := n.(type) {
			case *ast.VariableDeclarationStatement:
				if len(x.Decls) == 1 && x.Decls[0] != nil && x.Value != nil {
					if v := axsDeclOf(prog, x.Value); v != nil {
						alias[x.Decls[0]] = v
					}
				}
			case *ast.Assignment:
				if l := axsDeclOf(prog, x.LHS); l != nil && !l.IsStateVar && x.Op == "=" {
					if v := axsDeclOf(prog, x.RHS); v != nil {
						alias[l] = v
					}
				}
			case *ast.BinaryOperation:
				switch x.Op {
				case "==", "!=", ">", "<":
					if axsIsZero(x.Y) {
						mark(x.X)
					}
					if axsIsZero(x.X) {
						mark(x.Y)
					}
				}
			case *ast.MemberAccess:
				// x.code.length, x.isContract(): a contract check implies non-zero.
				if x.Member.Name == "code" || x.Member.Name == "isContract" || x.Member.Name == "codehash" {
					mark(x.X)
				}
			case *ast.FunctionCall:
				cl := prog.CallOf(x)
				if cl == nil {
					return
				}
				name := strings.ToLower(cl.Name)
				if strings.Contains(name, "iscontract") || strings.Contains(name, "zero") || strings.Contains(name, "nonnull") {
					for _, a := range cl.Args() {
						mark(a)
					}
				}
				if cl.Kind == sema.CallInternal || cl.Kind == sema.CallLibrary {
					fn := axsDispatch(prog, c, cl)
					if fn == nil {
						return
					}
					for i, a := range cl.Args() {
						if i < len(fn.Def.Params) {
							if v := axsDeclOf(prog, a); v != nil {
								alias[fn.Def.Params[i]] = v
							}
						}
					}
				}
			}
		},
		Write: func(v *ast.VariableDeclaration, at ast.Node, value ast.Expr, st FlowState) {
			if value == nil {
				return
			}
			e, ok := at.(ast.Expr)
			if !ok || axsIsIndexed(e) {
				return // mapping and array entries are keyed data, not a critical address
			}
			if t := prog.TypeOf(e); t.Kind != sema.Address && t.Kind != sema.ContractType {
				return
			}
			if s := src(axsDeclOf(prog, value)); s != nil {
				todo = append(todo, pending{at, s, "stores parameter " + s.Name.Name + " in " + axsCode(e)})
			}
		},
		Call: func(site CallSite, st FlowState) {
			cl := site.Call
			if cl == nil || cl.Receiver == nil {
				return
			}
			plain := cl.Kind == sema.CallSend || cl.Kind == sema.CallTransfer ||
				(cl.Kind == sema.CallLowLevel && cl.Name == "call" && cl.Value != nil && axsEmptyCalldata(cl.Expr))
			if !plain {
				return
			}
			if s := src(axsDeclOf(prog, cl.Receiver)); s != nil {
				todo = append(todo, pending{site.Node, s, "sends ether to parameter " + s.Name.Name})
			}
		},
	})
	for _, t := range todo {
		if checked[t.prm] || done[t.at] {
			continue
		}
		done[t.at] = true
		axsReportAt(p, t.at, axsQualified(c, f)+" "+t.what+" without checking it against address(0)")
	}
}

// axsEmptyCalldata reports a.call{value: v}("") and a.call.value(v)().
func axsEmptyCalldata(call *ast.FunctionCall) bool {
	if len(call.Args) == 0 {
		return true
	}
	l, ok := unparen(call.Args[0]).(*ast.Literal)
	return ok && (l.Kind == ast.StringLiteral || l.Kind == ast.HexStringLiteral) && l.Value == ""
}
