package analyzers

import (
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

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
//
// Passes run concurrently, one worker per CPU. The costly results several
// detectors share (the unguarded writes, the reentrancy analysis, the
// block derivation, parent maps) are computed once per program behind
// locks; the cheap ones (entry points, access-control memos) live in
// Facts of each worker's own, without locks, at the price of computing
// them once per worker. The program's own memos are safe for concurrent
// use. The output does not depend on how passes were spread over workers.
func Run(prog *sema.Program, list []*Analyzer) (findings []Finding, failures []string) {
	return runWorkers(prog, list, runtime.GOMAXPROCS(0))
}

func runWorkers(prog *sema.Program, list []*Analyzer, workers int) (findings []Finding, failures []string) {
	passes := make([]*Pass, len(list))
	errs := make([]string, len(list))
	order := schedule(list)
	workers = max(1, min(workers, len(list)))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			facts := newFacts(prog)
			for {
				n := int(next.Add(1)) - 1
				if n >= len(order) {
					return
				}
				i := order[n]
				passes[i] = &Pass{Analyzer: list[i], Program: prog, facts: facts}
				errs[i] = runPass(passes[i])
			}
		}()
	}
	wg.Wait()
	for i, pass := range passes {
		if errs[i] != "" {
			failures = append(failures, errs[i])
			continue
		}
		for j := range pass.findings {
			pass.findings[j].ID = ""
		}
		assignPassIDs(pass)
		findings = append(findings, pass.findings...)
	}
	sort.SliceStable(findings, func(i, j int) bool { return lessLocation(findings[i], findings[j]) })
	return findings, failures
}

// costlyFirst names the detectors that take most of a run's time, most
// costly first (each pass timed alone over OpenZeppelin): starting them
// first keeps one worker from being left with a long pass at the end.
// The reentrancy detectors share one analysis under a lock, so only one
// of them starts early; the others follow once it is likely done. So do
// incorrect-equality and weak-prng, which share the block derivation:
// the first builds it while the other worker runs something else.
var costlyFirst = []string{
	"integer-overflow", "reentrancy-benign", "events-access", "incorrect-equality",
	"dos-failed-call", "weak-prng", "ecrecover-unchecked", "arbitrary-send-eth",
	"unbounded-loop",
}

// schedule returns the order in which to start list's passes: the costly
// ones first, then the rest in list order.
func schedule(list []*Analyzer) []int {
	rank := map[string]int{}
	for i, id := range costlyFirst {
		rank[id] = i + 1
	}
	order := make([]int, len(list))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ra, rb := rank[list[order[a]].ID], rank[list[order[b]].ID]
		if ra == 0 || rb == 0 {
			return ra != 0 && rb == 0
		}
		return ra < rb
	})
	return order
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
