package parser

import (
	"strings"
	"unicode/utf8"

	"github.com/antlr4-go/antlr/v4"

	"github.com/sleuth-sec/sleuth/parser/gen"
)

// solidityLexer is a hand-written lexer for grammar/SolidityLexer.g4. It
// produces the token stream of the generated gen.SolidityLexer exactly
// (types, channels, rune positions, lines, columns, text and error
// reports), so gen.SolidityParser and everything after it are unchanged;
// it is several times faster, and shares no DFA, hence no lock, between
// goroutines. The generated lexer remains the reference that the tests
// compare it with, on the corpus and under fuzzing.
//
// It matches as ANTLR does: the longest match wins, and of equally long
// matches the rule written first in the grammar. Where no rule matches,
// ANTLR reports the text from the token start through the character at
// which every rule had failed, drops that text, and resumes after it.
//
// The input is scanned as bytes: every character the grammar names is
// ASCII, and UTF-8 never hides an ASCII byte inside a multi-byte
// character, so byte-level matching finds the same token ends. Only
// positions count characters, as ANTLR indexes runes (an invalid byte
// being one U+FFFD, as Go's []rune conversion makes it).
type solidityLexer struct {
	// BaseLexer gives the error-listener registry, the unexported half of
	// antlr.TokenSource, and the token-source/char-stream pair tokens
	// refer to; its own matching machinery is never run.
	*antlr.BaseLexer
	src    string
	stream *runeStream
	pair   *antlr.TokenSourceCharStreamPair

	pos     int // byte offset of the next character
	idx     int // rune index of the next character
	line    int // 1-based line of the next character
	lineIdx int // rune index of the first character of that line
	mode    int
	modes   []int // the mode stack of pushMode/popMode
}

// Token kinds internal to the scanners, beside the gen token types.
const (
	kindSkip  = antlr.LexerSkip // matched, and no token is emitted
	kindError = -100            // no rule matches; end is where all failed
)

func newSolidityLexer(text string) *solidityLexer {
	stream := newRuneStream(text)
	base := antlr.NewBaseLexer(stream)
	// Tokens ask their source for its position when they are made (the
	// factory then overrides it); a bare simulator answers without an ATN.
	base.Interpreter = antlr.NewLexerATNSimulator(nil, nil, nil, nil)
	base.GrammarFileName = "SolidityLexer.g4"
	l := &solidityLexer{
		BaseLexer: base,
		src:       text,
		stream:    stream,
		pair:      base.GetTokenSourceCharStreamPair(),
		line:      1,
	}
	base.Virt = l
	return l
}

// GetLine and GetCharPositionInLine give the position of the next
// character, as ANTLR's lexer does.
func (l *solidityLexer) GetLine() int               { return l.line }
func (l *solidityLexer) GetCharPositionInLine() int { return l.idx - l.lineIdx }

// NextToken returns the next token on any channel, or EOF at the end.
func (l *solidityLexer) NextToken() antlr.Token {
	for {
		if l.pos >= len(l.src) {
			return antlr.CommonTokenFactoryDEFAULT.Create(l.pair, antlr.TokenEOF, "", antlr.TokenDefaultChannel,
				l.idx, l.idx-1, l.line, l.idx-l.lineIdx)
		}
		startPos, startIdx, line, col := l.pos, l.idx, l.line, l.idx-l.lineIdx
		var kind, end int
		switch l.mode {
		case gen.SolidityLexerPragmaMode:
			kind, end = l.scanPragma(startPos)
		case gen.SolidityLexerAssemblyBlockMode:
			kind, end = l.scanAssemblyBlock(startPos)
		case gen.SolidityLexerYulMode:
			kind, end = l.scanYul(startPos)
		default:
			kind, end = l.scanDefault(startPos)
		}
		if kind == kindError {
			// ANTLR's message covers the character it failed at, and its
			// recovery drops that character too.
			if end < len(l.src) {
				end += runeWidth(l.src, end)
			}
			l.advance(end)
			l.reportError(startIdx, line, col)
			continue
		}
		if kind >= 0 && plainKind[kind] {
			l.idx += end - l.pos
			l.pos = end
		} else {
			l.advance(end)
		}
		l.action(kind)
		if kind == kindSkip || kind == gen.SolidityLexerPragmaLineEnd {
			continue
		}
		channel := antlr.TokenDefaultChannel
		switch kind {
		case gen.SolidityLexerBlockComment, gen.SolidityLexerLineComment,
			gen.SolidityLexerAssemblyBlockComment, gen.SolidityLexerAssemblyLineComment,
			gen.SolidityLexerYulBlockComment, gen.SolidityLexerYulLineComment:
			channel = antlr.TokenHiddenChannel
		}
		// No text: GetText reads it from the stream, a fresh copy each
		// time, as with ANTLR's lexer. A substring of the input would be
		// cheaper, but would keep the whole input alive as long as the
		// syntax tree holds a literal's or a name's text.
		return antlr.CommonTokenFactoryDEFAULT.Create(l.pair, kind, "", channel, startIdx, l.idx-1, line, col)
	}
}

// action runs the grammar's mode commands for a matched token.
func (l *solidityLexer) action(kind int) {
	switch kind {
	case gen.SolidityLexerPragma:
		l.pushMode(gen.SolidityLexerPragmaMode)
	case gen.SolidityLexerAssembly:
		l.pushMode(gen.SolidityLexerAssemblyBlockMode)
	case gen.SolidityLexerPragmaSemicolon, gen.SolidityLexerPragmaLineEnd, gen.SolidityLexerYulRBrace:
		l.popMode()
	case gen.SolidityLexerAssemblyLBrace:
		// popMode, pushMode(YulMode): the stack is unchanged.
		l.mode = gen.SolidityLexerYulMode
	case gen.SolidityLexerYulLBrace:
		l.pushMode(gen.SolidityLexerYulMode)
	}
}

func (l *solidityLexer) pushMode(m int) {
	l.modes = append(l.modes, l.mode)
	l.mode = m
}

// popMode cannot find the stack empty: every mode that pops was pushed.
// Should it, the default mode is the safe answer (ANTLR would panic).
func (l *solidityLexer) popMode() {
	if n := len(l.modes); n > 0 {
		l.mode = l.modes[n-1]
		l.modes = l.modes[:n-1]
		return
	}
	l.mode = antlr.LexerDefaultMode
}

// advance moves to byte offset end, counting characters and lines.
func (l *solidityLexer) advance(end int) {
	seg := l.src[l.pos:end]
	if len(seg) <= 16 && l.stream.ascii {
		// Short (mostly white space): a plain loop beats three calls.
		for i := 0; i < len(seg); i++ {
			if seg[i] == '\n' {
				l.line++
				l.lineIdx = l.idx + i + 1
			}
		}
		l.idx += len(seg)
		l.pos = end
		return
	}
	if i := strings.LastIndexByte(seg, '\n'); i >= 0 {
		l.line += strings.Count(seg[:i], "\n") + 1
		l.lineIdx = l.idx + l.runeCount(seg[:i+1])
	}
	l.idx += l.runeCount(seg)
	l.pos = end
}

func (l *solidityLexer) runeCount(s string) int {
	if l.stream.ascii {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// plainKind holds the token types whose text is ASCII on one line, for
// which advance's counting is skipped.
var plainKind = func() (t [gen.SolidityLexerYulLineComment + 1]bool) {
	for i := range t {
		t[i] = true
	}
	for _, k := range []int{
		gen.SolidityLexerStringLiteral, gen.SolidityLexerUnicodeStringLiteral, gen.SolidityLexerWS,
		gen.SolidityLexerByteOrderMark, gen.SolidityLexerBlockComment, gen.SolidityLexerLineComment,
		gen.SolidityLexerUnterminatedBlockComment, gen.SolidityLexerPragmaToken, gen.SolidityLexerPragmaSemicolon,
		gen.SolidityLexerPragmaLineEnd, gen.SolidityLexerAssemblyFlagString, gen.SolidityLexerAssemblyWS,
		gen.SolidityLexerAssemblyBlockComment, gen.SolidityLexerAssemblyLineComment, gen.SolidityLexerYulStringLiteral,
		gen.SolidityLexerYulWS, gen.SolidityLexerYulBlockComment, gen.SolidityLexerYulLineComment,
	} {
		t[k] = false
	}
	return t
}()

// reportError tells the error listeners what ANTLR's lexer would: the
// unmatched text, at the line and column where it starts.
func (l *solidityLexer) reportError(startIdx, line, col int) {
	msg := "token recognition error at: '" + l.stream.GetText(startIdx, l.idx-1) + "'"
	e := antlr.NewLexerNoViableAltException(l, l.stream, startIdx, nil)
	l.GetErrorListenerDispatch().SyntaxError(l, nil, line, col, msg, e)
}

func runeWidth(s string, p int) int {
	if s[p] < utf8.RuneSelf {
		return 1
	}
	_, w := utf8.DecodeRuneInString(s[p:])
	return w
}

// ---- character classes ------------------------------------------------------------

const (
	cIdentStart = 1 << iota // [a-zA-Z$_]
	cDigit                  // [0-9]
	cHex                    // [0-9a-fA-F]
	cWS                     // [ \t\r\n\f], the WS rules
	cVersion                // [0-9^~<>=|*.], what continues a pragma on a new line
	cYulPart                // [a-zA-Z0-9$_.]
)

var charClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '$', c == '_':
			t[c] |= cIdentStart | cYulPart
		case c >= '0' && c <= '9':
			t[c] |= cDigit | cVersion | cYulPart
		}
		if c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c >= '0' && c <= '9' {
			t[c] |= cHex
		}
	}
	for _, c := range " \t\r\n\f" {
		t[c] |= cWS
	}
	for _, c := range "^~<>=|*." {
		t[c] |= cVersion
	}
	t['.'] |= cYulPart
	return t
}()

func isDigit(c byte) bool { return charClass[c]&cDigit != 0 }
func isHex(c byte) bool   { return charClass[c]&cHex != 0 }

// ---- default mode -----------------------------------------------------------------

func (l *solidityLexer) scanDefault(p int) (kind, end int) {
	s := l.src
	n := len(s)
	c := s[p]
	if charClass[c]&cIdentStart != 0 {
		e := p + 1
		for e < n && charClass[s[e]]&(cIdentStart|cDigit) != 0 {
			e++
		}
		word := s[p:e]
		if e < n && (s[e] == '"' || s[e] == '\'') {
			// hex"…" and unicode"…" are longer than the identifier when
			// complete; otherwise the identifier stands.
			switch word {
			case "hex":
				if end, ok := scanHexString(s, e); ok {
					return gen.SolidityLexerHexStringLiteral, end
				}
			case "unicode":
				if end, ok := scanString(s, e); ok {
					return gen.SolidityLexerUnicodeStringLiteral, end
				}
			}
		}
		return keywordKind(word), e
	}
	if isDigit(c) {
		if c == '0' && p+2 < n && (s[p+1] == 'x' || s[p+1] == 'X') && isHex(s[p+2]) {
			return gen.SolidityLexerHexNumber, scanHexDigits(s, p+2)
		}
		return gen.SolidityLexerDecimalNumber, scanDecimal(s, p)
	}
	next := byte(0)
	if p+1 < n {
		next = s[p+1]
	}
	switch c {
	case ' ', '\t', '\r', '\n', '\f':
		return kindSkip, scanWS(s, p)
	case '"', '\'':
		e, ok := scanString(s, p)
		if ok {
			return gen.SolidityLexerStringLiteral, e
		}
		return kindError, e
	case '.':
		if isDigit(next) {
			return gen.SolidityLexerDecimalNumber, scanDecimal(s, p)
		}
		return gen.SolidityLexerPeriod, p + 1
	case '/':
		switch next {
		case '/':
			return gen.SolidityLexerLineComment, scanLineComment(s, p)
		case '*':
			if end, ok := scanBlockComment(s, p); ok {
				return gen.SolidityLexerBlockComment, end
			}
			return gen.SolidityLexerUnterminatedBlockComment, n
		case '=':
			return gen.SolidityLexerAssignDiv, p + 2
		}
		return gen.SolidityLexerDiv, p + 1
	case '(':
		return gen.SolidityLexerLParen, p + 1
	case ')':
		return gen.SolidityLexerRParen, p + 1
	case '[':
		return gen.SolidityLexerLBrack, p + 1
	case ']':
		return gen.SolidityLexerRBrack, p + 1
	case '{':
		return gen.SolidityLexerLBrace, p + 1
	case '}':
		return gen.SolidityLexerRBrace, p + 1
	case ':':
		return gen.SolidityLexerColon, p + 1
	case ';':
		return gen.SolidityLexerSemicolon, p + 1
	case ',':
		return gen.SolidityLexerComma, p + 1
	case '?':
		return gen.SolidityLexerQuestion, p + 1
	case '~':
		return gen.SolidityLexerBitNot, p + 1
	case '=':
		switch next {
		case '>':
			return gen.SolidityLexerDoubleArrow, p + 2
		case '=':
			return gen.SolidityLexerEqual, p + 2
		}
		return gen.SolidityLexerAssign, p + 1
	case '!':
		if next == '=' {
			return gen.SolidityLexerNotEqual, p + 2
		}
		return gen.SolidityLexerNot, p + 1
	case '|':
		switch next {
		case '=':
			return gen.SolidityLexerAssignBitOr, p + 2
		case '|':
			return gen.SolidityLexerOr, p + 2
		}
		return gen.SolidityLexerBitOr, p + 1
	case '&':
		switch next {
		case '=':
			return gen.SolidityLexerAssignBitAnd, p + 2
		case '&':
			return gen.SolidityLexerAnd, p + 2
		}
		return gen.SolidityLexerBitAnd, p + 1
	case '^':
		if next == '=' {
			return gen.SolidityLexerAssignBitXor, p + 2
		}
		return gen.SolidityLexerBitXor, p + 1
	case '+':
		switch next {
		case '=':
			return gen.SolidityLexerAssignAdd, p + 2
		case '+':
			return gen.SolidityLexerInc, p + 2
		}
		return gen.SolidityLexerAdd, p + 1
	case '-':
		switch next {
		case '=':
			return gen.SolidityLexerAssignSub, p + 2
		case '-':
			return gen.SolidityLexerDec, p + 2
		}
		return gen.SolidityLexerSub, p + 1
	case '*':
		switch next {
		case '=':
			return gen.SolidityLexerAssignMul, p + 2
		case '*':
			return gen.SolidityLexerExp, p + 2
		}
		return gen.SolidityLexerMul, p + 1
	case '%':
		if next == '=' {
			return gen.SolidityLexerAssignMod, p + 2
		}
		return gen.SolidityLexerMod, p + 1
	case '<':
		switch next {
		case '<':
			if p+2 < n && s[p+2] == '=' {
				return gen.SolidityLexerAssignShl, p + 3
			}
			return gen.SolidityLexerShl, p + 2
		case '=':
			return gen.SolidityLexerLessThanOrEqual, p + 2
		}
		return gen.SolidityLexerLessThan, p + 1
	case '>':
		switch next {
		case '>':
			if p+2 < n {
				switch s[p+2] {
				case '=':
					return gen.SolidityLexerAssignSar, p + 3
				case '>':
					if p+3 < n && s[p+3] == '=' {
						return gen.SolidityLexerAssignShr, p + 4
					}
					return gen.SolidityLexerShr, p + 3
				}
			}
			return gen.SolidityLexerSar, p + 2
		case '=':
			return gen.SolidityLexerGreaterThanOrEqual, p + 2
		}
		return gen.SolidityLexerGreaterThan, p + 1
	case 0xEF:
		if next == 0xBB && p+2 < n && s[p+2] == 0xBF { // U+FEFF, the byte-order mark
			return kindSkip, p + 3
		}
	}
	return kindError, p
}

// keywordKind is the token type of an identifier-like word: a keyword or
// elementary type (the earlier rules win the tie) or else an identifier.
func keywordKind(w string) int {
	if w[0] < 'a' || w[0] > 'y' {
		return gen.SolidityLexerIdentifier
	}
	switch w {
	case "abstract":
		return gen.SolidityLexerAbstract
	case "address":
		return gen.SolidityLexerAddress
	case "anonymous":
		return gen.SolidityLexerAnonymous
	case "as":
		return gen.SolidityLexerAs
	case "assembly":
		return gen.SolidityLexerAssembly
	case "break":
		return gen.SolidityLexerBreak
	case "calldata":
		return gen.SolidityLexerCalldata
	case "catch":
		return gen.SolidityLexerCatch
	case "constant":
		return gen.SolidityLexerConstant
	case "constructor":
		return gen.SolidityLexerConstructor
	case "continue":
		return gen.SolidityLexerContinue
	case "contract":
		return gen.SolidityLexerContract
	case "delete":
		return gen.SolidityLexerDelete
	case "do":
		return gen.SolidityLexerDo
	case "else":
		return gen.SolidityLexerElse
	case "emit":
		return gen.SolidityLexerEmit
	case "enum":
		return gen.SolidityLexerEnum
	case "event":
		return gen.SolidityLexerEvent
	case "external":
		return gen.SolidityLexerExternal
	case "false":
		return gen.SolidityLexerFalse
	case "for":
		return gen.SolidityLexerFor
	case "function":
		return gen.SolidityLexerFunction
	case "if":
		return gen.SolidityLexerIf
	case "immutable":
		return gen.SolidityLexerImmutable
	case "import":
		return gen.SolidityLexerImport
	case "indexed":
		return gen.SolidityLexerIndexed
	case "interface":
		return gen.SolidityLexerInterface
	case "internal":
		return gen.SolidityLexerInternal
	case "is":
		return gen.SolidityLexerIs
	case "library":
		return gen.SolidityLexerLibrary
	case "mapping":
		return gen.SolidityLexerMapping
	case "memory":
		return gen.SolidityLexerMemory
	case "modifier":
		return gen.SolidityLexerModifier
	case "new":
		return gen.SolidityLexerNew
	case "override":
		return gen.SolidityLexerOverride
	case "payable":
		return gen.SolidityLexerPayable
	case "pragma":
		return gen.SolidityLexerPragma
	case "private":
		return gen.SolidityLexerPrivate
	case "public":
		return gen.SolidityLexerPublic
	case "pure":
		return gen.SolidityLexerPure
	case "return":
		return gen.SolidityLexerReturn
	case "returns":
		return gen.SolidityLexerReturns
	case "storage":
		return gen.SolidityLexerStorage
	case "struct":
		return gen.SolidityLexerStruct
	case "throw":
		return gen.SolidityLexerThrow
	case "true":
		return gen.SolidityLexerTrue
	case "try":
		return gen.SolidityLexerTry
	case "type":
		return gen.SolidityLexerType
	case "unchecked":
		return gen.SolidityLexerUnchecked
	case "using":
		return gen.SolidityLexerUsing
	case "var":
		return gen.SolidityLexerVar
	case "view":
		return gen.SolidityLexerView
	case "virtual":
		return gen.SolidityLexerVirtual
	case "while":
		return gen.SolidityLexerWhile
	case "at":
		return gen.SolidityLexerAt
	case "error":
		return gen.SolidityLexerError
	case "fallback":
		return gen.SolidityLexerFallback
	case "from":
		return gen.SolidityLexerFrom
	case "global":
		return gen.SolidityLexerGlobal
	case "layout":
		return gen.SolidityLexerLayout
	case "receive":
		return gen.SolidityLexerReceive
	case "revert":
		return gen.SolidityLexerRevert
	case "transient":
		return gen.SolidityLexerTransient
	case "wei":
		return gen.SolidityLexerWei
	case "gwei":
		return gen.SolidityLexerGwei
	case "ether":
		return gen.SolidityLexerEther
	case "seconds":
		return gen.SolidityLexerSeconds
	case "minutes":
		return gen.SolidityLexerMinutes
	case "hours":
		return gen.SolidityLexerHours
	case "days":
		return gen.SolidityLexerDays
	case "weeks":
		return gen.SolidityLexerWeeks
	case "years":
		return gen.SolidityLexerYears
	case "finney":
		return gen.SolidityLexerFinney
	case "szabo":
		return gen.SolidityLexerSzabo
	case "bool", "string", "byte", "int", "uint", "bytes", "fixed", "ufixed":
		return gen.SolidityLexerElementaryType
	}
	if isSizedType(w) {
		return gen.SolidityLexerElementaryType
	}
	return gen.SolidityLexerIdentifier
}

// isSizedType reports intN/uintN (IntSize), bytesN (BytesSize) and
// fixedMxN/ufixedMxN (FixedSize) with the sizes the grammar allows.
func isSizedType(w string) bool {
	switch {
	case len(w) > 3 && w[:3] == "int":
		return isIntSize(w[3:])
	case len(w) > 4 && w[:4] == "uint":
		return isIntSize(w[4:])
	case len(w) > 5 && w[:5] == "bytes":
		switch d := w[5:]; len(d) {
		case 1:
			return d[0] >= '1' && d[0] <= '9'
		case 2:
			return (d[0] == '1' || d[0] == '2') && isDigit(d[1]) || d[0] == '3' && d[1] >= '0' && d[1] <= '2'
		}
		return false
	case len(w) > 5 && w[:5] == "fixed":
		return isFixedSize(w[5:])
	case len(w) > 6 && w[:6] == "ufixed":
		return isFixedSize(w[6:])
	}
	return false
}

// isIntSize reports a multiple of 8 from 8 to 256, without leading zeros.
func isIntSize(d string) bool {
	if len(d) == 0 || len(d) > 3 || d[0] == '0' {
		return false
	}
	v := 0
	for i := 0; i < len(d); i++ {
		if !isDigit(d[i]) {
			return false
		}
		v = v*10 + int(d[i]-'0')
	}
	return v%8 == 0 && v <= 256
}

// isFixedSize reports IntSize 'x' [0-9]+.
func isFixedSize(d string) bool {
	x := -1
	for i := 0; i < len(d); i++ {
		if d[i] == 'x' {
			x = i
			break
		}
	}
	if x < 0 || x == len(d)-1 || !isIntSize(d[:x]) {
		return false
	}
	for i := x + 1; i < len(d); i++ {
		if !isDigit(d[i]) {
			return false
		}
	}
	return true
}

// ---- shared scanners: each returns the byte offset just past its match --------------------

// scanWS matches [ \t\r\n\f]+ from p.
func scanWS(s string, p int) int {
	e := p + 1
	for e < len(s) && charClass[s[e]]&cWS != 0 {
		e++
	}
	return e
}

// scanString matches a quoted string whose quote is at p, with the
// grammar's escapes ('\\' then "\r\n" or any one character). Unterminated
// (at a line break or the end of input), it returns where matching failed.
func scanString(s string, p int) (end int, ok bool) {
	q := s[p]
	n := len(s)
	for e := p + 1; e < n; {
		switch c := s[e]; c {
		case q:
			return e + 1, true
		case '\r', '\n':
			return e, false
		case '\\':
			switch {
			case e+1 >= n:
				return n, false
			case s[e+1] == '\r' && e+2 < n && s[e+2] == '\n':
				e += 3
			default:
				e += 1 + runeWidth(s, e+1)
			}
		default:
			e++
		}
	}
	return n, false
}

// scanHexString matches the quoted part of hex"…" (HexDigits?), the quote
// at p.
func scanHexString(s string, p int) (end int, ok bool) {
	q := s[p]
	e := p + 1
	if e < len(s) && isHex(s[e]) {
		e = scanHexDigits(s, e)
	}
	if e < len(s) && s[e] == q {
		return e + 1, true
	}
	return e, false
}

// scanHexDigits matches HexDigit ('_'? HexDigit)* from a hex digit at p.
func scanHexDigits(s string, p int) int {
	e := p + 1
	for e < len(s) {
		if isHex(s[e]) {
			e++
		} else if s[e] == '_' && e+1 < len(s) && isHex(s[e+1]) {
			e += 2
		} else {
			break
		}
	}
	return e
}

// scanDigits matches DecimalDigits, [0-9] ('_'? [0-9])*, from a digit at p.
func scanDigits(s string, p int) int {
	e := p + 1
	for e < len(s) {
		if isDigit(s[e]) {
			e++
		} else if s[e] == '_' && e+1 < len(s) && isDigit(s[e+1]) {
			e += 2
		} else {
			break
		}
	}
	return e
}

// scanDecimal matches DecimalNumber from a digit, or a '.' before a digit,
// at p. Each optional part is taken whenever it can be: that is the
// longest match.
func scanDecimal(s string, p int) int {
	e := p
	if isDigit(s[e]) {
		e = scanDigits(s, e)
	}
	if e+1 < len(s) && s[e] == '.' && isDigit(s[e+1]) {
		e = scanDigits(s, e+1)
	}
	if e < len(s) && (s[e] == 'e' || s[e] == 'E') {
		q := e + 1
		if q < len(s) && s[q] == '-' {
			q++
		}
		if q < len(s) && isDigit(s[q]) {
			e = scanDigits(s, q)
		}
	}
	return e
}

// scanLineComment matches '//' ~[\r\n]* from p.
func scanLineComment(s string, p int) int {
	rest := s[p+2:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.IndexByte(rest, '\r'); i >= 0 {
		rest = rest[:i]
	}
	return p + 2 + len(rest)
}

// scanBlockComment matches '/*' .*? '*/' from p. Without a '*/' the
// unterminated-comment rule matches instead, to the end of the input: it
// takes anything not containing '*/'.
func scanBlockComment(s string, p int) (end int, ok bool) {
	if i := strings.Index(s[p+2:], "*/"); i >= 0 {
		return p + 2 + i + 2, true
	}
	return len(s), false
}

// ---- pragma mode ---------------------------------------------------------------------

// scanPragma matches in PragmaMode: PragmaToken, PragmaSemicolon
// ([ \t\r\n]* ';') or PragmaLineEnd ([\r\n]); the longest wins, and no two
// can be equally long. Every character starts one of them.
func (l *solidityLexer) scanPragma(p int) (kind, end int) {
	s := l.src
	n := len(s)
	// PragmaToken: PragmaChunk+, a chunk being a character other than
	// ;\r\n or a line break, blanks, then a version character.
	tok := p
	for tok < n {
		c := s[tok]
		if c == ';' {
			break
		}
		if c == '\r' || c == '\n' {
			j := tok + 1
			for j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n') {
				j++
			}
			if j < n && charClass[s[j]]&cVersion != 0 {
				tok = j + 1
				continue
			}
			break
		}
		tok++
	}
	semi := -1
	j := p
	for j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n') {
		j++
	}
	if j < n && s[j] == ';' {
		semi = j + 1
	}
	switch {
	case semi > tok:
		return gen.SolidityLexerPragmaSemicolon, semi
	case tok > p:
		return gen.SolidityLexerPragmaToken, tok
	case s[p] == '\r' || s[p] == '\n':
		return gen.SolidityLexerPragmaLineEnd, p + 1
	}
	return kindError, p // unreachable: ';' is a PragmaSemicolon
}

// ---- assembly flags mode --------------------------------------------------------------

// scanAssemblyBlock matches between `assembly` and its `{`: the dialect
// string, the flags in parentheses, blanks and comments.
func (l *solidityLexer) scanAssemblyBlock(p int) (kind, end int) {
	s := l.src
	switch s[p] {
	case '"':
		e, ok := scanString(s, p)
		if ok {
			return gen.SolidityLexerAssemblyFlagString, e
		}
		return kindError, e
	case '(':
		return gen.SolidityLexerAssemblyLParen, p + 1
	case ')':
		return gen.SolidityLexerAssemblyRParen, p + 1
	case ',':
		return gen.SolidityLexerAssemblyComma, p + 1
	case '{':
		return gen.SolidityLexerAssemblyLBrace, p + 1
	case ' ', '\t', '\r', '\n', '\f':
		return kindSkip, scanWS(s, p)
	case '/':
		return scanComment(s, p, gen.SolidityLexerAssemblyLineComment, gen.SolidityLexerAssemblyBlockComment)
	}
	return kindError, p
}

// scanComment matches a comment at the '/' at p in the assembly modes,
// where a lone '/' is no token: matching fails at the character after it.
func scanComment(s string, p int, line, block int) (kind, end int) {
	if p+1 < len(s) {
		switch s[p+1] {
		case '/':
			return line, scanLineComment(s, p)
		case '*':
			if end, ok := scanBlockComment(s, p); ok {
				return block, end
			}
			return gen.SolidityLexerUnterminatedBlockComment, len(s)
		}
	}
	return kindError, p + 1
}
