package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// EncodePackedCollision flags packed encodings of several dynamic values
// used as hashes or keys.
var EncodePackedCollision = &Analyzer{
	ID:         "encode-packed-collision",
	Title:      "Hash collision through abi.encodePacked with dynamic types",
	Severity:   High,
	Confidence: ConfidenceHigh,
	Category:   CatSignature,
	SWC:        "SWC-133",
	CWE:        []string{"CWE-294"},
	Description: "`abi.encodePacked` concatenates dynamic values (string, bytes, dynamic arrays) without their " +
		"lengths, so different arguments give the same bytes: (\"a\", \"bc\") and (\"ab\", \"c\") both " +
		"encode to \"abc\". When the result is hashed into an identifier, a signed message or a mapping " +
		"key, two different inputs collide. A value written right after its own length, as in EIP-191's " +
		"`\"\\x19Ethereum Signed Message:\\n\", toString(m.length), m`, cannot shift and is not reported.",
	Exploit: "A contract authorises `keccak256(abi.encodePacked(allowedUsers, allowedAdmins))` with two address " +
		"arrays signed by the owner. An attacker moves the boundary between the arrays — the same bytes " +
		"with their own address shifted into the admin list — and the signature still verifies.",
	Recommendation: "Use `abi.encode`, which includes lengths, or make at most one argument dynamic (and put " +
		"fixed-size values around it).",
	Run: runEncodePackedCollision,
}

func init() { registry = append(registry, EncodePackedCollision) }

func runEncodePackedCollision(p *Pass) {
	prog := p.Program
	ariBodies(p, func(b ariBody) {
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			x, ok := n.(*ast.FunctionCall)
			if !ok {
				return true
			}
			var dyn []ast.Expr
			hashedHere := false
			switch {
			case IsBuiltinCall(prog, x, "abi.encodePacked"):
			case IsBuiltinCall(prog, x, "keccak256", "sha3", "sha256", "ripemd160") && len(x.Args) > 1:
				hashedHere = true // pre-0.5 variadic hash: packed encoding of the arguments
			default:
				return true
			}
			// Adjacent dynamic values with nothing fixed between them can
			// trade bytes; a literal delimiter between them ("a", ",", "b",
			// as in EIP-712 type strings) marks the boundary.
			adjacent := false
			prevDyn := false
			for i, a := range x.Args {
				switch {
				case ariIsDynamic(prog, a) && !ariIsConst(prog, a):
					dyn = append(dyn, a)
					// EIP-191's toString(message.length), message: the
					// length written first fixes where the value ends.
					if prevDyn && !ariLengthPrefix(prog, x.Args[i-1], a) {
						adjacent = true
					}
					prevDyn = true
				case ariIsDelimiter(a):
					prevDyn = false
				}
			}
			if len(dyn) < 2 || !adjacent {
				return true
			}
			var use ast.Node
			if hashedHere {
				use = x
			} else {
				use = ariPackedUse(prog, b, x)
			}
			if use == nil {
				return true
			}
			var names []string
			for _, d := range dyn {
				names = append(names, "`"+ariShort(d)+"`")
			}
			rel := []RelatedNode{}
			if use != ast.Node(x) {
				rel = append(rel, RelatedNode{At: use, Message: "the packed bytes are hashed or used as a key here"})
			}
			p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract, Related: rel,
				Message: b.Label() + " packs the dynamic values " + strings.Join(names, ", ") + " with `" + ariShort(x) +
					"` and hashes the result: different inputs produce the same bytes"})
			return true
		})
	})
}

// ariLengthPrefix reports prefix as the one-argument rendering of value's
// own length: toString(value.length), toString(bytes(value).length).
func ariLengthPrefix(prog *sema.Program, prefix, value ast.Expr) bool {
	call, ok := unparen(prefix).(*ast.FunctionCall)
	if !ok || len(call.Args) != 1 {
		return false
	}
	m, ok := unparen(call.Args[0]).(*ast.MemberAccess)
	if !ok || m.Member.Name != "length" {
		return false
	}
	return axsSameExpr(prog, axsStripConv(prog, m.X), value)
}

// ariIsDelimiter reports non-empty string literals.
func ariIsDelimiter(e ast.Expr) bool {
	l, ok := unparen(e).(*ast.Literal)
	return ok && (l.Kind == ast.StringLiteral || l.Kind == ast.HexStringLiteral || l.Kind == ast.UnicodeStringLiteral) && l.Value != ""
}

// ariIsDynamic reports string, bytes and dynamic arrays.
func ariIsDynamic(prog *sema.Program, e ast.Expr) bool {
	t := prog.TypeOf(e)
	switch t.Kind {
	case sema.String, sema.Bytes:
		return true
	case sema.Array:
		return t.Length < 0
	}
	return false
}

// ariPackedUse returns where the packed bytes are hashed, compared or used
// as a mapping key (directly or through a local variable), or nil.
func ariPackedUse(prog *sema.Program, b ariBody, x *ast.FunctionCall) ast.Node {
	var cur ast.Node = x
	for depth := 0; depth < 8; depth++ {
		par := b.Parents[cur]
		switch y := par.(type) {
		case *ast.TupleExpression:
			cur = y
			continue
		case *ast.FunctionCall:
			if IsBuiltinCall(prog, y, "keccak256", "sha3", "sha256", "ripemd160") {
				return y
			}
			if call := prog.CallOf(y); call != nil && call.Kind == sema.CallConversion {
				cur = y // bytes32(abi.encodePacked(…)), string(abi.encodePacked(…))
				continue
			}
			return nil
		case *ast.IndexAccess:
			if y.Index == cur {
				return y
			}
			return nil
		case *ast.BinaryOperation:
			if y.Op == "==" || y.Op == "!=" {
				return y
			}
			return nil
		case *ast.VariableDeclarationStatement:
			if len(y.Decls) == 1 && y.Decls[0] != nil {
				return ariVarHashed(prog, b, y.Decls[0])
			}
			return nil
		case *ast.Assignment:
			if id, ok := unparen(y.LHS).(*ast.Identifier); ok && y.RHS == cur {
				if v, ok := prog.Ref(id).(*ast.VariableDeclaration); ok && !v.IsStateVar {
					return ariVarHashed(prog, b, v)
				}
			}
			return nil
		}
		return nil
	}
	return nil
}

func ariVarHashed(prog *sema.Program, b ariBody, v *ast.VariableDeclaration) ast.Node {
	for _, ref := range ariVarRefs(prog, b.Body, b.Parents, v) {
		if u := ariPackedUseOf(prog, b, ref); u != nil {
			return u
		}
	}
	return nil
}

// ariPackedUseOf is ariPackedUse for a variable reference (no further
// variable hops).
func ariPackedUseOf(prog *sema.Program, b ariBody, ref ast.Node) ast.Node {
	var cur = ref
	for depth := 0; depth < 8; depth++ {
		par := b.Parents[cur]
		switch y := par.(type) {
		case *ast.TupleExpression:
			cur = y
			continue
		case *ast.FunctionCall:
			if IsBuiltinCall(prog, y, "keccak256", "sha3", "sha256", "ripemd160") {
				return y
			}
			return nil
		case *ast.IndexAccess:
			if y.Index == cur {
				return y
			}
			return nil
		case *ast.BinaryOperation:
			if y.Op == "==" || y.Op == "!=" {
				return y
			}
		}
		return nil
	}
	return nil
}
