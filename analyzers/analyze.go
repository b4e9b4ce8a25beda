package analyzers

import (
	"time"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Result is the outcome of the static stage.
type Result struct {
	Findings    []Finding
	Diagnostics []source.Diagnostic
	// Suppressed counts findings silenced by sleuth-disable comments.
	Suppressed int
	// Program is the semantic model, for later stages (LLM context
	// slicing, symbolic matching).
	Program *sema.Program
	// ModelTime and DetectTime split the stage's duration.
	ModelTime, DetectTime time.Duration
}

// Analyze builds the semantic model of a loaded project once, runs the
// detectors over it, applies severity overrides and drops findings
// silenced by comments.
func Analyze(proj *parser.Project, list []*Analyzer, severity map[string]Severity) Result {
	start := time.Now()
	prog := sema.Build(proj)
	res := Result{Program: prog, ModelTime: time.Since(start)}
	res.Diagnostics = append(res.Diagnostics, prog.Diagnostics...)

	start = time.Now()
	findings, failures := Run(prog, list)
	res.DetectTime = time.Since(start)
	for _, f := range failures {
		res.Diagnostics = append(res.Diagnostics, source.Diagnostic{Severity: source.Error,
			Message: "internal error: " + f + " (its findings are missing; please report this)"})
	}
	for i := range findings {
		if s, ok := severity[findings[i].Detector]; ok {
			findings[i].Severity = s
		}
	}
	var units []*ast.SourceUnit
	for _, u := range proj.Units {
		units = append(units, u.AST)
	}
	res.Findings, res.Suppressed = Suppress(units, findings)
	return res
}
