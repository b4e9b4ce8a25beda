package ast

import "unsafe"

// Inspect traverses the tree rooted at n in depth-first order, calling f
// for each node; if f returns false the node's children are skipped. Nil
// children are not visited. Back-references (a function's Contract, a
// contract's Source) are not followed, and a contract's body is visited
// once, through Nodes.
func Inspect(n Node, f func(Node) bool) {
	if isNil(n) || !f(n) {
		return
	}
	walkChildren(n, f)
}

// InspectStack is Inspect that also hands f the ancestors of each node,
// root first (empty for root itself). The stack is reused: copy what must
// outlive the call. One closure serves the whole walk, where building the
// stack on top of Inspect would allocate one per node.
func InspectStack(root Node, f func(n Node, stack []Node) bool) {
	var stack []Node
	var visit func(Node) bool
	visit = func(n Node) bool {
		if f(n, stack) {
			stack = append(stack, n)
			walkChildren(n, visit)
			stack = stack[:len(stack)-1]
		}
		return false // visit has walked the children itself
	}
	Inspect(root, visit)
}

// isNil reports a nil node, or an interface holding a nil pointer (the
// builder leaves optional parts as typed nils). Nodes are pointers (Base's
// Span has a pointer receiver), and an interface holding a pointer keeps
// the pointer itself as its data word; the only value node, Ident, is
// boxed, so its data word is never nil. Walks ask this of every node, and
// a type switch over the node interfaces cost a twentieth of a scan.
func isNil(n Node) bool {
	return n == nil || (*[2]unsafe.Pointer)(unsafe.Pointer(&n))[1] == nil
}

func walkVars(vs []*VariableDeclaration, f func(Node) bool) {
	for _, v := range vs {
		if v != nil {
			Inspect(v, f)
		}
	}
}

func walkExprs(xs []Expr, f func(Node) bool) {
	for _, x := range xs {
		if x != nil {
			Inspect(x, f)
		}
	}
}

func walkChildren(n Node, f func(Node) bool) {
	switch x := n.(type) {
	// ---- units and definitions
	case *SourceUnit:
		for _, c := range x.Nodes {
			Inspect(c, f)
		}
	case *ContractDefinition:
		for _, b := range x.Bases {
			Inspect(b, f)
		}
		if x.Layout != nil {
			Inspect(x.Layout, f)
		}
		for _, c := range x.Nodes {
			Inspect(c, f)
		}
	case *InheritanceSpecifier:
		Inspect(x.Name, f)
		walkExprs(x.Args, f)
	case *FunctionDefinition:
		walkVars(x.Params, f)
		walkVars(x.Returns, f)
		if x.Override != nil {
			Inspect(x.Override, f)
		}
		for _, m := range x.Modifiers {
			Inspect(m, f)
		}
		if x.Body != nil {
			Inspect(x.Body, f)
		}
	case *ModifierInvocation:
		Inspect(x.Name, f)
		walkExprs(x.Args, f)
	case *OverrideSpecifier:
		for _, b := range x.Bases {
			Inspect(b, f)
		}
	case *ModifierDefinition:
		walkVars(x.Params, f)
		if x.Override != nil {
			Inspect(x.Override, f)
		}
		if x.Body != nil {
			Inspect(x.Body, f)
		}
	case *VariableDeclaration:
		if x.Type != nil {
			Inspect(x.Type, f)
		}
		if x.Override != nil {
			Inspect(x.Override, f)
		}
		if x.Value != nil {
			Inspect(x.Value, f)
		}
	case *EventDefinition:
		walkVars(x.Params, f)
	case *ErrorDefinition:
		walkVars(x.Params, f)
	case *StructDefinition:
		walkVars(x.Members, f)
	case *UserDefinedValueTypeDefinition:
		if x.Underlying != nil {
			Inspect(x.Underlying, f)
		}
	case *UsingForDirective:
		if x.Library != nil {
			Inspect(x.Library, f)
		}
		for _, fn := range x.Functions {
			Inspect(fn.Path, f)
		}
		if x.Type != nil {
			Inspect(x.Type, f)
		}

	// ---- types
	case *UserDefinedTypeName:
		Inspect(x.Path, f)
	case *ArrayTypeName:
		if x.Elem != nil {
			Inspect(x.Elem, f)
		}
		if x.Length != nil {
			Inspect(x.Length, f)
		}
	case *MappingTypeName:
		if x.Key != nil {
			Inspect(x.Key, f)
		}
		if x.Value != nil {
			Inspect(x.Value, f)
		}
	case *FunctionTypeName:
		walkVars(x.Params, f)
		walkVars(x.Returns, f)

	// ---- statements
	case *Block:
		for _, s := range x.Stmts {
			Inspect(s, f)
		}
	case *ExpressionStatement:
		Inspect(x.X, f)
	case *VariableDeclarationStatement:
		walkVars(x.Decls, f)
		if x.Value != nil {
			Inspect(x.Value, f)
		}
	case *IfStatement:
		Inspect(x.Cond, f)
		Inspect(x.Then, f)
		if x.Else != nil {
			Inspect(x.Else, f)
		}
	case *ForStatement:
		if x.Init != nil {
			Inspect(x.Init, f)
		}
		if x.Cond != nil {
			Inspect(x.Cond, f)
		}
		if x.Post != nil {
			Inspect(x.Post, f)
		}
		Inspect(x.Body, f)
	case *WhileStatement:
		Inspect(x.Cond, f)
		Inspect(x.Body, f)
	case *DoWhileStatement:
		Inspect(x.Body, f)
		Inspect(x.Cond, f)
	case *ReturnStatement:
		if x.Value != nil {
			Inspect(x.Value, f)
		}
	case *EmitStatement:
		Inspect(x.Call, f)
	case *RevertStatement:
		Inspect(x.Call, f)
	case *TryStatement:
		Inspect(x.Call, f)
		walkVars(x.Returns, f)
		if x.Body != nil {
			Inspect(x.Body, f)
		}
		for _, c := range x.Catches {
			Inspect(c, f)
		}
	case *CatchClause:
		walkVars(x.Params, f)
		if x.Body != nil {
			Inspect(x.Body, f)
		}
	case *InlineAssembly:
		if x.Body != nil {
			Inspect(x.Body, f)
		}

	// ---- expressions
	case *MemberAccess:
		Inspect(x.X, f)
	case *IndexAccess:
		Inspect(x.X, f)
		if x.Index != nil {
			Inspect(x.Index, f)
		}
	case *IndexRangeAccess:
		Inspect(x.X, f)
		if x.Start != nil {
			Inspect(x.Start, f)
		}
		if x.End != nil {
			Inspect(x.End, f)
		}
	case *FunctionCall:
		if x.Fn != nil {
			Inspect(x.Fn, f)
		}
		walkExprs(x.Args, f)
	case *FunctionCallOptions:
		Inspect(x.X, f)
		walkExprs(x.Values, f)
	case *NewExpression:
		if x.Type != nil {
			Inspect(x.Type, f)
		}
	case *UnaryOperation:
		Inspect(x.X, f)
	case *BinaryOperation:
		Inspect(x.X, f)
		Inspect(x.Y, f)
	case *Assignment:
		Inspect(x.LHS, f)
		Inspect(x.RHS, f)
	case *Conditional:
		Inspect(x.Cond, f)
		Inspect(x.Then, f)
		Inspect(x.Else, f)
	case *TupleExpression:
		walkExprs(x.Elems, f)
	case *InlineArray:
		walkExprs(x.Elems, f)
	case *ElementaryTypeExpression:
		Inspect(x.Type, f)
	case *MetaType:
		if x.Type != nil {
			Inspect(x.Type, f)
		}

	// ---- Yul
	case *YulBlock:
		for _, s := range x.Stmts {
			Inspect(s, f)
		}
	case *YulVariableDeclaration:
		if x.Value != nil {
			Inspect(x.Value, f)
		}
	case *YulAssignment:
		if x.Value != nil {
			Inspect(x.Value, f)
		}
	case *YulExpressionStatement:
		if x.X != nil {
			Inspect(x.X, f)
		}
	case *YulIf:
		if x.Cond != nil {
			Inspect(x.Cond, f)
		}
		Inspect(x.Body, f)
	case *YulFor:
		Inspect(x.Init, f)
		if x.Cond != nil {
			Inspect(x.Cond, f)
		}
		Inspect(x.Post, f)
		Inspect(x.Body, f)
	case *YulSwitch:
		if x.X != nil {
			Inspect(x.X, f)
		}
		for _, c := range x.Cases {
			Inspect(c, f)
		}
	case *YulCase:
		if x.Value != nil {
			Inspect(x.Value, f)
		}
		Inspect(x.Body, f)
	case *YulFunctionDefinition:
		Inspect(x.Body, f)
	case *YulFunctionCall:
		for _, a := range x.Args {
			if a != nil {
				Inspect(a, f)
			}
		}
	}
}
