// Package symbolic is the symbolic stage of a scan: it compiles the
// project (symbolic/compile), explores every deployable contract in scope
// with the symbolic EVM (symbolic/sevm), whose witnesses are replayed on
// go-ethereum's EVM (symbolic/replay), and attaches the evidence to the
// static findings of the matching classes. What only the engine sees, and
// could prove, becomes a finding of its own.
//
// "Confirmed" is earned only by a replayed witness that showed its effect.
// Everything else is "unknown": a bounded exploration that found no
// witness proves nothing, so the stage never claims "refuted".
package symbolic

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/symbolic/compile"
	"github.com/sleuth-sec/sleuth/symbolic/sevm"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// Options configure the stage.
type Options struct {
	// Solc is --solc: a solc binary, or a solc-js soljson.js or package
	// directory; "" finds one.
	Solc string
	// Budget is the exploration time per contract; 0 = 30 s.
	Budget time.Duration
	// Jobs bounds the contracts explored at once; 0 = one per CPU.
	Jobs int
	// Progress, when set, is told each time a contract is done.
	Progress func(done, total int)
}

// Result is what the stage adds to a scan.
type Result struct {
	// Added are findings only the engine saw, each with a replayed witness.
	Added []analyzers.Finding
	// Diagnostics say what could not be compiled or explored.
	Diagnostics []source.Diagnostic
	// Contracts counts the contracts explored; Confirmed and Unknown
	// count the verdicts on static findings.
	Contracts          int
	Confirmed, Unknown int
	// Reports are the engine's per-contract reports, for --verbose.
	Reports []*sevm.Report
}

// The compiler and the engine, variables so tests can stand in for them.
var (
	compileProject = compile.Compile
	analyze        = sevm.AnalyzeTarget
)

// Run compiles proj, explores its deployable in-scope contracts and sets
// Symbolic on the findings whose class the engine checks. It never fails
// the scan: what goes wrong becomes a diagnostic.
func Run(ctx context.Context, proj *parser.Project, findings []analyzers.Finding, opts Options) Result {
	var res Result
	arts, diags, err := compileProject(ctx, proj, compile.Options{Solc: opts.Solc})
	res.Diagnostics = append(res.Diagnostics, diags...)
	if err != nil {
		res.Diagnostics = append(res.Diagnostics, source.Diagnostic{Severity: source.Error, Message: "symbolic: " + err.Error()})
		return res
	}
	prog := sema.Build(proj)
	targets := deployable(proj, prog, arts)
	res.Contracts = len(targets)

	reports := explore(ctx, targets, opts, &res)
	res.Reports = reports
	loc := newLocator(proj)
	issues := collectIssues(reports, targets, loc)

	used := map[*issue]bool{}
	for i := range findings {
		f := &findings[i]
		props, ok := propertyOf[f.Detector]
		if !ok {
			continue
		}
		f.Symbolic = judge(f, props, issues, used)
		if f.Symbolic.Status == analyzers.Confirmed {
			res.Confirmed++
		} else {
			res.Unknown++
		}
	}
	res.Added = newFindings(issues, used)
	return res
}

// target is one deployable contract with the names it inherits from, so
// a finding in a base contract is judged by the contracts that deploy it.
type target struct {
	art     *compile.Artifact
	inherit map[string]bool // file + "\x00" + contract, for every contract in the linearisation
}

func key(file, contract string) string { return file + "\x00" + contract }

// deployable keeps the artifacts of in-scope files that have creation code
// (no interfaces, abstract contracts or libraries without state).
func deployable(proj *parser.Project, prog *sema.Program, arts []*compile.Artifact) []*target {
	inScope := map[string]bool{}
	for _, u := range proj.InScope() {
		inScope[u.File.Path] = true
	}
	var out []*target
	for _, a := range arts {
		if !inScope[a.Source] || len(a.Creation) == 0 || len(a.Runtime) == 0 {
			continue
		}
		t := &target{art: a, inherit: map[string]bool{key(a.Source, a.Name): true}}
		for _, c := range prog.InScopeContracts() {
			if c.Name() != a.Name || c.Def.Source == nil || c.Def.Source.File.Path != a.Source {
				continue
			}
			if c.IsLibrary() || c.IsInterface() {
				t = nil
				break
			}
			for _, b := range c.Linearization {
				if b.Def.Source != nil {
					t.inherit[key(b.Def.Source.File.Path, b.Name())] = true
				}
			}
		}
		if t != nil {
			out = append(out, t)
		}
	}
	return out
}

// explore runs the engine over every target, a few at a time.
func explore(ctx context.Context, targets []*target, opts Options, res *Result) []*sevm.Report {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	budget := opts.Budget
	if budget <= 0 {
		budget = 30 * time.Second
	}
	reports := make([]*sevm.Report, len(targets))
	errs := make([]error, len(targets))
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	sem := make(chan struct{}, jobs)
	for i, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			reports[i], errs[i] = analyzeSafely(ctx, t.art, budget)
			if opts.Progress != nil {
				mu.Lock()
				done++
				opts.Progress(done, len(targets))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if errors.Is(err, smt.ErrNoZ3) {
			// One diagnostic says it all, not one per contract.
			res.Diagnostics = append(res.Diagnostics, source.Diagnostic{Severity: source.Error,
				Message: "symbolic: no contract explored: z3 is not installed (apt-get install z3, brew install z3)"})
			break
		}
		if err != nil {
			res.Diagnostics = append(res.Diagnostics, source.Diagnostic{File: targets[i].art.Source, Severity: source.Warning,
				Message: fmt.Sprintf("symbolic: %s not explored: %v", targets[i].art.Name, err)})
		}
	}
	return reports
}

// analyzeSafely runs the engine on one artifact; a bug in it costs that
// contract, not the scan.
func analyzeSafely(ctx context.Context, a *compile.Artifact, budget time.Duration) (r *sevm.Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	abi := a.ABI
	t := &sevm.Target{Name: a.Name, Creation: a.Creation, Runtime: a.Runtime, ABI: &abi, Source: a.PCSource, Def: sevm.ASTDefs(a)}
	return analyze(ctx, t, sevm.Config{Budget: budget})
}

// issue is an engine issue placed in the source.
type issue struct {
	*sevm.Issue
	target *target
	place  place
	placed bool
}

// collectIssues places every issue of every report, once per property and
// source range (a base contract deployed twice yields the same issue).
func collectIssues(reports []*sevm.Report, targets []*target, loc *locator) []*issue {
	var out []*issue
	seen := map[string]*issue{}
	for i, r := range reports {
		if r == nil {
			continue
		}
		for _, is := range r.Issues {
			x := &issue{Issue: is, target: targets[i]}
			if is.File != "" {
				x.place, x.placed = loc.at(is.File, is.Offset, is.Length)
			}
			k := fmt.Sprintf("%s\x00%s\x00%d\x00%d\x00%s", is.Property, is.File, is.Offset, is.Length, targets[i].art.Name)
			if x.placed {
				k = fmt.Sprintf("%s\x00%s\x00%d\x00%d", is.Property, is.File, is.Offset, is.Length)
			}
			if old, ok := seen[k]; ok {
				if !old.Confirmed && is.Confirmed {
					*old = *x
				}
				continue
			}
			seen[k] = x
			out = append(out, x)
		}
	}
	return out
}

// judge decides a static finding's symbolic status: confirmed by a
// replayed issue of its class in the same function, unknown otherwise.
func judge(f *analyzers.Finding, props []sevm.Property, issues []*issue, used map[*issue]bool) *analyzers.Symbolic {
	var best *issue
	for _, is := range issues {
		if !slices.Contains(props, is.Property) || !is.placed || !sameCode(f.Location, is.place.loc) {
			continue
		}
		// Every issue of the function is the finding's evidence; the
		// first confirmed one is shown.
		used[is] = true
		if best == nil || (is.Confirmed && !best.Confirmed) {
			best = is
		}
	}
	if best != nil {
		s := &analyzers.Symbolic{Status: analyzers.Unknown, Witness: witness(best.Witness), Replayed: best.Replayed}
		if best.Confirmed {
			s.Status = analyzers.Confirmed
		}
		return s
	}
	// No witness is not a refutation: the engine's bounds (three
	// transactions, unrolled loops, the time budget) and its properties,
	// narrower than the detectors' patterns, leave room for real bugs it
	// does not reach. Saying "refuted" would invite dismissing them.
	return &analyzers.Symbolic{Status: analyzers.Unknown}
}

// sameCode reports whether an issue's place lies in the finding's
// function (or contract, for findings outside functions).
func sameCode(f, is analyzers.Location) bool {
	if f.File != is.File || f.Contract != is.Contract {
		return false
	}
	return f.Function == "" || f.Function == is.Function
}

func witness(steps []sevm.Step) []analyzers.WitnessTx {
	out := make([]analyzers.WitnessTx, 0, len(steps))
	for _, s := range steps {
		v := "0"
		if s.Value != nil {
			v = s.Value.Dec()
		}
		out = append(out, analyzers.WitnessTx{
			From:     s.From.Hex(),
			To:       s.To.Hex(),
			Value:    v,
			Calldata: fmt.Sprintf("0x%x", s.Calldata),
			Function: s.Function,
			Args:     s.Args,
		})
	}
	return out
}

// newFindings turns the confirmed issues no static finding claimed into
// findings of the engine's own detectors. Unconfirmed ones stay out: a
// finding the engine cannot prove and no detector flagged is noise.
func newFindings(issues []*issue, used map[*issue]bool) []analyzers.Finding {
	var out []analyzers.Finding
	for _, is := range issues {
		if used[is] || !is.Confirmed || !is.placed {
			continue
		}
		d := detectorFor[is.Property]
		if d == nil {
			continue
		}
		out = append(out, analyzers.Finding{
			Detector:   d.ID,
			Title:      d.Title,
			Message:    fmt.Sprintf("%s: %s", is.target.art.Name, is.Message),
			Severity:   d.Severity,
			Confidence: d.Confidence,
			Category:   d.Category,
			SWC:        d.SWC,
			CWE:        slices.Clone(d.CWE),
			Location:   is.place.loc,
			Symbolic:   &analyzers.Symbolic{Status: analyzers.Confirmed, Witness: witness(is.Witness), Replayed: true},
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Location, out[j].Location
		if a.File != b.File {
			return a.File < b.File
		}
		return a.StartLine < b.StartLine
	})
	return out
}
