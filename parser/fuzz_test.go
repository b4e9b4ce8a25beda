package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/antlr4-go/antlr/v4"

	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// addSeeds seeds a fuzz target with the syntax fixtures.
func addSeeds(f *testing.F) {
	paths, _ := filepath.Glob("../testdata/syntax/*.sol")
	more, _ := filepath.Glob("../testdata/syntax/errors/*.sol")
	for _, p := range append(paths, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("contract C { function f() { assembly { let x := 1 } } }"))
	f.Add([]byte("pragma solidity ^0.8.0; /* unterminated"))
	f.Add([]byte{0xff, 0xfe, 'c', 0x00, '{'})
}

// withinBound runs fn and fails when it has not finished after a bound far
// above any legitimate input's time: go test -fuzz has no per-input
// timeout, and a hang would otherwise stall the fuzzer without a report.
func withinBound(t *testing.T, data []byte, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("no result after 10s on input %q", data)
	}
}

// FuzzLex checks that the lexer (the hand-written one parseFile uses)
// terminates on any input and that its tokens cover the input in order,
// without overlap.
func FuzzLex(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		withinBound(t, data, func() { lexAll(t, data) })
	})
}

func lexAll(t *testing.T, data []byte) {
	{
		text := string(data)
		lexer := newSolidityLexer(text)
		lexer.RemoveErrorListeners()
		runes := len([]rune(text))
		prevStop := -1
		for i := 0; ; i++ {
			tok := lexer.NextToken()
			if tok.GetTokenType() == antlr.TokenEOF {
				break
			}
			if tok.GetStart() <= prevStop || tok.GetStop() < tok.GetStart() || tok.GetStop() >= runes {
				t.Errorf("token %d %q spans [%d,%d] after %d (input %d runes)", i, tok.GetText(), tok.GetStart(), tok.GetStop(), prevStop, runes)
			}
			if t.Failed() {
				return
			}
			prevStop = tok.GetStop()
			if i > len(data)+1 {
				t.Errorf("more tokens than input characters")
				return
			}
		}
	}
}

// FuzzParse checks that ParseFile never panics (an internal-error
// diagnostic means it recovered from one) and that every node's span lies
// inside the file with its start before its end.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		file := source.NewFile("fuzz.sol", "", data)
		var unit *ast.SourceUnit
		var diags []source.Diagnostic
		withinBound(t, data, func() { unit, diags = ParseFile(file) })
		for _, d := range diags {
			if strings.Contains(d.Message, "internal error") {
				t.Fatalf("parser panicked: %s", d.Message)
			}
			if d.Line < 1 || d.Column < 1 {
				t.Fatalf("diagnostic without position: %+v", d)
			}
		}
		checkSpans(t, file, unit)
	})
}

func checkSpans(t *testing.T, file *source.File, unit *ast.SourceUnit) {
	t.Helper()
	ast.Inspect(unit, func(n ast.Node) bool {
		s := n.Span()
		if s.File == nil {
			return true // a piece missing from a tree recovered from errors
		}
		if s.File != file || s.Start.Offset > s.End.Offset || s.End.Offset > len(file.Content) {
			t.Fatalf("%T has span %+v..%+v outside the file (%d bytes)", n, s.Start, s.End, len(file.Content))
		}
		return true
	})
}
