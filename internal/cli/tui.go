package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/internal/config"
	"github.com/sleuth-sec/sleuth/llm"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/report"
	"github.com/sleuth-sec/sleuth/tui"
)

func init() { moreCommands = append(moreCommands, newTUICommand) }

// exportName is the file the TUI's Markdown export writes, in the
// directory sleuth was started from.
const exportName = "sleuth-findings.md"

func newTUICommand(colorMode *string) *cobra.Command {
	var opts scanOptions
	cmd := &cobra.Command{
		Use:   "tui PATH...",
		Short: "Browse, triage and ask about findings in the terminal UI",
		Long: `tui scans the given paths as 'sleuth scan' does and opens the findings in a
terminal UI: a list you can filter, sort and group, each finding beside its
source, triage (confirmed, false positive, needs review, with a note) saved
to .sleuth/triage.json under the scanned root, and a local model (Ollama)
that explains a finding and proposes a fix on request. Press ? for every key.

Later scans show the triage; 'sleuth scan --reviewed hide' leaves out what
was marked false positive.`,
		Example: `  sleuth tui .
  sleuth tui --min-severity medium src/
  sleuth tui --symbolic src/
  sleuth scan --tui src/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return &exitError{code: ExitUsage, err: errors.New("tui: no PATH given"), seeHelp: true}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.color = *colorMode
			// Everything is shown, marked; H hides false positives live.
			opts.reviewed = "flag"
			if err := needTerminal(cmd); err != nil {
				return err
			}
			p, err := preparePipeline(cmd, &opts, args)
			if err != nil {
				return err
			}
			res, err := p.run(cmd, args)
			if err != nil {
				return err
			}
			res.resumeGC()
			return runTUI(cmd, p, res)
		},
	}
	f := cmd.Flags()
	addScopeFlags(f, &opts)
	addLLMFlags(cmd, &opts.llm)
	// --symbolic: the detail pane shows each finding's witness.
	addSymbolicFlags(cmd, &opts.symbolic)
	return cmd
}

// needTerminal refuses to start the UI without a terminal to draw on:
// bubbletea would otherwise wait forever for keys that never come.
func needTerminal(cmd *cobra.Command) error {
	// Standard input is checked for real: tests that pretend output is a
	// terminal must not start a program that waits for keys.
	if !isTerminal(cmd.OutOrStdout()) || !term.IsTerminal(int(os.Stdin.Fd())) {
		return &exitError{code: ExitUsage,
			err:  errors.New("the terminal UI needs a terminal: standard input and output must be one"),
			hint: "for a report, run 'sleuth scan' (--format json, --markdown FILE, …)"}
	}
	return nil
}

// runTUI shows a finished scan in the terminal UI.
func runTUI(cmd *cobra.Command, p *pipeline, res *scanResult) error {
	if err := needTerminal(cmd); err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	color, err := useColor(p.opts.color, out)
	if err != nil {
		return err
	}
	reviews, err := report.LoadReviews(res.doc.Root)
	if err != nil {
		return usageErrorf("%v", err)
	}
	asker, reason := newTUIAsker(p, res.proj)
	exportPath := exportName
	if abs, err := filepath.Abs(exportName); err == nil {
		exportPath = abs
	}
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	status := ""
	if res.failure != nil {
		status = res.failure.Error()
	}
	m := tui.New(tui.Options{
		Doc:           res.doc,
		Reviews:       reviews,
		Asker:         asker,
		NoAskerReason: reason,
		Color:         color,
		Editor:        editor,
		ExportPath:    exportPath,
		Copy:          osc52(out),
		Status:        status,
	})
	ctx := contextOf(cmd)
	prog := tea.NewProgram(m, tea.WithAltScreen(), tea.WithOutput(out), tea.WithContext(ctx))
	if _, err := prog.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return failuref("terminal UI: %v", err)
	}
	if res.failure != nil {
		return res.failure
	}
	return nil
}

// osc52 copies through the terminal's OSC 52 sequence, which works over
// ssh and inside tmux where no clipboard program is at hand.
func osc52(w io.Writer) func(string) error {
	return func(s string) error {
		termenv.NewOutput(w).Copy(s)
		return nil
	}
}

// tuiAsker answers "ask the model" with the same explanation `sleuth
// explain --finding --llm` streams.
type tuiAsker struct {
	client  *llm.Client
	model   string
	timeout time.Duration
	proj    *parser.Project
	detect  func(id string) *analyzers.Analyzer

	mu     sync.Mutex // the slicer is built once, on the first question
	slicer *llm.Slicer
}

// newTUIAsker builds the asker from the LLM flags and sleuth.toml. Asking
// does not need --llm: it is one question, on request. When no asker can
// be built it says why instead.
func newTUIAsker(p *pipeline, proj *parser.Project) (tui.Asker, string) {
	if proj == nil {
		return nil, "the scan produced no project to slice"
	}
	o := p.opts.llm
	host := o.host
	if host == nil {
		configured := ""
		if cfg, _, err := config.Load(proj.Root); err == nil {
			configured = cfg.LLM.Host
		}
		u, err := llm.ResolveHost(configured)
		if err != nil {
			return nil, err.Error()
		}
		host = u
	}
	model := o.model
	if model == "" {
		model = llm.DefaultModel
	}
	timeout := o.timeout
	if timeout <= 0 {
		timeout = llm.DefaultTimeout
	}
	return &tuiAsker{client: llm.NewClient(host, nil), model: model, timeout: timeout, proj: proj, detect: lookup}, ""
}

func (a *tuiAsker) Ask(ctx context.Context, f analyzers.Finding, w io.Writer) error {
	info, err := a.client.Check(ctx, a.model)
	if err != nil {
		return err
	}
	window := llm.DefaultContextWindow
	if info.ContextLength > 0 && info.ContextLength < window {
		window = info.ContextLength
	}
	a.mu.Lock()
	if a.slicer == nil {
		a.slicer = llm.NewSlicer(sema.Build(a.proj))
	}
	slice := a.slicer.Slice(f, a.detect(f.Detector))
	a.mu.Unlock()
	return a.client.Explain(ctx, a.model, slice, window, a.timeout, w)
}

// checkReviewedMode checks --reviewed before any work starts.
func checkReviewedMode(mode string) error {
	switch mode {
	case "flag", "hide", "":
		return nil
	}
	return usageErrorf("unknown --reviewed %q (want flag or hide)", mode)
}

// applyReviewFile marks the findings reviewed in the root's
// .sleuth/triage.json, or with --reviewed hide leaves out those marked
// false positive. A malformed file stops the scan: silently ignoring a
// team's triage would resurface every dismissed finding.
func applyReviewFile(doc *report.Document, mode string) error {
	if doc.Root == "" {
		return nil
	}
	r, err := report.LoadReviews(doc.Root)
	if err != nil {
		return usageErrorf("%v", err)
	}
	report.ApplyReviews(doc, r, mode == "hide")
	return nil
}
