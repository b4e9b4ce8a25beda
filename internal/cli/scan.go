package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/report"
)

// The stages, as variables so tests can reach outcomes real input cannot
// yet produce (a panicking stage, findings before detectors exist).
var (
	load = parser.Load
	// detect runs the detectors. They arrive with the analyzers package;
	// until then a scan reports no findings, only diagnostics.
	detect = func(*parser.Project) []analyzers.Finding { return nil }
)

type scanOptions struct {
	format       string
	output       string
	failOn       string
	strict       bool
	includeTests bool
	includeDeps  bool
	exclude      []string
}

func newScanCommand() *cobra.Command {
	var opts scanOptions
	cmd := &cobra.Command{
		Use:   "scan PATH...",
		Short: "Scan Solidity files and directories",
		Long: `Scan parses every Solidity file under the given paths and reports findings
and diagnostics. Parse errors are diagnostics, not failures, unless --strict.

By default test/ and script/ directories, *.t.sol and *.s.sol files, lib/ and
node_modules/ are parsed only when something in scope imports them, and
nothing is reported on them.`,
		Example: `  sleuth scan src/
  sleuth scan --format json --output sleuth.json .
  sleuth scan --fail-on medium --exclude 'src/mocks/**' src/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return &exitError{code: ExitUsage, err: errors.New("scan: no PATH given"), seeHelp: true}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScan(cmd, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "text", "output format: text or json")
	f.StringVarP(&opts.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	f.StringVar(&opts.failOn, "fail-on", string(analyzers.High),
		"exit 1 when a finding is at least this severe: critical, high, medium, low, info or none")
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 3) when any file has errors")
	f.BoolVar(&opts.includeTests, "include-tests", false, "scan test/ and script/ directories and *.t.sol, *.s.sol files")
	f.BoolVar(&opts.includeDeps, "include-deps", false, "also report on the files in lib/ and node_modules/ that the project imports")
	f.StringArrayVar(&opts.exclude, "exclude", nil, "leave out files matching `GLOB` (root-relative, ** allowed; repeatable)")
	return cmd
}

func runScan(cmd *cobra.Command, opts scanOptions, paths []string) error {
	// Everything the user can get wrong is checked before any work starts,
	// so a typo costs nothing and always exits 2.
	write, err := writerFor(opts.format)
	if err != nil {
		return err
	}
	failOn, err := parseFailOn(opts.failOn)
	if err != nil {
		return err
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return usageErrorf("%s", statMessage(p, err))
		}
	}
	if opts.output != "" {
		if err := checkOutput(opts.output); err != nil {
			return err
		}
	}

	start := time.Now()
	proj, err := load(parser.Config{
		Paths:        paths,
		IncludeTests: opts.includeTests,
		IncludeDeps:  opts.includeDeps,
		Exclude:      opts.exclude,
	})
	if err != nil {
		// Load fails only on what the user must fix first (a path that
		// vanished since the check above, an invalid --exclude pattern);
		// everything wrong with the sources is a diagnostic.
		return usageErrorf("%v", err)
	}
	parsed := time.Since(start)

	units := proj.InScope()
	if len(units) == 0 {
		hint := "tests and scripts are skipped without --include-tests, lib/ and node_modules/ without --include-deps"
		if len(opts.exclude) > 0 {
			hint += "; check the --exclude patterns"
		}
		return &exitError{code: ExitFailure,
			err:  fmt.Errorf("no Solidity files found in %s", strings.Join(paths, ", ")),
			hint: hint}
	}

	doc := report.Document{Diagnostics: proj.Diagnostics}
	doc.Stats.Files = len(units)
	for _, u := range units {
		doc.Stats.Lines += u.File.LineCount()
	}
	doc.Stats.Stages = []report.Stage{{Name: "parse", Duration: parsed}}
	doc.Findings = detect(proj)
	doc.Stats.Duration = time.Since(start)

	var buf bytes.Buffer
	if err := write(&buf, doc); err != nil {
		return failuref("writing the report: %v", err)
	}
	if opts.output == "" {
		_, err = cmd.OutOrStdout().Write(buf.Bytes())
	} else {
		err = os.WriteFile(opts.output, buf.Bytes(), 0o644)
	}
	if err != nil {
		return failuref("writing the report: %v", err)
	}

	// The report is out first in every case below: it holds the
	// diagnostics that explain the failure.
	if !anyParsed(units) {
		return failuref("none of the files in scope could be parsed")
	}
	if opts.strict {
		if n, files := countErrors(doc.Diagnostics); n > 0 {
			return failuref("--strict: %d %s in %d %s", n, noun(n, "error"), files, noun(files, "file"))
		}
	}
	for _, f := range doc.Findings {
		if failOn != "" && f.Severity.AtLeast(failOn) {
			return &exitError{code: ExitFindings}
		}
	}
	return nil
}

func writerFor(format string) (func(io.Writer, report.Document) error, error) {
	switch format {
	case "text":
		return report.WriteText, nil
	case "json":
		return report.WriteJSON, nil
	}
	return nil, usageErrorf("unknown format %q (want text or json)", format)
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

// checkOutput fails fast when --output cannot be written, instead of after
// a long scan. It leaves the file itself alone until the report is ready.
func checkOutput(name string) error {
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return usageErrorf("--output %s is a directory", name)
	}
	dir := filepath.Dir(name)
	fi, err := os.Stat(dir)
	if err != nil {
		return usageErrorf("--output: %s", statMessage(dir, err))
	}
	if !fi.IsDir() {
		return usageErrorf("--output: not a directory: %s", dir)
	}
	return nil
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
