package analyzers

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Shared by erc20-interface and erc721-interface: the standards' function
// signatures and a conformance check of a contract against them.

// ercFunction is one function of a token standard.
type ercFunction struct {
	name    string
	params  []string // canonical ABI types
	returns []string
}

func (f ercFunction) signature() string {
	s := f.name + "(" + strings.Join(f.params, ",") + ")"
	if len(f.returns) > 0 {
		s += " returns (" + strings.Join(f.returns, ",") + ")"
	}
	return s
}

var erc20Functions = []ercFunction{
	{"totalSupply", nil, []string{"uint256"}},
	{"balanceOf", []string{"address"}, []string{"uint256"}},
	{"transfer", []string{"address", "uint256"}, []string{"bool"}},
	{"transferFrom", []string{"address", "address", "uint256"}, []string{"bool"}},
	{"approve", []string{"address", "uint256"}, []string{"bool"}},
	{"allowance", []string{"address", "address"}, []string{"uint256"}},
}

var erc721Functions = []ercFunction{
	{"balanceOf", []string{"address"}, []string{"uint256"}},
	{"ownerOf", []string{"uint256"}, []string{"address"}},
	{"safeTransferFrom", []string{"address", "address", "uint256", "bytes"}, nil},
	{"safeTransferFrom", []string{"address", "address", "uint256"}, nil},
	{"transferFrom", []string{"address", "address", "uint256"}, nil},
	{"approve", []string{"address", "uint256"}, nil},
	{"setApprovalForAll", []string{"address", "bool"}, nil},
	{"getApproved", []string{"uint256"}, []string{"address"}},
	{"isApprovedForAll", []string{"address", "address"}, []string{"bool"}},
}

// erc721Specific are the ERC721 functions ERC20 does not have.
var erc721Specific = []string{"ownerOf", "safeTransferFrom", "setApprovalForAll", "getApproved", "isApprovedForAll"}

// abiTypeOf renders a parameter's canonical ABI type: contracts are
// address, enums uint8, value types their underlying type.
func abiTypeOf(prog *sema.Program, v *ast.VariableDeclaration) string {
	if v == nil || v.Type == nil {
		return "?"
	}
	if _, ok := v.Type.(*ast.UserDefinedTypeName); ok {
		t := prog.DeclType(v)
		switch t.Kind {
		case sema.ContractType:
			return "address"
		case sema.Enum:
			return "uint8"
		case sema.ValueType:
			if t.UDVT != nil && t.UDVT.Underlying != nil {
				return t.UDVT.Underlying.Canonical()
			}
		}
	}
	if a, ok := v.Type.(*ast.ArrayTypeName); ok {
		inner := &ast.VariableDeclaration{Type: a.Elem}
		n := ""
		if a.Length != nil {
			n = strings.TrimSpace(a.Length.Span().Text())
		}
		return abiTypeOf(prog, inner) + "[" + n + "]"
	}
	return TypeString(v.Type)
}

func abiTypesOf(prog *sema.Program, vs []*ast.VariableDeclaration) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, abiTypeOf(prog, v))
	}
	return out
}

func sameABITypes(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ercFunctionNames returns the names of the functions callable on c,
// including the getters of public state variables (`uint256 public
// totalSupply`).
func ercFunctionNames(c *sema.Contract) map[string]bool {
	out := map[string]bool{}
	for _, f := range c.Functions {
		if f.Def.Kind == ast.KindFunction {
			out[f.Def.Name.Name] = true
		}
	}
	for _, l := range c.Linearization {
		for _, v := range l.Def.StateVars {
			if v.Visibility == "public" {
				out[v.Name.Name] = true
			}
		}
	}
	return out
}

func ercCountNames(names map[string]bool, spec []ercFunction) int {
	seen := map[string]bool{}
	for _, f := range spec {
		if names[f.name] {
			seen[f.name] = true
		}
	}
	return len(seen)
}

func looksLikeERC721(names map[string]bool) bool {
	if ercCountNames(names, erc721Functions) < 3 {
		return false
	}
	for _, n := range erc721Specific {
		if names[n] {
			return true
		}
	}
	return false
}

func looksLikeERC1155(names map[string]bool) bool {
	return names["balanceOfBatch"] || names["safeBatchTransferFrom"]
}

// ercMismatch is a function of a contract that does not conform.
type ercMismatch struct {
	fn       *sema.Function
	expected ercFunction
	params   bool // the parameters differ (the returns otherwise)
}

// ercMismatches checks the functions of c named like those of a standard:
// an implementation with the standard's parameters must have its
// returns; a name whose only implementations take the same number of
// parameters of other types does not implement the standard's selector.
func ercMismatches(prog *sema.Program, c *sema.Contract, spec []ercFunction) []ercMismatch {
	var out []ercMismatch
	byName := map[string][]*sema.Function{}
	for _, f := range c.Functions {
		if f.Def.Kind == ast.KindFunction {
			byName[f.Def.Name.Name] = append(byName[f.Def.Name.Name], f)
		}
	}
	for _, want := range spec {
		fs := byName[want.name]
		matched := false
		for _, f := range fs {
			if !sameABITypes(abiTypesOf(prog, f.Def.Params), want.params) {
				continue
			}
			matched = true
			if !sameABITypes(abiTypesOf(prog, f.Def.Returns), want.returns) {
				out = append(out, ercMismatch{fn: f, expected: want})
			}
		}
		if matched {
			continue
		}
		// Overloads of the same name with the same arity as another
		// entry of the standard (safeTransferFrom has two) are not
		// mismatches of this one.
		for _, f := range fs {
			if len(f.Def.Params) != len(want.params) || ercImplementsOther(prog, f, spec) {
				continue
			}
			out = append(out, ercMismatch{fn: f, expected: want, params: true})
		}
	}
	return out
}

func ercImplementsOther(prog *sema.Program, f *sema.Function, spec []ercFunction) bool {
	ps := abiTypesOf(prog, f.Def.Params)
	for _, s := range spec {
		if s.name == f.Def.Name.Name && sameABITypes(ps, s.params) {
			return true
		}
	}
	return false
}

// reportERCMismatches reports each non-conforming function once, where it
// is written, for every in-scope contract that pick selects.
func reportERCMismatches(p *Pass, standard string, spec []ercFunction, pick func(names map[string]bool) bool) {
	done := map[*ast.FunctionDefinition]bool{}
	inScope := map[*ast.ContractDefinition]bool{}
	for _, c := range p.Contracts() {
		inScope[c.Def] = true
	}
	for _, c := range p.Contracts() {
		if c.IsInterface() || c.IsLibrary() {
			continue
		}
		names := ercFunctionNames(c)
		if !pick(names) {
			continue
		}
		for _, m := range ercMismatches(p.Program, c, spec) {
			d := m.fn.Def
			if done[d] || d.Contract == nil || !inScope[d.Contract] || d.Contract.Kind == ast.KindInterface {
				continue
			}
			if owner := p.Program.ContractOf(d.Contract); d.Body == nil && owner != nil && !contractHasCode(owner) {
				continue // a pre-0.5 interface written as a contract without code
			}
			done[d] = true
			got := d.Name.Name + "(" + strings.Join(abiTypesOf(p.Program, d.Params), ",") + ")"
			var msg string
			if m.params {
				msg = c.Name() + " looks like an " + standard + " token but " + got + " does not match " +
					m.expected.signature() + ": callers using the standard selector miss it"
			} else {
				rets := abiTypesOf(p.Program, d.Returns)
				have := "returns nothing"
				if len(rets) > 0 {
					have = "returns (" + strings.Join(rets, ",") + ")"
				}
				want := "return nothing"
				if len(m.expected.returns) > 0 {
					want = "return (" + strings.Join(m.expected.returns, ",") + ")"
				}
				msg = c.Name() + " looks like an " + standard + " token but " + got + " " + have +
					"; the standard says it must " + want
			}
			at := ast.Node(d.Name)
			if !d.Name.Src.Valid() {
				at = d
			}
			p.Report(Report{At: at, Contract: d.Contract, Function: d, Message: msg})
		}
	}
}
