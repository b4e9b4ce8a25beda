package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// ShortAddress flags pre-0.5 token transfer functions without a calldata
// length check.
var ShortAddress = &Analyzer{
	ID:         "short-address",
	Title:      "Token transfer without calldata length check (short address)",
	Severity:   Info,
	Confidence: ConfidenceLow,
	Category:   CatShortAddress,
	CWE:        []string{"CWE-20"},
	Description: "Before Solidity 0.5.0 the ABI decoder did not check that calldata is long enough. If a " +
		"client encodes a transfer to an address that lacks its last byte, the EVM pads the missing byte " +
		"with zeros taken from the amount, shifting the amount left by 8 bits: 256 times the intended value.",
	Exploit: "An attacker generates an address ending in 0x00, asks an exchange to withdraw 100 tokens to it " +
		"and gives the address without the trailing zero. The exchange's client builds short calldata; the " +
		"token contract reads `to` padded with the amount's first byte and an amount 256 times larger.",
	Recommendation: "Compile with Solidity 0.5.0 or later (the decoder then reverts on short calldata) and " +
		"validate addresses in off-chain clients. An `onlyPayloadSize` modifier is a partial mitigation only.",
	Run: runShortAddress,
}

func init() { registry = append(registry, ShortAddress) }

func runShortAddress(p *Pass) {
	prog := p.Program
	owners := newAriOwners(prog)
	for _, c := range p.Contracts() {
		if c.IsInterface() || c.IsLibrary() || !ariPragmaAllowsBelow(owners.Unit(c.Def), 0, 5) {
			continue
		}
		for _, fd := range c.Def.Functions {
			f := prog.FunctionOf(fd)
			if f == nil || fd.Body == nil || !f.IsEntryPoint() || fd.Kind != ast.KindFunction {
				continue
			}
			addr, amount := ariAddressThenAmount(prog, fd)
			if addr == nil {
				continue
			}
			if !ariIsTransferLike(prog, fd, addr, amount) || ariChecksCalldataLength(prog, c, f) {
				continue
			}
			p.Report(Report{At: fd.Name, Function: fd, Contract: c.Def,
				Message: FunctionSignature(fd) + " takes an address followed by an amount and does not check " +
					"msg.data.length; compiled with solc < 0.5 a short address shifts `" + amount.Name.Name + "` by a byte"})
		}
	}
}

// ariAddressThenAmount finds an address parameter followed by an integer one.
func ariAddressThenAmount(prog *sema.Program, fd *ast.FunctionDefinition) (addr, amount *ast.VariableDeclaration) {
	for i, prm := range fd.Params {
		if prog.DeclType(prm).Kind != sema.Address {
			continue
		}
		for _, next := range fd.Params[i+1:] {
			if prog.DeclType(next).Kind == sema.Uint {
				return prm, next
			}
		}
	}
	return nil, nil
}

// ariIsTransferLike reports ERC20-style functions: named transfer,
// transferFrom or approve, or crediting a mapping entry of the address
// parameter with the amount.
func ariIsTransferLike(prog *sema.Program, fd *ast.FunctionDefinition, addr, amount *ast.VariableDeclaration) bool {
	switch fd.Name.Name {
	case "transfer", "transferFrom", "approve":
		return true
	}
	refersTo := func(e ast.Expr, v *ast.VariableDeclaration) bool {
		return Contains(e, func(n ast.Node) bool {
			id, ok := n.(*ast.Identifier)
			return ok && prog.Ref(id) == ast.Node(v)
		})
	}
	return Contains(fd.Body, func(n ast.Node) bool {
		a, ok := n.(*ast.Assignment)
		if !ok {
			return false
		}
		ix, ok := unparen(a.LHS).(*ast.IndexAccess)
		if !ok || ix.Index == nil || !refersTo(ix.Index, addr) {
			return false
		}
		v, ok := prog.Ref(RootExpr(ix)).(*ast.VariableDeclaration)
		return ok && v.IsStateVar && refersTo(a.RHS, amount)
	})
}

// ariChecksCalldataLength reports a msg.data.length check in the function
// or its modifiers (onlyPayloadSize).
func ariChecksCalldataLength(prog *sema.Program, c *sema.Contract, f *sema.Function) bool {
	has := func(n ast.Node) bool {
		return Contains(n, func(x ast.Node) bool {
			m, ok := x.(*ast.MemberAccess)
			return ok && m.Member.Name == "length" && IsMagic(m.X, "msg", "data")
		})
	}
	if has(f.Def.Body) {
		return true
	}
	for _, m := range f.Modifiers(c) {
		if m.Def.Body != nil && has(m.Def.Body) {
			return true
		}
	}
	return false
}
