package sema

import (
	"testing"

	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
)

func buildSource(t *testing.T, src string) *Program {
	t.Helper()
	unit, diags := parser.ParseFile(source.NewFile("t.sol", "", []byte(src)))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return Build(&parser.Project{Units: []*parser.Unit{{AST: unit, File: unit.File, InScope: true}}})
}

func contract(p *Program, name string) *Contract {
	for _, c := range p.Contracts {
		if c.Name() == name {
			return c
		}
	}
	return nil
}

// TestSuperFollowsMostDerivedLinearization: in D is B, C the chain is
// D → C → B → A: B's super.f() reaches A only through C.
func TestSuperFollowsMostDerivedLinearization(t *testing.T) {
	p := buildSource(t, `pragma solidity ^0.8.0;
contract A { function f() public virtual returns (uint) { return 1; } }
contract B is A { function f() public virtual override returns (uint) { return super.f() + 1; } }
contract C is A { function f() public virtual override returns (uint) { return super.f() + 2; } }
contract D is B, C { function f() public override(B, C) returns (uint) { return super.f(); } }`)
	d := contract(p, "D")
	next := map[string]string{}
	for _, name := range []string{"D", "C", "B"} {
		c := contract(p, name)
		for _, fd := range c.Def.Functions {
			for _, call := range p.FunctionOf(fd).Calls {
				if call.Super {
					next[name] = p.Dispatch(d, call).Contract.Name()
				}
			}
		}
	}
	if next["D"] != "C" || next["C"] != "B" || next["B"] != "A" {
		t.Errorf("super chain in D: %v, want D→C, C→B, B→A", next)
	}
}

func TestOverloadsByArgumentType(t *testing.T) {
	p := buildSource(t, `pragma solidity ^0.8.0;
contract O {
    function g(address a) internal pure returns (uint) { return 1; }
    function g(uint a) internal pure returns (uint) { return 2; }
    function h() external view returns (uint) { return g(msg.sender) + g(5); }
}`)
	o := contract(p, "O")
	var got []string
	for _, fd := range o.Def.Functions {
		if fd.Name.Name != "h" {
			continue
		}
		for _, call := range p.FunctionOf(fd).Calls {
			if call.Callee != nil {
				got = append(got, typeKey(call.Callee.Params[0].Type))
			}
		}
	}
	if len(got) != 2 || got[0] != "address" || got[1] != "uint256" {
		t.Errorf("g(msg.sender), g(5) resolved to %v, want [address uint256]", got)
	}
}
