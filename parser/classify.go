package parser

import (
	"unicode/utf8"

	"github.com/antlr4-go/antlr/v4"

	"github.com/sleuth-sec/sleuth/parser/gen"
)

// TokenClass is what a token is, for syntax highlighting.
type TokenClass uint8

const (
	ClassNone    TokenClass = iota // operators, punctuation, plain names
	ClassKeyword                   // contract, function, if, let (Yul), …
	ClassType                      // uint256, address, mapping, and msg, block, tx, …
	ClassName                      // the name a declaration introduces: contract A, function f
	ClassString                    // string, unicode and hex literals
	ClassNumber                    // decimal and hex numbers
	ClassComment                   // line and block comments, NatSpec included
)

// ClassSpan is a run of source text of one class, in byte offsets, end
// exclusive.
type ClassSpan struct {
	Start, End int
	Class      TokenClass
}

// Classify splits src into the spans of its tokens, classed for syntax
// highlighting, as the parser's own lexer sees them: what is highlighted is
// what is parsed. Text between tokens (white space, characters no token
// matches) is in no span. It never fails; input that does not lex is
// classed as far as it goes.
func Classify(src string) []ClassSpan {
	lx := newSolidityLexer(src)
	lx.RemoveErrorListeners()
	ascii := true
	for i := 0; i < len(src) && ascii; i++ {
		ascii = src[i] < utf8.RuneSelf
	}
	runes := newRuneIndex(src, ascii)
	var out []ClassSpan
	declares := false // the previous token introduces a name
	for {
		tok := lx.NextToken()
		kind := tok.GetTokenType()
		if kind == antlr.TokenEOF {
			return out
		}
		class := classOf(kind, tok.GetText())
		if declares && (kind == gen.SolidityLexerIdentifier || kind == gen.SolidityLexerYulIdentifier) {
			class = ClassName
		}
		if tok.GetChannel() == antlr.TokenDefaultChannel {
			declares = introducesName(kind)
		}
		if class != ClassNone {
			out = append(out, ClassSpan{Start: runes.byteAt(tok.GetStart()), End: runes.byteAt(tok.GetStop() + 1), Class: class})
		}
	}
}

func classOf(kind int, text string) TokenClass {
	switch kind {
	case gen.SolidityLexerBlockComment, gen.SolidityLexerLineComment, gen.SolidityLexerUnterminatedBlockComment,
		gen.SolidityLexerAssemblyBlockComment, gen.SolidityLexerAssemblyLineComment,
		gen.SolidityLexerYulBlockComment, gen.SolidityLexerYulLineComment:
		return ClassComment
	case gen.SolidityLexerStringLiteral, gen.SolidityLexerUnicodeStringLiteral, gen.SolidityLexerHexStringLiteral,
		gen.SolidityLexerAssemblyFlagString, gen.SolidityLexerYulStringLiteral, gen.SolidityLexerYulHexStringLiteral:
		return ClassString
	case gen.SolidityLexerDecimalNumber, gen.SolidityLexerHexNumber,
		gen.SolidityLexerYulDecimalNumber, gen.SolidityLexerYulHexNumber:
		return ClassNumber
	case gen.SolidityLexerElementaryType, gen.SolidityLexerAddress, gen.SolidityLexerMapping:
		return ClassType
	case gen.SolidityLexerIdentifier:
		switch text {
		case "msg", "block", "tx", "abi", "this", "super", "now":
			return ClassType // the built-in globals
		}
		return ClassNone
	}
	if kind >= gen.SolidityLexerAbstract && kind <= gen.SolidityLexerSzabo ||
		kind >= gen.SolidityLexerYulLet && kind <= gen.SolidityLexerYulFalse {
		return ClassKeyword
	}
	return ClassNone
}

// introducesName reports the keywords a declared name follows.
func introducesName(kind int) bool {
	switch kind {
	case gen.SolidityLexerContract, gen.SolidityLexerInterface, gen.SolidityLexerLibrary,
		gen.SolidityLexerFunction, gen.SolidityLexerModifier, gen.SolidityLexerEvent,
		gen.SolidityLexerStruct, gen.SolidityLexerEnum, gen.SolidityLexerError, gen.SolidityLexerYulFunction:
		return true
	}
	return false
}
