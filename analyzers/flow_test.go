package analyzers

import (
	"sort"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

func walkSource(t *testing.T, src, contract, function string) (writes []string, guardedWrites []string, callsBefore map[string]int) {
	t.Helper()
	unit, diags := parser.ParseFile(source.NewFile("t.sol", "", []byte(src)))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	prog := sema.Build(&parser.Project{Units: []*parser.Unit{{AST: unit, File: unit.File, InScope: true}}})
	p := &Pass{Program: prog, facts: newFacts(prog)}
	callsBefore = map[string]int{}
	for _, c := range prog.Contracts {
		if c.Name() != contract {
			continue
		}
		for _, f := range c.Functions {
			if f.Name() != function {
				continue
			}
			p.Walk(c, f, FlowVisitor{Write: func(v *ast.VariableDeclaration, at ast.Node, _ ast.Expr, st FlowState) {
				writes = append(writes, v.Name.Name)
				if st.Guarded {
					guardedWrites = append(guardedWrites, v.Name.Name)
				}
				callsBefore[v.Name.Name] = len(st.Calls)
			}})
		}
	}
	sort.Strings(writes)
	return writes, guardedWrites, callsBefore
}

// TestWalkerStructMemberWrites: writes through struct members, arrays of
// structs and storage pointers reach the state variable they are rooted in.
func TestWalkerStructMemberWrites(t *testing.T) {
	writes, _, _ := walkSource(t, `pragma solidity ^0.8.0;
contract C {
    struct P { uint fee; uint[] items; }
    P params;
    P[] all;
    mapping(address => P) byUser;
    function f(uint x) external {
        params.fee = x;
        params.items.push(x);
        all[0].fee = x;
        P storage s = byUser[msg.sender];
        s.fee = x;
    }
}`, "C", "f")
	if got := strings.Join(writes, " "); got != "all byUser params params" {
		t.Errorf("writes = %q, want all byUser params params", got)
	}
}

// TestWalkerOrderAndGuards: a write after an external call sees the call;
// a balance check on msg.sender is not an authorisation, an owner check is.
func TestWalkerOrderAndGuards(t *testing.T) {
	src := `pragma solidity ^0.8.0;
contract Bank {
    mapping(address => uint) balances;
    address owner;
    uint fee;
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function withdraw(uint a) external {
        require(balances[msg.sender] >= a);
        (bool ok, ) = msg.sender.call{value: a}("");
        require(ok);
        balances[msg.sender] -= a;
    }
    function setFee(uint f) external onlyOwner { fee = f; }
}`
	writes, guarded, calls := walkSource(t, src, "Bank", "withdraw")
	if len(writes) != 1 || len(guarded) != 0 || calls["balances"] != 1 {
		t.Errorf("withdraw: writes %v guarded %v calls before %v", writes, guarded, calls)
	}
	_, guarded, _ = walkSource(t, src, "Bank", "setFee")
	if len(guarded) != 1 {
		t.Errorf("setFee's write should be guarded by onlyOwner, got %v", guarded)
	}
}
