package parser

import (
	"strings"
	"unicode/utf8"

	"github.com/antlr4-go/antlr/v4"

	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/gen"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// builder converts one file's ANTLR parse tree into package ast. A tree
// recovered from syntax errors can miss any child, so every accessor result
// is checked for nil; a missing piece becomes a nil field, never a panic.
type builder struct {
	file     *source.File
	tokens   *antlr.CommonTokenStream
	runes    runeIndex
	contract *ast.ContractDefinition
}

func newBuilder(f *source.File, text string, tokens *antlr.CommonTokenStream) *builder {
	return &builder{file: f, tokens: tokens, runes: newRuneIndex(text, f.IsASCII())}
}

// ---- positions ---------------------------------------------------------------------

func (b *builder) byteOffset(runeIndex int) int { return b.runes.byteAt(runeIndex) }

// runeIndex turns the rune indices ANTLR's tokens carry into byte offsets.
type runeIndex struct {
	size    int   // bytes of the text
	offsets []int // byte offset of each rune, and the size last; nil for ASCII text
}

func newRuneIndex(text string, ascii bool) runeIndex {
	r := runeIndex{size: len(text)}
	if !ascii {
		r.offsets = make([]int, 0, len(text)+1)
		for i := range text {
			r.offsets = append(r.offsets, i)
		}
		r.offsets = append(r.offsets, len(text))
	}
	return r
}

func (r runeIndex) byteAt(i int) int {
	switch {
	case r.offsets == nil:
		return min(i, r.size)
	case i < 0:
		return 0
	case i >= len(r.offsets):
		return r.size
	}
	return r.offsets[i]
}

func (b *builder) tokenSpan(t antlr.Token) source.Span {
	if t == nil {
		return source.Span{}
	}
	start := b.byteOffset(t.GetStart())
	end := b.byteOffset(t.GetStop() + 1)
	if end < start {
		end = start
	}
	return b.file.Span(start, end)
}

func (b *builder) span(ctx antlr.ParserRuleContext) source.Span {
	if ctx == nil {
		return source.Span{}
	}
	start, stop := ctx.GetStart(), ctx.GetStop()
	if start == nil {
		return source.Span{}
	}
	from := b.byteOffset(start.GetStart())
	to := from
	if stop != nil && stop.GetTokenIndex() >= start.GetTokenIndex() && stop.GetTokenType() != antlr.TokenEOF {
		to = b.byteOffset(stop.GetStop() + 1)
	}
	if to < from {
		to = from
	}
	return b.file.Span(from, to)
}

// between spans from the start of one node to the end of another; a
// missing end (a piece lost to a syntax error) falls back to the first.
func (b *builder) between(from, to source.Span) source.Span {
	if !from.Valid() {
		return to
	}
	start, end := from.Start.Offset, to.End.Offset
	if !to.Valid() || end < start {
		end = from.End.Offset
	}
	return b.file.Span(start, end)
}

func (b *builder) base(ctx antlr.ParserRuleContext) ast.Base { return ast.Base{Src: b.span(ctx)} }

func (b *builder) ident(ctx gen.IIdentifierContext) ast.Ident {
	if ctx == nil || ctx.GetStart() == nil {
		return ast.Ident{Src: source.Span{}}
	}
	return ast.Ident{Name: b.ctxText(ctx), Src: b.span(ctx)}
}

func (b *builder) termIdent(t antlr.TerminalNode) ast.Ident {
	if t == nil {
		return ast.Ident{Src: source.Span{}}
	}
	return ast.Ident{Name: b.tokText(t.GetSymbol()), Src: b.tokenSpan(t.GetSymbol())}
}

// natSpec returns the documentation comments directly before a definition.
func (b *builder) natSpec(ctx antlr.ParserRuleContext) string {
	if ctx == nil || ctx.GetStart() == nil {
		return ""
	}
	hidden := b.tokens.GetHiddenTokensToLeft(ctx.GetStart().GetTokenIndex(), antlr.TokenHiddenChannel)
	var parts []string
	for _, t := range hidden {
		text := b.tokText(t)
		if strings.HasPrefix(text, "///") || (strings.HasPrefix(text, "/**") && text != "/**/") {
			parts = append(parts, text)
		}
	}
	return strings.Join(parts, "\n")
}

// tokText returns a token's text, sliced from the file's bytes: cheaper
// than ANTLR's, which rebuilds it from runes. Tokens the parser conjured
// to recover from an error have no place in the file and keep their own
// text.
func (b *builder) tokText(t antlr.Token) string {
	if t == nil {
		return ""
	}
	start, stop := t.GetStart(), t.GetStop()
	if start < 0 || stop < start || t.GetTokenType() == antlr.TokenEOF {
		return t.GetText()
	}
	raw := b.file.Content[b.byteOffset(start):b.byteOffset(stop+1)]
	if s, ok := commonText[string(raw)]; ok { // no allocation
		return s
	}
	return string(raw)
}

// ctxText is ctx.GetText() for the one-token rules (identifiers,
// keywords); anything else falls back to ANTLR.
func (b *builder) ctxText(ctx antlr.ParserRuleContext) string {
	if ctx == nil {
		return ""
	}
	if ctx.GetChildCount() == 1 {
		if t, ok := ctx.GetChild(0).(antlr.TerminalNode); ok {
			if _, isErr := t.(antlr.ErrorNode); !isErr {
				return b.tokText(t.GetSymbol())
			}
		}
	}
	return ctx.GetText()
}

// commonText holds the words every file repeats, so their strings are
// shared instead of allocated per use.
var commonText = func() map[string]string {
	m := map[string]string{}
	for _, w := range strings.Fields(`public private internal external pure view payable constant
		memory storage calldata _ true false msg sender value this address uint uint256 uint8 uint128
		uint64 uint32 int int256 bool bytes bytes32 bytes4 string require revert assert length
		+ - * / % ** == != < > <= >= && || ! ~ & | ^ << >> >>> = += -= *= /= %= |= &= ^= <<= >>= ++ --
		delete wei gwei ether seconds minutes hours days weeks years
		mload mstore sload sstore add sub mul div and or not iszero eq lt gt shl shr keccak256 0x20 0x40 0`) {
		m[w] = w
	}
	return m
}()

// ---- source units ----------------------------------------------------------------------

func (b *builder) sourceUnit(ctx gen.ISourceUnitContext) *ast.SourceUnit {
	u := &ast.SourceUnit{File: b.file}
	u.Src = b.file.Span(0, len(b.file.Content))
	for _, el := range ctx.AllSourceUnitElement() {
		if el == nil || el.GetChildCount() == 0 {
			continue
		}
		var n ast.Node
		switch c := el.GetChild(0).(type) {
		case *gen.PragmaDirectiveContext:
			p := b.pragma(c)
			u.Pragmas = append(u.Pragmas, p)
			n = p
		case *gen.ImportDirectiveContext:
			imp := b.importDirective(c)
			u.Imports = append(u.Imports, imp)
			n = imp
		case *gen.ContractDefinitionContext:
			cd := b.contractDefinition(c)
			cd.Source = u
			u.Contracts = append(u.Contracts, cd)
			n = cd
		case *gen.FunctionDefinitionContext:
			n = b.functionDefinition(c)
		case *gen.StructDefinitionContext:
			n = b.structDefinition(c)
		case *gen.EnumDefinitionContext:
			n = b.enumDefinition(c)
		case *gen.UserDefinedValueTypeDefinitionContext:
			n = b.valueTypeDefinition(c)
		case *gen.UsingDirectiveContext:
			n = b.usingDirective(c)
		case *gen.ErrorDefinitionContext:
			n = b.errorDefinition(c)
		case *gen.EventDefinitionContext:
			n = b.eventDefinition(c)
		case *gen.StateVariableDeclarationContext:
			n = b.stateVariable(c, false)
		}
		if n != nil {
			u.Nodes = append(u.Nodes, n)
		}
	}
	for _, t := range b.tokens.GetAllTokens() {
		if t.GetChannel() == antlr.TokenHiddenChannel {
			c := &ast.Comment{Text: b.tokText(t)}
			c.Src = b.tokenSpan(t)
			u.Comments = append(u.Comments, c)
		}
	}
	return u
}

func (b *builder) pragma(c *gen.PragmaDirectiveContext) *ast.PragmaDirective {
	p := &ast.PragmaDirective{Base: b.base(c)}
	if t := c.PragmaToken(); t != nil {
		text := strings.TrimSpace(t.GetText())
		name, value, _ := strings.Cut(text, " ")
		if i := strings.IndexAny(name, "\t\r\n"); i >= 0 {
			name, value = name[:i], name[i:]+" "+value
		}
		// A pragma split over lines reads as if written on one.
		p.Name, p.Value = name, strings.Join(strings.Fields(value), " ")
	}
	return p
}

func (b *builder) importDirective(c *gen.ImportDirectiveContext) *ast.ImportDirective {
	d := &ast.ImportDirective{Base: b.base(c)}
	if t := c.GetPath(); t != nil {
		d.Path = unquote(b.tokText(t))
		d.PathSpan = b.tokenSpan(t)
	}
	if a := c.GetUnitAlias(); a != nil {
		d.UnitAlias = a.GetText()
	}
	for _, a := range c.AllImportAlias() {
		ac := a.(*gen.ImportAliasContext)
		sym := ast.ImportSymbol{Name: b.ident(ac.GetSymbol())}
		if ac.GetAlias() != nil {
			sym.Alias = b.ident(ac.GetAlias())
		}
		d.Symbols = append(d.Symbols, sym)
	}
	return d
}

// ---- contracts -----------------------------------------------------------------------------

func (b *builder) contractDefinition(c *gen.ContractDefinitionContext) *ast.ContractDefinition {
	cd := &ast.ContractDefinition{Base: b.base(c), Name: b.ident(c.GetName()), Kind: ast.KindContract,
		Abstract: c.Abstract() != nil, NatSpec: b.natSpec(c)}
	if k := c.GetKind(); k != nil {
		switch k.GetTokenType() {
		case gen.SolidityLexerInterface:
			cd.Kind = ast.KindInterface
		case gen.SolidityLexerLibrary:
			cd.Kind = ast.KindLibrary
		}
	}
	for _, l := range c.AllInheritanceSpecifierList() {
		for _, s := range l.(*gen.InheritanceSpecifierListContext).AllInheritanceSpecifier() {
			sc := s.(*gen.InheritanceSpecifierContext)
			is := &ast.InheritanceSpecifier{Base: b.base(sc), Name: b.identifierPath(sc.IdentifierPath())}
			if args := sc.CallArgumentList(); args != nil {
				is.HasArgs = true
				is.Args, _ = b.callArguments(args)
			}
			cd.Bases = append(cd.Bases, is)
		}
	}
	for _, l := range c.AllLayoutSpecifier() {
		cd.Layout = b.expr(l.(*gen.LayoutSpecifierContext).Expression())
	}
	outer := b.contract
	b.contract = cd
	defer func() { b.contract = outer }()
	for _, el := range c.AllContractBodyElement() {
		if el == nil || el.GetChildCount() == 0 {
			continue
		}
		var n ast.Node
		switch e := el.GetChild(0).(type) {
		case *gen.ConstructorDefinitionContext:
			f := b.constructorDefinition(e)
			cd.Functions = append(cd.Functions, f)
			n = f
		case *gen.FunctionDefinitionContext:
			f := b.functionDefinition(e)
			cd.Functions = append(cd.Functions, f)
			n = f
		case *gen.SpecialFunctionDefinitionContext:
			f := b.specialFunction(e)
			cd.Functions = append(cd.Functions, f)
			n = f
		case *gen.ModifierDefinitionContext:
			m := b.modifierDefinition(e)
			cd.Modifiers = append(cd.Modifiers, m)
			n = m
		case *gen.StructDefinitionContext:
			s := b.structDefinition(e)
			cd.Structs = append(cd.Structs, s)
			n = s
		case *gen.EnumDefinitionContext:
			en := b.enumDefinition(e)
			cd.Enums = append(cd.Enums, en)
			n = en
		case *gen.UserDefinedValueTypeDefinitionContext:
			v := b.valueTypeDefinition(e)
			cd.ValueTypes = append(cd.ValueTypes, v)
			n = v
		case *gen.EventDefinitionContext:
			ev := b.eventDefinition(e)
			cd.Events = append(cd.Events, ev)
			n = ev
		case *gen.ErrorDefinitionContext:
			er := b.errorDefinition(e)
			cd.Errors = append(cd.Errors, er)
			n = er
		case *gen.UsingDirectiveContext:
			ud := b.usingDirective(e)
			cd.UsingFor = append(cd.UsingFor, ud)
			n = ud
		case *gen.StateVariableDeclarationContext:
			v := b.stateVariable(e, true)
			cd.StateVars = append(cd.StateVars, v)
			n = v
		}
		if n != nil {
			cd.Nodes = append(cd.Nodes, n)
		}
	}
	return cd
}

func (b *builder) identifierPath(ctx gen.IIdentifierPathContext) *ast.IdentifierPath {
	if ctx == nil {
		return &ast.IdentifierPath{Base: ast.Base{Src: source.Span{}}, Parts: []ast.Ident{{Src: source.Span{}}}}
	}
	p := &ast.IdentifierPath{Base: b.base(ctx)}
	for _, id := range ctx.(*gen.IdentifierPathContext).AllIdentifier() {
		p.Parts = append(p.Parts, b.ident(id))
	}
	if len(p.Parts) == 0 {
		p.Parts = []ast.Ident{{Src: p.Src}}
	}
	return p
}

// pathExpr turns A.B.C into the expression Identifier(A).B.C.
func (b *builder) pathExpr(p *ast.IdentifierPath) ast.Expr {
	var x ast.Expr = &ast.Identifier{Base: ast.Base{Src: p.Parts[0].Src}, Name: p.Parts[0].Name}
	for _, part := range p.Parts[1:] {
		x = &ast.MemberAccess{Base: ast.Base{Src: b.between(x.Span(), part.Src)}, X: x, Member: part}
	}
	return x
}

// functionParts collects what function-like definitions share: parameter
// lists before and after `returns`, attributes and body.
type functionParts struct {
	params, returns []*ast.VariableDeclaration
	visibility      string
	mutability      string
	virtual         bool
	override        *ast.OverrideSpecifier
	modifiers       []*ast.ModifierInvocation
	body            *ast.Block
}

func (b *builder) collectFunctionParts(ctx antlr.ParserRuleContext) functionParts {
	var fp functionParts
	afterReturns := false
	for _, ch := range ctx.GetChildren() {
		switch c := ch.(type) {
		case antlr.TerminalNode:
			if c.GetSymbol().GetTokenType() == gen.SolidityLexerReturns {
				afterReturns = true
			}
		case *gen.ParameterListContext:
			if afterReturns {
				fp.returns = b.parameterList(c)
			} else {
				fp.params = b.parameterList(c)
			}
		case *gen.FunctionAttributeContext:
			b.functionAttribute(c, &fp)
		case *gen.VisibilityContext:
			fp.visibility = b.ctxText(c)
		case *gen.StateMutabilityContext:
			fp.mutability = b.ctxText(c)
		case *gen.OverrideSpecifierContext:
			fp.override = b.overrideSpecifier(c)
		case *gen.BlockContext:
			fp.body = b.block(c)
		}
	}
	return fp
}

func (b *builder) functionAttribute(c *gen.FunctionAttributeContext, fp *functionParts) {
	switch {
	case c.Visibility() != nil:
		fp.visibility = b.ctxText(c.Visibility())
	case c.StateMutability() != nil:
		fp.mutability = b.ctxText(c.StateMutability())
	case c.Virtual() != nil:
		fp.virtual = true
	case c.OverrideSpecifier() != nil:
		fp.override = b.overrideSpecifier(c.OverrideSpecifier().(*gen.OverrideSpecifierContext))
	case c.ModifierInvocation() != nil:
		mc := c.ModifierInvocation().(*gen.ModifierInvocationContext)
		mi := &ast.ModifierInvocation{Base: b.base(mc), Name: b.identifierPath(mc.IdentifierPath())}
		if args := mc.CallArgumentList(); args != nil {
			mi.HasArgs = true
			mi.Args, _ = b.callArguments(args)
		}
		fp.modifiers = append(fp.modifiers, mi)
	}
}

func (b *builder) overrideSpecifier(c *gen.OverrideSpecifierContext) *ast.OverrideSpecifier {
	o := &ast.OverrideSpecifier{Base: b.base(c)}
	for _, p := range c.AllIdentifierPath() {
		o.Bases = append(o.Bases, b.identifierPath(p))
	}
	return o
}

func (b *builder) newFunction(ctx antlr.ParserRuleContext, fp functionParts) *ast.FunctionDefinition {
	return &ast.FunctionDefinition{Base: b.base(ctx), Kind: ast.KindFunction,
		Params: fp.params, Returns: fp.returns, Visibility: fp.visibility, Mutability: fp.mutability,
		Virtual: fp.virtual, Override: fp.override, Modifiers: fp.modifiers, Body: fp.body,
		NatSpec: b.natSpec(ctx), Contract: b.contract}
}

func (b *builder) functionDefinition(c *gen.FunctionDefinitionContext) *ast.FunctionDefinition {
	f := b.newFunction(c, b.collectFunctionParts(c))
	if c.GetName() == nil {
		f.Kind = ast.KindFallback
		f.LegacyFallback = true
		f.Name = ast.Ident{Src: b.tokenSpan(c.GetStart())}
		return f
	}
	f.Name = b.ident(c.GetName())
	if b.contract != nil && b.contract.Kind == ast.KindContract && f.Name.Name == b.contract.Name.Name {
		f.Kind = ast.KindConstructor
		f.LegacyConstructor = true
	}
	return f
}

func (b *builder) constructorDefinition(c *gen.ConstructorDefinitionContext) *ast.FunctionDefinition {
	f := b.newFunction(c, b.collectFunctionParts(c))
	f.Kind = ast.KindConstructor
	f.Name = ast.Ident{Src: b.tokenSpan(c.GetStart())}
	return f
}

func (b *builder) specialFunction(c *gen.SpecialFunctionDefinitionContext) *ast.FunctionDefinition {
	f := b.newFunction(c, b.collectFunctionParts(c))
	f.Kind = ast.KindFallback
	if k := c.GetKind(); k != nil && k.GetTokenType() == gen.SolidityLexerReceive {
		f.Kind = ast.KindReceive
	}
	f.Name = ast.Ident{Src: b.tokenSpan(c.GetStart())}
	return f
}

func (b *builder) modifierDefinition(c *gen.ModifierDefinitionContext) *ast.ModifierDefinition {
	m := &ast.ModifierDefinition{Base: b.base(c), Name: b.ident(c.GetName()), NatSpec: b.natSpec(c), Contract: b.contract}
	if pl := c.ParameterList(); pl != nil {
		m.Params = b.parameterList(pl.(*gen.ParameterListContext))
	}
	m.Virtual = len(c.AllVirtual()) > 0
	if os := c.AllOverrideSpecifier(); len(os) > 0 {
		m.Override = b.overrideSpecifier(os[0].(*gen.OverrideSpecifierContext))
	}
	if bl := c.Block(); bl != nil {
		m.Body = b.block(bl.(*gen.BlockContext))
	}
	return m
}

func (b *builder) stateVariable(c *gen.StateVariableDeclarationContext, inContract bool) *ast.VariableDeclaration {
	v := &ast.VariableDeclaration{Base: b.base(c), Name: b.ident(c.GetName()), Type: b.typeName(c.TypeName()),
		IsStateVar: inContract, NatSpec: b.natSpec(c)}
	for _, a := range c.AllStateVariableAttribute() {
		ac := a.(*gen.StateVariableAttributeContext)
		switch {
		case ac.OverrideSpecifier() != nil:
			v.Override = b.overrideSpecifier(ac.OverrideSpecifier().(*gen.OverrideSpecifierContext))
		case ac.Constant() != nil:
			v.Constant = true
		case ac.Immutable() != nil:
			v.Immutable = true
		case ac.Transient() != nil:
			v.Transient = true
		default:
			v.Visibility = b.ctxText(ac)
		}
	}
	if e := c.Expression(); e != nil {
		v.Value = b.expr(e)
	}
	return v
}

func (b *builder) parameterList(c *gen.ParameterListContext) []*ast.VariableDeclaration {
	if c == nil {
		return nil
	}
	var out []*ast.VariableDeclaration
	for _, p := range c.AllParameterDeclaration() {
		out = append(out, b.parameter(p.(*gen.ParameterDeclarationContext)))
	}
	return out
}

func (b *builder) parameter(pc *gen.ParameterDeclarationContext) *ast.VariableDeclaration {
	v := &ast.VariableDeclaration{Base: b.base(pc), Type: b.typeName(pc.TypeName())}
	if dl := pc.DataLocation(); dl != nil {
		v.Location = b.ctxText(dl)
	}
	if n := pc.GetName(); n != nil {
		v.Name = b.ident(n)
	} else {
		v.Name = ast.Ident{Src: source.Span{File: b.file, Start: v.Src.End, End: v.Src.End}}
	}
	return v
}

func (b *builder) eventDefinition(c *gen.EventDefinitionContext) *ast.EventDefinition {
	e := &ast.EventDefinition{Base: b.base(c), Name: b.ident(c.GetName()), Anonymous: c.Anonymous() != nil, NatSpec: b.natSpec(c)}
	for _, p := range c.AllEventParameter() {
		pc := p.(*gen.EventParameterContext)
		v := &ast.VariableDeclaration{Base: b.base(pc), Type: b.typeName(pc.TypeName()), Indexed: pc.Indexed() != nil}
		if n := pc.GetName(); n != nil {
			v.Name = b.ident(n)
		}
		e.Params = append(e.Params, v)
	}
	return e
}

func (b *builder) errorDefinition(c *gen.ErrorDefinitionContext) *ast.ErrorDefinition {
	e := &ast.ErrorDefinition{Base: b.base(c), Name: b.ident(c.GetName()), NatSpec: b.natSpec(c)}
	for _, p := range c.AllParameterDeclaration() {
		e.Params = append(e.Params, b.parameter(p.(*gen.ParameterDeclarationContext)))
	}
	return e
}

func (b *builder) structDefinition(c *gen.StructDefinitionContext) *ast.StructDefinition {
	s := &ast.StructDefinition{Base: b.base(c), Name: b.ident(c.GetName()), NatSpec: b.natSpec(c)}
	for _, m := range c.AllStructMember() {
		mc := m.(*gen.StructMemberContext)
		s.Members = append(s.Members, &ast.VariableDeclaration{Base: b.base(mc), Name: b.ident(mc.GetName()), Type: b.typeName(mc.TypeName())})
	}
	return s
}

func (b *builder) enumDefinition(c *gen.EnumDefinitionContext) *ast.EnumDefinition {
	e := &ast.EnumDefinition{Base: b.base(c), Name: b.ident(c.GetName()), NatSpec: b.natSpec(c)}
	ids := c.AllIdentifier()
	for _, id := range ids {
		if id == c.GetName() {
			continue
		}
		e.Values = append(e.Values, b.ident(id))
	}
	return e
}

func (b *builder) valueTypeDefinition(c *gen.UserDefinedValueTypeDefinitionContext) *ast.UserDefinedValueTypeDefinition {
	v := &ast.UserDefinedValueTypeDefinition{Base: b.base(c), Name: b.ident(c.GetName())}
	if et := c.ElementaryTypeName(); et != nil {
		v.Underlying = b.elementaryType(et.(*gen.ElementaryTypeNameContext))
	}
	return v
}

func (b *builder) usingDirective(c *gen.UsingDirectiveContext) *ast.UsingForDirective {
	u := &ast.UsingForDirective{Base: b.base(c), Global: c.Global() != nil}
	if p := c.IdentifierPath(); p != nil {
		u.Library = b.identifierPath(p)
	}
	for _, a := range c.AllUsingAlias() {
		ac := a.(*gen.UsingAliasContext)
		uf := ast.UsingFunction{Path: b.identifierPath(ac.IdentifierPath())}
		if op := ac.UserDefinableOperator(); op != nil {
			uf.Operator = op.GetText()
		}
		u.Functions = append(u.Functions, uf)
	}
	if t := c.TypeName(); t != nil {
		u.Type = b.typeName(t)
	}
	return u
}

// ---- types --------------------------------------------------------------------------------

func (b *builder) typeName(ctx gen.ITypeNameContext) ast.TypeName {
	if ctx == nil {
		return nil
	}
	c := ctx.(*gen.TypeNameContext)
	switch {
	case c.TypeName() != nil:
		t := &ast.ArrayTypeName{Base: b.base(c), Elem: b.typeName(c.TypeName())}
		if e := c.Expression(); e != nil {
			t.Length = b.expr(e)
		}
		return t
	case c.ElementaryTypeName() != nil:
		return b.elementaryType(c.ElementaryTypeName().(*gen.ElementaryTypeNameContext))
	case c.IdentifierPath() != nil:
		return &ast.UserDefinedTypeName{Base: b.base(c), Path: b.identifierPath(c.IdentifierPath())}
	case c.MappingType() != nil:
		return b.mappingType(c.MappingType().(*gen.MappingTypeContext))
	case c.FunctionTypeName() != nil:
		return b.functionType(c.FunctionTypeName().(*gen.FunctionTypeNameContext))
	}
	return nil
}

func (b *builder) elementaryType(c *gen.ElementaryTypeNameContext) *ast.ElementaryTypeName {
	t := &ast.ElementaryTypeName{Base: b.base(c)}
	if c.Address() != nil {
		t.Name = "address"
		t.Payable = c.Payable() != nil
	} else if e := c.ElementaryType(); e != nil {
		t.Name = b.tokText(e.GetSymbol())
	}
	return t
}

func (b *builder) mappingType(c *gen.MappingTypeContext) *ast.MappingTypeName {
	m := &ast.MappingTypeName{Base: b.base(c), Key: b.typeName(c.GetKey()), Value: b.typeName(c.GetValue())}
	if c.GetKeyName() != nil {
		m.KeyName = b.ident(c.GetKeyName())
	}
	if c.GetValueName() != nil {
		m.ValueName = b.ident(c.GetValueName())
	}
	return m
}

func (b *builder) functionType(c *gen.FunctionTypeNameContext) *ast.FunctionTypeName {
	fp := b.collectFunctionParts(c)
	return &ast.FunctionTypeName{Base: b.base(c), Params: fp.params, Returns: fp.returns,
		Visibility: fp.visibility, Mutability: fp.mutability}
}

// typeFromExpr reinterprets an expression as the type of a declaration:
// the parser reads `a.B[] memory x` as the expression `a.B[]` first.
func (b *builder) typeFromExpr(ctx gen.IExpressionContext) ast.TypeName {
	switch c := ctx.(type) {
	case *gen.ElementaryTypeExprContext:
		return b.elementaryType(c.ElementaryTypeName().(*gen.ElementaryTypeNameContext))
	case *gen.IdentifierExprContext:
		id := b.ident(c.Identifier())
		return &ast.UserDefinedTypeName{Base: b.base(c), Path: &ast.IdentifierPath{Base: b.base(c), Parts: []ast.Ident{id}}}
	case *gen.MemberExprContext:
		if inner, ok := b.typeFromExpr(c.Expression()).(*ast.UserDefinedTypeName); ok {
			parts := append(append([]ast.Ident(nil), inner.Path.Parts...), b.memberName(c))
			return &ast.UserDefinedTypeName{Base: b.base(c), Path: &ast.IdentifierPath{Base: b.base(c), Parts: parts}}
		}
	case *gen.IndexExprContext:
		if c.Colon() == nil {
			t := &ast.ArrayTypeName{Base: b.base(c), Elem: b.typeFromExpr(c.Expression(0))}
			if c.GetIndex() != nil {
				t.Length = b.expr(c.GetIndex())
			}
			return t
		}
	case *gen.PayableExprContext:
		return &ast.ElementaryTypeName{Base: b.base(c), Name: "address", Payable: true}
	}
	return nil
}

// ---- statements ----------------------------------------------------------------------------

func (b *builder) block(c *gen.BlockContext) *ast.Block {
	if c == nil {
		return nil
	}
	bl := &ast.Block{Base: b.base(c)}
	for _, s := range c.AllStatement() {
		if st := b.statement(s); st != nil {
			bl.Stmts = append(bl.Stmts, st)
		}
	}
	return bl
}

func (b *builder) blockOf(ctx gen.IBlockContext) *ast.Block {
	if ctx == nil {
		return nil
	}
	return b.block(ctx.(*gen.BlockContext))
}

func (b *builder) statement(ctx gen.IStatementContext) ast.Stmt {
	if ctx == nil || ctx.GetChildCount() == 0 {
		return nil
	}
	switch c := ctx.GetChild(0).(type) {
	case *gen.BlockContext:
		return b.block(c)
	case *gen.UncheckedBlockContext:
		bl := b.blockOf(c.Block())
		if bl == nil {
			return nil
		}
		bl.Unchecked = true
		bl.Src = b.span(c)
		return bl
	case *gen.IfStatementContext:
		s := &ast.IfStatement{Base: b.base(c), Cond: b.expr(c.Expression())}
		stmts := c.AllStatement()
		if len(stmts) > 0 {
			s.Then = b.statement(stmts[0])
		}
		if len(stmts) > 1 {
			s.Else = b.statement(stmts[1])
		}
		return s
	case *gen.ForStatementContext:
		s := &ast.ForStatement{Base: b.base(c), Body: b.statement(c.Statement())}
		if ss := c.SimpleStatement(); ss != nil {
			s.Init = b.simpleStatement(ss.(*gen.SimpleStatementContext))
		} else if vd := c.VariableDeclarationStatement(); vd != nil {
			s.Init = b.variableDeclarationStatement(vd.(*gen.VariableDeclarationStatementContext))
		}
		if e := c.GetCondition(); e != nil {
			s.Cond = b.expr(e)
		}
		if e := c.GetUpdate(); e != nil {
			s.Post = b.expr(e)
		}
		return s
	case *gen.WhileStatementContext:
		return &ast.WhileStatement{Base: b.base(c), Cond: b.expr(c.Expression()), Body: b.statement(c.Statement())}
	case *gen.DoWhileStatementContext:
		return &ast.DoWhileStatement{Base: b.base(c), Body: b.statement(c.Statement()), Cond: b.expr(c.Expression())}
	case *gen.ContinueStatementContext:
		return &ast.ContinueStatement{Base: b.base(c)}
	case *gen.BreakStatementContext:
		return &ast.BreakStatement{Base: b.base(c)}
	case *gen.TryStatementContext:
		s := &ast.TryStatement{Base: b.base(c), Call: b.expr(c.Expression()), Body: b.blockOf(c.Block())}
		if pl := c.ParameterList(); pl != nil {
			s.Returns = b.parameterList(pl.(*gen.ParameterListContext))
		}
		for _, cc := range c.AllCatchClause() {
			s.Catches = append(s.Catches, b.catchClause(cc.(*gen.CatchClauseContext)))
		}
		return s
	case *gen.ReturnStatementContext:
		s := &ast.ReturnStatement{Base: b.base(c)}
		if e := c.Expression(); e != nil {
			s.Value = b.expr(e)
		}
		return s
	case *gen.ThrowStatementContext:
		return &ast.ThrowStatement{Base: b.base(c)}
	case *gen.EmitStatementContext:
		return &ast.EmitStatement{Base: b.base(c), Call: b.asCall(b.expr(c.Expression()))}
	case *gen.RevertStatementContext:
		call := &ast.FunctionCall{Base: ast.Base{Src: b.between(b.span(c.IdentifierPath()), b.span(c.CallArgumentList()))}}
		call.Fn = b.pathExpr(b.identifierPath(c.IdentifierPath()))
		if args := c.CallArgumentList(); args != nil {
			call.Args, call.Names = b.callArguments(args)
		}
		return &ast.RevertStatement{Base: b.base(c), Call: call}
	case *gen.AssemblyStatementContext:
		return b.assembly(c)
	case *gen.VariableDeclarationStatementContext:
		return b.variableDeclarationStatement(c)
	case *gen.SimpleStatementContext:
		return b.simpleStatement(c)
	}
	return nil
}

// asCall makes sure emit statements always carry a call, even in code
// with errors.
func (b *builder) asCall(x ast.Expr) *ast.FunctionCall {
	if call, ok := x.(*ast.FunctionCall); ok {
		return call
	}
	if x == nil {
		return &ast.FunctionCall{Base: ast.Base{Src: source.Span{}}}
	}
	return &ast.FunctionCall{Base: ast.Base{Src: x.Span()}, Fn: x}
}

func (b *builder) catchClause(c *gen.CatchClauseContext) *ast.CatchClause {
	cc := &ast.CatchClause{Base: b.base(c), Body: b.blockOf(c.Block())}
	if n := c.GetName(); n != nil {
		cc.Name = n.GetText()
	}
	if pl := c.ParameterList(); pl != nil {
		cc.Params = b.parameterList(pl.(*gen.ParameterListContext))
	}
	return cc
}

func (b *builder) simpleStatement(c *gen.SimpleStatementContext) ast.Stmt {
	exprs := c.AllExpression()
	if len(exprs) == 0 {
		return nil
	}
	first := exprs[0]
	// `T [location] name [= value];`
	if n := c.GetName(); n != nil {
		v := &ast.VariableDeclaration{Base: ast.Base{Src: b.between(b.span(first), b.span(n))},
			Name: b.ident(n), Type: b.typeFromExpr(first)}
		if dl := c.DataLocation(); dl != nil {
			v.Location = b.ctxText(dl)
		}
		s := &ast.VariableDeclarationStatement{Base: b.base(c), Decls: []*ast.VariableDeclaration{v}}
		if val := c.GetValue(); val != nil {
			s.Value = b.expr(val)
		}
		return s
	}
	// `(T a, , U b) = value;`
	if as, ok := first.(*gen.AssignmentExprContext); ok && as.GetOp() != nil && as.GetOp().GetTokenType() == gen.SolidityLexerAssign {
		if tuple, ok := as.Expression(0).(*gen.TupleExprContext); ok && tupleDeclares(tuple) {
			return &ast.VariableDeclarationStatement{Base: b.base(c), Decls: b.tupleDeclarations(tuple), Value: b.expr(as.Expression(1))}
		}
	}
	if id, ok := first.(*gen.IdentifierExprContext); ok && b.ctxText(id) == "_" {
		return &ast.PlaceholderStatement{Base: b.base(c)}
	}
	return &ast.ExpressionStatement{Base: b.base(c), X: b.expr(first)}
}

func tupleDeclares(t *gen.TupleExprContext) bool {
	for _, el := range t.AllTupleElement() {
		if el.(*gen.TupleElementContext).GetName() != nil {
			return true
		}
	}
	return false
}

func (b *builder) tupleDeclarations(t *gen.TupleExprContext) []*ast.VariableDeclaration {
	var decls []*ast.VariableDeclaration
	sawElem := false
	for _, ch := range t.GetChildren() {
		switch c := ch.(type) {
		case *gen.TupleElementContext:
			sawElem = true
			if c.GetName() == nil {
				decls = append(decls, nil)
				continue
			}
			v := &ast.VariableDeclaration{Base: b.base(c), Name: b.ident(c.GetName()), Type: b.typeFromExpr(c.Expression())}
			if dl := c.DataLocation(); dl != nil {
				v.Location = b.ctxText(dl)
			}
			decls = append(decls, v)
		case antlr.TerminalNode:
			switch c.GetSymbol().GetTokenType() {
			case gen.SolidityLexerComma, gen.SolidityLexerRParen:
				if !sawElem {
					decls = append(decls, nil)
				}
				sawElem = false
			}
		}
	}
	return decls
}

func (b *builder) variableDeclarationStatement(c *gen.VariableDeclarationStatementContext) ast.Stmt {
	s := &ast.VariableDeclarationStatement{Base: b.base(c)}
	if val := c.GetValue(); val != nil {
		s.Value = b.expr(val)
	}
	if c.Var() != nil {
		if c.LParen() == nil {
			s.Decls = []*ast.VariableDeclaration{{Base: b.base(c.GetName()), Name: b.ident(c.GetName())}}
			return s
		}
		sawName := false
		for _, ch := range c.GetChildren() {
			switch t := ch.(type) {
			case *gen.IdentifierContext:
				sawName = true
				s.Decls = append(s.Decls, &ast.VariableDeclaration{Base: b.base(t), Name: b.ident(t)})
			case antlr.TerminalNode:
				switch t.GetSymbol().GetTokenType() {
				case gen.SolidityLexerComma, gen.SolidityLexerRParen:
					if !sawName {
						s.Decls = append(s.Decls, nil)
					}
					sawName = false
				}
			}
			if t, ok := ch.(antlr.TerminalNode); ok && t.GetSymbol().GetTokenType() == gen.SolidityLexerAssign {
				break
			}
		}
		return s
	}
	var t ast.TypeName
	if m := c.MappingType(); m != nil {
		t = b.mappingType(m.(*gen.MappingTypeContext))
	} else if f := c.FunctionTypeName(); f != nil {
		t = b.functionType(f.(*gen.FunctionTypeNameContext))
	}
	// Array dimensions written after the type: mapping(...)[] storage x.
	inBrackets := false
	var length ast.Expr
	for _, ch := range c.GetChildren() {
		switch x := ch.(type) {
		case antlr.TerminalNode:
			switch x.GetSymbol().GetTokenType() {
			case gen.SolidityLexerLBrack:
				inBrackets, length = true, nil
			case gen.SolidityLexerRBrack:
				inBrackets = false
				t = &ast.ArrayTypeName{Base: ast.Base{Src: b.between(t.Span(), b.tokenSpan(x.GetSymbol()))}, Elem: t, Length: length}
			}
		case gen.IExpressionContext:
			if inBrackets {
				length = b.expr(x)
			}
		}
	}
	v := &ast.VariableDeclaration{Base: ast.Base{Src: b.between(b.span(c), b.span(c.GetName()))}, Name: b.ident(c.GetName()), Type: t}
	if dl := c.DataLocation(); dl != nil {
		v.Location = b.ctxText(dl)
	}
	s.Decls = []*ast.VariableDeclaration{v}
	return s
}

// ---- expressions ---------------------------------------------------------------------------

func (b *builder) callArguments(ctx gen.ICallArgumentListContext) (args []ast.Expr, names []ast.Ident) {
	if ctx == nil {
		return nil, nil
	}
	c := ctx.(*gen.CallArgumentListContext)
	if c.LBrace() != nil {
		for _, na := range c.AllNamedArgument() {
			nc := na.(*gen.NamedArgumentContext)
			names = append(names, b.ident(nc.GetName()))
			args = append(args, b.expr(nc.GetValue()))
		}
		if names == nil {
			names = []ast.Ident{}
		}
		return args, names
	}
	for _, e := range c.AllExpression() {
		args = append(args, b.expr(e))
	}
	return args, nil
}

func (b *builder) memberName(c *gen.MemberExprContext) ast.Ident {
	if id := c.Identifier(); id != nil {
		return b.ident(id)
	}
	return b.termIdent(c.Address())
}

func (b *builder) expr(ctx gen.IExpressionContext) ast.Expr {
	if ctx == nil {
		return nil
	}
	switch c := ctx.(type) {
	case *gen.IdentifierExprContext:
		return &ast.Identifier{Base: b.base(c), Name: b.ctxText(c.Identifier())}
	case *gen.LiteralExprContext:
		return b.literal(c.Literal().(*gen.LiteralContext), b.base(c))
	case *gen.MemberExprContext:
		return &ast.MemberAccess{Base: b.base(c), X: b.expr(c.Expression()), Member: b.memberName(c)}
	case *gen.IndexExprContext:
		x := b.expr(c.Expression(0))
		if c.Colon() != nil {
			r := &ast.IndexRangeAccess{Base: b.base(c), X: x}
			if c.GetIndex() != nil {
				r.Start = b.expr(c.GetIndex())
			}
			if c.GetEnd() != nil {
				r.End = b.expr(c.GetEnd())
			}
			return r
		}
		ia := &ast.IndexAccess{Base: b.base(c), X: x}
		if c.GetIndex() != nil {
			ia.Index = b.expr(c.GetIndex())
		}
		return ia
	case *gen.CallExprContext:
		call := &ast.FunctionCall{Base: b.base(c), Fn: b.expr(c.Expression())}
		call.Args, call.Names = b.callArguments(c.CallArgumentList())
		return call
	case *gen.CallOptionsExprContext:
		o := &ast.FunctionCallOptions{Base: b.base(c), X: b.expr(c.Expression())}
		for _, na := range c.AllNamedArgument() {
			nc := na.(*gen.NamedArgumentContext)
			o.Names = append(o.Names, b.ident(nc.GetName()))
			o.Values = append(o.Values, b.expr(nc.GetValue()))
		}
		return o
	case *gen.PostfixExprContext:
		return &ast.UnaryOperation{Base: b.base(c), Op: b.tokText(c.GetOp()), X: b.expr(c.Expression())}
	case *gen.PrefixExprContext:
		return &ast.UnaryOperation{Base: b.base(c), Op: b.tokText(c.GetOp()), X: b.expr(c.Expression()), Prefix: true}
	case *gen.BinaryExprContext:
		return &ast.BinaryOperation{Base: b.base(c), Op: b.tokText(c.GetOp()), X: b.expr(c.Expression(0)), Y: b.expr(c.Expression(1))}
	case *gen.ConditionalExprContext:
		return &ast.Conditional{Base: b.base(c), Cond: b.expr(c.Expression(0)), Then: b.expr(c.Expression(1)), Else: b.expr(c.Expression(2))}
	case *gen.AssignmentExprContext:
		return &ast.Assignment{Base: b.base(c), Op: b.tokText(c.GetOp()), LHS: b.expr(c.Expression(0)), RHS: b.expr(c.Expression(1))}
	case *gen.NewExprContext:
		return &ast.NewExpression{Base: b.base(c), Type: b.typeName(c.TypeName())}
	case *gen.MetaTypeExprContext:
		return &ast.MetaType{Base: b.base(c), Type: b.typeName(c.TypeName())}
	case *gen.PayableExprContext:
		return &ast.ElementaryTypeExpression{Base: b.base(c),
			Type: &ast.ElementaryTypeName{Base: b.base(c), Name: "address", Payable: true}}
	case *gen.TupleExprContext:
		t := &ast.TupleExpression{Base: b.base(c)}
		sawElem, sawComma := false, false
		for _, ch := range c.GetChildren() {
			switch x := ch.(type) {
			case *gen.TupleElementContext:
				sawElem = true
				t.Elems = append(t.Elems, b.expr(x.Expression()))
			case antlr.TerminalNode:
				tt := x.GetSymbol().GetTokenType()
				if tt == gen.SolidityLexerComma {
					sawComma = true
				}
				if (tt == gen.SolidityLexerComma || (tt == gen.SolidityLexerRParen && sawComma)) && !sawElem {
					t.Elems = append(t.Elems, nil)
				}
				if tt == gen.SolidityLexerComma {
					sawElem = false
				}
			}
		}
		return t
	case *gen.InlineArrayExprContext:
		a := &ast.InlineArray{Base: b.base(c)}
		for _, e := range c.AllExpression() {
			a.Elems = append(a.Elems, b.expr(e))
		}
		return a
	case *gen.ElementaryTypeExprContext:
		return &ast.ElementaryTypeExpression{Base: b.base(c), Type: b.elementaryType(c.ElementaryTypeName().(*gen.ElementaryTypeNameContext))}
	}
	return nil
}

func (b *builder) literal(c *gen.LiteralContext, base ast.Base) *ast.Literal {
	l := &ast.Literal{Base: base}
	switch {
	case len(c.AllStringLiteral()) > 0:
		l.Kind = ast.StringLiteral
		var sb strings.Builder
		for _, s := range c.AllStringLiteral() {
			sb.WriteString(unquote(b.tokText(s.GetSymbol())))
		}
		l.Value = sb.String()
	case len(c.AllUnicodeStringLiteral()) > 0:
		l.Kind = ast.UnicodeStringLiteral
		var sb strings.Builder
		for _, s := range c.AllUnicodeStringLiteral() {
			sb.WriteString(unquote(strings.TrimPrefix(b.tokText(s.GetSymbol()), "unicode")))
		}
		l.Value = sb.String()
	case len(c.AllHexStringLiteral()) > 0:
		l.Kind = ast.HexStringLiteral
		var sb strings.Builder
		for _, s := range c.AllHexStringLiteral() {
			text := strings.TrimPrefix(b.tokText(s.GetSymbol()), "hex")
			sb.WriteString(strings.ReplaceAll(strings.Trim(text, `"'`), "_", ""))
		}
		l.Value = sb.String()
	case c.True() != nil || c.False() != nil:
		l.Kind = ast.BoolLiteral
		l.Value = c.GetText()
	default:
		l.Kind = ast.NumberLiteral
		if n := c.DecimalNumber(); n != nil {
			l.Value = strings.ReplaceAll(b.tokText(n.GetSymbol()), "_", "")
		} else if n := c.HexNumber(); n != nil {
			l.Value = strings.ReplaceAll(b.tokText(n.GetSymbol()), "_", "")
		}
		if u := c.NumberUnit(); u != nil {
			l.Unit = b.ctxText(u)
		}
	}
	return l
}

// unquote strips the quotes of a Solidity string literal and decodes its
// escape sequences; invalid escapes are kept as written.
func unquote(s string) string {
	if len(s) < 2 {
		return s
	}
	s = s[1 : len(s)-1]
	if !strings.ContainsRune(s, '\\') {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			sb.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		case 't':
			sb.WriteByte('\t')
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 'v':
			sb.WriteByte('\v')
		case '\n':
			// line continuation
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case 'x':
			if i+2 < len(s) {
				if v, ok := hexValue(s[i+1 : i+3]); ok {
					sb.WriteByte(byte(v))
					i += 2
					continue
				}
			}
			sb.WriteString(`\x`)
		case 'u':
			if i+4 < len(s) {
				if v, ok := hexValue(s[i+1 : i+5]); ok {
					sb.WriteRune(rune(v))
					i += 4
					continue
				}
			}
			sb.WriteString(`\u`)
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

func hexValue(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v = v*16 + int(c-'0')
		case c >= 'a' && c <= 'f':
			v = v*16 + int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v*16 + int(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

// ---- inline assembly --------------------------------------------------------------------------

func (b *builder) assembly(c *gen.AssemblyStatementContext) *ast.InlineAssembly {
	a := &ast.InlineAssembly{Base: b.base(c)}
	flags := c.AllAssemblyFlagString()
	if d := c.GetDialect(); d != nil {
		a.Dialect = unquote(d.GetText())
		if len(flags) > 0 {
			flags = flags[1:]
		}
	}
	for _, f := range flags {
		a.Flags = append(a.Flags, unquote(f.GetText()))
	}
	body := &ast.YulBlock{}
	from := b.tokenSpan(c.GetStop())
	if lb := c.AssemblyLBrace(); lb != nil {
		from = b.tokenSpan(lb.GetSymbol())
	}
	body.Src = b.between(from, b.tokenSpan(c.GetStop()))
	for _, s := range c.AllYulStatement() {
		if st := b.yulStatement(s); st != nil {
			body.Stmts = append(body.Stmts, st)
		}
	}
	a.Body = body
	return a
}

func (b *builder) yulBlock(ctx gen.IYulBlockContext) *ast.YulBlock {
	if ctx == nil {
		return nil
	}
	c := ctx.(*gen.YulBlockContext)
	bl := &ast.YulBlock{Base: b.base(c)}
	for _, s := range c.AllYulStatement() {
		if st := b.yulStatement(s); st != nil {
			bl.Stmts = append(bl.Stmts, st)
		}
	}
	return bl
}

func (b *builder) yulStatement(ctx gen.IYulStatementContext) ast.YulStmt {
	if ctx == nil || ctx.GetChildCount() == 0 {
		return nil
	}
	switch c := ctx.GetChild(0).(type) {
	case *gen.YulBlockContext:
		return b.yulBlock(c)
	case *gen.YulVariableDeclarationContext:
		d := &ast.YulVariableDeclaration{Base: b.base(c)}
		for _, tn := range c.AllYulTypedName() {
			d.Names = append(d.Names, b.yulTypedName(tn))
		}
		if e := c.YulExpression(); e != nil {
			d.Value = b.yulExpr(e)
		}
		return d
	case *gen.YulAssignmentContext:
		a := &ast.YulAssignment{Base: b.base(c), Value: b.yulExpr(c.YulExpression())}
		for _, id := range c.AllYulIdentifier() {
			a.Names = append(a.Names, b.termIdent(id))
		}
		return a
	case *gen.YulFunctionCallContext:
		return &ast.YulExpressionStatement{Base: b.base(c), X: b.yulCall(c)}
	case *gen.YulIfStatementContext:
		return &ast.YulIf{Base: b.base(c), Cond: b.yulExpr(c.YulExpression()), Body: b.yulBlock(c.YulBlock())}
	case *gen.YulForStatementContext:
		return &ast.YulFor{Base: b.base(c), Init: b.yulBlock(c.GetInit()), Cond: b.yulExpr(c.YulExpression()),
			Post: b.yulBlock(c.GetPost()), Body: b.yulBlock(c.GetBody())}
	case *gen.YulSwitchStatementContext:
		s := &ast.YulSwitch{Base: b.base(c), X: b.yulExpr(c.YulExpression())}
		for _, cc := range c.AllYulCase() {
			k := cc.(*gen.YulCaseContext)
			s.Cases = append(s.Cases, &ast.YulCase{Base: b.base(k), Value: b.yulLiteral(k.YulLiteral()), Body: b.yulBlock(k.YulBlock())})
		}
		if d := c.YulDefault(); d != nil {
			dc := d.(*gen.YulDefaultContext)
			s.Cases = append(s.Cases, &ast.YulCase{Base: b.base(dc), Body: b.yulBlock(dc.YulBlock())})
		}
		return s
	case *gen.YulFunctionDefinitionContext:
		f := &ast.YulFunctionDefinition{Base: b.base(c), Body: b.yulBlock(c.YulBlock())}
		if n := c.GetName(); n != nil {
			f.Name = ast.Ident{Name: b.tokText(n), Src: b.tokenSpan(n)}
		}
		afterArrow := false
		for _, ch := range c.GetChildren() {
			switch x := ch.(type) {
			case antlr.TerminalNode:
				if x.GetSymbol().GetTokenType() == gen.SolidityLexerYulArrow {
					afterArrow = true
				}
			case *gen.YulTypedNameContext:
				if afterArrow {
					f.Returns = append(f.Returns, b.yulTypedName(x))
				} else {
					f.Params = append(f.Params, b.yulTypedName(x))
				}
			}
		}
		return f
	case *gen.YulLabelContext:
		return &ast.YulLabel{Base: b.base(c), Name: b.termIdent(c.YulIdentifier())}
	case *gen.YulStackAssignmentContext:
		return &ast.YulStackAssignment{Base: b.base(c), Name: b.termIdent(c.YulIdentifier())}
	case *gen.YulInstructionContext:
		var x ast.YulExpr
		if id := c.YulIdentifier(); id != nil {
			x = &ast.YulIdentifier{Base: b.base(c), Name: b.tokText(id.GetSymbol())}
		} else {
			x = b.yulLiteral(c.YulLiteral())
		}
		return &ast.YulExpressionStatement{Base: b.base(c), X: x}
	case antlr.TerminalNode:
		switch c.GetSymbol().GetTokenType() {
		case gen.SolidityLexerYulLeave:
			return &ast.YulLeave{Base: ast.Base{Src: b.tokenSpan(c.GetSymbol())}}
		case gen.SolidityLexerYulBreak:
			return &ast.YulBreak{Base: ast.Base{Src: b.tokenSpan(c.GetSymbol())}}
		case gen.SolidityLexerYulContinue:
			return &ast.YulContinue{Base: ast.Base{Src: b.tokenSpan(c.GetSymbol())}}
		}
	}
	return nil
}

func (b *builder) yulTypedName(ctx gen.IYulTypedNameContext) ast.Ident {
	c := ctx.(*gen.YulTypedNameContext)
	ids := c.AllYulIdentifier()
	if len(ids) == 0 {
		return ast.Ident{Src: b.span(c)}
	}
	return b.termIdent(ids[0])
}

func (b *builder) yulExpr(ctx gen.IYulExpressionContext) ast.YulExpr {
	if ctx == nil {
		return nil
	}
	c := ctx.(*gen.YulExpressionContext)
	switch {
	case c.YulFunctionCall() != nil:
		return b.yulCall(c.YulFunctionCall().(*gen.YulFunctionCallContext))
	case c.YulIdentifier() != nil:
		return &ast.YulIdentifier{Base: b.base(c), Name: b.tokText(c.YulIdentifier().GetSymbol())}
	case c.YulLiteral() != nil:
		return b.yulLiteral(c.YulLiteral())
	}
	return nil
}

func (b *builder) yulCall(c *gen.YulFunctionCallContext) *ast.YulFunctionCall {
	call := &ast.YulFunctionCall{Base: b.base(c), Name: b.termIdent(c.YulIdentifier())}
	for _, e := range c.AllYulExpression() {
		call.Args = append(call.Args, b.yulExpr(e))
	}
	return call
}

func (b *builder) yulLiteral(ctx gen.IYulLiteralContext) *ast.YulLiteral {
	if ctx == nil {
		return nil
	}
	c := ctx.(*gen.YulLiteralContext)
	l := &ast.YulLiteral{Base: b.base(c), Value: b.ctxText(c)}
	switch {
	case c.YulStringLiteral() != nil:
		l.Kind, l.Value = ast.StringLiteral, unquote(l.Value)
	case c.YulHexStringLiteral() != nil:
		l.Kind, l.Value = ast.HexStringLiteral, strings.Trim(strings.TrimPrefix(l.Value, "hex"), `"'`)
	case c.YulTrue() != nil || c.YulFalse() != nil:
		l.Kind = ast.BoolLiteral
	default:
		l.Kind = ast.NumberLiteral
	}
	return l
}

// ---- helpers shared with error reporting ---------------------------------------------------------

// runeToByte converts ANTLR's character index into a byte offset.
func runeToByte(f *source.File, runeIndex int) int {
	if f.IsASCII() {
		if runeIndex > len(f.Content) {
			return len(f.Content)
		}
		return runeIndex
	}
	n := 0
	for i := range string(f.Content) {
		if n == runeIndex {
			return i
		}
		n++
	}
	return len(f.Content)
}

func decodeRune(b []byte) (rune, int) { return utf8.DecodeRune(b) }
