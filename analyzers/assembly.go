package analyzers

import (
	"fmt"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Assembly lists inline assembly blocks: code that bypasses the type
// system and the compiler's safety checks, where reviewers should look
// hardest.
var Assembly = &Analyzer{
	ID:         "assembly",
	Title:      "Inline assembly",
	Severity:   Info,
	Confidence: ConfidenceHigh,
	Category:   CatCodeQuality,
	CWE:        []string{"CWE-695"},
	Description: "Inline assembly (`assembly { … }`) bypasses Solidity's type checks, overflow checks, " +
		"memory-safety rules and storage layout. Each block is listed so that reviewers read it " +
		"carefully: a wrong `mstore` offset, a missing `returndatasize` check or an `sstore` to a " +
		"computed slot is invisible to the rest of the analysis.",
	Exploit: "A hand-written `sstore(slot, value)` with a slot computed from user input lets a caller " +
		"overwrite the owner variable; an `mstore` past the free-memory pointer silently corrupts " +
		"a `bytes` value that is later hashed or sent. None of these are caught by the compiler.",
	Recommendation: "Keep assembly to small, documented helpers, mark memory-safe blocks " +
		"`assembly (\"memory-safe\")` only when they are, and prefer high-level Solidity or audited " +
		"libraries (OpenZeppelin, Solady) where possible.",
	Run: runAssembly,
}

func init() { registry = append(registry, Assembly) }

func runAssembly(p *Pass) {
	for _, b := range p.Bodies() {
		b := b
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			asm, ok := n.(*ast.InlineAssembly)
			if !ok {
				return true
			}
			where := FunctionSignature(b.Function)
			if b.Modifier != nil {
				where = "modifier " + b.Modifier.Name.Name
			}
			lines := asm.Src.End.Line - asm.Src.Start.Line + 1
			p.ReportIn(b, asm, fmt.Sprintf("%s uses inline assembly (%d line%s)", where, lines, pluralSuffix(lines)))
			return false
		})
	}
}

func pluralSuffix(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
