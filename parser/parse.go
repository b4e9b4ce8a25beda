package parser

import (
	"fmt"
	"runtime/debug"

	"github.com/antlr4-go/antlr/v4"

	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/gen"
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

func parseFile(f *source.File) (unit *ast.SourceUnit, diags []source.Diagnostic, stats ParseStats) {
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
		return unit, []source.Diagnostic{d}, stats
	}

	text := string(f.Content)
	errs := &errorCollector{file: f}
	lexer := gen.NewSolidityLexer(antlr.NewInputStream(text))
	lexer.RemoveErrorListeners()
	lexer.AddErrorListener(errs)
	tokens := antlr.NewCommonTokenStream(lexer, antlr.TokenDefaultChannel)

	// Fast path: SLL prediction, bail out on the first syntax error.
	p := gen.NewSolidityParser(tokens)
	p.RemoveErrorListeners()
	p.GetInterpreter().SetPredictionMode(antlr.PredictionModeSLL)
	p.SetErrorHandler(&bailStrategy{antlr.NewDefaultErrorStrategy()})
	tree, ok := parseSLL(p)
	if !ok && !errs.stopped {
		// Either a real syntax error or a decision SLL got wrong: parse
		// again with full LL and normal error recovery, which collects
		// every error in the file.
		stats.FullLL = true
		tokens.Seek(0)
		p = gen.NewSolidityParser(tokens)
		p.RemoveErrorListeners()
		p.AddErrorListener(errs)
		p.GetInterpreter().SetPredictionMode(antlr.PredictionModeLL)
		tree = parseLL(p)
	}
	if tree != nil && !errs.stopped {
		// Lex to the end so trailing comments are collected too.
		lexer.RemoveErrorListeners()
		tokens.Fill()
		b := newBuilder(f, tokens)
		unit = b.sourceUnit(tree)
	}
	stats.Errors = len(errs.diags)
	return unit, errs.diags, stats
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

func parseSLL(p *gen.SolidityParser) (tree gen.ISourceUnitContext, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			switch r.(type) {
			case bailout, errTooMany:
				tree, ok = nil, false
			default:
				panic(r)
			}
		}
	}()
	return p.SourceUnit(), true
}

// errTooMany stops a parse that has produced MaxErrors errors.
type errTooMany struct{}

func parseLL(p *gen.SolidityParser) (tree gen.ISourceUnitContext) {
	defer func() {
		if r := recover(); r != nil {
			if _, stop := r.(errTooMany); !stop {
				panic(r)
			}
			tree = nil
		}
	}()
	return p.SourceUnit()
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
