package parser

import "github.com/sleuth-sec/sleuth/parser/gen"

// scanYul matches in YulMode, inside an assembly block's braces.
func (l *solidityLexer) scanYul(p int) (kind, end int) {
	s := l.src
	n := len(s)
	c := s[p]
	if charClass[c]&cIdentStart != 0 {
		e := p + 1
		for e < n && charClass[s[e]]&cYulPart != 0 {
			e++
		}
		word := s[p:e]
		if word == "hex" && e < n && (s[e] == '"' || s[e] == '\'') {
			if end, ok := scanHexString(s, e); ok {
				return gen.SolidityLexerYulHexStringLiteral, end
			}
		}
		return yulKeywordKind(word), e
	}
	if isDigit(c) {
		// YulHexNumber is '0x' (lower case only) and hex digits, no '_'.
		if c == '0' && p+2 < n && s[p+1] == 'x' && isHex(s[p+2]) {
			e := p + 3
			for e < n && isHex(s[e]) {
				e++
			}
			return gen.SolidityLexerYulHexNumber, e
		}
		e := p + 1
		for e < n && isDigit(s[e]) {
			e++
		}
		return gen.SolidityLexerYulDecimalNumber, e
	}
	next := byte(0)
	if p+1 < n {
		next = s[p+1]
	}
	switch c {
	case '{':
		return gen.SolidityLexerYulLBrace, p + 1
	case '}':
		return gen.SolidityLexerYulRBrace, p + 1
	case '(':
		return gen.SolidityLexerYulLParen, p + 1
	case ')':
		return gen.SolidityLexerYulRParen, p + 1
	case ',':
		return gen.SolidityLexerYulComma, p + 1
	case ':':
		if next == '=' {
			return gen.SolidityLexerYulAssign, p + 2
		}
		return gen.SolidityLexerYulColon, p + 1
	case '=':
		// Only `=:` starts with '='; a lone '=' fails at the next character.
		if next == ':' {
			return gen.SolidityLexerYulStackAssign, p + 2
		}
		return kindError, p + 1
	case '-':
		if next == '>' {
			return gen.SolidityLexerYulArrow, p + 2
		}
		return kindError, p + 1
	case '"', '\'':
		e, ok := scanString(s, p)
		if ok {
			return gen.SolidityLexerYulStringLiteral, e
		}
		return kindError, e
	case ' ', '\t', '\r', '\n', '\f':
		return kindSkip, scanWS(s, p)
	case '/':
		return scanComment(s, p, gen.SolidityLexerYulLineComment, gen.SolidityLexerYulBlockComment)
	}
	return kindError, p
}

// yulKeywordKind is the token type of a Yul word: the keywords come before
// YulIdentifier in the grammar, so they win the tie.
func yulKeywordKind(w string) int {
	switch w {
	case "let":
		return gen.SolidityLexerYulLet
	case "function":
		return gen.SolidityLexerYulFunction
	case "if":
		return gen.SolidityLexerYulIf
	case "for":
		return gen.SolidityLexerYulFor
	case "switch":
		return gen.SolidityLexerYulSwitch
	case "case":
		return gen.SolidityLexerYulCase
	case "default":
		return gen.SolidityLexerYulDefault
	case "leave":
		return gen.SolidityLexerYulLeave
	case "break":
		return gen.SolidityLexerYulBreak
	case "continue":
		return gen.SolidityLexerYulContinue
	case "true":
		return gen.SolidityLexerYulTrue
	case "false":
		return gen.SolidityLexerYulFalse
	}
	return gen.SolidityLexerYulIdentifier
}
