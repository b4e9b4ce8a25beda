package sema

import (
	"strconv"
	"strings"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Kind classifies types.
type Kind int

const (
	Unknown Kind = iota
	Bool
	Int  // signed integers
	Uint // unsigned integers
	Address
	FixedBytes // bytes1 … bytes32
	Bytes      // dynamic bytes
	String
	ContractType // a value of contract or interface type
	Struct
	Enum
	Mapping
	Array
	FunctionType
	Tuple
	ValueType // user-defined value type
	TypeName  // a type used as an expression: uint256 in uint256(x), a contract name
	Magic     // msg, block, tx, abi
	Literal   // number literal before conversion
)

// Type is a best-effort static type. Unknown is always a safe answer.
type Type struct {
	Kind     Kind
	Bits     int  // for Int, Uint (size) and FixedBytes (bytes)
	Payable  bool // for Address
	Contract *Contract
	Struct   *ast.StructDefinition
	Enum     *ast.EnumDefinition
	UDVT     *ast.UserDefinedValueTypeDefinition
	Key      *Type // Mapping
	Elem     *Type // Mapping value, Array element
	Length   int   // Array: fixed length, or -1 for dynamic
	Storage  bool  // a storage reference (state variable or storage pointer)
	Elems    []*Type
	Name     string // Magic: "msg", …
	Of       *Type  // TypeName: the type named
}

var unknown = &Type{Kind: Unknown}

// IsInteger reports signed and unsigned integers.
func (t *Type) IsInteger() bool { return t != nil && (t.Kind == Int || t.Kind == Uint) }

// IsAddress reports address and address payable.
func (t *Type) IsAddress() bool { return t != nil && t.Kind == Address }

// String renders the type for messages.
func (t *Type) String() string {
	if t == nil {
		return "?"
	}
	switch t.Kind {
	case Bool:
		return "bool"
	case Int:
		return "int" + strconv.Itoa(t.Bits)
	case Uint:
		return "uint" + strconv.Itoa(t.Bits)
	case Address:
		if t.Payable {
			return "address payable"
		}
		return "address"
	case FixedBytes:
		return "bytes" + strconv.Itoa(t.Bits)
	case Bytes:
		return "bytes"
	case String:
		return "string"
	case ContractType:
		return t.Contract.Name()
	case Struct:
		return t.Struct.Name.Name
	case Enum:
		return t.Enum.Name.Name
	case ValueType:
		return t.UDVT.Name.Name
	case Mapping:
		return "mapping(" + t.Key.String() + " => " + t.Elem.String() + ")"
	case Array:
		if t.Length >= 0 {
			return t.Elem.String() + "[" + strconv.Itoa(t.Length) + "]"
		}
		return t.Elem.String() + "[]"
	case Magic:
		return t.Name
	case Literal:
		return "literal"
	}
	return "?"
}

// elementary converts an elementary type name.
func elementary(name string, payable bool) *Type {
	switch {
	case name == "bool":
		return &Type{Kind: Bool}
	case name == "address":
		return &Type{Kind: Address, Payable: payable}
	case name == "string":
		return &Type{Kind: String}
	case name == "bytes":
		return &Type{Kind: Bytes}
	case name == "byte":
		return &Type{Kind: FixedBytes, Bits: 1}
	case strings.HasPrefix(name, "bytes"):
		n, _ := strconv.Atoi(name[5:])
		return &Type{Kind: FixedBytes, Bits: n}
	case strings.HasPrefix(name, "uint"):
		return &Type{Kind: Uint, Bits: intBits(name[4:])}
	case strings.HasPrefix(name, "int"):
		return &Type{Kind: Int, Bits: intBits(name[3:])}
	}
	return unknown
}

func intBits(s string) int {
	if s == "" {
		return 256
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 256
	}
	return n
}

// TypeOfName resolves a written type in the scope of a unit and contract.
func (p *Program) TypeOfName(u *Unit, c *Contract, t ast.TypeName) *Type {
	switch x := t.(type) {
	case *ast.ElementaryTypeName:
		return elementary(x.Canonical(), x.Payable)
	case *ast.UserDefinedTypeName:
		sym := p.refs.get(x)
		if sym == nil && u != nil {
			sym = p.resolvePath(u, c, x.Path)
		}
		return typeOfSymbolAsType(sym)
	case *ast.ArrayTypeName:
		length := -1
		if lit, ok := x.Length.(*ast.Literal); ok {
			if n, err := strconv.Atoi(lit.Value); err == nil {
				length = n
			}
		}
		return &Type{Kind: Array, Elem: p.TypeOfName(u, c, x.Elem), Length: length}
	case *ast.MappingTypeName:
		return &Type{Kind: Mapping, Key: p.TypeOfName(u, c, x.Key), Elem: p.TypeOfName(u, c, x.Value)}
	case *ast.FunctionTypeName:
		return &Type{Kind: FunctionType}
	}
	return unknown
}

func typeOfSymbolAsType(sym Symbol) *Type {
	switch s := sym.(type) {
	case *Contract:
		return &Type{Kind: ContractType, Contract: s}
	case *ast.StructDefinition:
		return &Type{Kind: Struct, Struct: s}
	case *ast.EnumDefinition:
		return &Type{Kind: Enum, Enum: s}
	case *ast.UserDefinedValueTypeDefinition:
		return &Type{Kind: ValueType, UDVT: s}
	}
	return unknown
}

// DeclType returns the type of a variable declaration, resolving names
// where it was declared.
func (p *Program) DeclType(v *ast.VariableDeclaration) *Type {
	if v == nil || v.Type == nil {
		return unknown
	}
	if t, ok := p.declTypes.Load(v); ok {
		return t
	}
	t := p.TypeOfName(nil, nil, v.Type)
	if v.IsStateVar || v.Location == "storage" {
		cp := *t
		cp.Storage = true
		t = &cp
	}
	return p.declTypes.Store(v, t)
}

// TypeOf returns the best-effort type of an expression.
func (p *Program) TypeOf(e ast.Expr) *Type {
	if e == nil {
		return unknown
	}
	if t, ok := p.exprTypes.Load(e); ok {
		return t
	}
	return p.exprTypes.Store(e, p.typeOf(e))
}

func (p *Program) typeOf(e ast.Expr) *Type {
	switch x := e.(type) {
	case *ast.Identifier:
		return p.typeOfSymbol(p.refs.get(x), x.Name)
	case *ast.Literal:
		switch x.Kind {
		case ast.BoolLiteral:
			return &Type{Kind: Bool}
		case ast.NumberLiteral:
			if strings.HasPrefix(x.Value, "0x") && len(x.Value) == 42 {
				return &Type{Kind: Address}
			}
			return &Type{Kind: Literal}
		default:
			return &Type{Kind: String}
		}
	case *ast.ElementaryTypeExpression:
		return &Type{Kind: TypeName, Of: elementary(x.Type.Canonical(), x.Type.Payable)}
	case *ast.TupleExpression:
		if len(x.Elems) == 1 {
			return p.TypeOf(x.Elems[0])
		}
		tt := &Type{Kind: Tuple}
		for _, el := range x.Elems {
			tt.Elems = append(tt.Elems, p.TypeOf(el))
		}
		return tt
	case *ast.IndexAccess:
		base := p.TypeOf(x.X)
		switch base.Kind {
		case Mapping:
			return withStorage(base.Elem, base.Storage)
		case Array:
			return withStorage(base.Elem, base.Storage)
		case Bytes, FixedBytes:
			return &Type{Kind: FixedBytes, Bits: 1}
		case TypeName:
			return &Type{Kind: TypeName, Of: &Type{Kind: Array, Elem: base.Of, Length: -1}}
		}
		return unknown
	case *ast.IndexRangeAccess:
		return p.TypeOf(x.X)
	case *ast.MemberAccess:
		return p.typeOfMember(x)
	case *ast.FunctionCall:
		return p.typeOfCall(x)
	case *ast.FunctionCallOptions:
		return p.TypeOf(x.X)
	case *ast.Conditional:
		return p.TypeOf(x.Then)
	case *ast.Assignment:
		return p.TypeOf(x.LHS)
	case *ast.UnaryOperation:
		if x.Op == "!" {
			return &Type{Kind: Bool}
		}
		return p.TypeOf(x.X)
	case *ast.BinaryOperation:
		switch x.Op {
		case "==", "!=", "<", ">", "<=", ">=", "&&", "||":
			return &Type{Kind: Bool}
		}
		if t := p.TypeOf(x.X); t.Kind != Literal && t.Kind != Unknown {
			return t
		}
		return p.TypeOf(x.Y)
	case *ast.NewExpression:
		return &Type{Kind: TypeName, Of: p.TypeOfName(nil, nil, x.Type)}
	case *ast.InlineArray:
		var elem *Type = unknown
		if len(x.Elems) > 0 {
			elem = p.TypeOf(x.Elems[0])
		}
		return &Type{Kind: Array, Elem: elem, Length: len(x.Elems)}
	}
	return unknown
}

func withStorage(t *Type, storage bool) *Type {
	if t == nil {
		return unknown
	}
	if !storage || t.Storage {
		return t
	}
	cp := *t
	cp.Storage = true
	return &cp
}

func (p *Program) typeOfSymbol(sym Symbol, name string) *Type {
	switch s := sym.(type) {
	case *ast.VariableDeclaration:
		return p.DeclType(s)
	case *Contract, *ast.StructDefinition, *ast.EnumDefinition, *ast.UserDefinedValueTypeDefinition:
		return &Type{Kind: TypeName, Of: typeOfSymbolAsType(s)}
	case Builtin:
		switch s {
		case "msg", "block", "tx", "abi":
			return &Type{Kind: Magic, Name: string(s)}
		case "now":
			return &Type{Kind: Uint, Bits: 256}
		}
	}
	return unknown
}

func (p *Program) typeOfMember(m *ast.MemberAccess) *Type {
	name := m.Member.Name
	base := p.TypeOf(m.X)
	switch base.Kind {
	case Magic:
		switch base.Name + "." + name {
		case "msg.sender", "tx.origin", "block.coinbase":
			return &Type{Kind: Address, Payable: true}
		case "msg.value", "msg.gas", "block.timestamp", "block.number", "block.difficulty",
			"block.prevrandao", "block.gaslimit", "block.basefee", "block.chainid", "block.blobbasefee", "tx.gasprice":
			return &Type{Kind: Uint, Bits: 256}
		case "msg.data":
			return &Type{Kind: Bytes}
		case "msg.sig":
			return &Type{Kind: FixedBytes, Bits: 4}
		}
	case Address:
		switch name {
		case "balance":
			return &Type{Kind: Uint, Bits: 256}
		case "code":
			return &Type{Kind: Bytes}
		case "codehash":
			return &Type{Kind: FixedBytes, Bits: 32}
		}
	case Struct:
		for _, f := range base.Struct.Members {
			if f.Name.Name == name {
				return withStorage(p.DeclType(f), base.Storage)
			}
		}
	case Array, Bytes:
		if name == "length" {
			return &Type{Kind: Uint, Bits: 256}
		}
	case TypeName:
		if base.Of != nil && base.Of.Kind == Enum {
			return &Type{Kind: Enum, Enum: base.Of.Enum}
		}
	}
	switch s := p.refs.get(m).(type) {
	case *ast.VariableDeclaration:
		return p.DeclType(s)
	case *Contract, *ast.StructDefinition, *ast.EnumDefinition, *ast.UserDefinedValueTypeDefinition:
		return p.typeOfSymbol(s, name)
	}
	return unknown
}

func (p *Program) typeOfCall(c *ast.FunctionCall) *Type {
	fnType := p.TypeOf(c.Fn)
	if fnType.Kind == TypeName && fnType.Of != nil {
		return fnType.Of // conversion or struct constructor or new T(...)
	}
	if call := p.CallOf(c); call != nil {
		switch call.Kind {
		case CallInternal, CallExternal, CallLibrary:
			if call.Callee != nil && len(call.Callee.Returns) == 1 {
				return p.DeclType(call.Callee.Returns[0])
			}
		case CallLowLevel:
			return &Type{Kind: Tuple, Elems: []*Type{{Kind: Bool}, {Kind: Bytes}}}
		case CallSend:
			return &Type{Kind: Bool}
		case CallBuiltin:
			switch call.Builtin {
			case "keccak256", "sha256", "sha3", "blockhash", "blobhash":
				return &Type{Kind: FixedBytes, Bits: 32}
			case "ecrecover":
				return &Type{Kind: Address}
			case "abi.encode", "abi.encodePacked", "abi.encodeWithSelector", "abi.encodeWithSignature", "abi.encodeCall":
				return &Type{Kind: Bytes}
			case "gasleft", "addmod", "mulmod":
				return &Type{Kind: Uint, Bits: 256}
			}
		}
	}
	return unknown
}
