package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// UninitializedState flags state variables that nothing ever writes but
// some code reads: they are always zero.
var UninitializedState = &Analyzer{
	ID:         "uninitialized-state",
	Title:      "State variable read but never written",
	Severity:   High,
	Confidence: ConfidenceHigh,
	Category:   CatUninitialized,
	CWE:        []string{"CWE-456"},
	Description: "A state variable without an initial value that no function, constructor or " +
		"modifier of the deployed contract (including its bases) ever writes is always zero, " +
		"`address(0)`, `false` or empty, yet the code reads it as if it held something. Writes " +
		"count however they happen: assignment, `++`, `delete`, `push`, a write through an index " +
		"(`m[k] = v` writes `m`), a storage pointer bound to the variable, passing it to a " +
		"function's `storage` parameter, or `.slot` in inline assembly. Only the most derived " +
		"contracts are analysed; in an abstract one, only private variables (which no derived " +
		"contract could set) are reported. In a contract that delegatecalls, the callee could " +
		"write any slot, so findings there have low confidence.",
	Exploit: "A vault declares `address payable destination;` and `function withdraw() external " +
		"{ destination.transfer(address(this).balance); }`, but the constructor sets a " +
		"different variable. `destination` is `address(0)`: every withdrawal burns the vault's " +
		"ether.",
	Recommendation: "Initialise the variable where it is declared or in the constructor, or remove " +
		"it if it is not needed; declare it `constant` or `immutable` if it never changes.",
	Run: runUninitializedState,
}

func init() { registry = append(registry, UninitializedState) }

// stateUse is what one contract's own code does with state variables.
type stateUse struct {
	written map[*ast.VariableDeclaration]bool
	read    map[*ast.VariableDeclaration]ast.Node // first read
	readFn  map[*ast.VariableDeclaration]string   // "f(uint256)", "modifier m"
	// slotNames are names used as x.slot / x_slot in assembly.
	slotNames map[string]bool
	// delegates is set when the code delegatecalls: the callee may write
	// any slot of this contract's storage.
	delegates bool
}

func runUninitializedState(p *Pass) {
	prog := p.Program
	inherited := map[*sema.Contract]bool{}
	for _, c := range prog.Contracts {
		for _, b := range c.Linearization[1:] {
			inherited[b] = true
		}
	}
	cache := map[*sema.Contract]*stateUse{}
	useOf := func(c *sema.Contract) *stateUse {
		if u, ok := cache[c]; ok {
			return u
		}
		u := collectStateUse(prog, c)
		cache[c] = u
		return u
	}
	inScope := map[*ast.ContractDefinition]bool{}
	for _, c := range p.Contracts() {
		inScope[c.Def] = true
	}
	done := map[*ast.VariableDeclaration]bool{}
	shared := sharedStorageWrites(prog, useOf)
	for _, c := range p.Contracts() {
		if inherited[c] || c.Def.Kind != ast.KindContract {
			continue
		}
		written := map[*ast.VariableDeclaration]bool{}
		slotNames := map[string]bool{}
		delegates := false
		for _, l := range c.Linearization {
			u := useOf(l)
			delegates = delegates || u.delegates
			for v := range u.written {
				written[v] = true
			}
			for n := range u.slotNames {
				slotNames[n] = true
			}
		}
		for _, l := range c.Linearization {
			for _, v := range l.Def.StateVars {
				if done[v] || v.Value != nil || v.Constant || v.Immutable || written[v] || slotNames[v.Name.Name] ||
					strings.HasPrefix(v.Name.Name, "__gap") || !inScope[l.Def] {
					continue
				}
				if c.IsAbstract() && v.Visibility != "private" {
					continue // a contract deriving from it may set it
				}
				if shared.writes(c, v) {
					continue
				}
				var at ast.Node
				where := "read"
				for _, r := range c.Linearization {
					if n, ok := useOf(r).read[v]; ok {
						at = n
						if w := useOf(r).readFn[v]; w != "" {
							where = "read in " + w
						}
						break
					}
				}
				if at == nil {
					continue
				}
				done[v] = true
				msg := "state variable " + l.Name() + "." + v.Name.Name + " is never written but is " + where +
					": it always holds " + zeroValueOfState(prog, v)
				if l != c {
					msg += " (in " + c.Name() + ")"
				}
				r := Report{At: v, Contract: l.Def, Message: msg,
					Related: []RelatedNode{{At: at, Message: "read here"}}}
				if delegates {
					// Code reached by delegatecall may set it (a proxy's
					// implementation): less certain.
					r.Confidence = ConfidenceLow
					r.Message += "; " + c.Name() + " delegatecalls, and the callee could write it"
				}
				p.Report(r)
			}
		}
	}
}

// sharedStorage records which contracts write which variables, for split
// logic: a registry that delegatecalls its logic contract, both deriving
// from the base that declares the storage, runs two contracts' code on
// one storage, so a variable one of them writes is not "never written" in
// the other. A variable of the same name in an unrelated contract proves
// nothing, so only a shared declaration counts.
type sharedStorage struct {
	delegates map[*sema.Contract]bool
	writers   map[*ast.VariableDeclaration][]*sema.Contract
}

func sharedStorageWrites(prog *sema.Program, useOf func(*sema.Contract) *stateUse) sharedStorage {
	s := sharedStorage{delegates: map[*sema.Contract]bool{}, writers: map[*ast.VariableDeclaration][]*sema.Contract{}}
	for _, d := range prog.Contracts {
		if d.Def.Kind != ast.KindContract {
			continue
		}
		for _, l := range d.Linearization {
			s.delegates[d] = s.delegates[d] || useOf(l).delegates
			for v := range useOf(l).written {
				s.writers[v] = append(s.writers[v], d)
			}
		}
	}
	return s
}

// writes reports another contract, deriving from v's declaration, that
// writes v while it or c delegatecalls.
func (s sharedStorage) writes(c *sema.Contract, v *ast.VariableDeclaration) bool {
	for _, d := range s.writers[v] {
		if d != c && (s.delegates[c] || s.delegates[d]) {
			return true
		}
	}
	return false
}

func zeroValueOfState(prog *sema.Program, v *ast.VariableDeclaration) string {
	switch prog.DeclType(v).Kind {
	case sema.Mapping:
		return "zero for every key"
	case sema.Array:
		return "no elements (or zeros)"
	case sema.Struct:
		return "a zeroed struct"
	case sema.String, sema.Bytes:
		return "an empty value"
	}
	return zeroValueOf(prog, v)
}

// collectStateUse scans the bodies declared in c (functions, modifiers,
// state variable initialisers) for writes and reads of state variables.
func collectStateUse(prog *sema.Program, c *sema.Contract) *stateUse {
	u := &stateUse{written: map[*ast.VariableDeclaration]bool{}, read: map[*ast.VariableDeclaration]ast.Node{},
		readFn: map[*ast.VariableDeclaration]string{}, slotNames: map[string]bool{}}
	var fn *ast.FunctionDefinition
	where := ""
	write := func(e ast.Expr) {
		if v := rootStateVar(prog, e); v != nil {
			u.written[v] = true
		}
	}
	visit := func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Identifier, *ast.MemberAccess:
			if v := StateVarRef(prog, x); v != nil {
				if _, seen := u.read[v]; !seen {
					u.read[v] = x
					u.readFn[v] = where
				}
			}
			if m, ok := x.(*ast.MemberAccess); ok && (m.Member.Name == "push" || m.Member.Name == "pop") {
				write(m.X)
			}
		case *ast.Assignment:
			writeTargets(x.LHS, write)
		case *ast.UnaryOperation:
			if x.Op == "++" || x.Op == "--" || x.Op == "delete" {
				write(x.X)
			}
		case *ast.VariableDeclarationStatement:
			// A storage pointer bound to a state variable may write it.
			if x.Value != nil {
				for _, d := range x.Decls {
					if d != nil && isStoragePointerDecl(prog, d) {
						bindTargets(x.Value, write)
					}
				}
			}
		case *ast.FunctionCall:
			storageArgs(prog, x, write)
			if call := prog.CallOf(x); call != nil && call.Kind == sema.CallLowLevel &&
				(call.Name == "delegatecall" || call.Name == "callcode") {
				u.delegates = true
			}
		case *ast.ReturnStatement:
			// A function returning a storage reference hands out write
			// access to what it returns.
			if x.Value != nil && fn != nil && returnsStorage(fn) {
				bindTargets(x.Value, write)
			}
		case *ast.InlineAssembly:
			ast.Inspect(x.Body, func(y ast.Node) bool {
				var names []string
				switch yy := y.(type) {
				case *ast.YulFunctionCall:
					if yy.Name.Name == "delegatecall" || yy.Name.Name == "callcode" {
						u.delegates = true
					}
				case *ast.YulIdentifier:
					names = append(names, yy.Name)
				case *ast.YulAssignment:
					for _, id := range yy.Names {
						names = append(names, id.Name)
					}
				}
				for _, name := range names {
					if base, ok := strings.CutSuffix(name, ".slot"); ok {
						u.slotNames[base] = true
					} else if base, ok := strings.CutSuffix(name, "_slot"); ok {
						u.slotNames[base] = true
					}
				}
				return true
			})
			return false
		}
		return true
	}
	for _, n := range c.Def.Nodes {
		switch d := n.(type) {
		case *ast.FunctionDefinition:
			fn, where = d, FunctionSignature(d)
			if d.Body != nil {
				inspectBody(prog, d.Body, visit)
			}
			for _, inv := range d.Modifiers {
				for _, a := range inv.Args {
					ast.Inspect(a, visit)
				}
			}
		case *ast.ModifierDefinition:
			fn, where = nil, "modifier "+d.Name.Name
			if d.Body != nil {
				inspectBody(prog, d.Body, visit)
			}
		case *ast.VariableDeclaration:
			fn, where = nil, "the initialiser of "+d.Name.Name
			if d.Value != nil {
				ast.Inspect(d.Value, visit)
			}
		}
	}
	// Local storage pointers assigned after their declaration.
	for _, n := range c.Def.Nodes {
		if d, ok := n.(*ast.FunctionDefinition); ok && d.Body != nil {
			inspectBody(prog, d.Body, func(n ast.Node) bool {
				if a, ok := n.(*ast.Assignment); ok {
					if id, ok := Unparen(a.LHS).(*ast.Identifier); ok {
						if l := LocalRef(prog, id); l != nil && isStoragePointerDecl(prog, l) {
							bindTargets(a.RHS, write)
						}
					}
				}
				return true
			})
		}
	}
	return u
}

// writeTargets calls write for each assignment target, through tuples.
func writeTargets(lhs ast.Expr, write func(ast.Expr)) {
	if t, ok := Unparen(lhs).(*ast.TupleExpression); ok {
		for _, el := range t.Elems {
			if el != nil {
				writeTargets(el, write)
			}
		}
		return
	}
	write(lhs)
}

// bindTargets calls write for the state a storage pointer may be bound to:
// the value, either branch of a conditional, each element of a tuple.
func bindTargets(value ast.Expr, write func(ast.Expr)) {
	switch x := Unparen(value).(type) {
	case *ast.Conditional:
		bindTargets(x.Then, write)
		bindTargets(x.Else, write)
	case *ast.TupleExpression:
		for _, el := range x.Elems {
			if el != nil {
				bindTargets(el, write)
			}
		}
	default:
		write(value)
	}
}

// storageArgs calls write for state variables passed to a `storage`
// parameter (including the receiver of a using-for call), or to a call
// whose callee is unknown when the argument is a reference type.
func storageArgs(prog *sema.Program, fc *ast.FunctionCall, write func(ast.Expr)) {
	call := prog.CallOf(fc)
	if call == nil {
		return
	}
	switch call.Kind {
	case sema.CallInternal, sema.CallLibrary, sema.CallUnknown:
	default:
		return
	}
	args := call.Args()
	for i, a := range args {
		v := rootStateVar(prog, a)
		if v == nil {
			continue
		}
		if call.Callee == nil {
			switch prog.DeclType(v).Kind {
			case sema.Mapping, sema.Array, sema.Struct, sema.Bytes, sema.String:
				write(a)
			}
			continue
		}
		if i < len(call.Callee.Params) && call.Callee.Params[i].Location == "storage" {
			write(a)
		}
	}
}

// isStoragePointerDecl reports local declarations that are storage
// references (explicit, or implicit before 0.5).
func isStoragePointerDecl(prog *sema.Program, d *ast.VariableDeclaration) bool {
	if d.IsStateVar {
		return false
	}
	if d.Location == "storage" {
		return true
	}
	if d.Location != "" {
		return false
	}
	if d.Type == nil {
		return true // pre-0.5 `var`: a storage reference when bound to one
	}
	return isStoragePointerLocal(prog, d)
}

func returnsStorage(fn *ast.FunctionDefinition) bool {
	for _, r := range fn.Returns {
		if r.Location == "storage" {
			return true
		}
	}
	return false
}

// rootStateVar returns the state variable an lvalue or storage reference is
// rooted in: x, x[i], x.f, x[i].f[j], C.x — or nil.
func rootStateVar(prog *sema.Program, e ast.Expr) *ast.VariableDeclaration {
	for {
		switch x := Unparen(e).(type) {
		case *ast.Identifier:
			return StateVarRef(prog, x)
		case *ast.IndexAccess:
			e = x.X
		case *ast.IndexRangeAccess:
			e = x.X
		case *ast.MemberAccess:
			if v, ok := prog.Ref(x).(*ast.VariableDeclaration); ok {
				if v.IsStateVar {
					return v
				}
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}
