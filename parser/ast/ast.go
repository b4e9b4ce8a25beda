// Package ast is sleuth's syntax tree of Solidity: plain Go types with
// positions, built by package parser from the ANTLR parse tree. Nothing of
// ANTLR leaks into it. The shape follows go/ast: interfaces Node, Expr, Stmt,
// TypeName, YulStmt and YulExpr, one struct per construct, and Walk/Inspect
// for traversal.
package ast

import (
	"strings"

	"github.com/sleuth-sec/sleuth/parser/source"
)

// Node is any syntax tree node.
type Node interface {
	Span() source.Span
}

// Base carries a node's span; every node embeds it.
type Base struct {
	Src source.Span
}

// Span returns where the node is in its file.
func (b *Base) Span() source.Span { return b.Src }

// Ident is a name as written in a declaration, with its span.
type Ident struct {
	Name string
	Src  source.Span
}

// Span returns where the name is.
func (i Ident) Span() source.Span { return i.Src }

// ---- source units ------------------------------------------------------------

// SourceUnit is one parsed file.
type SourceUnit struct {
	Base
	File *source.File
	// Nodes holds the top-level definitions in source order.
	Nodes     []Node
	Pragmas   []*PragmaDirective
	Imports   []*ImportDirective
	Contracts []*ContractDefinition
	// Comments holds every comment in the file, in order.
	Comments []*Comment
}

// Comment is a line or block comment, including NatSpec.
type Comment struct {
	Base
	Text string // as written, with the comment markers
}

// IsNatSpec reports whether the comment is a documentation comment.
func (c *Comment) IsNatSpec() bool {
	return strings.HasPrefix(c.Text, "///") || (strings.HasPrefix(c.Text, "/**") && c.Text != "/**/")
}

// PragmaDirective is `pragma solidity ^0.8.0;`, `pragma abicoder v2;`, …
type PragmaDirective struct {
	Base
	Name  string // "solidity", "experimental", "abicoder"
	Value string // the rest, trimmed: "^0.8.0"
}

// ImportDirective is any form of import.
type ImportDirective struct {
	Base
	Path     string // the import path, unquoted
	PathSpan source.Span
	// UnitAlias is X in `import "p" as X;` and `import * as X from "p";`.
	UnitAlias string
	// Symbols are the names of `import {A, B as C} from "p";`.
	Symbols []ImportSymbol
}

// ImportSymbol is one `A as B` of a symbol import.
type ImportSymbol struct {
	Name  Ident
	Alias Ident // Alias.Name is "" without `as`
}

// LocalName is the name the symbol has in the importing file.
func (s ImportSymbol) LocalName() string {
	if s.Alias.Name != "" {
		return s.Alias.Name
	}
	return s.Name.Name
}

// ---- contracts -------------------------------------------------------------------

// ContractKind distinguishes contracts, interfaces and libraries.
type ContractKind string

const (
	KindContract  ContractKind = "contract"
	KindInterface ContractKind = "interface"
	KindLibrary   ContractKind = "library"
)

// ContractDefinition is a contract, abstract contract, interface or library.
type ContractDefinition struct {
	Base
	Name     Ident
	Kind     ContractKind
	Abstract bool
	Bases    []*InheritanceSpecifier
	Layout   Expr // `layout at EXPR`, or nil
	NatSpec  string
	// Nodes holds the body's definitions in source order; the typed slices
	// below index the same nodes by kind.
	Nodes      []Node
	Functions  []*FunctionDefinition // including constructor, fallback, receive
	Modifiers  []*ModifierDefinition
	StateVars  []*VariableDeclaration
	Events     []*EventDefinition
	Errors     []*ErrorDefinition
	Structs    []*StructDefinition
	Enums      []*EnumDefinition
	ValueTypes []*UserDefinedValueTypeDefinition
	UsingFor   []*UsingForDirective
	Source     *SourceUnit // the file the contract is in
}

// Unit returns the source unit that holds the contract.
func (c *ContractDefinition) Unit() *SourceUnit { return c.Source }

// InheritanceSpecifier is one base in `is A, B(1)`.
type InheritanceSpecifier struct {
	Base
	Name    *IdentifierPath
	Args    []Expr
	HasArgs bool // written with parentheses, even empty ones
}

// IdentifierPath is a possibly qualified name: `A`, `L.S`.
type IdentifierPath struct {
	Base
	Parts []Ident
}

// String returns the dotted name.
func (p *IdentifierPath) String() string {
	if len(p.Parts) == 1 {
		return p.Parts[0].Name
	}
	names := make([]string, len(p.Parts))
	for i, id := range p.Parts {
		names[i] = id.Name
	}
	return strings.Join(names, ".")
}

// Last returns the final name of the path.
func (p *IdentifierPath) Last() string { return p.Parts[len(p.Parts)-1].Name }

// FunctionKind tells ordinary functions from the special ones.
type FunctionKind string

const (
	KindFunction    FunctionKind = "function"
	KindConstructor FunctionKind = "constructor"
	KindFallback    FunctionKind = "fallback"
	KindReceive     FunctionKind = "receive"
)

// FunctionDefinition is a function, constructor, fallback or receive
// function, in a contract or at file level.
type FunctionDefinition struct {
	Base
	Name Ident // empty for constructors, fallback and receive functions
	Kind FunctionKind
	// LegacyConstructor marks a pre-0.4.22 constructor: a function named
	// after its contract. LegacyFallback marks the unnamed `function()`.
	LegacyConstructor bool
	LegacyFallback    bool
	Params            []*VariableDeclaration
	Returns           []*VariableDeclaration
	Visibility        string // "public", "external", "internal", "private" or "" if unwritten
	Mutability        string // "pure", "view", "payable", "constant" or ""
	Virtual           bool
	Override          *OverrideSpecifier
	Modifiers         []*ModifierInvocation
	Body              *Block // nil when unimplemented
	NatSpec           string
	Contract          *ContractDefinition // nil for free functions
}

// IsFree reports whether the function is declared at file level.
func (f *FunctionDefinition) IsFree() bool { return f.Contract == nil }

// DisplayName is the name used in messages: "f", "constructor", "fallback", "receive".
func (f *FunctionDefinition) DisplayName() string {
	if f.Kind == KindFunction || f.LegacyConstructor {
		return f.Name.Name
	}
	return string(f.Kind)
}

// ModifierInvocation is `onlyOwner` or `Base(args)` in a function header.
type ModifierInvocation struct {
	Base
	Name    *IdentifierPath
	Args    []Expr
	HasArgs bool
}

// OverrideSpecifier is `override` or `override(A, B)`.
type OverrideSpecifier struct {
	Base
	Bases []*IdentifierPath
}

// ModifierDefinition is a modifier.
type ModifierDefinition struct {
	Base
	Name     Ident
	Params   []*VariableDeclaration
	Virtual  bool
	Override *OverrideSpecifier
	Body     *Block
	NatSpec  string
	Contract *ContractDefinition
}

// VariableDeclaration declares a state variable, parameter, return value,
// local variable, struct member, event or error parameter, or a file-level
// constant.
type VariableDeclaration struct {
	Base
	Name       Ident // Name.Name may be "" for unnamed parameters
	Type       TypeName
	Location   string // "memory", "storage", "calldata" or ""
	Visibility string // state variables only
	Constant   bool
	Immutable  bool
	Transient  bool
	Indexed    bool // event parameters
	Override   *OverrideSpecifier
	Value      Expr // initial value, or nil
	IsStateVar bool
	NatSpec    string
}

// EventDefinition is an event.
type EventDefinition struct {
	Base
	Name      Ident
	Params    []*VariableDeclaration
	Anonymous bool
	NatSpec   string
}

// ErrorDefinition is a custom error.
type ErrorDefinition struct {
	Base
	Name    Ident
	Params  []*VariableDeclaration
	NatSpec string
}

// StructDefinition is a struct.
type StructDefinition struct {
	Base
	Name    Ident
	Members []*VariableDeclaration
	NatSpec string
}

// EnumDefinition is an enum.
type EnumDefinition struct {
	Base
	Name    Ident
	Values  []Ident
	NatSpec string
}

// UserDefinedValueTypeDefinition is `type Price is uint128;`.
type UserDefinedValueTypeDefinition struct {
	Base
	Name       Ident
	Underlying *ElementaryTypeName
}

// UsingForDirective is `using L for T;`, `using {f, g as +} for T global;`.
type UsingForDirective struct {
	Base
	Library   *IdentifierPath // nil for the braced form
	Functions []UsingFunction
	Type      TypeName // nil for `*`
	Global    bool
}

// UsingFunction is one entry of the braced form of using-for.
type UsingFunction struct {
	Path     *IdentifierPath
	Operator string // "" or the user-defined operator it implements
}

// ---- types ------------------------------------------------------------------------

// TypeName is a type as written.
type TypeName interface {
	Node
	typeNode()
}

// ElementaryTypeName is uint256, address payable, bytes32, bool, string, …
type ElementaryTypeName struct {
	Base
	Name    string // as written: "uint", "address", "bytes32"
	Payable bool   // `address payable`
}

// Canonical returns the name with implicit sizes made explicit: uint → uint256.
func (t *ElementaryTypeName) Canonical() string {
	switch t.Name {
	case "uint":
		return "uint256"
	case "int":
		return "int256"
	case "byte":
		return "bytes1"
	case "fixed":
		return "fixed128x18"
	case "ufixed":
		return "ufixed128x18"
	}
	return t.Name
}

// UserDefinedTypeName names a contract, struct, enum or value type.
type UserDefinedTypeName struct {
	Base
	Path *IdentifierPath
}

// ArrayTypeName is T[] or T[N].
type ArrayTypeName struct {
	Base
	Elem   TypeName
	Length Expr // nil for dynamic arrays
}

// MappingTypeName is mapping(K => V), with optional names (0.8.18+).
type MappingTypeName struct {
	Base
	Key       TypeName
	KeyName   Ident
	Value     TypeName
	ValueName Ident
}

// FunctionTypeName is a function type: function (uint) external returns (bool).
type FunctionTypeName struct {
	Base
	Params     []*VariableDeclaration
	Returns    []*VariableDeclaration
	Visibility string
	Mutability string
}

func (*ElementaryTypeName) typeNode()  {}
func (*UserDefinedTypeName) typeNode() {}
func (*ArrayTypeName) typeNode()       {}
func (*MappingTypeName) typeNode()     {}
func (*FunctionTypeName) typeNode()    {}

// ---- statements ----------------------------------------------------------------------

// Stmt is a statement.
type Stmt interface {
	Node
	stmtNode()
}

// Block is `{ … }` or `unchecked { … }`.
type Block struct {
	Base
	Stmts     []Stmt
	Unchecked bool
}

// ExpressionStatement is an expression followed by `;`.
type ExpressionStatement struct {
	Base
	X Expr
}

// VariableDeclarationStatement declares one local variable, or several in a
// tuple: `(uint a, , bool c) = f();`. Holes in a tuple are nil. `var`
// declarations have nil types.
type VariableDeclarationStatement struct {
	Base
	Decls []*VariableDeclaration
	Value Expr // nil without initial value
}

// IfStatement is if/else.
type IfStatement struct {
	Base
	Cond Expr
	Then Stmt
	Else Stmt // nil without else
}

// ForStatement is a for loop; each part may be nil.
type ForStatement struct {
	Base
	Init Stmt
	Cond Expr
	Post Expr
	Body Stmt
}

// WhileStatement is a while loop.
type WhileStatement struct {
	Base
	Cond Expr
	Body Stmt
}

// DoWhileStatement is a do-while loop.
type DoWhileStatement struct {
	Base
	Body Stmt
	Cond Expr
}

// ContinueStatement is `continue;`.
type ContinueStatement struct{ Base }

// BreakStatement is `break;`.
type BreakStatement struct{ Base }

// ReturnStatement is `return;` or `return x;`.
type ReturnStatement struct {
	Base
	Value Expr
}

// ThrowStatement is the pre-0.5 `throw;`.
type ThrowStatement struct{ Base }

// EmitStatement is `emit E(args);`.
type EmitStatement struct {
	Base
	Call *FunctionCall
}

// RevertStatement is `revert E(args);` with a custom error.
type RevertStatement struct {
	Base
	Call *FunctionCall
}

// PlaceholderStatement is `_;` in a modifier body.
type PlaceholderStatement struct{ Base }

// TryStatement is try/catch.
type TryStatement struct {
	Base
	Call    Expr
	Returns []*VariableDeclaration
	Body    *Block
	Catches []*CatchClause
}

// CatchClause is one catch of a try statement.
type CatchClause struct {
	Base
	Name   string // "", "Error" or "Panic"
	Params []*VariableDeclaration
	Body   *Block
}

// InlineAssembly is an assembly block.
type InlineAssembly struct {
	Base
	Dialect string   // "evmasm" or ""
	Flags   []string // "memory-safe", …
	Body    *YulBlock
}

func (*Block) stmtNode()                        {}
func (*ExpressionStatement) stmtNode()          {}
func (*VariableDeclarationStatement) stmtNode() {}
func (*IfStatement) stmtNode()                  {}
func (*ForStatement) stmtNode()                 {}
func (*WhileStatement) stmtNode()               {}
func (*DoWhileStatement) stmtNode()             {}
func (*ContinueStatement) stmtNode()            {}
func (*BreakStatement) stmtNode()               {}
func (*ReturnStatement) stmtNode()              {}
func (*ThrowStatement) stmtNode()               {}
func (*EmitStatement) stmtNode()                {}
func (*RevertStatement) stmtNode()              {}
func (*PlaceholderStatement) stmtNode()         {}
func (*TryStatement) stmtNode()                 {}
func (*InlineAssembly) stmtNode()               {}

// ---- expressions ---------------------------------------------------------------------

// Expr is an expression.
type Expr interface {
	Node
	exprNode()
}

// Identifier is a name used in an expression: a variable, function, contract,
// or a builtin such as msg, this, super, now, keccak256.
type Identifier struct {
	Base
	Name string
}

// LiteralKind classifies literals.
type LiteralKind string

const (
	NumberLiteral        LiteralKind = "number"
	StringLiteral        LiteralKind = "string"
	HexStringLiteral     LiteralKind = "hexString"
	UnicodeStringLiteral LiteralKind = "unicodeString"
	BoolLiteral          LiteralKind = "bool"
)

// Literal is a number, string, hex string or bool literal.
type Literal struct {
	Base
	Kind LiteralKind
	// Value is the number as written (without underscores), the string
	// contents with escapes decoded, the hex digits, or "true"/"false".
	Value string
	Unit  string // number unit: "ether", "days", … or ""
}

// MemberAccess is X.Member.
type MemberAccess struct {
	Base
	X      Expr
	Member Ident
}

// IndexAccess is X[Index]; Index is nil in type expressions such as T[].
type IndexAccess struct {
	Base
	X     Expr
	Index Expr
}

// IndexRangeAccess is X[Start:End] on calldata arrays.
type IndexRangeAccess struct {
	Base
	X          Expr
	Start, End Expr
}

// FunctionCall is Fn(args) or Fn({name: value, …}).
type FunctionCall struct {
	Base
	Fn    Expr
	Args  []Expr
	Names []Ident // set for named arguments, parallel to Args
}

// FunctionCallOptions is X{value: v, gas: g, salt: s}.
type FunctionCallOptions struct {
	Base
	X      Expr
	Names  []Ident
	Values []Expr
}

// Option returns the value of the named option, or nil.
func (o *FunctionCallOptions) Option(name string) Expr {
	for i, n := range o.Names {
		if n.Name == name {
			return o.Values[i]
		}
	}
	return nil
}

// NewExpression is `new T`, called as `new T(args)`.
type NewExpression struct {
	Base
	Type TypeName
}

// UnaryOperation is a prefix or postfix operator: -x, !x, ~x, delete x, ++x, x--.
type UnaryOperation struct {
	Base
	Op     string
	X      Expr
	Prefix bool
}

// BinaryOperation is X Op Y for arithmetic, comparison, logic and bit operators.
type BinaryOperation struct {
	Base
	Op   string
	X, Y Expr
}

// Assignment is LHS Op RHS with Op one of = += -= *= /= %= |= &= ^= <<= >>= >>>=.
type Assignment struct {
	Base
	Op       string
	LHS, RHS Expr
}

// Conditional is Cond ? Then : Else.
type Conditional struct {
	Base
	Cond, Then, Else Expr
}

// TupleExpression is (a, b) or (x); holes are nil.
type TupleExpression struct {
	Base
	Elems []Expr
}

// InlineArray is [a, b, c].
type InlineArray struct {
	Base
	Elems []Expr
}

// ElementaryTypeExpression is a type used as an expression: uint(x),
// address(this), payable(x), bytes.concat, abi.decode(d, (uint, bool)).
type ElementaryTypeExpression struct {
	Base
	Type *ElementaryTypeName
}

// MetaType is type(T).
type MetaType struct {
	Base
	Type TypeName
}

func (*Identifier) exprNode()               {}
func (*Literal) exprNode()                  {}
func (*MemberAccess) exprNode()             {}
func (*IndexAccess) exprNode()              {}
func (*IndexRangeAccess) exprNode()         {}
func (*FunctionCall) exprNode()             {}
func (*FunctionCallOptions) exprNode()      {}
func (*NewExpression) exprNode()            {}
func (*UnaryOperation) exprNode()           {}
func (*BinaryOperation) exprNode()          {}
func (*Assignment) exprNode()               {}
func (*Conditional) exprNode()              {}
func (*TupleExpression) exprNode()          {}
func (*InlineArray) exprNode()              {}
func (*ElementaryTypeExpression) exprNode() {}
func (*MetaType) exprNode()                 {}

// ---- Yul --------------------------------------------------------------------------------

// YulStmt is a Yul statement.
type YulStmt interface {
	Node
	yulStmtNode()
}

// YulExpr is a Yul expression.
type YulExpr interface {
	Node
	yulExprNode()
}

// YulBlock is { … } in assembly.
type YulBlock struct {
	Base
	Stmts []YulStmt
}

// YulVariableDeclaration is `let a, b := e`.
type YulVariableDeclaration struct {
	Base
	Names []Ident
	Value YulExpr // nil without value
}

// YulAssignment is `a, b := e`; names may be paths such as x.slot.
type YulAssignment struct {
	Base
	Names []Ident
	Value YulExpr
}

// YulExpressionStatement is a call used as a statement, or a bare pre-0.5
// instruction.
type YulExpressionStatement struct {
	Base
	X YulExpr
}

// YulIf is `if cond { … }`.
type YulIf struct {
	Base
	Cond YulExpr
	Body *YulBlock
}

// YulFor is `for { init } cond { post } { body }`.
type YulFor struct {
	Base
	Init *YulBlock
	Cond YulExpr
	Post *YulBlock
	Body *YulBlock
}

// YulSwitch is `switch e case … default …`.
type YulSwitch struct {
	Base
	X     YulExpr
	Cases []*YulCase
}

// YulCase is one case; Value is nil for default.
type YulCase struct {
	Base
	Value *YulLiteral
	Body  *YulBlock
}

// YulFunctionDefinition is `function f(a, b) -> r { … }`.
type YulFunctionDefinition struct {
	Base
	Name    Ident
	Params  []Ident
	Returns []Ident
	Body    *YulBlock
}

// YulLeave is `leave`.
type YulLeave struct{ Base }

// YulBreak is `break`.
type YulBreak struct{ Base }

// YulContinue is `continue`.
type YulContinue struct{ Base }

// YulLabel is a pre-0.5 label `name:`.
type YulLabel struct {
	Base
	Name Ident
}

// YulStackAssignment is a pre-0.5 `=: x`.
type YulStackAssignment struct {
	Base
	Name Ident
}

// YulFunctionCall is f(args), including EVM builtins such as sstore.
type YulFunctionCall struct {
	Base
	Name Ident
	Args []YulExpr
}

// YulIdentifier is a name in Yul, possibly a path: x, x.slot.
type YulIdentifier struct {
	Base
	Name string
}

// YulLiteral is a number, string, hex string or bool literal in Yul.
type YulLiteral struct {
	Base
	Kind  LiteralKind
	Value string
}

func (*YulBlock) yulStmtNode()               {}
func (*YulVariableDeclaration) yulStmtNode() {}
func (*YulAssignment) yulStmtNode()          {}
func (*YulExpressionStatement) yulStmtNode() {}
func (*YulIf) yulStmtNode()                  {}
func (*YulFor) yulStmtNode()                 {}
func (*YulSwitch) yulStmtNode()              {}
func (*YulFunctionDefinition) yulStmtNode()  {}
func (*YulLeave) yulStmtNode()               {}
func (*YulBreak) yulStmtNode()               {}
func (*YulContinue) yulStmtNode()            {}
func (*YulLabel) yulStmtNode()               {}
func (*YulStackAssignment) yulStmtNode()     {}

func (*YulFunctionCall) yulExprNode() {}
func (*YulIdentifier) yulExprNode()   {}
func (*YulLiteral) yulExprNode()      {}
