package parser

import (
	"fmt"
	"maps"
	"runtime/debug"
	"sync"

	"github.com/antlr4-go/antlr/v4"

	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/gen"
	"github.com/sleuth-sec/sleuth/parser/solcversion"
	"github.com/sleuth-sec/sleuth/parser/source"
)

//go:generate sh grammar/generate.sh

// Limits that keep hostile input bounded in time and memory.
const (
	// MaxNesting is the deepest bracket nesting ParseFile accepts. solc
	// itself stops far earlier; real code stays below 50.
	MaxNesting = 1000
	// MaxErrors is the number of syntax errors collected per file before
	// the parser gives up on the rest of it.
	MaxErrors = 100
	// MaxDepth is the deepest syntax tree ParseFile builds, in grammar
	// rule levels. Nesting without brackets (`!!!!…x`, `if (c) if (c) …`,
	// `a = b = …`, `x.a.b.c…`, `1 + 1 + …`) escapes MaxNesting, and the
	// parser recurses once or more per level: unbounded, a 100 KB file
	// costs the parser about a gigabyte of stack and a 1 MB file is a
	// fatal stack overflow. A bracket takes two to four levels (`a.f(`
	// takes four), so MaxNesting brackets fit; solc itself stops at 1200
	// levels of recursion.
	MaxDepth = 8000
)

// ParseStats says how a file was parsed.
type ParseStats struct {
	// FullLL is true when the fast SLL pass failed and the file was
	// parsed again with full LL prediction.
	FullLL bool
	Errors int
}

// ParseFile parses one file into a syntax tree. It never panics: syntax
// errors, over-deep nesting and internal failures come back as diagnostics,
// with as much of the tree as could be recovered.
func ParseFile(f *source.File) (*ast.SourceUnit, []source.Diagnostic) {
	u, diags, _ := parseFile(f)
	return u, diags
}

func parseFile(f *source.File) (*ast.SourceUnit, []source.Diagnostic, ParseStats) {
	return parseFileWith(f, func(text string) antlr.Lexer { return newSolidityLexer(text) })
}

// legacyKeywords are the words later Solidity reserved that older
// versions take as names, with the first version that reserved each:
// solc 0.4.26 compiles `uint calldata;` and `bytes32 constructor;`, 0.5
// `uint virtual;`.
var legacyKeywords = map[int]solcversion.Version{
	gen.SolidityLexerEmit:        {Major: 0, Minor: 4, Patch: 21},
	gen.SolidityLexerConstructor: {Major: 0, Minor: 5},
	gen.SolidityLexerCalldata:    {Major: 0, Minor: 5},
	gen.SolidityLexerOverride:    {Major: 0, Minor: 5},
	gen.SolidityLexerImmutable:   {Major: 0, Minor: 5},
	gen.SolidityLexerUnchecked:   {Major: 0, Minor: 5},
	gen.SolidityLexerVirtual:     {Major: 0, Minor: 6},
}

// parseFileWith is parseFile with the lexer newLexer makes. parseFile
// lexes with the hand-written lexer; tests parse with gen's too, to show
// that nothing downstream can tell the two apart.
//
// A file whose parse stops at a legacy keyword, and whose version pragma
// allows a compiler that did not reserve it, is parsed again with the word
// as a name; that parse is kept if it has no errors at all. Old code so
// parses as its compiler reads it, and code that uses the word as the
// keyword (`constructor() {}`) keeps its first parse and its errors.
func parseFileWith(f *source.File, newLexer func(string) antlr.Lexer) (*ast.SourceUnit, []source.Diagnostic, ParseStats) {
	unit, diags, stats, legacy := parseOnce(f, newLexer)
	names := map[int]bool{}
	// Each round names the words the last one stopped at; as many rounds
	// as there are words covers them all.
	for round := 0; len(legacy) > 0 && round < len(legacyKeywords); round++ {
		grown := false
		for k := range legacy {
			if !names[k] && mayBeName(unit, legacyKeywords[k]) {
				names[k], grown = true, true
			}
		}
		if !grown {
			break
		}
		asNames := maps.Clone(names)
		u, d, st, more := parseOnce(f, func(text string) antlr.Lexer { return &renamingLexer{newLexer(text), asNames} })
		if len(d) == 0 {
			return u, d, st
		}
		legacy = more
	}
	return unit, diags, stats
}

// mayBeName reports whether unit's version pragmas allow a compiler older
// than reserved; a file without a readable pragma may be that old.
func mayBeName(unit *ast.SourceUnit, reserved solcversion.Version) bool {
	for _, pr := range unit.Pragmas {
		if pr.Name != "solidity" {
			continue
		}
		if c, ok := solcversion.Parse(pr.Value); ok && !c.AllowsBelow(reserved) {
			return false
		}
	}
	return true
}

// renamingLexer hands on its lexer's tokens, with the kinds in names
// turned into identifiers.
type renamingLexer struct {
	antlr.Lexer
	names map[int]bool
}

func (l *renamingLexer) NextToken() antlr.Token {
	t := l.Lexer.NextToken()
	if !l.names[t.GetTokenType()] {
		return t
	}
	return antlr.CommonTokenFactoryDEFAULT.Create(t.GetSource(), gen.SolidityLexerIdentifier, "", t.GetChannel(),
		t.GetStart(), t.GetStop(), t.GetLine(), t.GetColumn())
}

// parseOnce is one parse of f, and the legacyKeywords it stopped at.
func parseOnce(f *source.File, newLexer func(string) antlr.Lexer) (unit *ast.SourceUnit, diags []source.Diagnostic, stats ParseStats, legacy map[int]bool) {
	unit = &ast.SourceUnit{File: f}
	unit.Src = f.Span(0, len(f.Content))
	defer func() {
		if r := recover(); r != nil {
			diags = append(diags, source.Diagnostic{
				File: f.Path, Line: 1, Column: 1, Severity: source.Error,
				Message: fmt.Sprintf("internal error while parsing: %v (please report this with the file)\n%s", r, debug.Stack()),
			})
		}
	}()
	if off, depth := nestingDepth(f.Content); depth > MaxNesting {
		d := source.At(f.Span(off, off), source.Error,
			fmt.Sprintf("brackets nested more than %d deep; the file is not analysed", MaxNesting))
		return unit, []source.Diagnostic{d}, stats, nil
	}

	refuse := func(e *errRefused) (*ast.SourceUnit, []source.Diagnostic, ParseStats, map[int]bool) {
		off := 0
		if e.at != nil && e.at.GetTokenType() != antlr.TokenEOF {
			off = runeToByte(f, e.at.GetStart())
		}
		return unit, []source.Diagnostic{source.At(f.Span(off, off), source.Error, e.msg)}, stats, nil
	}

	text := string(f.Content)
	errs := &errorCollector{file: f}
	lexer := newLexer(text)
	lexer.RemoveErrorListeners()
	lexer.AddErrorListener(errs)
	tokens := antlr.NewCommonTokenStream(lexer, antlr.TokenDefaultChannel)
	budget := &budgetStream{CommonTokenStream: tokens, limit: consumeBudget(len(f.Content))}

	// Fast path: SLL prediction, bail out on the first syntax error.
	p := gen.NewSolidityParser(budget)
	p.RemoveErrorListeners()
	p.GetInterpreter().SetPredictionMode(antlr.PredictionModeSLL)
	p.SetErrorHandler(&bailStrategy{antlr.NewDefaultErrorStrategy()})
	p.AddParseListener(&depthGuard{})
	tree, ok, refused := parseSLL(p)
	if refused != nil {
		return refuse(refused)
	}
	if !ok && !errs.stopped {
		// Either a real syntax error or a decision SLL got wrong: parse
		// again with full LL and normal error recovery, which collects
		// every error in the file.
		stats.FullLL = true
		tokens.Seek(0)
		budget.used = 0
		p = gen.NewSolidityParser(budget)
		p.RemoveErrorListeners()
		p.AddErrorListener(errs)
		p.SetErrorHandler(newRecoveryStrategy())
		p.GetInterpreter().SetPredictionMode(antlr.PredictionModeLL)
		p.AddParseListener(&depthGuard{})
		if tree, refused = parseLL(p); refused != nil {
			return refuse(refused)
		}
	}
	if tree != nil && !errs.stopped {
		// Lex to the end so trailing comments are collected too.
		lexer.RemoveErrorListeners()
		tokens.Fill()
		b := newBuilder(f, text, tokens)
		unit = b.sourceUnit(tree)
	}
	stats.Errors = len(errs.diags)
	return unit, errs.diags, stats, errs.legacy
}

// bailStrategy abandons the SLL pass at the first syntax error. The
// runtime's own BailErrorStrategy cannot be used: in antlr4-go v4.13.1 its
// cancellation reaches DefaultErrorStrategy.ReportError, which calls the
// unimplemented ParseCancellationException.GetMessage and panics.
type bailStrategy struct {
	*antlr.DefaultErrorStrategy
}

type bailout struct{}

func (*bailStrategy) ReportError(antlr.Parser, antlr.RecognitionException) { panic(bailout{}) }
func (*bailStrategy) Recover(antlr.Parser, antlr.RecognitionException)     { panic(bailout{}) }
func (*bailStrategy) RecoverInline(antlr.Parser) antlr.Token               { panic(bailout{}) }
func (*bailStrategy) Sync(antlr.Parser)                                    {}

// recoveryStrategy is ANTLR's default error recovery, less one eager
// check: on entering an optional part (`parameterList?`) with a token
// that can neither start it nor follow it, the default gives up on the
// whole rule and skips ahead to something that may follow the rule, often
// a long way off. Going on instead lets the next match repair the input by
// inserting or deleting one token, as for `function f( external {}`, where
// the ')' is missing and everything after it is fine.
type recoveryStrategy struct {
	*antlr.DefaultErrorStrategy
}

func newRecoveryStrategy() *recoveryStrategy {
	return &recoveryStrategy{antlr.NewDefaultErrorStrategy()}
}

func (r *recoveryStrategy) Sync(p antlr.Parser) {
	if optionalStarts()[p.GetState()] {
		return
	}
	r.DefaultErrorStrategy.Sync(p)
}

// optionalStarts holds the ATN states that begin a plain sub-rule block
// (an optional part or a choice), the states where recoveryStrategy does
// not check ahead. Loops keep the default check, which resynchronises a
// statement or member list at the next thing that can start one.
var optionalStarts = sync.OnceValue(func() map[int]bool {
	p := gen.NewSolidityParser(nil)
	out := map[int]bool{}
	for _, d := range p.GetATN().DecisionToState {
		if d.GetStateType() == antlr.ATNStateBlockStart {
			out[d.GetStateNumber()] = true
		}
	}
	return out
})

func parseSLL(p *gen.SolidityParser) (tree gen.ISourceUnitContext, ok bool, refused *errRefused) {
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case bailout, errTooMany:
				tree, ok = nil, false
			case *errRefused:
				tree, ok, refused = nil, false, e
			default:
				panic(r)
			}
		}
	}()
	return p.SourceUnit(), true, nil
}

// errTooMany stops a parse that has produced MaxErrors errors.
type errTooMany struct{}

func parseLL(p *gen.SolidityParser) (tree gen.ISourceUnitContext, refused *errRefused) {
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case errTooMany:
				tree = nil
			case *errRefused:
				tree, refused = nil, e
			default:
				panic(r)
			}
		}
	}()
	return p.SourceUnit(), nil
}

// errRefused stops a parse that would cost unbounded stack or time; at is
// the token it had reached and msg says why.
type errRefused struct {
	at  antlr.Token
	msg string
}

// budgetStream counts the tokens the parser consumes, its own and those
// its predictions look ahead through, and stops it past a budget. Real
// code needs at most 0.3 consumes per byte (the whole corpus averages
// 0.12), but some constructs repeated thousands of times (`uint[][]…[]`,
// where whether a `[` continues the type is only clear after the whole
// run) make every decision look ahead to the end of the run: quadratic
// time, hours for a megabyte.
type budgetStream struct {
	*antlr.CommonTokenStream
	used, limit int
}

// consumeBudget is the lookahead allowed for a file of n bytes, many
// times what real code needs.
func consumeBudget(n int) int { return 4*n + 1<<20 }

func (s *budgetStream) Consume() {
	if s.used++; s.used > s.limit {
		panic(&errRefused{at: s.LT(1), msg: "the parser's lookahead is not bounded here (a construct repeated " +
			"thousands of times?); the file is not analysed"})
	}
	s.CommonTokenStream.Consume()
}

// depthGuard keeps the depth of the tree being built and stops the parse
// past MaxDepth. Rule entries and exits give the depth of the parser's
// recursion; left-recursive expressions (`1 + 1 + …`, `a.b.c…`) are
// parsed in a loop instead, which the events show as an exit from one
// context and an entry to the next, that has the previous one as its
// first child: those chains are counted too, since every later walk of
// the tree recurses through them.
type depthGuard struct {
	antlr.BaseParseTreeListener
	depth int
	// chains holds, for each rule context entered and not exited, how
	// many left-recursive levels it stands on.
	chains     []int
	lastExited antlr.Tree
	lastChain  int
}

func (g *depthGuard) EnterEveryRule(ctx antlr.ParserRuleContext) {
	chain := 0
	if g.lastExited != nil && ctx.GetChildCount() > 0 && ctx.GetChild(0) == g.lastExited {
		chain = g.lastChain + 1
	}
	g.chains = append(g.chains, chain)
	if g.depth += 1 + chain; g.depth > MaxDepth {
		panic(&errRefused{at: ctx.GetStart(),
			msg: fmt.Sprintf("expressions or statements nested more than %d levels deep; the file is not analysed", MaxDepth)})
	}
}

func (g *depthGuard) ExitEveryRule(ctx antlr.ParserRuleContext) {
	// Error recovery can exit a context twice; the depth then errs low.
	if n := len(g.chains); n > 0 {
		g.lastChain = g.chains[n-1]
		g.chains = g.chains[:n-1]
		g.depth -= 1 + g.lastChain
	}
	g.lastExited = ctx
}

// nestingDepth returns the deepest nesting of (), [] and {} outside strings
// and comments, and the offset where it first exceeds MaxNesting.
func nestingDepth(src []byte) (offset, max int) {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '(', '[', '{':
			depth++
			if depth > max {
				max = depth
				if max == MaxNesting+1 {
					return i, max
				}
			}
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
		case '"', '\'':
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				i += 2
				for i+1 < len(src) && !(src[i] == '*' && src[i+1] == '/') {
					i++
				}
				i++
			}
		}
	}
	return 0, max
}
