package parser

import (
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	src := "// SPDX: MIT\npragma solidity ^0.8.0;\ncontract Vault {\n  /// @notice é\n  function f(uint256 x) external returns (address) {\n" +
		"    string memory s = unicode\"ñ\"; bytes memory h = hex\"00ff\";\n    if (msg.sender == address(0)) revert();\n" +
		"    assembly { let y := add(x, 0x20) /* y */ function g() {} }\n    return address(this);\n  }\n}\n"
	got := map[string]TokenClass{}
	prev := 0
	for _, sp := range Classify(src) {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(src) {
			t.Fatalf("span [%d,%d) out of order or bounds after %d", sp.Start, sp.End, prev)
		}
		prev = sp.End
		got[src[sp.Start:sp.End]] = sp.Class
	}
	for text, want := range map[string]TokenClass{
		"// SPDX: MIT": ClassComment, "/// @notice é": ClassComment, "/* y */": ClassComment,
		"pragma": ClassKeyword, "contract": ClassKeyword, "function": ClassKeyword, "if": ClassKeyword, "let": ClassKeyword,
		"Vault": ClassName, "f": ClassName, "g": ClassName,
		"uint256": ClassType, "address": ClassType, "msg": ClassType, "this": ClassType,
		`unicode"ñ"`: ClassString, `hex"00ff"`: ClassString,
		"0": ClassNumber, "0x20": ClassNumber,
	} {
		if c, ok := got[text]; !ok || c != want {
			t.Errorf("%q: class %d (found %v), want %d", text, c, ok, want)
		}
	}
	for _, plain := range []string{"x", "s", "y", "add", "sender", "==", "{"} {
		if c, ok := got[plain]; ok {
			t.Errorf("%q is classed %d, want no class", plain, c)
		}
	}
}

// Classify never fails: broken input is classed as far as it lexes.
func TestClassifyBrokenInput(t *testing.T) {
	for _, src := range []string{"", "\"unterminated", "/* open", "contract ¤ {", strings.Repeat("(", 50), "\xff\xfe function"} {
		prev := 0
		for _, sp := range Classify(src) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(src) {
				t.Errorf("%q: span [%d,%d) out of order or bounds", src, sp.Start, sp.End)
			}
			prev = sp.End
		}
	}
}
