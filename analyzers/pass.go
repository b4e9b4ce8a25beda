package analyzers

import (
	"sort"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Pass is one analyzer's run over the program. The semantic model is built
// once and shared by every pass.
type Pass struct {
	Analyzer *Analyzer
	Program  *sema.Program

	findings []Finding
	codes    []string // fingerprint input per finding, parallel to findings
	facts    *Facts   // shared by every pass of one run
}

// Contracts returns the in-scope contracts, in file and source order.
func (p *Pass) Contracts() []*sema.Contract { return p.Program.InScopeContracts() }

// Report records a finding at a node.
func (p *Pass) Report(r Report) {
	if r.At == nil {
		return
	}
	span := r.At.Span()
	if !span.Valid() {
		return
	}
	a := p.Analyzer
	f := Finding{
		Detector:   a.ID,
		Title:      a.Title,
		Message:    r.Message,
		Severity:   a.Severity,
		Confidence: a.Confidence,
		Category:   a.Category,
		SWC:        a.SWC,
		CWE:        append([]string(nil), a.CWE...),
		Location:   LocationOf(span),
	}
	if r.Severity != "" {
		f.Severity = r.Severity
	}
	if r.Confidence != "" {
		f.Confidence = r.Confidence
	}
	if r.Contract != nil {
		f.Location.Contract = r.Contract.Name.Name
	} else if r.Function != nil && r.Function.Contract != nil {
		f.Location.Contract = r.Function.Contract.Name.Name
	}
	if r.Function != nil {
		f.Location.Function = FunctionSignature(r.Function)
	}
	for _, rel := range r.Related {
		if rel.At == nil || !rel.At.Span().Valid() {
			continue
		}
		f.Related = append(f.Related, Related{Location: LocationOf(rel.At.Span()), Message: rel.Message})
	}
	p.findings = append(p.findings, f)
	p.codes = append(p.codes, span.Text())
}

// Reportf is Report for the common case of a node and a message.
func (p *Pass) Reportf(at ast.Node, fn *ast.FunctionDefinition, message string) {
	p.Report(Report{At: at, Function: fn, Message: message})
}

// Run builds nothing: it runs the analyzers over an already built program
// and returns their findings with stable ids, sorted by file, line, column
// and detector. An analyzer that panics loses its findings, not the run's:
// the panic comes back as an error diagnostic message.
func Run(prog *sema.Program, list []*Analyzer) (findings []Finding, failures []string) {
	facts := newFacts(prog)
	for _, a := range list {
		pass := &Pass{Analyzer: a, Program: prog, facts: facts}
		if err := runPass(pass); err != "" {
			failures = append(failures, err)
			continue
		}
		for i := range pass.findings {
			pass.findings[i].ID = ""
		}
		assignPassIDs(pass)
		findings = append(findings, pass.findings...)
	}
	sort.SliceStable(findings, func(i, j int) bool { return lessLocation(findings[i], findings[j]) })
	return findings, failures
}

func runPass(p *Pass) (failure string) {
	defer func() {
		if r := recover(); r != nil {
			failure = "detector " + p.Analyzer.ID + " failed: " + panicString(r)
		}
	}()
	p.Analyzer.Run(p)
	return ""
}

func panicString(r any) string {
	if err, ok := r.(error); ok {
		return err.Error()
	}
	if s, ok := r.(string); ok {
		return s
	}
	return "panic"
}

// assignPassIDs fingerprints one pass's findings in source order.
func assignPassIDs(p *Pass) {
	idx := make([]int, len(p.findings))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return lessLocation(p.findings[idx[a]], p.findings[idx[b]]) })
	seen := map[string]int{}
	for _, i := range idx {
		f := &p.findings[i]
		key := f.Location.File + "\x00" + f.Location.Contract + "\x00" + f.Location.Function + "\x00" + normaliseCode(p.codes[i])
		n := seen[key]
		seen[key] = n + 1
		f.ID = Fingerprint(f.Detector, f.Location.File, f.Location.Contract, f.Location.Function, p.codes[i], n)
	}
}
