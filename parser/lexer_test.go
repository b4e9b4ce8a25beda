package parser

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/antlr4-go/antlr/v4"

	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/gen"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// The hand-written lexer must reproduce the generated ANTLR lexer token
// for token: these tests run both and compare everything the parser, the
// AST builder and the error collector read.

type lexedToken struct {
	Type, Channel, Start, Stop, Line, Column int
	Text                                     string
}

type lexError struct {
	Line, Column int
	Msg          string
}

type lexResult struct {
	Tokens []lexedToken
	Errors []lexError
}

type recordLexErrors struct {
	antlr.DefaultErrorListener
	errs []lexError
}

func (r *recordLexErrors) SyntaxError(_ antlr.Recognizer, _ interface{}, line, column int, msg string, _ antlr.RecognitionException) {
	r.errs = append(r.errs, lexError{line, column, msg})
}

type testLexer interface {
	antlr.TokenSource
	RemoveErrorListeners()
	AddErrorListener(antlr.ErrorListener)
}

// lexWith runs a lexer to EOF (the EOF token included). A lexer that
// yields more tokens than the input has characters is not terminating.
func lexWith(l testLexer, text string) (lexResult, error) {
	rec := &recordLexErrors{}
	l.RemoveErrorListeners()
	l.AddErrorListener(rec)
	var res lexResult
	limit := len([]rune(text)) + 2
	for {
		t := l.NextToken()
		res.Tokens = append(res.Tokens, lexedToken{t.GetTokenType(), t.GetChannel(), t.GetStart(), t.GetStop(),
			t.GetLine(), t.GetColumn(), t.GetText()})
		if t.GetTokenType() == antlr.TokenEOF {
			break
		}
		if in := t.GetInputStream(); in == nil || in.GetTextFromInterval(antlr.NewInterval(t.GetStart(), t.GetStop())) != t.GetText() {
			return res, fmt.Errorf("token %d: its input stream does not give its text %q", len(res.Tokens)-1, t.GetText())
		}
		if len(res.Tokens) > limit {
			return res, fmt.Errorf("more than %d tokens from %d characters", limit, limit-2)
		}
	}
	res.Errors = rec.errs
	return res, nil
}

func lexANTLR(text string) lexResult {
	res, _ := lexWith(gen.NewSolidityLexer(antlr.NewInputStream(text)), text)
	return res
}

// lexDiff compares both lexers on text and describes the first
// difference, or returns "".
func lexDiff(text string) string {
	want := lexANTLR(text)
	got, err := lexWith(newSolidityLexer(text), text)
	if err != nil {
		return err.Error()
	}
	for i := 0; i < len(want.Tokens) || i < len(got.Tokens); i++ {
		switch {
		case i >= len(got.Tokens):
			return fmt.Sprintf("token %d: missing, want %s", i, fmtToken(want.Tokens[i]))
		case i >= len(want.Tokens):
			return fmt.Sprintf("token %d: extra %s", i, fmtToken(got.Tokens[i]))
		case got.Tokens[i] != want.Tokens[i]:
			return fmt.Sprintf("token %d: got %s, want %s", i, fmtToken(got.Tokens[i]), fmtToken(want.Tokens[i]))
		}
	}
	for i := 0; i < len(want.Errors) || i < len(got.Errors); i++ {
		switch {
		case i >= len(got.Errors):
			return fmt.Sprintf("error %d: missing, want %+v", i, want.Errors[i])
		case i >= len(want.Errors):
			return fmt.Sprintf("error %d: extra %+v", i, got.Errors[i])
		case got.Errors[i] != want.Errors[i]:
			return fmt.Sprintf("error %d: got %+v, want %+v", i, got.Errors[i], want.Errors[i])
		}
	}
	return ""
}

func tokenName(t int) string {
	if t == antlr.TokenEOF {
		return "EOF"
	}
	if t >= 0 && t < len(lexerSymbolicNames) && lexerSymbolicNames[t] != "" {
		return lexerSymbolicNames[t]
	}
	return strconv.Itoa(t)
}

func fmtToken(t lexedToken) string {
	ch := ""
	if t.Channel != antlr.TokenDefaultChannel {
		ch = fmt.Sprintf(" channel %d", t.Channel)
	}
	return fmt.Sprintf("%s %q [%d,%d] %d:%d%s", tokenName(t.Type), t.Text, t.Start, t.Stop, t.Line, t.Column, ch)
}

// summary is a compact rendering of a token stream for the table: types
// and texts, hidden tokens marked, errors as "!line:col'text'".
func summary(r lexResult) string {
	var parts []string
	for _, t := range r.Tokens {
		if t.Type == antlr.TokenEOF {
			continue
		}
		h := ""
		if t.Channel == antlr.TokenHiddenChannel {
			h = "~"
		}
		parts = append(parts, fmt.Sprintf("%s%s%q", h, tokenName(t.Type), t.Text))
	}
	for _, e := range r.Errors {
		parts = append(parts, fmt.Sprintf("!%d:%d%s", e.Line, e.Column, strings.TrimPrefix(e.Msg, "token recognition error at: ")))
	}
	return strings.Join(parts, " ")
}

// lexCases are the lexical corners of the grammar, each with the stream
// ANTLR produces for it (checked against the generated lexer too).
var lexCases = []struct{ name, src, want string }{
	// keywords, elementary types and identifiers
	{"keyword", "contract C", `Contract"contract" Identifier"C"`},
	{"keyword prefix", "contracts", `Identifier"contracts"`},
	{"contextual", "error from receive layout at", `Error"error" From"from" Receive"receive" Layout"layout" At"at"`},
	{"units", "1 wei 2 gwei 3 ether 4 years", `DecimalNumber"1" Wei"wei" DecimalNumber"2" Gwei"gwei" DecimalNumber"3" Ether"ether" DecimalNumber"4" Years"years"`},
	{"uint256", "uint256 int8 uint", `ElementaryType"uint256" ElementaryType"int8" ElementaryType"uint"`},
	{"uint7", "uint7 int257 uint264 int08 uint0", `Identifier"uint7" Identifier"int257" Identifier"uint264" Identifier"int08" Identifier"uint0"`},
	{"uint256x", "uint256x uint256_ uint256$", `Identifier"uint256x" Identifier"uint256_" Identifier"uint256$"`},
	{"bytes sizes", "bytes bytes1 bytes9 bytes10 bytes29 bytes32", `ElementaryType"bytes" ElementaryType"bytes1" ElementaryType"bytes9" ElementaryType"bytes10" ElementaryType"bytes29" ElementaryType"bytes32"`},
	{"bytes bad sizes", "bytes0 bytes33 bytes01 bytes40 bytes100", `Identifier"bytes0" Identifier"bytes33" Identifier"bytes01" Identifier"bytes40" Identifier"bytes100"`},
	{"fixed", "fixed ufixed fixed128x18 ufixed8x0 fixed256x080", `ElementaryType"fixed" ElementaryType"ufixed" ElementaryType"fixed128x18" ElementaryType"ufixed8x0" ElementaryType"fixed256x080"`},
	{"fixed bad", "fixed128 fixed128x fixed7x1 fixedx1 fixed8x1x2", `Identifier"fixed128" Identifier"fixed128x" Identifier"fixed7x1" Identifier"fixedx1" Identifier"fixed8x1x2"`},
	{"bool string byte address", "bool string byte address", `ElementaryType"bool" ElementaryType"string" ElementaryType"byte" Address"address"`},
	{"identifier chars", "$x _y A$_9 Zz", `Identifier"$x" Identifier"_y" Identifier"A$_9" Identifier"Zz"`},
	// strings
	{"strings", `"a" 'b' "" ''`, `StringLiteral"\"a\"" StringLiteral"'b'" StringLiteral"\"\"" StringLiteral"''"`},
	{"escapes", `"a\"b\\" 'c\'d'`, `StringLiteral"\"a\\\"b\\\\\"" StringLiteral"'c\\'d'"`},
	{"escaped CRLF", "\"a\\\r\nb\" \"c\\\nd\"", `StringLiteral"\"a\\\r\nb\"" StringLiteral"\"c\\\nd\""`},
	{"escaped CR then quote", "\"a\\\r\"", `StringLiteral"\"a\\\r\""`},
	{"escaped CRLF then LF", "\"a\\\r\n\nb\"", `Identifier"b" !1:0'"a\` + "\r\n\n" + `' !3:1'"'`},
	{"quote in other quotes", `"it's" 'say "hi"'`, `StringLiteral"\"it's\"" StringLiteral"'say \"hi\"'"`},
	{"unterminated string at newline", "x = \"abc\ny", `Identifier"x" Assign"=" Identifier"y" !1:4'"abc` + "\n" + `'`},
	{"unterminated string at EOF", `x "abc`, `Identifier"x" !1:2'"abc'`},
	{"unterminated after backslash", `"abc\`, `!1:0'"abc\'`},
	{"unterminated single", "'abc\r\nx", `Identifier"x" !1:0'` + "'abc\r" + `'`},
	{"unicode string", `unicode"héllo" unicode'x'`, `UnicodeStringLiteral"unicode\"héllo\"" UnicodeStringLiteral"unicode'x'"`},
	{"unicode unterminated", "unicode\"abc\nx", `Identifier"unicode" Identifier"x" !1:7'"abc` + "\n" + `'`},
	{"unicode prefix", `xunicode"a"`, `Identifier"xunicode" StringLiteral"\"a\""`},
	{"hex string", `hex"00ff" hex'A_b' hex""`, `HexStringLiteral"hex\"00ff\"" HexStringLiteral"hex'A_b'" HexStringLiteral"hex\"\""`},
	{"hex string bad", `hex"0g" hex"1_" hex"_1" hex"1__2" hex"1'`, `Identifier"hex" StringLiteral"\"0g\"" Identifier"hex" StringLiteral"\"1_\"" Identifier"hex" StringLiteral"\"_1\"" Identifier"hex" StringLiteral"\"1__2\"" Identifier"hex" !1:37'"1''`},
	// numbers
	{"decimals", "0 123 1_000 .5 1.5 1e3 1E3 1e-3 2.5e-10 .5e1 1_0.0_1e1_0", `DecimalNumber"0" DecimalNumber"123" DecimalNumber"1_000" DecimalNumber".5" DecimalNumber"1.5" DecimalNumber"1e3" DecimalNumber"1E3" DecimalNumber"1e-3" DecimalNumber"2.5e-10" DecimalNumber".5e1" DecimalNumber"1_0.0_1e1_0"`},
	{"decimal dot", "1. x", `DecimalNumber"1" Period"." Identifier"x"`},
	{"decimal member", "1.5.x 1..2", `DecimalNumber"1.5" Period"." Identifier"x" DecimalNumber"1" Period"." DecimalNumber".2"`},
	{"decimal bad underscores", "1__0 1_ 1_.5 1._5", `DecimalNumber"1" Identifier"__0" DecimalNumber"1" Identifier"_" DecimalNumber"1" Identifier"_" DecimalNumber".5" DecimalNumber"1" Period"." Identifier"_5"`},
	{"decimal bad exponent", "1e 1e- 1e_1 1e+1", `DecimalNumber"1" Identifier"e" DecimalNumber"1" Identifier"e" Sub"-" DecimalNumber"1" Identifier"e_1" DecimalNumber"1" Identifier"e" Add"+" DecimalNumber"1"`},
	{"hex numbers", "0x0 0XfF 0xdead_beef 0x1e5", `HexNumber"0x0" HexNumber"0XfF" HexNumber"0xdead_beef" HexNumber"0x1e5"`},
	{"hex number bad", "0x 0x_1 0x1_ 0xg 00x1", `DecimalNumber"0" Identifier"x" DecimalNumber"0" Identifier"x_1" HexNumber"0x1" Identifier"_" DecimalNumber"0" Identifier"xg" DecimalNumber"00" Identifier"x1"`},
	{"number then identifier", "123abc 1ether", `DecimalNumber"123" Identifier"abc" DecimalNumber"1" Ether"ether"`},
	// operators: the longest wins
	{"shifts", "a >>>= b >>> c >>= d >> e >= f > g <<= h << i <= j < k", `Identifier"a" AssignShr">>>=" Identifier"b" Shr">>>" Identifier"c" AssignSar">>=" Identifier"d" Sar">>" Identifier"e" GreaterThanOrEqual">=" Identifier"f" GreaterThan">" Identifier"g" AssignShl"<<=" Identifier"h" Shl"<<" Identifier"i" LessThanOrEqual"<=" Identifier"j" LessThan"<" Identifier"k"`},
	{"operator runs", ">>>>= **= =>= ===  !== ++= --- &&& |||", `Shr">>>" GreaterThanOrEqual">=" Exp"**" Assign"=" DoubleArrow"=>" Assign"=" Equal"==" Assign"=" NotEqual"!=" Assign"=" Inc"++" Assign"=" Dec"--" Sub"-" And"&&" BitAnd"&" Or"||" BitOr"|"`},
	{"compound assign", "|= ^= &= += -= *= /= %=", `AssignBitOr"|=" AssignBitXor"^=" AssignBitAnd"&=" AssignAdd"+=" AssignSub"-=" AssignMul"*=" AssignDiv"/=" AssignMod"%="`},
	{"punctuation", "()[]{}:;.,?~!^%", `LParen"(" RParen")" LBrack"[" RBrack"]" LBrace"{" RBrace"}" Colon":" Semicolon";" Period"." Comma"," Question"?" BitNot"~" Not"!" BitXor"^" Mod"%"`},
	// trivia and comments
	{"whitespace", " \t\f\r\n x \v y", `Identifier"x" Identifier"y" !2:3'` + "\v" + `'`},
	{"BOM", "\uFEFFcontract \uFEFF C", `Contract"contract" Identifier"C"`},
	{"comments", "a // line\r\nb /* block */ c /**/ d /***/ e /* * / ** */", `Identifier"a" ~LineComment"// line" Identifier"b" ~BlockComment"/* block */" Identifier"c" ~BlockComment"/**/" Identifier"d" ~BlockComment"/***/" Identifier"e" ~BlockComment"/* * / ** */"`},
	{"comment ends at first close", "/* a */ b */", `~BlockComment"/* a */" Identifier"b" Mul"*" Div"/"`},
	{"natspec", "/// @notice x\n/** @dev y */", `~LineComment"/// @notice x" ~BlockComment"/** @dev y */"`},
	{"line comment at EOF", "x //", `Identifier"x" ~LineComment"//"`},
	{"unterminated comment", "x /* never\n closed *", `Identifier"x" UnterminatedBlockComment"/* never\n closed *"`},
	{"unterminated comment slash", "/*/", `UnterminatedBlockComment"/*/"`},
	{"division", "a / b /= c", `Identifier"a" Div"/" Identifier"b" AssignDiv"/=" Identifier"c"`},
	// lines and columns count characters
	{"CRLF lines", "a\r\nb\rc\nd", `Identifier"a" Identifier"b" Identifier"c" Identifier"d"`},
	{"non-ASCII columns", "/* ü */ x \"é\" y", `~BlockComment"/* ü */" Identifier"x" StringLiteral"\"é\"" Identifier"y"`},
	// invalid characters: each its own error, the rest lexes on
	{"invalid chars", "a # @ ` \\ b", `Identifier"a" Identifier"b" !1:2'#' !1:4'@' !1:6'` + "`" + `' !1:8'\'`},
	{"invalid non-ASCII", "x é € 😀 y", `Identifier"x" Identifier"y" !1:2'é' !1:4'€' !1:6'😀'`},
	{"invalid UTF-8", "x \xff\xfe y \"\xc3\"", `Identifier"x" Identifier"y" StringLiteral"\"` + "\ufffd" + `\"" !1:2'` + "\ufffd" + `' !1:3'` + "\ufffd" + `'`},
	{"NUL", "a\x00b", `Identifier"a" Identifier"b" !1:1'` + "\x00" + `'`},
	// pragma mode
	{"pragma", "pragma solidity ^0.8.0;", `Pragma"pragma" PragmaToken" solidity ^0.8.0" PragmaSemicolon";"`},
	{"pragma blank before semicolon", "pragma solidity >=0.8.0 ;\npragma x\n ;", `Pragma"pragma" PragmaToken" solidity >=0.8.0 " PragmaSemicolon";" Pragma"pragma" PragmaToken" x" PragmaSemicolon"\n ;"`},
	{"pragma only blanks", "pragma ;pragma\t\r\n;", `Pragma"pragma" PragmaSemicolon" ;" Pragma"pragma" PragmaSemicolon"\t\r\n;"`},
	{"pragma continued", "pragma solidity >=0.6.0\n    <0.9.0;", `Pragma"pragma" PragmaToken" solidity >=0.6.0\n    <0.9.0" PragmaSemicolon";"`},
	{"pragma continuations", "pragma solidity ^0.7.0\r\n\r\n|| ^0.8.0\n*\n.\n=\n~\n1;", `Pragma"pragma" PragmaToken" solidity ^0.7.0\r\n\r\n|| ^0.8.0\n*\n.\n=\n~\n1" PragmaSemicolon";"`},
	{"pragma line end", "pragma solidity ^0.8.0\ncontract C {}", `Pragma"pragma" PragmaToken" solidity ^0.8.0" Contract"contract" Identifier"C" LBrace"{" RBrace"}"`},
	{"pragma blank line end", "pragma x\n\n y", `Pragma"pragma" PragmaToken" x" Identifier"y"`},
	{"pragma CR end", "pragma x\rcontract", `Pragma"pragma" PragmaToken" x" Contract"contract"`},
	{"pragma at EOF", "pragma solidity", `Pragma"pragma" PragmaToken" solidity"`},
	{"pragma alone", "pragma", `Pragma"pragma"`},
	{"pragma newline", "pragma\nx", `Pragma"pragma" Identifier"x"`},
	{"pragma newline version", "pragma\n^0.8.0;", `Pragma"pragma" PragmaToken"\n^0.8.0" PragmaSemicolon";"`},
	{"pragma blank then newline", "pragma \n\nx;", `Pragma"pragma" PragmaToken" " Identifier"x" Semicolon";"`},
	{"pragma keeps strings and comments", "pragma x \"a;\" // c;", `Pragma"pragma" PragmaToken" x \"a" PragmaSemicolon";" !1:12'" // c;'`},
	{"pragma form feed and unicode", "pragma \f\u00e9 x;", `Pragma"pragma" PragmaToken" \fé x" PragmaSemicolon";"`},
	{"pragma two", "pragma a;pragma b;", `Pragma"pragma" PragmaToken" a" PragmaSemicolon";" Pragma"pragma" PragmaToken" b" PragmaSemicolon";"`},
	{"pragmas identifier", "pragmas x;", `Identifier"pragmas" Identifier"x" Semicolon";"`},
	// assembly flags mode
	{"assembly", "assembly { }", `Assembly"assembly" AssemblyLBrace"{" YulRBrace"}"`},
	{"assembly flags", `assembly "memory-safe" ("x", "y") {}`, `Assembly"assembly" AssemblyFlagString"\"memory-safe\"" AssemblyLParen"(" AssemblyFlagString"\"x\"" AssemblyComma"," AssemblyFlagString"\"y\"" AssemblyRParen")" AssemblyLBrace"{" YulRBrace"}"`},
	{"assembly comments", "assembly /* a */ // b\n\"evmasm\" /* c {", `Assembly"assembly" ~AssemblyBlockComment"/* a */" ~AssemblyLineComment"// b" AssemblyFlagString"\"evmasm\"" UnterminatedBlockComment"/* c {"`},
	{"assembly bad", "assembly x 'y' / {} ", `Assembly"assembly" AssemblyLBrace"{" YulRBrace"}" !1:9'x' !1:11''' !1:12'y' !1:13''' !1:15'/ '`},
	{"assembly slash brace", "assembly /{ }", `Assembly"assembly" !1:9'/{' !1:12'}'`},
	{"assembly slash EOF", "assembly /", `Assembly"assembly" !1:9'/'`},
	{"assembly unterminated flag", "assembly \"ms\n{ }", `Assembly"assembly" AssemblyLBrace"{" YulRBrace"}" !1:9'"ms` + "\n" + `'`},
	{"assembly identifier", "assemblyx {}", `Identifier"assemblyx" LBrace"{" RBrace"}"`},
	// Yul
	{"yul", "assembly { let x := add(0x1F, 2) }", `Assembly"assembly" AssemblyLBrace"{" YulLet"let" YulIdentifier"x" YulAssign":=" YulIdentifier"add" YulLParen"(" YulHexNumber"0x1F" YulComma"," YulDecimalNumber"2" YulRParen")" YulRBrace"}"`},
	{"yul nested braces", "assembly { { { } } } }", `Assembly"assembly" AssemblyLBrace"{" YulLBrace"{" YulLBrace"{" YulRBrace"}" YulRBrace"}" YulRBrace"}" RBrace"}"`},
	{"yul keywords", "assembly { function f() -> r { leave } if 1 {} for {} 0 {} { break continue } switch x case 0 {} default {} true false }", `Assembly"assembly" AssemblyLBrace"{" YulFunction"function" YulIdentifier"f" YulLParen"(" YulRParen")" YulArrow"->" YulIdentifier"r" YulLBrace"{" YulLeave"leave" YulRBrace"}" YulIf"if" YulDecimalNumber"1" YulLBrace"{" YulRBrace"}" YulFor"for" YulLBrace"{" YulRBrace"}" YulDecimalNumber"0" YulLBrace"{" YulRBrace"}" YulLBrace"{" YulBreak"break" YulContinue"continue" YulRBrace"}" YulSwitch"switch" YulIdentifier"x" YulCase"case" YulDecimalNumber"0" YulLBrace"{" YulRBrace"}" YulDefault"default" YulLBrace"{" YulRBrace"}" YulTrue"true" YulFalse"false" YulRBrace"}"`},
	{"yul dotted identifiers", "assembly { x.slot := y.offset let.x lets }", `Assembly"assembly" AssemblyLBrace"{" YulIdentifier"x.slot" YulAssign":=" YulIdentifier"y.offset" YulIdentifier"let.x" YulIdentifier"lets" YulRBrace"}"`},
	{"yul numbers", "assembly { 0x 0X1 0x1_2 007 1.5 1e3 }", `Assembly"assembly" AssemblyLBrace"{" YulDecimalNumber"0" YulIdentifier"x" YulDecimalNumber"0" YulIdentifier"X1" YulHexNumber"0x1" YulIdentifier"_2" YulDecimalNumber"007" YulDecimalNumber"1" YulDecimalNumber"5" YulDecimalNumber"1" YulIdentifier"e3" YulRBrace"}" !1:29'.'`},
	{"yul strings", `assembly { "a\"b" 'c' hex"00" hex'' hex"0" hex"0_" }`, `Assembly"assembly" AssemblyLBrace"{" YulStringLiteral"\"a\\\"b\"" YulStringLiteral"'c'" YulHexStringLiteral"hex\"00\"" YulHexStringLiteral"hex''" YulHexStringLiteral"hex\"0\"" YulIdentifier"hex" YulStringLiteral"\"0_\"" YulRBrace"}"`},
	{"yul colon and stack assign", "assembly { x : y =: z :: }", `Assembly"assembly" AssemblyLBrace"{" YulIdentifier"x" YulColon":" YulIdentifier"y" YulStackAssign"=:" YulIdentifier"z" YulColon":" YulColon":" YulRBrace"}"`},
	{"yul lone equals and minus", "assembly { x = 1 - 2 }", `Assembly"assembly" AssemblyLBrace"{" YulIdentifier"x" YulDecimalNumber"1" YulDecimalNumber"2" YulRBrace"}" !1:13'= ' !1:17'- '`},
	{"yul equals at EOF", "assembly { x =", `Assembly"assembly" AssemblyLBrace"{" YulIdentifier"x" !1:13'='`},
	{"yul comments", "assembly { // a\n /* b */ x /* c", `Assembly"assembly" AssemblyLBrace"{" ~YulLineComment"// a" ~YulBlockComment"/* b */" YulIdentifier"x" UnterminatedBlockComment"/* c"`},
	{"yul lone slash", "assembly { a / b }", `Assembly"assembly" AssemblyLBrace"{" YulIdentifier"a" YulIdentifier"b" YulRBrace"}" !1:13'/ '`},
	{"yul invalid", "assembly { a ; b . # \uFEFF }", `Assembly"assembly" AssemblyLBrace"{" YulIdentifier"a" YulIdentifier"b" YulRBrace"}" !1:13';' !1:17'.' !1:19'#' !1:21'` + "\uFEFF" + `'`},
	{"yul unterminated string", "assembly { \"ab\n}", `Assembly"assembly" AssemblyLBrace"{" YulRBrace"}" !1:11'"ab` + "\n" + `'`},
	{"yul then solidity", "assembly { } uint x; assembly \"memory-safe\" { mstore(0, 1) } }", `Assembly"assembly" AssemblyLBrace"{" YulRBrace"}" ElementaryType"uint" Identifier"x" Semicolon";" Assembly"assembly" AssemblyFlagString"\"memory-safe\"" AssemblyLBrace"{" YulIdentifier"mstore" YulLParen"(" YulDecimalNumber"0" YulComma"," YulDecimalNumber"1" YulRParen")" YulRBrace"}" RBrace"}"`},
	{"yul keywords of solidity", "assembly { contract uint256 return }", `Assembly"assembly" AssemblyLBrace"{" YulIdentifier"contract" YulIdentifier"uint256" YulIdentifier"return" YulRBrace"}"`},
	{"empty", "", ``},
}

func TestLexerCases(t *testing.T) {
	for _, c := range lexCases {
		t.Run(c.name, func(t *testing.T) {
			if d := lexDiff(c.src); d != "" {
				t.Errorf("differs from ANTLR on %q: %s", c.src, d)
			}
			got, err := lexWith(newSolidityLexer(c.src), c.src)
			if err != nil {
				t.Fatal(err)
			}
			if s := summary(got); s != c.want {
				t.Errorf("lexing %q\n got: %s\nwant: %s", c.src, s, c.want)
			}
		})
	}
}

// TestLexerPositions checks the positions of the table's trickiest
// inputs in full: rune indexes and columns past non-ASCII text, lines
// after CR, LF and CRLF, and the EOF token.
func TestLexerPositions(t *testing.T) {
	src := "/* ü */ x\r\n\"é\"\ry\n\uFEFFz"
	got, err := lexWith(newSolidityLexer(src), src)
	if err != nil {
		t.Fatal(err)
	}
	want := []lexedToken{
		{gen.SolidityLexerBlockComment, antlr.TokenHiddenChannel, 0, 6, 1, 0, "/* ü */"},
		{gen.SolidityLexerIdentifier, 0, 8, 8, 1, 8, "x"},
		{gen.SolidityLexerStringLiteral, 0, 11, 13, 2, 0, `"é"`},
		{gen.SolidityLexerIdentifier, 0, 15, 15, 2, 4, "y"},
		{gen.SolidityLexerIdentifier, 0, 18, 18, 3, 1, "z"},
		{antlr.TokenEOF, 0, 19, 18, 3, 2, "<EOF>"},
	}
	if fmt.Sprint(got.Tokens) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got.Tokens, want)
	}
	if d := lexDiff(src); d != "" {
		t.Error(d)
	}
}

// TestLexerDiagnostics runs the error fixtures through ParseFile with each
// lexer: the hand lexer must not change a single diagnostic.
func TestLexerDiagnostics(t *testing.T) {
	inputs := []string{}
	for _, c := range lexCases {
		inputs = append(inputs, c.src, "contract C { function f() public { "+c.src+" } }")
	}
	paths, _ := filepath.Glob("../testdata/syntax/errors/*.sol")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	for _, src := range inputs {
		want := lexANTLR(src)
		got, err := lexWith(newSolidityLexer(src), src)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got.Errors) != fmt.Sprint(want.Errors) {
			t.Errorf("errors on %q:\n got %v\nwant %v", src, got.Errors, want.Errors)
		}
	}
}

// parseDump is everything parseFileWith returns, rendered for comparison.
func parseDump(t *testing.T, path string, src []byte, newLexer func(string) antlr.Lexer) string {
	t.Helper()
	unit, diags, stats := parseFileWith(source.NewFile(filepath.Base(path), path, src), newLexer)
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%+v\n", stats)
	for _, d := range diags {
		fmt.Fprintf(&buf, "%s:%d:%d: %s: %s\n", d.File, d.Line, d.Column, d.Severity, d.Message)
	}
	if err := ast.Dump(&buf, unit); err != nil {
		t.Fatal(err)
	}
	for _, c := range unit.Comments {
		fmt.Fprintf(&buf, "comment %v-%v %q\n", c.Src.Start, c.Src.End, c.Text)
	}
	return buf.String()
}

// TestParseWithEitherLexer parses the fixtures and the table's cases (bare
// and inside a function) with each lexer: the same diagnostics, stats,
// tree and comments.
func TestParseWithEitherLexer(t *testing.T) {
	antlrLexer := func(text string) antlr.Lexer { return gen.NewSolidityLexer(antlr.NewInputStream(text)) }
	handLexer := func(text string) antlr.Lexer { return newSolidityLexer(text) }
	type input struct {
		name string
		src  []byte
	}
	var inputs []input
	for _, c := range lexCases {
		inputs = append(inputs, input{c.name, []byte(c.src)},
			input{c.name + " in a function", []byte("contract C { function f() public { " + c.src + " } }")})
	}
	paths, _ := filepath.Glob("../testdata/syntax/*.sol")
	errPaths, _ := filepath.Glob("../testdata/syntax/errors/*.sol")
	for _, p := range append(paths, errPaths...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{p, b})
	}
	if len(paths) == 0 || len(errPaths) == 0 {
		t.Fatal("no fixtures under ../testdata/syntax")
	}
	for _, in := range inputs {
		want := parseDump(t, in.name, in.src, antlrLexer)
		got := parseDump(t, in.name, in.src, handLexer)
		if got != want {
			t.Errorf("%s: parse differs with the hand lexer:\n%s", in.name, firstDiff(want, got))
		}
	}
}

// TestLexerMatchesANTLR compares both lexers on every Solidity file of the
// repository's test data and of the audited corpus, token for token.
func TestLexerMatchesANTLR(t *testing.T) {
	t.Run("testdata", func(t *testing.T) {
		var files []string
		for _, p := range solidityFilesFollowingLinks(t, "../testdata") {
			if !strings.Contains(filepath.ToSlash(p), "/node_modules/") {
				files = append(files, p)
			}
		}
		if len(files) == 0 {
			t.Fatal("no .sol files under ../testdata")
		}
		compareFiles(t, files)
		// The fuzzers' saved inputs too.
		seeds, _ := filepath.Glob("testdata/fuzz/*/*")
		for _, p := range seeds {
			if data, ok := readFuzzInput(t, p); ok {
				if d := lexDiff(string(data)); d != "" {
					t.Errorf("%s: %s", p, d)
				}
			}
		}
	})
	t.Run("corpus", func(t *testing.T) {
		dir := requireCorpus(t, "")
		files := solidityFilesFollowingLinks(t, dir)
		if len(files) == 0 {
			t.Fatalf("no .sol files under %s", dir)
		}
		compareFiles(t, files)
		t.Logf("%d files", len(files))
	})
}

func compareFiles(t *testing.T, files []string) {
	t.Helper()
	var mu sync.Mutex
	var wg sync.WaitGroup
	work := make(chan string)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range work {
				content, err := os.ReadFile(path)
				if err == nil {
					if d := lexDiff(string(content)); d != "" {
						err = fmt.Errorf("%s", d)
					}
				}
				if err != nil {
					mu.Lock()
					t.Errorf("%s: %v", path, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, p := range files {
		work <- p
	}
	close(work)
	wg.Wait()
}

// solidityFilesFollowingLinks lists the .sol files under dir, following
// symbolic links to directories (the corpus is one), each directory once.
func solidityFilesFollowingLinks(t *testing.T, dir string) []string {
	t.Helper()
	seen := map[string]bool{}
	var files []string
	var walk func(dir string)
	walk = func(dir string) {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil || seen[real] {
			return
		}
		seen[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			path := filepath.Join(dir, e.Name())
			info, err := os.Stat(path) // follows links
			if err != nil {
				continue
			}
			switch {
			case info.IsDir():
				walk(path)
			case strings.HasSuffix(path, ".sol"):
				files = append(files, path)
			}
		}
	}
	walk(dir)
	return files
}

// readFuzzInput reads a file of the fuzzer's corpus: a "go test fuzz v1"
// header and one []byte("…") line.
func readFuzzInput(t *testing.T, path string) ([]byte, bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(b, []byte("\n"))
	if len(lines) < 2 || string(lines[0]) != "go test fuzz v1" {
		return nil, false
	}
	lit := strings.TrimSuffix(strings.TrimPrefix(string(lines[1]), "[]byte("), ")")
	s, err := strconv.Unquote(lit)
	if err != nil {
		return nil, false
	}
	return []byte(s), true
}

// lexFragments are pieces that switch modes, start and end tokens, or
// sit on a tie between rules; strung together at random they reach
// combinations that byte-level fuzzing finds slowly.
var lexFragments = []string{
	"pragma", " solidity", " ^0.8.0", ";", "\n", "\r\n", "\r", " ", "\t", "\f", "\v", "\n>=0.7", "\n||", "\n\n;",
	"assembly", "\"memory-safe\"", "(", ")", ",", "{", "}", "{ }", "let", "x", "x.slot", ":=", "=:", "=", "-", "->", ":",
	"0x", "0X", "1f", "_", "1", "0", ".", "e", "E", "-5", "1_0", "hex", "unicode", "\"", "'", "\\", "\\\r\n", "é",
	"\uFEFF", "\xff", "/", "*", "/*", "*/", "//", "/**/", "**", "#", "uint", "256", "8", "x8", "bytes", "3", "fixed",
	"function", "leave", "true", "default", "case", ">>", ">", "<", "<=", "!", "&", "|", "^", "%", "+", "?", "~", "[", "]",
}

// TestLexerMatchesANTLRRandom compares both lexers on random strings of
// lexFragments, reproducibly.
func TestLexerMatchesANTLRRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.Reset()
		for k := rng.Intn(24); k >= 0; k-- {
			b.WriteString(lexFragments[rng.Intn(len(lexFragments))])
		}
		if d := lexDiff(b.String()); d != "" {
			t.Fatalf("lexers differ on %q: %s", b.String(), d)
		}
	}
}

// FuzzLexerMatchesANTLR compares both lexers on arbitrary input; the
// comparison also proves that the hand lexer terminates without panics.
func FuzzLexerMatchesANTLR(f *testing.F) {
	addSeeds(f)
	for _, c := range lexCases {
		f.Add([]byte(c.src))
	}
	f.Add([]byte(strings.Join(lexFragments, "")))
	f.Fuzz(func(t *testing.T, data []byte) {
		withinBound(t, data, func() {
			if d := lexDiff(string(data)); d != "" {
				t.Errorf("lexers differ on %q: %s", data, d)
			}
		})
	})
}

// BenchmarkLexOpenZeppelin lexes all of @openzeppelin/contracts to EOF
// with each lexer, as parseFile would.
func BenchmarkLexOpenZeppelin(b *testing.B) {
	files, total := loadCorpusFiles(b, "@openzeppelin/contracts")
	run := func(b *testing.B, newLexer func(string) antlr.TokenSource) {
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range files {
				l := newLexer(string(f.Content))
				for l.NextToken().GetTokenType() != antlr.TokenEOF {
				}
			}
		}
	}
	b.Run("antlr", func(b *testing.B) {
		run(b, func(s string) antlr.TokenSource { return gen.NewSolidityLexer(antlr.NewInputStream(s)) })
	})
	b.Run("hand", func(b *testing.B) {
		run(b, func(s string) antlr.TokenSource { return newSolidityLexer(s) })
	})
}
