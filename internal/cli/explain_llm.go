package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/internal/config"
	"github.com/sleuth-sec/sleuth/llm"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/report"
)

// withFindingExplain teaches `sleuth explain` a second form: with --finding
// ID and the paths to scan it shows one finding, and with --llm streams a
// model's explanation of it and a fix. `explain DETECTOR` is unchanged.
func withFindingExplain(cmd *cobra.Command, colorMode *string) *cobra.Command {
	var finding string
	var o llmOptions
	cmd.Use = "explain DETECTOR | explain --finding ID [--llm] PATH..."
	cmd.Short = "Explain a detector, or one finding (with a local model's help: --llm)"
	cmd.Example += `
  sleuth explain --finding 9f2c41d0 src/
  sleuth explain --finding 9f2c41d0 --llm --model qwen2.5-coder:14b src/`
	f := cmd.Flags()
	f.StringVar(&finding, "finding", "", "explain the finding with this `ID` (or a unique prefix of it) found by scanning PATH")
	f.BoolVar(&o.enabled, "llm", false, "with --finding: stream a local model's explanation and fix (Ollama; OLLAMA_HOST)")
	f.StringVar(&o.model, "model", "", "the Ollama `MODEL` that explains (default "+llm.DefaultModel+")")
	f.BoolVar(&o.pull, "pull", false, "download the model through Ollama first if it is not installed")
	f.DurationVar(&o.timeout, "llm-timeout", llm.DefaultTimeout, "give up on the explanation after `DURATION`")

	args, run := cmd.Args, cmd.RunE
	cmd.Args = func(c *cobra.Command, a []string) error {
		if finding == "" {
			if o.enabled {
				return &exitError{code: ExitUsage, err: errors.New("--llm explains one finding: add --finding ID and the PATH to scan"), seeHelp: true}
			}
			return args(c, a)
		}
		if len(a) == 0 {
			return &exitError{code: ExitUsage, err: errors.New("explain --finding: no PATH given to find it in"), seeHelp: true}
		}
		return nil
	}
	cmd.RunE = func(c *cobra.Command, a []string) error {
		if finding == "" {
			return run(c, a)
		}
		return runExplainFinding(c, strings.ToLower(strings.TrimSpace(finding)), o, a, *colorMode)
	}
	return cmd
}

func runExplainFinding(cmd *cobra.Command, id string, o llmOptions, paths []string, colorMode string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	color, err := useColor(colorMode, stdout)
	if err != nil {
		return err
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return usageErrorf("%s", statMessage(p, err))
		}
	}
	if err := resolveExplainLLM(cmd, &o, paths); err != nil {
		return err
	}

	// Ids do not depend on what is in scope, so a finding reported with
	// --include-tests or --include-deps is found by widening the scope.
	var (
		proj  *parser.Project
		found *analyzers.Finding
		all   []analyzers.Finding
	)
	for _, wide := range []bool{false, true} {
		proj, err = load(parser.Config{Paths: paths, IncludeTests: wide, IncludeDeps: wide})
		if err != nil {
			return usageErrorf("%v", err)
		}
		files := map[string]*source.File{}
		for _, u := range proj.Units {
			files[u.File.Path] = u.File
		}
		findings, _ := detect(proj, registered())
		analyzers.AssignIDs(findings, report.CodeOf(func(p string) *source.File { return files[p] }))
		all = findings
		var matches []analyzers.Finding
		for _, f := range findings {
			if strings.HasPrefix(f.ID, id) {
				matches = append(matches, f)
			}
		}
		if len(matches) > 1 {
			var ids []string
			for _, m := range matches {
				ids = append(ids, m.ID[:min(12, len(m.ID))]+" ("+m.Detector+")")
			}
			return usageErrorf("--finding %s matches %d findings: %s; give more of the id", id, len(matches), strings.Join(ids, ", "))
		}
		if len(matches) == 1 {
			found = &matches[0]
			break
		}
	}
	if found == nil {
		hint := "list the ids with `sleuth scan --format json " + strings.Join(paths, " ") + "`"
		if len(all) == 0 {
			hint = "the scan found nothing at all there"
		}
		return &exitError{code: ExitUsage, err: fmt.Errorf("no finding with id %s in %s", id, strings.Join(paths, ", ")), hint: hint}
	}

	// The finding itself, as scan shows it.
	doc := report.Document{Root: proj.Root, Sources: map[string]*source.File{}, Detectors: registered()}
	for _, u := range proj.Units {
		doc.Sources[u.File.Path] = u.File
	}
	doc.Findings = []analyzers.Finding{*found}
	if err := (report.TextOptions{Color: color, Quiet: true}).Write(stdout, doc); err != nil {
		return err
	}
	a := lookup(found.Detector)
	if !o.enabled {
		if a == nil {
			return nil
		}
		return report.WriteExplain(stdout, a, color)
	}

	ctx, stop := signal.NotifyContext(contextOf(cmd), os.Interrupt)
	defer stop()
	client := llm.NewClient(o.host, nil)
	if o.pull {
		if err := ensureModel(ctx, client, o.model, stderr, isTerminal(stderr)); err != nil {
			return failuref("%v", err)
		}
	}
	info, err := client.Check(ctx, o.model)
	if err != nil {
		return failuref("%v", err)
	}
	window := llm.DefaultContextWindow
	if info.ContextLength > 0 && info.ContextLength < window {
		window = info.ContextLength
	}
	slice := llm.NewSlicer(sema.Build(proj)).Slice(*found, a)
	fmt.Fprintf(stdout, "%s explains (model output; check it against the code):\n\n", o.model)
	if err := client.Explain(ctx, o.model, slice, window, o.timeout, stdout); err != nil {
		fmt.Fprintln(stdout)
		return failuref("%v", err)
	}
	fmt.Fprintln(stdout)
	return nil
}

// resolveExplainLLM is resolveLLM for explain: sleuth.toml's model and
// host apply, and the model flags need --llm.
func resolveExplainLLM(cmd *cobra.Command, o *llmOptions, paths []string) error {
	changed := cmd.Flags().Changed
	if !o.enabled {
		for _, name := range []string{"model", "pull", "llm-timeout"} {
			if changed(name) {
				return usageErrorf("--%s needs --llm", name)
			}
		}
		return nil
	}
	var host string
	if cfg, _, err := config.Load(paths[0]); err != nil {
		return usageErrorf("%v", err)
	} else {
		if !changed("model") && cfg.LLM.Model != "" {
			o.model = cfg.LLM.Model
		}
		host = cfg.LLM.Host
	}
	if o.model == "" {
		o.model = llm.DefaultModel
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
