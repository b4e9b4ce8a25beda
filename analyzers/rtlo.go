package analyzers

import (
	"fmt"
	"unicode/utf8"
)

// RTLO flags Unicode bidirectional control characters in source: they make
// code display differently from how the compiler reads it.
var RTLO = &Analyzer{
	ID:         "rtlo",
	Title:      "Right-to-left override or other bidirectional control character",
	Severity:   High,
	Confidence: ConfidenceHigh,
	Category:   CatCodeQuality,
	SWC:        "SWC-130",
	CWE:        []string{"CWE-451"},
	Description: "The Unicode bidirectional controls — RIGHT-TO-LEFT OVERRIDE (U+202E) and its " +
		"relatives U+202A–U+202D and U+2066–U+2069 — reorder how the following text is " +
		"displayed. Placed in a comment or string they make an editor, a block explorer or a " +
		"code review show something other than what the compiler compiles (the \"Trojan Source\" " +
		"technique). Legitimate Solidity never needs them.",
	Exploit: "A contract verified on a block explorer contains `/*<U+202E> } ,1 ,lortnoc_tpecca */` " +
		"inside a call's argument list: the display shows `accept_control, 1` in the expected " +
		"order, but the compiler sees the arguments swapped, so the payout goes to the deployer " +
		"instead of the caller.",
	Recommendation: "Remove every bidirectional control character from the source. If a string " +
		"must contain one, build it from an escaped literal (`unicode\"\\u202e\"` or `hex\"e280ae\"`) " +
		"so it is visible in review.",
	Run: runRTLO,
}

func init() { registry = append(registry, RTLO) }

var bidiNames = map[rune]string{
	0x202A: "LEFT-TO-RIGHT EMBEDDING",
	0x202B: "RIGHT-TO-LEFT EMBEDDING",
	0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE",
	0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x2066: "LEFT-TO-RIGHT ISOLATE",
	0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE",
	0x2069: "POP DIRECTIONAL ISOLATE",
}

func runRTLO(p *Pass) {
	for _, u := range p.Program.Units {
		if !u.InScope || u.AST == nil || u.AST.File == nil {
			continue
		}
		f := u.AST.File
		if f.IsASCII() {
			continue
		}
		content := f.Content
		for i := 0; i < len(content); {
			r, size := utf8.DecodeRune(content[i:])
			if name, ok := bidiNames[r]; ok {
				c, fn := p.EnclosingAt(f, i)
				p.Report(Report{
					At:       SpanNode{Src: f.Span(i, i+size)},
					Contract: c,
					Function: fn,
					Message: fmt.Sprintf("U+%04X %s in the source: the code displays differently from how it compiles",
						r, name),
				})
			}
			i += size
		}
	}
}
