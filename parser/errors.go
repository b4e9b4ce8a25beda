package parser

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/antlr4-go/antlr/v4"

	"github.com/sleuth-sec/sleuth/parser/gen"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// errorCollector turns ANTLR's lexer and parser errors into diagnostics
// worded for a Solidity developer rather than for a grammar author.
type errorCollector struct {
	antlr.DefaultErrorListener
	file  *source.File
	diags []source.Diagnostic
	last  int // offset of the last error, to drop cascades at one spot
	// stopped is set once MaxErrors errors were collected; the parse is
	// abandoned and later errors are ignored.
	stopped bool
	// unterminated is set once an unclosed block comment was reported.
	unterminated bool
	// legacy holds the legacyKeywords the parser stopped at.
	legacy map[int]bool
}

func (c *errorCollector) SyntaxError(rec antlr.Recognizer, offending interface{}, line, column int, msg string, e antlr.RecognitionException) {
	if c.stopped {
		return
	}
	var message string
	offset := -1
	switch r := rec.(type) {
	case antlr.Parser:
		tok, _ := offending.(antlr.Token)
		if c.unterminated {
			// Everything after an unclosed comment is inside it; what the
			// parser says about the end of the file adds nothing.
			return
		}
		message = parserMessage(r, tok, msg, e)
		if tok != nil {
			offset = runeToByte(c.file, tok.GetStart())
			if _, ok := legacyKeywords[tok.GetTokenType()]; ok {
				if c.legacy == nil {
					c.legacy = map[int]bool{}
				}
				c.legacy[tok.GetTokenType()] = true
			}
		}
		if tok != nil && tok.GetTokenType() == gen.SolidityLexerUnterminatedBlockComment {
			c.unterminated = true
			message = "unterminated comment: this '/*' is never closed with '*/'"
			break
		}
		// A missing token belongs right after the previous one: the
		// forgotten ';' is at the end of its line, not before the next.
		if strings.HasPrefix(msg, "missing ") {
			if prev := r.GetTokenStream().LT(-1); prev != nil && prev.GetTokenType() != antlr.TokenEOF {
				offset = runeToByte(c.file, prev.GetStop()+1)
				if prev.GetTokenType() == gen.SolidityLexerPragmaToken {
					// An unfinished pragma swallows the rest of the file;
					// the ';' belongs at the end of its first line.
					if i := strings.IndexAny(prev.GetText(), "\r\n"); i >= 0 {
						offset = runeToByte(c.file, prev.GetStart()+len([]rune(prev.GetText()[:i])))
					}
				}
				message = fmt.Sprintf("expected %s after %s", missingWhat(r, msg), describeToken(prev))
			}
		}
	default:
		message = lexerMessage(msg)
	}
	if offset < 0 {
		offset = lineColumnOffset(c.file, line, column)
	}
	if len(c.diags) > 0 && offset == c.last {
		return // error recovery reporting again at the same token
	}
	c.last = offset
	d := source.At(c.file.Span(offset, offset), source.Error, message)
	c.diags = append(c.diags, d)
	if len(c.diags) >= MaxErrors {
		c.diags = append(c.diags, source.Diagnostic{File: c.file.Path, Line: d.Line, Column: d.Column,
			Severity: source.Error, Message: fmt.Sprintf("too many syntax errors (%d); the rest of the file was not parsed", MaxErrors)})
		c.stopped = true
		panic(errTooMany{})
	}
}

// parserMessage rewrites ANTLR's "mismatched input 'x' expecting {...}" and
// friends into "unexpected 'x'; expected ';' or an expression".
func parserMessage(p antlr.Parser, tok antlr.Token, msg string, e antlr.RecognitionException) string {
	found := describeToken(tok)
	switch {
	case strings.HasPrefix(msg, "missing "):
		// "missing ';' at 'x'": the parser inserted the token to recover.
		return fmt.Sprintf("expected %s before %s", missingWhat(p, msg), found)
	case strings.HasPrefix(msg, "extraneous input"):
		return fmt.Sprintf("unexpected %s%s", found, expectedSuffix(p))
	case strings.HasPrefix(msg, "no viable alternative"):
		return fmt.Sprintf("unexpected %s%s", found, expectedSuffix(p))
	default:
		return fmt.Sprintf("unexpected %s%s", found, expectedSuffix(p))
	}
}

func lexerMessage(msg string) string {
	text := strings.TrimPrefix(msg, "token recognition error at: ")
	text = strings.Trim(text, "'")
	switch {
	case strings.HasPrefix(text, `"`) || strings.HasPrefix(text, `'`) ||
		strings.HasPrefix(text, `hex"`) || strings.HasPrefix(text, `unicode"`):
		return "unterminated string literal"
	case strings.HasPrefix(text, "/*"):
		return "unterminated comment"
	case text == "":
		return "unexpected character"
	}
	r := []rune(text)
	return fmt.Sprintf("unexpected character %q", string(r[:1]))
}

func describeToken(tok antlr.Token) string {
	if tok == nil {
		return "input"
	}
	if tok.GetTokenType() == antlr.TokenEOF {
		return "end of file"
	}
	text := tok.GetText()
	if tok.GetTokenType() == gen.SolidityLexerPragmaToken {
		text = strings.TrimSpace(text)
		if i := strings.IndexAny(text, "\r\n"); i >= 0 {
			text = strings.TrimSpace(text[:i]) + " ..."
		}
		return fmt.Sprintf("pragma '%s'", shorten(text))
	}
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		text = text[:i] + "..."
	}
	text = shorten(text)
	switch tok.GetTokenType() {
	case gen.SolidityLexerIdentifier, gen.SolidityLexerYulIdentifier:
		return fmt.Sprintf("identifier '%s'", text)
	case gen.SolidityLexerDecimalNumber, gen.SolidityLexerHexNumber, gen.SolidityLexerYulDecimalNumber, gen.SolidityLexerYulHexNumber:
		return fmt.Sprintf("number %s", text)
	case gen.SolidityLexerStringLiteral, gen.SolidityLexerYulStringLiteral:
		return fmt.Sprintf("string %s", text)
	}
	return fmt.Sprintf("'%s'", text)
}

// shorten cuts text to at most 40 bytes without splitting a character.
func shorten(text string) string {
	if len(text) <= 40 {
		return text
	}
	cut := 37
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut] + "..."
}

// expectedSuffix summarises the tokens the parser could have accepted, in
// categories a developer thinks in: an expression, a type, a statement.
func expectedSuffix(p antlr.Parser) string {
	if list := expectedList(p); list != "" {
		return "; expected " + list
	}
	return ""
}

// expectedList is expectedSuffix without the "; expected " prefix.
func expectedList(p antlr.Parser) string {
	set := p.GetExpectedTokens()
	if set == nil {
		return ""
	}
	has := map[int]bool{}
	var expected []int
	for _, iv := range set.GetIntervals() {
		for t := iv.Start; t < iv.Stop; t++ {
			has[t] = true
			expected = append(expected, t)
		}
	}
	if len(expected) == 0 {
		return ""
	}
	var names []string
	expr := has[gen.SolidityLexerIdentifier] && has[gen.SolidityLexerDecimalNumber] ||
		has[gen.SolidityLexerYulIdentifier] && has[gen.SolidityLexerYulDecimalNumber]
	typ := !expr && has[gen.SolidityLexerElementaryType]
	ident := !expr && !typ && (has[gen.SolidityLexerIdentifier] || has[gen.SolidityLexerYulIdentifier])
	switch {
	case expr:
		names = append(names, "an expression")
	case typ:
		names = append(names, "a type")
	case ident:
		names = append(names, "an identifier")
	}
	var rest []string
	for _, t := range expected {
		switch {
		case expr && startsExpression(t), (typ || ident) && isIdentifierToken(t),
			typ && (t == gen.SolidityLexerElementaryType || t == gen.SolidityLexerAddress || t == gen.SolidityLexerMapping || t == gen.SolidityLexerFunction):
			continue
		case t == antlr.TokenEOF:
			rest = append(rest, "end of file")
		default:
			rest = append(rest, tokenDisplayName(t))
		}
	}
	if len(rest) > 6 {
		switch {
		case has[gen.SolidityLexerIf] || has[gen.SolidityLexerYulIf]:
			names = append(names[:0], "a statement")
		case has[antlr.TokenEOF]:
			names = append(names[:0], "end of file or a top-level declaration")
		default:
			names = append(names[:0], "a declaration")
		}
		rest = nil
	}
	sort.Strings(rest)
	names = append(names, rest...)
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// missingWhat names the token ANTLR reports as missing; a set of
// alternatives is summarised like an expected set.
func missingWhat(p antlr.Parser, msg string) string {
	what := strings.TrimPrefix(msg, "missing ")
	if i := strings.LastIndex(what, " at "); i >= 0 {
		what = what[:i]
	}
	if strings.HasPrefix(what, "{") {
		if list := expectedList(p); list != "" {
			return list
		}
	}
	return friendlyName(what)
}

// isIdentifierToken reports the identifier token and the contextual
// keywords the grammar also accepts as identifiers.
func isIdentifierToken(t int) bool {
	switch t {
	case gen.SolidityLexerIdentifier, gen.SolidityLexerAt, gen.SolidityLexerError, gen.SolidityLexerFallback,
		gen.SolidityLexerFrom, gen.SolidityLexerGlobal, gen.SolidityLexerLayout, gen.SolidityLexerReceive,
		gen.SolidityLexerRevert, gen.SolidityLexerTransient, gen.SolidityLexerYears, gen.SolidityLexerFinney,
		gen.SolidityLexerSzabo, gen.SolidityLexerYulIdentifier:
		return true
	}
	return false
}

// startsExpression reports tokens that an "an expression" summary covers.
func startsExpression(t int) bool {
	switch t {
	case gen.SolidityLexerDecimalNumber, gen.SolidityLexerHexNumber,
		gen.SolidityLexerStringLiteral, gen.SolidityLexerHexStringLiteral, gen.SolidityLexerUnicodeStringLiteral,
		gen.SolidityLexerTrue, gen.SolidityLexerFalse, gen.SolidityLexerLParen, gen.SolidityLexerLBrack,
		gen.SolidityLexerNew, gen.SolidityLexerType, gen.SolidityLexerPayable, gen.SolidityLexerAddress,
		gen.SolidityLexerElementaryType, gen.SolidityLexerDelete, gen.SolidityLexerNot, gen.SolidityLexerBitNot,
		gen.SolidityLexerInc, gen.SolidityLexerDec, gen.SolidityLexerSub, gen.SolidityLexerAdd,
		gen.SolidityLexerYulDecimalNumber, gen.SolidityLexerYulHexNumber, gen.SolidityLexerYulStringLiteral,
		gen.SolidityLexerYulHexStringLiteral, gen.SolidityLexerYulTrue, gen.SolidityLexerYulFalse:
		return true
	}
	return isIdentifierToken(t)
}

// Token display names come from the lexer: the parser grammar refers to
// tokens by symbolic name, so the parser's literal-name table is empty.
var lexerLiteralNames, lexerSymbolicNames = func() ([]string, []string) {
	l := gen.NewSolidityLexer(antlr.NewInputStream(""))
	return l.LiteralNames, l.SymbolicNames
}()

func tokenDisplayName(t int) string {
	if t >= 0 && t < len(lexerLiteralNames) && lexerLiteralNames[t] != "" {
		return lexerLiteralNames[t]
	}
	if t >= 0 && t < len(lexerSymbolicNames) {
		return friendlyName(lexerSymbolicNames[t])
	}
	return "input"
}

var friendlyNames = map[string]string{
	"Identifier":           "an identifier",
	"YulIdentifier":        "an identifier",
	"DecimalNumber":        "a number",
	"HexNumber":            "a number",
	"YulDecimalNumber":     "a number",
	"YulHexNumber":         "a number",
	"StringLiteral":        "a string",
	"YulStringLiteral":     "a string",
	"AssemblyFlagString":   "a string",
	"HexStringLiteral":     "a hex string",
	"UnicodeStringLiteral": "a unicode string",
	"ElementaryType":       "a type",
	"PragmaToken":          "a pragma",
	"<EOF>":                "end of file",
	// Literals that several lexer modes share, which ANTLR leaves unnamed.
	"Break": "'break'", "Continue": "'continue'", "False": "'false'", "True": "'true'",
	"For": "'for'", "Function": "'function'", "If": "'if'",
	"LParen": "'('", "RParen": "')'", "LBrace": "'{'", "RBrace": "'}'",
	"Colon": "':'", "Semicolon": "';'", "Comma": "','", "PragmaSemicolon": "';'",
	"AssemblyLParen": "'('", "AssemblyRParen": "')'", "AssemblyComma": "','", "AssemblyLBrace": "'{'",
	"YulLBrace": "'{'", "YulRBrace": "'}'", "YulLParen": "'('", "YulRParen": "')'", "YulComma": "','",
	"YulColon": "':'", "YulFunction": "'function'", "YulIf": "'if'", "YulFor": "'for'",
}

func friendlyName(name string) string {
	if n, ok := friendlyNames[name]; ok {
		return n
	}
	for t, sym := range lexerSymbolicNames {
		if sym == name && t < len(lexerLiteralNames) && lexerLiteralNames[t] != "" {
			return lexerLiteralNames[t]
		}
	}
	return name
}

func lineColumnOffset(f *source.File, line, column int) int {
	// ANTLR columns count characters from 0; walk the line to the byte.
	off := 0
	for l := 1; l < line && off < len(f.Content); off++ {
		if f.Content[off] == '\n' {
			l++
		}
	}
	for c := 0; c < column && off < len(f.Content); c++ {
		_, size := decodeRune(f.Content[off:])
		off += size
	}
	return off
}
