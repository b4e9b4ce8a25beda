package llm

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Distances order the context of a finding from nearest to farthest; the
// budget drops the farthest first.
const (
	// DistHolder is the function (or declaration) holding the finding.
	DistHolder = iota
	// DistDirect is what the holder directly depends on: its modifiers,
	// the state it touches, the code of related locations.
	DistDirect
	// DistCallee is the functions it calls, one hop.
	DistCallee
	// DistCaller is the functions calling it, one hop.
	DistCaller
	// DistContract is the rest of the contract holding the finding.
	DistContract
)

// Section is one piece of source given to the model: whole lines of one
// file, as written (sanitising happens when the prompt is built).
type Section struct {
	// Title says what the code is, in sleuth's words: "function
	// Bank.withdraw(uint256), which holds the finding".
	Title     string
	File      string
	StartLine int
	// Lines are the source lines from StartLine on.
	Lines []string
	// Marked are the line numbers the finding points at.
	Marked map[int]bool
	// Only, when set, keeps just these line numbers of Lines (a few
	// declarations out of a contract); the gaps show as "…".
	Only     map[int]bool
	Distance int
}

// Slice is the context of one finding.
type Slice struct {
	Finding analyzers.Finding
	// Detector documents the detector that reported the finding; nil when
	// it is unknown.
	Detector *analyzers.Analyzer
	// Inheritance is the contract's inheritance line, "Bank is Ownable,
	// Pausable (linearised: Bank, Pausable, Ownable, Context)", or "".
	Inheritance string
	// Sections are ordered nearest first.
	Sections []Section
}

// Slicer cuts finding contexts out of one semantic model. It is not safe
// for concurrent use (nor is the model); slice every finding first, then
// send the prompts in parallel.
type Slicer struct {
	prog    *sema.Program
	callers map[*ast.FunctionDefinition][]*sema.Function
	// used holds the state variables already given for the current finding.
	used map[*ast.VariableDeclaration]bool
}

// NewSlicer returns a slicer over prog.
func NewSlicer(prog *sema.Program) *Slicer { return &Slicer{prog: prog} }

// Slice returns the context of a finding. A finding in a file the model
// does not hold gets a slice without code; the prompt still carries the
// finding and the detector's documentation.
func (s *Slicer) Slice(f analyzers.Finding, detector *analyzers.Analyzer) *Slice {
	sl := &Slice{Finding: f, Detector: detector}
	if s == nil || s.prog == nil {
		return sl
	}
	s.used = map[*ast.VariableDeclaration]bool{}
	unit := s.unit(f.Location.File)
	if unit == nil {
		return sl
	}
	file := unit.AST.File
	marked := map[int]bool{}
	for n := f.Location.StartLine; n <= max(f.Location.EndLine, f.Location.StartLine); n++ {
		marked[n] = true
	}
	seen := map[ast.Node]int{} // section index of each node added
	add := func(n ast.Node, title string, dist int, marks map[int]bool) {
		if n == nil || !n.Span().Valid() {
			return
		}
		if i, ok := seen[n]; ok {
			// Already there (a related statement in the holder): mark its
			// lines too.
			for l := range marks {
				if sl.Sections[i].Marked == nil {
					sl.Sections[i].Marked = map[int]bool{}
				}
				sl.Sections[i].Marked[l] = true
			}
			return
		}
		seen[n] = len(sl.Sections)
		sl.Sections = append(sl.Sections, section(n.Span(), title, dist, marks))
	}

	contract, holder := s.holder(unit, f.Location.StartLine, f.Location.StartColumn)
	var fn *sema.Function
	var mod *sema.Modifier
	switch h := holder.(type) {
	case *ast.FunctionDefinition:
		fn = s.prog.FunctionOf(h)
		add(h, describeFunction(h)+", which holds the finding", DistHolder, marked)
	case *ast.ModifierDefinition:
		mod = s.prog.ModifierOf(h)
		add(h, "modifier "+qualified(h.Contract, h.Name.Name)+", which holds the finding", DistHolder, marked)
	case nil:
		// File level (a pragma) or a contract-level construct no
		// declaration covers: the lines around the finding.
		sl.Sections = append(sl.Sections, window(file, f.Location.StartLine, max(f.Location.EndLine, f.Location.StartLine), 6,
			"the code around the finding", DistHolder, marked))
	default:
		title := "the declaration holding the finding"
		if contract != nil {
			title += " (in " + kindName(contract) + " " + contract.Name.Name + ")"
		}
		add(holder, title, DistHolder, marked)
	}

	var c *sema.Contract
	if contract != nil {
		c = s.prog.ContractOf(contract)
		sl.Inheritance = inheritance(c)
	}

	// Related locations name the other statements involved: the code
	// around each (its function) comes right after the holder.
	for _, r := range f.Related {
		ru := s.unit(r.Location.File)
		if ru == nil {
			continue
		}
		rc, rh := s.holder(ru, r.Location.StartLine, r.Location.StartColumn)
		marks := map[int]bool{}
		for n := r.Location.StartLine; n <= max(r.Location.EndLine, r.Location.StartLine); n++ {
			marks[n] = true
		}
		msg := strings.TrimSpace(r.Message)
		switch h := rh.(type) {
		case *ast.FunctionDefinition:
			add(h, describeFunction(h)+", related: "+msg, DistDirect, marks)
		case *ast.ModifierDefinition:
			add(h, "modifier "+qualified(h.Contract, h.Name.Name)+", related: "+msg, DistDirect, marks)
		case nil:
			if ru != unit || r.Location.StartLine < f.Location.StartLine-6 || r.Location.StartLine > f.Location.EndLine+6 {
				sl.Sections = append(sl.Sections, window(ru.AST.File, r.Location.StartLine, max(r.Location.EndLine, r.Location.StartLine), 2,
					"related: "+msg, DistDirect, marks))
			}
		default:
			title := "related: " + msg
			if rc != nil {
				title += " (in " + kindName(rc) + " " + rc.Name.Name + ")"
			}
			add(h, title, DistDirect, marks)
		}
	}

	// Modifiers the function runs, resolved in the finding's contract.
	if fn != nil {
		for _, m := range fn.Modifiers(c) {
			add(m.Def, "modifier "+qualified(m.Def.Contract, m.Def.Name.Name)+", which "+fn.Name()+" runs", DistDirect, nil)
		}
	}

	// State variables the holder reads or writes, with their declarations,
	// one section per declaring contract.
	var body ast.Node
	switch {
	case fn != nil:
		body = fn.Def
	case mod != nil:
		body = mod.Def
	}
	if body != nil {
		vars := s.stateVars(body)
		if fn != nil {
			// What its modifiers check counts too (the owner behind
			// onlyOwner).
			for _, m := range fn.Modifiers(c) {
				for _, v := range s.stateVars(m.Def) {
					if !slices.Contains(vars, v) {
						vars = append(vars, v)
					}
				}
			}
		}
		sl.Sections = append(sl.Sections, s.declarations(vars, "state variables it uses", DistDirect)...)
	}
	// Callees and callers, one hop.
	var calls []*sema.Call
	switch {
	case fn != nil:
		calls = fn.Calls
	case mod != nil:
		calls = mod.Calls
	}
	for _, call := range calls {
		def := s.implementation(c, call)
		if def == nil {
			continue
		}
		add(def, describeFunction(def)+", called here ("+call.Kind.String()+" call)", DistCallee, nil)
	}
	if fn != nil {
		for _, caller := range s.callersOf(fn.Def) {
			add(caller.Def, describeFunction(caller.Def)+", which calls "+fn.Name(), DistCaller, nil)
		}
	}

	// The rest of the contract, farthest: what the other functions do can
	// show a guard or an invariant the nearer context misses.
	if contract != nil {
		var others []*ast.VariableDeclaration
		for _, n := range contract.Nodes {
			switch d := n.(type) {
			case *ast.FunctionDefinition:
				add(d, describeFunction(d)+", elsewhere in the contract", DistContract, nil)
			case *ast.ModifierDefinition:
				add(d, "modifier "+qualified(contract, d.Name.Name)+", elsewhere in the contract", DistContract, nil)
			case *ast.VariableDeclaration:
				if !s.used[d] {
					others = append(others, d)
				}
			}
		}
		sl.Sections = append(sl.Sections, s.declarations(others, "its other state variables", DistContract)...)
	}
	return sl
}

// unit finds the model's unit for a root-relative path.
func (s *Slicer) unit(path string) *sema.Unit {
	for _, u := range s.prog.Units {
		if u.AST != nil && u.AST.File != nil && u.AST.File.Path == path {
			return u
		}
	}
	return nil
}

// holder returns the contract and the innermost declaration (function,
// modifier, state variable, event, struct, …) whose span holds the
// position, or nil ones at file level.
func (s *Slicer) holder(u *sema.Unit, line, col int) (*ast.ContractDefinition, ast.Node) {
	for _, n := range u.AST.Nodes {
		if !contains(n.Span(), line, col) {
			continue
		}
		c, ok := n.(*ast.ContractDefinition)
		if !ok {
			if _, isPragma := n.(*ast.PragmaDirective); isPragma {
				return nil, nil
			}
			return nil, n
		}
		for _, m := range c.Nodes {
			if contains(m.Span(), line, col) {
				return c, m
			}
		}
		return c, nil
	}
	return nil, nil
}

// stateVars lists the state variables referenced in a declaration, in
// order of first use.
func (s *Slicer) stateVars(n ast.Node) []*ast.VariableDeclaration {
	var out []*ast.VariableDeclaration
	seen := map[*ast.VariableDeclaration]bool{}
	ast.Inspect(n, func(x ast.Node) bool {
		switch x.(type) {
		case *ast.Identifier, *ast.MemberAccess:
			if v, ok := s.prog.Ref(x).(*ast.VariableDeclaration); ok && v.IsStateVar && !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
		return true
	})
	return out
}

// declarations groups state variable declarations by declaring contract
// into sections that keep only the declarations' lines.
func (s *Slicer) declarations(vars []*ast.VariableDeclaration, what string, dist int) []Section {
	var out []Section
	index := map[*ast.ContractDefinition]int{}
	for _, v := range vars {
		s.used[v] = true
		owner := s.ownerOf(v)
		if owner == nil || !owner.Span().Valid() || !v.Span().Valid() {
			continue
		}
		i, ok := index[owner]
		if !ok {
			sec := section(owner.Span(), kindName(owner)+" "+owner.Name.Name+", "+what, dist, nil)
			sec.Only = map[int]bool{sec.StartLine: true} // the contract's header
			i = len(out)
			index[owner] = i
			out = append(out, sec)
		}
		for n := v.Span().Start.Line; n <= v.Span().End.Line; n++ {
			out[i].Only[n] = true
		}
	}
	return out
}

// ownerOf returns the contract declaring a state variable.
func (s *Slicer) ownerOf(v *ast.VariableDeclaration) *ast.ContractDefinition {
	for _, c := range s.prog.Contracts {
		for _, sv := range c.Def.StateVars {
			if sv == v {
				return c.Def
			}
		}
	}
	return nil
}

// implementation returns the code a call runs, as far as it is known
// statically: for internal calls the most derived implementation in the
// finding's contract, for others the declaration the call names.
func (s *Slicer) implementation(c *sema.Contract, call *sema.Call) *ast.FunctionDefinition {
	def := call.Callee
	if def == nil {
		return nil
	}
	switch call.Kind {
	case sema.CallInternal, sema.CallExternal, sema.CallLibrary:
	default:
		return nil
	}
	if call.Kind == sema.CallInternal && !call.Super && c != nil && def.Contract != nil {
		for _, f := range c.FunctionsNamed(def.Name.Name) {
			if len(f.Def.Params) == len(def.Params) && f.Def.Body != nil {
				return f.Def
			}
		}
	}
	return def
}

// callersOf returns the functions whose bodies call def, across the model.
func (s *Slicer) callersOf(def *ast.FunctionDefinition) []*sema.Function {
	if s.callers == nil {
		s.callers = map[*ast.FunctionDefinition][]*sema.Function{}
		seen := map[[2]any]bool{}
		for _, c := range s.prog.Contracts {
			for _, fd := range c.Def.Functions {
				f := s.prog.FunctionOf(fd)
				if f == nil {
					continue
				}
				for _, call := range f.Calls {
					if call == nil || call.Callee == nil {
						continue
					}
					key := [2]any{call.Callee, f}
					if !seen[key] {
						seen[key] = true
						s.callers[call.Callee] = append(s.callers[call.Callee], f)
					}
				}
			}
		}
	}
	return s.callers[def]
}

// section is the whole lines a span covers.
func section(sp source.Span, title string, dist int, marked map[int]bool) Section {
	sec := Section{Title: title, File: sp.File.Path, StartLine: sp.Start.Line, Distance: dist, Marked: marked}
	for n := sp.Start.Line; n <= sp.End.Line; n++ {
		sec.Lines = append(sec.Lines, sp.File.Line(n))
	}
	return sec
}

// window is the lines from-radius to to+radius of a file.
func window(f *source.File, from, to, radius int, title string, dist int, marked map[int]bool) Section {
	start := max(1, from-radius)
	end := min(f.LineCount(), to+radius)
	sec := Section{Title: title, File: f.Path, StartLine: start, Distance: dist, Marked: marked}
	for n := start; n <= end; n++ {
		sec.Lines = append(sec.Lines, f.Line(n))
	}
	return sec
}

func contains(sp source.Span, line, col int) bool {
	if !sp.Valid() {
		return false
	}
	after := line > sp.Start.Line || (line == sp.Start.Line && col >= sp.Start.Column)
	before := line < sp.End.Line || (line == sp.End.Line && col < sp.End.Column)
	return after && before
}

func inheritance(c *sema.Contract) string {
	if c == nil || len(c.Def.Bases) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(kindName(c.Def) + " " + c.Name())
	if len(c.Def.Bases) > 0 {
		var bases []string
		for _, base := range c.Def.Bases {
			bases = append(bases, base.Name.String())
		}
		b.WriteString(" is " + strings.Join(bases, ", "))
	}
	if len(c.Linearization) > 1 {
		var lin []string
		for _, l := range c.Linearization {
			lin = append(lin, l.Name())
		}
		b.WriteString(" (linearised: " + strings.Join(lin, ", ") + ")")
	}
	return b.String()
}

// describeFunction names a function for a section title:
// "function Bank.withdraw(uint256)", "constructor of Bank".
func describeFunction(f *ast.FunctionDefinition) string {
	sig := analyzers.FunctionSignature(f)
	switch f.Kind {
	case ast.KindConstructor, ast.KindFallback, ast.KindReceive:
		if f.Contract != nil {
			return string(f.Kind) + " of " + f.Contract.Name.Name
		}
		return string(f.Kind)
	}
	return "function " + qualified(f.Contract, sig)
}

func qualified(c *ast.ContractDefinition, name string) string {
	if c == nil {
		return name
	}
	return c.Name.Name + "." + name
}

func kindName(c *ast.ContractDefinition) string {
	if c.Abstract {
		return "abstract contract"
	}
	return string(c.Kind)
}

// TypeName renders a variable's type as written, compactly.
func TypeName(v *ast.VariableDeclaration) string {
	if v.Type == nil {
		return "var"
	}
	return analyzers.TypeString(v.Type)
}

// String summarises a slice for debugging.
func (s *Slice) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s at %s:%d", s.Finding.Detector, s.Finding.Location.File, s.Finding.Location.StartLine)
	for _, sec := range s.Sections {
		fmt.Fprintf(&b, "\n  [%d] %s (%s:%d, %d lines)", sec.Distance, sec.Title, sec.File, sec.StartLine, len(sec.Lines))
	}
	return b.String()
}
