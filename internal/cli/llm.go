package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/internal/config"
	"github.com/sleuth-sec/sleuth/llm"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/report"
)

// llmOptions are the flags of LLM triage, shared by scan and explain.
type llmOptions struct {
	enabled bool
	model   string
	pull    bool
	noCache bool
	hideFP  bool
	jobs    int
	timeout time.Duration

	// host is resolved from OLLAMA_HOST, sleuth.toml and the default.
	host *url.URL
}

// addLLMFlags registers the triage flags on scan.
func addLLMFlags(cmd *cobra.Command, o *llmOptions) {
	f := cmd.Flags()
	f.BoolVar(&o.enabled, "llm", false, "triage every finding with a local model through Ollama (OLLAMA_HOST, or [llm] in sleuth.toml)")
	f.StringVar(&o.model, "model", "", "the Ollama `MODEL` that triages (default "+llm.DefaultModel+")")
	f.BoolVar(&o.pull, "pull", false, "download the model through Ollama first if it is not installed")
	f.BoolVar(&o.noCache, "no-cache", false, "ask the model again instead of reusing verdicts cached in .sleuth/cache")
	f.BoolVar(&o.hideFP, "hide-false-positives", false, "leave out findings the model judged false positives (they are shown, marked, by default)")
	f.IntVar(&o.jobs, "llm-jobs", llm.DefaultParallel, "how many findings to triage at once (`N`)")
	f.DurationVar(&o.timeout, "llm-timeout", llm.DefaultTimeout, "give up on one finding's verdict after `DURATION`")
}

// resolveLLM merges sleuth.toml's [llm] table into the options and checks
// them before any work starts. Flags win over the file; OLLAMA_HOST wins
// over the file's host.
func resolveLLM(cmd *cobra.Command, o *llmOptions, paths []string) error {
	changed := cmd.Flags().Changed
	var host string
	if len(paths) > 0 {
		// applyConfig has already reported a broken file.
		if cfg, _, err := config.Load(paths[0]); err == nil {
			if !changed("llm") && cfg.LLM.Enabled {
				o.enabled = true
			}
			if !changed("model") && cfg.LLM.Model != "" {
				o.model = cfg.LLM.Model
			}
			host = cfg.LLM.Host
		}
	}
	if o.model == "" {
		o.model = llm.DefaultModel
	}
	if !o.enabled {
		for _, name := range []string{"model", "pull", "no-cache", "hide-false-positives", "llm-jobs", "llm-timeout"} {
			if changed(name) {
				return usageErrorf("--%s needs --llm (or enabled = true under [llm] in sleuth.toml)", name)
			}
		}
		return nil
	}
	if o.jobs < 1 {
		return usageErrorf("--llm-jobs must be at least 1")
	}
	if o.timeout <= 0 {
		return usageErrorf("--llm-timeout must be positive")
	}
	u, err := llm.ResolveHost(host)
	if err != nil {
		return usageErrorf("[llm] host in sleuth.toml: %v", err)
	}
	o.host = u
	return nil
}

// triageStage is the LLM stage of a scan: it sets a verdict on the
// findings the report will show and adds its diagnostics, stage time and
// what --hide-false-positives hid to the document. It never fails the
// scan: whatever goes wrong leaves findings with triage null and says why
// in a diagnostic.
func triageStage(cmd *cobra.Command, o llmOptions, proj *parser.Project, doc *report.Document, quiet bool) {
	if !o.enabled || len(doc.Findings) == 0 {
		return
	}
	stderr := cmd.ErrOrStderr()
	start := time.Now()
	defer func() {
		d := time.Since(start)
		doc.Stats.Stages = append(doc.Stats.Stages, report.Stage{Name: "llm", Duration: d})
		doc.Stats.Duration += d
	}()

	// Ctrl-C during triage stops asking and still writes the report; a
	// second one ends the program as usual.
	ctx, stop := signal.NotifyContext(contextOf(cmd), os.Interrupt)
	defer stop()

	tty := !quiet && isTerminal(stderr)
	client := llm.NewClient(o.host, nil)
	if o.pull {
		if err := ensureModel(ctx, client, o.model, stderr, tty); err != nil {
			addDiagnostic(doc, "llm: no triage: "+err.Error())
			return
		}
	}

	// The semantic model is rebuilt here rather than kept from detection,
	// which returns only findings; it costs milliseconds beside a model's
	// seconds per finding.
	prog := sema.Build(proj)

	var cache *llm.Cache
	if !o.noCache && proj.Root != "" {
		cache = llm.OpenCache(proj.Root)
	}
	line := newStatusLine(stderr, tty)
	total := len(doc.Findings)
	var mu sync.Mutex
	done := 0
	line.start(func() string {
		mu.Lock()
		defer mu.Unlock()
		return fmt.Sprintf("triaging %s with %s: %d/%d", plural(total, "finding"), o.model, done, total)
	})
	triager := llm.NewTriager(client, llm.Config{
		Model:    o.model,
		Parallel: o.jobs,
		Timeout:  o.timeout,
		Cache:    cache,
		Progress: func(n, _ int) {
			mu.Lock()
			done = n
			mu.Unlock()
		},
	})
	out := triager.Triage(ctx, prog, doc.Findings, func(id string) *analyzers.Analyzer {
		if a := doc.Detector(id); a != nil {
			return a
		}
		return lookup(id)
	})
	line.stop()

	if ctx.Err() != nil && contextOf(cmd).Err() == nil {
		addDiagnostic(doc, "llm: interrupted; findings without a verdict keep triage null")
	}
	doc.Diagnostics = append(doc.Diagnostics, out.Diagnostics...)
	source.SortDiagnostics(doc.Diagnostics)
	if !quiet {
		fmt.Fprintf(stderr, "sleuth: triage by %s: %s, %s\n", o.model, out.Summary(), duration(time.Since(start)))
	}

	if o.hideFP {
		n := len(doc.Findings)
		doc.Findings = slices.DeleteFunc(slices.Clone(doc.Findings), func(f analyzers.Finding) bool {
			return f.Triage != nil && f.Triage.Verdict == analyzers.FalsePositive
		})
		doc.Hidden = append(doc.Hidden, report.Hidden{Reason: "judged false positive by the model (--hide-false-positives)", Count: n - len(doc.Findings)})
	}
}

// ensureModel pulls the model when Ollama does not have it.
func ensureModel(ctx context.Context, client *llm.Client, model string, w io.Writer, tty bool) error {
	_, err := client.Check(ctx, model)
	var missing *llm.ModelMissingError
	if !errors.As(err, &missing) {
		return err // nil, or Ollama is not running
	}
	bar := newPullBar(w, model, tty)
	err = client.Pull(ctx, model, bar.update)
	bar.done(err)
	return err
}

func addDiagnostic(doc *report.Document, msg string) {
	doc.Diagnostics = append(doc.Diagnostics, source.Diagnostic{Severity: source.Warning, Message: msg})
	source.SortDiagnostics(doc.Diagnostics)
}

func contextOf(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}

// duration renders a stage's time: milliseconds below ten seconds, then
// seconds with one decimal, as the report does.
func duration(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// statusLine is one self-redrawing line on a terminal's standard error,
// for long stages whose progress is a count.
type statusLine struct {
	w       io.Writer
	enabled bool
	quit    chan struct{}
	done    chan struct{}
}

func newStatusLine(w io.Writer, enabled bool) *statusLine {
	return &statusLine{w: w, enabled: enabled}
}

func (s *statusLine) start(label func() string) {
	if !s.enabled {
		return
	}
	s.quit, s.done = make(chan struct{}), make(chan struct{})
	begin := time.Now()
	go func() {
		defer close(s.done)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			fmt.Fprintf(s.w, "\r\x1b[K%s %s %.0fs", spinner[i%len(spinner)], label(), time.Since(begin).Seconds())
			select {
			case <-s.quit:
				fmt.Fprint(s.w, "\r\x1b[K")
				return
			case <-tick.C:
			}
		}
	}()
}

func (s *statusLine) stop() {
	if !s.enabled || s.quit == nil {
		return
	}
	close(s.quit)
	<-s.done
	s.quit = nil
}

var spinner = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// pullBar shows a model download: a bar per layer on a terminal, each
// new status once elsewhere.
type pullBar struct {
	w      io.Writer
	model  string
	tty    bool
	last   string
	drawn  bool
	lastAt time.Time
}

func newPullBar(w io.Writer, model string, tty bool) *pullBar {
	fmt.Fprintf(w, "sleuth: %s is not installed in Ollama; pulling it\n", model)
	return &pullBar{w: w, model: model, tty: tty}
}

func (b *pullBar) update(p llm.Progress) {
	if p.Total > 0 && b.tty {
		if time.Since(b.lastAt) < 100*time.Millisecond && p.Completed < p.Total {
			return
		}
		b.lastAt = time.Now()
		const width = 30
		frac := float64(p.Completed) / float64(p.Total)
		frac = min(max(frac, 0), 1)
		filled := int(frac * width)
		fmt.Fprintf(b.w, "\r\x1b[K%s [%s%s] %3.0f%% %s/%s", p.Status, strings.Repeat("█", filled), strings.Repeat("░", width-filled),
			frac*100, byteSize(p.Completed), byteSize(p.Total))
		b.drawn = true
		return
	}
	if p.Status == b.last {
		return
	}
	b.last = p.Status
	if b.drawn {
		fmt.Fprintln(b.w)
		b.drawn = false
	}
	fmt.Fprintf(b.w, "sleuth: %s\n", p.Status)
}

func (b *pullBar) done(err error) {
	if b.drawn {
		fmt.Fprintln(b.w)
	}
	if err == nil {
		fmt.Fprintf(b.w, "sleuth: pulled %s\n", b.model)
	}
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
