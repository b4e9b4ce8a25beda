package cli

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sleuth-sec/sleuth/action"
	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/version"
)

func init() { moreCommands = append(moreCommands, newGithubCommand) }

// githubSleep waits out GitHub's rate limits; tests shorten it.
var githubSleep func(context.Context, time.Duration) error

// githubGetenv reads the Actions environment; tests replace it.
var githubGetenv = os.Getenv

func newGithubCommand(colorMode *string) *cobra.Command {
	var opts scanOptions
	cmd := &cobra.Command{
		Use:   "github [flags] [PATH...]",
		Short: "Scan and report to GitHub: pull-request review, summary comment, check run",
		Long: `github scans PATH (default: the current directory) exactly as 'sleuth scan'
does, then reports to GitHub from inside a GitHub Actions job:

  - on a pull request, one review whose inline comments sit on the lines the
    pull request changed (the finding, the fix, the LLM verdict when there
    is one), and one summary comment kept up to date in place;
  - a check run named "sleuth" with an annotation per finding.

Re-running the workflow never duplicates a comment. With a read-only token
(pull requests from forks) it prints workflow commands (::error …) instead.
The job summary is written whenever GITHUB_STEP_SUMMARY is set.

It reads GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_TOKEN, GITHUB_API_URL
(GitHub Enterprise Server works), GITHUB_SHA and GITHUB_WORKSPACE; paths in
comments are relative to GITHUB_WORKSPACE (or the git work tree's top).

The text report goes to standard output; --sarif and --json write more
reports from the same scan (for code scanning). Exit codes are scan's.`,
		Example: `  sleuth github --sarif sleuth.sarif .
  sleuth github --fail-on medium --llm contracts/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.color = *colorMode
			if len(args) == 0 {
				args = []string{"."}
			}
			return runGithub(cmd, opts, args)
		},
	}
	f := cmd.Flags()
	addReportFileFlags(f, &opts)
	f.StringVar(&opts.failOn, "fail-on", string(analyzers.High),
		"exit 1 and fail the check run when a finding is at least this severe: critical, high, medium, low, info or none")
	addScopeFlags(f, &opts)
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 3) when any file has errors")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print only findings and errors")
	f.BoolVarP(&opts.verbose, "verbose", "v", false, "print stage timings and every diagnostic")
	addLLMFlags(cmd, &opts.llm)
	return cmd
}

func runGithub(cmd *cobra.Command, opts scanOptions, paths []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if opts.quiet && opts.verbose {
		return usageErrorf("--quiet and --verbose cannot be used together")
	}
	env, err := action.LoadEnv(githubGetenv)
	if err != nil {
		msg := err.Error()
		if env.Token != "" {
			// Never echo the token, even if a message were to quote it.
			msg = strings.ReplaceAll(msg, env.Token, "***")
		}
		return &exitError{code: ExitUsage, err: errors.New("github: " + msg),
			hint: "'sleuth github' runs inside GitHub Actions; use 'sleuth scan' elsewhere"}
	}
	failOn, err := parseFailOn(opts.failOn)
	if err != nil {
		return err
	}
	opts.format = "text"
	p, err := preparePipeline(cmd, &opts, paths)
	if err != nil {
		return err
	}
	outs, err := planOutputs(opts, stdout)
	if err != nil {
		return err
	}
	res, err := p.run(cmd, paths)
	if err != nil {
		return err
	}
	defer res.resumeGC()
	doc := res.doc
	top, prefix, err := repoPrefix(githubGetenv("GITHUB_WORKSPACE"), doc.Root)
	if err != nil {
		return err
	}
	for _, o := range outs {
		// Code scanning maps results by repository path: the SARIF log
		// names them so, whatever subdirectory was scanned.
		if o.format == "sarif" && o.rebase == "" {
			o.rebase = top
		}
		if err := o.emit(stdout, doc); err != nil {
			return err
		}
	}

	in := action.Input{
		Findings: repoRelative(doc.Findings, prefix),
		Detector: doc.Detector,
		FailOn:   failOn,
		Version:  version.Version,
		Files:    doc.Stats.Files,
		Failure:  doc.Failure,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	pub := &action.Publisher{Env: env, Stdout: stdout, Log: stderr, Sleep: githubSleep}
	if _, err := pub.Publish(ctx, in); err != nil {
		return failuref("github: %v", err)
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

// repoPrefix returns the repository's top directory and the scan root's
// path inside it ("" at its top, forward slashes), which GitHub wants in
// front of every reported path. The repository is GITHUB_WORKSPACE, or
// else the git work tree holding the root.
func repoPrefix(workspace, root string) (top, prefix string, err error) {
	top, err = repoTop(workspace, root)
	if err != nil {
		return "", "", err
	}
	prefix, err = prefixIn(top, root)
	return top, prefix, err
}

func repoTop(workspace, root string) (string, error) {
	if workspace != "" {
		return workspace, nil
	}
	repo, err := findWorkTree(root)
	if err != nil {
		return "", usageErrorf("github: GITHUB_WORKSPACE is not set and %s is not in a git work tree", root)
	}
	return repo.top, nil
}

func prefixIn(top, root string) (string, error) {
	real := func(p string) string {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		return p
	}
	rel, err := filepath.Rel(real(top), real(root))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", usageErrorf("github: the scanned project %s is outside the repository %s", root, top)
	}
	if rel == "." {
		return "", nil
	}
	return filepath.ToSlash(rel), nil
}

// repoRelative copies findings with repository-relative paths.
func repoRelative(findings []analyzers.Finding, prefix string) []analyzers.Finding {
	out := make([]analyzers.Finding, len(findings))
	for i, f := range findings {
		f.Location.File = path.Join(prefix, f.Location.File)
		f.Related = append([]analyzers.Related(nil), f.Related...)
		for j := range f.Related {
			f.Related[j].Location.File = path.Join(prefix, f.Related[j].Location.File)
		}
		out[i] = f
	}
	return out
}
