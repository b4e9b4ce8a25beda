package analyzers

import (
	"testing"

	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

func TestSuppress(t *testing.T) {
	src := `pragma solidity ^0.8.0;
contract C {
    function f() external {
        // sleuth-disable-next-line tx-origin, timestamp
        a();
        b(); // sleuth-disable-line
        c();
        /* sleuth-disable timestamp -- checked by hand */
        d();
        e();
        // sleuth-enable timestamp
        g();
        // slither-disable-next-line reentrancy-no-eth,unused-return
        i();
        j(); // slither-disable-line all
        // slither-disable-start divide-before-multiply
        k();
        // slither-disable-end divide-before-multiply
        l();
        // sleuth-disable
        h();
    }
}
`
	unit := parseSuppressFixture(t, "c.sol", src)
	at := func(line int, id string) Finding {
		return Finding{Detector: id, Location: Location{File: "c.sol", StartLine: line}}
	}
	checkSuppressed(t, unit, []suppressCase{
		{at(5, "tx-origin"), false},
		{at(5, "timestamp"), false},
		{at(5, "reentrancy-eth"), true},  // not named in the directive
		{at(6, "reentrancy-eth"), false}, // disable-line without ids: all
		{at(7, "tx-origin"), true},
		{at(9, "timestamp"), false},
		{at(10, "timestamp"), false},
		{at(10, "tx-origin"), true},
		{at(12, "timestamp"), true},          // after sleuth-enable
		{at(14, "reentrancy-no-eth"), false}, // Slither's directives, Slither's ids
		{at(14, "unused-return"), false},
		{at(14, "tx-origin"), true},
		{at(15, "tx-origin"), false}, // "all" means every detector
		{at(17, "divide-before-multiply"), false},
		{at(17, "tautology"), true},
		{at(19, "divide-before-multiply"), true}, // after slither-disable-end
		{at(21, "anything"), false},              // open range to the end of the file
		{Finding{Detector: "tx-origin", Location: Location{File: "other.sol", StartLine: 5}}, true},
	})
}

// TestSuppressSlitherDeclarations: Slither reports functions and contracts
// as a whole, so its next-line comment above a declaration silences that
// detector in the whole declaration, and nowhere else.
func TestSuppressSlitherDeclarations(t *testing.T) {
	src := `pragma solidity ^0.8.0;
// slither-disable-next-line locked-ether
contract D {
    // slither-disable-next-line reentrancy-eth
    function f() external {
        a();
    }
    function g() external {
        b();
    }
}
contract E {
    function h() external payable {}
}
`
	unit := parseSuppressFixture(t, "d.sol", src)
	at := func(line int, id string) Finding {
		return Finding{Detector: id, Location: Location{File: "d.sol", StartLine: line}}
	}
	checkSuppressed(t, unit, []suppressCase{
		{at(3, "locked-ether"), false},
		{at(9, "locked-ether"), false}, // anywhere in the contract
		{at(13, "locked-ether"), true}, // another contract
		{at(6, "reentrancy-eth"), false},
		{at(6, "tx-origin"), true},
		{at(9, "reentrancy-eth"), true}, // another function
	})
}

type suppressCase struct {
	f    Finding
	kept bool
}

func parseSuppressFixture(t *testing.T, name, src string) *ast.SourceUnit {
	t.Helper()
	unit, diags := parser.ParseFile(source.NewFile(name, "", []byte(src)))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return unit
}

// checkSuppressed runs Suppress on each finding alone and compares.
func checkSuppressed(t *testing.T, unit *ast.SourceUnit, cases []suppressCase) {
	t.Helper()
	for _, c := range cases {
		kept, _ := Suppress([]*ast.SourceUnit{unit}, []Finding{c.f})
		if got := len(kept) == 1; got != c.kept {
			t.Errorf("%s at %s:%d: kept=%v, want %v", c.f.Detector, c.f.Location.File, c.f.Location.StartLine, got, c.kept)
		}
	}
}
