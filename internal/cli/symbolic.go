package cli

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/report"
	"github.com/sleuth-sec/sleuth/symbolic"
)

// symbolicOptions are the flags of the symbolic stage.
type symbolicOptions struct {
	enabled bool
	solc    string
	budget  time.Duration
}

func addSymbolicFlags(cmd *cobra.Command, o *symbolicOptions) {
	f := cmd.Flags()
	f.BoolVar(&o.enabled, "symbolic", false,
		"compile the contracts and confirm or refute findings by symbolic execution, with witnesses replayed on go-ethereum's EVM")
	f.StringVar(&o.solc, "solc", "", "with --symbolic: the compiler, a solc `PATH` or a solc-js soljson.js or package directory (default: found from the pragmas)")
	f.DurationVar(&o.budget, "symbolic-budget", 30*time.Second, "with --symbolic: exploration time per contract")
}

// runSymbolic is the engine, a variable so tests can stand in for it.
var runSymbolic = symbolic.Run

// symbolicStage runs the symbolic engine when --symbolic is on: it sets
// Symbolic on the findings of the classes it checks and returns them with
// the findings only it could prove. A missing compiler or an engine
// failure is a diagnostic; the static findings stand.
func (p *pipeline) symbolicStage(cmd *cobra.Command, proj *parser.Project, doc *report.Document, findings []analyzers.Finding) []analyzers.Finding {
	o := p.opts.symbolic
	if !o.enabled {
		return findings
	}
	// Ctrl-C stops exploring and still writes the report.
	ctx, stop := signal.NotifyContext(contextOf(cmd), os.Interrupt)
	defer stop()

	spin := newStatusLine(p.stderr, !p.opts.quiet && isTerminal(p.stderr))
	var mu sync.Mutex
	status := "symbolic execution: compiling"
	spin.start(func() string {
		mu.Lock()
		defer mu.Unlock()
		return status
	})
	res := runSymbolic(ctx, proj, findings, symbolic.Options{
		Solc:   o.solc,
		Budget: o.budget,
		Progress: func(done, total int) {
			mu.Lock()
			status = fmt.Sprintf("symbolic execution: %d of %d contracts", done, total)
			mu.Unlock()
		},
	})
	spin.stop()

	doc.Diagnostics = append(doc.Diagnostics, res.Diagnostics...)
	source.SortDiagnostics(doc.Diagnostics)
	doc.Detectors = append(doc.Detectors, engineDetectors()...)
	added := keepSelected(res.Added, p.only, p.excluded)
	analyzers.AssignIDs(added, report.CodeOf(doc.File))
	p.logf("symbolic: %d contracts explored; %d findings confirmed, %d unknown; %d found by the engine alone",
		res.Contracts, res.Confirmed, res.Unknown, len(added))
	return append(findings, added...)
}
