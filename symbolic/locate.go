package symbolic

import (
	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// place is where an engine issue lands in the source: the span the
// compiler's source map gives for its pc, and the declarations around it.
type place struct {
	loc      analyzers.Location
	contract *ast.ContractDefinition
	function *ast.FunctionDefinition
}

// locator turns compiler source ranges (root-relative file, byte offset,
// length) into locations, using the parsed files the scan already has.
type locator struct {
	units map[string]*parser.Unit
}

func newLocator(proj *parser.Project) *locator {
	l := &locator{units: map[string]*parser.Unit{}}
	for _, u := range proj.Units {
		l.units[u.File.Path] = u
	}
	return l
}

// at returns the place of a source range; ok is false when the file was
// not parsed or the range lies outside it.
func (l *locator) at(file string, offset, length int) (place, bool) {
	u := l.units[file]
	if u == nil || u.AST == nil || offset < 0 || length < 0 || offset+length > len(u.File.Content) {
		return place{}, false
	}
	p := place{loc: analyzers.LocationOf(u.File.Span(offset, offset+length))}
	for _, n := range u.AST.Nodes {
		c, ok := n.(*ast.ContractDefinition)
		if !ok || !within(c.Span().Start.Offset, c.Span().End.Offset, offset) {
			continue
		}
		p.contract = c
		p.loc.Contract = c.Name.Name
		for _, f := range c.Functions {
			if within(f.Span().Start.Offset, f.Span().End.Offset, offset) {
				p.function = f
				p.loc.Function = analyzers.FunctionSignature(f)
			}
		}
	}
	return p, true
}

func within(start, end, offset int) bool { return offset >= start && offset < end }
