package analyzers

import (
	"strconv"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// WriteAfterWrite flags a variable assigned twice in straight-line code
// with nothing reading it in between: the first value is lost, which is
// usually a copy-paste slip (the second assignment meant another
// variable).
var WriteAfterWrite = &Analyzer{
	ID:         "write-after-write",
	Title:      "Variable written twice without being read",
	Severity:   Medium,
	Confidence: ConfidenceHigh,
	Category:   CatLogic,
	CWE:        []string{"CWE-563"},
	Description: "A state or local variable of a value type is assigned, and assigned again a few " +
		"statements later in the same block, with no read of it, no call and no branch in " +
		"between. The first value can never be observed. Either it is dead code, or, far more " +
		"often, one of the two assignments was meant for another variable (`a = x; a = y;` " +
		"instead of `a = x; b = y;`), leaving that other variable unset.\n\nOnly plain " +
		"assignments of simple variables are considered; initialisations in declarations " +
		"(`uint x = 0; x = f();`), struct fields, array elements, loops across iterations and " +
		"inline assembly are not.",
	Exploit: "An initialiser sets `owner = admin; owner = treasury;` where the second line was meant " +
		"to set `feeRecipient`. The fee recipient stays `address(0)`: fees are burnt, or every " +
		"fee transfer reverts and the contract is unusable.",
	Recommendation: "Remove the first assignment if it is dead, or assign the variable that was " +
		"meant.",
	Run: runWriteAfterWrite,
}

func init() { registry = append(registry, WriteAfterWrite) }

func runWriteAfterWrite(p *Pass) {
	check := func(body *ast.Block, fn *ast.FunctionDefinition, cd *ast.ContractDefinition) {
		wawBlock(p.Program, body, func(first, second *ast.Assignment, v *ast.VariableDeclaration) {
			p.Report(Report{At: first, Function: fn, Contract: cd,
				Message: v.Name.Name + " is assigned here and assigned again on line " +
					strconv.Itoa(second.Span().Start.Line) + " without being read in between; the first value (" +
					reentCode(first.RHS, 40) + ") is lost",
				Related: []RelatedNode{{At: second, Message: "overwritten here"}}})
		})
	}
	p.FunctionsOf(func(c *sema.Contract, f *sema.Function) {
		var cd *ast.ContractDefinition
		if c != nil {
			cd = c.Def
		}
		check(f.Def.Body, f.Def, cd)
	})
	p.ModifiersOf(func(c *sema.Contract, m *ast.ModifierDefinition) {
		check(m.Body, nil, c.Def)
	})
}

// wawBlock scans a block and, independently, every block nested in it.
func wawBlock(prog *sema.Program, b *ast.Block, report func(first, second *ast.Assignment, v *ast.VariableDeclaration)) {
	if b == nil {
		return
	}
	pending := map[*ast.VariableDeclaration]*ast.Assignment{}
	reset := func() { pending = map[*ast.VariableDeclaration]*ast.Assignment{} }
	// read drops the variables n reads; a call may read any state.
	read := func(n ast.Node) {
		if n == nil {
			return
		}
		ast.Inspect(n, func(x ast.Node) bool {
			switch y := x.(type) {
			case *ast.Identifier:
				if v, ok := prog.Ref(y).(*ast.VariableDeclaration); ok {
					delete(pending, v)
				}
			case *ast.MemberAccess:
				if v, ok := prog.Ref(y).(*ast.VariableDeclaration); ok {
					delete(pending, v)
				}
			}
			return true
		})
		if wawCalls(prog, n) {
			for v := range pending {
				if v.IsStateVar {
					delete(pending, v)
				}
			}
		}
	}
	for _, s := range b.Stmts {
		switch x := s.(type) {
		case *ast.ExpressionStatement:
			a, ok := x.X.(*ast.Assignment)
			v := wawTarget(prog, a)
			if !ok || v == nil {
				read(x.X)
				continue
			}
			read(a.RHS)
			if first := pending[v]; first != nil {
				report(first, a, v)
			}
			pending[v] = a
		case *ast.VariableDeclarationStatement:
			if x.Value != nil {
				read(x.Value)
			}
		case *ast.EmitStatement:
			read(x.Call)
		default:
			// Branches, loops, returns, nested blocks, assembly, `_`:
			// anything may happen; start afresh after them.
			reset()
			wawNested(prog, s, report)
		}
	}
}

// wawNested scans the blocks inside a compound statement.
func wawNested(prog *sema.Program, s ast.Stmt, report func(first, second *ast.Assignment, v *ast.VariableDeclaration)) {
	asBlock := func(st ast.Stmt) {
		switch y := st.(type) {
		case *ast.Block:
			wawBlock(prog, y, report)
		case nil:
		default:
			wawNested(prog, y, report)
		}
	}
	switch x := s.(type) {
	case *ast.Block:
		wawBlock(prog, x, report)
	case *ast.IfStatement:
		asBlock(x.Then)
		if x.Else != nil {
			asBlock(x.Else)
		}
	case *ast.ForStatement:
		asBlock(x.Body)
	case *ast.WhileStatement:
		asBlock(x.Body)
	case *ast.DoWhileStatement:
		asBlock(x.Body)
	case *ast.TryStatement:
		wawBlock(prog, x.Body, report)
		for _, c := range x.Catches {
			wawBlock(prog, c.Body, report)
		}
	}
}

// wawTarget returns the variable of `x = …` when x is a plain variable
// of a value type (not constant, not a struct, array or mapping).
func wawTarget(prog *sema.Program, a *ast.Assignment) *ast.VariableDeclaration {
	if a == nil || a.Op != "=" {
		return nil
	}
	id, ok := Unparen(a.LHS).(*ast.Identifier)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := prog.Ref(id).(*ast.VariableDeclaration)
	if !ok || v.Constant || v.Immutable {
		return nil
	}
	switch prog.DeclType(v).Kind {
	case sema.Bool, sema.Int, sema.Uint, sema.Address, sema.FixedBytes, sema.Bytes, sema.String,
		sema.Enum, sema.ContractType, sema.ValueType:
		return v
	}
	return nil
}

// wawCalls reports calls that may read state: anything but conversions,
// events, errors and side-effect-free builtins.
func wawCalls(prog *sema.Program, n ast.Node) bool {
	return Contains(n, func(x ast.Node) bool {
		fc, ok := x.(*ast.FunctionCall)
		if !ok {
			return false
		}
		call := prog.CallOf(fc)
		if call == nil {
			return true
		}
		switch call.Kind {
		case sema.CallConversion, sema.CallStruct, sema.CallEvent, sema.CallError, sema.CallOption:
			return false
		case sema.CallBuiltin:
			return false
		}
		return true
	})
}
