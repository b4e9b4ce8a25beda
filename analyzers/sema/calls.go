package sema

import (
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// CallKind classifies a call expression.
type CallKind int

const (
	CallUnknown    CallKind = iota
	CallInternal            // f(), L.f() to an internal library function, a base function C.f()
	CallExternal            // x.f() on a contract-typed value, this.f()
	CallLibrary             // L.f() to a public/external library function: a DELEGATECALL
	CallLowLevel            // a.call(…), a.delegatecall(…), a.staticcall(…), a.callcode(…)
	CallSend                // a.send(v)
	CallTransfer            // a.transfer(v)
	CallBuiltin             // require, assert, keccak256, abi.*, selfdestruct, ecrecover, …
	CallConversion          // uint(x), IERC20(x), address(x), payable(x)
	CallStruct              // S(a, b) or S({x: a})
	CallNew                 // new C(…), new uint[](n)
	CallEvent               // E(…) emitted, with or without emit
	CallError               // a custom error: revert E(…)
	CallOption              // x.value(v), x.gas(g): pre-0.7 call options, not calls
)

func (k CallKind) String() string {
	return [...]string{"unknown", "internal", "external", "library", "low-level", "send", "transfer",
		"builtin", "conversion", "struct", "new", "event", "error", "option"}[k]
}

// Call is one classified call expression.
type Call struct {
	Kind CallKind
	Expr *ast.FunctionCall
	// Callee is the called function where it is known statically: the
	// internal function (before virtual dispatch), the interface or
	// contract function of an external call, the library function.
	Callee *ast.FunctionDefinition
	// Receiver is x in x.f(…), a in a.call(…); nil for plain calls.
	Receiver ast.Expr
	// Name is the called name: f, call, delegatecall, transfer, require.
	Name string
	// Builtin is the builtin's full name: "require", "abi.encodePacked".
	Builtin string
	// Value and Gas are the {value: …, gas: …} or .value(…)/.gas(…) options.
	Value, Gas ast.Expr
	// Super marks super.f(); Callee is then the static next in the
	// declaring contract's linearisation.
	Super bool
	// UsingFor marks x.f(…) bound through `using L for T`; x is the first
	// argument.
	UsingFor bool
	Context  *Contract
}

// Args returns the call's arguments, with the receiver first for
// using-for calls.
func (c *Call) Args() []ast.Expr {
	if c.UsingFor && c.Receiver != nil {
		return append([]ast.Expr{c.Receiver}, c.Expr.Args...)
	}
	return c.Expr.Args
}

// IsExternal reports calls that leave the contract: external and library
// calls, low-level calls, send and transfer.
func (c *Call) IsExternal() bool {
	switch c.Kind {
	case CallExternal, CallLowLevel, CallSend, CallTransfer:
		return true
	case CallLibrary:
		return false // DELEGATECALL into trusted library code
	}
	return false
}

// SendsValue reports calls that may transfer ether.
func (c *Call) SendsValue() bool {
	switch c.Kind {
	case CallSend, CallTransfer:
		return true
	case CallLowLevel, CallExternal:
		return c.Value != nil
	}
	return false
}

func (p *Program) classify(fc *ast.FunctionCall, ctx callContext) *Call {
	call := &Call{Expr: fc, Context: ctx.contract}
	fn := fc.Fn
	// Unwrap options: f{value: v}(…), and legacy f.value(v).gas(g)(…).
	for {
		switch x := fn.(type) {
		case *ast.FunctionCallOptions:
			if v := x.Option("value"); v != nil {
				call.Value = v
			}
			if g := x.Option("gas"); g != nil {
				call.Gas = g
			}
			fn = x.X
			continue
		case *ast.FunctionCall:
			if m, ok := x.Fn.(*ast.MemberAccess); ok && (m.Member.Name == "value" || m.Member.Name == "gas") && len(x.Args) == 1 && p.isCallable(m.X) {
				if m.Member.Name == "value" {
					call.Value = x.Args[0]
				} else {
					call.Gas = x.Args[0]
				}
				fn = m.X
				continue
			}
		case *ast.TupleExpression:
			if len(x.Elems) == 1 {
				fn = x.Elems[0]
				continue
			}
		}
		break
	}
	switch x := fn.(type) {
	case *ast.Identifier:
		call.Name = x.Name
		p.classifyName(call, p.refs.get(x), x.Name, ctx)
	case *ast.MemberAccess:
		call.Name = x.Member.Name
		call.Receiver = x.X
		p.classifyMember(call, x, ctx)
	case *ast.ElementaryTypeExpression:
		call.Kind = CallConversion
		call.Name = x.Type.Name
	case *ast.NewExpression:
		call.Kind = CallNew
	case *ast.IndexAccess:
		// uint[](…) is not Solidity; T[] in abi.decode is an argument. An
		// indexed function pointer call: unknown.
	}
	// `x.value(v)` as a call in its own right is an option, not a call.
	if m, ok := fc.Fn.(*ast.MemberAccess); ok && (m.Member.Name == "value" || m.Member.Name == "gas") && len(fc.Args) == 1 && p.isCallable(m.X) {
		call.Kind = CallOption
	}
	return call
}

// isCallable reports whether e looks like a function to call rather than a
// value with a member named value or gas (a struct field, say).
func (p *Program) isCallable(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.MemberAccess:
		switch x.Member.Name {
		case "call", "delegatecall", "callcode", "staticcall", "send", "transfer":
			return true
		}
		if _, ok := p.refs.get(x).(Overloads); ok {
			return true
		}
		t := p.TypeOf(x.X)
		return t.Kind == ContractType || t.Kind == Unknown
	case *ast.Identifier:
		_, ok := p.refs.get(x).(Overloads)
		return ok
	case *ast.FunctionCall:
		return p.isCallable(x.Fn)
	case *ast.FunctionCallOptions:
		return true
	}
	return false
}

func (p *Program) classifyName(call *Call, sym Symbol, name string, ctx callContext) {
	switch s := sym.(type) {
	case Overloads:
		call.Kind = CallInternal
		call.Callee = p.pickOverloadArgs(s, call.Expr.Args, 0)
	case *Contract:
		call.Kind = CallConversion
	case *ast.StructDefinition:
		call.Kind = CallStruct
	case *ast.EventDefinition:
		call.Kind = CallEvent
	case *ast.ErrorDefinition:
		call.Kind = CallError
	case *ast.UserDefinedValueTypeDefinition, *ast.EnumDefinition:
		call.Kind = CallConversion
	case *ast.VariableDeclaration:
		call.Kind = CallInternal // a function-typed variable
	case Builtin:
		call.Kind = CallBuiltin
		call.Builtin = string(s)
	}
}

func (p *Program) classifyMember(call *Call, m *ast.MemberAccess, ctx callContext) {
	name := m.Member.Name
	// Library, contract and namespace members resolved statically.
	switch s := p.refs.get(m).(type) {
	case Overloads:
		callee := p.pickOverloadArgs(s, call.Expr.Args, 0)
		call.Callee = callee
		owner := p.contractOfFunc(callee)
		recv := p.refs.get(m.X)
		switch {
		case recv == Builtin("this"):
			call.Kind = CallExternal
		case owner != nil && owner.IsLibrary():
			call.Kind = CallInternal
			if callee != nil && (callee.Visibility == "public" || callee.Visibility == "external") {
				call.Kind = CallLibrary
			}
		default:
			call.Kind = CallInternal // C.f() on a base contract
		}
		return
	case *ast.EventDefinition:
		call.Kind = CallEvent
		return
	case *ast.ErrorDefinition:
		call.Kind = CallError
		return
	case *ast.StructDefinition:
		call.Kind = CallStruct
		return
	case *Contract, *ast.UserDefinedValueTypeDefinition, *ast.EnumDefinition:
		call.Kind = CallConversion
		return
	}
	recvSym := p.refs.get(m.X)
	if recvSym == Builtin("super") {
		call.Kind = CallInternal
		call.Super = true
		call.Callee = p.superCallee(ctx, name, len(call.Expr.Args))
		return
	}
	// Builtin namespaces: abi.encode, abi.decode, bytes.concat, string.concat.
	if b, ok := recvSym.(Builtin); ok {
		call.Kind = CallBuiltin
		call.Builtin = string(b) + "." + name
		return
	}
	if et, ok := m.X.(*ast.ElementaryTypeExpression); ok {
		call.Kind = CallBuiltin
		call.Builtin = et.Type.Name + "." + name
		return
	}
	// UDVT wrap/unwrap.
	if t := p.TypeOf(m.X); t.Kind == TypeName && (name == "wrap" || name == "unwrap") {
		call.Kind = CallBuiltin
		call.Builtin = name
		return
	}
	recvType := p.TypeOf(m.X)
	// Address members.
	switch name {
	case "call", "delegatecall", "staticcall", "callcode":
		if recvType.Kind == Address || recvType.Kind == Unknown {
			call.Kind = CallLowLevel
			return
		}
	case "send":
		if recvType.Kind == Address || recvType.Kind == Unknown {
			call.Kind = CallSend
			return
		}
	case "transfer":
		if recvType.Kind == Address || (recvType.Kind == Unknown && len(call.Expr.Args) == 1 && !p.hasUsingFor(ctx, name)) {
			call.Kind = CallTransfer
			return
		}
	}
	// Array members.
	if (recvType.Kind == Array || recvType.Kind == Bytes) && (name == "push" || name == "pop") {
		call.Kind = CallBuiltin
		call.Builtin = "array." + name
		return
	}
	// using L for T.
	if callee := p.usingForCallee(ctx, name, len(call.Expr.Args)+1); callee != nil {
		call.UsingFor = true
		call.Callee = callee
		call.Kind = CallInternal
		if callee.Visibility == "public" || callee.Visibility == "external" {
			call.Kind = CallLibrary
		}
		return
	}
	// A function of a contract-typed value: an external call.
	if recvType.Kind == ContractType {
		call.Kind = CallExternal
		if o, ok := recvType.Contract.Member(name).(Overloads); ok {
			call.Callee = p.pickOverloadArgs(o, call.Expr.Args, 0)
		}
		return
	}
	if recvType.Kind == Unknown || recvType.Kind == Address {
		// x.f(…) on a value whose type we could not determine: most often
		// an external call through an interface expression.
		call.Kind = CallExternal
	}
}

func (p *Program) contractOfFunc(f *ast.FunctionDefinition) *Contract {
	if f == nil || f.Contract == nil {
		return nil
	}
	return p.contractOf[f.Contract]
}

// superCallee finds the function super.name resolves to from the declaring
// contract's own linearisation (the static approximation; solc resolves
// it against the most derived contract).
func (p *Program) superCallee(ctx callContext, name string, arity int) *ast.FunctionDefinition {
	if ctx.contract == nil {
		return nil
	}
	for _, base := range ctx.contract.Linearization[1:] {
		for _, f := range base.Def.Functions {
			if f.Name.Name == name && len(f.Params) == arity && f.Body != nil {
				return f
			}
		}
	}
	return nil
}

// usingForCallee finds a library function bound with `using L for …` in the
// calling contract (or its bases before 0.7), or at file level.
func (p *Program) usingForCallee(ctx callContext, name string, arity int) *ast.FunctionDefinition {
	var dirs []*ast.UsingForDirective
	if ctx.contract != nil {
		for _, l := range ctx.contract.Linearization {
			dirs = append(dirs, l.Def.UsingFor...)
		}
	}
	if ctx.unit != nil {
		for _, n := range ctx.unit.AST.Nodes {
			if u, ok := n.(*ast.UsingForDirective); ok {
				dirs = append(dirs, u)
			}
		}
	}
	for _, d := range dirs {
		if d.Library != nil {
			lib, _ := p.resolvePath(ctx.unit, ctx.contract, d.Library).(*Contract)
			if lib == nil {
				continue
			}
			for _, f := range lib.Def.Functions {
				if f.Name.Name == name && len(f.Params) == arity {
					return f
				}
			}
		}
		for _, uf := range d.Functions {
			if uf.Path.Last() != name || uf.Operator != "" {
				continue
			}
			if o, ok := p.resolvePath(ctx.unit, ctx.contract, uf.Path).(Overloads); ok {
				if f := pickOverload(o, arity); f != nil {
					return f
				}
			}
		}
	}
	return nil
}

func (p *Program) hasUsingFor(ctx callContext, name string) bool {
	return p.usingForCallee(ctx, name, 2) != nil || p.usingForCallee(ctx, name, 3) != nil
}

// pickOverload chooses among overloads by arity (callers that know the
// arguments use pickOverloadArgs to also compare types).
func pickOverload(o Overloads, arity int) *ast.FunctionDefinition {
	var best *ast.FunctionDefinition
	for _, f := range o {
		if len(f.Params) == arity {
			if best == nil || (best.Body == nil && f.Body != nil) {
				best = f
			}
		}
	}
	if best == nil && len(o) == 1 {
		return o[0]
	}
	return best
}

// pickOverloadArgs resolves overloads by arity and then by argument types:
// among candidates of the right arity, the one whose parameter types the
// arguments fit best (exact kind matches count; unknown types are
// neutral; a definite mismatch rules a candidate out).
func (p *Program) pickOverloadArgs(o Overloads, args []ast.Expr, offset int) *ast.FunctionDefinition {
	arity := len(args) + offset
	var cands []*ast.FunctionDefinition
	for _, f := range o {
		if len(f.Params) == arity {
			cands = append(cands, f)
		}
	}
	if len(cands) <= 1 {
		return pickOverload(o, arity)
	}
	var best *ast.FunctionDefinition
	bestScore := -1
	for _, f := range cands {
		score, ok := 0, true
		for i, a := range args {
			pt := p.DeclType(f.Params[i+offset])
			at := p.TypeOf(a)
			switch fit := kindFit(at, pt); fit {
			case -1:
				ok = false
			default:
				score += fit
			}
		}
		if ok && (score > bestScore || (score == bestScore && best != nil && best.Body == nil && f.Body != nil)) {
			best, bestScore = f, score
		}
	}
	if best == nil {
		return pickOverload(o, arity)
	}
	return best
}

// kindFit scores how an argument type fits a parameter type: 2 for the
// same kind, 1 for compatible or unknown, -1 for a definite mismatch.
func kindFit(arg, param *Type) int {
	if arg.Kind == Unknown || param.Kind == Unknown {
		return 1
	}
	if arg.Kind == Literal {
		switch param.Kind {
		case Int, Uint:
			return 2
		case FixedBytes, Enum:
			return 1
		}
		return -1 // a plain number is never an address (0x…40 hex is typed Address)
	}
	if arg.Kind == param.Kind {
		if arg.Kind == ContractType && arg.Contract != param.Contract && !arg.Contract.Inherits(param.Contract) {
			return -1
		}
		return 2
	}
	switch {
	case arg.Kind == ContractType && param.Kind == Address, arg.Kind == Address && param.Kind == ContractType:
		return -1
	case arg.Kind == String && param.Kind == Bytes, arg.Kind == Bytes && param.Kind == String:
		return -1
	case (arg.Kind == Int || arg.Kind == Uint) && (param.Kind == Int || param.Kind == Uint):
		return 1
	}
	return -1
}

// Dispatch resolves an internal call in the context of the most derived
// contract c: a virtual function is replaced by its most derived override.
func (p *Program) Dispatch(c *Contract, call *Call) *Function {
	if call.Callee == nil {
		return nil
	}
	k := dispatchKey{c, call.Callee, call.Context, call.Super, call.UsingFor}
	if f, ok := p.dispatched.Load(k); ok {
		return f
	}
	return p.dispatched.Store(k, p.dispatch(c, call))
}

// dispatchKey is everything Dispatch's answer depends on.
type dispatchKey struct {
	contract *Contract
	callee   *ast.FunctionDefinition
	context  *Contract
	super    bool
	usingFor bool
}

// sigKey is signatureKey, memoised.
func (p *Program) sigKey(f *ast.FunctionDefinition) string {
	if k, ok := p.sigKeys.Load(f); ok {
		return k
	}
	return p.sigKeys.Store(f, signatureKey(f))
}

func (p *Program) dispatch(c *Contract, call *Call) *Function {
	if call.Super && c != nil && call.Context != nil {
		// super.f() in contract D means the next f after D in the most
		// derived contract's linearisation, not in D's own.
		after := false
		for _, l := range c.Linearization {
			if after {
				for _, f := range l.Def.Functions {
					if f.Body != nil && p.sigKey(f) == p.sigKey(call.Callee) {
						return p.funcs[f]
					}
				}
			}
			if l == call.Context {
				after = true
			}
		}
		return p.funcs[call.Callee]
	}
	if c == nil || call.Super || call.Callee.Contract == nil || call.UsingFor {
		return p.funcs[call.Callee]
	}
	owner := p.contractOf[call.Callee.Contract]
	if owner != nil && owner.IsLibrary() {
		return p.funcs[call.Callee]
	}
	key := p.sigKey(call.Callee)
	for _, f := range c.Functions {
		if p.sigKey(f.Def) == key {
			return f
		}
	}
	return p.funcs[call.Callee]
}
