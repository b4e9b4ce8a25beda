package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/progress"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/report"
)

// The stages, as variables so tests can reach outcomes real input cannot
// yet produce (a panicking stage, findings before detectors exist).
var (
	load = parser.Load
	// detect runs the selected detectors over the loaded project and
	// returns their findings and any diagnostics of the analysis itself
	// (a detector that failed, inheritance that cannot be linearised).
	// The semantic model is built once here and shared by every detector.
	detect detectFunc = func(proj *parser.Project, detectors []*analyzers.Analyzer) ([]analyzers.Finding, []source.Diagnostic) {
		r := analyzers.Analyze(proj, detectors, nil)
		return r.Findings, r.Diagnostics
	}
	// now is the clock reports are dated by.
	now = time.Now
)

// detectFunc is the shape of the detection stage.
type detectFunc = func(*parser.Project, []*analyzers.Analyzer) ([]analyzers.Finding, []source.Diagnostic)

type scanOptions struct {
	format       string
	output       string
	jsonFile     string
	sarifFile    string
	markdownFile string
	// sarifRoot is what SARIF paths are relative to, when not the
	// scanned root (--sarif-root).
	sarifRoot string
	color     string

	failOn      string
	minSeverity string
	detectors   []string
	exclDetect  []string

	baseline      string
	writeBaseline string

	strict       bool
	includeTests bool
	includeDeps  bool
	exclude      []string

	quiet   bool
	verbose bool

	llm llmOptions // LLM triage: internal/cli/llm.go

	// overlay replaces the contents of files on disk (absolute path to
	// contents), e.g. with their staged versions; nil reads the disk.
	overlay map[string][]byte
	// reportOnly, when not nil, limits findings to these files (absolute
	// paths); the rest of the project is still loaded as context.
	reportOnly map[string]bool

	symbolic symbolicOptions // --symbolic: internal/cli/symbolic.go

	staged bool // --staged: internal/cli/staged.go
	tui    bool // --tui: internal/cli/tui.go
	// reviewed is how findings reviewed in .sleuth/triage.json show:
	// "flag" or "hide" (internal/cli/tui.go).
	reviewed string
}

func newScanCommand(colorMode *string) *cobra.Command {
	var opts scanOptions
	cmd := &cobra.Command{
		Use:   "scan PATH...",
		Short: "Scan Solidity files and directories",
		Long: `Scan parses every Solidity file under the given paths, runs the detectors and
reports findings and diagnostics. Parse errors are diagnostics, not failures,
unless --strict.

By default test/ and script/ directories (in a Foundry or Hardhat project
also any test/ inside the sources), *.t.sol and *.s.sol files, lib/ and
node_modules/ are parsed only when something in scope imports them, and
nothing is reported on them.

The report goes to standard output as text (--format, --output change that);
--json, --sarif and --markdown write more formats beside it in one run.

A baseline hides known findings: --write-baseline FILE records the ids of
every finding of this scan (whatever --min-severity and --baseline hide), and
--baseline FILE hides those ids later. Ids ignore line numbers, so a baseline
survives edits elsewhere. A JSON report works as a baseline too.`,
		Example: `  sleuth scan src/
  sleuth scan --format json --output sleuth.json .
  sleuth scan --sarif sleuth.sarif --markdown report.md .
  sleuth scan --fail-on medium --exclude 'src/mocks/**' src/
  sleuth scan --detectors reentrancy-eth,tx-origin src/
  sleuth scan --write-baseline .sleuth-baseline.json --fail-on none .
  sleuth scan --baseline .sleuth-baseline.json .`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && !opts.staged {
				return &exitError{code: ExitUsage, err: errors.New("scan: no PATH given"), seeHelp: true}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.color = *colorMode
			return runScan(cmd, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "text", "report format: "+listOf(formats))
	f.StringVarP(&opts.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	addReportFileFlags(f, &opts)
	f.StringVar(&opts.failOn, "fail-on", string(analyzers.High),
		"exit 1 when a shown finding is at least this severe: critical, high, medium, low, info or none")
	addScopeFlags(f, &opts)
	f.StringVar(&opts.writeBaseline, "write-baseline", "", "write the ids of this scan's findings to `FILE`")
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 3) when any file has errors")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print only findings and errors: no summary, no progress")
	f.BoolVarP(&opts.verbose, "verbose", "v", false, "print stage timings and every diagnostic")
	f.BoolVar(&opts.staged, "staged", false, "scan the staged versions of the files changed in git's index, with the whole project as context (for pre-commit hooks)")
	f.BoolVar(&opts.tui, "tui", false, "browse the findings in the terminal UI instead of printing a report")
	f.StringVar(&opts.reviewed, "reviewed", "flag", "findings reviewed in .sleuth/triage.json: flag shows their review, hide leaves out false positives")
	addLLMFlags(cmd, &opts.llm)
	addSymbolicFlags(cmd, &opts.symbolic)
	return cmd
}

// addReportFileFlags are the flags that write more formats beside the
// main output, shared by the commands that scan.
func addReportFileFlags(f *pflag.FlagSet, opts *scanOptions) {
	f.StringVar(&opts.jsonFile, "json", "", "also write the JSON report to `FILE`")
	f.StringVar(&opts.sarifFile, "sarif", "", "also write a SARIF 2.1.0 log to `FILE`")
	f.StringVar(&opts.markdownFile, "markdown", "", "also write the Markdown report to `FILE`")
	f.StringVar(&opts.sarifRoot, "sarif-root", "", "make SARIF paths relative to `DIR`, a directory holding the scanned project (the repository, for code scanning)")
}

// addScopeFlags are the flags that choose what is scanned, which detectors
// run and which findings show, shared by every command that scans.
func addScopeFlags(f *pflag.FlagSet, opts *scanOptions) {
	f.StringVar(&opts.minSeverity, "min-severity", "", "hide findings below `SEVERITY` (critical, high, medium, low, info)")
	f.StringSliceVar(&opts.detectors, "detectors", nil, "run only these detectors (`IDS`, comma-separated; see 'sleuth detectors')")
	f.StringSliceVar(&opts.exclDetect, "exclude-detectors", nil, "run all detectors but these (`IDS`, comma-separated)")
	f.StringVar(&opts.baseline, "baseline", "", "hide findings whose ids are in `FILE` (a baseline or a JSON report)")
	f.BoolVar(&opts.includeTests, "include-tests", false, "scan test/ and script/ directories and *.t.sol, *.s.sol files")
	f.BoolVar(&opts.includeDeps, "include-deps", false, "also report on the files in lib/ and node_modules/ that the project imports")
	f.StringArrayVar(&opts.exclude, "exclude", nil, "leave out files matching `GLOB` (root-relative, ** allowed; repeatable)")
}

func runScan(cmd *cobra.Command, opts scanOptions, paths []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()

	// Everything the user can get wrong is checked before any work starts,
	// so a typo costs nothing and always exits 2.
	if opts.quiet && opts.verbose {
		return usageErrorf("--quiet and --verbose cannot be used together")
	}
	if opts.staged {
		var err error
		if paths, err = prepareStaged(cmd, &opts, paths); err != nil {
			return err
		}
	}
	p, err := preparePipeline(cmd, &opts, paths)
	if err != nil {
		return err
	}
	if opts.tui {
		// Refuse before scanning, not after: without a terminal the scan
		// would be wasted.
		if err := needTerminal(cmd); err != nil {
			return err
		}
		res, err := p.run(cmd, paths)
		if err != nil {
			return err
		}
		res.resumeGC()
		return runTUI(cmd, p, res)
	}
	outs, err := planOutputs(opts, stdout)
	if err != nil {
		return err
	}
	failOn, err := parseFailOn(opts.failOn)
	if err != nil {
		return err
	}

	res, err := p.run(cmd, paths)
	if err != nil {
		return err
	}
	defer res.resumeGC()
	doc := res.doc

	p.logf("writing %s", describeOutputs(outs))
	if opts.verbose {
		logDiagnosticsPerFile(stderr, doc.Diagnostics)
	}
	for _, o := range outs {
		if err := o.emit(stdout, doc); err != nil {
			return err
		}
	}

	if res.failure != nil {
		return res.failure
	}
	for _, f := range doc.Findings {
		if failOn != "" && f.Severity.AtLeast(failOn) {
			return &exitError{code: ExitFindings}
		}
	}
	return nil
}

// pipeline is a scan's stages with the user's choices checked and
// resolved: what `sleuth scan` runs before writing reports, and what every
// other command that needs findings (the TUI, the GitHub integration) runs
// the same way, so they all see exactly what a scan would report.
type pipeline struct {
	opts      scanOptions
	overrides map[string]analyzers.Severity
	minSev    analyzers.Severity
	only      []string
	excluded  []string
	selected  []*analyzers.Analyzer
	base      report.Baseline
	stderr    io.Writer
}

// scanResult is what a pipeline produced.
type scanResult struct {
	doc  report.Document
	proj *parser.Project
	// resumeGC turns the collector back on (see run); call it once the
	// result is written, or before anything long-running.
	resumeGC func()
	// failure, when set, is why the run cannot be trusted (nothing
	// parsed, --strict with errors): the report is still complete and
	// says so, and the command exits 3 after writing it.
	failure error
}

// preparePipeline merges sleuth.toml into opts and checks every choice
// that does not need the sources: detector ids, severities, the baseline,
// the LLM settings and that the paths exist.
func preparePipeline(cmd *cobra.Command, opts *scanOptions, paths []string) (*pipeline, error) {
	overrides, err := applyConfig(cmd, opts, paths)
	if err != nil {
		return nil, err
	}
	if err := resolveLLM(cmd, &opts.llm, paths); err != nil {
		return nil, err
	}
	p := &pipeline{overrides: overrides, stderr: cmd.ErrOrStderr()}
	if p.minSev, err = parseMinSeverity(opts.minSeverity); err != nil {
		return nil, err
	}
	p.only, p.excluded = idList(opts.detectors), idList(opts.exclDetect)
	if p.selected, err = selectDetectors(registered(), p.only, p.excluded); err != nil {
		return nil, err
	}
	if p.base, err = readBaseline(opts.baseline); err != nil {
		return nil, err
	}
	if err := checkReviewedMode(opts.reviewed); err != nil {
		return nil, err
	}
	for _, path := range paths {
		if _, err := os.Stat(path); err != nil {
			return nil, usageErrorf("%s", statMessage(path, err))
		}
	}
	p.opts = *opts
	return p, nil
}

func (p *pipeline) logf(format string, args ...any) {
	if p.opts.verbose {
		fmt.Fprintf(p.stderr, "sleuth: "+format+"\n", args...)
	}
}

// run loads and parses paths, runs the detectors and the later stages,
// and applies the filters: the report as the user asked for it.
func (p *pipeline) run(cmd *cobra.Command, paths []string) (*scanResult, error) {
	opts := p.opts
	stderr := p.stderr
	spin := progress.New(stderr, !opts.quiet && isTerminal(stderr))

	// The collector stays off through the report of a scan that ends
	// there: turned back on, it would first mark all the heap the static
	// stage left, for the few milliseconds of writing. Later stages that
	// run on (symbolic, LLM, the TUI) get it back first; the caller
	// resumes it through the result.
	resumeGC := pauseGC()
	handedOver := false
	defer func() {
		if !handedOver {
			resumeGC() // the run ended early
		}
	}()
	start := time.Now()
	stop := spin.Start("parsing " + strings.Join(paths, " "))
	proj, err := load(parser.Config{
		Paths:        paths,
		IncludeTests: opts.includeTests,
		IncludeDeps:  opts.includeDeps,
		Exclude:      opts.exclude,
		Overlay:      opts.overlay,
	})
	stop()
	if err != nil {
		// Load fails only on what the user must fix first (a path that
		// vanished since the check above, an invalid --exclude pattern);
		// everything wrong with the sources is a diagnostic.
		return nil, usageErrorf("%v", err)
	}
	parsed := time.Since(start)

	units := proj.InScope()
	p.logf("parse: %s in scope, %s loaded in all, %d ms", plural(len(units), "file"), plural(len(proj.Units), "file"), parsed.Milliseconds())
	if len(units) == 0 {
		hint := "tests and scripts are skipped without --include-tests, lib/ and node_modules/ without --include-deps"
		if len(opts.exclude) > 0 {
			hint += "; check the --exclude patterns"
		}
		return nil, &exitError{code: ExitFailure,
			err:  fmt.Errorf("no Solidity files found in %s", strings.Join(paths, ", ")),
			hint: hint}
	}

	doc := report.Document{
		Root:      proj.Root,
		Sources:   map[string]*source.File{},
		Detectors: p.selected,
		Generated: reportTime(),
	}
	for _, u := range proj.Units {
		doc.Sources[u.File.Path] = u.File
	}
	doc.Stats.Files = len(units)
	for _, u := range units {
		doc.Stats.Lines += u.File.LineCount()
	}

	analyzeStart := time.Now()
	stop = spin.Start(fmt.Sprintf("analyzing %s with %s", plural(len(units), "file"), plural(len(p.selected), "detector")))
	findings, diags := detect(proj, p.selected)
	stop()
	if opts.symbolic.enabled || opts.llm.enabled {
		resumeGC()
	}
	analyzed := time.Since(analyzeStart)
	p.logf("analyze: %s, %s, %d ms", plural(len(p.selected), "detector"), plural(len(findings), "finding"), analyzed.Milliseconds())

	doc.Diagnostics = append(append([]source.Diagnostic(nil), proj.Diagnostics...), diags...)
	source.SortDiagnostics(doc.Diagnostics)
	// Detectors fingerprint their findings; anything arriving without an
	// id (from a later stage, or a test) gets one the same way here, so
	// baselines and SARIF fingerprints always have one to work with.
	analyzers.AssignIDs(findings, report.CodeOf(doc.File))
	findings = keepSelected(findings, p.only, p.excluded)
	if opts.reportOnly != nil {
		findings = slices.DeleteFunc(findings, func(f analyzers.Finding) bool {
			return !opts.reportOnly[filepath.Join(proj.Root, filepath.FromSlash(f.Location.File))]
		})
	}
	// The symbolic stage confirms or refutes findings and adds what only
	// it can prove; what it adds obeys the same selection and overrides.
	symbolicStart := time.Now()
	findings = p.symbolicStage(cmd, proj, &doc, findings)
	symbolicTime := time.Since(symbolicStart)
	for i := range findings {
		if sev, ok := p.overrides[findings[i].Detector]; ok {
			findings[i].Severity = sev
		}
	}

	if opts.writeBaseline != "" {
		var buf bytes.Buffer
		if err := report.WriteBaseline(&buf, findings); err != nil {
			return nil, failuref("--write-baseline: %v", err)
		}
		if err := writeFileAtomic(opts.writeBaseline, buf.Bytes()); err != nil {
			return nil, failuref("--write-baseline: %v", err)
		}
		if !opts.quiet {
			fmt.Fprintf(stderr, "sleuth: wrote the ids of %s to %s\n", plural(len(findings), "finding"), opts.writeBaseline)
		}
	}
	doc.Findings, doc.Hidden = hideFindings(findings, p.minSev, p.base)
	if err := applyReviewFile(&doc, opts.reviewed); err != nil {
		return nil, err
	}

	doc.Stats.Stages = []report.Stage{{Name: "parse", Duration: parsed}, {Name: "analyze", Duration: analyzed}}
	if opts.symbolic.enabled {
		doc.Stats.Stages = append(doc.Stats.Stages, report.Stage{Name: "symbolic", Duration: symbolicTime})
	}
	doc.Stats.Duration = time.Since(start)
	// LLM triage annotates the shown findings; it never fails the scan.
	triageStage(cmd, opts.llm, proj, &doc, opts.quiet)

	// A run that cannot be trusted still writes its report — it holds the
	// diagnostics that explain why — but says so in it (SARIF's
	// executionSuccessful) and exits 3.
	res := &scanResult{proj: proj, resumeGC: resumeGC}
	handedOver = true
	switch {
	case !anyParsed(units):
		res.failure = failuref("none of the files in scope could be parsed")
	case opts.strict:
		if n, files := countErrors(doc.Diagnostics); n > 0 {
			res.failure = failuref("--strict: %d %s in %d %s", n, noun(n, "error"), files, noun(files, "file"))
		}
	}
	if res.failure != nil {
		doc.Failure = res.failure.Error()
	}
	res.doc = doc
	return res, nil
}

// reportTime dates the report: now, or SOURCE_DATE_EPOCH when set, the
// reproducible-builds convention for making dated output reproducible.
func reportTime() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return now()
}

// logDiagnosticsPerFile is --verbose's per-file count of diagnostics.
func logDiagnosticsPerFile(w io.Writer, ds []source.Diagnostic) {
	type count struct{ errors, warnings, infos int }
	var files []string
	per := map[string]*count{}
	for _, d := range ds {
		c := per[d.File]
		if c == nil {
			c = &count{}
			per[d.File] = c
			files = append(files, d.File)
		}
		switch d.Severity {
		case source.Error:
			c.errors++
		case source.Warning:
			c.warnings++
		default:
			c.infos++
		}
	}
	for _, f := range files {
		c := per[f]
		name := f
		if name == "" {
			name = "(run)"
		}
		fmt.Fprintf(w, "sleuth: diagnostics: %s: %s, %s, %d info\n", name, plural(c.errors, "error"), plural(c.warnings, "warning"), c.infos)
	}
}

// parseFailOn returns the threshold, or "" for none: never fail on findings.
func parseFailOn(s string) (analyzers.Severity, error) {
	if s == "none" {
		return "", nil
	}
	sev, err := analyzers.ParseSeverity(s)
	if err != nil {
		return "", usageErrorf("unknown --fail-on severity %q (want critical, high, medium, low, info or none)", s)
	}
	return sev, nil
}

// statMessage words a failed os.Stat the way the brief error line wants it:
// the problem first, then the path as the user typed it.
func statMessage(p string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory: " + p
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: " + p
	}
	return err.Error()
}

// anyParsed reports whether at least one file in scope yielded a syntax
// tree worth analysing: one that parsed cleanly (even if empty) or that
// recovered some declarations despite its errors.
func anyParsed(units []*parser.Unit) bool {
	for _, u := range units {
		if u.AST != nil && (u.SyntaxErrors == 0 || len(u.AST.Nodes) > 0) {
			return true
		}
	}
	return false
}

func countErrors(ds []source.Diagnostic) (n, files int) {
	seen := map[string]bool{}
	for _, d := range ds {
		if d.Severity == source.Error {
			n++
			if !seen[d.File] {
				seen[d.File] = true
				files++
			}
		}
	}
	return n, files
}

func noun(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

func plural(n int, s string) string {
	return strconv.Itoa(n) + " " + noun(n, s)
}
